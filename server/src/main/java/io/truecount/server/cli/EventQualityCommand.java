package io.truecount.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truecount event-quality --source <id> [--orders shopify.csv]}: which event best predicts revenue. */
@Command(name = "event-quality", mixinStandardHelpOptions = true, description = "Rank a source's events by how well they predict revenue.")
final class EventQualityCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ServerOptions server;
  @Option(names = "--source", required = true) String source;
  @Option(names = "--orders", description = "A Shopify orders export, for revenue correlation and precision/recall.") Path orders;
  @Option(names = "--start-date") String start;
  @Option(names = "--end-date") String end;
  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String query = "event_source_id=" + source + (start == null ? "" : "&start_date=" + start) + (end == null ? "" : "&end_date=" + end);
    JsonNode r = server.send(server.request("/api/v1/event-quality?" + query)
        .POST(orders == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofFile(orders)));
    if (json) {
      Output.print(r, true);
      return 0;
    }
    System.out.printf("%-22s %-9s %7s %6s %5s %6s %6s %6s %6s %6s  %s%n", "event", "type", "volume", "dedup", "EMQ", "attr", "corr", "prec", "recall", "score", "verdict");
    for (JsonNode row : r.path("ranking")) {
      System.out.printf("%-22s %-9s %7d %6.2f %5.1f %6.2f %6s %6s %6s %6.2f  %s%n", row.path("event").asText(), row.path("type").asText(), row.path("volume").asLong(),
          row.path("dedup_rate").asDouble(), row.path("match_quality").asDouble(), row.path("share_attributed").asDouble(), opt(row, "revenue_correlation"),
          opt(row, "precision"), opt(row, "recall"), row.path("score").asDouble(), row.path("verdict").asText());
    }
    System.out.println();
    System.out.println(r.path("recommendation").asText());
    return 0;
  }

  private static String opt(JsonNode row, String field) {
    return row.has(field) ? String.format("%.2f", row.path(field).asDouble()) : "-";
  }
}
