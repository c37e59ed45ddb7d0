package io.truecount.core.attribution;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongLongHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;

/**
 * The log positions of the conversions sharing each match key, by a 64-bit hash of the key: no
 * key objects or key strings kept per conversion (they were most of its memory). Two keys with
 * the same hash only make a touch re-derive a few conversions it cannot win; credit always comes
 * from the conversion's own keys, so the ledger cannot change (property-tested with a hash that
 * collides all the time).
 *
 * <p>Most keys belong to one conversion (a ttclid, a user's email), so a key's entry in one
 * primitive map holds either its only position (positive: positions start at 1) or, once a
 * second one arrives, the number of its {@link SeqSet} (negative). A key with one position costs
 * no object: one map probe to add or find it, and nothing for young collections to copy.
 */
final class ConversionKeyIndex {
  /** Key hash → its only position (> 0), or {@code -(n + 1)} for the set {@code sets.get(n)}. */
  private final LongLongHashMap byKey = new LongLongHashMap();
  private final List<SeqSet> sets = new ArrayList<>();
  /** Numbers of sets emptied by removals, reused before the list grows. */
  private final IntArrayList freeSets = new IntArrayList();
  private final ToLongFunction<MatchIndexKeys.Key> hash;

  ConversionKeyIndex(ToLongFunction<MatchIndexKeys.Key> hash) {
    this.hash = hash;
  }

  /** Indexes the conversion at {@code seq} (≥ 1) under each of its match keys. */
  void add(long seq, List<MatchIndexKeys.Key> keys) {
    if (seq <= 0) {
      throw new IllegalArgumentException("log positions start at 1: " + seq);
    }
    for (MatchIndexKeys.Key key : keys) {
      long h = hash.applyAsLong(key);
      int at = byKey.indexOf(h);
      if (!byKey.indexExists(at)) {
        byKey.indexInsert(at, h, seq);
        continue;
      }
      long entry = byKey.indexGet(at);
      if (entry < 0) {
        sets.get(setNumber(entry)).add(seq);
      } else if (entry != seq) {
        SeqSet both = new SeqSet();
        both.add(Math.min(entry, seq));
        both.add(Math.max(entry, seq));
        byKey.indexReplace(at, setEntry(store(both)));
      }
    }
  }

  void remove(Conversion c) {
    for (MatchIndexKeys.Key key : MatchIndexKeys.of(c.advertiserId(), c.keys())) {
      long h = hash.applyAsLong(key);
      int at = byKey.indexOf(h);
      if (!byKey.indexExists(at)) {
        continue;
      }
      long entry = byKey.indexGet(at);
      if (entry == c.seq()) {
        byKey.indexRemove(at);
      } else if (entry < 0) {
        SeqSet seqs = sets.get(setNumber(entry));
        seqs.remove(c.seq());
        if (seqs.isEmpty()) {
          byKey.indexRemove(at);
          sets.set(setNumber(entry), null);
          freeSets.add(setNumber(entry));
        }
      }
    }
  }

  /** Each position indexed under {@code key} (and, rarely, under a key with the same hash). */
  void forEachSharing(MatchIndexKeys.Key key, LongConsumer action) {
    int at = byKey.indexOf(hash.applyAsLong(key));
    if (!byKey.indexExists(at)) {
      return;
    }
    long entry = byKey.indexGet(at);
    if (entry > 0) {
      action.accept(entry);
    } else {
      sets.get(setNumber(entry)).forEach(action);
    }
  }

  private int store(SeqSet set) {
    if (!freeSets.isEmpty()) {
      int n = freeSets.removeAt(freeSets.size() - 1);
      sets.set(n, set);
      return n;
    }
    sets.add(set);
    return sets.size() - 1;
  }

  private static long setEntry(int number) {
    return -(number + 1L);
  }

  private static int setNumber(long entry) {
    return (int) (-entry - 1);
  }
}
