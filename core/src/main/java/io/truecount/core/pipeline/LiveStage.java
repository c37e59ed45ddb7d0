package io.truecount.core.pipeline;

import java.util.List;

/** A consumer of live (non-test) events after dedup, in log order. */
public interface LiveStage {
  void accept(ProcessedEvent event);

  static LiveStage noop() {
    return event -> {};
  }

  static LiveStage composite(LiveStage... stages) {
    List<LiveStage> all = List.of(stages);
    return event -> all.forEach(stage -> stage.accept(event));
  }
}
