package msftchina.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import msftchina.search.Answer;
import msftchina.search.Match;

/**
 * Writes questions and votes to the database from a thread of its own, in batches, so that a slow
 * or missing database never holds up an answer. Records wait in a queue bounded in bytes ({@link
 * #MAX_QUEUED_BYTES}, a record counted as {@code 2 × its question's characters} plus {@link
 * #RECORD_OVERHEAD}) and by count; when it is full, or the database fails, they are dropped and
 * counted, and the count is written once the database is back. Also deletes rows older than the
 * retention period, at start and daily, {@link #CLEAN_UP_BATCH} rows a transaction with a pause
 * between, so that claiming an event never waits long for the database's lock.
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

  /** The most rows of a table one clean-up transaction deletes (a few milliseconds of lock). */
  static final int CLEAN_UP_BATCH = 1_000;

  /** The pause between two clean-up transactions, in which others take the lock. */
  static final long CLEAN_UP_PAUSE_MILLIS = 20;

  private final Database db;
  private final StoreSettings.Recording mode;
  private final long retention;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong droppedSinceStart = new AtomicLong();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final Health health;
  private final Thread thread;
  private volatile boolean running = true;
  private Connection connection;
  private PreparedStatement insertQuestion;
  private long nextCleanUp;
  private CleanUp cleanUp;

  Recorder(Database db) {
    this.db = db;
    this.mode = db.settings().record();
    this.retention = Duration.ofDays(db.settings().retentionDays()).toMillis();
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
  void asked(Asked asked) {
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
        record instanceof Asked a ? a.question() : record instanceof Vote v ? v.question() : null;
    return RECORD_OVERHEAD + 2L * (question == null ? 0 : question.length());
  }

  private void run() {
    List<Object> batch = new ArrayList<>(BATCH);
    do { // at least once: the clean-up at start
      try {
        Object first =
            queue.poll(cleanUp == null ? 1_000 : CLEAN_UP_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
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
        if (cleanUp != null && running) {
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
      Map<List<Object>, Long> counts = new HashMap<>();
      long now = System.currentTimeMillis();
      if (droppedBefore > 0) {
        counts.merge(List.of(now / DAY, "dropped", ""), droppedBefore, Long::sum);
      }
      if (mode == StoreSettings.Recording.FULL) {
        writeFull(batch);
      } else {
        for (Object record : batch) {
          countsOf(record, counts);
        }
      }
      writeCounts(counts);
      connection.commit();
      if (now >= nextCleanUp) {
        cleanUp = new CleanUp(now - retention, now - Math.min(retention, DAY));
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

  private void writeFull(List<Object> batch) throws SQLException {
    PreparedStatement q = insertQuestion;
    try (PreparedStatement v =
        connection.prepareStatement(
            "INSERT INTO votes (user_id, question_key, statement, question, vote, voted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, question_key, statement)"
                + " DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at")) {
      int questions = 0;
      int votes = 0;
      for (Object record : batch) {
        if (record instanceof Asked a) {
          Outcome outcome = outcomeOf(a);
          q.setLong(1, a.at());
          q.setString(2, a.surface().label());
          q.setString(3, id(a.team()));
          q.setString(4, id(a.channel()));
          q.setString(5, id(a.user()));
          q.setString(6, cut(a.question()));
          q.setString(7, outcome.statements());
          q.setString(8, outcome.reason());
          q.setString(9, outcome.missing());
          q.setString(10, outcome.strength());
          q.setInt(11, a.millis());
          q.addBatch();
          questions++;
        } else if (record instanceof Vote vote) {
          v.setString(1, id(vote.user()));
          v.setString(2, vote.questionKey());
          v.setString(3, vote.statement());
          v.setString(4, cut(vote.question()));
          v.setInt(5, vote.up() ? 1 : -1);
          v.setLong(6, vote.at());
          v.addBatch();
          votes++;
        }
      }
      if (questions > 0) {
        q.executeBatch();
      }
      if (votes > 0) {
        v.executeBatch();
      }
    }
  }

  private void countsOf(Object record, Map<List<Object>, Long> counts) {
    if (record instanceof Asked a) {
      long day = a.at() / DAY;
      counts.merge(List.of(day, "surface", a.surface().label()), 1L, Long::sum);
      Answer answer = a.answer();
      if (answer == null) {
        return;
      }
      counts.merge(List.of(day, "answered", answer.answered() ? "yes" : "no"), 1L, Long::sum);
      for (Match m : answer.matches()) {
        counts.merge(List.of(day, "statement", m.fact().id()), 1L, Long::sum);
      }
      if (answer.refusal() != null) {
        counts.merge(List.of(day, "reason", answer.refusal().reason().name()), 1L, Long::sum);
      }
    } else if (record instanceof Vote vote) {
      counts.merge(
          List.of(vote.at() / DAY, vote.up() ? "up" : "down", vote.statement()), 1L, Long::sum);
    }
  }

  private void writeCounts(Map<List<Object>, Long> counts) throws SQLException {
    if (counts.isEmpty()) {
      return;
    }
    try (PreparedStatement c =
        connection.prepareStatement(
            "INSERT INTO counts (day, kind, name, n) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (day, kind, name) DO UPDATE SET n = counts.n + excluded.n")) {
      for (Map.Entry<List<Object>, Long> e : counts.entrySet()) {
        c.setLong(1, (Long) e.getKey().get(0));
        c.setString(2, (String) e.getKey().get(1));
        c.setString(3, (String) e.getKey().get(2));
        c.setLong(4, e.getValue());
        c.addBatch();
      }
      c.executeBatch();
    }
  }

  /**
   * A clean-up under way: questions, votes and counts older than {@code cutoff}, and events seen
   * before {@code seenCutoff}, deleted a batch at a time.
   */
  private static final class CleanUp {
    final long cutoff;
    final long seenCutoff;
    int table;

    CleanUp(long cutoff, long seenCutoff) {
      this.cutoff = cutoff;
      this.seenCutoff = seenCutoff;
    }
  }

  /** The tables cleaned up, with the column that dates their rows. */
  private static final List<String[]> DATED =
      List.of(
          new String[] {"questions", "asked_at"},
          new String[] {"votes", "voted_at"},
          new String[] {"counts", "day"},
          new String[] {"seen_events", "seen_at"});

  /**
   * Deletes the next batch of at most {@link #CLEAN_UP_BATCH} rows past the retention, in a
   * transaction of its own; the clean-up is over once every table has a batch short of full. A
   * failure leaves it to go on after a pause.
   */
  private void cleanUpSome() throws InterruptedException {
    CleanUp c = cleanUp;
    String[] dated = DATED.get(c.table);
    long before =
        switch (dated[0]) {
          case "counts" -> c.cutoff / DAY;
          case "seen_events" -> c.seenCutoff;
          default -> c.cutoff;
        };
    // SQLite's rowid and PostgreSQL's ctid name a row: a batch is the first rows found.
    String row = db.settings().sqlite() ? "rowid" : "ctid";
    try {
      if (connection == null) {
        connect();
      }
      int deleted;
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM "
                  + dated[0]
                  + " WHERE "
                  + row
                  + " IN (SELECT "
                  + row
                  + " FROM "
                  + dated[0]
                  + " WHERE "
                  + dated[1]
                  + " < ? LIMIT "
                  + CLEAN_UP_BATCH
                  + ")")) {
        delete.setLong(1, before);
        deleted = delete.executeUpdate();
      }
      connection.commit();
      if (deleted < CLEAN_UP_BATCH && ++c.table == DATED.size()) {
        cleanUp = null;
      }
    } catch (SQLException | RuntimeException e) {
      closeConnection();
      health.failed(e);
      Thread.sleep(RETRY_PAUSE);
    }
  }

  /** An answer as the questions table stores it. */
  private record Outcome(
      Answer answer, String statements, String reason, String missing, String strength) {

    static final Outcome UNKNOWN = new Outcome(null, "", null, null, "UNKNOWN");

    static Outcome of(Answer answer) {
      return new Outcome(
          answer,
          answer.matches().stream()
              .map(m -> m.fact().id() + " " + m.score())
              .collect(Collectors.joining(",")),
          answer.refusal() == null ? null : answer.refusal().reason().name(),
          answer.refusal() == null ? null : String.join("\n", answer.refusal().missing()),
          answer.strength().name());
    }
  }

  /** Returns the outcome of the answer recorded with {@code a}, unknown when it came without. */
  private static Outcome outcomeOf(Asked a) {
    return a.answer() == null ? Outcome.UNKNOWN : Outcome.of(a.answer());
  }

  private static String cut(String question) {
    String q = question == null ? "" : question.strip();
    return q.length() > MAX_QUESTION ? q.substring(0, MAX_QUESTION) : q;
  }

  private static String id(String id) {
    return id == null || id.length() <= 32 ? id : id.substring(0, 32);
  }

  private void connect() throws SQLException {
    connection = db.connect();
    connection.setAutoCommit(false);
    insertQuestion =
        connection.prepareStatement(
            "INSERT INTO questions (asked_at, surface, team_id, channel_id, user_id,"
                + " question, statements, reason, missing, strength, millis)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
