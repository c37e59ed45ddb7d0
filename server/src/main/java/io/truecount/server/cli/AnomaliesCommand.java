package io.truecount.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** {@code truecount anomalies}: what looks wrong in an advertiser's traffic, asked of the running server. */
@Command(name = "anomalies", mixinStandardHelpOptions = true, description = "List anomalies: zeros, jumps, drops, missing revenue, wrong pages, duplicates, ...")
final class AnomaliesCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ServerOptions server;
  @Option(names = "--advertiser", required = true) String advertiser;
  @Option(names = "--include-dismissed") boolean includeDismissed;
  @Option(names = "--dismiss", description = "Dismiss the anomaly with this id.") String dismiss;
  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (dismiss != null) {
      server.send(server.request("/api/v1/anomalies/" + java.net.URLEncoder.encode(dismiss, java.nio.charset.StandardCharsets.UTF_8) + "/dismiss")
          .POST(HttpRequest.BodyPublishers.noBody()));
      System.out.println("dismissed " + dismiss);
      return 0;
    }
    JsonNode list = server.send(server.request("/api/v1/anomalies?advertiser_id=" + advertiser + "&include_dismissed=" + includeDismissed).GET());
    if (json) {
      Output.print(list, true);
      return 0;
    }
    if (list.isEmpty()) {
      System.out.println(Ansi.AUTO.string("@|green No anomalies.|@"));
    }
    for (JsonNode a : list) {
      System.out.println(Ansi.AUTO.string("@|bold,yellow " + a.path("kind").asText() + "|@ " + a.path("event_source_id").asText() + " "
          + a.path("event").asText() + " since " + a.path("first_seen").asText() + (a.path("dismissed").asBoolean() ? " (dismissed)" : "")));
      System.out.println("    " + a.path("evidence").asText());
      System.out.println("    probable cause: " + a.path("probable_cause").asText());
      System.out.println("    fix: " + a.path("fix").asText());
      System.out.println("    id: " + a.path("id").asText());
    }
    return 0;
  }

}
