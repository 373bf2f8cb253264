package msftchina.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The threads that send the {@link SendQueue}'s replies: each takes the next reply, attempts it and
 * hands back Slack's verdict, until the queue has none left; a thread ended by an Error is counted,
 * for /healthz.
 */
final class SendWorkers {

  /** Where the workers take their replies from. */
  interface Next {

    /** Waits for the next reply to send; returns null when there will be none. */
    QueuedReply next() throws InterruptedException;
  }

  private final int count;
  private final ExecutorService threads;
  private final AtomicInteger alive = new AtomicInteger();

  /**
   * Starts {@code count} daemon threads, named {@code outbox-N}, that send the replies {@code next}
   * gives and hand each reply's verdict to {@code finish}.
   */
  SendWorkers(int count, Next next, BiConsumer<QueuedReply, Delivery.Verdict> finish) {
    this.count = count;
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(count, r -> daemon(r, "outbox-" + n.incrementAndGet()));
    for (int i = 0; i < count; i++) {
      alive.incrementAndGet();
      threads.execute(() -> work(next, finish));
    }
  }

  /** Returns how many of the workers ended (an Error, such as a StackOverflowError, in one). */
  int dead() {
    return count - alive.get();
  }

  /** Returns how many workers were started. */
  int count() {
    return count;
  }

  /** Interrupts the workers and waits a second for them to end. */
  void stop() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(1, TimeUnit.SECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true); // never keeps a stopping JVM alive
    return t;
  }

  private void work(Next next, BiConsumer<QueuedReply, Delivery.Verdict> finish) {
    try {
      for (QueuedReply reply = take(next); reply != null; reply = take(next)) {
        finish.accept(reply, Delivery.attempt(reply.attempt()));
      }
    } finally {
      alive.decrementAndGet();
    }
  }

  /** Returns the next reply; null when there will be none, or when the worker is stopped. */
  private static QueuedReply take(Next next) {
    try {
      return next.next();
    } catch (InterruptedException e) {
      return null; // stopped: the thread ends
    }
  }
}
