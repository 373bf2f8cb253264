package msftchina.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import msftchina.search.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's memory in a database: what was asked and answered, feedback, seen events and pending
 * replies. Nothing here runs on a request's time but claiming an event, which waits at most a
 * second: recording is queued and written in batches by a thread of its own.
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class Store implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger("msftchina.store");

  /** How often a SQLite file is looked at for being deleted, replaced or truncated. */
  static final long WATCH_MILLIS = 2_000;

  private final Database db;
  private final Recorder recorder;
  private final Outbox outbox;
  private final StoreFile file;
  private final ScheduledExecutorService watch;
  private final AtomicBoolean lookSoon = new AtomicBoolean();
  private volatile Consumer<PendingReply> deliver;

  private Store(Database db, Recorder recorder, Outbox outbox, StoreFile file) {
    this.db = db;
    this.recorder = recorder;
    this.outbox = outbox;
    this.file = file;
    if (file == null) {
      this.watch = null;
    } else {
      this.watch =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "store-watch");
                t.setDaemon(true);
                return t;
              });
      // Runs until the store closes; it logs what it finds itself.
      var unused =
          watch.scheduleWithFixedDelay(
              this::watchFile, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Opens the store of {@code settings}; see {@link Database#open}. */
  public static Store open(StoreSettings settings) throws StoreException {
    Database db = Database.open(settings);
    StoreFile file = settings.sqliteFile() == null ? null : StoreFile.opened(settings.sqliteFile());
    return new Store(db, new Recorder(db), new Outbox(db), file);
  }

  /**
   * Looks at the SQLite file; the first time it is found lost, names each reply pending in it (it
   * is sent from this copy's memory, but no later start will find it).
   */
  private void watchFile() {
    lookSoon.set(false);
    boolean before = file.problem() != null;
    String problem = file.check();
    if (problem != null && !before) {
      for (String eventId : outbox.owned()) {
        log.warn(
            "reply to event {} is pending only in the lost database: it is sent from this copy's"
                + " memory, and no later start will send it if serve stops first",
            eventId);
      }
    }
  }

  /**
   * Returns what is wrong with the store, for /healthz: its SQLite file deleted, replaced or
   * truncated while serving, or recording or claiming events failing; null when nothing is (and for
   * a store that keeps nothing).
   */
  public String problem() {
    if (db == null) {
      return null;
    }
    String lost = file == null ? null : file.problem();
    if (lost != null) {
      return lost;
    }
    String recording = recorder.problem();
    return recording != null ? recording : outbox.problem();
  }

  /**
   * Returns which of the store's threads died while it runs (the recorder, the sweep of pending
   * replies), for /healthz; null when none did.
   */
  public String deadWorkers() {
    if (db == null) {
      return null;
    }
    String recorder = this.recorder.death();
    return recorder != null ? recorder : outbox.death();
  }

  /**
   * Opens the store of {@code settings} on another thread, so that start-up can go on meanwhile;
   * the future fails with the {@link StoreException} {@link #open} would throw.
   */
  public static CompletableFuture<Store> openInBackground(StoreSettings settings) {
    CompletableFuture<Store> opening = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                opening.complete(open(settings));
              } catch (StoreException | RuntimeException e) {
                opening.completeExceptionally(e);
              }
            },
            "store-open");
    thread.setDaemon(true);
    thread.start();
    return opening;
  }

  /** Returns a store that keeps nothing: every event is new, nothing is recorded. */
  public static Store none() {
    return new Store(null, null, null, null);
  }

  /**
   * Connects the store to the app: {@code deliver} delivers a pending reply this copy takes over
   * from a stopped one (once {@link #start} is called).
   */
  public void bind(Consumer<PendingReply> deliver) {
    if (db != null) {
      this.deliver = deliver;
    }
  }

  /** Starts taking over and delivering the replies that stopped copies left pending. */
  public void start() {
    if (db != null && deliver != null) {
      outbox.start(deliver);
    }
  }

  /**
   * Claims the event of {@code reply} for this copy, storing the reply as pending; returns false
   * only when a copy (this one or another) already took the event. Waits at most a second for the
   * database: when it is slower or gone, returns true.
   */
  public boolean firstTime(PendingReply reply) {
    if (db == null) {
      return true;
    }
    Outbox.Claim claim = outbox.claim(reply);
    if (reply.eventId() != null && !reply.eventId().isEmpty()) {
      if (claim == Outbox.Claim.UNKNOWN && watch != null && lookSoon.compareAndSet(false, true)) {
        try {
          watch.execute(this::watchFile); // a failing write: is the file still there?
        } catch (RejectedExecutionException e) {
          // closing
        }
      }
      String lost = file == null ? null : file.problem();
      if (claim == Outbox.Claim.UNKNOWN) {
        log.warn(
            "reply to event {} in channel {} is not stored: {}; it is sent from this copy's"
                + " memory, and no later start will send it if serve stops first",
            reply.eventId(),
            reply.channel(),
            lost != null ? lost : "the database failed or took over 1 s");
      } else if (claim == Outbox.Claim.FIRST && lost != null) {
        log.warn(
            "reply to event {} in channel {} is stored only in the lost database ({}): it is sent"
                + " from this copy's memory, and no later start will send it if serve stops first",
            reply.eventId(),
            reply.channel(),
            lost);
      }
    }
    return claim != Outbox.Claim.REPEAT;
  }

  /** Notes that the reply to {@code eventId} was delivered or given up: it is no longer pending. */
  public void done(String eventId) {
    if (db != null) {
      outbox.done(eventId);
    }
  }

  /**
   * Records a question asked on {@code surface} and its {@code answer} (null to have the recorder
   * work it out), answered {@code millis} after it arrived.
   */
  public void asked(
      Surface surface,
      String team,
      String channel,
      String user,
      String question,
      Answer answer,
      long millis) {
    if (db == null) {
      return;
    }
    String q = question == null ? "" : question;
    if (q.length() > Recorder.MAX_QUESTION) {
      q = q.substring(0, Recorder.MAX_QUESTION);
    }
    recorder.asked(
        new Asked(
            System.currentTimeMillis(),
            surface,
            team,
            channel,
            user,
            q,
            answer,
            (int) Math.max(0, Math.min(millis, Integer.MAX_VALUE))));
  }

  /** Records a 👍 or 👎; the same user's later click on the same answer replaces it. */
  public void voted(Vote vote) {
    if (db != null && vote != null) {
      recorder.voted(vote);
    }
  }

  /** The most refused questions, and the most answers voted down, the admins' view holds. */
  public static final int ADMIN_GAPS = 8;

  /**
   * How long the admins' view is shown as read before it is read again: however often admins open
   * the Home tab, the database counts the 30 days' gaps at most once in this time.
   */
  static final Duration ADMIN_VIEW_FRESH = Duration.ofSeconds(30);

  private final Object adminLock = new Object();
  private Gaps adminGaps;
  private long adminGapsRead;

  /**
   * Returns the last 30 days' first {@link #ADMIN_GAPS} gaps and votes when {@code userId} is one
   * of {@code MSFTCHINA_ADMINS}, for App Home; empty for anyone else or when the database can't be
   * read. Counted by the database, and kept for {@link #ADMIN_VIEW_FRESH}: call it from a worker,
   * never on a request's time (a first read over a big store takes a fraction of a second).
   */
  public Optional<Gaps> adminView(String userId) {
    if (db == null || userId == null || !db.settings().admins().contains(userId)) {
      return Optional.empty();
    }
    synchronized (adminLock) {
      long now = System.nanoTime();
      if (adminGaps == null || now - adminGapsRead > ADMIN_VIEW_FRESH.toNanos()) {
        try (Connection c = db.connect()) {
          adminGaps =
              Gaps.read(c, System.currentTimeMillis() - Duration.ofDays(30).toMillis(), ADMIN_GAPS);
          adminGapsRead = now;
        } catch (SQLException e) {
          return Optional.empty();
        }
      }
      return Optional.of(adminGaps);
    }
  }

  /**
   * Returns how many questions and votes were dropped since start, unrecorded: the recorder's queue
   * was full or the database failed.
   */
  public long recordsDropped() {
    return db == null ? 0 : recorder.droppedSinceStart();
  }

  /** Returns how many questions and votes wait to be written. */
  public int recordsQueued() {
    return db == null ? 0 : recorder.queued();
  }

  /** Returns the database, or null for a store that keeps nothing. */
  public Database database() {
    return db;
  }

  /** Writes what is queued and stops; pending replies are left to the next start. */
  @Override
  public void close() {
    if (watch != null) {
      watch.shutdownNow();
    }
    if (db != null) {
      outbox.close();
      recorder.close();
    }
  }
}
