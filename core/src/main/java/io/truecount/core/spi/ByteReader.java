package io.truecount.core.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads what {@link ByteWriter} wrote. */
public final class ByteReader {
  private static final HexFormat HEX = HexFormat.of();
  private final ByteBuffer buffer;
  /** The strings read since {@link #startCompactForm}, by number; null while strings are read plainly. */
  private List<String> table;

  public ByteReader(byte[] bytes) {
    buffer = ByteBuffer.wrap(bytes);
  }

  /** Reads from {@code offset} on (a record inside a larger array). */
  public ByteReader(byte[] bytes, int offset) {
    buffer = ByteBuffer.wrap(bytes);
    buffer.position(offset);
  }

  public byte readByte() {
    return buffer.get();
  }

  public int readInt() {
    return buffer.getInt();
  }

  public long readLong() {
    return buffer.getLong();
  }

  public byte[] readBytes() {
    byte[] b = new byte[readInt()];
    buffer.get(b);
    return b;
  }

  /** Reads the compact form from here on (what {@link ByteWriter#startCompactForm} wrote). */
  public void startCompactForm() {
    table = new ArrayList<>();
  }

  /** Reads what {@link ByteWriter#writeCount} wrote. */
  public int readCount() {
    return table != null ? readVarInt() : readInt();
  }

  public String readString() {
    if (table != null) {
      return readTableString();
    }
    return readUtf8(readInt());
  }

  private String readTableString() {
    int tag = readVarInt();
    if ((tag & 1) == 1) {
      return table.get(tag >>> 1);
    }
    int unique = StringTags.uniqueLength(tag);
    if (unique >= 0) {
      return readUtf8(unique);
    }
    String s = tag == StringTags.HEX_HASH ? readHash() : readUtf8(tag >>> 2);
    table.add(s);
    return s;
  }

  private String readUtf8(int length) {
    String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
    buffer.position(buffer.position() + length);
    return s;
  }

  /** Reads what {@link ByteWriter#writeHash} wrote: the hash in lower-case hex. */
  public String readHash() {
    String hex = HEX.formatHex(buffer.array(), buffer.position(), buffer.position() + 32);
    buffer.position(buffer.position() + 32);
    return hex;
  }

  /** Reads what {@link ByteWriter#writeVarInt} wrote. */
  public int readVarInt() {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = buffer.get();
      v |= (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
  }

  /** Reads what {@link ByteWriter#writeShortString} wrote. */
  public String readShortString() {
    return readUtf8(readVarInt());
  }

  /** Moves past {@code n} bytes. */
  public void skip(int n) {
    buffer.position(buffer.position() + n);
  }
}
