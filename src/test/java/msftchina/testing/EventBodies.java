package msftchina.testing;

import java.time.Instant;

/** Events API request bodies as Slack sends them to the bot, for tests to sign and send. */
public final class EventBodies {

  private EventBodies() {}

  /** Returns an {@code event_callback} whose {@code event} is {@code eventJson}, sent now. */
  public static String callback(String eventId, String eventJson) {
    return "{\"token\":\"unused\",\"team_id\":\"T0LOCAL\",\"api_app_id\":\"A0LOCAL\",\"event\":"
        + eventJson
        + ",\"type\":\"event_callback\",\"event_id\":\""
        + eventId
        + "\",\"event_time\":"
        + Instant.now().getEpochSecond()
        + ",\"authorizations\":[{\"team_id\":\"T0LOCAL\",\"user_id\":\""
        + SlackStandIn.BOT_USER_ID
        + "\",\"is_bot\":true}]}";
  }

  /**
   * Returns the {@code app_mention} event of user U123 mentioning the bot with {@code question} in
   * {@code channel}, posted at {@code ts}.
   */
  public static String appMention(String channel, String ts, String question) {
    return appMention(channel, ts, null, question);
  }

  /**
   * Returns the {@code app_mention} event of user U123 mentioning the bot with {@code question} in
   * {@code channel}, posted at {@code ts} in the thread {@code threadTs} (none when null).
   */
  public static String appMention(String channel, String ts, String threadTs, String question) {
    return "{\"type\":\"app_mention\",\"user\":\"U123\",\"text\":\"<@"
        + SlackStandIn.BOT_USER_ID
        + "> "
        + question
        + "\",\"ts\":\""
        + ts
        + "\","
        + (threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",")
        + "\"channel\":\""
        + channel
        + "\",\"event_ts\":\""
        + ts
        + "\"}";
  }
}
