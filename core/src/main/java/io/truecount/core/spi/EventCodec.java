package io.truecount.core.spi;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.MatchKeys;
import io.truecount.core.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compact binary form of events for log payloads: a count, then each event field by field.
 * Versioned by the leading byte so the format can evolve without rewriting old log rows.
 */
public final class EventCodec {
  /**
   * Version 2 added the compact decimal form, version 3 the compact form ({@link
   * ByteWriter#startCompactForm}); payloads of versions 1 and 2 (older log rows) are still read.
   */
  private static final byte VERSION = 3;

  /**
   * Each encoding thread (the log's commit thread, in practice) reuses one buffer, so a payload
   * costs one exact-size array instead of a doubling series of copies; a buffer grown past 8 MiB by
   * an unusually large group commit is not kept.
   */
  private static final ThreadLocal<ByteWriter> SCRATCH = ThreadLocal.withInitial(() -> new ByteWriter(1 << 20));
  private static final int MAX_KEPT_BYTES = 8 << 20;

  private EventCodec() {}

  public static byte[] encode(List<Event> events) {
    ByteWriter out = SCRATCH.get();
    out.reset();
    out.writeByte(VERSION);
    out.writeInt(events.size());
    out.startCompactForm();
    for (Event event : events) {
      write(out, event);
    }
    byte[] payload = out.toByteArray();
    if (out.capacity() > MAX_KEPT_BYTES) {
      SCRATCH.remove();
    }
    return payload;
  }

  public static List<Event> decode(byte[] payload) {
    ByteReader in = new ByteReader(payload);
    byte version = in.readByte();
    if (version < 1 || version > VERSION) {
      throw new IllegalStateException("unknown event payload version " + version);
    }
    int count = in.readInt();
    if (version >= 3) {
      in.startCompactForm();
    }
    List<Event> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(read(in));
    }
    return events;
  }

  private static void write(ByteWriter out, Event e) {
    out.writeString(e.sourceId());
    out.writeByte(e.sourceKind().ordinal());
    out.writeString(e.event());
    out.writeString(e.eventId());
    out.writeLong(e.eventTime().toEpochMilli());
    out.writeLong(e.receivedAt().toEpochMilli());
    out.writeByte(e.channel().ordinal());
    out.writeString(e.testEventCode());
    writeKeys(out, e.user());
    out.writeString(e.pageUrl());
    out.writeString(e.referrer());
    JsonTreeCodec.write(out, e.properties());
    JsonTreeCodec.write(out, e.context());
  }

  private static Event read(ByteReader in) {
    return new Event(
        in.readString(),
        SourceKind.values()[in.readByte()],
        in.readString(),
        in.readString(),
        Instant.ofEpochMilli(in.readLong()),
        Instant.ofEpochMilli(in.readLong()),
        Channel.values()[in.readByte()],
        in.readString(),
        readKeys(in),
        in.readString(),
        in.readString(),
        JsonTreeCodec.readMap(in),
        JsonTreeCodec.readMap(in));
  }

  /** Shared with {@link TouchCodec}: the same form for a touch's keys. */
  static void writeKeys(ByteWriter out, MatchKeys k) {
    JsonTreeCodec.write(out, k.emails());
    JsonTreeCodec.write(out, k.phones());
    JsonTreeCodec.write(out, k.externalIds());
    out.writeString(k.ttclid());
    out.writeString(k.ttp());
    out.writeString(k.ip());
    out.writeString(k.userAgent());
    JsonTreeCodec.write(out, k.other());
  }

  @SuppressWarnings("unchecked")
  static MatchKeys readKeys(ByteReader in) {
    List<String> emails = (List<String>) JsonTreeCodec.read(in);
    List<String> phones = (List<String>) JsonTreeCodec.read(in);
    List<String> externalIds = (List<String>) JsonTreeCodec.read(in);
    return new MatchKeys(
        emails, phones, externalIds,
        in.readString(), in.readString(), in.readString(), in.readString(),
        (Map<String, String>) (Map<String, ?>) JsonTreeCodec.readMap(in));
  }
}
