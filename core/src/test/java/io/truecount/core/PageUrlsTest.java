package io.truecount.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PageUrlsTest {
  @Test
  void parametersAreFoundByExactNameAndDecoded() {
    String url = "https://shop.example.com/p?xttclid=no&ttclid=E.C%2BP&tc_ad=ad%201&empty=#ttclid=frag";
    assertThat(PageUrls.parameter(url, "ttclid")).contains("E.C+P");
    assertThat(PageUrls.parameter(url, "tc_ad")).contains("ad 1");
    assertThat(PageUrls.parameter(url, "empty")).contains("");
    assertThat(PageUrls.parameter(url, "ttclid=")).isEmpty();
    assertThat(PageUrls.parameter(url, "frag")).isEmpty();
    assertThat(PageUrls.parameter("https://a.example/?ttclid", "ttclid")).isEmpty();
    assertThat(PageUrls.parameter("https://a.example/no-query", "ttclid")).isEmpty();
  }

  @Test
  void firstValueWinsAndMalformedEscapesStayAsSent() {
    assertThat(PageUrls.parameter("https://a.example/?a=1&a=2", "a")).contains("1");
    assertThat(PageUrls.parameter("https://a.example/?a=%zz", "a")).contains("%zz");
    assertThat(PageUrls.parameter("https://a.example/x y?a=b c", "a")).contains("b c");
  }

  @Test
  void hostIsLowerCasedWithoutUserPortOrPath() {
    assertThat(PageUrls.host("https://Shop.Example.com/thanks?x=1")).contains("shop.example.com");
    assertThat(PageUrls.host("http://user:pw@shop.example.com:8443/p")).contains("shop.example.com");
    assertThat(PageUrls.host("https://shop.example.com?x=@y")).contains("shop.example.com");
    assertThat(PageUrls.host("https://shop.example.com#top")).contains("shop.example.com");
    assertThat(PageUrls.host("http://[2001:db8::1]:80/")).contains("[2001:db8::1]");
    assertThat(PageUrls.host("shop.example.com/thanks")).isEmpty();
    assertThat(PageUrls.host("https:///path")).isEmpty();
    assertThat(PageUrls.host("")).isEmpty();
  }

  /** The regular expression the anomaly detector used before: the reference. */
  private static final Pattern PRODUCT_PAGE = Pattern.compile("/(products?|p|item|shop)/[^/?#]+", Pattern.CASE_INSENSITIVE);

  @Property(tries = 3000)
  void a_product_page_is_what_the_regular_expression_found(@ForAll("urls") String url) {
    assertThat(PageUrls.isProductPage(url)).as(url).isEqualTo(PRODUCT_PAGE.matcher(url).find());
  }

  @Test
  void product_pages_by_example() {
    assertThat(PageUrls.isProductPage("https://shop.example.com/products/blue-shirt?ttclid=1")).isTrue();
    assertThat(PageUrls.isProductPage("https://a.example/P/42")).isTrue();
    assertThat(PageUrls.isProductPage("https://a.example/shop/")).isFalse();
    assertThat(PageUrls.isProductPage("https://a.example/thanks?next=/item/9")).isTrue();
    assertThat(PageUrls.isProductPage("https://a.example/\u017Fhop/x")).isFalse();
    assertThat(PageUrls.isProductPage("")).isFalse();
  }

  /** Pieces that make and break product paths: the segments in any case, separators, and noise. */
  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of("/", "?", "#", "//", "products", "product", "PRODUCTS", "Product", "p", "P", "item", "ITEM", "shop", "Shop",
            "sho", "\u017Fhop", "x", "42", "-", ".", "https://a.example", "\u212Atem"),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(3));
    return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
  }
}
