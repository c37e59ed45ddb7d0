package io.truecount.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/**
 * {@code truecount reconcile --orders <file> --format shopify --source <id>}: uploads a store
 * export to the running server (with a progress bar) and prints the gap decomposition.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true, description = "Reconcile a store export with Truecount: every gap by cause.")
final class ReconcileCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ServerOptions server;
  @Option(names = "--orders", required = true, description = "The export file.") Path orders;
  @Option(names = "--format", defaultValue = "shopify", description = "shopify, ga4 (BigQuery NDJSON), ga4-csv, csv") String format;
  @Option(names = "--columns", description = "For --format csv: order_id:Header,time:Header,value:Header[,currency:…,email:…,phone:…,status:…]") String columns;
  @Option(names = "--source", required = true, description = "The event source whose purchases to compare.") String source;
  @Option(names = "--start-date") String start;
  @Option(names = "--end-date") String end;
  @Option(names = "--charts", description = "Write waterfall.svg and daily.svg into this directory.") Path charts;
  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long size = Files.size(orders);
    String query = "event_source_id=" + source + "&format=" + format
        + (columns == null ? "" : "&columns=" + java.net.URLEncoder.encode(columns, java.nio.charset.StandardCharsets.UTF_8)) + (start == null ? "" : "&start_date=" + start) + (end == null ? "" : "&end_date=" + end);
    JsonNode r;
    try {
      r = server.send(server.request("/api/v1/reconciliations?" + query).header("Content-Type", "text/csv")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> progress(orders, size))));
    } finally {
      System.err.println();
    }
    if (charts != null) {
      Files.createDirectories(charts);
      Files.writeString(charts.resolve("waterfall.svg"), r.path("charts").path("waterfall_svg").asText());
      Files.writeString(charts.resolve("daily.svg"), r.path("charts").path("daily_svg").asText());
    }
    if (json) {
      Output.print(r, true);
      return 0;
    }
    System.out.printf("%s..%s (%s): backend %d orders, Truecount %d purchases, difference %+d (platform reported %d)%n", r.path("start_date").asText(),
        r.path("end_date").asText(), r.path("time_zone").asText(), r.path("backend_orders").asLong(), r.path("truecount_conversions").asLong(),
        r.path("difference").asLong(), r.path("platform_reported").asLong());
    for (JsonNode g : r.path("gaps")) {
      long effect = g.path("effect_on_difference").asLong();
      System.out.println(Ansi.AUTO.string(String.format("  %s%5d|@  %-28s %s", effect == 0 ? "@|green " : "@|yellow ", g.path("count").asLong(),
          g.path("category").asText(), g.path("label").asText())));
    }
    System.out.println("  the categories add up to the difference: " + r.path("adds_up").asBoolean());
    for (JsonNode p : r.path("import_problems")) {
      System.out.println("  could not read " + p.path("field").asText() + " (" + p.path("value").asText() + "): " + p.path("rule").asText());
    }
    return 0;
  }

  private static InputStream progress(Path file, long size) {
    try {
      InputStream in = Files.newInputStream(file);
      return new java.io.FilterInputStream(in) {
        long read;
        int shown = -1;

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          int n = super.read(b, off, len);
          if (n > 0) {
            read += n;
            int percent = size == 0 ? 100 : (int) (read * 100 / size);
            if (percent != shown) {
              shown = percent;
              System.err.print("\ruploading " + "#".repeat(percent / 5) + ".".repeat(20 - percent / 5) + " " + percent + "%");
            }
          }
          return n;
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
