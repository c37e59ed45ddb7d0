package io.truecount.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.User;
import io.truecount.server.admin.UserAdmin;
import io.truecount.server.ui.Passwords;
import io.truecount.store.SqliteAccounts;
import io.truecount.store.SqliteCatalog;
import io.truecount.wire.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code truecount user create|list|grant|revoke|password}: web UI accounts, in the data directory. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage web UI users and their advertiser memberships.",
    subcommands = {UserCommand.Create.class, UserCommand.ListAll.class, UserCommand.Grant.class, UserCommand.Revoke.class, UserCommand.Password.class})
final class UserCommand {
  private UserCommand() {}

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user; without --password-stdin a random password is printed once.")
  static final class Create implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "LOGIN") String login;
    @Option(names = "--role", defaultValue = "analyst", description = "admin or analyst (read-only).") String role;
    @Option(names = "--advertiser", defaultValue = User.ALL_ADVERTISERS, description = "Advertiser id, or * for every advertiser.") String advertiser;
    @Option(names = "--password-stdin", description = "Read the password (at least 12 characters) from standard input.") boolean stdin;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      withUsers(options, users -> {
        String password = stdin ? readPassword() : users.randomPassword();
        ObjectNode node = view(users.create(login, password, UserAdmin.role(role), advertiser));
        if (!stdin) {
          node.put("password", password).put("note", "Shown once: only an Argon2id hash is stored.");
        }
        Output.print(node, json);
        return null;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and memberships.")
  static final class ListAll implements Runnable {
    @Mixin ConfigOptions options;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      withUsers(options, users -> {
        ArrayNode list = Json.MAPPER.createArrayNode();
        users.users().forEach(u -> list.add(view(u)));
        Output.print(list, json);
        return null;
      });
    }
  }

  @Command(name = "grant", mixinStandardHelpOptions = true, description = "Give a user a role for an advertiser (or * for all).")
  static final class Grant implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "LOGIN") String login;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--role", defaultValue = "analyst") String role;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      withUsers(options, users -> print(users.grant(login, advertiser, UserAdmin.role(role)), json));
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Remove a user's membership of an advertiser (applies at the next request).")
  static final class Revoke implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "LOGIN") String login;
    @Option(names = "--advertiser", required = true) String advertiser;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      withUsers(options, users -> print(users.revoke(login, advertiser), json));
    }
  }

  @Command(name = "password", mixinStandardHelpOptions = true, description = "Set a new password; without --password-stdin a random one is printed once.")
  static final class Password implements Runnable {
    @Mixin ConfigOptions options;
    @Parameters(paramLabel = "LOGIN") String login;
    @Option(names = "--password-stdin") boolean stdin;
    @Option(names = "--json") boolean json;

    @Override
    public void run() {
      withUsers(options, users -> {
        String password = stdin ? readPassword() : users.randomPassword();
        ObjectNode node = view(users.setPassword(login, password));
        if (!stdin) {
          node.put("password", password);
        }
        Output.print(node, json);
        return null;
      });
    }
  }

  private static Void print(User user, boolean json) {
    Output.print(view(user), json);
    return null;
  }

  static ObjectNode view(User u) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("user_id", u.id()).put("login", u.login()).put("created_at", u.createdAt().toString());
    ObjectNode memberships = node.putObject("memberships");
    u.memberships().forEach((advertiser, role) -> memberships.put(advertiser, role.name().toLowerCase(Locale.ROOT)));
    return node;
  }

  private static String readPassword() {
    try {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return Passwords.checked(line == null ? "" : line.strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T withUsers(ConfigOptions options, Function<UserAdmin, T> action) {
    Path dir = options.load(Map.of()).dataDir();
    try (SqliteCatalog catalog = new SqliteCatalog(dir.resolve("catalog.db")); SqliteAccounts accounts = new SqliteAccounts(dir.resolve("accounts.db"))) {
      SecureRandom random = new SecureRandom();
      return action.apply(new UserAdmin(accounts, catalog, new Passwords(), Clock.systemUTC(), random,
          new io.truecount.server.ui.Sessions(accounts, Clock.systemUTC(), random)));
    }
  }
}
