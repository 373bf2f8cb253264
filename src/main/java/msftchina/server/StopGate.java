package msftchina.server;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests the app is running, over HTTP and Socket Mode alike, so that a stop closes
 * the index only after the last of them: once closed, a request is answered 503 ("stopping")
 * without running, and one that fails while the bot stops (what it used is closing) is a 503 with
 * one log line, never a 500 with a stack trace.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class StopGate implements Middleware {

  /** The status of a request answered while the bot stops. */
  static final int STOPPING = 503;

  private static final Logger log = LoggerFactory.getLogger(StopGate.class);

  private int running;
  private boolean closed;

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface takes a raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    synchronized (this) {
      if (closed) {
        return stopping();
      }
      running++;
    }
    try {
      return chain.next(req);
    } catch (RuntimeException e) {
      if (!isClosed()) {
        throw e;
      }
      log.warn(
          "{} request failed while the bot was stopping ({}); answered {}",
          req.getRequestType(),
          e.getClass().getSimpleName(),
          STOPPING);
      return stopping();
    } finally {
      synchronized (this) {
        running--;
        notifyAll();
      }
    }
  }

  /** Takes no more requests. */
  synchronized void close() {
    closed = true;
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  /** Waits until no request is running, at most {@code timeout}; a log line names what is left. */
  synchronized void awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (running > 0 && end - System.nanoTime() > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
    }
    if (running > 0) {
      log.warn(
          "{} request(s) still running after {} s; stopping anyway (they are answered {})",
          running,
          timeout.toSeconds(),
          STOPPING);
    }
  }

  private static Response stopping() {
    return Response.builder()
        .statusCode(STOPPING)
        .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
        .body("{\"error\":\"stopping\"}")
        .build();
  }
}
