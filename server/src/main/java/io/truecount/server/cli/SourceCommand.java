package io.truecount.server.cli;

import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.server.pixel.PixelScript;
import io.truecount.server.pixel.Snippet;
import io.truecount.server.http.Views;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code truecount source create|list|test-code|strict-pii}. */
@Command(name = "source", mixinStandardHelpOptions = true, description = "Manage event sources (pixels, apps, offline and CRM event sets).",
    subcommands = {SourceCommand.Create.class, SourceCommand.ListAll.class, SourceCommand.TestCode.class, SourceCommand.StrictPii.class, SourceCommand.PixelSnippet.class})
final class SourceCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an event source.")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--kind", defaultValue = "web", description = "web, app, offline or crm") String kind;
    @Option(names = "--id", description = "Pixel code / app id / event set id to mirror; generated when absent.") String id;
    @Option(names = "--name", defaultValue = "Pixel") String name;
    @Option(names = "--strict-pii", description = "Refuse raw emails/phones (40062) instead of hashing them.") boolean strict;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      SourceKind k = SourceKind.fromWire(kind.toLowerCase(Locale.ROOT))
          .orElseThrow(() -> new IllegalArgumentException("--kind " + kind + ": must be web, app, offline or crm"));
      Output.print(Views.source(CatalogCommand.run(options,
          admin -> admin.createSource(advertiser, k, Optional.ofNullable(id), name, strict))), json);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List event sources.")
  static final class ListAll implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--advertiser") String advertiser;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.list(CatalogCommand.run(options, a -> a.sources(Optional.ofNullable(advertiser))), Views::source), json);
    }
  }

  @Command(name = "test-code", mixinStandardHelpOptions = true, description = "Regenerate a source's test event code.")
  static final class TestCode implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "SOURCE") String source;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.source(CatalogCommand.run(options, a -> a.regenerateTestCode(source))), json);
    }
  }

  @Command(name = "strict-pii", mixinStandardHelpOptions = true, description = "Turn strict PII mode on or off.")
  static final class StrictPii implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(index = "0", paramLabel = "SOURCE") String source;
    @Parameters(index = "1", paramLabel = "on|off") String state;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.source(CatalogCommand.run(options, a -> a.setStrictPii(source, state.equalsIgnoreCase("on")))), json);
    }
  }

  @Command(name = "snippet", mixinStandardHelpOptions = true, description = "Print the pixel snippet of a web source, pointing at this Truecount.")
  static final class PixelSnippet implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "PIXEL") String pixel;
    @Option(names = "--base-url", description = "Where browsers reach Truecount, e.g. https://track.shop.example (default: http.public-url, else http://host:port).")
    String baseUrl;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      io.truecount.server.Config config = options.load(java.util.Map.of());
      EventSource source = CatalogCommand.run(options, a -> a.source(pixel));
      if (source.kind() != SourceKind.WEB) {
        throw new IllegalArgumentException(pixel + " is a " + source.kind().wireName() + " source; only web pixels have a snippet");
      }
      String base = baseUrl != null ? baseUrl : !config.publicUrl().isEmpty() ? config.publicUrl() : "http://" + config.host() + ":" + config.port();
      Snippet.Setup setup = Snippet.setup(base, source.id(), new PixelScript().version());
      if (json) {
        Output.print(Views.setup(setup), true);
      } else {
        System.out.print(setup.snippet());
      }
    }
  }
}
