package io.truecount.core.attribution;

import java.util.List;

/** A conversion about to be re-derived, with its match keys (computed once for the key index and the candidate search). */
record Derivable(Conversion conversion, List<MatchIndexKeys.Key> keys) {
  static Derivable of(Conversion c) {
    return new Derivable(c, MatchIndexKeys.of(c.advertiserId(), c.keys()));
  }
}
