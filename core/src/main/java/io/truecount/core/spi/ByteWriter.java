package io.truecount.core.spi;

import com.carrotsearch.hppc.ObjectIntHashMap;
import io.truecount.core.pii.Pii;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable, unsynchronized big-endian byte buffer (DataOutputStream without the locks). */
public final class ByteWriter {
  /**
   * Clearing a string table costs its capacity; a table grown past this by an unusually large group
   * commit is not kept for the small commits that may follow (a group of four 1,000-event batches,
   * ~20,000 strings, fits).
   */
  private static final int MAX_KEPT_TABLE_SLOTS = 1 << 16;

  private byte[] bytes;
  private int size;
  /** The strings written since {@link #startCompactForm}, by number; null while strings are written plainly. */
  private ObjectIntHashMap<String> table;
  private ObjectIntHashMap<String> spareTable;

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
   * without the temporary array (JDK intrinsics; measured), and the array dies young. After {@link
   * #startCompactForm}, in the table's form instead.
   */
  public void writeString(String s) {
    if (table != null) {
      writeTableString(s);
    } else {
      writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A string no other in this payload repeats (an event_id, a ttclid): in the compact form, written
   * without entering the table. The table (hashing, probing, growing) was two thirds of encoding
   * in a batch profile, and these strings only paid for it: ~4 % of a request thread's parse,
   * validate and encode (docs/benchmarks.md, session 18).
   */
  public void writeUniqueString(String s) {
    if (table == null) {
      writeString(s);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarInt(StringTags.unique(b.length));
    writeRaw(b, 0, b.length);
  }

  /** A size or a scale: four bytes, or a varint in the compact form. */
  public void writeCount(int v) {
    if (table != null) {
      writeVarInt(v);
    } else {
      writeInt(v);
    }
  }

  /**
   * The compact form, from here until {@link #reset}: each string is written once and a repeat
   * costs a varint of its number; counts are varints. A log payload repeats most of its strings
   * (the source, event names, property names, currencies, user agents, page addresses), so it
   * shrinks by about half, and the reader makes one {@code String} of each.
   */
  public void startCompactForm() {
    table = spareTable == null ? new ObjectIntHashMap<>() : spareTable;
    table.clear();
  }

  /** A varint tag: odd, the number of a string seen before; else a new string, in {@link StringTags}' forms. */
  private void writeTableString(String s) {
    int slot = table.indexOf(s);
    if (table.indexExists(slot)) {
      writeVarInt(table.indexGet(slot) << 1 | 1);
      return;
    }
    table.indexInsert(slot, s, table.size());
    if (Pii.isLowerSha256Hex(s)) {
      writeVarInt(StringTags.HEX_HASH);
      writeHash(s);
    } else {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeVarInt(b.length << 2);
      writeRaw(b, 0, b.length);
    }
  }

  /** A SHA-256 hash given as 64 lower-case hex digits ({@link Pii#isLowerSha256Hex}), as its 32 raw bytes. */
  public void writeHash(String lowerHex) {
    ensure(32);
    for (int i = 0; i < 64; i += 2) {
      bytes[size++] = (byte) (Character.digit(lowerHex.charAt(i), 16) << 4 | Character.digit(lowerHex.charAt(i + 1), 16));
    }
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
    if (table != null) {
      spareTable = table.keys.length > MAX_KEPT_TABLE_SLOTS ? null : table;
      table = null;
    }
  }

  int capacity() {
    return bytes.length;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The number of bytes written. */
  public int size() {
    return size;
  }

  /** Copies the bytes written to {@code target} from {@code at} on. */
  public void copyTo(byte[] target, int at) {
    System.arraycopy(bytes, 0, target, at, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
