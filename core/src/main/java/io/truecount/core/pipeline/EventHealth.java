package io.truecount.core.pipeline;

import io.truecount.core.ConnectionMethod;
import io.truecount.core.MatchKey;
import java.util.Map;

/**
 * Health of one event name of one source: volume (counted copies), whether it is a page or a
 * business event, dedup outcomes of every copy, connection methods, match-key coverage (0..1) and
 * Event Match Quality (0..10, the weighted coverage).
 */
public record EventHealth(
    String event,
    String reportedName,
    boolean businessEvent,
    long lastHour,
    long last24Hours,
    long last7Days,
    long counted,
    Map<DedupDecision.Outcome, Long> copiesByOutcome,
    double dedupRate,
    Map<ConnectionMethod, Long> connectionMethods,
    Map<MatchKey, Double> keyCoverage,
    double matchQuality) {}
