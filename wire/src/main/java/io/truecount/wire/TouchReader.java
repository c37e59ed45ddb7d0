package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.MatchKeys;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.pii.Pii;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code POST /api/v1/touches}: {@code {"touches": [...]}} or NDJSON (one touch per line).
 * Each touch: {@code touch_id?, kind, ad_id, time (unix seconds), ttclid?, user{external_id,
 * email, phone, ttp, ip, user_agent}}; PII is normalized and hashed as for events. Good touches
 * pass even when others fail.
 */
public final class TouchReader {
  public static final int MAX_TOUCHES = 10_000;

  private TouchReader() {}

  /** The touches that passed and the ones that did not. */
  public record Result(List<Touch> accepted, List<FailedEvent> failed, int total) {}

  /**
   * @param adAdvertiser ad id → its advertiser id, for ads that exist
   * @param oldest touches older than this are refused (older than any attribution window)
   */
  public static Result read(byte[] body, boolean ndjson, String advertiserId, String phoneRegion, Instant now, Duration oldest,
      Function<String, Optional<String>> adAdvertiser) throws WireException {
    List<JsonNode> items = ndjson ? lines(body) : array(body);
    List<Touch> accepted = new ArrayList<>();
    List<FailedEvent> failed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String prefix = "touches." + i + ".";
      List<Problem> problems = new ArrayList<>();
      JsonNode item = items.get(i);
      Optional<Touch> touch = item.isObject() ? touch(item, prefix, advertiserId, phoneRegion, now, oldest, adAdvertiser, problems) : Optional.empty();
      if (!item.isObject()) {
        problems.add(Problem.of("touches." + i, Fields.shown(item), "Must be a touch object"));
      }
      if (touch.isPresent() && problems.isEmpty()) {
        accepted.add(touch.get());
      } else {
        failed.add(new FailedEvent(i, item.path("touch_id").asText(""), problems));
      }
    }
    return new Result(accepted, failed, items.size());
  }

  private static Optional<Touch> touch(JsonNode item, String prefix, String advertiserId, String phoneRegion, Instant now, Duration oldest,
      Function<String, Optional<String>> adAdvertiser, List<Problem> problems) {
    Optional<TouchKind> kind = Fields.requiredString(item, prefix, "kind", problems).flatMap(k -> kind(k, prefix, problems));
    Optional<String> adId = adId(item, prefix, advertiserId, adAdvertiser, problems);
    Optional<Instant> time = time(item.get("time"), prefix, now, oldest, problems);
    String touchId = Fields.optionalString(item, prefix, "touch_id", problems);
    if (touchId.length() > Limits.MAX_ID) {
      problems.add(Problem.of(prefix + "touch_id", touchId.length() + " chars", "At most " + Limits.MAX_ID + " characters"));
    }
    String ttclid = Fields.optionalString(item, prefix, "ttclid", problems);
    List<Problem> userProblems = new ArrayList<>();
    MatchKeys keys = new UserReader(false, phoneRegion, userProblems).read(item.get("user"));
    userProblems.forEach(p -> problems.add(p.atField(prefix + p.field())));
    if (!ttclid.isEmpty()) {
      keys = new MatchKeys(keys.emails(), keys.phones(), keys.externalIds(), ttclid, keys.ttp(), keys.ip(), keys.userAgent(), keys.other());
    }
    if (keys.present().isEmpty() && problems.isEmpty()) {
      problems.add(Problem.of(prefix + "user", "", "At least one match key is required: ttclid, external_id, email, phone, ttp, or ip with user_agent"));
    }
    if (kind.isEmpty() || adId.isEmpty() || time.isEmpty() || !problems.isEmpty()) {
      return Optional.empty();
    }
    String id = touchId.isEmpty() ? derivedId(adId.get(), kind.get(), time.get(), keys) : touchId;
    return Optional.of(new Touch(id, advertiserId, adId.get(), kind.get(), time.get(), keys));
  }

  /** A touch without an id gets one derived from its content, so a resent touch is the same touch. */
  static String derivedId(String adId, TouchKind kind, Instant time, MatchKeys keys) {
    String identity = String.join("|", adId, kind.name(), Long.toString(time.getEpochSecond()), String.join(",", keys.emails()),
        String.join(",", keys.phones()), String.join(",", keys.externalIds()), keys.ttclid(), keys.ttp(), keys.ip(), keys.userAgent());
    return "h" + Pii.sha256Hex(identity).substring(0, 24);
  }

  private static Optional<TouchKind> kind(String text, String prefix, List<Problem> problems) {
    try {
      return Optional.of(TouchKind.valueOf(text.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      problems.add(Problem.of(prefix + "kind", text, "Must be one of click, engaged_view, view"));
      return Optional.empty();
    }
  }

  private static Optional<String> adId(JsonNode item, String prefix, String advertiserId, Function<String, Optional<String>> adAdvertiser,
      List<Problem> problems) {
    JsonNode node = item.get("ad_id");
    if (Fields.absent(node)) {
      problems.add(Problem.of(prefix + "ad_id", "", "Missing required field: the id of the ad the user met"));
      return Optional.empty();
    }
    if (!node.isTextual() && !node.isIntegralNumber()) {
      problems.add(Problem.of(prefix + "ad_id", Fields.shown(node), "Not a valid string"));
      return Optional.empty();
    }
    String id = node.asText();
    Optional<String> owner = adAdvertiser.apply(id);
    if (owner.isEmpty() || !owner.get().equals(advertiserId)) {
      problems.add(Problem.of(prefix + "ad_id", id, "No such ad for advertiser " + advertiserId + ": create it first (POST /api/v1/ads)"));
      return Optional.empty();
    }
    return Optional.of(id);
  }

  private static Optional<Instant> time(JsonNode node, String prefix, Instant now, Duration oldest, List<Problem> problems) {
    if (Fields.absent(node)) {
      problems.add(Problem.of(prefix + "time", "", "Missing required field: Unix time in seconds"));
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() > 99_999_999_999L || node.longValue() < 0) {
      problems.add(Problem.of(prefix + "time", Fields.shown(node), "Not a valid Unix time in seconds"));
      return Optional.empty();
    }
    Instant time = Instant.ofEpochSecond(node.longValue());
    if (time.isAfter(now.plus(Duration.ofMinutes(10)))) {
      problems.add(Problem.of(prefix + "time", time.getEpochSecond() + " (" + time + ")", "At most 10 minutes in the future (received " + now + ")"));
      return Optional.empty();
    }
    if (time.isBefore(now.minus(oldest))) {
      problems.add(Problem.of(prefix + "time", time.getEpochSecond() + " (" + time + ")", "At most " + oldest.toDays() + " days old"));
      return Optional.empty();
    }
    return Optional.of(time);
  }

  private static List<JsonNode> array(byte[] body) throws WireException {
    JsonNode root = Json.parse(body);
    JsonNode touches = root.get("touches");
    if (!root.isObject() || touches == null || !touches.isArray()) {
      throw WireException.of(Problem.of("touches", touches == null ? "" : Fields.shown(touches), "Send {\"touches\": [ ... ]} or NDJSON (Content-Type: application/x-ndjson)"));
    }
    List<JsonNode> out = new ArrayList<>();
    touches.forEach(out::add);
    return bounded(out);
  }

  private static List<JsonNode> lines(byte[] body) throws WireException {
    List<JsonNode> out = new ArrayList<>();
    int line = 0;
    for (String text : new String(body, StandardCharsets.UTF_8).split("\n")) {
      line++;
      if (!text.isBlank()) {
        try {
          out.add(Json.parse(text.getBytes(StandardCharsets.UTF_8)));
        } catch (WireException e) {
          throw new WireException(Code.INVALID_PARAMS, "NDJSON line " + line + ": " + e.getMessage());
        }
      }
    }
    return bounded(out);
  }

  private static List<JsonNode> bounded(List<JsonNode> items) throws WireException {
    if (items.size() > MAX_TOUCHES) {
      throw new WireException(Code.BATCH_TOO_LARGE, items.size() + " touches in one request; at most " + MAX_TOUCHES + ". Nothing was accepted: split the batch.");
    }
    if (items.isEmpty()) {
      throw WireException.of(Problem.of("touches", "[]", "Must hold at least 1 touch"));
    }
    return items;
  }
}
