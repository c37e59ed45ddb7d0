package io.truecount.core.pipeline;

import io.truecount.core.Channel;
import io.truecount.core.ConnectionMethod;
import io.truecount.core.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The match keys and channel of recent first copies, so that a browser/server copy merged into
 * one can upgrade its key coverage and connection method. Bounded: merges come within 5 minutes.
 */
final class FirstCopies {
  private static final int LIMIT = 100_000;
  private static final int BROWSER_FLAG = 1 << 16;

  private final Map<Long, Integer> bySeq =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Integer> eldest) {
          return size() > LIMIT;
        }
      };

  void remember(long seq, int keyMask, Channel channel) {
    bySeq.put(seq, keyMask | (channel == Channel.BROWSER ? BROWSER_FLAG : 0));
  }

  void merge(long firstSeq, Event later, SourceHealth.NameStats stats) {
    Integer first = bySeq.get(firstSeq);
    if (first == null) {
      return;
    }
    int firstKeys = first & 0xFFFF;
    int added = later.user().presentMask() & ~firstKeys;
    stats.addKeys(added);
    ConnectionMethod before = method((first & BROWSER_FLAG) != 0 ? Channel.BROWSER : Channel.SERVER);
    stats.methods.merge(before, -1L, Long::sum);
    stats.methods.merge(ConnectionMethod.SERVER_AND_BROWSER, 1L, Long::sum);
    bySeq.remove(firstSeq);
  }

  static ConnectionMethod method(Channel channel) {
    return channel == Channel.BROWSER ? ConnectionMethod.BROWSER_ONLY : ConnectionMethod.SERVER_ONLY;
  }
}
