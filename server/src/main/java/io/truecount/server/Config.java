package io.truecount.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Effective configuration, typed. Built only by {@link ConfigLoader}, which checks every value
 * before start. Defaults are safe: loopback only, data under ./data.
 */
public record Config(
    String host,
    int port,
    Path dataDir,
    long maxBodyBytes,
    long maxDecompressedBytes,
    int queueRequests,
    long queueEvents,
    Duration maxFuture,
    Duration maxAgeWebApp,
    Duration maxAgeOfflineCrm,
    int recentEventsPerSource,
    int testEventsPerSource,
    String adminToken,
    Duration tokenCacheTtl,
    int ioThreads,
    String publicUrl,
    boolean trustForwardedFor) {

  /** The effective configuration for logs: secrets masked. */
  public String describe() {
    return "http.host=" + host + " http.port=" + port + (publicUrl.isEmpty() ? "" : " http.public-url=" + publicUrl)
        + " http.trust-forwarded-for=" + trustForwardedFor + " data.dir=" + dataDir
        + " ingest.max-body-bytes=" + maxBodyBytes + " ingest.queue-requests=" + queueRequests
        + " ingest.queue-events=" + queueEvents + " admin.token=" + (adminToken.isEmpty() ? "(generated at first start)" : "****");
  }
}
