package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.SmallMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * JsonNode → the plain Java trees the core keeps (String, Long, BigDecimal, Boolean, List, Map,
 * null), every string passed through a filter on the way (one pass, e.g. hashing email addresses).
 */
final class Trees {
  private Trees() {}

  /** One switch on the node's type: each {@code isX()} test is a virtual call of its own. */
  static Object plain(JsonNode node, UnaryOperator<String> strings) {
    if (node == null) {
      return null;
    }
    return switch (node.getNodeType()) {
      case NULL, MISSING -> null;
      case STRING -> strings.apply(node.textValue());
      case BOOLEAN -> node.booleanValue();
      case NUMBER -> number(node);
      case ARRAY -> list(node, strings);
      default -> map(node, strings);
    };
  }

  private static Object number(JsonNode node) {
    if (!node.isIntegralNumber()) {
      return node.decimalValue();
    }
    return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
  }

  private static List<Object> list(JsonNode node, UnaryOperator<String> strings) {
    List<Object> list = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      list.add(plain(item, strings));
    }
    return Collections.unmodifiableList(list);
  }

  static Map<String, Object> map(JsonNode node, UnaryOperator<String> strings) {
    SmallMap<Object> map = new SmallMap<>(node.size());
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      map.put(field.getKey(), plain(field.getValue(), strings));
    }
    return map.freeze();
  }
}
