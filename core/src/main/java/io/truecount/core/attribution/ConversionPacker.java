package io.truecount.core.attribution;

import io.truecount.core.MatchKeys;
import io.truecount.core.pii.Pii;
import io.truecount.core.spi.ByteReader;
import io.truecount.core.spi.ByteWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conversion as one byte record for the attribution state (memory only, never persisted, so
 * the layout may change freely; {@link PackedArena} holds the records). One record instead of ~25
 * objects: repeated strings become numbers from {@link Words}, SHA-256 hex keys their 32 raw
 * bytes, times and decimals primitives.
 * The conversion time and the advertiser sit at fixed offsets so hot paths read them without
 * unpacking. Every value round-trips exactly (nanoseconds, a decimal's scale, any string).
 */
final class ConversionPacker {
  private static final int TIME_SECONDS = 0;
  private static final int TIME_NANOS = 8;
  private static final int ADVERTISER = 12;
  private static final byte NO_VALUE = 0;
  private static final byte LONG_VALUE = 1;
  private static final byte BIG_VALUE = 2;
  private static final byte RAW_HASH = 0;
  private static final byte TEXT = 1;

  private final Words words;
  private final ByteWriter scratch = new ByteWriter(512);

  ConversionPacker(Words words) {
    this.words = words;
  }

  /** The packed conversion, in a buffer that the next call reuses. */
  ByteWriter pack(Conversion c) {
    ByteWriter out = scratch;
    out.reset();
    out.writeLong(c.time().getEpochSecond());
    out.writeInt(c.time().getNano());
    out.writeInt(words.id(c.advertiserId()));
    out.writeVarInt(words.id(c.sourceId()));
    out.writeVarInt(words.id(c.event()));
    out.writeShortString(c.eventId());
    writeValue(out, c.value());
    out.writeVarInt(words.id(c.currency()));
    out.writeShortString(c.orderId());
    out.writeLong(c.receivedAt().getEpochSecond());
    out.writeInt(c.receivedAt().getNano());
    writeKeys(out, c.keys());
    return out;
  }

  /** The conversion packed at {@code at} in {@code chunk}. */
  Conversion unpack(long seq, byte[] chunk, int at) {
    ByteReader in = new ByteReader(chunk, at);
    Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
    String advertiser = words.word(in.readInt());
    String source = words.word(in.readVarInt());
    String event = words.word(in.readVarInt());
    String eventId = in.readShortString();
    Optional<BigDecimal> value = readValue(in);
    String currency = words.word(in.readVarInt());
    String orderId = in.readShortString();
    Instant receivedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
    return new Conversion(seq, advertiser, source, event, eventId, time, value, currency, readKeys(in), orderId, receivedAt);
  }

  /** The fields a query tests, read without unpacking keys, event_id or order id. */
  LedgerView view(long seq, byte[] chunk, int at, Optional<Credit> credit, boolean counted) {
    ByteReader in = new ByteReader(chunk, at);
    in.skip(ADVERTISER + 4);
    String source = words.word(in.readVarInt());
    String event = words.word(in.readVarInt());
    in.skip(in.readVarInt()); // event_id
    byte kind = in.readByte();
    if (kind != NO_VALUE) {
      in.skip(kind == LONG_VALUE ? 8 : in.readInt());
      in.skip(4); // scale
    }
    return new LedgerView(seq, source, event, time(chunk, at), kind != NO_VALUE, words.word(in.readVarInt()), credit, counted);
  }

  /** The conversion time, read in place. */
  static Instant time(byte[] chunk, int at) {
    return Instant.ofEpochSecond(readLong(chunk, at + TIME_SECONDS), readInt(chunk, at + TIME_NANOS));
  }

  /** Whether the conversion time is in {@code [from, to)}, read in place. */
  static boolean timeWithin(byte[] chunk, int at, Instant from, Instant to) {
    long seconds = readLong(chunk, at + TIME_SECONDS);
    int nanos = readInt(chunk, at + TIME_NANOS);
    boolean afterFrom = seconds > from.getEpochSecond() || seconds == from.getEpochSecond() && nanos >= from.getNano();
    boolean beforeTo = seconds < to.getEpochSecond() || seconds == to.getEpochSecond() && nanos < to.getNano();
    return afterFrom && beforeTo;
  }

  /** The advertiser's word number, read in place. */
  static int advertiser(byte[] chunk, int at) {
    return readInt(chunk, at + ADVERTISER);
  }

  private static void writeValue(ByteWriter out, Optional<BigDecimal> value) {
    if (value.isEmpty()) {
      out.writeByte(NO_VALUE);
      return;
    }
    BigDecimal v = value.get();
    BigInteger unscaled = v.unscaledValue();
    if (unscaled.bitLength() < 64) {
      out.writeByte(LONG_VALUE);
      out.writeLong(unscaled.longValue());
    } else {
      out.writeByte(BIG_VALUE);
      out.writeBytes(unscaled.toByteArray());
    }
    out.writeInt(v.scale());
  }

  private static Optional<BigDecimal> readValue(ByteReader in) {
    byte kind = in.readByte();
    if (kind == NO_VALUE) {
      return Optional.empty();
    }
    BigInteger unscaled = kind == LONG_VALUE ? BigInteger.valueOf(in.readLong()) : new BigInteger(in.readBytes());
    return Optional.of(new BigDecimal(unscaled, in.readInt()));
  }

  private void writeKeys(ByteWriter out, MatchKeys k) {
    writeHashes(out, k.emails());
    writeHashes(out, k.phones());
    writeHashes(out, k.externalIds());
    out.writeShortString(k.ttclid());
    out.writeShortString(k.ttp());
    out.writeShortString(k.ip());
    out.writeVarInt(words.id(k.userAgent()));
    out.writeVarInt(k.other().size());
    for (Map.Entry<String, String> e : k.other().entrySet()) {
      out.writeVarInt(words.id(e.getKey()));
      out.writeShortString(e.getValue());
    }
  }

  private MatchKeys readKeys(ByteReader in) {
    List<String> emails = readHashes(in);
    List<String> phones = readHashes(in);
    List<String> externalIds = readHashes(in);
    String ttclid = in.readShortString();
    String ttp = in.readShortString();
    String ip = in.readShortString();
    String userAgent = words.word(in.readVarInt());
    int others = in.readVarInt();
    Map<String, String> other = others == 0 ? Map.of() : new LinkedHashMap<>();
    for (int i = 0; i < others; i++) {
      other.put(words.word(in.readVarInt()), in.readShortString());
    }
    return new MatchKeys(emails, phones, externalIds, ttclid, ttp, ip, userAgent, other);
  }

  /** SHA-256 hex (64 lower-case digits, what the edge stores) as 32 bytes; anything else as text. */
  private static void writeHashes(ByteWriter out, List<String> hashes) {
    out.writeVarInt(hashes.size());
    for (String h : hashes) {
      if (Pii.isLowerSha256Hex(h)) {
        out.writeByte(RAW_HASH);
        out.writeHash(h);
      } else {
        out.writeByte(TEXT);
        out.writeShortString(h);
      }
    }
  }

  private static List<String> readHashes(ByteReader in) {
    int n = in.readVarInt();
    if (n == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (in.readByte() == RAW_HASH) {
        out.add(in.readHash());
      } else {
        out.add(in.readShortString());
      }
    }
    return out;
  }

  private static long readLong(byte[] b, int at) {
    return (long) readInt(b, at) << 32 | (readInt(b, at + 4) & 0xFFFFFFFFL);
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }
}
