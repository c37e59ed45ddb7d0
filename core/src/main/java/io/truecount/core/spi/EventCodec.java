package io.truecount.core.spi;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.MatchKeys;
import io.truecount.core.SourceKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compact binary form of events for log payloads: a count, then each event field by field.
 * Versioned by the leading byte so the format can evolve without rewriting old log rows.
 */
public final class EventCodec {
  private static final byte VERSION = 1;

  private EventCodec() {}

  public static byte[] encode(List<Event> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 400);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(events.size());
      for (Event event : events) {
        write(out, event);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static List<Event> decode(byte[] payload) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("unknown event payload version " + version);
      }
      int count = in.readInt();
      List<Event> events = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        events.add(read(in));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(DataOutputStream out, Event e) throws IOException {
    JsonTreeCodec.writeString(out, e.sourceId());
    out.writeByte(e.sourceKind().ordinal());
    JsonTreeCodec.writeString(out, e.event());
    JsonTreeCodec.writeString(out, e.eventId());
    out.writeLong(e.eventTime().toEpochMilli());
    out.writeLong(e.receivedAt().toEpochMilli());
    out.writeByte(e.channel().ordinal());
    JsonTreeCodec.writeString(out, e.testEventCode());
    writeKeys(out, e.user());
    JsonTreeCodec.writeString(out, e.pageUrl());
    JsonTreeCodec.writeString(out, e.referrer());
    JsonTreeCodec.write(out, e.properties());
    JsonTreeCodec.write(out, e.context());
  }

  private static Event read(DataInputStream in) throws IOException {
    return new Event(
        JsonTreeCodec.readString(in),
        SourceKind.values()[in.readByte()],
        JsonTreeCodec.readString(in),
        JsonTreeCodec.readString(in),
        Instant.ofEpochMilli(in.readLong()),
        Instant.ofEpochMilli(in.readLong()),
        Channel.values()[in.readByte()],
        JsonTreeCodec.readString(in),
        readKeys(in),
        JsonTreeCodec.readString(in),
        JsonTreeCodec.readString(in),
        JsonTreeCodec.readMap(in),
        JsonTreeCodec.readMap(in));
  }

  private static void writeKeys(DataOutputStream out, MatchKeys k) throws IOException {
    JsonTreeCodec.write(out, k.emails());
    JsonTreeCodec.write(out, k.phones());
    JsonTreeCodec.write(out, k.externalIds());
    JsonTreeCodec.writeString(out, k.ttclid());
    JsonTreeCodec.writeString(out, k.ttp());
    JsonTreeCodec.writeString(out, k.ip());
    JsonTreeCodec.writeString(out, k.userAgent());
    JsonTreeCodec.write(out, k.other());
  }

  @SuppressWarnings("unchecked")
  private static MatchKeys readKeys(DataInputStream in) throws IOException {
    List<String> emails = (List<String>) JsonTreeCodec.read(in);
    List<String> phones = (List<String>) JsonTreeCodec.read(in);
    List<String> externalIds = (List<String>) JsonTreeCodec.read(in);
    return new MatchKeys(
        emails, phones, externalIds,
        JsonTreeCodec.readString(in), JsonTreeCodec.readString(in), JsonTreeCodec.readString(in), JsonTreeCodec.readString(in),
        (Map<String, String>) (Map<String, ?>) JsonTreeCodec.readMap(in));
  }
}
