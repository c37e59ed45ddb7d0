package io.truecount.core.attribution;

import io.truecount.core.ads.Touch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Incremental attribution (docs/attribution.md). Each conversion is credited to one touch: the
 * latest eligible click, else engaged view, else view; ties by smallest ad id, then touch id. A
 * touch is eligible when it shares a match key with the conversion, its ad group takes the
 * conversion's event source, and {@code 0 <= conversion - touch < window} of its kind in its ad
 * group. ONCE ad groups count only the earliest conversion per (touch, event).
 *
 * <p>The ledger is a pure function of the touches, conversions and settings: whatever order they
 * arrive in, every change re-derives exactly the affected conversions, and listeners get a
 * retraction plus the new entry. Thread-safe (one lock).
 */
public final class Attribution {
  /** The order among conversions of a ONCE slot: time, then event_id, then log position. */
  static final Comparator<Conversion> EARLIEST = Comparator.comparing(Conversion::time)
      .thenComparing(Conversion::eventId).thenComparingLong(Conversion::seq);

  private static final Comparator<Credit> BEST = Comparator.<Credit>comparingInt(c -> c.kind().ordinal())
      .thenComparing(Comparator.comparing(Credit::touchTime).reversed())
      .thenComparing(c -> c.touch().adId())
      .thenComparing(c -> c.touch().touchId());

  /** Conversions re-derived per step of a full recompute. */
  private static final int RECOMPUTE_CHUNK = 4096;

  private final AdDirectory ads;
  private final LedgerListener listener;
  private final int recomputeChunk;
  private final TouchIndex touches = new TouchIndex();
  private final ConversionKeyIndex conversionsByKey;
  private final ConversionStore conversions = new ConversionStore();
  private final OnceSlots onceSlots = new OnceSlots();

  public Attribution(AdDirectory ads, LedgerListener listener) {
    this(ads, listener, RECOMPUTE_CHUNK, MatchIndexKeys.Key::hash64);
  }

  /** With another chunk size for full recomputes and another key hash (tests use tiny chunks and colliding hashes). */
  Attribution(AdDirectory ads, LedgerListener listener, int recomputeChunk, java.util.function.ToLongFunction<MatchIndexKeys.Key> keyHash) {
    this.ads = ads;
    this.listener = listener;
    this.recomputeChunk = recomputeChunk;
    this.conversionsByKey = new ConversionKeyIndex(keyHash);
  }

  /** A new conversion, or a known one with more keys (a merged copy). */
  public synchronized void conversion(Conversion c) {
    Map<Long, LedgerEntry> before = new HashMap<>(2);
    conversions.entry(c.seq()).ifPresent(old -> before.put(c.seq(), old)); // the entry as listeners last saw it, keys before the merge
    conversions.put(c).ifPresent(conversionsByKey::remove);
    List<MatchIndexKeys.Key> keys = MatchIndexKeys.of(c.advertiserId(), c.keys());
    conversionsByKey.add(c.seq(), keys);
    reattribute(Set.of(c.seq()), before, new Derivable(c, keys)); // c is what the store now holds: no need to unpack it again
  }

  /**
   * A touch; conversions it could now win are re-derived. The same touch id again keeps the
   * earliest copy (a click's time is its first landing), whatever the arrival order.
   */
  public synchronized void touch(Touch t) {
    if (!touches.keeps(t)) {
      return;
    }
    Set<Long> affected = new HashSet<>(0);
    touches.put(t).ifPresent(replaced -> MatchIndexKeys.of(replaced.advertiserId(), replaced.user())
        .forEach(key -> conversionsByKey.forEachSharing(key, affected::add)));
    for (MatchIndexKeys.Key key : MatchIndexKeys.of(t.advertiserId(), t.user())) {
      conversionsByKey.forEachSharing(key, seq -> {
        if (!conversions.time(seq).isBefore(t.time())) {
          affected.add(seq);
        }
      });
    }
    reattribute(affected, new HashMap<>());
  }

  /**
   * Ad groups or settings changed (before publishing): re-derive everything, a chunk at a time.
   * Each chunk is one ordinary incremental step (listeners see retractions and new entries as
   * usual), so the transient copies stay small whatever the history, and the pipeline may go on
   * between chunks (the directory already answers with the new settings).
   */
  public void settingsChanged() {
    long[] reachable;
    synchronized (this) {
      reachable = touches.reachable(null, conversionsByKey);
    }
    reattributeInChunks(reachable);
  }

