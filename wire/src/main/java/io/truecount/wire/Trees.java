package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.SmallMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * JsonNode → the plain Java trees the core keeps (String, Long, BigDecimal, Boolean, List, Map,
 * null), every string passed through a filter on the way (one pass, e.g. hashing email addresses).
 */
final class Trees {
  private Trees() {}

  static Object plain(JsonNode node, UnaryOperator<String> strings) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return strings.apply(node.textValue());
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(item -> list.add(plain(item, strings)));
      return Collections.unmodifiableList(list);
    }
    return map(node, strings);
  }

  static Map<String, Object> map(JsonNode node, UnaryOperator<String> strings) {
    SmallMap<Object> map = new SmallMap<>(node.size());
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(field.getKey(), plain(field.getValue(), strings));
    }
    return map.freeze();
  }
}
