package msftchina.slack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import msftchina.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replies acknowledged and not yet delivered, sent by a few workers, fair between channels:
 * each channel has its own queue, served in turn, and a channel's posts start at most one each
 * {@link Delivery#channelInterval()} (Slack's rate for chat.postMessage). A burst in one channel
 * therefore never holds up a reply in another. Failures are retried as {@link Delivery} says, the
 * pause held by the channel, not by a worker. On {@link #close} the outbox drains what it can
 * within the timeout and names every reply it could not deliver in a log line.
 *
 * <p>Bounded in bytes: each reply is queued with an estimate of the heap it holds until it is done
 * with (its text and blocks, counted as {@code 2 × characters} plus {@link
 * ReplyBudget#REPLY_OVERHEAD}). A reply that would take the replies waiting past {@link
 * ReplyBudget#MAX_BYTES} is not queued: its short "busy" note is, when one is given and the notes
 * waiting stay within {@link ReplyBudget#MAX_BUSY_BYTES}; otherwise the reply is given up at once,
 * named in a log line. So a flood the workers and Slack's rate can't keep up with costs at most
 * {@code MAX_BYTES + MAX_BUSY_BYTES} of heap, never all of it.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class SendQueue implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

  /**
   * How long a stop waits, after its timeout, for the replies being sent to get Slack's answer: 10
   * s by default, as Slack's client ({@code MSFTCHINA_SLACK_TIMEOUT}). A post cut off instead may
   * have been taken by Slack unbeknown to the bot, and be sent again by the next start.
   */
  static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(10);

  /** The error a reply is given up with when the outbox is full. */
  public static final String BUSY = "the bot is busy: too many replies waiting";

  private final ChannelTurns turns;
  private final SendWorkers workers;
  private final ReplyBudget budget;
  private final SendVerdicts verdicts;
  private final Duration inFlightGrace;
  private boolean closed;
  private boolean dropped;
  private boolean reported;

  /**
   * Starts the workers of {@code policy}, telling {@code metrics} of its depth, retries, replies
   * delivered and given up, and Slack's errors.
   */
  public SendQueue(Delivery policy, Metrics metrics) {
    this(policy, metrics, ReplyBudget.MAX_BYTES, ReplyBudget.MAX_BUSY_BYTES, IN_FLIGHT_GRACE);
  }

  /**
   * Starts as {@link #SendQueue(Delivery, Metrics)} does, holding at most {@code maxBytes} of
   * replies and {@code maxBusyBytes} of "busy" notes; a stop waits {@code inFlightGrace} for the
   * replies being sent (as long as one Web API call may take).
   */
  public SendQueue(
      Delivery policy, Metrics metrics, long maxBytes, long maxBusyBytes, Duration inFlightGrace) {
    this.inFlightGrace = inFlightGrace;
    this.budget = new ReplyBudget(maxBytes, maxBusyBytes);
    this.turns = new ChannelTurns(policy);
    this.verdicts = new SendVerdicts(policy, turns, budget, metrics);
    metrics.outboxDepth(this, SendQueue::pending);
    this.workers = new SendWorkers(policy.workers(), this::next, this::finish);
  }

  /**
   * Queues a reply to {@code channel}, sent by Slack's {@code method} ({@code chat.postMessage},
   * {@code response_url}, …: counted by it when it fails), named {@code what} in log lines; {@code
   * onFailure} hears the error if it is given up. Its cost is {@link
   * ReplyBudget#DEFAULT_REPLY_BYTES}. Returns false, with a log line, once the outbox is closing or
   * when it is full.
   */
  public boolean send(
      String channel,
      String method,
      String what,
      Delivery.Attempt attempt,
      Consumer<String> onFailure) {
    return send(channel, method, what, ReplyBudget.DEFAULT_REPLY_BYTES, attempt, null, onFailure);
  }

  /**
   * Queues a reply as {@link #send(String, String, String, Delivery.Attempt, Consumer)} does, that
   * holds about {@code bytes} of heap until it is done with. When it doesn't fit, {@code busy}
   * (when not null: a short note that the bot is busy, in the reply's place) is queued instead if
   * it fits; otherwise the reply is given up at once, named in a log line, and {@code onFailure}
   * hears {@link #BUSY}. Returns whether the reply itself was queued.
   */
  public boolean send(
      String channel,
      String method,
      String what,
      long bytes,
      Delivery.Attempt attempt,
      Delivery.Attempt busy,
      Consumer<String> onFailure) {
    boolean noted = false;
    long waiting;
    synchronized (this) {
      if (!closed) {
        if (budget.takeReply(bytes)) {
          enqueue(new QueuedReply(channel, method, what, attempt, onFailure, 0, bytes, false));
          return true;
        }
        if (busy != null && budget.takeBusyNote()) {
          long note = ReplyBudget.BUSY_NOTE_BYTES;
          enqueue(new QueuedReply(channel, method, what, busy, onFailure, 0, note, true));
          noted = true;
        }
      }
      waiting = budget.bytes();
      if (closed) {
        waiting = -1;
      }
    }
    verdicts.turnedAway(what, waiting, noted, onFailure);
    return false;
  }

  /** Returns the bytes a reply of {@code chars} characters holds: see {@link ReplyBudget}. */
  public static long replyBytes(long chars) {
    return ReplyBudget.replyBytes(chars);
  }

  private void enqueue(QueuedReply reply) {
    turns.add(reply);
    notifyAll();
  }

  /** Returns the bytes of replies and "busy" notes waiting or being sent, as estimated. */
  public synchronized long bytes() {
    return budget.bytes();
  }

  /** Returns how many replies wait or are being sent. */
  public synchronized int pending() {
    return turns.pending();
  }

  /**
   * Returns what died, for /healthz: how many of the workers ended before the outbox closed (an
   * Error, such as a StackOverflowError, in one); null when none did.
   */
  public String deadWorkers() {
    int dead = workers.dead();
    synchronized (this) {
      if (closed || dead == 0) {
        return null;
      }
    }
    return dead
        + " of "
        + workers.count()
        + " outbox workers died: replies are sent slowly or not at all";
  }

  /** Waits for the next reply whose channel's turn it is and whose pause is over. */
  private synchronized QueuedReply next() throws InterruptedException {
    while (true) {
      if (closed && turns.noneWaiting()) {
        return null;
      }
      long now = System.nanoTime();
      QueuedReply reply = turns.take(now);
      if (reply != null) {
        return reply;
      }
      long wait = turns.nanosToNext(now);
      if (wait == Long.MAX_VALUE) {
        wait();
      } else {
        TimeUnit.NANOSECONDS.timedWait(this, Math.max(wait, 1_000_000));
      }
    }
  }

  private void finish(QueuedReply reply, Delivery.Verdict outcome) {
    String error = null;
    synchronized (this) {
      if (reported) {
        return; // named in a log line when the outbox closed
      }
      if (outcome.delivered()) {
        verdicts.delivered(reply, outcome);
      } else {
        error = verdicts.failed(reply, outcome, dropped);
      }
      notifyAll();
    }
    if (error != null) {
      verdicts.givenUp(reply.what(), reply.onFailure(), error);
    }
  }

  /**
   * Takes no more replies, sends those waiting within {@code timeout}, lets those being sent then
   * get Slack's answer (at most the in-flight grace more), and names each reply left in a log line:
   * waiting (never sent) or in flight (outcome unknown).
   */
  public void close(Duration timeout) throws InterruptedException {
    close(timeout, inFlightGrace);
  }

  private void close(Duration timeout, Duration inFlightGrace) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      closed = true;
      notifyAll();
      while (pending() > 0 && end - System.nanoTime() > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
      }
      for (QueuedReply r : turns.clearWaiting()) {
        log.warn("{} not delivered: the bot stopped before it could be sent", r.what());
      }
      budget.clear();
      dropped = true;
      notifyAll();
      // Slack may have taken a post in flight: its answer decides whether the store still holds
      // the reply as pending, for the next start to send.
      long grace = System.nanoTime() + inFlightGrace.toNanos();
      while (!turns.inFlight().isEmpty() && grace - System.nanoTime() > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, grace - System.nanoTime());
      }
      for (QueuedReply r : turns.inFlight()) {
        log.warn("{} may not be delivered: still being sent when the bot stopped", r.what());
      }
      reported = true;
      notifyAll();
    }
    workers.stop();
  }

  /** Closes at once, naming each reply not yet delivered; an interrupt is passed on. */
  @Override
  public void close() {
    try {
      close(Duration.ZERO, Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
