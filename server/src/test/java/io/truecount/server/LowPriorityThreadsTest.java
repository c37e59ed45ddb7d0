package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LowPriorityThreadsTest {
  /** A thread's nice value: field 19 of its stat (the fields after the name, which may hold spaces, counted from its ')'). */
  private static int nice(Path stat) {
    try {
      String text = Files.readString(stat);
      return Integer.parseInt(text.substring(text.lastIndexOf(')') + 2).split(" ")[16]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void a_thread_it_makes_runs_at_nice_19_and_the_others_keep_theirs() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux: nice is per thread");
    CompletableFuture<Integer> seen = new CompletableFuture<>();
    Thread low = new LowPriorityThreads().newThread(() -> seen.complete(nice(Path.of("/proc/thread-self/stat"))));
    low.start();
    assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(LowPriorityThreads.NICE);
    assertThat(nice(Path.of("/proc/thread-self/stat"))).as("the creating thread").isNotEqualTo(LowPriorityThreads.NICE);
  }

  @Test
  void the_servers_pipeline_runs_low_and_the_request_path_does_not(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux: nice is per thread");
    try (Server server = new Server(dir, Map.of())) {
      server.settle(); // the pipeline has read the log: it lowered its priority first
      Map<String, Integer> niceByThread = new java.util.HashMap<>();
      java.util.List<Integer> ioThreads = new java.util.ArrayList<>();
      try (var tasks = Files.list(Path.of("/proc/self/task"))) {
        for (Path task : tasks.toList()) {
          String name;
          int nice;
          try {
            name = Files.readString(task.resolve("comm")).strip();
            nice = nice(task.resolve("stat"));
          } catch (NoSuchFileException | UncheckedIOException e) {
            if (e instanceof UncheckedIOException u && !(u.getCause() instanceof NoSuchFileException)) {
              throw u;
            }
            continue; // a thread (of an earlier test's server) ended between the listing and the read
          }
          niceByThread.merge(name, nice, Math::min);
          if (name.startsWith("truecount-io-")) {
            ioThreads.add(nice);
          }
        }
      }
      // names are cut to 15 characters
      assertThat(niceByThread).containsEntry("truecount-pipel", LowPriorityThreads.NICE);
      assertThat(niceByThread.get("truecount-log-w")).as("the log writer").isNotEqualTo(LowPriorityThreads.NICE);
      assertThat(ioThreads).as("the HTTP IO threads").isNotEmpty().doesNotContain(LowPriorityThreads.NICE);
    }
  }
}
