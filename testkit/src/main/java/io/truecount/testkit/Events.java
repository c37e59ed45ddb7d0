package io.truecount.testkit;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.MatchKeys;
import io.truecount.core.SourceKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builder of core events for tests. */
public final class Events {
  private String sourceId = "C4SOURCE0000000000001";
  private SourceKind kind = SourceKind.WEB;
  private String event = "Purchase";
  private String eventId = "";
  private Instant eventTime = Instant.parse("2026-03-01T12:00:00Z");
  private Instant receivedAt = eventTime;
  private Channel channel = Channel.SERVER;
  private String testCode = "";
  private MatchKeys user = MatchKeys.NONE;
  private String url = "";
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public static Events event(String name) {
    Events e = new Events();
    e.event = name;
    return e;
  }

  public Events source(String id) {
    this.sourceId = id;
    return this;
  }

  public Events kind(SourceKind k) {
    this.kind = k;
    return this;
  }

  public Events id(String id) {
    this.eventId = id;
    return this;
  }

  public Events at(Instant time) {
    this.eventTime = time;
    this.receivedAt = time;
    return this;
  }

  public Events received(Instant time) {
    this.receivedAt = time;
    return this;
  }

  public Events channel(Channel c) {
    this.channel = c;
    return this;
  }

  public Events test(String code) {
    this.testCode = code;
    return this;
  }

  public Events url(String u) {
    this.url = u;
    return this;
  }

  public Events ttp(String ttp) {
    this.user = new MatchKeys(user.emails(), user.phones(), user.externalIds(), user.ttclid(), ttp, user.ip(), user.userAgent(), user.other());
    return this;
  }

  public Events email(String hash) {
    this.user = new MatchKeys(List.of(hash), user.phones(), user.externalIds(), user.ttclid(), user.ttp(), user.ip(), user.userAgent(), user.other());
    return this;
  }

  public Events value(String amount, String currency) {
    properties.put("value", new BigDecimal(amount));
    properties.put("currency", currency);
    return this;
  }

  public Events property(String key, Object value) {
    properties.put(key, value);
    return this;
  }

  public Event build() {
    return new Event(sourceId, kind, event, eventId, eventTime, receivedAt, channel, testCode, user, url, "", Map.copyOf(properties), Map.of());
  }
}
