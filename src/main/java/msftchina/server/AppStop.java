package msftchina.server;

import com.slack.api.bolt.App;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What both transports do to stop the app, in the order each needs: close its {@link StopGate} and
 * wait for the requests running, and let the work its requests left in the background finish.
 *
 * @param app the Bolt app, whose executor runs the work acknowledged requests left
 * @param gate the gate every request of the app passes
 * @param timeout how long each of the two waits lasts at most
 */
record AppStop(App app, StopGate gate, Duration timeout) {

  /** Takes no more requests (they are answered 503) and waits for those running. */
  void closeGate() throws InterruptedException {
    gate.close();
    gate.awaitIdle(timeout);
  }

  /** Lets the app's work in the background finish, then interrupts what is left of it. */
  void finishBackgroundWork() throws InterruptedException {
    app.executorService().shutdown();
    if (!app.executorService().awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      app.executorService().shutdownNow();
    }
  }
}
