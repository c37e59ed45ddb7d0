package io.truecount.core.pipeline;

import java.util.List;
import java.util.function.BiConsumer;

/** A consumer of live (non-test) events after dedup, in log order. */
public interface LiveStage {
  void accept(ProcessedEvent event);

  /**
   * The events of one read of the log, in order; an event this stage fails on goes to {@code
   * failed} and the stage goes on with the next.
   */
  default void acceptAll(List<ProcessedEvent> events, BiConsumer<ProcessedEvent, RuntimeException> failed) {
    for (ProcessedEvent event : events) {
      try {
        accept(event);
      } catch (RuntimeException e) {
        failed.accept(event, e);
      }
    }
  }

  static LiveStage noop() {
    return event -> {};
  }

  /**
   * The stages in turn. A read of the log goes through them stage by stage — every event through
   * the first, then every event through the second — so each stage's maps and code stay in the
   * cache for the whole run instead of being evicted by the others after every event. Stages are
   * independent of each other (each sees every event in log order), and one failing on an event
   * does not keep it from the others.
   */
  static LiveStage composite(LiveStage... stages) {
    List<LiveStage> all = List.of(stages);
    return new LiveStage() {
      @Override
      public void accept(ProcessedEvent event) {
        all.forEach(stage -> stage.accept(event));
      }

      @Override
      public void acceptAll(List<ProcessedEvent> events, BiConsumer<ProcessedEvent, RuntimeException> failed) {
        all.forEach(stage -> stage.acceptAll(events, failed));
      }
    };
  }
}
