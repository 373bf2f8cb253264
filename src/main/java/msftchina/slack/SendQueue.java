package msftchina.slack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>NOTE: safe for concurrent use.
 */
public final class SendQueue implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SendQueue.class);

  /**
   * How long a stop waits, after its timeout, for the replies being sent to get Slack's answer: 10
   * s, when Slack's client gives up a call (server.Bot). A post cut off instead (its worker
   * interrupted) may have been taken by Slack without the bot learning it, and be sent again by the
   * next start.
   */
  static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(10);

  /**
   * A reply waiting: {@code method} is the Slack method that sends it, {@code what} names it in log
   * lines (event id and channel, never its text).
   */
  private record Reply(
      String channel,
      String method,
      String what,
      Delivery.Attempt attempt,
      Consumer<String> onFailure,
      int tries) {

    Reply retried() {
      return new Reply(channel, method, what, attempt, onFailure, tries + 1);
    }
  }

  /** One channel's queue, and when its next post may start. */
  private static final class Channel {
    final ArrayDeque<Reply> replies = new ArrayDeque<>();
    long notBefore;
    long nextPause;
  }

  private final Delivery policy;
  private final Map<String, Channel> channels = new HashMap<>();
  private final ArrayDeque<String> turns = new ArrayDeque<>();
  private final List<Reply> inFlight = new ArrayList<>();
  private final ExecutorService workers;
  private final Metrics metrics;
  private boolean closed;
  private boolean dropped;
  private boolean reported;

  /**
   * Starts the workers of {@code policy}, telling {@code metrics} of its depth, retries, replies
   * delivered and given up, and Slack's errors.
   */
  public SendQueue(Delivery policy, Metrics metrics) {
    this.policy = policy;
    this.metrics = metrics;
    metrics.outboxDepth(this, SendQueue::pending);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            policy.workers(),
            r -> {
              Thread t = new Thread(r, "outbox-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < policy.workers(); i++) {
      workers.execute(this::work);
    }
  }

  /**
   * Queues a reply to {@code channel}, sent by Slack's {@code method} ({@code chat.postMessage},
   * {@code response_url}, …: counted by it when it fails), named {@code what} in log lines; {@code
   * onFailure} hears the error if it is given up. Returns false, with a log line, once the outbox
   * is closing.
   */
  public boolean send(
      String channel,
      String method,
      String what,
      Delivery.Attempt attempt,
      Consumer<String> onFailure) {
    synchronized (this) {
      if (!closed) {
        Channel c = channels.computeIfAbsent(channel, k -> new Channel());
        if (c.replies.isEmpty()) {
          turns.addLast(channel);
        }
        c.replies.addLast(new Reply(channel, method, what, attempt, onFailure, 0));
        notifyAll();
        return true;
      }
    }
    log.warn("{} not delivered: the bot is stopping", what);
    return false;
  }

  /** Returns how many replies wait or are being sent. */
  public synchronized int pending() {
    return inFlight.size() + channels.values().stream().mapToInt(c -> c.replies.size()).sum();
  }

  private void work() {
    while (true) {
      Reply reply;
      try {
        reply = next();
      } catch (InterruptedException e) {
        return;
      }
      if (reply == null) {
        return;
      }
      Delivery.Verdict outcome = Delivery.attempt(reply.attempt());
      finish(reply, outcome);
    }
  }

  /** Waits for the next reply whose channel's turn it is and whose pause is over. */
  private synchronized Reply next() throws InterruptedException {
    while (true) {
      if (closed && turns.isEmpty()) {
        return null;
      }
      long now = System.nanoTime();
      long wait = Long.MAX_VALUE;
      Iterator<String> it = turns.iterator();
      while (it.hasNext()) {
        String id = it.next();
        Channel c = channels.get(id);
        if (c.notBefore - now <= 0) {
          it.remove();
          Reply reply = c.replies.pollFirst();
          c.notBefore = now + policy.channelInterval().toNanos();
          if (!c.replies.isEmpty()) {
            turns.addLast(id);
          }
          inFlight.add(reply);
          return reply;
        }
        wait = Math.min(wait, c.notBefore - now);
      }
      if (wait == Long.MAX_VALUE) {
        wait();
      } else {
        TimeUnit.NANOSECONDS.timedWait(this, Math.max(wait, 1_000_000));
      }
    }
  }

  private void finish(Reply reply, Delivery.Verdict outcome) {
    String error = null;
    synchronized (this) {
      if (reported) {
        return; // named in a log line when the outbox closed
      }
      inFlight.remove(reply);
      Channel c = channels.get(reply.channel());
      if (outcome.delivered()) {
        metrics.outboxDelivered();
      } else {
        metrics.slackError(reply.method(), Delivery.code(outcome));
      }
      if (outcome.delivered()) {
        c.nextPause = 0;
      } else if (dropped && outcome.retryAfterMillis() >= 0) {
        log.warn(
            "{} not delivered: {}, and the bot stopped before it could be retried",
            reply.what(),
            outcome.error());
      } else if (outcome.retryAfterMillis() >= 0 && reply.tries() + 1 < policy.maxAttempts()) {
        long pause = outcome.retryAfterMillis();
        if (pause == Delivery.BACKOFF) {
          c.nextPause =
              c.nextPause == 0
                  ? policy.firstPause().toMillis()
                  : Math.min(c.nextPause * 2, policy.longestPause().toMillis());
          pause = c.nextPause;
        }
        if (c.replies.isEmpty()) {
          turns.remove(reply.channel());
          turns.addLast(reply.channel());
        }
        c.replies.addFirst(reply.retried());
        c.notBefore = Math.max(c.notBefore, System.nanoTime() + pause * 1_000_000);
        metrics.outboxRetried();
        log.info("{}: {}; retrying in {} ms", reply.what(), outcome.error(), pause);
      } else if (outcome.retryAfterMillis() >= 0) {
        error = outcome.error();
        log.warn("{} not delivered after {} attempts: {}", reply.what(), reply.tries() + 1, error);
      } else {
        error = outcome.error();
        log.warn("{} not delivered: {}", reply.what(), error);
      }
      if (c.replies.isEmpty() && !inFlightTo(reply.channel())) {
        channels.remove(reply.channel());
      }
      notifyAll();
    }
    if (error != null) {
      metrics.outboxGivenUp();
    }
    if (error != null && reply.onFailure() != null) {
      try {
        reply.onFailure().accept(error);
      } catch (RuntimeException e) {
        // A worker outlives any one reply: a failure notice that can't be sent is a log line.
        log.warn(
            "{}: the notice that it failed was not sent either: {}", reply.what(), e.toString());
      }
    }
  }

  private boolean inFlightTo(String channel) {
    return inFlight.stream().anyMatch(r -> r.channel().equals(channel));
  }

  /**
   * Takes no more replies, sends those waiting within {@code timeout}, lets those being sent then
   * get Slack's answer (at most {@link #IN_FLIGHT_GRACE} more), and names each reply left in a log
   * line: waiting (never sent) or in flight (outcome unknown).
   */
  public void close(Duration timeout) throws InterruptedException {
    close(timeout, IN_FLIGHT_GRACE);
  }

  private void close(Duration timeout, Duration inFlightGrace) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      closed = true;
      notifyAll();
      while (pending() > 0 && end - System.nanoTime() > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
      }
      for (Channel c : channels.values()) {
        for (Reply r : c.replies) {
          log.warn("{} not delivered: the bot stopped before it could be sent", r.what());
        }
        c.replies.clear();
      }
      turns.clear();
      dropped = true;
      notifyAll();
      // Slack may have taken a post in flight: its answer decides whether the store still holds
      // the reply as pending, for the next start to send.
      long grace = System.nanoTime() + inFlightGrace.toNanos();
      while (!inFlight.isEmpty() && grace - System.nanoTime() > 0) {
        TimeUnit.NANOSECONDS.timedWait(this, grace - System.nanoTime());
      }
      for (Reply r : inFlight) {
        log.warn("{} may not be delivered: still being sent when the bot stopped", r.what());
      }
      reported = true;
      notifyAll();
    }
    workers.shutdownNow();
    workers.awaitTermination(1, TimeUnit.SECONDS);
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
