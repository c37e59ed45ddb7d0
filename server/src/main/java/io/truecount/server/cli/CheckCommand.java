package io.truecount.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.wire.Json;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/**
 * {@code truecount check}: the 5-step checklist of every campaign of an advertiser (or one), asked
 * of the running server; coloured; exit code 1 when a campaign is broken, 0 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "The 5-step checklist per campaign: trusted, needs attention or broken.")
final class CheckCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ServerOptions server;
  @Option(names = "--advertiser", required = true) String advertiser;
  @Option(names = "--campaign", description = "Only this campaign.") String campaign;
  @Option(names = "--start-date") String start;
  @Option(names = "--end-date") String end;
  @Option(names = "--json") boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String path = campaign == null ? "/api/v1/advertisers/" + advertiser + "/check" : "/api/v1/campaigns/" + campaign + "/check";
    String query = (start == null ? "" : "start_date=" + start) + (end == null ? "" : (start == null ? "" : "&") + "end_date=" + end);
    JsonNode data = server.send(server.request(path + (query.isEmpty() ? "" : "?" + query)));
    JsonNode checks = data.isArray() ? data : Json.MAPPER.createArrayNode().add(data);
    if (json) {
      Output.print(checks, true);
    } else {
      checks.forEach(CheckCommand::print);
    }
    boolean broken = false;
    for (JsonNode c : checks) {
      broken |= c.path("verdict").asText().equals("broken");
    }
    return broken ? 1 : 0;
  }

  private static void print(JsonNode c) {
    String verdict = c.path("verdict").asText();
    String colour = verdict.equals("trusted") ? "green" : verdict.equals("broken") ? "red" : "yellow";
    System.out.println(Ansi.AUTO.string("@|bold " + c.path("campaign_name").asText() + "|@ (" + c.path("campaign_id").asText() + ", "
        + c.path("objective").asText() + "): @|bold," + colour + " " + verdict + "|@"));
    for (JsonNode s : c.path("steps")) {
      String v = s.path("verdict").asText();
      String mark = switch (v) {
        case "pass" -> "@|green ✔|@";
        case "fail" -> "@|red ✘|@";
        default -> "@|yellow !|@";
      };
      System.out.println(Ansi.AUTO.string("  " + mark + " " + s.path("step").asInt() + ". " + s.path("title").asText() + " — " + v));
      for (JsonNode e : s.path("evidence")) {
        System.out.println("      " + e.asText());
      }
      if (!s.path("fix").asText().isEmpty()) {
        System.out.println(Ansi.AUTO.string("      @|faint fix:|@ " + s.path("fix").asText()));
      }
    }
    System.out.println("  First thing to fix: " + c.path("first_fix").asText());
    if (c.has("no_conversions_triage")) {
      System.out.println("  No conversions: " + c.path("no_conversions_triage").asText());
    }
    System.out.println();
  }
}
