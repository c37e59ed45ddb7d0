package io.truecount.core.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote. */
final class ByteReader {
  private final ByteBuffer buffer;

  ByteReader(byte[] bytes) {
    buffer = ByteBuffer.wrap(bytes);
  }

  byte readByte() {
    return buffer.get();
  }

  int readInt() {
    return buffer.getInt();
  }

  long readLong() {
    return buffer.getLong();
  }

  byte[] readBytes() {
    byte[] b = new byte[readInt()];
    buffer.get(b);
    return b;
  }

  String readString() {
    int length = readInt();
    String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
    buffer.position(buffer.position() + length);
    return s;
  }
}
