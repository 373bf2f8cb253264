package msftchina.server;

import java.time.Duration;

/**
 * The HTTP server's limits ({@link SlackServer}), each from its {@code MSFTCHINA_…} variable.
 *
 * @param maxBodyBytes the largest request body accepted ({@code MSFTCHINA_MAX_BODY_BYTES}, 1 MiB);
 *     a bigger one gets 413
 * @param bodyBudgetBytes the most heap request bodies may take while read and handled ({@code
 *     MSFTCHINA_BODY_BUDGET_BYTES}, 16 MiB: over a thousand of Slack's events at once); beyond, 503
 *     with Retry-After ({@link BodyBudget})
 * @param maxHeaderBytes the most bytes of request line and headers ({@code
 *     MSFTCHINA_MAX_HEADER_BYTES}, 8 KiB)
 * @param idleTimeout how long a connection may be idle, mid-request or between requests ({@code
 *     MSFTCHINA_IDLE_TIMEOUT}, 10 s)
 * @param headerDeadline the longest the request line and headers may take to arrive in full, from
 *     their first byte ({@code MSFTCHINA_HEADER_DEADLINE}, 10 s; Slack sends them at once)
 * @param bodyDeadline the longest a request body may take to arrive in full ({@code
 *     MSFTCHINA_BODY_DEADLINE}, 10 s)
 * @param maxConnections the most connections open at once ({@code MSFTCHINA_MAX_CONNECTIONS},
 *     2,000)
 * @param maxConnectionsPerAddress the most connections open at once from one address ({@code
 *     MSFTCHINA_MAX_CONNECTIONS_PER_ADDRESS}, 32)
 */
public record HttpLimits(
    int maxBodyBytes,
    long bodyBudgetBytes,
    int maxHeaderBytes,
    Duration idleTimeout,
    Duration headerDeadline,
    Duration bodyDeadline,
    int maxConnections,
    int maxConnectionsPerAddress) {

  /** Today's limits, used when no variable says otherwise. */
  public static final HttpLimits DEFAULTS =
      new HttpLimits(
          1 << 20,
          16L << 20,
          8 << 10,
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          2_000,
          32);

  /** Returns the limits the environment read by {@code s} sets. */
  static HttpLimits from(Settings s) {
    Duration second = Duration.ofSeconds(1);
    Duration hour = Duration.ofHours(1);
    int maxBody =
        (int) s.size("MSFTCHINA_MAX_BODY_BYTES", DEFAULTS.maxBodyBytes, 1 << 10, 1L << 30);
    long budget =
        s.size("MSFTCHINA_BODY_BUDGET_BYTES", DEFAULTS.bodyBudgetBytes, 1 << 10, 1L << 40);
    if (budget <= maxBody) {
      throw Settings.bad(
          "MSFTCHINA_BODY_BUDGET_BYTES",
          Settings.size(budget),
          "must be more than MSFTCHINA_MAX_BODY_BYTES (" + Settings.size(maxBody) + ")");
    }
    return new HttpLimits(
        maxBody,
        budget,
        (int) s.size("MSFTCHINA_MAX_HEADER_BYTES", DEFAULTS.maxHeaderBytes, 1 << 10, 1 << 20),
        s.duration("MSFTCHINA_IDLE_TIMEOUT", DEFAULTS.idleTimeout, second, hour),
        s.duration("MSFTCHINA_HEADER_DEADLINE", DEFAULTS.headerDeadline, second, hour),
        s.duration("MSFTCHINA_BODY_DEADLINE", DEFAULTS.bodyDeadline, second, hour),
        s.count("MSFTCHINA_MAX_CONNECTIONS", DEFAULTS.maxConnections, 1, 1_000_000),
        s.count(
            "MSFTCHINA_MAX_CONNECTIONS_PER_ADDRESS",
            DEFAULTS.maxConnectionsPerAddress,
            1,
            1_000_000));
  }
}
