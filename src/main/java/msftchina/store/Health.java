package msftchina.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one user of the database (recording, pending replies) can reach it, logging one WARN line
 * when it starts failing and one when it recovers, never one per failure.
 *
 * <p>NOTE: safe for concurrent use.
 */
final class Health {

  private static final Logger log = LoggerFactory.getLogger("msftchina.store");

  private final String what;
  private final String meanwhile;
  private final String where;
  private boolean failing;
  private long failingSince;
  private String reason;

  /**
   * Tracks {@code what} (e.g. "recording") on the database {@code where}; {@code meanwhile} says
   * what happens while it fails.
   */
  Health(String what, String meanwhile, String where) {
    this.what = what;
    this.meanwhile = meanwhile;
    this.where = where;
  }

  /** Notes a failure; logs the first of a run of failures. */
  synchronized void failed(Exception e) {
    if (!failing) {
      failing = true;
      failingSince = System.currentTimeMillis();
      reason = reason(e);
      log.warn("{} is failing: cannot write to {} ({}); {}", what, where, reason(e), meanwhile);
    }
  }

  /** Notes a success; logs the first after a run of failures, with {@code detail}. */
  synchronized void ok(String detail) {
    if (failing) {
      failing = false;
      log.warn(
          "{} recovered: {} reachable again after {} s{}",
          what,
          where,
          (System.currentTimeMillis() - failingSince) / 1000,
          detail.isEmpty() ? "" : "; " + detail);
    }
  }

  /**
   * Returns what is wrong, for /healthz (e.g. "recording is failing: cannot write to data/x.db
   * (reason)"), or null when the last use succeeded.
   */
  synchronized String problem() {
    return failing ? what + " is failing: cannot write to " + where + " (" + reason + ")" : null;
  }

  /** Returns whether the last use failed. */
  synchronized boolean failing() {
    return failing;
  }

  private static String reason(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = StoreSettings.redactUrls(m.strip().lines().findFirst().orElse("").strip());
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }
}
