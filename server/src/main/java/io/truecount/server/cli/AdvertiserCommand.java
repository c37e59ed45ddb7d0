package io.truecount.server.cli;

import io.truecount.server.http.Views;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code truecount advertiser create|list}. */
@Command(name = "advertiser", mixinStandardHelpOptions = true, description = "Manage advertisers.",
    subcommands = {AdvertiserCommand.Create.class, AdvertiserCommand.ListAll.class})
final class AdvertiserCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an advertiser.")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--name", required = true) String name;
    @Option(names = "--id", description = "Advertiser id (digits); mirrors TikTok's when given.") String id;
    @Option(names = "--time-zone", defaultValue = "UTC", description = "IANA zone of the reports.") String zone;
    @Option(names = "--currency", defaultValue = "USD") String currency;
    @Option(names = "--country", defaultValue = "US", description = "Default region of phone numbers.") String country;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.advertiser(CatalogCommand.run(options,
          admin -> admin.createAdvertiser(Optional.ofNullable(id), name, zone, currency, country))), json);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List advertisers.")
  static final class ListAll implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.list(CatalogCommand.run(options, a -> a.advertisers()), Views::advertiser), json);
    }
  }
}
