package io.truecount.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.MatchKeys;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The packed conversion store against plain maps of records: every conversion comes back equal
 * (any string, hex hashes in either case, decimals beyond a long, nanoseconds, other keys), the
 * first conversion per (source, event, event_id) is found also when the 64-bit hash collides
 * (forced with a poor hash), and entries keep log order and their advertiser.
 */
class ConversionStoreProperties {
  record Put(Conversion conversion, Optional<Credit> credit, boolean counted) {}

  @Property(tries = 300)
  void the_store_answers_like_maps_of_records(@ForAll("puts") List<Put> puts, @ForAll boolean poorHash, @ForAll("chunkSizes") int chunkBytes) {
    ConversionStore.EventHash hash = poorHash ? (s, e, id) -> id.length() % 3 : ConversionStore::eventHash;
    ConversionStore store = new ConversionStore(hash, new PackedArena(chunkBytes));
    Map<Long, Conversion> conversions = new HashMap<>();
    Map<List<String>, Long> firstByEventId = new HashMap<>();
    Map<Long, LedgerEntry> entries = new HashMap<>();
    for (Put p : puts) {
      Conversion c = p.conversion();
      assertThat(store.put(c)).isEqualTo(Optional.ofNullable(conversions.put(c.seq(), c)));
      if (!c.eventId().isEmpty()) {
        firstByEventId.putIfAbsent(List.of(c.sourceId(), c.event(), c.eventId()), c.seq());
      }
      if (p.counted() || p.credit().isPresent() || c.seq() % 2 == 0) {
        store.attribute(c.seq(), p.credit(), p.counted());
        entries.put(c.seq(), new LedgerEntry(c, p.credit(), p.counted()));
      } else if (entries.containsKey(c.seq())) { // a merged copy: the entry keeps its attribution until re-derived
        LedgerEntry e = entries.get(c.seq());
        entries.put(c.seq(), new LedgerEntry(c, e.credit(), e.counted()));
      }
      if (c.seq() % 5 == 0) { // a scan between puts: slots stored out of order get sorted, later puts still land
        assertThat(store.entries()).isEqualTo(entries.values().stream().sorted(java.util.Comparator.comparingLong(e -> e.conversion().seq())).toList());
      }
    }
    for (Conversion c : conversions.values()) {
      assertThat(store.get(c.seq())).contains(c);
      assertThat(store.time(c.seq())).isEqualTo(c.time());
      assertThat(store.entry(c.seq())).isEqualTo(Optional.ofNullable(entries.get(c.seq())));
      Long first = firstByEventId.get(List.of(c.sourceId(), c.event(), c.eventId()));
      assertThat(store.seqOf(c.sourceId(), c.event(), c.eventId())).isEqualTo(first == null ? OptionalLong.empty() : OptionalLong.of(first));
    }
    assertThat(store.seqOf("S-none", "Purchase", "x")).isEmpty();
    List<LedgerEntry> inOrder = entries.values().stream().sorted(java.util.Comparator.comparingLong(e -> e.conversion().seq())).toList();
    assertThat(store.entries()).isEqualTo(inOrder);
    assertThat(store.entries("A2", Instant.MIN, Instant.MAX)).isEqualTo(inOrder.stream().filter(e -> e.conversion().advertiserId().equals("A2")).toList());
    assertThat(store.entries("A-unknown", Instant.MIN, Instant.MAX)).isEmpty();
    List<LedgerView> views = new ArrayList<>();
    store.forEachView("A2", Instant.MIN, Instant.MAX, views::add);
    assertThat(views).as("views carry the entries' fields").isEqualTo(inOrder.stream().filter(e -> e.conversion().advertiserId().equals("A2"))
        .map(e -> new LedgerView(e.conversion().seq(), e.conversion().sourceId(), e.conversion().event(), e.conversion().time(), e.conversion().value().isPresent(),
            e.conversion().currency(), e.credit(), e.counted())).toList());
    assertThat(store.entries("A2", Instant.MIN, Instant.MAX, v -> v.event().equals("Lead"))).as("only the kept entries")
        .isEqualTo(inOrder.stream().filter(e -> e.conversion().advertiserId().equals("A2") && e.conversion().event().equals("Lead")).toList());
    List<LedgerView> none = new ArrayList<>();
    store.forEachView("A-unknown", Instant.MIN, Instant.MAX, none::add);
    assertThat(none).isEmpty();
    assertThat(store.entries("A-unknown", Instant.MIN, Instant.MAX, v -> true)).isEmpty();
    Instant from = Instant.ofEpochSecond(-1_000_000_000L, 500_000_000);
    Instant to = Instant.ofEpochSecond(2_000_000_000L);
    assertThat(store.entries("A1", from, to)).as("conversion time in [from, to)").isEqualTo(inOrder.stream()
        .filter(e -> e.conversion().advertiserId().equals("A1") && !e.conversion().time().isBefore(from) && e.conversion().time().isBefore(to)).toList());
    List<Conversion> all = conversions.values().stream().sorted(java.util.Comparator.comparingLong(Conversion::seq)).toList();
    assertThat(store.conversions()).isEqualTo(all);
    List<Long> attributed = inOrder.stream().map(e -> e.conversion().seq()).toList();
    assertThat(store.conversions("A1", Instant.MIN, Instant.MAX, v -> v.event().equals("Purchase"))).isEqualTo(all.stream()
        .filter(c -> c.advertiserId().equals("A1") && c.event().equals("Purchase") && attributed.contains(c.seq())).toList());
    assertThat(store.conversions("A-unknown", Instant.MIN, Instant.MAX, v -> true)).isEmpty();
    assertThat(store.size()).isEqualTo(conversions.size());
  }

