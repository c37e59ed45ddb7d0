package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short smoke of the commit-cost tool (the real runs are in docs/benchmarks.md). */
class LogCommitCostTest {
  @Test
  void fsync_costs_are_measured_and_the_file_is_removed(@TempDir Path dir) throws Exception {
    LogCommitCost.SyncCost cost = LogCommitCost.fsync(dir, 16, 20);

    assertThat(cost.kib()).isEqualTo(16);
    assertThat(cost.wallMicros()).isPositive();
    assertThat(cost.cpuMicros()).isPositive().isLessThanOrEqualTo(cost.wallMicros() * 1.5);
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void the_closed_loop_groups_concurrent_appends_into_commits() throws Exception {
    List<LogCommitCost.LoopWindow> windows = LogCommitCost.loop(8, Duration.ofMillis(400), 2);

    assertThat(windows).hasSize(2).allSatisfy(w -> {
      assertThat(w.appendsPerSecond()).isPositive();
      assertThat(w.eventsPerCommit()).isGreaterThanOrEqualTo(1.0).isLessThanOrEqualTo(10.0); // at most 8 a commit, give or take the window edges
      assertThat(w.writerMicrosPerEvent()).isPositive();
    });
  }
}
