package io.truecount.core.attribution;

import java.time.Instant;
import java.util.Optional;

/**
 * The fields of a ledger entry that queries filter and count on, read from the packed conversion
 * without unpacking it (no match keys, no event_id): a query over a large ledger unpacks only
 * the entries it keeps.
 */
public record LedgerView(long seq, String sourceId, String event, Instant time, boolean hasValue, String currency, Optional<Credit> credit,
    boolean counted) {}
