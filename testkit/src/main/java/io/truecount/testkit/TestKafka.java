package io.truecount.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real Kafka 4.3 broker in KRaft mode (combined broker + controller), in this JVM, started once per test run. */
public final class TestKafka {
  private static KafkaClusterTestKit cluster;

  private TestKafka() {}

  /** The bootstrap servers of the broker, started on first use. */
  public static synchronized String bootstrap() {
    if (cluster == null) {
      try {
        KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
            .setNumControllerNodes(1).build()).setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1").setConfigProp("transaction.state.log.min.isr", "1").build();
        c.format();
        c.startup();
        c.waitForReadyBrokers();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeWithin(c, 10_000)));
        cluster = c;
      } catch (Exception e) {
        throw new IllegalStateException("the in-process Kafka broker did not start", e);
      }
    }
    return cluster.bootstrapServers();
  }

  /**
   * Closes the broker at JVM exit, but never holds the exit up for long or fails it: the test run
   * is over, and a slow broker shutdown must not turn it into a failed fork.
   */
  private static void closeWithin(KafkaClusterTestKit c, long millis) {
    Thread closing = new Thread(() -> {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("closing the test Kafka broker: " + e);
      }
    }, "test-kafka-close");
    closing.setDaemon(true);
    closing.start();
    try {
      closing.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
