package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.PageUrls;
import io.truecount.core.pii.Pii;
import java.util.List;
import java.util.Locale;

/** Reads {@code page}; query parameters that carry PII (email, phone) are hashed in the stored URL. */
final class PageReader {
  private PageReader() {}

  record Page(String url, String referrer) {}

  static Page read(JsonNode page, List<Problem> problems) {
    if (Fields.absent(page)) {
      return new Page("", "");
    }
    if (!page.isObject()) {
      problems.add(Problem.of("page", Fields.shown(page), "Must be an object"));
      return new Page("", "");
    }
    return new Page(url(page, "url", problems), url(page, "referrer", problems));
  }

  private static String url(JsonNode page, String name, List<Problem> problems) {
    String url = Fields.optionalString(page, "page.", name, problems);
    if (url.length() > Limits.MAX_URL) {
      problems.add(Problem.of("page." + name, url.length() + " chars", "At most " + Limits.MAX_URL + " characters"));
      return "";
    }
    if (!url.isEmpty() && !url.regionMatches(true, 0, "http://", 0, 7) && !url.regionMatches(true, 0, "https://", 0, 8)) {
      problems.add(Problem.of("page." + name, Fields.shown(page.get(name)), "Must be an absolute http(s) URL"));
      return "";
    }
    return scrubEmails(scrubQuery(url));
  }

  private static final java.util.regex.Pattern EMAIL_IN_URL =
      java.util.regex.Pattern.compile("[^/?&=#:\\s]+(?:@|%40)[^/?&=#\\s]+\\.[A-Za-z]{2,}");

  /** Email addresses anywhere in a URL (path, fragment) are replaced by their SHA-256. */
  private static String scrubEmails(String url) {
    if (url.indexOf('@') < 0 && url.indexOf("%40") < 0) {
      return url;
    }
    return EMAIL_IN_URL.matcher(url).replaceAll(m -> Pii.sha256Hex(PageUrls.decode(m.group()).trim().toLowerCase(Locale.ROOT)));
  }



  /**
   * The URL with the values of PII-looking query parameters hashed. Only pairs that may hold PII
   * (a key naming email / phone / tel, or a value with {@code @} / {@code %40}) are cut out and
   * looked at; a URL with none is returned as it is, without copying.
   */
  static String scrubQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int hash = url.indexOf('#', q);
    int end = hash < 0 ? url.length() : hash;
    StringBuilder out = null;
    int copied = 0;
    for (int start = q + 1; start <= end; ) {
      int amp = url.indexOf('&', start);
      int stop = amp < 0 || amp > end ? end : amp;
      if (mayHoldPii(url, start, stop)) {
        String pair = url.substring(start, stop);
        String scrubbed = scrubPair(pair);
        if (!scrubbed.equals(pair)) {
          out = out == null ? new StringBuilder(url.length() + 64) : out;
          out.append(url, copied, start).append(scrubbed);
          copied = stop;
        }
      }
      start = stop + 1;
    }
    return out == null ? url : out.append(url, copied, url.length()).toString();
  }

  private static boolean mayHoldPii(String url, int from, int to) {
    int eq = url.indexOf('=', from);
    if (eq < 0 || eq >= to) {
      return false;
    }
    return containsIgnoreCase(url, from, eq, "email") || containsIgnoreCase(url, from, eq, "phone")
        || (eq - from == 3 && url.regionMatches(true, from, "tel", 0, 3))
        || contains(url, eq + 1, to, "@") || contains(url, eq + 1, to, "%40");
  }

  private static boolean containsIgnoreCase(String s, int from, int to, String part) {
    for (int i = from; i + part.length() <= to; i++) {
      if (s.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(String s, int from, int to, String part) {
    int at = s.indexOf(part, from);
    return at >= 0 && at + part.length() <= to;
  }

  static String scrubPair(String pair) {
    int eq = pair.indexOf('=');
    if (eq < 0) {
      return pair;
    }
    String key = pair.substring(0, eq).toLowerCase(Locale.ROOT);
    String raw = pair.substring(eq + 1);
    boolean piiKey = key.contains("email") || key.contains("phone") || key.equals("tel");
    if (!piiKey && raw.indexOf('@') < 0 && !raw.contains("%40")) {
      return pair;
    }
    String value = PageUrls.decode(raw);
    return !value.isEmpty() && !Pii.isSha256Hex(value)
        ? pair.substring(0, eq + 1) + Pii.sha256Hex(value.trim().toLowerCase(Locale.ROOT))
        : pair;
  }

}
