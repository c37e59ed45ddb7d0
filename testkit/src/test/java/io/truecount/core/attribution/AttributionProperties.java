package io.truecount.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.AttributionSettings;
import io.truecount.core.ads.AttributionWindow;
import io.truecount.core.ads.CountMode;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The incremental engine against a deliberately naive model that, for every conversion, scans
 * every touch; on generated scenarios with small key pools (many shared keys), window-boundary
 * gaps, time ties, ONCE and EVERY, OFF windows, two sources and two advertisers, fed in shuffled
 * orders. Invariants: at most one credit per conversion, never outside a window.
 */
class AttributionProperties {
  static final Instant START = Instant.parse("2026-10-31T12:00:00Z");

  record Scenario(List<Placement> placements, List<Touch> touches, List<Conversion> conversions, boolean ipUa, long shuffleSeed) {}

  @Property(tries = 400)
  void the_ledger_equals_the_naive_model_whatever_the_arrival_order(@ForAll("scenarios") Scenario s) {
    Map<Long, String> expected = NaiveModel.ledger(s);
    assertThat(run(s, s.shuffleSeed())).isEqualTo(expected);
    assertThat(run(s, s.shuffleSeed() + 1)).isEqualTo(expected);
  }

  @Property(tries = 200)
  void incremental_listener_totals_equal_the_final_ledger(@ForAll("scenarios") Scenario s) {
    Map<Long, LedgerEntry> replayed = new HashMap<>();
    Attribution engine = new Attribution(directory(s), replaying(replayed));
    feed(engine, s, s.shuffleSeed());
    for (Conversion c : s.conversions()) {
      List<Candidate> candidates = engine.candidates(c.seq());
      engine.entry(c.seq()).flatMap(LedgerEntry::credit).ifPresent(credit -> assertThat(candidates)
          .as("the explanation marks the winner eligible").anyMatch(k -> k.touch().equals(credit.touch()) && k.eligible()));
      if (engine.entry(c.seq()).orElseThrow().credit().isEmpty()) {
        assertThat(candidates).as("an unattributed conversion has no eligible candidate").noneMatch(Candidate::eligible);
      }
    }
    Map<Long, LedgerEntry> finalLedger = new HashMap<>();
    engine.entries().forEach(e -> finalLedger.put(e.conversion().seq(), e));
    assertThat(replayed).isEqualTo(finalLedger);
    for (LedgerEntry e : finalLedger.values()) {
      e.credit().ifPresent(c -> {
        Duration gap = Duration.between(c.touchTime(), e.conversion().time());
        assertThat(gap.isNegative()).isFalse();
        assertThat(gap).isLessThan(c.placement().settings().length(c.kind()));
        assertThat(c.placement().sourceId()).isEqualTo(e.conversion().sourceId());
      });
      assertThat(e.counted()).isEqualTo(e.counted() && e.credit().isPresent());
    }
  }

  @Property(tries = 200)
  void colliding_key_hashes_change_nothing(@ForAll("scenarios") Scenario s) {
    Map<Long, LedgerEntry> replayed = new HashMap<>();
    Attribution engine = new Attribution(directory(s), replaying(replayed), 4096, key -> key.type().length() % 2);
    feed(engine, s, s.shuffleSeed());
    assertLedgerIsTheNaiveModels(engine, s, replayed);
  }

  @Property(tries = 200)
  void a_settings_change_re_derives_as_if_the_ads_had_always_been_known(@ForAll("scenarios") Scenario s) {
    Map<String, Placement> known = new HashMap<>();
    s.placements().stream().limit(1).forEach(p -> known.put(p.adId(), p));
    Map<Long, LedgerEntry> replayed = new HashMap<>();
    Attribution engine = new Attribution(directory(known, s.ipUa()), replaying(replayed), 3, MatchIndexKeys.Key::hash64);
    feed(engine, s, s.shuffleSeed());
    s.placements().forEach(p -> known.put(p.adId(), p)); // the other ads are created now
    if (s.shuffleSeed() % 2 == 0) {
      engine.settingsChanged();
    } else { // per advertiser, as the admin API announces them
      engine.settingsChanged("A1");
      engine.settingsChanged("A2");
    }
    assertLedgerIsTheNaiveModels(engine, s, replayed);
  }

  /** The engine's ledger equals the naive model's, and the listener's replayed changes add up to it. */
  private static void assertLedgerIsTheNaiveModels(Attribution engine, Scenario s, Map<Long, LedgerEntry> replayed) {
    Map<Long, String> ledger = new TreeMap<>();
    engine.entries().forEach(e -> ledger.put(e.conversion().seq(), describe(e.credit().map(c -> c.touch().touchId()), e.counted())));
    assertThat(ledger).isEqualTo(NaiveModel.ledger(s));
    Map<Long, LedgerEntry> finalLedger = new HashMap<>();
    engine.entries().forEach(e -> finalLedger.put(e.conversion().seq(), e));
    assertThat(replayed).isEqualTo(finalLedger);
  }

