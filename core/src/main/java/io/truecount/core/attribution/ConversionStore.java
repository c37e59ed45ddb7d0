package io.truecount.core.attribution;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongLongHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * in columns (position, record address, credit, flags), with a primitive map from position to
 * slot; ~0.4 KB a conversion with the hashed key index (docs/benchmarks.md). No object per
 * conversion: young collections copied each conversion's array and slot object twice before
 * they settled in the old generation. Conversions and entries are unpacked on demand; scans test
 * the fields they filter on in place ({@link LedgerView}) and unpack only what they keep. Not
 * thread-safe (attribution's lock guards it).
 */
final class ConversionStore {
  private static final byte COUNTED = 1;
  private static final byte ATTRIBUTED = 2;

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
  /** Slot i, in the order first stored: its log position, where its record is, its credit, its flags. */
  private long[] seqs = new long[64];
  private long[] addresses = new long[64];
  private Credit[] credits = new Credit[64];
  private byte[] flags = new byte[64];
  private int slots;
  private final LongIntHashMap slotBySeq = new LongIntHashMap();
  /** First conversion per 64-bit hash of (source, event, event_id); {@link #collided} holds the rest. */
  private final LongLongHashMap byEventId = new LongLongHashMap();
  private final Map<EventKey, Long> collided = new HashMap<>();
  /** Whether the slots are by ascending position (the pipeline stores in log order; scans sort otherwise). */
  private boolean ordered = true;
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
    int slot = slotOf(c.seq());
    Optional<Conversion> previous = slot < 0 ? Optional.empty() : Optional.of(unpack(slot));
    long address = arena.append(packer.pack(c));
    if (slot < 0) {
      add(c.seq(), address);
    } else {
      addresses[slot] = address;
    }
    if (!c.eventId().isEmpty()) {
      indexEventId(c);
    }
    return previous;
  }

  private void add(long seq, long address) {
    if (slots == seqs.length) {
      int grown = slots * 2;
      seqs = Arrays.copyOf(seqs, grown);
      addresses = Arrays.copyOf(addresses, grown);
      credits = Arrays.copyOf(credits, grown);
      flags = Arrays.copyOf(flags, grown);
    }
    ordered &= slots == 0 || seqs[slots - 1] < seq;
    seqs[slots] = seq;
    addresses[slots] = address;
    slotBySeq.put(seq, slots++);
  }

  private int slotOf(long seq) {
    if (ordered && (slots == 0 || seq > seqs[slots - 1])) {
      return -1; // past the last position stored: a new conversion, no lookup (a cache miss each)
    }
    return slotBySeq.getOrDefault(seq, -1);
  }

  private int requireSlot(long seq) {
    int slot = slotOf(seq);
    if (slot < 0) {
      throw new IllegalStateException("no conversion at position " + seq);
    }
    return slot;
  }

  private Conversion unpack(int slot) {
    long address = addresses[slot];
    return packer.unpack(seqs[slot], arena.chunk(address), PackedArena.offset(address));
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
    int slot = slotOf(seq);
    return slot < 0 ? Optional.empty() : Optional.of(unpack(slot));
  }

  Conversion require(long seq) {
    return unpack(requireSlot(seq));
  }

  /** The conversion time without unpacking. */
  Instant time(long seq) {
    long address = addresses[requireSlot(seq)];
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
    int slot = slotOf(seq);
    return slot < 0 || (flags[slot] & ATTRIBUTED) == 0 ? Optional.empty() : Optional.of(entry(slot));
  }

  private LedgerEntry entry(int slot) {
    return new LedgerEntry(unpack(slot), Optional.ofNullable(credits[slot]), (flags[slot] & COUNTED) != 0);
  }

  void attribute(long seq, Optional<Credit> credit, boolean counted) {
    int slot = requireSlot(seq);
    credits[slot] = credit.orElse(null);
    flags[slot] = (byte) (ATTRIBUTED | (counted ? COUNTED : 0));
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
    long address = addresses[slot];
    return packer.view(seqs[slot], arena.chunk(address), PackedArena.offset(address), Optional.ofNullable(credits[slot]), (flags[slot] & COUNTED) != 0);
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
    sortIfNeeded();
    for (int slot = 0; slot < slots; slot++) {
      if ((flags[slot] & ATTRIBUTED) == 0) {
        continue;
      }
      long address = addresses[slot];
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
    sortIfNeeded();
    List<Conversion> out = new ArrayList<>(slots);
    for (int slot = 0; slot < slots; slot++) {
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
    return slots;
  }

  /** Puts the slots in ascending position once, if they were stored out of order (rare: the pipeline stores in log order). */
  private void sortIfNeeded() {
    if (ordered) {
      return;
    }
    long[] ascending = Arrays.copyOf(seqs, slots);
    Arrays.sort(ascending);
    long[] newAddresses = new long[seqs.length];
    Credit[] newCredits = new Credit[seqs.length];
    byte[] newFlags = new byte[seqs.length];
    for (int slot = 0; slot < slots; slot++) {
      int old = slotBySeq.get(ascending[slot]);
      newAddresses[slot] = addresses[old];
      newCredits[slot] = credits[old];
      newFlags[slot] = flags[old];
    }
    for (int slot = 0; slot < slots; slot++) {
      slotBySeq.put(ascending[slot], slot);
    }
    seqs = Arrays.copyOf(ascending, seqs.length);
    addresses = newAddresses;
    credits = newCredits;
    flags = newFlags;
    ordered = true;
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
