package io.truecount.bench;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.store.SqliteEventLog;
import io.truecount.wire.EventDecoder;
import io.truecount.wire.Format;
import io.truecount.wire.IngestReader;
import io.truecount.wire.SourceContext;
import io.truecount.wire.WireException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a durable acknowledgement costs on this machine without HTTP: the fsync under every group
 * commit, and the embedded log's writer per commit and per event.
 *
 * <pre>
 *   java -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.LogCommitCost fsync KIB [TIMES] [DIR]
 *     a KIB write + fsync, TIMES times (default 3000), over a preallocated file: wall and CPU time each
 *   java -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.LogCommitCost log CLIENTS [SECONDS] [ROUNDS]
 *     CLIENTS threads each append one event to the embedded log and wait until it is durable (as
 *     CLIENTS connections of single events do): appends/s, events a commit, the writer thread's
 *     CPU an event (waking the client included), ROUNDS windows of SECONDS (default 4 of 5)
 * </pre>
 */
public final class LogCommitCost {
  private static final String PIXEL = "CBENCH00000000000001";
  /** The events' time and the edge's "now" when decoding them (the log does not look at either). */
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final int FSYNC_FILE_MIB = 64;

  private LogCommitCost() {}

  /** One write + fsync, averaged. */
  record SyncCost(int kib, double wallMicros, double cpuMicros) {
    @Override
    public String toString() {
      return String.format("fsync after a %d KiB write: wall %.0f us, CPU %.1f us", kib, wallMicros, cpuMicros);
    }
  }

  /** One window of the closed loop. */
  record LoopWindow(int clients, double appendsPerSecond, double commitsPerSecond, double writerMicrosPerEvent, double checkpointMicrosPerEvent) {
    double eventsPerCommit() {
      return appendsPerSecond / commitsPerSecond;
    }

    @Override
    public String toString() {
      return String.format("%d clients: %.0f appends/s, %.0f commits/s, %.1f events a commit; writer %.2f us an event, checkpoint %.2f",
          clients, appendsPerSecond, commitsPerSecond, eventsPerCommit(), writerMicrosPerEvent, checkpointMicrosPerEvent);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("fsync")) {
      Path dir = Path.of(args.length > 3 ? args[3] : ".");
      System.out.println(fsync(dir, Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3000));
    } else if (args.length >= 2 && args[0].equals("log")) {
      Duration window = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 5);
      int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
      loop(Integer.parseInt(args[1]), window, rounds).forEach(System.out::println);
    } else {
      System.err.println("usage: LogCommitCost fsync KIB [TIMES] [DIR] | log CLIENTS [SECONDS] [ROUNDS]");
      System.exit(2);
    }
  }

  /** Writes {@code kib} and fsyncs, {@code times} times, cycling through a preallocated file in {@code dir} (so its size never changes). */
  static SyncCost fsync(Path dir, int kib, int times) throws IOException {
    Path file = Files.createTempFile(dir, "fsync-cost", ".bin");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      preallocate(channel);
      ByteBuffer block = ByteBuffer.allocateDirect(kib * 1024);
      long span = (long) FSYNC_FILE_MIB << 20;
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int i = 0; i < times; i++) {
        block.clear();
        channel.write(block, (long) i * block.capacity() % (span - block.capacity()));
        channel.force(true);
      }
      return new SyncCost(kib, (System.nanoTime() - wall0) / 1e3 / times, (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / times);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void preallocate(FileChannel channel) throws IOException {
    ByteBuffer mib = ByteBuffer.allocateDirect(1 << 20);
    for (long i = 0; i < FSYNC_FILE_MIB; i++) {
      mib.clear();
      channel.write(mib, i << 20);
    }
    channel.force(true);
  }

  /** Runs {@code clients} closed-loop appenders against a fresh embedded log; one result a window. */
  static List<LoopWindow> loop(int clients, Duration window, int rounds) throws IOException, InterruptedException, WireException {
    List<Event> events = events(20_000);
    Path dir = Files.createTempDirectory("log-commit-cost");
    AtomicLong commits = new AtomicLong();
    SqliteEventLog log = new SqliteEventLog(dir.resolve("log.db"), 10_000, 1_000_000, nanos -> commits.incrementAndGet());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong appended = new AtomicLong();
    List<Thread> appenders = startAppenders(clients, log, events, stop, appended);
    try {
      List<LoopWindow> windows = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        windows.add(window(clients, window, appended, commits));
      }
      return windows;
    } finally {
      stop.set(true);
      for (Thread t : appenders) {
        t.join();
      }
      log.close();
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static List<Thread> startAppenders(int clients, SqliteEventLog log, List<Event> events, AtomicBoolean stop, AtomicLong appended) {
    AtomicInteger next = new AtomicInteger();
    List<Thread> appenders = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        while (!stop.get()) {
          log.append(List.of(events.get(Math.floorMod(next.getAndIncrement(), events.size())))).join();
          appended.incrementAndGet();
        }
      }, "appender-" + i);
      t.start();
      appenders.add(t);
    }
    return appenders;
  }

  private static LoopWindow window(int clients, Duration length, AtomicLong appended, AtomicLong commits) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long writer0 = cpuOf(threads, "truecount-log-writer");
    long checkpoint0 = cpuOf(threads, "truecount-log-checkpoint");
    long appended0 = appended.get();
    long commits0 = commits.get();
    long wall0 = System.nanoTime();
    Thread.sleep(length.toMillis()); // the window being measured, not a wait for the appenders
    double seconds = (System.nanoTime() - wall0) / 1e9;
    long n = Math.max(1, appended.get() - appended0);
    return new LoopWindow(clients, n / seconds, Math.max(1, commits.get() - commits0) / seconds,
        (cpuOf(threads, "truecount-log-writer") - writer0) / 1e3 / n, (cpuOf(threads, "truecount-log-checkpoint") - checkpoint0) / 1e3 / n);
  }

  private static long cpuOf(ThreadMXBean threads, String name) {
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().equals(name)) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  /** Realistic single events (the bodies of {@link Bodies}), decoded as the edge decodes them. */
  private static List<Event> events(int count) throws WireException {
    SourceContext ctx = Bodies.context(PIXEL, NOW);
    List<Event> events = new ArrayList<>(count);
    for (int salt = 0; events.size() < count; salt++) {
      events.addAll(EventDecoder.decode(IngestReader.read(Format.EVENTS_API_2, Bodies.batch(PIXEL, 1000, salt, NOW.getEpochSecond())), ctx).accepted());
    }
    return events;
  }
}