  static Map<Long, String> run(Scenario s, long seed) {
    Attribution engine = new Attribution(directory(s), (before, after) -> {});
    feed(engine, s, seed);
    Map<Long, String> out = new TreeMap<>();
    engine.entries().forEach(e -> out.put(e.conversion().seq(), describe(e.credit().map(c -> c.touch().touchId()), e.counted())));
    return out;
  }

  static String describe(Optional<String> touchId, boolean counted) {
    return touchId.map(id -> id + (counted ? " counted" : " not counted")).orElse("unattributed");
  }

  /**
   * Touches and conversions interleaved in a shuffled order; some touches arrive twice and with a
   * later copy under the same id; some conversions arrive first without their late keys (a merge adds them).
   */
  static void feed(Attribution engine, Scenario s, long seed) {
    List<Object> items = new ArrayList<>(s.touches());
    items.addAll(s.conversions());
    for (Touch t : s.touches()) {
      if (t.touchId().endsWith("0")) {
        items.add(t);
        items.add(new Touch(t.touchId(), t.advertiserId(), t.adId(), t.kind(), t.time().plusSeconds(3600), t.user()));
      }
    }
    Collections.shuffle(items, new Random(seed));
    for (Object item : items) {
      if (item instanceof Touch t) {
        engine.touch(t);
      } else {
        Conversion c = (Conversion) item;
        if (c.seq() % 3 == 0) {
          engine.conversion(new Conversion(c.seq(), c.advertiserId(), c.sourceId(), c.event(), c.eventId(), c.time(), c.value(), c.currency(),
              new MatchKeys(c.keys().emails(), List.of(), List.of(), "", "", "", "", Map.of())));
        }
        engine.conversion(c);
      }
    }
  }

  /** A listener that applies each change to {@code replayed}, checking that every retraction names the entry it retracts. */
  static LedgerListener replaying(Map<Long, LedgerEntry> replayed) {
    return (before, after) -> {
      if (before != null) {
        assertThat(replayed.remove(before.conversion().seq())).as("a retraction names the entry it retracts").isEqualTo(before);
      }
      replayed.put(after.conversion().seq(), after);
    };
  }

  static AdDirectory directory(Scenario s) {
    Map<String, Placement> byAd = new HashMap<>();
    s.placements().forEach(p -> byAd.put(p.adId(), p));
    return directory(byAd, s.ipUa());
  }

