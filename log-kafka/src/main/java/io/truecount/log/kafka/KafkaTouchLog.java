package io.truecount.log.kafka;

import io.truecount.core.ads.Touch;
import io.truecount.core.spi.TouchCodec;
import io.truecount.core.spi.TouchLog;
import io.truecount.store.jdbc.StoreException;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The touch log on a Kafka topic with one partition ({@code <event topic>-touches}): an append is
 * one record, on all in-sync replicas and numbered before it returns; every node reads the same
 * numbers ({@link NumberedTopic}).
 */
public final class KafkaTouchLog implements TouchLog {
  private final NumberedTopic topic;

  public KafkaTouchLog(KafkaEventLog.Settings settings) {
    this.topic = new NumberedTopic(settings, "truecount-kafka-touch-tail");
  }

  @Override
  public void append(List<Touch> touches) {
    if (touches.isEmpty()) {
      return;
    }
    try {
      topic.send(TouchCodec.encode(touches), touches.size()).get();
    } catch (ExecutionException e) {
      throw new StoreException("appending " + touches.size() + " touches to Kafka failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while appending touches to Kafka", e);
    }
  }

  /** Reads the topic's end from the broker and waits (at most 10 s) until the tail has numbered it: another node's touches become readable here. */
  @Override
  public void catchUp() {
    try {
      if (!topic.awaitEnd(java.time.Duration.ofSeconds(10))) {
        throw new StoreException("the Kafka touch log did not catch up with its end in 10 s", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while catching up with the Kafka touch log", e);
    }
  }

  @Override
  public List<LoggedTouch> read(long fromSeq, int max) {
    return topic.read(fromSeq, max, KafkaTouchLog::unpack);
  }

  private static void unpack(long firstSeq, byte[] payload, long fromSeq, int max, List<LoggedTouch> out) {
    List<Touch> touches = TouchCodec.decode(payload);
    for (int i = 0; i < touches.size() && out.size() < max; i++) {
      if (firstSeq + i >= fromSeq) {
        out.add(new LoggedTouch(firstSeq + i, touches.get(i)));
      }
    }
  }

  @Override
  public void close() {
    topic.close();
  }
}
