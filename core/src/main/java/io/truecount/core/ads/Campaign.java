package io.truecount.core.ads;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

public record Campaign(String id, String advertiserId, String name, Objective objective, Instant createdAt) {
  public Campaign {
    requireNonNull(id, "id is null");
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(name, "name is null");
    requireNonNull(objective, "objective is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
