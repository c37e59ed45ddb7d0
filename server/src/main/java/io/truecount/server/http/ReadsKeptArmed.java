package io.truecount.server.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Keeps a connection's socket registered for reads while its request waits for the group commit,
 * and suspends them only if bytes do arrive (a pipelined request, or the client closing).
 *
 * <p>Undertow suspends reads on every request it starts and resumes them when the exchange ends.
 * When the answer comes later, from the log writer, the selector applies both changes: two
 * {@code epoll_ctl} calls a request, 14 % of the IO threads' time for single events
 * (docs/benchmarks.md). Resumed again before the IO thread goes back to its selector, the
 * registration does not change, and Undertow's own resume at the end is a no-op. The listener
 * set here does what Undertow's read listener does while a request runs: suspend on the first
 * readiness; the end of the exchange puts Undertow's listener back and resumes.
 */
final class ReadsKeptArmed {
  private ReadsKeptArmed() {}

  /** Call on the IO thread, once the request body has been read whole. */
  static void whileWaiting(HttpServerExchange exchange) {
    if (exchange.isInIoThread() && exchange.getConnection() instanceof HttpServerConnection connection) {
      StreamSourceConduit socket = connection.getOriginalSourceConduit();
      connection.getChannel().getSourceChannel().setReadListener(channel -> socket.suspendReads());
      socket.resumeReads();
    }
  }
}
