package io.truecount.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code truecount}: the one entry point. */
@Command(
    name = "truecount",
    mixinStandardHelpOptions = true,
    version = "truecount 0.1.0",
    description = "Self-hosted, TikTok-compatible conversion tracking.",
    subcommands = {ServeCommand.class, DemoCommand.class, AdvertiserCommand.class, SourceCommand.class, TokenCommand.class, UserCommand.class,
        AdsCommand.Campaigns.class, AdsCommand.AdGroups.class, AdsCommand.Ads.class, CheckCommand.class, ReconcileCommand.class, AnomaliesCommand.class, EventQualityCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
      return 2;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
