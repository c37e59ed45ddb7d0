package io.truecount.core.attribution;

import com.carrotsearch.hppc.LongObjectHashMap;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;

/**
 * The log positions of the conversions sharing each match key, by a 64-bit hash of the key: no
 * key objects or key strings kept per conversion (they were most of its memory). Two keys with
 * the same hash only make a touch re-derive a few conversions it cannot win; credit always comes
 * from the conversion's own keys, so the ledger cannot change (property-tested with a hash that
 * collides all the time).
 */
final class ConversionKeyIndex {
  private final LongObjectHashMap<SeqSet> byKey = new LongObjectHashMap<>();
  private final ToLongFunction<MatchIndexKeys.Key> hash;

  ConversionKeyIndex(ToLongFunction<MatchIndexKeys.Key> hash) {
    this.hash = hash;
  }

  /** Indexes the conversion at {@code seq} under each of its match keys. */
  void add(long seq, List<MatchIndexKeys.Key> keys) {
    for (MatchIndexKeys.Key key : keys) {
      long h = hash.applyAsLong(key);
      SeqSet seqs = byKey.get(h);
      if (seqs == null) {
        seqs = new SeqSet();
        byKey.put(h, seqs);
      }
      seqs.add(seq);
    }
  }

  void remove(Conversion c) {
    for (MatchIndexKeys.Key key : MatchIndexKeys.of(c.advertiserId(), c.keys())) {
      long h = hash.applyAsLong(key);
      SeqSet seqs = byKey.get(h);
      if (seqs != null) {
        seqs.remove(c.seq());
        if (seqs.isEmpty()) {
          byKey.remove(h);
        }
      }
    }
  }

  /** Each position indexed under {@code key} (and, rarely, under a key with the same hash). */
  void forEachSharing(MatchIndexKeys.Key key, LongConsumer action) {
    SeqSet seqs = byKey.get(hash.applyAsLong(key));
    if (seqs != null) {
      seqs.forEach(action);
    }
  }
}
