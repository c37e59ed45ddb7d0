package io.truecount.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestKafkaTest {

  /**
   * A JVM that used the test broker exits with the status it chose, even when the broker asks to
   * halt on the way out (as it does when Kafka's shutdown hook deletes its directory under it).
   */
  @Test
  void the_broker_cannot_change_the_exit_status_of_the_test_jvm(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("child.log");
    Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), ExitingChild.class.getName())).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();

    assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    assertThat(child.exitValue()).as(Files.readString(output)).isZero();
    assertThat(Files.readString(output)).contains("asked to end the JVM with status 1");
  }

  /** Starts the broker, then does what the broker does when its directory fails. */
  static final class ExitingChild {
    public static void main(String[] args) {
      TestKafka.bootstrap();
      Exit.halt(1, "metadata directory failed");
      System.exit(0);
    }
  }
}
