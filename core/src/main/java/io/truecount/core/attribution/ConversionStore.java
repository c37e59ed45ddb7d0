package io.truecount.core.attribution;

import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every conversion attribution knows, with its ledger state, keyed by log position: per
 * conversion one packed array ({@link ConversionPacker}) and one small slot in primitive hash
 * maps, about a third of the memory of the records and boxed maps it replaces (measured in
 * docs/benchmarks.md). Conversions and entries are unpacked on demand. Not thread-safe
 * (attribution's lock guards it).
 */
final class ConversionStore {
  /** A conversion's packed form and its current attribution. */
  private static final class Slot {
    byte[] packed;
    Credit credit;
    boolean counted;
    boolean attributed;

    Slot(byte[] packed) {
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
      bySeq.put(c.seq(), new Slot(packer.pack(c)));
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
    return entries(-1);
  }

  /** The entries of one advertiser in log order (others are skipped without unpacking). */
  List<LedgerEntry> entries(String advertiserId) {
    int word = words.known(advertiserId);
    return word < 0 ? List.of() : entries(word);
  }

  private List<LedgerEntry> entries(int advertiserWord) {
    long[] seqs = sortedSeqs();
    List<LedgerEntry> out = new ArrayList<>();
    for (long seq : seqs) {
      Slot slot = bySeq.get(seq);
      if (slot.attributed && (advertiserWord < 0 || ConversionPacker.advertiser(slot.packed) == advertiserWord)) {
        out.add(entry(seq, slot));
      }
    }
    return out;
  }

  /** One advertiser's conversions in log order (others skipped without unpacking); every one for {@code null}. */
  List<Conversion> conversions(String advertiserId) {
    int word = advertiserId == null ? -1 : words.known(advertiserId);
    if (advertiserId != null && word < 0) {
      return List.of();
    }
    List<Conversion> out = new ArrayList<>();
    for (long seq : sortedSeqs()) {
      byte[] packed = bySeq.get(seq).packed;
      if (word < 0 || ConversionPacker.advertiser(packed) == word) {
        out.add(packer.unpack(seq, packed));
      }
    }
    return out;
  }

  /** One advertiser's positions (every position for {@code null}), ascending. */
  long[] seqs(String advertiserId) {
    if (advertiserId == null) {
      return sortedSeqs();
    }
    int word = words.known(advertiserId);
    return java.util.Arrays.stream(sortedSeqs()).filter(seq -> word >= 0 && ConversionPacker.advertiser(bySeq.get(seq).packed) == word).toArray();
  }

  int size() {
    return bySeq.size();
  }

  private long[] sortedSeqs() {
    long[] seqs = new long[bySeq.size()];
    int i = 0;
    for (LongObjectCursor<Slot> c : bySeq) {
      seqs[i++] = c.key;
    }
    Arrays.sort(seqs);
    return seqs;
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
