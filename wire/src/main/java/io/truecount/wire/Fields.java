package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Small readers of JSON fields shared by the wire formats. */
final class Fields {
  private Fields() {}

  private static final java.util.regex.Pattern PHONE_LIKE = java.util.regex.Pattern.compile("[+()\\-. 0-9]*[0-9]{3}[+()\\-. 0-9]{6,}");

  /**
   * The value as it can be shown in an error: short, and never PII — a string that could be an
   * email address or a phone number is redacted whatever field it was sent in.
   */
  static String shown(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "";
    }
    if (node.isTextual() && looksLikePii(node.textValue())) {
      return io.truecount.core.pii.Pii.redacted(node.textValue());
    }
    if (node.isContainerNode() && looksLikePii(node.toString())) {
      return "[redacted " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "]";
    }
    String text = node.isTextual() ? '"' + node.textValue() + '"' : node.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  static boolean looksLikePii(String text) {
    return text.indexOf('@') >= 0 || PHONE_LIKE.matcher(text).find();
  }

  static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  /**
   * A required non-empty string, or a problem at {@code prefix + name} (the path is only built for
   * a problem: most fields of most events are fine, and this runs for every field of every event).
   */
  static Optional<String> requiredString(JsonNode parent, String prefix, String name, java.util.List<Problem> problems) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      problems.add(Problem.of(prefix + name, "", "Missing required field"));
      return Optional.empty();
    }
    if (!node.isTextual()) {
      problems.add(Problem.of(prefix + name, shown(node), "Not a valid string"));
      return Optional.empty();
    }
    if (node.textValue().isBlank()) {
      problems.add(Problem.of(prefix + name, shown(node), "Must not be empty"));
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  /** An optional string ("" when absent), or a problem at {@code prefix + name} when it is another type. */
  static String optionalString(JsonNode parent, String prefix, String name, java.util.List<Problem> problems) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return "";
    }
    if (!node.isTextual()) {
      problems.add(Problem.of(prefix + name, shown(node), "Not a valid string"));
      return "";
    }
    return node.textValue();
  }

  /** ISO 8601 with an offset, or a date (yyyy-MM-dd); epoch seconds for an instant. */
  static Optional<Long> isoSeconds(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toEpochSecond());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static Optional<LocalDate> isoDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