  /** Placements by ad id as they are at each call ({@code byAd} may change). */
  static AdDirectory directory(Map<String, Placement> byAd, boolean ipUa) {
    return new AdDirectory() {
      @Override
      public Optional<Placement> placement(String adId) {
        return Optional.ofNullable(byAd.get(adId));
      }

      @Override
      public boolean ipUserAgentMatching(String advertiserId) {
        return ipUa;
      }
    };
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<AttributionSettings> settings = Combinators.combine(
        Arbitraries.of(AttributionWindow.ONE_DAY, AttributionWindow.SEVEN_DAYS, AttributionWindow.FOURTEEN_DAYS, AttributionWindow.TWENTY_EIGHT_DAYS),
        Arbitraries.of(AttributionWindow.OFF, AttributionWindow.ONE_DAY, AttributionWindow.SEVEN_DAYS),
        Arbitraries.of(AttributionWindow.OFF, AttributionWindow.ONE_DAY, AttributionWindow.SEVEN_DAYS, AttributionWindow.TWENTY_EIGHT_DAYS),
        Arbitraries.of(CountMode.values())).as(AttributionSettings::new);
    Arbitrary<List<Placement>> placements = settings.list().ofSize(4).map(list -> {
      List<Placement> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String advertiser = i < 3 ? "A1" : "A2";
        String source = i == 2 ? "S2" : advertiser.equals("A1") ? "S1" : "S3";
        out.add(new Placement("ad" + (i % 2 == 0 ? 9 - i : i), "g" + i, "c" + (i / 2), advertiser, source, "Purchase", list.get(i)));
      }
      return out;
    });
    Arbitrary<MatchKeys> keys = Combinators.combine(
        Arbitraries.of("", "e1", "e2"), Arbitraries.of("", "x1", "x2"), Arbitraries.of("", "k1", "k2"),
        Arbitraries.of("", "p1", "p2"), Arbitraries.of("", "ip1", "ip2"))
        .as((email, ext, ttclid, ttp, ip) -> new MatchKeys(email.isEmpty() ? List.of() : List.of(email), List.of(),
            ext.isEmpty() ? List.of() : List.of(ext), ttclid, ttp, ip, ip.isEmpty() ? "" : "UA", Map.of()));
    Arbitrary<Long> offsets = Arbitraries.oneOf(
        Arbitraries.longs().between(0, 30L * 86400),
        Arbitraries.of(0L, 86400L, 86399L, 7 * 86400L, 7 * 86400L - 1, 14 * 86400L, 28 * 86400L, 28 * 86400L - 1, 3600L));
    Arbitrary<Touch> touch = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(TouchKind.values()), offsets, keys, Arbitraries.integers().between(0, 999))
        .as((ad, kind, at, user, id) -> new Touch("t" + id, ad == 3 ? "A2" : "A1", "ad" + (ad % 2 == 0 ? 9 - ad : ad), kind, START.plusSeconds(at), user));
    Arbitrary<Conversion> conversion = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of("Purchase", "Lead"), offsets, keys,
        Arbitraries.of("", "o1", "o2"))
        .as((src, event, at, user, eventId) -> new Conversion(0, src == 2 ? "A2" : "A1", src == 0 ? "S1" : src == 1 ? "S2" : "S3", event, eventId,
            START.plusSeconds(at + 1800), Optional.of(BigDecimal.TEN), "USD", user));
    return Combinators.combine(placements, touch.list().ofMaxSize(25).uniqueElements(Touch::touchId), conversion.list().ofMaxSize(25),
        Arbitraries.of(true, false), Arbitraries.longs())
        .as((p, t, c, ipUa, seed) -> {
          List<Conversion> numbered = new ArrayList<>();
          for (int i = 0; i < c.size(); i++) {
            Conversion x = c.get(i);
            numbered.add(new Conversion(i + 1, x.advertiserId(), x.sourceId(), x.event(), x.eventId(), x.time(), x.value(), x.currency(), x.keys()));
          }
          return new Scenario(p, t, numbered, ipUa, seed);
        });
  }

  /** Scans every touch for every conversion; sorts candidates; groups ONCE slots by hand. */
  static final class NaiveModel {
    static Map<Long, String> ledger(Scenario s) {
      Map<String, Placement> byAd = new HashMap<>();
      s.placements().forEach(p -> byAd.put(p.adId(), p));
      Map<Long, Touch> winner = new HashMap<>();
      for (Conversion c : s.conversions()) {
        List<Touch> eligible = new ArrayList<>();
        for (Touch t : s.touches()) {
          Placement p = byAd.get(t.adId());
          if (p == null || !t.advertiserId().equals(c.advertiserId()) || !shares(t.user(), c.keys(), s.ipUa())) {
            continue;
          }
          long gap = c.time().getEpochSecond() - t.time().getEpochSecond();
          long window = 86400L * p.settings().window(t.kind()).days();
          if (p.sourceId().equals(c.sourceId()) && p.advertiserId().equals(c.advertiserId()) && gap >= 0 && gap < window) {
            eligible.add(t);
          }
        }
        eligible.sort(Comparator.<Touch>comparingInt(t -> t.kind().ordinal())
            .thenComparing(Touch::time, Comparator.reverseOrder()).thenComparing(Touch::adId).thenComparing(Touch::touchId));
        if (!eligible.isEmpty()) {
          winner.put(c.seq(), eligible.get(0));
        }
      }
      Map<Long, String> out = new TreeMap<>();
      for (Conversion c : s.conversions()) {
        Touch t = winner.get(c.seq());
        if (t == null) {
          out.put(c.seq(), "unattributed");
          continue;
        }
        boolean counted = true;
        if (byAd.get(t.adId()).settings().count() == CountMode.ONCE) {
          for (Conversion other : s.conversions()) {
            if (other != c && winner.get(other.seq()) == t && other.event().equals(c.event()) && Attribution.EARLIEST.compare(other, c) < 0) {
              counted = false;
            }
          }
        }
        out.put(c.seq(), describe(Optional.of(t.touchId()), counted));
      }
      return out;
    }

    static boolean shares(MatchKeys a, MatchKeys b, boolean ipUa) {
      return same(a.ttclid(), b.ttclid()) || same(a.ttp(), b.ttp())
          || a.emails().stream().anyMatch(b.emails()::contains)
          || a.phones().stream().anyMatch(b.phones()::contains)
          || a.externalIds().stream().anyMatch(b.externalIds()::contains)
          || ipUa && same(a.ip(), b.ip()) && same(a.userAgent(), b.userAgent());
    }

    static boolean same(String x, String y) {
      return !x.isEmpty() && x.equals(y);
    }
  }
}
