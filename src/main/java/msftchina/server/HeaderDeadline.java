package msftchina.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request line and headers have not arrived in full within a deadline of
 * their first byte. Jetty's idle timeout bounds the pause between two bytes, not the time for all
 * of them: a sender of a header line every few seconds would otherwise hold its connection for as
 * long as it liked, before any handler (and {@link BodyDeadline}) sees the request.
 *
 * <p>Register it as the connector's listener (it follows each connection's bytes in) and as the
 * outermost handler (the request's headers have arrived when it is called; the next request's begin
 * once the response is complete). Every {@link #SWEEP} it looks at the connections waiting for
 * headers: one that has had bytes of a request for longer than the deadline is closed. A connection
 * idle between requests is left to the idle timeout.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class HeaderDeadline extends Handler.Wrapper implements Connection.Listener {

  /** How often waiting connections are looked at: the deadline holds within this. */
  static final Duration SWEEP = Duration.ofMillis(500);

  /** Where a connection is: {@code handling} a request, or waiting for the next one's headers. */
  private static final class Waiting {
    volatile boolean handling;

    /** The bytes in when the wait began. */
    volatile long bytesAtStart;

    /** When a byte of the next request was first seen, or 0 while none has been. */
    volatile long firstByteNanos;
  }

  private final Duration deadline;
  private final Map<Connection, Waiting> connections = new ConcurrentHashMap<>();
  private volatile Scheduler.Task sweep;

  HeaderDeadline(Handler handler, Duration deadline) {
    super(handler);
    this.deadline = deadline;
  }

  @Override
  public void onOpened(Connection connection) {
    connections.put(connection, new Waiting());
  }

  @Override
  public void onClosed(Connection connection) {
    connections.remove(connection);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Connection connection = request.getConnectionMetaData().getConnection();
    Waiting waiting = connections.get(connection);
    if (waiting == null) {
      return super.handle(request, response, callback);
    }
    waiting.handling = true;
    Callback done =
        Callback.from(
            callback,
            () -> {
              waiting.bytesAtStart = connection.getBytesIn();
              waiting.firstByteNanos = 0;
              waiting.handling = false;
            });
    boolean handled;
    try {
      handled = super.handle(request, response, done);
    } catch (Exception | Error e) {
      waiting.handling = false;
      throw e;
    }
    if (!handled) {
      waiting.handling = false;
    }
    return handled;
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    schedule();
  }

  @Override
  protected void doStop() throws Exception {
    Scheduler.Task task = sweep;
    if (task != null) {
      task.cancel();
    }
    super.doStop();
  }

  private void schedule() {
    if (isRunning() || isStarting()) {
      sweep =
          getServer().getScheduler().schedule(this::sweep, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Closes each connection that has waited too long for the rest of a request's headers. */
  private void sweep() {
    try {
      long now = System.nanoTime();
      connections.forEach(
          (connection, waiting) -> {
            if (waiting.handling) {
              return;
            }
            if (waiting.firstByteNanos == 0) {
              if (connection.getBytesIn() > waiting.bytesAtStart) {
                waiting.firstByteNanos = now;
              }
            } else if (now - waiting.firstByteNanos > deadline.toNanos()) {
              connection.getEndPoint().close();
            }
          });
    } finally {
      schedule();
    }
  }
}
