package msftchina.store;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The questions and votes waiting for the {@link Recorder} to write them, bounded in bytes ({@link
 * StoreSettings#recordQueueBytes}, a record counted as {@code 2 × its question's characters} plus
 * {@link #RECORD_OVERHEAD}) and by count ({@link #CAPACITY}); what doesn't fit is dropped and
 * counted.
 *
 * <p>NOTE: safe for concurrent use; {@link #offer} never blocks.
 */
final class RecordQueue {

  /** The most records waiting to be written. */
  static final int CAPACITY = 4_096;

  /**
   * What a record holds beyond its question's characters: the record, its ids (team, channel,
   * user), the answer's few small records, and the queue's slot.
   */
  static final int RECORD_OVERHEAD = 384;

  private final long maxBytes;
  private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong droppedSinceStart = new AtomicLong();

  /** Creates a queue holding at most {@code maxBytes} of records, as estimated. */
  RecordQueue(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Queues {@code record}, or drops and counts it. */
  void offer(Queued record) {
    long cost = bytes(record);
    if (queuedBytes.addAndGet(cost) > maxBytes || !queue.offer(record)) {
      queuedBytes.addAndGet(-cost);
      dropped.incrementAndGet();
      droppedSinceStart.incrementAndGet();
    }
  }

  /** Returns what {@code record} holds while it waits, as estimated. */
  static long bytes(Queued record) {
    String question = record.question();
    return RECORD_OVERHEAD + 2L * (question == null ? 0 : question.length());
  }

  /** Waits up to {@code millis} for a record; returns it, or null. */
  Queued poll(long millis) throws InterruptedException {
    Queued record = queue.poll(millis, TimeUnit.MILLISECONDS);
    if (record != null) {
      queuedBytes.addAndGet(-bytes(record));
    }
    return record;
  }

  /** Moves at most {@code max} records waiting into {@code batch}. */
  void drainTo(List<Queued> batch, int max) {
    int from = batch.size();
    queue.drainTo(batch, max);
    long freed = 0;
    for (Queued record : batch.subList(from, batch.size())) {
      freed += bytes(record);
    }
    queuedBytes.addAndGet(-freed);
  }

  /** Returns whether no record waits. */
  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Returns how many records wait to be written. */
  int size() {
    return queue.size();
  }

  /** Returns the bytes of the records waiting to be written, as estimated. */
  long bytes() {
    return queuedBytes.get();
  }

  /** Returns how many records were dropped and not yet counted in the database. */
  long dropped() {
    return dropped.get();
  }

  /** Returns the count of dropped records not yet in the database, and starts it again at 0. */
  long takeDropped() {
    return dropped.getAndSet(0);
  }

  /**
   * Counts again {@code uncounted} drops whose count failed to be written, and {@code lost} records
   * newly dropped with them.
   */
  void droppedAgain(long uncounted, int lost) {
    dropped.addAndGet(uncounted + lost);
    droppedSinceStart.addAndGet(lost);
  }

  /** Returns how many records were dropped since start, counted in the database or not. */
  long droppedSinceStart() {
    return droppedSinceStart.get();
  }
}
