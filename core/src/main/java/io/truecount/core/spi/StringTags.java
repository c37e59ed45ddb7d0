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

  static boolean isLowerHexHash(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }
}
