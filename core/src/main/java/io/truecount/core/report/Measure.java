package io.truecount.core.report;

import io.truecount.core.ads.TouchKind;

/** What a report cell counts: conversions of one event, credited through one touch kind, on one time basis. */
public record Measure(String event, TouchKind kind, TimeBasis basis) {}
