package io.truecount.core.spi;

import io.truecount.core.ads.Touch;
import java.util.List;

/** The append-only log of touches (clicks, engaged views, views). Attribution replays it at start. */
public interface TouchLog extends AutoCloseable {
  /** Appends in order; durable (fsync'd) on return, all or nothing. */
  void append(List<Touch> touches);

  /** Up to {@code max} touches with sequence number {@code >= fromSeq}, in order; sequence numbers start at 1. */
  List<LoggedTouch> read(long fromSeq, int max);

  /**
   * Waits until {@link #read} sees every touch any node had appended when this was called (a log
   * read asynchronously from a broker); logs that read their store directly already do.
   */
  default void catchUp() {}

  /** A touch and its position in the log. */
  record LoggedTouch(long seq, Touch touch) {}

  @Override
  void close();
}
