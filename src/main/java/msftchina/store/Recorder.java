package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import msftchina.app.QuestionAsked;
import msftchina.app.Vote;

/**
 * Writes questions and votes to the database from a thread of its own, in batches, so that a slow
 * or missing database never holds up an answer. Records wait in a {@link RecordQueue}, bounded in
 * bytes; when it is full, or the database fails, they are dropped and counted, and the count is
 * written once the database is back. Also has {@link Retention} delete rows older than the
 * retention period, at start and daily, a batch at a time.
 *
 * <p>NOTE: {@link #asked} and {@link #voted} are safe to call from any thread and never block.
 */
final class Recorder implements AutoCloseable {

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

  private final StoreSettings.Recording mode;
  private final RecordQueue queue;
  private final Health health;
  private final Thread thread;
  private volatile boolean running = true;
  private final LazyConnection connection;
  private PreparedStatement insertQuestion;
  private final Retention retention;
  private long nextCleanUp;

  Recorder(Database db) {
    this.connection = new LazyConnection(db);
    this.mode = db.settings().record();
    this.queue = new RecordQueue(db.settings().recordQueueBytes());
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
      queue.offer(Queued.of(asked));
    }
  }

  /** Queues a vote to be recorded. */
  void voted(Vote vote) {
    if (mode != StoreSettings.Recording.OFF) {
      queue.offer(Queued.of(vote));
    }
  }

  /** Returns the records waiting to be written, and the count of those dropped. */
  RecordQueue queue() {
    return queue;
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

  private void run() {
    List<Queued> batch = new ArrayList<>(BATCH);
    do { // at least once: the clean-up at start
      try {
        Queued first = queue.poll(retention.underWay() ? Retention.PAUSE_MILLIS : 1_000);
        if (first != null) {
          batch.add(first);
          if (running) {
            Thread.sleep(GATHER_MILLIS);
          }
          queue.drainTo(batch, BATCH - 1);
        }
        if (!batch.isEmpty() || queue.dropped() > 0 || System.currentTimeMillis() >= nextCleanUp) {
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
  private void write(List<Queued> batch) throws InterruptedException {
    long droppedBefore = queue.takeDropped();
    try {
      Connection c = connection.get();
      if (insertQuestion == null) {
        insertQuestion = RecordRows.insertQuestion(c);
      }
      DailyCounts counts = new DailyCounts();
      long now = System.currentTimeMillis();
      if (droppedBefore > 0) {
        counts.dropped(now, droppedBefore);
      }
      if (mode == StoreSettings.Recording.FULL) {
        RecordRows.write(c, insertQuestion, batch);
      } else {
        for (Queued record : batch) {
          record.writeTo(counts);
        }
      }
      counts.write(c);
      c.commit();
      if (now >= nextCleanUp) {
        retention.begin(now);
        nextCleanUp = now + DAY;
      }
      health.ok(droppedBefore > 0 ? droppedBefore + " records were dropped meanwhile" : "");
    } catch (SQLException | RuntimeException e) {
      queue.droppedAgain(droppedBefore, batch.size());
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
      retention.deleteSome(connection.get());
    } catch (SQLException | RuntimeException e) {
      closeConnection();
      health.failed(e);
      Thread.sleep(RETRY_PAUSE);
    }
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
    connection.close();
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
