package io.truecount.core;

import static org.assertj.core.api.Assertions.assertThat;

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
}
