package io.truecount.store.jdbc;

import java.time.Duration;

/** A log position that only moves forward, and waiting for it to pass a value (readers waiting for appends). */
public final class Watermark {
  private long value;

  public Watermark(long initial) {
    this.value = initial;
  }

  public synchronized long get() {
    return value;
  }

  public synchronized void advanceTo(long next) {
    if (next > value) {
      value = next;
      notifyAll();
    }
  }

  /** Waits until the position exceeds {@code floor} or {@code max} elapses; true when it did. */
  public synchronized boolean awaitAbove(long floor, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (value <= floor) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }
}
