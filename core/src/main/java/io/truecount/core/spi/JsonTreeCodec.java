package io.truecount.core.spi;

import io.truecount.core.SmallMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Binary form of JSON-like trees: null, Boolean, Long, BigDecimal, String, List, Map. A decimal
 * whose unscaled value fits in a long (every price and value in practice) is written as scale +
 * long ({@code DECIMAL_LONG}, since payload version 2: no BigInteger byte conversion, which was a
 * fifth of the encoding time); larger ones as scale + two's-complement bytes ({@code DECIMAL}, the
 * only form in version 1, still read).
 */
final class JsonTreeCodec {
  private static final int NULL = 0;
  private static final int FALSE = 1;
  private static final int TRUE = 2;
  private static final int LONG = 3;
  private static final int DECIMAL = 4;
  private static final int STRING = 5;
  private static final int LIST = 6;
  private static final int MAP = 7;
  private static final int DECIMAL_LONG = 8;

  private JsonTreeCodec() {}

  static void write(ByteWriter out, Object value) {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (value instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (value instanceof BigDecimal d) {
      writeDecimal(out, d);
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      out.writeString(s);
    } else if (value instanceof List<?> list) {
      writeList(out, list);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(out, map);
    } else {
      throw new IllegalArgumentException("not a JSON tree value: " + value.getClass().getName());
    }
  }

  static Object read(ByteReader in) {
    int tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case FALSE -> Boolean.FALSE;
      case TRUE -> Boolean.TRUE;
      case LONG -> in.readLong();
      case DECIMAL -> readDecimal(in);
      case DECIMAL_LONG -> readDecimalLong(in);
      case STRING -> in.readString();
      case LIST -> readList(in);
      case MAP -> readMapBody(in);
      default -> throw new IllegalStateException("corrupt tree tag " + tag);
    };
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readMap(ByteReader in) {
    return (Map<String, Object>) read(in);
  }

  /**
   * By index, and maps by {@code forEach}: the iterators and entry views of a for-each loop were
   * ~45 % of the bytes encoding allocated (the trees' lists are all random-access).
   */
  private static void writeList(ByteWriter out, List<?> list) {
    out.writeByte(LIST);
    out.writeCount(list.size());
    if (list instanceof RandomAccess) {
      for (int i = 0; i < list.size(); i++) {
        write(out, list.get(i));
      }
    } else {
      list.forEach(item -> write(out, item));
    }
  }

  private static void writeMap(ByteWriter out, Map<?, ?> map) {
    out.writeByte(MAP);
    out.writeCount(map.size());
    if (!map.isEmpty()) {
      map.forEach((key, value) -> {
        out.writeString((String) key);
        write(out, value);
      });
    }
  }

  private static void writeDecimal(ByteWriter out, BigDecimal d) {
    BigInteger unscaled = d.unscaledValue();
    boolean fitsLong = unscaled.bitLength() < Long.SIZE;
    out.writeByte(fitsLong ? DECIMAL_LONG : DECIMAL);
    out.writeCount(d.scale());
    if (fitsLong) {
      out.writeLong(unscaled.longValue());
    } else {
      out.writeBytes(unscaled.toByteArray());
    }
  }

  private static BigDecimal readDecimalLong(ByteReader in) {
    int scale = in.readCount();
    return BigDecimal.valueOf(in.readLong(), scale);
  }

  private static BigDecimal readDecimal(ByteReader in) {
    int scale = in.readCount();
    return new BigDecimal(new BigInteger(in.readBytes()), scale);
  }

  private static List<Object> readList(ByteReader in) {
    int size = in.readCount();
    List<Object> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(read(in));
    }
    return Collections.unmodifiableList(list);
  }

  private static Map<String, Object> readMapBody(ByteReader in) {
    int size = in.readCount();
    SmallMap<Object> map = new SmallMap<>(size);
    for (int i = 0; i < size; i++) {
      map.put(in.readString(), read(in));
    }
    return map.freeze();
  }
}
