package msftchina.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes the connection of a request whose body has not arrived in full within a deadline. Jetty's
 * idle timeout bounds the pause between two bytes, not the time for all of them, and its minimum
 * data rates apply to blocking reads, not to the body {@code EagerContentHandler} reads before a
 * worker is given the request: a sender of one byte every few seconds would otherwise hold its
 * connection for as long as it liked.
 *
 * <p>Wrap the handler that reads the body with this, and the handler it dispatches to with {@link
 * #arrived}.
 */
final class BodyDeadline extends Handler.Wrapper {

  private static final String TASK = BodyDeadline.class.getName() + ".task";

  private final Duration deadline;

  BodyDeadline(Handler handler, Duration deadline) {
    super(handler);
    this.deadline = deadline;
  }

  /** Returns {@code handler}, called once the body has arrived: the deadline is then lifted. */
  static Handler arrived(Handler handler) {
    return new Handler.Wrapper(handler) {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        if (request.getAttribute(TASK) instanceof Scheduler.Task task) {
          task.cancel();
        }
        return super.handle(request, response, callback);
      }
    };
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    // At the deadline the body fails as a read would: the reader answers 408 and Jetty closes
    // the connection, whose body was not read to its end.
    Scheduler.Task task =
        request
            .getComponents()
            .getScheduler()
            .schedule(
                () -> request.fail(new HttpException.RuntimeException(408, "body too slow")),
                deadline.toMillis(),
                TimeUnit.MILLISECONDS);
    request.setAttribute(TASK, task);
    boolean handled;
    try {
      handled = super.handle(request, response, Callback.from(callback, task::cancel));
    } catch (Exception | Error e) {
      task.cancel();
      throw e;
    }
    if (!handled) {
      task.cancel();
    }
    return handled;
  }
}
