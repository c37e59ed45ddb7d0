package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.PageUrls;
import io.truecount.core.pii.Pii;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
    String url = Fields.optionalString(page, name, "page." + name, problems);
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



  private static String scrubQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int end = url.indexOf('#', q);
    String query = url.substring(q + 1, end < 0 ? url.length() : end);
    StringBuilder out = new StringBuilder(url.length()).append(url, 0, q + 1);
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      out.append(i == 0 ? "" : "&").append(scrubPair(pairs[i]));
    }
    return out.append(end < 0 ? "" : url.substring(end)).toString();
  }

  private static String scrubPair(String pair) {
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
