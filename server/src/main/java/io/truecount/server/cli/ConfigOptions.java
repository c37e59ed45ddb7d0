package io.truecount.server.cli;

import io.truecount.server.Config;
import io.truecount.server.ConfigLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: where the configuration and the data are. */
final class ConfigOptions {
  @Option(names = "--config", description = "Configuration file (Java properties). Environment TRUECOUNT_* overrides it.")
  Path file;

  @Option(names = "--data-dir", description = "Data directory (default ./data).")
  Path dataDir;

  Config load(Map<String, String> extra) {
    Map<String, String> overrides = new LinkedHashMap<>(extra);
    if (dataDir != null) {
      overrides.put("data.dir", dataDir.toString());
    }
    return ConfigLoader.load(file, System.getenv(), overrides);
  }
}