  /** One advertiser's ad groups or settings changed: re-derive that advertiser's conversions (as {@link #settingsChanged()}). */
  public void settingsChanged(String advertiserId) {
    long[] reachable;
    synchronized (this) {
      reachable = touches.reachable(advertiserId, conversionsByKey);
    }
    reattributeInChunks(reachable);
  }

  private void reattributeInChunks(long[] all) {
    for (int from = 0; from < all.length; from += recomputeChunk) {
      Set<Long> chunk = new HashSet<>();
      for (int i = from; i < Math.min(all.length, from + recomputeChunk); i++) {
        chunk.add(all[i]);
      }
      synchronized (this) {
        reattribute(chunk, new HashMap<>());
      }
    }
  }

  /** The conversion at {@code seq} as attribution knows it (keys of merged copies included). */
  public synchronized Optional<Conversion> conversion(long seq) {
    return conversions.get(seq);
  }

  /** The first conversion with this (source, reported event name, event_id). */
  public synchronized Optional<Conversion> conversion(String sourceId, String event, String eventId) {
    java.util.OptionalLong seq = conversions.seqOf(sourceId, event, eventId);
    return seq.isPresent() ? conversions.get(seq.getAsLong()) : Optional.empty();
  }

  public synchronized Optional<LedgerEntry> entry(long seq) {
    return conversions.entry(seq);
  }

  /** Every ledger entry, in log order (unpacked: a snapshot proportional to the whole ledger). */
  public synchronized List<LedgerEntry> entries() {
    return conversions.entries();
  }

  /** One advertiser's ledger entries, in log order; other advertisers' are skipped without unpacking. */
  public synchronized List<LedgerEntry> entries(String advertiserId) {
    return conversions.entries(advertiserId, java.time.Instant.MIN, java.time.Instant.MAX);
  }

  /** Like {@link #entries(String, java.time.Instant, java.time.Instant)}, unpacking only the entries whose view {@code keep} accepts. */
  public synchronized List<LedgerEntry> entries(String advertiserId, java.time.Instant from, java.time.Instant to,
      java.util.function.Predicate<LedgerView> keep) {
    return conversions.entries(advertiserId, from, to, keep);
  }

  /** The views of one advertiser's entries with conversion time in {@code [from, to)}, in log order, no conversion unpacked (counts over a large ledger). */
  public synchronized void forEachView(String advertiserId, java.time.Instant from, java.time.Instant to, java.util.function.Consumer<LedgerView> action) {
    conversions.forEachView(advertiserId, from, to, action);
  }

  /** One advertiser's entries whose conversion time is in {@code [from, to)}, in log order; the others are skipped without unpacking. */
  public synchronized List<LedgerEntry> entries(String advertiserId, java.time.Instant from, java.time.Instant to) {
    return conversions.entries(advertiserId, from, to);
  }

  /** A snapshot of every touch (for what-if recomputes). */
  public synchronized List<Touch> touches() {
    return List.copyOf(touches.all());
  }

  /** A snapshot of every conversion (for what-if recomputes). */
  public synchronized List<Conversion> conversions() {
    return conversions.conversions();
  }

  /**
   * One advertiser's attributed conversions with time in {@code [from, to)} whose view
   * {@code keep} accepts, in log order, the rest not unpacked (for what-if recomputes).
   */
  public synchronized List<Conversion> conversions(String advertiserId, java.time.Instant from, java.time.Instant to,
      java.util.function.Predicate<LedgerView> keep) {
    return conversions.conversions(advertiserId, from, to, keep);
  }

  public synchronized int touchCount() {
    return touches.size();
  }

