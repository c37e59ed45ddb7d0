package io.truecount.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.spi.TouchLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link TouchLog} adapter must do. */
public abstract class TouchLogContract {
  @TempDir protected Path dir;

  protected abstract TouchLog open(Path dir);

  private static final Instant T = Instant.parse("2026-10-25T03:00:00Z");

  static Touch touch(int i) {
    MatchKeys keys = new MatchKeys(List.of("e".repeat(64)), i % 2 == 0 ? List.of() : List.of("a".repeat(64), "b".repeat(64)), List.of("x" + i),
        "E.C.P." + i, "ttp" + i, "203.0.113." + i, "UA " + i, Map.of());
    return new Touch("t" + i, "7001", "1803", TouchKind.values()[i % 3], T.plusMillis(i * 1500L), keys);
  }

  @Test
  void appends_in_order_and_reads_from_any_position_after_reopening() {
    List<Touch> all = new ArrayList<>();
    try (TouchLog log = open(dir)) {
      for (int batch = 0; batch < 3; batch++) {
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          touches.add(touch(batch * 4 + i));
        }
        log.append(touches);
        all.addAll(touches);
      }
    }
    try (TouchLog log = open(dir)) {
      List<TouchLog.LoggedTouch> read = log.read(1, 100);
      assertThat(read).extracting(TouchLog.LoggedTouch::touch).containsExactlyElementsOf(all);
      assertThat(read).extracting(TouchLog.LoggedTouch::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
      assertThat(log.read(11, 5)).extracting(t -> t.touch().touchId()).containsExactly("t10", "t11");
      assertThat(log.read(13, 5)).isEmpty();
    }
  }

  @Test
  void small_reads_that_end_inside_an_append_see_every_touch_once_in_order() {
    List<Touch> all = new ArrayList<>();
    try (TouchLog log = open(dir)) {
      for (int batch = 0; batch < 5; batch++) {
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          touches.add(touch(batch * 4 + i));
        }
        log.append(touches);
        all.addAll(touches);
      }
      log.append(List.of());
      List<Touch> seen = new ArrayList<>();
      long next = 1;
      for (List<TouchLog.LoggedTouch> page = log.read(next, 3); !page.isEmpty(); page = log.read(next, 3)) {
        assertThat(page.get(0).seq()).isEqualTo(next);
        page.forEach(t -> seen.add(t.touch()));
        next = page.get(page.size() - 1).seq() + 1;
      }
      assertThat(seen).containsExactlyElementsOf(all);
      assertThat(log.read(6, 2)).extracting(TouchLog.LoggedTouch::seq).containsExactly(6L, 7L);
      assertThat(log.read(2, 1)).extracting(TouchLog.LoggedTouch::seq).containsExactly(2L);
    }
  }
}
