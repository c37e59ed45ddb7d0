package io.truecount.core.attribution;

import io.truecount.core.spi.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Packed conversions appended to large chunks, addressed by (chunk, offset) in one {@code long}.
 * A chunk holds thousands of conversions, so the garbage collector sees a few large arrays instead
 * of one small array per conversion, which young collections copied twice (to a survivor space,
 * then to the old generation): most of the GC time of a stream of new conversions
 * (docs/benchmarks.md, session 10). G1 places an array of half a region or more straight in the
 * old generation (a chunk is that up to a 4 GB heap, whose regions are 1–2 MB); in a larger heap
 * a chunk is an ordinary array, copied like any other, but as one block for thousands of
 * conversions.
 *
 * <p>Append-only: a conversion packed again (a merged copy) is appended anew and its old bytes stay
 * unused; at most one rewrite per browser/server merge. Not thread-safe (attribution's lock guards
 * it).
 */
final class PackedArena {
  /** A 1 MB array with its 16-byte header: exactly one G1 region at the default region size. */
  static final int CHUNK_BYTES = (1 << 20) - 16;

  private final int chunkBytes;
  private final List<byte[]> chunks = new ArrayList<>();
  /** The chunk being filled ({@code -1} before the first), and the bytes used in it. */
  private int current = -1;
  private int used;

  PackedArena() {
    this(CHUNK_BYTES);
  }

  /** With smaller chunks (tests cross chunk boundaries with a few conversions). */
  PackedArena(int chunkBytes) {
    this.chunkBytes = chunkBytes;
  }

  /** Appends the bytes written and returns their address. */
  long append(ByteWriter packed) {
    int length = packed.size();
    if (length > chunkBytes / 4) {
      // A rare large conversion (many keys) gets a chunk of its own; the current one stays open.
      byte[] own = new byte[length];
      packed.copyTo(own, 0);
      chunks.add(own);
      return address(chunks.size() - 1, 0);
    }
    if (current < 0 || used + length > chunkBytes) {
      chunks.add(new byte[chunkBytes]);
      current = chunks.size() - 1;
      used = 0;
    }
    packed.copyTo(chunks.get(current), used);
    long address = address(current, used);
    used += length;
    return address;
  }

  /** The chunk an address points into. */
  byte[] chunk(long address) {
    return chunks.get((int) (address >>> 32));
  }

  /** Where in its chunk an address starts. */
  static int offset(long address) {
    return (int) address;
  }

  private static long address(int chunk, int offset) {
    return (long) chunk << 32 | offset;
  }
}
