package io.truecount.log.kafka;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** How the log talks to Kafka: its topic, an {@code acks=all} idempotent producer, manual consumers. */
final class KafkaClients {
  /** A group commit holds up to 20,000 events: records up to 32 MiB (the broker's 1 MiB default would refuse big groups). */
  static final int MAX_RECORD_BYTES = 32 << 20;

  private KafkaClients() {}

  static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(producerConfig(bootstrap), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Creates the topic with the configured partitions when missing; returns its partition count. An
   * existing topic with another count is refused: the advertiser-to-partition mapping would change
   * and split advertisers' events across partitions.
   */
  static int createTopic(KafkaEventLog.Settings s) {
    try (Admin admin = admin(s.bootstrapServers())) {
      NewTopic topic = new NewTopic(s.topic(), s.partitions(), s.replicationFactor())
          .configs(Map.of("min.insync.replicas", Integer.toString(Math.min(2, s.replicationFactor())), "retention.ms", "-1", "cleanup.policy", "delete",
              "max.message.bytes", Integer.toString(MAX_RECORD_BYTES)));
      try {
        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("cannot create Kafka topic " + s.topic() + ": " + e.getCause().getMessage(), e);
        }
      }
      int partitions = partitionCount(admin, s.topic());
      if (partitions != s.partitions()) {
        throw new IllegalStateException("Kafka topic " + s.topic() + " has " + partitions + " partitions, the configuration says " + s.partitions()
            + ": the partition count is fixed when the topic is created (it decides which partition holds each advertiser)");
      }
      return partitions;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka at " + s.bootstrapServers() + " did not describe topic " + s.topic() + " in 30 s: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The topic's partition count; a topic just created may take a moment to be known to the broker answering. */
  private static int partitionCount(Admin admin, String topic) throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100); // metadata of a new topic propagating: retry
      }
    }
  }

  static Admin admin(String bootstrap) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(p);
  }

  private static Properties producerConfig(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    return p;
  }

  static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * A member of the pipeline's consumer group: cooperative-sticky assignment (a rebalance moves
   * only the partitions it must), its client id the node's name, few records per poll (a record
   * is a whole group commit).
   */
  static KafkaConsumer<byte[], byte[]> groupConsumer(KafkaEventLog.Settings s, String node) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, s.group());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, node);
    p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(s.sessionTimeout().toMillis()));
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(Math.max(100, s.sessionTimeout().toMillis() / 4)));
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "16");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_RECORD_BYTES));
    return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
