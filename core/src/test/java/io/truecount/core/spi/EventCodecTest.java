package io.truecount.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.MatchKeys;
import io.truecount.core.SourceKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  /** This event encoded by the version-1 codec (before the compact decimal form), as log rows written then hold it. */
  private static final String VERSION_1 = "0100000001000000154330504958454c303030303030303030303030303100000000085075726368617365000000076f"
      + "726465722d31000001a196fb1600000001a196fb29880100000000060000000105000000406161616161616161616161"
      + "616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161"
      + "61616161610600000000060000000000000007452e432e502e78000000057474702d310000000b3230332e302e313133"
      + "2e3900000002554107000000000000002568747470733a2f2f73686f702e6578616d706c652f703f7474636c69643d45"
      + "2e432e502e780000000007000000040000000863757272656e6379050000000342524c0000000576616c756504000000"
      + "020000000217660000000362696704000000010000000d0f951a9fa3a286c94f0e766c3900000008636f6e74656e7473"
      + "060000000107000000030000000a636f6e74656e745f69640500000005736b752d310000000570726963650400000003"
      + "00000001ff000000087175616e746974790300000000000000020700000000";

  /** {@link #versionTwoEvent} encoded by the version-2 codec (before the string table). */
  private static final String VERSION_2 = "0200000001000000154330504958454c303030303030303030303030303100000000085075726368617365000000076f"
      + "726465722d31000001a196fb1600000001a196fb29880100000000060000000105000000406161616161616161616161"
      + "616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161"
      + "61616161610600000000060000000000000007452e432e502e78000000057474702d310000000b3230332e302e313133"
      + "2e3900000002554107000000000000002568747470733a2f2f73686f702e6578616d706c652f703f7474636c69643d45"
      + "2e432e502e780000000007000000040000000863757272656e6379050000000342524c0000000576616c756508000000"
      + "0200000000000017660000000362696704000000010000000d0f951a9fa3a286c94f0e766c3900000008636f6e74656e"
      + "7473060000000107000000010000000a636f6e74656e745f69640500000005736b752d310700000000";

  /** {@link #event} twice, encoded by the version-3 codec (before event_ids and ttclids left the string table). */
  private static final String VERSION_3 = "0300000002544330504958454c3030303030303030303030303031002050757263686173651c6f726465722d31000001a1"
      + "96fb1600000001a196fb2988010006010502aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa060006001c452e432e502e7814"
      + "7474702d312c3230332e302e3131332e390855410700940168747470733a2f2f73686f702e6578616d706c652f703f7474636c69643d452e432e502e78"
      + "0707042063757272656e6379050c42524c1476616c7565080200000000000017660c62696704010000000d0f951a9fa3a286c94f0e766c3920636f6e74"
      + "656e74730601070328636f6e74656e745f69640514736b752d311470726963650803ffffffffffffffff207175616e7469747903000000000000000207"
      + "0001000305000001a196fb1600000001a196fb2988010706010509060006000b0d0f1107001307070415051719080200000000000017661b0401000000"
      + "0d0f951a9fa3a286c94f0e766c391d060107031f0521230803ffffffffffffffff250300000000000000020700";

  @Test
  void log_rows_written_in_version_3_still_decode() {
    assertThat(EventCodec.decode(HexFormat.of().parseHex(VERSION_3))).containsExactly(event(), event());
  }

  @Test
  void event_ids_and_ttclids_are_written_whole_each_time_and_do_not_shift_the_table() {
    Event first = event();
    Event second = withIds(first, "order-2", "E.C.P.y");
    Event again = withIds(first, "order-1", "E.C.P.x");
    byte[] payload = EventCodec.encode(List.of(first, second, again));
    assertThat(EventCodec.decode(payload)).containsExactly(first, second, again);
    String hex = HexFormat.of().formatHex(payload);
    String orderOne = HexFormat.of().formatHex("order-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(hex.indexOf(orderOne)).as("a repeated event_id is written again").isNotEqualTo(hex.lastIndexOf(orderOne));
  }

  @Test
  void log_rows_written_in_version_1_still_decode() {
    assertThat(EventCodec.decode(HexFormat.of().parseHex(VERSION_1))).containsExactly(event());
  }

  @Test
  void log_rows_written_in_version_2_still_decode() {
    assertThat(EventCodec.decode(HexFormat.of().parseHex(VERSION_2))).containsExactly(versionTwoEvent());
  }

  @Test
  void a_payload_writes_each_string_once_and_hashes_as_raw_bytes() {
    Event event = event();
    byte[] one = EventCodec.encode(List.of(event));
    byte[] hundred = EventCodec.encode(java.util.Collections.nCopies(100, event));
    // every string of the 99 repeats is a one-byte reference; times, tags and counts remain
    // the first copy 296 bytes, each repeat 105: its strings are one-byte references; times,
    // decimals, tags and counts remain
    assertThat(hundred.length - one.length).isLessThan(99 * one.length / 2);
    assertThat(EventCodec.decode(hundred)).hasSize(100).allMatch(event::equals);
    String payloadHex = HexFormat.of().formatHex(one);
    assertThat(payloadHex).doesNotContain(HexFormat.of().formatHex("a".repeat(64).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  @Test
  void strings_that_only_look_like_hashes_keep_their_exact_text() {
    Event event = event();
    for (String text : List.of("A".repeat(64), "0".repeat(63) + "g", "0".repeat(65), "0".repeat(64), "f".repeat(64), "0123456789abcdef".repeat(4))) {
      Event withKey = new Event(event.sourceId(), event.sourceKind(), event.event(), text, event.eventTime(), event.receivedAt(), event.channel(),
          "", new MatchKeys(List.of(text, text.toUpperCase()), List.of(text), List.of(), "", "", "", "", Map.of(text, text)),
          text, "", Map.of(text, text), Map.of());
      assertThat(EventCodec.decode(EventCodec.encode(List.of(withKey, event, withKey)))).as(text).containsExactly(withKey, event, withKey);
    }
  }

  @Test
  void a_payload_of_more_distinct_strings_than_the_kept_table_then_a_small_one() {
    List<Event> many = new java.util.ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      Event e = event();
      many.add(new Event(e.sourceId(), e.sourceKind(), "E" + i, "id-" + i, e.eventTime(), e.receivedAt(), e.channel(), "", e.user(), e.pageUrl(), "",
          e.properties(), e.context()));
    }
    assertThat(EventCodec.decode(EventCodec.encode(many))).isEqualTo(many);
    assertThat(EventCodec.decode(EventCodec.encode(List.of(event())))).containsExactly(event());
  }

  @Test
  void decimals_of_every_size_and_scale_survive_a_round_trip() {
    Event event = event();
    assertThat(EventCodec.decode(EventCodec.encode(List.of(event)))).containsExactly(event);
    for (String value : List.of("0", "0.00", "-0.001", "59.90", "1E+3", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "123456789012345678901234567890.5", "1E-400")) {
      Event withValue = withValue(event, new BigDecimal(value));
      Event decoded = EventCodec.decode(EventCodec.encode(List.of(withValue))).get(0);
      assertThat(decoded).as(value).isEqualTo(withValue);
      assertThat(((BigDecimal) decoded.properties().get("value")).scale()).as(value).isEqualTo(new BigDecimal(value).scale());
    }
  }

  @Test
  void strings_in_any_script_survive_a_round_trip() {
    Event event = event();
    for (String text : List.of("", "ascii", "\u007f", "\u0080", "café", "日本語", "emoji \uD83D\uDE00 mixed", "\uD800 lone surrogate", "a".repeat(70_000))) {
      Event withText = new Event(event.sourceId(), event.sourceKind(), text, text, event.eventTime(), event.receivedAt(), event.channel(), text,
          event.user(), text, text, Map.of(text, text), Map.of("ctx", List.of(text)));
      Event decoded = EventCodec.decode(EventCodec.encode(List.of(withText, event))).get(0);
      if (text.contains("\uD800")) {
        assertThat(decoded.event()).isEqualTo(new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8));
      } else {
        assertThat(decoded).as(text).isEqualTo(withText);
      }
    }
  }

  @Test
  void a_thread_encodes_one_payload_after_another_without_mixing_them() {
    Event event = event();
    byte[] large = EventCodec.encode(java.util.Collections.nCopies(20_000, event));
    byte[] small = EventCodec.encode(List.of(event));
    assertThat(EventCodec.decode(small)).containsExactly(event);
    assertThat(EventCodec.decode(large)).hasSize(20_000).allMatch(event::equals);
  }

  @Test
  void new_payloads_say_version_5_so_an_older_reader_refuses_them_by_version_not_by_a_strange_tag() {
    assertThat(EventCodec.encode(List.of(event()))[0]).isEqualTo((byte) 5);
  }

  @Test
  void a_group_of_appends_decodes_to_their_events_in_order_however_they_were_encoded() {
    List<Event> big = new java.util.ArrayList<>();
    for (int i = 0; i < LogAppend.ENCODED_BY_REQUEST_FROM; i++) {
      big.add(withValue(event(), new BigDecimal(i)));
    }
    LogAppend encodedByRequest = LogAppend.of(big);
    LogAppend small = LogAppend.of(List.of(withValue(event(), new BigDecimal("-1"))));
    LogAppend other = LogAppend.of(List.of(versionTwoEvent()));
    assertThat(encodedByRequest.payload()).isNotNull();
    assertThat(small.payload()).isNull();

    List<LogAppend> group = List.of(small, other, encodedByRequest, small, encodedByRequest);
    List<Event> expected = new java.util.ArrayList<>();
    group.forEach(a -> expected.addAll(a.events()));
    byte[] payload = EventCodec.encodeGroup(group);
    assertThat(payload[0]).as("several payloads: the group form").isEqualTo((byte) 4);
    assertThat(EventCodec.decode(payload)).isEqualTo(expected);
  }

  @Test
  void a_group_of_small_appends_is_one_plain_payload_with_one_string_table() {
    LogAppend one = LogAppend.of(List.of(event()));
    byte[] payload = EventCodec.encodeGroup(List.of(one, one, one));
    assertThat(payload).isEqualTo(EventCodec.encode(List.of(event(), event(), event())));
    assertThat(EventCodec.encodeGroup(List.of(LogAppend.of(java.util.Collections.nCopies(60, event())))))
        .as("one append encoded by its request is its own payload")
        .isEqualTo(EventCodec.encode(java.util.Collections.nCopies(60, event())));
  }

  private static Event withIds(Event e, String eventId, String ttclid) {
    MatchKeys k = e.user();
    return new Event(e.sourceId(), e.sourceKind(), e.event(), eventId, e.eventTime(), e.receivedAt(), e.channel(), e.testEventCode(),
        new MatchKeys(k.emails(), k.phones(), k.externalIds(), ttclid, k.ttp(), k.ip(), k.userAgent(), k.other()),
        e.pageUrl(), e.referrer(), e.properties(), e.context());
  }

  private static Event withValue(Event e, BigDecimal value) {
    Map<String, Object> props = new LinkedHashMap<>(e.properties());
    props.put("value", value);
    return new Event(e.sourceId(), e.sourceKind(), e.event(), e.eventId(), e.eventTime(), e.receivedAt(), e.channel(), e.testEventCode(),
        e.user(), e.pageUrl(), e.referrer(), props, e.context());
  }

  private static Event versionTwoEvent() {
    Event e = event();
    Map<String, Object> props = new LinkedHashMap<>(e.properties());
    props.put("contents", List.of(Map.of("content_id", "sku-1")));
    return new Event(e.sourceId(), e.sourceKind(), e.event(), e.eventId(), e.eventTime(), e.receivedAt(), e.channel(), e.testEventCode(),
        e.user(), e.pageUrl(), e.referrer(), props, e.context());
  }

  private static Event event() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("currency", "BRL");
    props.put("value", new BigDecimal("59.90"));
    props.put("big", new BigDecimal("123456789012345678901234567890.5"));
    props.put("contents", List.of(Map.of("content_id", "sku-1", "price", new BigDecimal("-0.001"), "quantity", 2L)));
    return new Event("C0PIXEL00000000000001", SourceKind.WEB, "Purchase", "order-1", Instant.parse("2026-11-01T12:00:00Z"),
        Instant.parse("2026-11-01T12:00:05Z"), Channel.SERVER, "",
        new MatchKeys(List.of("a".repeat(64)), List.of(), List.of(), "E.C.P.x", "ttp-1", "203.0.113.9", "UA", Map.of()),
        "https://shop.example/p?ttclid=E.C.P.x", "", props, Map.of());
  }
}
