package io.truecount.server.ui;

import io.truecount.core.EventSource;
import io.truecount.core.pipeline.SourceHealthReport;

/** One line of Events Manager's sources table. */
public record SourceRow(EventSource source, SourceHealthReport health, long last24Hours, long last7Days, String connectionMethod, double matchQuality) {}
