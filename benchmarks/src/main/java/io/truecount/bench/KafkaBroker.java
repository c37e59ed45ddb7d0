package io.truecount.bench;

import io.truecount.testkit.TestKafka;

/** A real Kafka broker (KRaft, one combined node) for the cluster benchmark: prints its bootstrap servers, runs until killed. */
public final class KafkaBroker {
  private KafkaBroker() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println(TestKafka.bootstrap());
    System.out.flush();
    Thread.currentThread().join();
  }
}
