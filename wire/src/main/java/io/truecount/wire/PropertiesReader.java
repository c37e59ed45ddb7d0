package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.SmallMap;
import io.truecount.core.pii.Pii;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates {@code properties} (spec §2) and keeps every key, custom ones included. Strings that
 * look like email addresses are hashed: PII in custom properties never reaches the log.
 */
final class PropertiesReader {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final List<String> TEXT_FIELDS = List.of("query", "search_string", "description", "order_id", "shop_id", "content_name", "content_category", "brand");

  private final List<Problem> problems;

  PropertiesReader(List<Problem> problems) {
    this.problems = problems;
  }

  Map<String, Object> read(JsonNode properties) {
    if (Fields.absent(properties)) {
      return Map.of();
    }
    if (!properties.isObject()) {
      problems.add(Problem.of("properties", Fields.shown(properties), "Must be an object"));
      return Map.of();
    }
    SmallMap<Object> out = new SmallMap<>(properties.size() + 1);
    for (Map.Entry<String, JsonNode> field : properties.properties()) {
      out.put(field.getKey(), Trees.plain(field.getValue(), PropertiesReader::scrub));
    }
    if (out.containsKey("contents_ids") && !out.containsKey("content_ids")) {
      out.put("content_ids", out.remove("contents_ids"));
    }
    currency(properties, out);
    amount(properties.get("value"), "properties.", "value");
    contents(properties.get("contents"));
    stringArray(properties, "content_ids");
    stringArray(properties, "contents_ids");
    contentType(properties.get("content_type"));
    count(properties.get("num_items"), "properties.", "num_items");
    for (String name : TEXT_FIELDS) {
      text(properties.get(name), "properties.", name);
    }
    return out.freeze();
  }

  private void currency(JsonNode properties, Map<String, Object> out) {
    JsonNode node = properties.get("currency");
    if (Fields.absent(node)) {
      return;
    }
    if (!node.isTextual()) {
      problems.add(Problem.of("properties.currency", Fields.shown(node), "Not a valid string"));
      return;
    }
    String code = node.textValue().trim().toUpperCase(Locale.ROOT);
    try {
      if (code.length() != 3) {
        throw new IllegalArgumentException(code);
      }
      Currency.getInstance(code);
      out.put("currency", code);
    } catch (IllegalArgumentException e) {
      problems.add(Problem.of("properties.currency", Fields.shown(node), "Not an ISO 4217 currency code, e.g. USD"));
    }
  }

  // The field paths below are prefix + name, built only for a problem (this runs for every field of every event).

  private void amount(JsonNode node, String prefix, String name) {
    if (Fields.absent(node)) {
      return;
    }
    if (!node.isNumber()) {
      problems.add(Problem.of(prefix + name, Fields.shown(node), "Not a valid number"));
    } else if (node.decimalValue().compareTo(BigDecimal.ZERO) < 0) {
      problems.add(Problem.of(prefix + name, Fields.shown(node), "Must be zero or more"));
    }
  }

  private void count(JsonNode node, String prefix, String name) {
    if (Fields.absent(node)) {
      return;
    }
    if (!node.isIntegralNumber() || node.decimalValue().signum() < 0) {
      problems.add(Problem.of(prefix + name, Fields.shown(node), "Not a valid non-negative integer"));
    }
  }

  private void contents(JsonNode contents) {
    if (Fields.absent(contents)) {
      return;
    }
    if (!contents.isArray()) {
      problems.add(Problem.of("properties.contents", Fields.shown(contents), "Must be an array of objects"));
      return;
    }
    for (int i = 0; i < contents.size(); i++) {
      JsonNode item = contents.get(i);
      if (!item.isObject()) {
        problems.add(Problem.of("properties.contents." + i, Fields.shown(item), "Must be an object"));
        continue;
      }
      String prefix = "properties.contents." + i + ".";
      text(item.get("content_id"), prefix, "content_id");
      text(item.get("content_name"), prefix, "content_name");
      text(item.get("content_category"), prefix, "content_category");
      text(item.get("brand"), prefix, "brand");
      amount(item.get("price"), prefix, "price");
      count(item.get("quantity"), prefix, "quantity");
    }
  }

  private void stringArray(JsonNode properties, String name) {
    JsonNode node = properties.get(name);
    if (Fields.absent(node)) {
      return;
    }
    if (!node.isArray()) {
      problems.add(Problem.of("properties." + name, Fields.shown(node), "Must be an array of strings"));
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      text(node.get(i), "properties." + name + ".", Integer.toString(i));
    }
  }

  private void contentType(JsonNode node) {
    if (Fields.absent(node)) {
      return;
    }
    if (!node.isTextual() || !(node.textValue().equals("product") || node.textValue().equals("product_group"))) {
      problems.add(Problem.of("properties.content_type", Fields.shown(node), "Must be product or product_group"));
    }
  }

  private void text(JsonNode node, String prefix, String name) {
    if (Fields.absent(node)) {
      return;
    }
    if (!node.isTextual()) {
      problems.add(Problem.of(prefix + name, Fields.shown(node), "Not a valid string"));
    } else if (node.textValue().length() > Limits.MAX_TEXT) {
      problems.add(Problem.of(prefix + name, node.textValue().length() + " chars", "At most " + Limits.MAX_TEXT + " characters"));
    }
  }

  /** An email-looking string becomes its SHA-256 (applied to every string of the tree). */
  static String scrub(String s) {
    return s.indexOf('@') >= 0 && EMAIL.matcher(s.trim()).matches() ? Pii.sha256Hex(s.trim().toLowerCase(Locale.ROOT)) : s;
  }
}
