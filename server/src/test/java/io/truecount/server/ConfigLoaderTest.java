package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaults_are_safe() {
    Config config = ConfigLoader.load(null, Map.of(), Map.of());
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.maxBodyBytes()).isGreaterThanOrEqualTo(5L << 20);
  }

  @Test
  void environment_overrides_the_file_and_options_override_both() throws Exception {
    Path file = dir.resolve("t.properties");
    Files.writeString(file, "http.port=9000\ningest.queue-events=5000\n");
    Config config = ConfigLoader.load(file, Map.of("TRUECOUNT_HTTP_PORT", "9100", "TRUECOUNT_INGEST_QUEUE_EVENTS", "6000", "HOME", "/root"), Map.of("http.host", "0.0.0.0"));
    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.queueEvents()).isEqualTo(6000);
    assertThat(config.host()).isEqualTo("0.0.0.0");
  }

  @Test
  void every_problem_is_reported_at_once_with_suggestions() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "http.prot=80\ningest.max-body-bytes=10\nviews.recent-events-per-source=lots\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
        .hasMessageContaining("unknown key 'http.prot'").hasMessageContaining("did you mean 'http.port'?")
        .hasMessageContaining("ingest.max-body-bytes = 10: must be between")
        .hasMessageContaining("views.recent-events-per-source = lots: not a whole number");
  }

  @Test
  void the_launchers_variables_are_not_settings_but_a_misspelt_setting_still_is() {
    Config config = ConfigLoader.load(null, Map.of("TRUECOUNT_JAVA_OPTS", "-Xmx4g", "TRUECOUNT_JAR", "/opt/tc.jar", "TRUECOUNT_HTTP_PORT", "9090"), Map.of());
    assertThat(config.port()).isEqualTo(9090);
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRUECOUNT_JAVA_OPT", "-Xmx4g"), Map.of()))
        .hasMessageContaining("unknown key 'java.opt' (from environment TRUECOUNT_JAVA_OPT)");
  }

  @Test
  void the_admin_token_is_masked_when_described() {
    Config config = ConfigLoader.load(null, Map.of("TRUECOUNT_ADMIN_TOKEN", "supersecret"), Map.of());
    assertThat(config.describe()).doesNotContain("supersecret").contains("admin.token=****");
  }

  @Test
  void the_cluster_settings_are_checked_together_and_the_password_is_masked() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TRUECOUNT_STORE_KIND", "postgresql", "TRUECOUNT_LOG_KIND", "kafka"),
        Map.of("store.postgresql.pool-size", "2", "log.kafka.replicaton-factor", "3")))
        .hasMessageContaining("store.postgresql.url = (empty): store.kind=postgresql needs a JDBC URL")
        .hasMessageContaining("log.kafka.bootstrap-servers = (empty): log.kind=kafka needs the brokers")
        .hasMessageContaining("store.postgresql.pool-size = 2: must be between 4 and 1000")
        .hasMessageContaining("did you mean 'log.kafka.replication-factor'");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("store.kind", "mysql", "log.kind", "pulsar")))
        .hasMessageContaining("store.kind = mysql").hasMessageContaining("log.kind = pulsar");
    Config cluster = ConfigLoader.load(null, Map.of("TRUECOUNT_STORE_POSTGRESQL_PASSWORD", "s3cret"), Map.of("store.kind", "postgresql",
        "store.postgresql.url", "jdbc:postgresql://db:5432/tc", "log.kind", "kafka", "log.kafka.bootstrap-servers", "k1:9092,k2:9092"));
    assertThat(cluster.storage().postgres()).isTrue();
    assertThat(cluster.kafka().enabled()).isTrue();
    assertThat(cluster.kafka().replicationFactor()).isEqualTo((short) 3);
    assertThat(cluster.describe()).contains("store.postgresql.password=****", "log.kafka.bootstrap-servers=k1:9092,k2:9092").doesNotContain("s3cret");
  }
}
