package io.truecount.core.spi;

/**
 * The forms of a new string in a string table (see {@link ByteWriter#startCompactForm}), told apart
 * by the low bits of its varint tag: {@code len << 2} for UTF-8 bytes, {@link #HEX_HASH} for a
 * SHA-256 hash in lower-case hex carried as its 32 raw bytes (hashed emails, phones and external
 * ids: half their size). Odd tags are references to strings seen before. Since payload version 5,
 * {@code (len + 1) << 2 | 2} is a string written once and not entered in the table ({@link
 * #unique}): an event_id or a ttclid, which no later string repeats.
 */
final class StringTags {
  static final int HEX_HASH = 2;

  /** The tag of a string of {@code length} UTF-8 bytes outside the table. */
  static int unique(int length) {
    return (length + 1) << 2 | HEX_HASH;
  }

  /** The length in bytes of a string whose tag is {@link #unique}, or -1 for another tag. */
  static int uniqueLength(int tag) {
    return (tag & 3) == HEX_HASH && tag != HEX_HASH ? (tag >>> 2) - 1 : -1;
  }

  private StringTags() {}
}
