package io.truecount.core.attribution;

import io.truecount.core.MatchKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a touch and a conversion can share: ttclid, each hashed external_id, email and
 * phone, ttp, and the ip + user agent pair (probabilistic). Scoped by advertiser so nothing ever
 * matches across advertisers.
 */
final class MatchIndexKeys {
  static final String IP_UA = "ip+ua";

  /** One index key: cheap to build and hash (its strings cache their own hashes). */
  record Key(String advertiserId, String type, String value) {
    boolean probabilistic() {
      return type == IP_UA;
    }

    /**
     * The three strings four chars a step (a rotate and a multiply each; FNV-1a char by char was
     * 9 % of the pipeline's time), each closed by its length, then a 64-bit finalizer. A collision
     * costs work, never a wrong credit.
     */
    long hash64() {
      long h = mix(mix(mix(0xcbf29ce484222325L, advertiserId), type), value);
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      return h ^ (h >>> 33);
    }

    private static long mix(long h, String s) {
      int n = s.length();
      int i = 0;
      for (; i + 4 <= n; i += 4) {
        h = step(h, s.charAt(i) | (long) s.charAt(i + 1) << 16 | (long) s.charAt(i + 2) << 32 | (long) s.charAt(i + 3) << 48);
      }
      for (; i < n; i++) {
        h = step(h, s.charAt(i));
      }
      return step(h, n);
    }

    private static long step(long h, long word) {
      return Long.rotateLeft(h ^ word, 31) * 0x9e3779b97f4a7c15L;
    }
  }

  private MatchIndexKeys() {}

  static List<Key> of(String advertiserId, MatchKeys keys) {
    List<Key> out = new ArrayList<>(2);
    add(out, advertiserId, "ttclid", keys.ttclid());
    for (String v : keys.externalIds()) {
      add(out, advertiserId, "external_id", v);
    }
    for (String v : keys.emails()) {
      add(out, advertiserId, "email", v);
    }
    for (String v : keys.phones()) {
      add(out, advertiserId, "phone", v);
    }
    add(out, advertiserId, "ttp", keys.ttp());
    if (!keys.ip().isEmpty() && !keys.userAgent().isEmpty()) {
      out.add(new Key(advertiserId, IP_UA, keys.ip() + "\u0001" + keys.userAgent()));
    }
    return out;
  }

  private static void add(List<Key> out, String advertiserId, String type, String value) {
    if (!value.isEmpty()) {
      out.add(new Key(advertiserId, type, value));
    }
  }
}
