package io.truecount.server.http;

import io.truecount.core.attribution.Attribution;
import io.truecount.core.pipeline.RecentEvents;
import io.truecount.core.report.ReportCube;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.TouchLog;
import io.truecount.server.admin.AdsAdmin;
import io.truecount.server.ads.AdsDirectory;
import io.truecount.server.ads.ReportService;
import java.time.Clock;

/** What the ads, touch, delivery and report routes read and call. */
public record AdsParts(Catalog catalog, AdsStore store, AdsAdmin admin, AdsDirectory directory, TouchLog touches, Attribution attribution,
    ReportCube cube, ReportService reports, RecentEvents recent, TokenAuth auth, Clock clock, java.security.SecureRandom random,
    io.truecount.server.ads.ChecklistService checklist, io.truecount.server.ads.AnomalyService anomalies, io.truecount.core.pipeline.SourceHealth health,
    io.truecount.server.ads.RecentDays recentDays, Runnable deliveryWrittenHere) {}
