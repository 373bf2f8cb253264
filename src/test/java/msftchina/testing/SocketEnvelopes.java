package msftchina.testing;

import com.google.gson.JsonObject;

/** Socket Mode envelopes as Slack's server sends them to the bot, for tests and benchmarks. */
public final class SocketEnvelopes {

  private SocketEnvelopes() {}

  /**
   * Returns a {@code slash_commands} envelope {@code id}: user {@code user} typed {@code /msftchina
   * text} in channel C1; the command's {@code response_url} is {@code responseUrl}.
   */
  public static String slash(String id, String user, String text, String responseUrl) {
    JsonObject payload = new JsonObject();
    payload.addProperty("token", "unused");
    payload.addProperty("team_id", "T0LOCAL");
    payload.addProperty("team_domain", "local");
    payload.addProperty("channel_id", "C1");
    payload.addProperty("channel_name", "general");
    payload.addProperty("user_id", user);
    payload.addProperty("user_name", "someone");
    payload.addProperty("command", "/msftchina");
    payload.addProperty("text", text);
    payload.addProperty("api_app_id", "A0LOCAL");
    payload.addProperty("is_enterprise_install", "false");
    payload.addProperty("response_url", responseUrl);
    payload.addProperty("trigger_id", "1." + id + ".3");
    return envelope(id, "slash_commands", payload.toString(), true);
  }

  /**
   * Returns an {@code events_api} envelope {@code id} carrying an {@code app_mention} of the bot by
   * {@code user} asking {@code question} in {@code channel} at {@code ts} (event {@code eventId}).
   */
  public static String mention(
      String id, String eventId, String user, String channel, String ts, String question) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_mention");
    event.addProperty("user", user);
    event.addProperty("text", "<@" + SlackStandIn.BOT_USER_ID + "> " + question);
    event.addProperty("ts", ts);
    event.addProperty("event_ts", ts);
    event.addProperty("channel", channel);
    return envelope(id, "events_api", EventBodies.callback(eventId, event.toString()), false);
  }

  /**
   * Returns an {@code events_api} envelope {@code id} carrying a direct message {@code question}
   * from {@code user} to the bot in {@code channel} (a D… id) at {@code ts} (event {@code
   * eventId}).
   */
  public static String directMessage(
      String id, String eventId, String user, String channel, String ts, String question) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("channel_type", "im");
    event.addProperty("user", user);
    event.addProperty("text", question);
    event.addProperty("ts", ts);
    event.addProperty("event_ts", ts);
    event.addProperty("channel", channel);
    return envelope(id, "events_api", EventBodies.callback(eventId, event.toString()), false);
  }

  /** Returns an envelope of {@code type} with the JSON {@code payload}. */
  public static String envelope(
      String id, String type, String payload, boolean acceptsResponsePayload) {
    return "{\"envelope_id\":"
        + quote(id)
        + ",\"type\":"
        + quote(type)
        + ",\"accepts_response_payload\":"
        + acceptsResponsePayload
        + ",\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":"
        + payload
        + "}";
  }

  private static String quote(String s) {
    JsonObject o = new JsonObject();
    o.addProperty("s", s);
    String json = o.toString();
    return json.substring(5, json.length() - 1);
  }
}
