package msftchina.server;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Socket Mode connection is up, when it is next checked or opened again, and what the
 * log has said of it. A connection that is down is opened again after pauses growing from {@link
 * #FIRST_PAUSE} to {@link #LONGEST_PAUSE}, for as long as it takes; an open one is checked every
 * {@link #CHECK_EVERY}. The log says once that the connection dropped or can't be opened and why,
 * again every {@link #LOG_AGAIN_EVERY} while it stays down, and once that it is back.
 *
 * <p>These timings are Slack's protocol as this bot keeps it, not operational bounds: they are
 * constants, not settings.
 *
 * <p>NOTE: safe for concurrent use (every field is guarded by this).
 */
final class ConnectionState {

  /** The pause after the first failed attempt; it doubles up to {@link #LONGEST_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

  /** How often an open connection is checked with a ping. */
  static final Duration CHECK_EVERY = Duration.ofSeconds(5);

  /** How often a connection that stays down is logged again. */
  static final Duration LOG_AGAIN_EVERY = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(SocketModeRunner.class);

  private boolean stopping;
  private boolean connected;
  private boolean everConnected;
  private long downSince = System.nanoTime();
  private boolean downLogged;
  private boolean failureLogged;
  private long lastLogged;
  private int tries;
  private long pauseMillis = FIRST_PAUSE.toMillis();
  private long nextCheck;

  /** Returns whether the connection is open (Slack has said hello on it). */
  synchronized boolean connected() {
    return connected;
  }

  /** Notes that the bot is stopping: nothing is logged from now. */
  synchronized void stop() {
    stopping = true;
  }

  /** Returns whether the bot is stopping. */
  synchronized boolean stopping() {
    return stopping;
  }

  /** Returns whether the connection is due a check (or, down, a new attempt). */
  synchronized boolean due() {
    return System.nanoTime() - nextCheck >= 0;
  }

  /** Puts the next check {@code after} from now. */
  synchronized void checkAfter(Duration after) {
    nextCheck = System.nanoTime() + after.toNanos();
  }

  /** Notes an attempt to open the connection again: the next one after a longer pause. */
  synchronized void tried() {
    tries++;
    nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseMillis);
    pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE.toMillis());
  }

  /** Notes Slack's hello: the connection is open; returns false when it was open already. */
  boolean hello() {
    long downFor;
    int triedTimes;
    boolean logged;
    boolean again;
    synchronized (this) {
      if (connected) {
        return false;
      }
      connected = true;
      again = everConnected;
      everConnected = true;
      downFor = System.nanoTime() - downSince;
      triedTimes = tries;
      logged = downLogged;
      downLogged = false;
      failureLogged = false;
      tries = 0;
      pauseMillis = FIRST_PAUSE.toMillis();
      nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
    }
    if (logged) {
      log.info(
          "Socket Mode: {} Slack after {} s ({} tr{}); answering again",
          again ? "connected again to" : "connected to",
          TimeUnit.NANOSECONDS.toSeconds(downFor),
          Math.max(1, triedTimes),
          Math.max(1, triedTimes) == 1 ? "y" : "ies");
    }
    return true;
  }

  /**
   * Notes that the connection is down, logging it once: {@code what} happened; {@code network} when
   * the cause may be the network between here and Slack.
   */
  void down(String what, boolean network) {
    synchronized (this) {
      if (!connected || stopping) {
        return;
      }
      connected = false;
      downSince = System.nanoTime();
      downLogged = true;
      lastLogged = downSince;
      nextCheck = downSince; // reconnect at the next check
    }
    if (!network) {
      log.warn(
          "Socket Mode: {}; reconnecting now. Replies already acknowledged are still posted", what);
      return;
    }
    log.warn(
        "Socket Mode: {}; reconnecting now, then with pauses growing to {} s. Replies already"
            + " acknowledged are still posted; if this repeats, check that this machine reaches"
            + " slack.com and wss-primary.slack.com on port 443",
        what,
        LONGEST_PAUSE.toSeconds());
  }

  /**
   * Notes a failed attempt to connect, logging the first of a run of them, then one every {@link
   * #LOG_AGAIN_EVERY} while they go on.
   */
  void cannotConnect(String reason) {
    long now = System.nanoTime();
    boolean first;
    long downFor;
    int triedTimes;
    boolean again;
    synchronized (this) {
      if (stopping || connected) {
        return;
      }
      first = !failureLogged;
      if (!first && now - lastLogged < LOG_AGAIN_EVERY.toNanos()) {
        return;
      }
      failureLogged = true;
      downLogged = true;
      lastLogged = now;
      downFor = now - downSince;
      triedTimes = tries;
      again = everConnected;
    }
    if (first) {
      log.warn(
          "Socket Mode: cannot {} Slack: {}; retrying in the background with pauses growing to"
              + " {} s (logged again every {} minutes while it fails). Check that this machine"
              + " reaches slack.com and wss-primary.slack.com on port 443 (or SLACK_API_URL)",
          again ? "reconnect to" : "connect to",
          reason,
          LONGEST_PAUSE.toSeconds(),
          LOG_AGAIN_EVERY.toMinutes());
    } else {
      log.warn(
          "Socket Mode: still not connected to Slack after {} min ({} tries): {}; retrying every"
              + " {} s",
          TimeUnit.NANOSECONDS.toMinutes(downFor),
          triedTimes,
          reason,
          LONGEST_PAUSE.toSeconds());
    }
  }

  /**
   * Returns what went wrong in {@code e}, in a few words, without its message (it may hold a URL).
   */
  static String describe(Throwable e) {
    String name = e.getClass().getSimpleName();
    if (e instanceof ConnectException) {
      return "connection refused or failed (" + name + ")";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host (" + name + ")";
    }
    if (e instanceof InterruptedIOException) {
      return "no answer in time (" + name + ")";
    }
    if (e instanceof SSLException) {
      return "TLS failed (" + name + ")";
    }
    if (e instanceof SlackApiException api) {
      return "HTTP " + api.getResponse().code();
    }
    return e instanceof IOException ? "network error (" + name + ")" : "error (" + name + ")";
  }
}
