package msftchina.server;

import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the heap that request bodies take while they are read and handled: each request reserves
 * an estimate of it before its body is read ({@link #cost}: its declared length, or the largest
 * body when it declares none), and gives it back when answered. A request that would take the
 * requests in flight past the budget is answered 503 with {@code Retry-After: 1} at once, its body
 * unread: Slack retries an event answered so, and a flood of large bodies can't fill the heap.
 * Large bodies (over {@link #LARGE_BODY} bytes; Slack's requests are a few KB) may take only part
 * of the budget: the rest ({@link #RESERVE_SHARE}) is kept for small ones, so a flood of large
 * bodies cannot shut out Slack's own requests. Requests without a body (health, metrics) cost
 * nothing and always pass.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class BodyBudget extends Handler.Wrapper {

  private static final Logger log = LoggerFactory.getLogger(BodyBudget.class);

  /**
   * What a request costs beyond its body's bytes: Jetty's request and the servlet's wrappers, the
   * headers as strings.
   */
  static final int REQUEST_OVERHEAD = 4_096;

  /**
   * How many times its length a body takes on the heap while handled: the bytes read, the text Bolt
   * decodes them to, and the form or JSON parsed from it (each about the body's size).
   */
  static final int COPIES = 3;

  /** A body larger than this many bytes is large: none of Slack's requests comes near it. */
  static final long LARGE_BODY = 64 << 10;

  /** The share of the budget that large bodies may not take. */
  static final double RESERVE_SHARE = 0.25;

  private final long budget;
  private final long largeBudget;
  private final long largest;
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /** Lets {@code handler} have requests while their bodies' costs stay within {@code budget}. */
  BodyBudget(Handler handler, long budget, long largestBody) {
    super(handler);
    this.budget = budget;
    this.largeBudget = budget - (long) (budget * RESERVE_SHARE);
    this.largest = largestBody;
  }

  /** Returns what a request of {@code declared} bytes (-1: not declared) reserves. */
  long cost(long declared) {
    long length = declared < 0 ? largest : Math.min(declared, largest);
    return length == 0 ? 0 : REQUEST_OVERHEAD + COPIES * length;
  }

  /**
   * Reserves {@code cost} and returns true when the bodies in flight stay within what a body of
   * that cost may use: the whole budget for a small body, all but the reserve for a large one.
   * Never takes more than that, even for a moment, so a refused body can't make another refused.
   */
  boolean take(long cost) {
    long limit = cost > cost(LARGE_BODY) ? largeBudget : budget;
    while (true) {
      long now = reserved.get();
      if (now + cost > limit) {
        return false;
      }
      if (reserved.compareAndSet(now, now + cost)) {
        return true;
      }
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    boolean hasBody =
        request.getHeaders().contains(HttpHeader.CONTENT_LENGTH)
            || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    long cost = hasBody ? cost(request.getLength()) : 0;
    if (cost == 0) {
      return super.handle(request, response, callback);
    }
    if (!take(cost)) {
      if (refused.getAndIncrement() % 1_000 == 0) { // one line per thousand, not one per request
        log.warn(
            "request bodies are using the {} KiB they may: answering 503, Retry-After 1 s ({}"
                + " refused so far); Slack retries the events refused",
            budget >> 10,
            refused.get());
      }
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      response.write(true, null, callback);
      return true;
    }
    boolean handled;
    try {
      handled = super.handle(request, response, Callback.from(callback, () -> release(cost)));
    } catch (Exception | Error e) {
      release(cost);
      throw e;
    }
    if (!handled) {
      release(cost);
    }
    return handled;
  }

  void release(long cost) {
    reserved.addAndGet(-cost);
  }
}
