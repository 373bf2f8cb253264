package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import msftchina.app.QuestionAsked;
import msftchina.app.Vote;

/**
 * Writes questions and votes to the database from a thread of its own, in batches, so that a slow
 * or missing database never holds up an answer. Records wait in a queue bounded in bytes ({@link
 * #MAX_QUEUED_BYTES}, a record counted as {@code 2 × its question's characters} plus {@link
 * #RECORD_OVERHEAD}) and by count; when it is full, or the database fails, they are dropped and
 * counted, and the count is written once the database is back. Also has {@link Retention} delete
 * rows older than the retention period, at start and daily, a batch at a time.
 *
 * <p>NOTE: {@link #asked} and {@link #voted} are safe to call from any thread and never block.
 */
final class Recorder implements AutoCloseable {

  /** The most records waiting to be written. */
  static final int CAPACITY = 4_096;

  /**
   * The most bytes of records waiting to be written: 2 MiB, a few seconds of a flood of long
   * questions while the database is slow; what doesn't fit is dropped and counted.
   */
  static final long MAX_QUEUED_BYTES = 2L << 20;

  /**
   * What a record holds beyond its question's characters: the record, its ids (team, channel,
   * user), the answer's few small records, and the queue's slot.
   */
  static final int RECORD_OVERHEAD = 384;

  /** The longest question recorded, in characters; longer ones are cut. */
  static final int MAX_QUESTION = 2_000;

  private static final int BATCH = 4_096;

  /**
   * How long the writer gathers records after the first of a batch: a busy bot commits about ten
   * times a second rather than once a question (a commit costs more than many rows).
   */
  private static final long GATHER_MILLIS = 100;

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long RETRY_PAUSE = 1_000;

  private final Database db;
  private final StoreSettings.Recording mode;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong droppedSinceStart = new AtomicLong();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Health health;
  private final Thread thread;
  private volatile boolean running = true;
  private Connection connection;
  private PreparedStatement insertQuestion;
  private final Retention retention;
  private long nextCleanUp;

  Recorder(Database db) {
    this.db = db;
    this.mode = db.settings().record();
    this.retention =
        new Retention(
            Duration.ofDays(db.settings().retentionDays()).toMillis(), db.settings().sqlite());
    this.health =
        new Health(
            "recording",
            "questions and votes are dropped and counted until it recovers",
            db.settings().where());
    this.thread = new Thread(this::run, "store-recorder");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a question to be recorded. */
  void asked(QuestionAsked asked) {
    if (mode != StoreSettings.Recording.OFF) {
      offer(asked);
    }
  }

  /** Queues a vote to be recorded. */
  void voted(Vote vote) {
    if (mode != StoreSettings.Recording.OFF) {
      offer(vote);
    }
  }

  /** Returns how many records were dropped since start and not yet counted in the database. */
  long dropped() {
    return dropped.get();
  }

  /** Returns how many records were dropped since start, counted in the database or not. */
  long droppedSinceStart() {
    return droppedSinceStart.get();
  }

  /** Returns what is wrong with recording, or null: see {@link Health#problem}. */
  String problem() {
    return health.problem();
  }

  /** Returns what died, for /healthz: the recorder's thread while it should run; else null. */
  String death() {
    return running && !thread.isAlive()
        ? "the store's recorder thread died: questions and votes are no longer recorded"
        : null;
  }

  /** Returns the bytes of the records waiting to be written, as estimated. */
  long queuedBytes() {
    return queuedBytes.get();
  }

  /** Returns how many records wait to be written. */
  int queued() {
    return queue.size();
  }

  private void offer(Object record) {
    long cost = bytes(record);
    if (queuedBytes.addAndGet(cost) > MAX_QUEUED_BYTES) {
      queuedBytes.addAndGet(-cost);
      dropped.incrementAndGet();
      droppedSinceStart.incrementAndGet();
    } else if (!queue.offer(record)) {
      queuedBytes.addAndGet(-cost);
      dropped.incrementAndGet();
      droppedSinceStart.incrementAndGet();
    }
  }

  /** Returns what {@code record} holds while it waits, as estimated. */
  static long bytes(Object record) {
    String question =
        record instanceof QuestionAsked a
            ? a.question()
            : record instanceof Vote v ? v.question() : null;
    return RECORD_OVERHEAD + 2L * (question == null ? 0 : question.length());
  }

  private void run() {
    List<Object> batch = new ArrayList<>(BATCH);
    do { // at least once: the clean-up at start
      try {
        Object first =
            queue.poll(
                retention.underWay() ? Retention.PAUSE_MILLIS : 1_000, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          if (running) {
            Thread.sleep(GATHER_MILLIS);
          }
          queue.drainTo(batch, BATCH - 1);
          queuedBytes.addAndGet(-batch.stream().mapToLong(Recorder::bytes).sum());
        }
        if (!batch.isEmpty() || dropped.get() > 0 || System.currentTimeMillis() >= nextCleanUp) {
          write(batch);
        }
        if (retention.underWay() && running) {
          cleanUpSome();
        }
      } catch (InterruptedException e) {
        running = false;
      }
      batch.clear();
    } while (running || !queue.isEmpty());
    closeConnection();
  }

  /** Writes {@code batch} in one transaction; on failure drops it, counted, and pauses. */
  private void write(List<Object> batch) throws InterruptedException {
    long droppedBefore = dropped.getAndSet(0);
    try {
      if (connection == null) {
        connect();
      }
      DailyCounts counts = new DailyCounts();
      long now = System.currentTimeMillis();
      if (droppedBefore > 0) {
        counts.dropped(now, droppedBefore);
      }
      if (mode == StoreSettings.Recording.FULL) {
        RecordRows.write(connection, insertQuestion, batch);
      } else {
        batch.forEach(counts::add);
      }
      counts.write(connection);
      connection.commit();
      if (now >= nextCleanUp) {
        retention.begin(now);
        nextCleanUp = now + DAY;
      }
      health.ok(droppedBefore > 0 ? droppedBefore + " records were dropped meanwhile" : "");
    } catch (SQLException | RuntimeException e) {
      dropped.addAndGet(droppedBefore + batch.size());
      droppedSinceStart.addAndGet(batch.size());
      closeConnection();
      health.failed(e);
      if (running) {
        Thread.sleep(RETRY_PAUSE);
      }
    }
  }

  /**
   * Deletes the next batch past the retention in a transaction of its own; a failure leaves the
   * clean-up to go on after a pause.
   */
  private void cleanUpSome() throws InterruptedException {
    try {
      if (connection == null) {
        connect();
      }
      retention.deleteSome(connection);
    } catch (SQLException | RuntimeException e) {
      closeConnection();
      health.failed(e);
      Thread.sleep(RETRY_PAUSE);
    }
  }

  private void connect() throws SQLException {
    connection = db.connect();
    connection.setAutoCommit(false);
    insertQuestion = RecordRows.insertQuestion(connection);
  }

  private void closeConnection() {
    // A connection whose statement failed to prepare (its table gone with a deleted file) has
    // none to close: the recorder thread must outlive any broken connection.
    try {
      if (insertQuestion != null) {
        insertQuestion.close();
      }
    } catch (SQLException e) {
      // already broken
    }
    insertQuestion = null;
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // already broken
    }
    connection = null;
  }

  /** Writes what is queued (waiting up to 5 s), then stops. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
