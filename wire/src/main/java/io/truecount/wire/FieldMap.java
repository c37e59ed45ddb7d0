package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of a parsed JSON object, in their order: two small arrays searched linearly while the
 * object is small (an event's objects have 2–10 fields), a {@link LinkedHashMap} once it has more
 * than {@link #LINEAR_MAX} (so a hostile object of 100,000 fields still parses in linear time).
 * Jackson's own object node keeps every object in a {@code LinkedHashMap}: an entry object per
 * field, hashing on every put and get; that was a quarter of parsing a batch (docs/benchmarks.md).
 * Field names from the parser are interned, like the literals the readers look them up with, so a
 * lookup usually matches by identity.
 */
final class FieldMap extends AbstractMap<String, JsonNode> {
  static final int LINEAR_MAX = 16;

  private String[] names = new String[8];
  private JsonNode[] values = new JsonNode[8];
  private int size;
  /** All fields, once there are more than {@link #LINEAR_MAX}; the arrays are then unused. */
  private LinkedHashMap<String, JsonNode> large;

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public boolean containsKey(Object name) {
    return large != null ? large.containsKey(name) : indexOf(name) >= 0;
  }

  @Override
  public JsonNode get(Object name) {
    if (large != null) {
      return large.get(name);
    }
    int at = indexOf(name);
    return at < 0 ? null : values[at];
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    if (large != null) {
      return large.put(name, value);
    }
    int at = indexOf(name);
    if (at >= 0) {
      JsonNode old = values[at];
      values[at] = value;
      return old;
    }
    if (size == LINEAR_MAX) {
      large = new LinkedHashMap<>(LINEAR_MAX * 4);
      for (int i = 0; i < size; i++) {
        large.put(names[i], values[i]);
      }
      names = null;
      values = null;
      size = 0;
      return large.put(name, value);
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size++] = value;
    return null;
  }

  @Override
  public JsonNode remove(Object name) {
    if (large != null) {
      return large.remove(name);
    }
    int at = indexOf(name);
    if (at < 0) {
      return null;
    }
    JsonNode old = values[at];
    removeAt(at);
    return old;
  }

  @Override
  public void clear() {
    if (large != null) {
      large.clear();
    } else {
      Arrays.fill(names, 0, size, null);
      Arrays.fill(values, 0, size, null);
      size = 0;
    }
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return FieldMap.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return large != null ? large.entrySet().iterator() : new Fields();
      }
    };
  }

  private int indexOf(Object name) {
    for (int i = 0; i < size; i++) {
      if (names[i] == name) {
        return i;
      }
    }
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private void removeAt(int at) {
    System.arraycopy(names, at + 1, names, at, size - at - 1);
    System.arraycopy(values, at + 1, values, at, size - at - 1);
    size--;
    names[size] = null;
    values[size] = null;
  }

  /** The fields in order; an entry writes through to the map. */
  private final class Fields implements Iterator<Map.Entry<String, JsonNode>> {
    private int next;
    private boolean removable;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Map.Entry<String, JsonNode> next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      removable = true;
      int at = next++;
      return new AbstractMap.SimpleEntry<>(names[at], values[at]) {
        private static final long serialVersionUID = 1L;

        @Override
        public JsonNode setValue(JsonNode value) {
          values[at] = value;
          return super.setValue(value);
        }
      };
    }

    @Override
    public void remove() {
      if (!removable) {
        throw new IllegalStateException();
      }
      removeAt(--next);
      removable = false;
    }
  }
}
