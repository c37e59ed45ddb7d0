package io.truecount.core.attribution;

import com.carrotsearch.hppc.LongLongHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Every conversion attribution knows, with its ledger state, keyed by log position: per
 * conversion one packed record ({@link ConversionPacker}) in a {@link PackedArena} and one slot
 * in {@link ConversionSlots}' columns: no object per conversion (young collections copied each
 * conversion's array and slot object twice before they settled in the old generation); ~0.36 KB
 * a conversion with the hashed key index (docs/benchmarks.md). Conversions and entries are
 * unpacked on demand; scans test the fields they filter on in place ({@link LedgerView}) and
 * unpack only what they keep. Not thread-safe (attribution's lock guards it).
 */
final class ConversionStore {
  /** A conversion's identity for lookups by event_id (only for the rare 64-bit hash collision). */
  private record EventKey(String sourceId, String event, String eventId) {}

  /** The 64-bit hash of a conversion's identity. */
  @FunctionalInterface
  interface EventHash {
    long of(String sourceId, String event, String eventId);
  }

  private final Words words = new Words();
  private final ConversionPacker packer = new ConversionPacker(words);
  private final PackedArena arena;
  private final ConversionSlots slots = new ConversionSlots();
  /** First conversion per 64-bit hash of (source, event, event_id); {@link #collided} holds the rest. */
  private final LongLongHashMap byEventId = new LongLongHashMap();
  private final Map<EventKey, Long> collided = new HashMap<>();
  private final EventHash hash;

  ConversionStore() {
    this(ConversionStore::eventHash, new PackedArena());
  }

  /** With another hash and arena (tests force collisions with a poor hash and use small chunks). */
  ConversionStore(EventHash hash, PackedArena arena) {
    this.hash = hash;
    this.arena = arena;
  }

  /** Stores the conversion (a known position gets the new keys, keeping its entry until re-derived); returns the previous one. */
  Optional<Conversion> put(Conversion c) {
    int slot = slots.slotOf(c.seq());
    Optional<Conversion> previous = slot < 0 ? Optional.empty() : Optional.of(unpack(slot));
    long address = arena.append(packer.pack(c));
    if (slot < 0) {
      slots.add(c.seq(), address);
    } else {
      slots.moveRecord(slot, address);
    }
    if (!c.eventId().isEmpty()) {
      indexEventId(c);
    }
    return previous;
  }

  private Conversion unpack(int slot) {
    long address = slots.address(slot);
    return packer.unpack(slots.seq(slot), arena.chunk(address), PackedArena.offset(address));
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
    int slot = slots.slotOf(seq);
    return slot < 0 ? Optional.empty() : Optional.of(unpack(slot));
  }

  Conversion require(long seq) {
    return unpack(slots.require(seq));
  }

  /** The conversion time without unpacking. */
  Instant time(long seq) {
    long address = slots.address(slots.require(seq));
    return ConversionPacker.time(arena.chunk(address), PackedArena.offset(address));
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
    int slot = slots.slotOf(seq);
    return slot < 0 || !slots.attributed(slot) ? Optional.empty() : Optional.of(entry(slot));
  }

  private LedgerEntry entry(int slot) {
    return new LedgerEntry(unpack(slot), Optional.ofNullable(slots.credit(slot)), slots.counted(slot));
  }

  void attribute(long seq, Optional<Credit> credit, boolean counted) {
    slots.attribute(slots.require(seq), credit.orElse(null), counted);
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
    forEachSlot(advertiserWord, from, to, slot -> out.add(entry(slot)));
    return out;
  }

  /** Like {@link #entries(String, Instant, Instant)}, unpacking only the entries whose view {@code keep} accepts. */
  List<LedgerEntry> entries(String advertiserId, Instant from, Instant to, Predicate<LedgerView> keep) {
    List<LedgerEntry> out = new ArrayList<>();
    forEachKept(advertiserId, from, to, keep, slot -> out.add(entry(slot)));
    return out;
  }

  /** The views of one advertiser's entries whose conversion time is in {@code [from, to)}, in log order (no conversion unpacked). */
  void forEachView(String advertiserId, Instant from, Instant to, Consumer<LedgerView> action) {
    int word = words.known(advertiserId);
    if (word >= 0) {
      forEachSlot(word, from, to, slot -> action.accept(view(slot)));
    }
  }

  private LedgerView view(int slot) {
    long address = slots.address(slot);
    return packer.view(slots.seq(slot), arena.chunk(address), PackedArena.offset(address), Optional.ofNullable(slots.credit(slot)), slots.counted(slot));
  }

  /** The advertiser's attributed slots in {@code [from, to)} whose view {@code keep} accepts. */
  private void forEachKept(String advertiserId, Instant from, Instant to, Predicate<LedgerView> keep, IntConsumer action) {
    int word = words.known(advertiserId);
    if (word >= 0) {
      forEachSlot(word, from, to, slot -> {
        if (keep.test(view(slot))) {
          action.accept(slot);
        }
      });
    }
  }

  /** Attributed slots of the advertiser ({@code -1}: of every advertiser) with conversion time in {@code [from, to)}, in log order. */
  private void forEachSlot(int advertiserWord, Instant from, Instant to, IntConsumer action) {
    int size = slots.inLogOrder().size();
    for (int slot = 0; slot < size; slot++) {
      if (!slots.attributed(slot)) {
        continue;
      }
      long address = slots.address(slot);
      byte[] chunk = arena.chunk(address);
      int at = PackedArena.offset(address);
      if ((advertiserWord == -1 || ConversionPacker.advertiser(chunk, at) == advertiserWord)
          && ConversionPacker.timeWithin(chunk, at, from, to)) {
        action.accept(slot);
      }
    }
  }

  /** Every conversion in log order. */
  List<Conversion> conversions() {
    int size = slots.inLogOrder().size();
    List<Conversion> out = new ArrayList<>(size);
    for (int slot = 0; slot < size; slot++) {
      out.add(unpack(slot));
    }
    return out;
  }

  /** One advertiser's conversions with time in {@code [from, to)} whose view {@code keep} accepts, in log order (the rest not unpacked). */
  List<Conversion> conversions(String advertiserId, Instant from, Instant to, Predicate<LedgerView> keep) {
    List<Conversion> out = new ArrayList<>();
    forEachKept(advertiserId, from, to, keep, slot -> out.add(unpack(slot)));
    return out;
  }

  int size() {
    return slots.size();
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
