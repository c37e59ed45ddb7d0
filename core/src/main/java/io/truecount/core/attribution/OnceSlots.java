package io.truecount.core.attribution;

import io.truecount.core.ads.CountMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * ONCE ad groups: per slot (a credited touch and the event name) only the earliest conversion
 * counts (time, then event_id, then log position: {@link Attribution#EARLIEST}). Holds each
 * slot's members so a late, earlier conversion can take the count from the one that had it.
 */
final class OnceSlots {
  private final Map<String, TreeSet<Conversion>> slots = new HashMap<>();

  /** Takes the entry's conversion out of its slot, if it has one; returns that slot. */
  Optional<String> leave(LedgerEntry entry) {
    Optional<String> slot = slot(entry);
    slot.ifPresent(s -> slots.get(s).remove(entry.conversion()));
    return slot;
  }

  /** Puts the entry's conversion into its slot, if it has one; returns that slot. */
  Optional<String> join(LedgerEntry entry) {
    Optional<String> slot = slot(entry);
    slot.ifPresent(s -> slots.computeIfAbsent(s, k -> new TreeSet<>(Attribution.EARLIEST)).add(entry.conversion()));
    return slot;
  }

  /** The slot's members, earliest (the one that counts) first; an emptied slot is dropped. */
  Collection<Conversion> members(String slot) {
    TreeSet<Conversion> members = slots.get(slot);
    if (members.isEmpty()) {
      slots.remove(slot);
      return List.of();
    }
    return members;
  }

  /** The ONCE slot of an entry (credited touch + event) when its ad group counts ONCE. */
  private static Optional<String> slot(LedgerEntry e) {
    return e.credit()
        .filter(c -> c.placement().settings().count() == CountMode.ONCE)
        .map(c -> c.touch().touchId() + '\u0000' + e.conversion().event());
  }
}
