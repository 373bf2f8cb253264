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
 * <p>Bounded in bytes: each reply is queued with an estimate of the heap it holds until it is done
 * with (its text and blocks, counted as {@code 2 × characters} plus {@link #REPLY_OVERHEAD}). A
 * reply that would take the replies waiting past {@link #MAX_BYTES} is not queued: its short "busy"
 * note is, when one is given and the notes waiting stay within {@link #MAX_BUSY_BYTES}; otherwise
 * the reply is given up at once, named in a log line. So a flood the workers and Slack's rate can't
 * keep up with costs at most {@code MAX_BYTES + MAX_BUSY_BYTES} of heap, never all of it.
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
   * The most bytes of replies waiting or in flight: 8 MiB, some 800 answers to short questions or
   * 300 to 4,000-character ones, several minutes of Slack's rate of a post a second in each of a
   * few channels; a reply that would wait longer is better told that the bot is busy.
   */
  public static final long MAX_BYTES = 8L << 20;

  /**
   * The most bytes of "busy" notes waiting or in flight, beyond {@link #MAX_BYTES}: 512 KiB, 1,024
   * notes of {@link #BUSY_NOTE_BYTES}.
   */
  public static final long MAX_BUSY_BYTES = 512L << 10;

  /**
   * What a queued reply holds beyond the characters counted for it: the outbox's record, the
   * closures that send it and hear its failure, its log name (about 60 characters), the ids it
   * names and the answer's small records (the statements themselves are the knowledge base's).
   */
  public static final int REPLY_OVERHEAD = 1_024;

  /**
   * The estimate for a reply queued without one ({@link #send(String, String, String,
   * Delivery.Attempt, Consumer)}: shares, shortcuts, Home tabs): a rendered answer as Block Kit
   * objects, about 3,000 characters of text in a few dozen small objects.
   */
  public static final long DEFAULT_REPLY_BYTES = 16L << 10;

  /** What a "busy" note costs: its text is a constant; the record, closures and ids. */
  public static final long BUSY_NOTE_BYTES = 512;

  /** The error a reply is given up with when the outbox is full. */
  public static final String BUSY = "the bot is busy: too many replies waiting";

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
      int tries,
      long bytes,
      boolean busy) {

    Reply retried() {
      return new Reply(channel, method, what, attempt, onFailure, tries + 1, bytes, busy);
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
  private final AtomicInteger alive = new AtomicInteger();
  private final Metrics metrics;
  private final long maxBytes;
  private final long maxBusyBytes;
  private long bytes;
  private long busyBytes;
  private boolean closed;
  private boolean dropped;
  private boolean reported;

  /**
   * Starts the workers of {@code policy}, telling {@code metrics} of its depth, retries, replies
   * delivered and given up, and Slack's errors.
   */
  public SendQueue(Delivery policy, Metrics metrics) {
    this(policy, metrics, MAX_BYTES, MAX_BUSY_BYTES);
  }

  /**
   * Starts as {@link #SendQueue(Delivery, Metrics)} does, holding at most {@code maxBytes} of
   * replies and {@code maxBusyBytes} of "busy" notes.
   */
  public SendQueue(Delivery policy, Metrics metrics, long maxBytes, long maxBusyBytes) {
    this.maxBytes = maxBytes;
    this.maxBusyBytes = maxBusyBytes;
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
      alive.incrementAndGet();
      workers.execute(this::work);
    }
  }

  /**
   * Queues a reply to {@code channel}, sent by Slack's {@code method} ({@code chat.postMessage},
   * {@code response_url}, …: counted by it when it fails), named {@code what} in log lines; {@code
   * onFailure} hears the error if it is given up. Its cost is {@link #DEFAULT_REPLY_BYTES}. Returns
   * false, with a log line, once the outbox is closing or when it is full.
   */
  public boolean send(
      String channel,
      String method,
      String what,
      Delivery.Attempt attempt,
      Consumer<String> onFailure) {
    return send(channel, method, what, DEFAULT_REPLY_BYTES, attempt, null, onFailure);
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
        if (this.bytes + bytes <= maxBytes) {
          this.bytes += bytes;
          enqueue(new Reply(channel, method, what, attempt, onFailure, 0, bytes, false));
          return true;
        }
        if (busy != null && busyBytes + BUSY_NOTE_BYTES <= maxBusyBytes) {
          busyBytes += BUSY_NOTE_BYTES;
          enqueue(new Reply(channel, method, what, busy, onFailure, 0, BUSY_NOTE_BYTES, true));
          noted = true;
        }
      }
      waiting = this.bytes + busyBytes;
      if (closed) {
        waiting = -1;
      }
    }
    if (waiting < 0) {
      log.warn("{} not delivered: the bot is stopping", what);
      return false;
    }
    metrics.outboxShed();
    if (noted) {
      log.warn(
          "{} not answered: the bot is busy ({} KiB of replies waiting); telling the user so",
          what,
          waiting >> 10);
      return false;
    }
    log.warn(
        "{} not answered, nor told: the bot is busy ({} KiB of replies and notes waiting)",
        what,
        waiting >> 10);
    metrics.outboxGivenUp();
    if (onFailure != null) {
      try {
        onFailure.accept(BUSY);
      } catch (RuntimeException e) {
        log.warn("{}: the notice that it failed was not sent either: {}", what, e.toString());
      }
    }
    return false;
  }

  /**
   * Returns the bytes a reply of {@code chars} characters in all (its text, its blocks as JSON, and
   * the strings it keeps for later) holds while it waits: {@code 2 × chars} plus {@link
   * #REPLY_OVERHEAD}.
   */
  public static long replyBytes(long chars) {
    return 2 * chars + REPLY_OVERHEAD;
  }

  private void enqueue(Reply reply) {
    Channel c = channels.computeIfAbsent(reply.channel(), k -> new Channel());
    if (c.replies.isEmpty()) {
      turns.addLast(reply.channel());
    }
    c.replies.addLast(reply);
    notifyAll();
  }

  /** Returns the bytes of replies and "busy" notes waiting or being sent, as estimated. */
  public synchronized long bytes() {
    return bytes + busyBytes;
  }

  /** Returns how many replies wait or are being sent. */
  public synchronized int pending() {
    return inFlight.size() + channels.values().stream().mapToInt(c -> c.replies.size()).sum();
  }

  /**
   * Returns what died, for /healthz: how many of the workers ended before the outbox closed (an
   * Error, such as a StackOverflowError, in one); null when none did.
   */
  public String deadWorkers() {
    int dead = policy.workers() - alive.get();
    synchronized (this) {
      if (closed || dead == 0) {
        return null;
      }
    }
    return dead
        + " of "
        + policy.workers()
        + " outbox workers died: replies are sent slowly or not at all";
  }

  private void work() {
    try {
      workUntilClosed();
    } finally {
      alive.decrementAndGet();
    }
  }

  private void workUntilClosed() {
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
      if (outcome.delivered() || error != null) {
        release(reply);
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

  private void release(Reply reply) {
    if (reply.busy()) {
      busyBytes -= reply.bytes();
    } else {
      bytes -= reply.bytes();
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
      bytes = 0;
      busyBytes = 0;
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
