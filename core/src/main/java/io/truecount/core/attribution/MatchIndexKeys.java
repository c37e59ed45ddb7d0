package io.truecount.core.attribution;

import io.truecount.core.MatchKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a touch and a conversion can share: ttclid, each hashed external_id, email and
 * phone, ttp, and the ip + user agent pair (probabilistic). Prefixed with the advertiser so
 * nothing ever matches across advertisers.
 */
final class MatchIndexKeys {
  static final String IP_UA = "ip+ua";

  private MatchIndexKeys() {}

  static List<String> of(String advertiserId, MatchKeys keys) {
    List<String> out = new ArrayList<>(6);
    add(out, advertiserId, "ttclid", keys.ttclid());
    keys.externalIds().forEach(v -> add(out, advertiserId, "external_id", v));
    keys.emails().forEach(v -> add(out, advertiserId, "email", v));
    keys.phones().forEach(v -> add(out, advertiserId, "phone", v));
    add(out, advertiserId, "ttp", keys.ttp());
    if (!keys.ip().isEmpty() && !keys.userAgent().isEmpty()) {
      add(out, advertiserId, IP_UA, keys.ip() + "\u0001" + keys.userAgent());
    }
    return out;
  }

  /** The key's type: ttclid, external_id, email, phone, ttp or ip+ua. */
  static String type(String key) {
    int first = key.indexOf('\u0000');
    return key.substring(first + 1, key.indexOf('\u0000', first + 1));
  }

  private static void add(List<String> out, String advertiserId, String type, String value) {
    if (!value.isEmpty()) {
      out.add(advertiserId + '\u0000' + type + '\u0000' + value);
    }
  }
}
