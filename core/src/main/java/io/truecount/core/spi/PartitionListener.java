package io.truecount.core.spi;

/** Told by a {@link LogSubscription} which partitions this node processes. */
public interface PartitionListener {
  /** This node processes {@code partition} from now on; returns the sequence number to resume it from. */
  long assigned(int partition);

  /** Another node processes {@code partition} from now on. */
  void revoked(int partition);
}
