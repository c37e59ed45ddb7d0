package io.truecount.server.cli;

import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.server.Config;
import io.truecount.server.Truecount;
import io.truecount.server.admin.NewToken;
import io.truecount.server.demo.DemoAccount;
import io.truecount.server.demo.DemoTraffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truecount demo}: a fresh embedded server with a demo advertiser, pixel, token and traffic. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run Truecount with a demo advertiser and sample traffic.")
final class DemoCommand implements Runnable {
  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 picks a free one).") int port;
  @Option(names = "--data-dir", defaultValue = "./data/demo", description = "Wiped and recreated on every demo start.") Path dataDir;
  @Option(names = "--users", defaultValue = "400") int users;
  @Option(names = "--exit", description = "Load the demo, print the summary and stop (for scripts and tests).") boolean exit;

  @Override
  public void run() {
    wipe(dataDir);
    Config config = io.truecount.server.ConfigLoader.load(null, Map.of(), Map.of("http.port", Integer.toString(port), "data.dir", dataDir.toString()));
    Truecount truecount = Truecount.start(config, Clock.systemUTC(), new SecureRandom());
    try {
      Advertiser advertiser = truecount.admin().createAdvertiser(Optional.of("7100000000000001"), "Demo Store", "America/Sao_Paulo", "BRL", "BR");
      EventSource pixel = truecount.admin().createSource(advertiser.id(), SourceKind.WEB, Optional.of("CDEMO0PIXEL000000001"), "Demo Store website", false);
      NewToken token = truecount.admin().createToken(advertiser.id(), Optional.empty());
      String base = "http://" + config.host() + ":" + truecount.port();
      var ads = DemoAccount.createAds(truecount.ads(), advertiser.id(), pixel.id());
      DemoTraffic traffic = new DemoTraffic(base, token.secret(), pixel.id(), pixel.testEventCode(), Clock.systemUTC().instant(), 42, ads, advertiser.zone());
      DemoTraffic.Sent sent = traffic.send(users);
      Files.writeString(dataDir.resolve("shopify-orders.csv"), traffic.shopifyExport());
      Files.writeString(dataDir.resolve("backend-orders-utc.csv"), traffic.utcBackendExport());
      truecount.pipeline().awaitCaughtUp(Duration.ofSeconds(30));
      printSummary(base, advertiser, pixel, token, truecount.generatedAdminToken().orElse("(configured)"), sent, dataDir.toString());
      String analystPassword = truecount.users().randomPassword();
      truecount.users().create("analyst", analystPassword, io.truecount.core.Role.ANALYST, advertiser.id());
      System.out.println("Web UI: " + base + "/ui");
      System.out.println("  admin    login " + Truecount.FIRST_USER + "  password " + truecount.generatedAdminPassword().orElse("(unchanged)"));
      System.out.println("  analyst  login analyst  password " + analystPassword + "  (read-only, " + advertiser.name() + " only)");
    } catch (IOException e) {
      truecount.close();
      throw new IllegalStateException("demo traffic failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      truecount.close();
      return;
    }
    if (exit) {
      truecount.close();
    } else {
      ServeCommand.awaitShutdown(truecount);
    }
  }

  private static void printSummary(String base, Advertiser advertiser, EventSource pixel, NewToken token, String adminToken, DemoTraffic.Sent sent,
      String dataDirText) {
    long now = System.currentTimeMillis() / 1000;
    System.out.println();
    System.out.println("Truecount demo running at " + base);
    System.out.println("  advertiser    " + advertiser.id() + "  " + advertiser.name() + " (" + advertiser.zone() + ", " + advertiser.currency() + ")");
    System.out.println("  pixel         " + pixel.id() + "  test event code " + pixel.testEventCode());
    System.out.println("  access token  " + token.secret());
    System.out.println("  admin token   " + adminToken);
    System.out.println("  sample        " + sent.events() + " events in " + sent.requests() + " requests (" + sent.duplicatesSent() + " duplicated actions, " + sent.rejectedSent() + " malformed)");
    System.out.println("  ads           4 campaigns, 4 ad groups (7-day click; 28-day click ONCE; 1-day click, view off; leads), 5 ads; " + sent.touches()
        + " views/engaged views via the touch API, clicks from landing URLs, 4 days of delivery");
    System.out.println();
    System.out.println("Send an event (exactly as to TikTok's Events API):");
    System.out.println("  curl -s " + base + "/open_api/v1.3/event/track/ -H 'Access-Token: " + token.secret() + "' -H 'Content-Type: application/json' \\");
    System.out.println("    -d '{\"event_source\":\"web\",\"event_source_id\":\"" + pixel.id() + "\",\"data\":[{\"event\":\"Purchase\",\"event_time\":" + now
        + ",\"event_id\":\"my-order-1\",\"user\":{\"email\":\" ALICE_abc@gmail.com \"},\"properties\":{\"value\":19.9,\"currency\":\"BRL\"}}]}'");
    System.out.println("See it, with its dedup decision and match keys:");
    System.out.println("  curl -s '" + base + "/api/v1/sources/" + pixel.id() + "/events?limit=5' -H 'Authorization: Bearer " + adminToken + "'");
    System.out.println("Source health (status, EMQ, connection method):");
    System.out.println("  curl -s " + base + "/api/v1/sources/" + pixel.id() + "/health -H 'Authorization: Bearer " + adminToken + "'");
    String today = java.time.LocalDate.now(advertiser.zone()).toString();
    String weekAgo = java.time.LocalDate.now(advertiser.zone()).minusDays(7).toString();
    System.out.println("Conversions by campaign and day, exactly as TikTok's reporting API answers:");
    System.out.println("  curl -s '" + base + "/open_api/v1.3/report/integrated/get/?advertiser_id=" + advertiser.id()
        + "&report_type=BASIC&data_level=AUCTION_CAMPAIGN&dimensions=%5B%22campaign_id%22%2C%22stat_time_day%22%5D"
        + "&metrics=%5B%22spend%22%2C%22conversion%22%2C%22real_time_conversion%22%2C%22complete_payment_roas%22%5D&start_date=" + weekAgo
        + "&end_date=" + today + "' -H 'Access-Token: " + token.secret() + "'");
    System.out.println("Why a purchase was (or was not) credited:");
    System.out.println("  curl -s " + base + "/api/v1/conversions/" + pixel.id() + "/Purchase/" + sent.creditedPurchaseId() + "/explanation -H 'Authorization: Bearer " + adminToken + "'");
    System.out.println("The 5-step checklist of every campaign (exit code 1 when one is broken):");
    System.out.println("  ./truecount check --url " + base + " --admin-token " + adminToken + " --advertiser " + advertiser.id());
    System.out.println("Reconcile the store's Shopify export with Truecount, every gap by cause:");
    System.out.println("  ./truecount reconcile --url " + base + " --admin-token " + adminToken + " --source " + pixel.id() + " --orders " + dataDirText + "/shopify-orders.csv");
    System.out.println("Anomalies (planted: purchases on a product page; event_time_skew is real too, the demo sends three days of traffic at once),");
    System.out.println("and which event best predicts revenue:");
    System.out.println("  ./truecount anomalies --url " + base + " --admin-token " + adminToken + " --advertiser " + advertiser.id());
    System.out.println("  ./truecount event-quality --url " + base + " --admin-token " + adminToken + " --source " + pixel.id() + " --orders " + dataDirText
        + "/shopify-orders.csv");
    System.out.println("The same orders from a backend that keeps UTC times (the time-zone shift shows as days that differ):");
    System.out.println("  ./truecount reconcile --url " + base + " --admin-token " + adminToken + " --source " + pixel.id() + " --orders " + dataDirText
        + "/backend-orders-utc.csv --format csv --columns 'order_id:order_number,time:created_utc,value:amount,email:customer_email,status:state'"
        + " --start-date " + java.time.LocalDate.now(advertiser.zone()).minusDays(1) + " --end-date " + java.time.LocalDate.now(advertiser.zone()).minusDays(1));
    System.out.println("The pixel snippet for a web page (TikTok's, with the script served by Truecount):");
    System.out.println("  curl -s '" + base + "/api/v1/sources/" + pixel.id() + "/snippet' -H 'Authorization: Bearer " + adminToken + "'");
    System.out.println();
  }

  private static void wipe(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.anyMatch(p -> !p.getFileName().toString().matches("(catalog|log|ads|touches|accounts)\\.db.*|shopify-orders\\.csv|backend-orders-utc\\.csv"))) {
        throw new IllegalStateException(dir + " holds files other than a Truecount store; refusing to wipe it");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException("cannot wipe " + dir + ": " + e.getMessage(), e);
    }
  }
}
