package io.truecount.server;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * Threads of work that may fall behind (the pipeline: dedup, attribution, reports) at the lowest
 * CPU priority, nice {@value #NICE}. Acknowledging requests comes first: while requests keep the
 * cores busy the pipeline gets what they leave and catches up after the burst (its lag is on
 * {@code /metrics}); on an idle or lightly loaded server it runs as fast as before. On 2 cores this
 * raised the acknowledged rate of a burst of 1,000-event batches by 10–25 %
 * (docs/benchmarks.md).
 *
 * <p>Linux keeps a nice value per thread, and lowering one's own needs no privilege; the call is
 * {@code setpriority(2)} through JNA. Elsewhere (where nice is per process) the threads run at the
 * normal priority.
 */
final class LowPriorityThreads implements ThreadFactory {
  static final int NICE = 19;
  private static final System.Logger LOG = System.getLogger(LowPriorityThreads.class.getName());
  private static final int PRIO_PROCESS = 0;
  private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

  /** The C library's call (JNA binds it when a thread is made). */
  interface C extends Library {
    int setpriority(int which, int who, int prio) throws LastErrorException;
  }

  @Override
  public Thread newThread(Runnable work) {
    return new Thread(() -> {
      lowerThisThread();
      work.run();
    });
  }

  /** Sets the calling thread's nice value (who = 0: the calling thread, on Linux). */
  private static void lowerThisThread() {
    if (!LINUX) {
      return;
    }
    try {
      Native.load("c", C.class).setpriority(PRIO_PROCESS, 0, NICE);
    } catch (LastErrorException | LinkageError e) {
      LOG.log(System.Logger.Level.INFO, "thread " + Thread.currentThread().getName() + " keeps the normal priority: " + e);
    }
  }
}
