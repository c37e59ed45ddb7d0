package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.server.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `truecount demo` loads its sample through the real routes and prints what a newcomer needs. */
class DemoSmokeTest {
  @TempDir Path dir;

  @Test
  void demo_loads_and_prints_url_token_and_curl() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.run("demo", "--port", "0", "--exit", "--users", "60", "--data-dir", dir.resolve("demo").toString());
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isZero();
    assertThat(printed).contains("Truecount demo running at http://127.0.0.1:", "access token", "curl -s", "/open_api/v1.3/event/track/");
    assertThat(printed).containsPattern("sample +\\d+ events");
  }

  @Test
  void cli_admin_commands_print_json() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String data = dir.resolve("cli").toString();
      assertThat(Main.run("advertiser", "create", "--data-dir", data, "--name", "Cli", "--id", "12345", "--json")).isZero();
      assertThat(Main.run("source", "create", "--data-dir", data, "--advertiser", "12345", "--kind", "crm", "--id", "998877", "--json")).isZero();
      assertThat(Main.run("token", "create", "--data-dir", data, "--advertiser", "12345", "--source", "998877", "--json")).isZero();
      assertThat(Main.run("source", "create", "--data-dir", data, "--advertiser", "nope", "--json")).isEqualTo(2);
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("\"advertiser_id\" : \"12345\"", "\"kind\" : \"crm\"", "\"access_token\"");
  }
}
