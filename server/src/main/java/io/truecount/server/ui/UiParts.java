package io.truecount.server.ui;

import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.pipeline.TestEvents;
import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.Catalog;
import io.truecount.server.Config;
import io.truecount.server.admin.CatalogAdmin;
import io.truecount.server.http.AdsParts;

/** What the web UI reads and calls. */
public record UiParts(Config config, Catalog catalog, Accounts accounts, Sessions sessions, LoginThrottle throttle, Passwords passwords,
    CatalogAdmin admin, SourceHealth health, TestEvents testEvents, AdsParts ads, String pixelVersion) {}
