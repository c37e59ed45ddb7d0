package io.truecount.core.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** TikTok's normalization and hashing rules for match keys (spec §6). */
public final class Pii {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Pii::newDigest);

  private Pii() {}

  /** A value of exactly 64 ASCII hex digits (either case) is taken as already hashed. */
  public static boolean isSha256Hex(String value) {
    if (value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f') && (c < 'A' || c > 'F')) {
        return false;
      }
    }
    return true;
  }

  /** A SHA-256 hash as the edge stores it: exactly 64 lower-case hex digits. */
  public static boolean isLowerSha256Hex(String value) {
    if (value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  public static String sha256Hex(String value) {
    MessageDigest digest = SHA256.get();
    return HEX.formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** The first 64 bits of the SHA-256 of the value's UTF-8 bytes, big-endian (no hex text on the way). */
  public static long sha256Prefix64(String value) {
    byte[] digest = SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8));
    long prefix = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      prefix = prefix << 8 | (digest[i] & 0xff);
    }
    return prefix;
  }

  /** Trim and lower-case; empty when the value cannot be an email address. */
  public static Optional<String> normalizeEmail(String raw) {
    String email = raw.trim().toLowerCase(Locale.ROOT);
    int at = email.indexOf('@');
    boolean plausible = at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1;
    return plausible && email.indexOf(' ') < 0 ? Optional.of(email) : Optional.empty();
  }

  /**
   * E.164 ({@code +} country code, digits only) using libphonenumber; numbers without a country
   * code are read in {@code defaultRegion} (ISO 3166 alpha-2). Empty when not a possible number.
   */
  public static Optional<String> normalizePhone(String raw, String defaultRegion) {
    String cleaned = raw.trim().replace("(+", "+").replace("(00", "+");
    try {
      PhoneNumber number = PHONES.parse(cleaned, defaultRegion);
      if (!PHONES.isPossibleNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * What a browser needs to write a national number of {@code region} in E.164 without
   * libphonenumber: the country calling code and the national (trunk) prefix, e.g. 55 and 0 for BR.
   */
  public record PhoneHints(String countryCode, String nationalPrefix) {}

  public static PhoneHints phoneHints(String region) {
    int code = PHONES.getCountryCodeForRegion(region);
    String prefix = code == 0 ? null : PHONES.getNddPrefixForRegion(region, true);
    return new PhoneHints(code == 0 ? "" : Integer.toString(code), prefix == null ? "" : prefix);
  }

  /** A redacted rendering of a PII value for error messages: never the value itself. */
  public static String redacted(String raw) {
    return "[redacted " + raw.length() + " chars]";
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