  /** Small chunks put records across many chunks, and most in chunks of their own. */
  @Provide
  Arbitrary<Integer> chunkSizes() {
    return Arbitraries.of(64, 400, 1024, PackedArena.CHUNK_BYTES);
  }

  @Provide
  Arbitrary<List<Put>> puts() {
    Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of("", "o1", "o2", "ö-€-日本-🙂"), Arbitraries.strings().ofMaxLength(200));
    Arbitrary<String> hash = Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(64),
        Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(64),
        Arbitraries.strings().withChars("0123456789abcdefg").ofLength(64),
        Arbitraries.strings().ofMaxLength(70));
    Arbitrary<Map<String, String>> other = Arbitraries.maps(Arbitraries.of("zip", "country", "first_name", "idfa"), text).ofMaxSize(3);
    Arbitrary<MatchKeys> keys = Combinators.combine(hash.list().ofMaxSize(2), hash.list().ofMaxSize(2), hash.list().ofMaxSize(2), text, text,
        Arbitraries.of("", "10.0.0.1", "2001:db8::1"), Arbitraries.of("", "Mozilla/5.0 (iPhone)", "UA"), other)
        .as(MatchKeys::new);
    Arbitrary<Optional<BigDecimal>> value = Arbitraries.oneOf(
        Arbitraries.just(Optional.empty()),
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e30")).ofScale(2).map(Optional::of),
        Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-3, 12)).as((u, scale) -> Optional.of(new BigDecimal(BigInteger.valueOf(u), scale))),
        Arbitraries.bigIntegers().between(BigInteger.TWO.pow(62), BigInteger.TWO.pow(80)).map(u -> Optional.of(new BigDecimal(u.negate(), 4))));
    Arbitrary<Instant> time = Combinators.combine(Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L), Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    Arbitrary<Conversion> conversion = Combinators.combine(
        Arbitraries.longs().between(1, 40), Arbitraries.of("A1", "A2"), Arbitraries.of("S1", "S2"), Arbitraries.of("Purchase", "Lead", "ViewContent"),
        Arbitraries.oneOf(Arbitraries.of("", "e1", "e22", "e333"), text), time, value, Arbitraries.of("", "USD", "BRL"))
        .as((seq, advertiser, source, event, eventId, at, v, currency) -> new Conversion(seq, advertiser, source, event, eventId, at, v, currency, MatchKeys.NONE));
    return Combinators.combine(conversion, keys, text, time, Arbitraries.of(true, false))
        .as((c, k, orderId, received, counted) -> new Put(new Conversion(c.seq(), c.advertiserId(), c.sourceId(), c.event(), c.eventId(), c.time(), c.value(),
            c.currency(), k, orderId, received), Optional.empty(), counted))
        .list().ofMaxSize(60).map(ConversionStoreProperties::withCredits);
  }

  /**
   * A position keeps its identity (a later put is a merged copy: same advertiser, source, event,
   * event_id and time, other keys and value); some entries credited (any touch and placement will do).
   */
  private static List<Put> withCredits(List<Put> puts) {
    List<Put> out = new ArrayList<>();
    Map<Long, Conversion> first = new HashMap<>();
    io.truecount.core.ads.Touch touch = new io.truecount.core.ads.Touch("t1", "A1", "ad1", io.truecount.core.ads.TouchKind.CLICK, Instant.EPOCH, MatchKeys.NONE);
    Placement placement = new Placement("ad1", "g1", "c1", "A1", "S1", "Purchase", io.truecount.core.ads.AttributionSettings.DEFAULT);
    for (int i = 0; i < puts.size(); i++) {
      Conversion c = puts.get(i).conversion();
      Conversion f = first.computeIfAbsent(c.seq(), k -> c);
      Put p = new Put(new Conversion(c.seq(), f.advertiserId(), f.sourceId(), f.event(), f.eventId(), f.time(), c.value(), c.currency(), c.keys(),
          c.orderId(), f.receivedAt()), puts.get(i).credit(), puts.get(i).counted());
      out.add(i % 3 == 0 ? new Put(p.conversion(), Optional.of(new Credit(touch, placement, i % 2 == 0)), p.counted()) : p);
    }
    return out;
  }
}
