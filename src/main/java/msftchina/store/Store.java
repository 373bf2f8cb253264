package msftchina.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import msftchina.app.Gaps;
import msftchina.app.PendingReply;
import msftchina.app.QuestionAsked;
import msftchina.app.ReplySender;
import msftchina.app.Storage;
import msftchina.app.Vote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's memory in a database: what was asked and answered, feedback, seen events and pending
 * replies. Nothing here runs on a request's time but claiming an event, which waits at most a
 * second: recording is queued and written in batches by a thread of its own, and a SQLite file is
 * watched by another ({@link StoreFileWatch}).
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class Store implements Storage {

  private static final Logger log = LoggerFactory.getLogger("msftchina.store");

  private final Database db;
  private final Recorder recorder;
  private final EventLeases leases;
  private final StoreFileWatch fileWatch;
  private final AdminView adminView;
  private final ChannelTable channels;

  /** The store over {@code db}, whose SQLite {@code file} is watched (null for PostgreSQL). */
  private Store(Database db, StoreFile file) {
    this.db = db;
    this.recorder = new Recorder(db);
    this.leases = new EventLeases(db);
    this.fileWatch = new StoreFileWatch(file, leases);
    this.adminView = new AdminView(db);
    this.channels = new ChannelTable(db);
  }

  /** Opens the store of {@code settings}; see {@link Database#open}. */
  public static Store open(StoreSettings settings) throws StoreException {
    Database db = Database.open(settings);
    StoreFile file = settings.sqliteFile() == null ? null : StoreFile.opened(settings.sqliteFile());
    return new Store(db, file);
  }

  /**
   * Returns what is wrong with the store, for /healthz: its SQLite file deleted, replaced or
   * truncated while serving, or recording or claiming events failing; null when nothing is.
   */
  @Override
  public String problem() {
    String lost = fileWatch.problem();
    if (lost != null) {
      return lost;
    }
    String recording = recorder.problem();
    return recording != null ? recording : leases.problem();
  }

  /**
   * Returns which of the store's threads died while it runs (the recorder, the sweep of pending
   * replies), for /healthz; null when none did.
   */
  @Override
  public String deadWorkers() {
    String recorder = this.recorder.death();
    return recorder != null ? recorder : leases.death();
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

  @Override
  public void start(ReplySender sender) {
    leases.start(sender::send);
  }

  /**
   * Claims the event of {@code reply} for this copy, storing the reply as pending; returns false
   * only when a copy (this one or another) already took the event. Waits at most {@code waitMillis}
   * (at most a second) for the database: when it is slower or gone, returns true.
   */
  @Override
  public boolean firstTime(PendingReply reply, long waitMillis) {
    EventLeases.Claim claim = leases.claim(reply, waitMillis);
    if (reply.eventId() != null && !reply.eventId().isEmpty()) {
      if (claim == EventLeases.Claim.UNKNOWN) {
        fileWatch.lookSoon(); // a failing write: is the file still there?
      }
      String lost = fileWatch.problem();
      if (claim == EventLeases.Claim.UNKNOWN) {
        log.warn(
            "reply to event {} in channel {} is not stored: {}; it is sent from this copy's"
                + " memory, and no later start will send it if serve stops first",
            reply.eventId(),
            reply.channel(),
            lost != null ? lost : "the database failed or did not answer in time");
      } else if (claim == EventLeases.Claim.FIRST && lost != null) {
        log.warn(
            "reply to event {} in channel {} is stored only in the lost database ({}): it is sent"
                + " from this copy's memory, and no later start will send it if serve stops first",
            reply.eventId(),
            reply.channel(),
            lost);
      }
    }
    return claim != EventLeases.Claim.REPEAT;
  }

  /** Notes that the reply to {@code eventId} was delivered or given up: it is no longer pending. */
  @Override
  public void done(String eventId) {
    leases.done(eventId);
  }

  @Override
  public void asked(QuestionAsked asked) {
    String q = asked.question() == null ? "" : asked.question();
    recorder.asked(
        q.length() <= Recorder.MAX_QUESTION
            ? asked
            : new QuestionAsked(
                asked.at(),
                asked.surface(),
                asked.team(),
                asked.channel(),
                asked.user(),
                q.substring(0, Recorder.MAX_QUESTION),
                asked.outcome(),
                asked.millis(),
                asked.report(),
                asked.version()));
  }

  @Override
  public void voted(Vote vote) {
    recorder.voted(vote);
  }

  /**
   * Returns the last 30 days' first gaps and votes when {@code userId} is one of {@code
   * MSFTCHINA_ADMINS}, for App Home ({@link AdminView}); empty for anyone else.
   */
  @Override
  public Optional<Gaps> adminView(String userId) {
    return adminView.forUser(userId);
  }

  /** Returns the report {@code channel} asks first, as last read from the database. */
  @Override
  public Optional<String> channelReport(String channel) {
    return channels.report(channel);
  }

  @Override
  public boolean setChannelReport(String team, String channel, String report, String user) {
    return channels.set(team, channel, report, user);
  }

  /** Returns whether {@code user} is one of {@code MSFTCHINA_ADMINS}. */
  @Override
  public boolean admin(String user) {
    return user != null && db.settings().admins().contains(user);
  }

  /**
   * Returns how many questions and votes were dropped since start, unrecorded: the recorder's queue
   * was full or the database failed.
   */
  @Override
  public long recordsDropped() {
    return recorder.queue().droppedSinceStart();
  }

  /** Returns how many questions and votes wait to be written. */
  @Override
  public int recordsQueued() {
    return recorder.queue().size();
  }

  /**
   * Returns how many looks at the SQLite file have ended, with what they logged; 0 when there is
   * none.
   */
  long fileLooks() {
    return fileWatch.looks();
  }

  /** Returns the database. */
  public Database database() {
    return db;
  }

  /** Writes what is queued and stops; pending replies are left to the next start. */
  @Override
  public void close() {
    fileWatch.close();
    channels.close();
    leases.close();
    recorder.close();
  }
}
