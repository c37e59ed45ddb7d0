package io.truecount.core.attribution;

/** Receives every ledger change: {@code before} is null for a new conversion; a change is a retraction of {@code before} plus {@code after}. */
public interface LedgerListener {
  void changed(LedgerEntry before, LedgerEntry after);
}