  /** Every touch sharing a key with the conversion, and whether (and why not) it was eligible. */
  public synchronized List<Candidate> candidates(long seq) {
    Optional<Conversion> found = conversions.get(seq);
    if (found.isEmpty()) {
      return List.of();
    }
    Conversion c = found.get();
    Map<String, List<String>> shared = new LinkedHashMap<>();
    Map<String, Touch> byId = new LinkedHashMap<>();
    for (MatchIndexKeys.Key key : MatchIndexKeys.of(c.advertiserId(), c.keys())) {
      for (Touch t : touches.sharing(key)) {
        byId.put(t.touchId(), t);
        shared.computeIfAbsent(t.touchId(), k -> new ArrayList<>()).add(key.type());
      }
    }
    List<Candidate> out = new ArrayList<>();
    for (Touch t : byId.values()) {
      Optional<Placement> placement = ads.placement(t.adId());
      List<String> keys = shared.get(t.touchId());
      String why = Eligibility.whyNot(c, t, placement, keys, ads.ipUserAgentMatching(c.advertiserId()));
      out.add(new Candidate(t, placement, keys, why.isEmpty(), why.isEmpty() ? "eligible" : why));
    }
    return out;
  }

  /**
   * Re-derives the conversions at {@code seqs}; {@code before} may already hold entries as
   * listeners last saw them (a merge has replaced the stored conversion since).
   */
  private void reattribute(Set<Long> seqs, Map<Long, LedgerEntry> before) {
    reattribute(seqs, before, null);
  }

  /** As above; {@code known}, when given, is the stored conversion for one of {@code seqs}. */
  private void reattribute(Set<Long> seqs, Map<Long, LedgerEntry> before, Derivable known) {
    if (seqs.isEmpty()) {
      return;
    }
    Map<Long, LedgerEntry> after = new HashMap<>();
    Set<String> slots = new HashSet<>();
    for (long seq : seqs) {
      LedgerEntry old = before.containsKey(seq) ? before.get(seq) : conversions.entry(seq).orElse(null);
      before.put(seq, old);
      Derivable d = known != null && known.conversion().seq() == seq ? known : Derivable.of(conversions.require(seq));
      Conversion c = d.conversion();
      Optional<Credit> credit = best(c, d.keys());
      if (old != null) {
        onceSlots.leave(old).ifPresent(slots::add);
      }
      LedgerEntry fresh = new LedgerEntry(c, credit, credit.isPresent());
      after.put(seq, fresh);
      onceSlots.join(fresh).ifPresent(slots::add);
    }
    for (String s : slots) {
      long first = -1;
      for (Conversion member : onceSlots.members(s)) {
        first = first < 0 ? member.seq() : first;
        LedgerEntry current = after.containsKey(member.seq()) ? after.get(member.seq()) : conversions.entry(member.seq()).orElseThrow();
        boolean counted = member.seq() == first;
        if (current.counted() != counted) {
          if (!before.containsKey(member.seq())) { // a null value is an entry too: the conversion is new
            before.put(member.seq(), current);
          }
          after.put(member.seq(), new LedgerEntry(current.conversion(), current.credit(), counted));
        }
      }
    }
    after.forEach((seq, now) -> conversions.attribute(seq, now.credit(), now.counted()));
    before.forEach((seq, old) -> {
      LedgerEntry now = after.get(seq);
      if (!now.equals(old)) {
        listener.changed(old, now);
      }
    });
  }

  private Optional<Credit> best(Conversion c, List<MatchIndexKeys.Key> keys) {
    Credit best = null;
    Map<Touch, Boolean> deterministic = Map.of(); // most conversions share no key with a touch: no map for them
    for (MatchIndexKeys.Key key : keys) {
      boolean probabilistic = key.probabilistic();
      if (probabilistic && !ads.ipUserAgentMatching(c.advertiserId())) {
        continue;
      }
      for (Touch t : touches.sharing(key)) {
        if (deterministic.isEmpty()) {
          deterministic = new IdentityHashMap<>(4);
        }
        deterministic.merge(t, !probabilistic, Boolean::logicalOr);
      }
    }
    for (Map.Entry<Touch, Boolean> e : deterministic.entrySet()) {
      Touch t = e.getKey();
      Optional<Placement> placement = ads.placement(t.adId());
      if (placement.isPresent() && Eligibility.eligible(c, t, placement.get())) {
        Credit candidate = new Credit(t, placement.get(), !e.getValue());
        if (best == null || BEST.compare(candidate, best) < 0) {
          best = candidate;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** For explanations: why the winner won. */
  public static String whyWinner(Credit c) {
    return Eligibility.whyWinner(c);
  }
}
