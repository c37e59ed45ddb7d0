package io.truecount.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.pii.Pii;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PageReaderTest {

  @Property(tries = 2000)
  void scrubbing_the_query_equals_the_naive_split_and_rebuild(@ForAll("urls") String url) {
    assertThat(PageReader.scrubQuery(url)).isEqualTo(naiveScrubQuery(url));
  }

  @Example
  void pii_parameters_are_hashed_and_nothing_else_changes() {
    String url = "https://shop.example/thanks?utm_source=tt&Email=Alice%40Example.com&ttclid=E.C.P.1&tel=555%20123#top?email=x@y.zz";
    String hashed = Pii.sha256Hex("alice@example.com");
    assertThat(PageReader.scrubQuery(url))
        .isEqualTo("https://shop.example/thanks?utm_source=tt&Email=" + hashed + "&ttclid=E.C.P.1&tel=" + Pii.sha256Hex("555 123") + "#top?email=x@y.zz");
  }

  @Example
  void a_url_without_pii_is_returned_as_the_same_string() {
    String url = "https://shop.example/p/1?ttclid=E.C.P.1&utm_campaign=summer";
    assertThat(PageReader.scrubQuery(url)).isSameAs(url);
  }

  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> piece = Arbitraries.of("email", "E-Mail", "EMAIL", "phone", "Phone_Number", "tel", "TEL", "tele", "@", "%40", "%4", "&", "&&", "=", "==",
        "#", "?", "a", "x.com", "alice", "%20", "+1", "İ", "ttclid", "E.C.P.1",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    return piece.list().ofMaxSize(14).map(parts -> "https://s.example/p?" + String.join("", parts))
        .injectDuplicates(0.01);
  }

  /** The first implementation: split the query on every '&', scrub every pair, rebuild the URL. */
  private static String naiveScrubQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int end = url.indexOf('#', q);
    String query = url.substring(q + 1, end < 0 ? url.length() : end);
    StringBuilder out = new StringBuilder(url.length()).append(url, 0, q + 1);
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      out.append(i == 0 ? "" : "&").append(PageReader.scrubPair(pairs[i]));
    }
    return out.append(end < 0 ? "" : url.substring(end)).toString();
  }
}
