package io.truecount.core.attribution;

import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every conversion attribution knows, with its ledger state, keyed by log position: per
 * conversion one packed array ({@link ConversionPacker}) and one small slot, in primitive hash
 * maps and a list in log order; with the hashed key index, ~0.45 KB a conversion instead of ~0.9
 * (docs/benchmarks.md). Conversions and entries are unpacked on demand; scans test the fields
 * they filter on in place ({@link LedgerView}) and unpack only what they keep. Not thread-safe
 * (attribution's lock guards it).
 */
final class ConversionStore {
  /** A conversion's packed form and its current attribution. */
  private static final class Slot {
    final long seq;
    byte[] packed;
    Credit credit;
    boolean counted;
    boolean attributed;

    Slot(long seq, byte[] packed) {
      this.seq = seq;
      this.packed = packed;
    }
  }

  /** A conversion's identity for lookups by event_id (only for the rare 64-bit hash collision). */
  private record EventKey(String sourceId, String event, String eventId) {}

  /** The 64-bit hash of a conversion's identity. */
  @FunctionalInterface
  interface EventHash {
    long of(String sourceId, String event, String eventId);
  }

  private final Words words = new Words();
  private final ConversionPacker packer = new ConversionPacker(words);
  private final LongObjectHashMap<Slot> bySeq = new LongObjectHashMap<>();
  /** First conversion per 64-bit hash of (source, event, event_id); {@link #collided} holds the rest. */
  private final LongLongHashMap byEventId = new LongLongHashMap();
  private final Map<EventKey, Long> collided = new HashMap<>();
  /**
   * Every slot in the order first stored: log order in the pipeline, so it rarely needs sorting;
   * scans walk this list instead of looking each position up.
   */
  private final ArrayList<Slot> order = new ArrayList<>();
  private boolean ordered = true;
  private final EventHash hash;

  ConversionStore() {
    this(ConversionStore::eventHash);
  }

  /** With another hash (tests force collisions with a poor one). */
  ConversionStore(EventHash hash) {
    this.hash = hash;
  }

  /** Stores the conversion (a known position gets the new keys, keeping its entry until re-derived); returns the previous one. */
  Optional<Conversion> put(Conversion c) {
    Slot slot = bySeq.get(c.seq());
    Optional<Conversion> previous = Optional.ofNullable(slot).map(s -> packer.unpack(c.seq(), s.packed));
    if (slot == null) {
      Slot fresh = new Slot(c.seq(), packer.pack(c));
      bySeq.put(c.seq(), fresh);
      ordered &= order.isEmpty() || order.get(order.size() - 1).seq < c.seq();
      order.add(fresh);
    } else {
      slot.packed = packer.pack(c);
    }
    if (!c.eventId().isEmpty()) {
      indexEventId(c);
    }
    return previous;
  }

  private void indexEventId(Conversion c) {
    long hash = this.hash.of(c.sourceId(), c.event(), c.eventId());
    int at = byEventId.indexOf(hash);
    if (!byEventId.indexExists(at)) {
      byEventId.indexInsert(at, hash, c.seq());
    } else if (!sameEvent(byEventId.indexGet(at), c.sourceId(), c.event(), c.eventId())) {
      collided.putIfAbsent(new EventKey(c.sourceId(), c.event(), c.eventId()), c.seq());
    }
  }

  Optional<Conversion> get(long seq) {
    Slot slot = bySeq.get(seq);
    return slot == null ? Optional.empty() : Optional.of(packer.unpack(seq, slot.packed));
  }

  Conversion require(long seq) {
    return packer.unpack(seq, bySeq.get(seq).packed);
  }

  /** The conversion time without unpacking. */
  Instant time(long seq) {
    return ConversionPacker.time(bySeq.get(seq).packed);
  }

  /** The position of the first conversion with this (source, reported event name, event_id). */
  OptionalLong seqOf(String sourceId, String event, String eventId) {
    long hash = this.hash.of(sourceId, event, eventId);
    int at = byEventId.indexOf(hash);
    if (byEventId.indexExists(at) && sameEvent(byEventId.indexGet(at), sourceId, event, eventId)) {
      return OptionalLong.of(byEventId.indexGet(at));
    }
    Long seq = collided.get(new EventKey(sourceId, event, eventId));
    return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
  }

  private boolean sameEvent(long seq, String sourceId, String event, String eventId) {
    Conversion c = require(seq);
    return c.sourceId().equals(sourceId) && c.event().equals(event) && c.eventId().equals(eventId);
  }

  /** The conversion's ledger entry, once attributed. */
  Optional<LedgerEntry> entry(long seq) {
    Slot slot = bySeq.get(seq);
    return slot == null || !slot.attributed ? Optional.empty() : Optional.of(entry(seq, slot));
  }

  private LedgerEntry entry(long seq, Slot slot) {
    return new LedgerEntry(packer.unpack(seq, slot.packed), Optional.ofNullable(slot.credit), slot.counted);
  }

  void attribute(long seq, Optional<Credit> credit, boolean counted) {
    Slot slot = bySeq.get(seq);
    slot.credit = credit.orElse(null);
    slot.counted = counted;
    slot.attributed = true;
  }

  /** Every entry in log order. */
  List<LedgerEntry> entries() {
    return entries(-1, Instant.MIN, Instant.MAX);
  }

  /**
   * The entries of one advertiser whose conversion time is in {@code [from, to)}, in log order;
   * other conversions are skipped by their fixed-offset fields, without unpacking.
   */
  List<LedgerEntry> entries(String advertiserId, Instant from, Instant to) {
    int word = words.known(advertiserId);
    return word < 0 ? List.of() : entries(word, from, to);
  }

  private List<LedgerEntry> entries(int advertiserWord, Instant from, Instant to) {
    List<LedgerEntry> out = new ArrayList<>();
    forEachSlot(advertiserWord, from, to, (seq, slot) -> out.add(entry(seq, slot)));
    return out;
  }

  /** Like {@link #entries(String, Instant, Instant)}, unpacking only the entries whose view {@code keep} accepts. */
  List<LedgerEntry> entries(String advertiserId, Instant from, Instant to, java.util.function.Predicate<LedgerView> keep) {
    List<LedgerEntry> out = new ArrayList<>();
    int word = words.known(advertiserId);
    if (word < 0) {
      return out;
    }
    forEachSlot(word, from, to, (seq, slot) -> {
      if (keep.test(view(seq, slot))) {
        out.add(entry(seq, slot));
      }
    });
    return out;
  }

  /** The views of one advertiser's entries whose conversion time is in {@code [from, to)}, in log order (no conversion unpacked). */
  void forEachView(String advertiserId, Instant from, Instant to, java.util.function.Consumer<LedgerView> action) {
    int word = words.known(advertiserId);
    if (word >= 0) {
      forEachSlot(word, from, to, (seq, slot) -> action.accept(view(seq, slot)));
    }
  }

  private LedgerView view(long seq, Slot slot) {
    return packer.view(seq, slot.packed, Optional.ofNullable(slot.credit), slot.counted);
  }

  /** Attributed slots of the advertiser ({@code -1}: of every advertiser) with conversion time in {@code [from, to)}. */
  private void forEachSlot(int advertiserWord, Instant from, Instant to, java.util.function.BiConsumer<Long, Slot> action) {
    for (Slot slot : ascending()) {
      if (slot.attributed && (advertiserWord == -1 || ConversionPacker.advertiser(slot.packed) == advertiserWord)
          && ConversionPacker.timeWithin(slot.packed, from, to)) {
        action.accept(slot.seq, slot);
      }
    }
  }

  /** Every conversion in log order. */
  List<Conversion> conversions() {
    List<Conversion> out = new ArrayList<>(order.size());
    ascending().forEach(slot -> out.add(packer.unpack(slot.seq, slot.packed)));
    return out;
  }

  /** One advertiser's conversions with time in {@code [from, to)} whose view {@code keep} accepts, in log order (the rest not unpacked). */
  List<Conversion> conversions(String advertiserId, Instant from, Instant to, java.util.function.Predicate<LedgerView> keep) {
    List<Conversion> out = new ArrayList<>();
    int word = words.known(advertiserId);
    if (word >= 0) {
      forEachSlot(word, from, to, (seq, slot) -> {
        if (keep.test(view(seq, slot))) {
          out.add(packer.unpack(seq, slot.packed));
        }
      });
    }
    return out;
  }

  int size() {
    return bySeq.size();
  }

  /** The slots by ascending position (sorted once if stored out of order). */
  private List<Slot> ascending() {
    if (!ordered) {
      order.sort(java.util.Comparator.comparingLong(slot -> slot.seq));
      ordered = true;
    }
    return order;
  }

  /** FNV-1a over the three strings with separators, then a 64-bit finalizer (collisions are checked, so only speed depends on it). */
  static long eventHash(String sourceId, String event, String eventId) {
    long h = 0xcbf29ce484222325L;
    h = fnv(fnv(fnv(h, sourceId), event), eventId);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return (h ^ 0xFFFF) * 0x100000001b3L;
  }
}
