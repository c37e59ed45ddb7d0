package io.truecount.core.spi;

/**
 * The forms of a new string in a string table (see {@link ByteWriter#startCompactForm}), told apart
 * by the low bits of its varint tag: {@code len << 2} for UTF-8 bytes, {@link #HEX_HASH} for a
 * SHA-256 hash in lower-case hex carried as its 32 raw bytes (hashed emails, phones and external
 * ids: half their size). Odd tags are references to strings seen before.
 */
final class StringTags {
  static final int HEX_HASH = 2;

  private StringTags() {}
}
