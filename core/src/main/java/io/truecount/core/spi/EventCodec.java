package io.truecount.core.spi;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.MatchKeys;
import io.truecount.core.SourceKind;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compact binary form of events for log payloads: a count, then each event field by field.
 * Versioned by the leading byte so the format can evolve without rewriting old log rows. A log row
 * written by one commit may group several payloads ({@link #encodeGroup}).
 */
public final class EventCodec {
  /**
   * Version 2 added the compact decimal form, version 3 the compact form ({@link
   * ByteWriter#startCompactForm}), version 5 event_ids and ttclids outside its string table
   * ({@link ByteWriter#writeUniqueString}; 4 is taken by {@link #GROUP}); payloads of the earlier
   * versions (older log rows) are still read.
   */
  private static final byte VERSION = 5;
  /**
   * A group of payloads of {@link #VERSION}, each with its own string table: a count of events, a
   * count of payloads, then each payload after its length in bytes.
   */
  private static final byte GROUP = 4;

  /**
   * Each encoding thread (the log's commit thread, and each request thread that encodes a large
   * append: 1 MiB apiece) reuses one buffer, so a payload
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

  /**
   * One payload for appends committed together, their events in order. Appends encoded by their
   * requests are copied; each run of the others is encoded as one payload. A group that is one run
   * is a plain payload of {@link #VERSION}.
   */
  public static byte[] encodeGroup(List<LogAppend> appends) {
    List<byte[]> parts = new ArrayList<>();
    List<Event> run = new ArrayList<>();
    int events = 0;
    for (LogAppend append : appends) {
      events += append.size();
      if (append.payload() == null) {
        run.addAll(append.events());
        continue;
      }
      if (!run.isEmpty()) {
        parts.add(encode(run));
        run.clear();
      }
      parts.add(append.payload());
    }
    if (!run.isEmpty()) {
      parts.add(encode(run));
    }
    return parts.size() == 1 ? parts.get(0) : group(parts, events);
  }

  private static byte[] group(List<byte[]> parts, int events) {
    int size = 9 + parts.stream().mapToInt(p -> 4 + p.length).sum();
    ByteBuffer out = ByteBuffer.allocate(size).put(GROUP).putInt(events).putInt(parts.size());
    parts.forEach(p -> out.putInt(p.length).put(p));
    return out.array();
  }

  public static List<Event> decode(byte[] payload) {
    if (payload.length > 0 && payload[0] == GROUP) {
      return decodeGroup(payload);
    }
    return decode(payload, 0);
  }

  private static List<Event> decodeGroup(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload, 1, payload.length - 1);
    List<Event> events = new ArrayList<>(in.getInt());
    int parts = in.getInt();
    for (int i = 0; i < parts; i++) {
      int length = in.getInt();
      events.addAll(decode(payload, in.position()));
      in.position(in.position() + length);
    }
    return events;
  }

  private static List<Event> decode(byte[] payload, int offset) {
    ByteReader in = new ByteReader(payload, offset);
    byte version = in.readByte();
    if (version < 1 || version > VERSION || version == GROUP) {
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
    out.writeUniqueString(e.eventId());
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
    out.writeUniqueString(k.ttclid());
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
