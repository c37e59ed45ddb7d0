package io.truecount.core.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary of the few distinct strings conversions repeat (advertiser, source, event name,
 * currency, user agent, names of other keys): each is held once and a packed conversion holds
 * its number. Grows with distinct values only; not thread-safe (attribution's lock guards it).
 */
final class Words {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> words = new ArrayList<>();

  int id(String word) {
    Integer id = ids.get(word);
    if (id != null) {
      return id;
    }
    words.add(word);
    ids.put(word, words.size() - 1);
    return words.size() - 1;
  }

  String word(int id) {
    return words.get(id);
  }

  /** The number of a word already known, or -1. */
  int known(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }
}
