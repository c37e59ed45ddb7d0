package io.truecount.core.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote. */
public final class ByteReader {
  private final ByteBuffer buffer;

  public ByteReader(byte[] bytes) {
    buffer = ByteBuffer.wrap(bytes);
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

  public String readString() {
    int length = readInt();
    String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
    buffer.position(buffer.position() + length);
    return s;
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
    int length = readVarInt();
    String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
    buffer.position(buffer.position() + length);
    return s;
  }

  /** Fills {@code into} from the next bytes. */
  public void readRaw(byte[] into) {
    buffer.get(into);
  }

  /** Moves past {@code n} bytes. */
  public void skip(int n) {
    buffer.position(buffer.position() + n);
  }
}
