package msftchina.server;

import java.time.Duration;
import msftchina.slack.Delivery;
import msftchina.slack.ReplyBudget;

/**
 * How replies go to Slack after the request that asked for them ({@link msftchina.slack.SendQueue},
 * {@link Delivery}), and how long a Web API call may take, each from its {@code MSFTCHINA_…}
 * variable.
 *
 * @param queueBytes the most bytes of replies waiting to be sent ({@code
 *     MSFTCHINA_SEND_QUEUE_BYTES}, 8 MiB); a reply past it is not queued, its short busy note is
 * @param busyBytes the most bytes of busy notes waiting, beyond {@code queueBytes} ({@code
 *     MSFTCHINA_BUSY_NOTE_BYTES}, 512 KiB)
 * @param delivery how many times a reply is tried and the pauses between ({@code
 *     MSFTCHINA_SEND_ATTEMPTS} 4, {@code MSFTCHINA_SEND_FIRST_PAUSE} 500 ms doubling up to {@code
 *     MSFTCHINA_SEND_LONGEST_PAUSE} 30 s); one post a second a channel, {@code
 *     MSFTCHINA_SEND_WORKERS} (8) at once
 * @param slackTimeout the longest one Web API call may take ({@code MSFTCHINA_SLACK_TIMEOUT}, 10 s;
 *     reading and writing each take at most half of it)
 */
public record SendLimits(
    long queueBytes, long busyBytes, Delivery delivery, Duration slackTimeout) {

  /** Today's limits, used when no variable says otherwise. */
  public static final SendLimits DEFAULTS =
      new SendLimits(
          ReplyBudget.MAX_BYTES,
          ReplyBudget.MAX_BUSY_BYTES,
          new Delivery(4, Duration.ofMillis(500), Duration.ofSeconds(30)),
          Duration.ofSeconds(10));

  /** Returns the limits the environment read by {@code s} sets. */
  static SendLimits from(Settings s) {
    Delivery d = DEFAULTS.delivery;
    Duration ms = Duration.ofMillis(1);
    Duration hour = Duration.ofHours(1);
    return new SendLimits(
        s.size("MSFTCHINA_SEND_QUEUE_BYTES", DEFAULTS.queueBytes, 64L << 10, 1L << 40),
        s.size("MSFTCHINA_BUSY_NOTE_BYTES", DEFAULTS.busyBytes, 4L << 10, 1L << 30),
        new Delivery(
            s.count("MSFTCHINA_SEND_ATTEMPTS", d.maxAttempts(), 1, 100),
            s.duration("MSFTCHINA_SEND_FIRST_PAUSE", d.firstPause(), ms, hour),
            s.duration("MSFTCHINA_SEND_LONGEST_PAUSE", d.longestPause(), ms, hour),
            d.channelInterval(), // Slack's rate for a channel, not a setting: see Delivery
            s.count("MSFTCHINA_SEND_WORKERS", d.workers(), 1, 64)),
        s.duration(
            "MSFTCHINA_SLACK_TIMEOUT",
            DEFAULTS.slackTimeout,
            Duration.ofSeconds(1),
            Duration.ofMinutes(5)));
  }

  /** Returns these limits with {@code other} as the delivery policy. */
  public SendLimits with(Delivery other) {
    return new SendLimits(queueBytes, busyBytes, other, slackTimeout);
  }
}
