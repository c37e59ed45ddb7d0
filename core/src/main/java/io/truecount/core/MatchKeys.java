package io.truecount.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The user's match keys as stored: emails, phones and external ids are SHA-256 hex only; absent
 * single values are empty strings. {@code other} holds the remaining keys (hashed names and zip,
 * city, country, app device ids, ...).
 */
public record MatchKeys(
    List<String> emails,
    List<String> phones,
    List<String> externalIds,
    String ttclid,
    String ttp,
    String ip,
    String userAgent,
    Map<String, String> other) {

  public static final MatchKeys NONE =
      new MatchKeys(List.of(), List.of(), List.of(), "", "", "", "", Map.of());

  public MatchKeys {
    emails = List.copyOf(requireNonNull(emails, "emails is null"));
    phones = List.copyOf(requireNonNull(phones, "phones is null"));
    externalIds = List.copyOf(requireNonNull(externalIds, "externalIds is null"));
    requireNonNull(ttclid, "ttclid is null");
    requireNonNull(ttp, "ttp is null");
    requireNonNull(ip, "ip is null");
    requireNonNull(userAgent, "userAgent is null");
    other = Map.copyOf(requireNonNull(other, "other is null"));
  }

  /** Keys of this copy, with any key it lacks taken from {@code later} (dedup merge rule). */
  public MatchKeys fillFrom(MatchKeys later) {
    Map<String, String> mergedOther = new LinkedHashMap<>(later.other);
    mergedOther.putAll(other);
    return new MatchKeys(
        union(emails, later.emails),
        union(phones, later.phones),
        union(externalIds, later.externalIds),
        ttclid.isEmpty() ? later.ttclid : ttclid,
        ttp.isEmpty() ? later.ttp : ttp,
        ip.isEmpty() ? later.ip : ip,
        userAgent.isEmpty() ? later.userAgent : userAgent,
        mergedOther);
  }

  /** The keys present, by the names Event Match Quality uses. */
  public List<MatchKey> present() {
    int mask = presentMask();
    List<MatchKey> keys = new ArrayList<>(6);
    for (MatchKey key : MatchKey.ALL) {
      if ((mask & 1 << key.ordinal()) != 0) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The keys present as bits ({@code 1 << key.ordinal()}), without a list: the pipeline asks per event. */
  public int presentMask() {
    int mask = 0;
    for (MatchKey key : MatchKey.ALL) {
      if (key.presentIn(this)) {
        mask |= 1 << key.ordinal();
      }
    }
    return mask;
  }

  /** The summed Event Match Quality weights of the keys present. */
  public double presentWeight() {
    int mask = presentMask();
    double weight = 0;
    for (MatchKey key : MatchKey.ALL) {
      if ((mask & 1 << key.ordinal()) != 0) {
        weight += key.weight();
      }
    }
    return weight;
  }

  private static List<String> union(List<String> first, List<String> later) {
    if (later.isEmpty()) {
      return first;
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(first);
    all.addAll(later);
    return List.copyOf(all);
  }
}
