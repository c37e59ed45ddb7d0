package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.ads.Touch;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small run of the attribution benchmark: the engine and DuckDB's SQL of the same rules count the same. */
class AttributionBenchmarkSmokeTest {
  @Test
  void truecount_and_duckdb_agree_on_generated_data() throws Exception {
    List<Placement> placements = AttributionBenchmark.placements();
    List<Touch> touches = AttributionBenchmark.touches(30_000, 1_500);
    List<Conversion> conversions = AttributionBenchmark.conversions(3_000, 1_500);
    AttributionBenchmark.Result ours = AttributionBenchmark.truecount(placements, touches, conversions);
    AttributionBenchmark.Result duck = AttributionBenchmark.duckdb(placements, touches, conversions);
    assertThat(ours.attributed()).isGreaterThan(1_000).isEqualTo(duck.attributed());
    assertThat(ours.counted()).isLessThan(ours.attributed()).isEqualTo(duck.counted());
  }
}
