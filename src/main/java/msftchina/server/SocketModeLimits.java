package msftchina.server;

import java.time.Duration;

/**
 * The Socket Mode connection's budgets ({@link EnvelopeQueue}, {@link SlackSocket}), each from its
 * {@code MSFTCHINA_…} variable.
 *
 * @param ackBudget how long after its arrival an envelope is acknowledged at the latest, its reply
 *     then going to its response_url ({@code MSFTCHINA_ACK_BUDGET}, 200 ms: a slash command is
 *     answered in about a millisecond, so it is late only behind a backlog; a burst's acks still
 *     reach Slack within half a second, far inside its 3 s)
 * @param queueBytes the most bytes of envelopes waiting, each counted at two bytes a character plus
 *     {@link Envelope#OVERHEAD} ({@code MSFTCHINA_ENVELOPE_QUEUE_BYTES}, 4 MiB: some 2,000 slash
 *     commands at once); past it, a new envelope is acknowledged and its user told the bot is busy
 * @param workers how many envelopes run at once ({@code MSFTCHINA_SOCKET_WORKERS}, 2: the handlers
 *     are CPU-bound, and with more on two cores a burst starved the connection's reader and the
 *     deadline acker, and acks came later)
 * @param maxFrameBytes the largest message read from Slack ({@code MSFTCHINA_MAX_FRAME_BYTES}, 1
 *     MiB, bigger than any envelope this bot answers); a bigger one closes the connection, which is
 *     opened again
 */
public record SocketModeLimits(
    Duration ackBudget, long queueBytes, int workers, int maxFrameBytes) {

  /** Today's budgets, used when no variable says otherwise. */
  public static final SocketModeLimits DEFAULTS =
      new SocketModeLimits(Duration.ofMillis(200), 4L << 20, 2, 1 << 20);

  /** Returns the budgets the environment read by {@code s} sets. */
  static SocketModeLimits from(Settings s) {
    int maxFrame =
        (int) s.size("MSFTCHINA_MAX_FRAME_BYTES", DEFAULTS.maxFrameBytes, 1 << 10, 64L << 20);
    long queue = s.size("MSFTCHINA_ENVELOPE_QUEUE_BYTES", DEFAULTS.queueBytes, 1 << 10, 1L << 40);
    long fits = 2L * maxFrame + Envelope.OVERHEAD; // one envelope always fits an empty queue
    if (queue < fits) {
      throw Settings.bad(
          "MSFTCHINA_ENVELOPE_QUEUE_BYTES",
          Settings.size(queue),
          "must be at least twice MSFTCHINA_MAX_FRAME_BYTES plus "
              + Envelope.OVERHEAD
              + " ("
              + fits
              + " bytes), so that the largest envelope fits");
    }
    return new SocketModeLimits(
        s.duration(
            "MSFTCHINA_ACK_BUDGET",
            DEFAULTS.ackBudget,
            Duration.ofMillis(1),
            Duration.ofMillis(2_500)),
        queue,
        s.count("MSFTCHINA_SOCKET_WORKERS", DEFAULTS.workers, 1, 64),
        maxFrame);
  }
}
