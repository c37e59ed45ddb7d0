package io.truecount.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka 4.3 broker in KRaft mode (combined broker + controller), in this JVM, started once
 * per test run and never closed: closing it from a shutdown hook sometimes ended the test JVM with
 * a non-zero exit code after every test had passed (1 run in 10), which fails the build. Its
 * files are in a temporary directory that Kafka's own shutdown hook deletes when the JVM exits.
 *
 * <p>The broker halts its JVM with exit code 1 when its metadata directory fails, and that
 * directory fails exactly when the shutdown hook deletes it under the still-running broker: a
 * green test run then ended red ("Error occurred in starting fork"). So the broker started here may
 * not end the JVM: Kafka's exit and halt procedures only report what the broker asked for.
 */
public final class TestKafka {
  private static KafkaClusterTestKit cluster;

  private TestKafka() {}

  /** The bootstrap servers of the broker, started on first use. */
  public static synchronized String bootstrap() {
    if (cluster == null) {
      Exit.setHaltProcedure(TestKafka::report);
      Exit.setExitProcedure(TestKafka::report);
      try {
        KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
            .setNumControllerNodes(1).build()).setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1").setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0").setConfigProp("group.min.session.timeout.ms", "1000").build();
        c.format();
        c.startup();
        c.waitForReadyBrokers();
        cluster = c;
      } catch (Exception e) {
        throw new IllegalStateException("the in-process Kafka broker did not start", e);
      }
    }
    return cluster.bootstrapServers();
  }

  private static void report(int statusCode, String message) {
    System.err.println("the test Kafka broker asked to end the JVM with status " + statusCode + " (ignored): " + message);
  }
}
