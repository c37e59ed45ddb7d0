package io.truecount.core;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;

/** A tenant: reports are in its time zone and currency; phones default to its country. */
public record Advertiser(String id, String name, ZoneId zone, String currency, String country) {
  public Advertiser {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(zone, "zone is null");
    requireNonNull(currency, "currency is null");
    requireNonNull(country, "country is null");
  }
}
