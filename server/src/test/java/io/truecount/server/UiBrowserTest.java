package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Role;
import io.truecount.core.SourceKind;
import io.truecount.server.demo.DemoAccount;
import io.truecount.server.demo.DemoTraffic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in real headless Chromium over the demo's traffic: sign in, a test event appears live,
 * reports render chart and table and download the API's CSV, a reconciliation upload shows the
 * waterfall, an analyst cannot create a token, another advertiser's user sees nothing. Each page is
 * saved to {@code target/screenshots/}.
 */
class UiBrowserTest {
  static final String PASSWORD = "correct horse battery staple";
  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  @TempDir static Path dir;
  static Browser browser;
  static Server server;
  static DemoTraffic traffic;
  static String a;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    browser.driver.manage().window().setSize(new Dimension(1280, 900));
    server = new Server(dir.resolve("data"));
    a = server.advertiser.id();
    var ads = DemoAccount.createAds(server.truecount.ads(), a, server.pixel.id());
    traffic = new DemoTraffic(server.base, server.token, server.pixel.id(), server.pixel.testEventCode(), server.clock.instant(), 42, ads, ZONE);
    traffic.send(300);
    server.settle();
    var other = server.truecount.admin().createAdvertiser(Optional.of("7000000000000002"), "Other shop", "Europe/Berlin", "EUR", "DE");
    server.truecount.admin().createSource(other.id(), SourceKind.WEB, Optional.of("COTHERPIXEL000000001"), "other site", false);
    server.truecount.users().create("ada", PASSWORD, Role.ADMIN, a);
    server.truecount.users().create("ana", PASSWORD, Role.ANALYST, a);
    server.truecount.users().create("bob", PASSWORD, Role.ADMIN, other.id());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.driver.get(server.base + "/ui/login");
    browser.driver.manage().deleteAllCookies();
  }

  @Test
  void a_test_event_shows_up_live_without_reload() throws Exception {
    signIn("ada");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/ui/a/" + a + "/events");
    assertThat(text("[data-source='" + server.pixel.id() + "']")).contains("Active", "site");
    shot("events-manager");
    open("/sources/" + server.pixel.id());
    assertThat(text("[data-events]")).contains("Purchase", "business");
    shot("source-detail");
    open("/sources/" + server.pixel.id() + "/test-events");
    wait(Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-live-state]"), "live"));
    long sentAt = System.nanoTime();
    Server.Reply reply = server.post("/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"" + server.pixel.id()
        + "\",\"test_event_code\":\"" + server.pixel.testEventCode() + "\",\"data\":[{\"event\":\"Purchase\",\"event_id\":\"live-ui-1\",\"event_time\":" + server.epoch()
        + ",\"user\":{\"email\":\"ui@example.com\"},\"page\":{\"url\":\"https://shop.example/checkout\"},"
        + "\"properties\":{\"value\":10.5,\"currency\":\"BRL\",\"content_type\":\"product\"}}]}");
    assertThat(reply.code()).isZero();
    WebElement row = wait(Duration.ofSeconds(2)).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//table[@id='test-events']//tr[td[text()='live-ui-1']]")));
    long millis = (System.nanoTime() - sentAt) / 1_000_000;
    assertThat(millis).as("shown within 2 s").isLessThan(2000);
    assertThat(row.getText()).contains("Purchase", "server", "email");
    assertThat(row.findElements(By.cssSelector(".check[data-verdict='pass']"))).isNotEmpty();
    assertThat(row.getText()).doesNotContain("ui@example.com");
    shot("test-events");
  }

  @Test
  void reports_render_chart_and_table_and_the_csv_is_the_apis() throws Exception {
    signIn("ada");
    LocalDate end = server.clock.instant().atZone(ZONE).toLocalDate();
    String range = "&start_date=" + end.minusDays(6) + "&end_date=" + end;
    open("/reports?level=campaign&time_basis=impression" + range);
    wait(Duration.ofSeconds(5)).until(ExpectedConditions.attributeToBe(By.id("chart"), "data-rendered", "true"));
    assertThat(browser.driver.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("[data-report-table] tbody tr"));
    assertThat(rows).isNotEmpty();
    long sum = 0;
    for (WebElement row : rows) {
      sum += Long.parseLong(row.findElement(By.cssSelector("[data-drill]")).getText().replace(",", ""));
    }
    assertThat(text("[data-kpi='conversions']").replace(",", "")).isEqualTo(Long.toString(sum));
    assertThat(sum).isPositive();
    shot("reports");

    browser.driver.findElement(By.cssSelector("[data-report-table] thead th:nth-child(2) button")).click();
    List<Long> sorted = browser.driver.findElements(By.cssSelector("[data-report-table] tbody [data-drill]")).stream()
        .map(e -> Long.parseLong(e.getText().replace(",", ""))).toList();
    assertThat(sorted).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    String csvHref = browser.driver.findElement(By.cssSelector("[data-csv]")).getAttribute("href");
    String inBrowser = (String) browser.async("var done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
        + ".then(function (r) { return r.text(); }).then(done);", csvHref);
    String query = csvHref.substring(csvHref.indexOf('?') + 1);
    HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/reports?advertiser_id=" + a + "&format=csv&" + query))
        .header("Authorization", "Bearer " + Server.ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.body()).startsWith("campaign_id,period").contains("1800000000000000001");
    assertThat(inBrowser.replace("\r\n", "\n")).as("WebDriver may normalize line ends").isEqualTo(api.body().replace("\r\n", "\n"));

    WebElement top = browser.driver.findElement(By.cssSelector("[data-report-table] tbody tr:first-child [data-drill]"));
    long number = Long.parseLong(top.getText().replace(",", ""));
    top.click();
    assertThat(browser.driver.findElements(By.cssSelector("[data-conversions] tbody tr"))).hasSize((int) number);
    shot("conversions");
    browser.driver.findElement(By.linkText("Why?")).click();
    assertThat(text("[data-explanation]")).contains("Credited to", "Why this touch");
    shot("explanation");

    open("/reports?level=ad&time_basis=conversion" + range);
    assertThat(text("[data-basis-note]")).contains("Conversion time");
    open("/campaigns");
    assertThat(text("main")).contains("locked", "days");
    shot("campaigns");

    open("/reports?level=campaign&time_basis=impression" + range);
    WebElement valueHeader = browser.driver.findElement(By.cssSelector("[data-report-table] thead th:nth-child(3) button"));
    valueHeader.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertThat(browser.driver.findElement(By.cssSelector("[data-report-table] thead th:nth-child(3)")).getAttribute("aria-sort")).as("sortable by keyboard")
        .isEqualTo("descending");
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    try {
      open("/reports?level=campaign&time_basis=impression" + range);
      Object overflow = browser.script("return document.documentElement.scrollWidth - window.innerWidth;");
      assertThat(((Number) overflow).intValue()).as("no sideways scrolling of the page on a phone").isLessThanOrEqualTo(0);
      shot("reports-phone");
    } finally {
      browser.driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  void a_reconciliation_upload_shows_the_waterfall_and_every_order() throws Exception {
    signIn("ana");
    open("/reconciliation");
    Path export = dir.resolve("orders.csv");
    Files.writeString(export, traffic.shopifyExport());
    browser.driver.findElement(By.name("file")).sendKeys(export.toString());
    browser.driver.findElement(By.cssSelector("[data-reconcile-form] button[type=submit]")).click();
    wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-result]")));
    assertThat(browser.driver.findElements(By.cssSelector("[data-waterfall] svg rect"))).isNotEmpty();
    assertThat(text("[data-adds-up]")).contains("add up exactly");
    assertThat(text("[data-gaps]")).contains("no purchase event received");
    assertThat(browser.driver.findElements(By.cssSelector("[data-lines] tbody tr"))).hasSizeGreaterThan(10);
    shot("reconciliation");
    open("/diagnostics");
    assertThat(text("main")).contains("First fix", "Anomalies");
    shot("diagnostics");
  }

  @Test
  void an_analyst_reads_but_cannot_create_a_token() throws Exception {
    signIn("ana");
    open("/sources/" + server.pixel.id());
    assertThat(browser.driver.findElements(By.cssSelector("[data-create-token]"))).isEmpty();
    String csrf = browser.driver.findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value");
    Object status = browser.async("var done = arguments[arguments.length - 1]; fetch(arguments[0], {method: 'POST', credentials: 'same-origin',"
        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: '_csrf=' + encodeURIComponent(arguments[1])}).then(function (r) { done(r.status); });",
        server.base + "/ui/a/" + a + "/tokens", csrf);
    assertThat(((Number) status).intValue()).isEqualTo(403);
    assertThat(server.truecount.admin().tokens(a)).hasSize(1);
  }

  @Test
  void a_user_of_another_advertiser_gets_nothing() throws Exception {
    signIn("bob");
    assertThat(text("body")).contains("Other shop").doesNotContain("Loja");
    browser.driver.get(server.base + "/ui/a/" + a + "/reports");
    assertThat(text("[data-error]")).contains("no advertiser " + a + " you can see");
    assertThat(browser.driver.getPageSource()).doesNotContain("Purchase");
    browser.driver.get(server.base + "/ui/a/7000000000000002/sources/" + server.pixel.id());
    assertThat(text("[data-error]")).contains("does not exist");
  }

  private void signIn(String login) throws java.io.IOException {
    browser.driver.get(server.base + "/ui/login");
    shot("login");
    browser.driver.findElement(By.name("login")).sendKeys(login);
    browser.driver.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait(Duration.ofSeconds(5)).until(d -> !d.getCurrentUrl().contains("/ui/login"));
  }

  private void open(String path) {
    browser.driver.get(server.base + "/ui/a/" + a + path);
  }

  private String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private WebDriverWait wait(Duration timeout) {
    return new WebDriverWait(browser.driver, timeout, Duration.ofMillis(20));
  }

  private void shot(String name) throws java.io.IOException {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
  }
}
