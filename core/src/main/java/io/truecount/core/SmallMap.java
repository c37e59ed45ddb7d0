package io.truecount.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A map of string keys in insertion order, for the many small JSON objects of an event (parsed
 * objects, properties, context: 1–10 fields each): one array of keys and values, searched
 * linearly, while it has at most {@link #LINEAR_MAX} keys; a {@link LinkedHashMap} once it has
 * more (so a hostile object of 100,000 fields stays linear). A {@code LinkedHashMap} costs an
 * entry object per key and hashing on every put and get: ~300 bytes for four keys, against ~80
 * here (docs/benchmarks.md). Interned keys (parsed JSON names, literals) match by identity; keys
 * are never null (JSON names).
 *
 * <p>{@link #freeze()} makes it read-only: the events keep their trees that way, so a stored
 * event cannot change under its readers.
 */
public final class SmallMap<V> extends AbstractMap<String, V> {
  static final int LINEAR_MAX = 16;

  /** Key i at {@code 2 * i}, its value at {@code 2 * i + 1}: one array, each key next to its value. */
  private Object[] entries;
  private int size;
  /**
   * One bit per key, chosen by its hash ({@link #bit}): a lookup whose bit is clear is absent
   * without a scan. Most lookups are of optional fields the object does not have (a user object
   * of four keys is asked for eighteen), and each scan cost a key comparison per entry.
   */
  private long keyBits;
  /** All entries, once there are more than {@link #LINEAR_MAX}; the array is then unused. */
  private LinkedHashMap<String, V> large;
  private boolean frozen;

  public SmallMap() {
    this(4);
  }

  /** With room for {@code expected} keys before the array grows. */
  public SmallMap(int expected) {
    entries = new Object[2 * Math.max(2, Math.min(expected, LINEAR_MAX))];
  }

  /** Makes this map read-only and returns it. */
  public SmallMap<V> freeze() {
    frozen = true;
    return this;
  }

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public boolean containsKey(Object key) {
    return large != null ? large.containsKey(key) : indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int at = indexOf(key);
    return at < 0 ? null : (V) entries[2 * at + 1];
  }

  @Override
  @SuppressWarnings("unchecked")
  public V put(String key, V value) {
    writable();
    if (large != null) {
      return large.put(key, value);
    }
    int at = indexOf(key);
    if (at >= 0) {
      V old = (V) entries[2 * at + 1];
      entries[2 * at + 1] = value;
      return old;
    }
    if (size == LINEAR_MAX) {
      large = new LinkedHashMap<>(LINEAR_MAX * 4);
      for (int i = 0; i < size; i++) {
        large.put((String) entries[2 * i], (V) entries[2 * i + 1]);
      }
      entries = null;
      size = 0;
      return large.put(key, value);
    }
    if (2 * size == entries.length) {
      entries = Arrays.copyOf(entries, 2 * Math.min(size * 2, LINEAR_MAX));
    }
    entries[2 * size] = key;
    entries[2 * size++ + 1] = value;
    keyBits |= bit(key);
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V remove(Object key) {
    writable();
    if (large != null) {
      return large.remove(key);
    }
    int at = indexOf(key);
    if (at < 0) {
      return null;
    }
    V old = (V) entries[2 * at + 1];
    removeAt(at);
    return old;
  }

  @Override
  public void clear() {
    writable();
    if (large != null) {
      large.clear();
    } else {
      Arrays.fill(entries, 0, 2 * size, null);
      size = 0;
      keyBits = 0;
    }
  }

  /** In order, without the entry objects and iterator that {@link #entrySet()} needs. */
  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super String, ? super V> action) {
    if (large != null) {
      large.forEach(action);
      return;
    }
    for (int i = 0; i < size; i++) {
      action.accept((String) entries[2 * i], (V) entries[2 * i + 1]);
    }
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return SmallMap.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, V>> iterator() {
        if (large == null) {
          return new Entries();
        }
        return (frozen ? Collections.unmodifiableMap(large) : large).entrySet().iterator();
      }
    };
  }

  private void writable() {
    if (frozen) {
      throw new UnsupportedOperationException("this map is read-only");
    }
  }

  /**
   * Absent at once when the key's bit is clear; else one pass: identity first (interned keys),
   * then the strings' cached hash codes, so an absent key costs an int comparison per key, not an
   * equals.
   */
  private int indexOf(Object key) {
    int hash = key.hashCode();
    if ((keyBits & bit(hash)) == 0) {
      return -1;
    }
    for (int i = 0; i < size; i++) {
      Object k = entries[2 * i];
      if (k == key || (k.hashCode() == hash && k.equals(key))) {
        return i;
      }
    }
    return -1;
  }

  private static long bit(Object key) {
    return bit(key.hashCode());
  }

  /** Bits 0–63 from the hash's high and low halves (short names differ mostly in the low bits). */
  private static long bit(int hash) {
    return 1L << ((hash ^ hash >>> 16) & 63);
  }

  private void removeAt(int at) {
    System.arraycopy(entries, 2 * at + 2, entries, 2 * at, 2 * (size - at - 1));
    size--;
    entries[2 * size] = null;
    entries[2 * size + 1] = null;
    keyBits = 0;
    for (int i = 0; i < size; i++) {
      keyBits |= bit(entries[2 * i]);
    }
  }

  /** The entries in order; an entry writes through to the map unless it is frozen. */
  private final class Entries implements Iterator<Map.Entry<String, V>> {
    private int next;
    private boolean removable;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map.Entry<String, V> next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      removable = true;
      int at = next++;
      return new AbstractMap.SimpleEntry<>((String) entries[2 * at], (V) entries[2 * at + 1]) {
        private static final long serialVersionUID = 1L;

        @Override
        public V setValue(V value) {
          writable();
          entries[2 * at + 1] = value;
          return super.setValue(value);
        }
      };
    }

    @Override
    public void remove() {
      writable();
      if (!removable) {
        throw new IllegalStateException();
      }
      removeAt(--next);
      removable = false;
    }
  }
}
