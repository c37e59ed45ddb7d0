package io.truecount.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable, unsynchronized big-endian byte buffer (DataOutputStream without the locks). */
final class ByteWriter {
  private byte[] bytes;
  private int size;

  ByteWriter(int capacity) {
    bytes = new byte[Math.max(64, capacity)];
  }

  void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  void writeInt(int v) {
    ensure(4);
    bytes[size++] = (byte) (v >>> 24);
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  void writeBytes(byte[] b) {
    writeInt(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  /**
   * Length-prefixed UTF-8. {@code getBytes} plus a copy is faster here than a char-by-char loop
   * without the temporary array (JDK intrinsics; measured), and the array dies young.
   */
  void writeString(String s) {
    writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Empties the buffer, keeping its capacity. */
  void reset() {
    size = 0;
  }

  int capacity() {
    return bytes.length;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
