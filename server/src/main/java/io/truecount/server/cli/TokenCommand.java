package io.truecount.server.cli;

import io.truecount.server.http.Views;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code truecount token create|list|revoke|rotate}. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage Events API access tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListAll.class, TokenCommand.Revoke.class, TokenCommand.Rotate.class})
final class TokenCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token (the secret is shown once).")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--source", description = "Limit the token to one source.") String source;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.newToken(CatalogCommand.run(options, a -> a.createToken(advertiser, Optional.ofNullable(source)))), json);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List an advertiser's tokens (never their secrets).")
  static final class ListAll implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.list(CatalogCommand.run(options, a -> a.tokens(advertiser)), Views::token), json);
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token now.")
  static final class Revoke implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "TOKEN_ID") String id;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.token(CatalogCommand.run(options, a -> a.revokeToken(id))), json);
    }
  }

  @Command(name = "rotate", mixinStandardHelpOptions = true, description = "Create a replacement; the old token expires after the overlap.")
  static final class Rotate implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "TOKEN_ID") String id;
    @Option(names = "--overlap-hours", defaultValue = "24") long overlapHours;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      Output.print(Views.newToken(CatalogCommand.run(options, a -> a.rotateToken(id, Duration.ofHours(overlapHours)))), json);
    }
  }
}
