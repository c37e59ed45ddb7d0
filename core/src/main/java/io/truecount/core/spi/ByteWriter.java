package io.truecount.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable, unsynchronized big-endian byte buffer (DataOutputStream without the locks). */
public final class ByteWriter {
  private byte[] bytes;
  private int size;

  public ByteWriter(int capacity) {
    bytes = new byte[Math.max(64, capacity)];
  }

  public void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  public void writeInt(int v) {
    ensure(4);
    bytes[size++] = (byte) (v >>> 24);
    bytes[size++] = (byte) (v >>> 16);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  public void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  public void writeBytes(byte[] b) {
    writeInt(b.length);
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  /**
   * Length-prefixed UTF-8. {@code getBytes} plus a copy is faster here than a char-by-char loop
   * without the temporary array (JDK intrinsics; measured), and the array dies young.
   */
  public void writeString(String s) {
    writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  /** An unsigned LEB128 varint: one byte below 128, two below 16,384 (lengths, small ids). */
  public void writeVarInt(int v) {
    while ((v & ~0x7F) != 0) {
      writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    writeByte(v);
  }

  /** Varint-length-prefixed UTF-8 (the compact form for short strings). */
  public void writeShortString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarInt(b.length);
    writeRaw(b, 0, b.length);
  }

  /** Bytes without a length (the reader knows it). */
  public void writeRaw(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, bytes, size, length);
    size += length;
  }

  /** Empties the buffer, keeping its capacity. */
  public void reset() {
    size = 0;
  }

  int capacity() {
    return bytes.length;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
