package io.truecount.core.spi;

import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compact binary form of touches for log records (the touch log on Kafka): a version byte, a
 * count, then each touch field by field, its match keys in the event log's form.
 */
public final class TouchCodec {
  private static final byte VERSION = 1;

  private TouchCodec() {}

  public static byte[] encode(List<Touch> touches) {
    ByteWriter out = new ByteWriter(128 * touches.size());
    out.writeByte(VERSION);
    out.writeInt(touches.size());
    for (Touch t : touches) {
      out.writeString(t.touchId());
      out.writeString(t.advertiserId());
      out.writeString(t.adId());
      out.writeByte(t.kind().ordinal());
      out.writeLong(t.time().getEpochSecond());
      out.writeInt(t.time().getNano());
      EventCodec.writeKeys(out, t.user());
    }
    return out.toByteArray();
  }

  public static List<Touch> decode(byte[] payload) {
    ByteReader in = new ByteReader(payload);
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("unknown touch payload version " + version);
    }
    int count = in.readInt();
    List<Touch> touches = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      touches.add(new Touch(in.readString(), in.readString(), in.readString(), TouchKind.values()[in.readByte()],
          Instant.ofEpochSecond(in.readLong(), in.readInt()), EventCodec.readKeys(in)));
    }
    return touches;
  }
}
