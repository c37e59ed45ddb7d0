package io.truecount.core.report;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/** One ad over one period (none for TOTAL; a local day or hour start): its tallies by measure and its delivery. */
public record AdRow(String adId, Optional<LocalDateTime> period, Map<Measure, Tally> tallies, Delivery delivery) {}
