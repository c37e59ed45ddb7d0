package io.truecount.bench;

import io.truecount.core.MatchKeys;
import io.truecount.core.attribution.AdDirectory;
import io.truecount.core.attribution.Attribution;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.Placement;
import io.truecount.core.pii.Pii;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Heap per conversion held by attribution, with realistic keys: each user has a hashed email,
 * most a hashed phone, a ttp cookie, an ip and one of 200 user agents; a third of the events carry
 * a ttclid of their own; three events per user; then, when asked, touches of the same users. Run
 * with a fixed heap, e.g. {@code java -Xmx8g -cp benchmarks/target/truecount-benchmarks.jar
 * io.truecount.bench.AttributionMemory 1000000 1000000} (conversions, touches).
 */
public final class AttributionMemory {
  private AttributionMemory() {}

  public static void main(String[] args) {
    int conversions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int users = Math.max(1, conversions / 3);
    Attribution attribution = new Attribution(new AdDirectory() {
      @Override
      public Optional<Placement> placement(String adId) {
        return Optional.empty();
      }

      @Override
      public boolean ipUserAgentMatching(String advertiserId) {
        return true;
      }
    }, (before, after) -> { });
    long before = usedAfterGc();
    Random random = new Random(1);
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    for (int i = 1; i <= conversions; i++) {
      int u = random.nextInt(users);
      Instant at = start.plusSeconds(random.nextInt(30 * 86_400));
      attribution.conversion(new Conversion(i, "7000000000000001", "CBENCH00000000000001", i % 3 == 0 ? "Purchase" : "ViewContent", "e-" + i, at,
          Optional.of(new BigDecimal("59.90")), "BRL", keys(u, random), i % 3 == 0 ? "order-" + i : "", at.plusSeconds(5)));
    }
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    long after = usedAfterGc();
    System.out.printf("conversions=%,d users=%,d heap=%,d bytes bytes/conversion=%.0f cpu/conversion=%.2f us (this thread, building the events included)%n",
        conversions, users, after - before, (double) (after - before) / conversions, cpu / 1e3 / conversions);
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      int n = attribution.entries("7000000000000001").size();
      long t1 = System.nanoTime();
      int week = attribution.entries("7000000000000001", start.plusSeconds(20 * 86_400), start.plusSeconds(27 * 86_400)).size();
      long t2 = System.nanoTime();
      long[] purchases = new long[1];
      attribution.forEachView("7000000000000001", start.plusSeconds(20 * 86_400), start.plusSeconds(27 * 86_400), v -> purchases[0] += v.event().equals("Purchase") ? 1 : 0);
      long t3 = System.nanoTime();
      System.out.printf("entries of the advertiser: all %,d in %.0f ms; one week (%,d) in %.0f ms; one week's purchases counted from views (%,d) in %.0f ms%n",
          n, (t1 - t0) / 1e6, week, (t2 - t1) / 1e6, purchases[0], (t3 - t2) / 1e6);
    }
    int touches = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    for (int i = 1; i <= touches; i++) {
      int u = random.nextInt(users);
      attribution.touch(new io.truecount.core.ads.Touch("landing:E.C.P.t" + i, "7000000000000001", "ad" + random.nextInt(100),
          io.truecount.core.ads.TouchKind.values()[i % 3], start.plusSeconds(random.nextInt(30 * 86_400)), keys(u, random)));
    }
    if (touches > 0) {
      long withTouches = usedAfterGc();
      System.out.printf("touches=%,d heap=%,d bytes bytes/touch=%.0f%n", touches, withTouches - after, (double) (withTouches - after) / touches);
      long t0 = System.nanoTime();
      attribution.settingsChanged("7000000000000001");
      System.out.printf("an ads change re-derives what touches reach: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    }
  }

  private static MatchKeys keys(int user, Random random) {
    String ua = "Mozilla/5.0 (Linux; Android 14; Pixel " + (user % 200) + ") AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36";
    return new MatchKeys(List.of(Pii.sha256Hex("user" + user + "@example.com")), user % 4 == 0 ? List.of() : List.of(Pii.sha256Hex("+5511" + user)),
        List.of(), random.nextInt(3) == 0 ? "E.C.P.click" + random.nextLong() : "", "ttp-" + user + "-0a1b2c3d4e5f", "10." + (user >> 16 & 255) + "."
        + (user >> 8 & 255) + "." + (user & 255), ua, Map.of());
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
