package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.MatchKeys;
import io.truecount.core.SmallMap;
import io.truecount.core.pii.Pii;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code user} into hashed match keys (spec §6). Raw emails and phones are normalized and
 * hashed here, or refused with 40062 in strict mode; they never leave this class in clear.
 */
final class UserReader {
  private static final List<String> PLAIN_OTHER = List.of("locale", "idfa", "idfv", "gaid", "att_status", "city", "state", "country");
  private static final List<String> HASHED_OTHER = List.of("first_name", "last_name", "zip_code");

  private final boolean strict;
  private final String phoneRegion;
  private final List<Problem> problems;

  UserReader(boolean strict, String phoneRegion, List<Problem> problems) {
    this.strict = strict;
    this.phoneRegion = phoneRegion;
    this.problems = problems;
  }

  MatchKeys read(JsonNode user) {
    if (Fields.absent(user)) {
      return MatchKeys.NONE;
    }
    if (!user.isObject() || user.has("_invalid")) {
      problems.add(Problem.of("user", "", "Must be an object"));
      return MatchKeys.NONE;
    }
    List<String> emails = hashedList(user, "email", "email address", raw -> Pii.normalizeEmail(raw));
    List<String> phones = hashedList(user, "phone", "phone number", raw -> Pii.normalizePhone(raw, phoneRegion));
    List<String> externalIds = hashedList(user, "external_id", "", raw -> Optional.of(raw.trim()));
    return new MatchKeys(
        emails, phones, externalIds,
        bounded(user, "ttclid", Limits.MAX_TEXT),
        bounded(user, "ttp", Limits.MAX_ID),
        bounded(user, "ip", 64),
        bounded(user, "user_agent", Limits.MAX_TEXT),
        other(user));
  }

  private List<String> hashedList(JsonNode user, String name, String piiKind, Function<String, Optional<String>> normalize) {
    JsonNode node = user.get(name);
    if (Fields.absent(node)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      hashOne(node.textValue(), name, -1, piiKind, normalize).ifPresent(out::add);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (item.isTextual()) {
          hashOne(item.textValue(), name, i, piiKind, normalize).ifPresent(out::add);
        } else {
          problems.add(Problem.of("user." + name + "." + i, piiKind.isEmpty() ? Fields.shown(item) : "", "Not a valid string"));
        }
      }
    } else {
      problems.add(Problem.of("user." + name, piiKind.isEmpty() ? Fields.shown(node) : "", "Not a valid string or array of strings"));
    }
    return out;
  }

  /** @param index the position in an array of values, or -1 for a single value */
  private Optional<String> hashOne(String raw, String name, int index, String piiKind, Function<String, Optional<String>> normalize) {
    if (raw.isBlank()) {
      return Optional.empty();
    }
    if (Pii.isSha256Hex(raw)) {
      return Optional.of(raw.toLowerCase(Locale.ROOT));
    }
    boolean pii = !piiKind.isEmpty();
    if (pii && strict) {
      problems.add(new Problem(path(name, index), Pii.redacted(raw), "Raw " + piiKind + " refused: this source is in strict mode, send the SHA-256 hex of the normalized value", Code.PII_NOT_HASHED));
      return Optional.empty();
    }
    Optional<String> normalized = normalize.apply(raw);
    if (normalized.isEmpty()) {
      problems.add(Problem.of(path(name, index), Pii.redacted(raw), "Not a valid " + piiKind + " nor a SHA-256 hex digest"));
      return Optional.empty();
    }
    return Optional.of(Pii.sha256Hex(normalized.get()));
  }

  private static String path(String name, int index) {
    return index < 0 ? "user." + name : "user." + name + "." + index;
  }

  private String bounded(JsonNode user, String name, int max) {
    String value = Fields.optionalString(user, "user.", name, problems);
    if (value.length() > max) {
      problems.add(Problem.of("user." + name, value.length() + " chars", "At most " + max + " characters"));
      return "";
    }
    return value;
  }

  private Map<String, String> other(JsonNode user) {
    Map<String, String> other = new SmallMap<>(4);
    for (String name : PLAIN_OTHER) {
      String value = bounded(user, name, Limits.MAX_ID);
      if (!value.isEmpty()) {
        other.put(name, value);
      }
    }
    for (String name : HASHED_OTHER) {
      String value = Fields.optionalString(user, "user.", name, problems).trim();
      if (!value.isEmpty()) {
        other.put(name, Pii.isSha256Hex(value) ? value.toLowerCase(Locale.ROOT) : Pii.sha256Hex(value.toLowerCase(Locale.ROOT)));
      }
    }
    return other;
  }
}
