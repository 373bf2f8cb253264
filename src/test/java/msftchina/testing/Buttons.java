package msftchina.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;

/**
 * The buttons of the bot's replies, and clicks on them as Slack sends them
 * (https://docs.slack.dev/reference/interaction-payloads/block_actions-payload): a click carries
 * the value the bot itself sent with the button.
 */
public final class Buttons {

  private Buttons() {}

  /** Returns the value of the "Share in channel" button of the slash command's reply. */
  public static String shareValue(RunningBot bot, String question)
      throws IOException, InterruptedException {
    return shareValue(JsonParser.parseString(bot.slashCommand(question).body()).getAsJsonObject());
  }

  /** Returns the value of the "Share in channel" button of {@code reply}. */
  public static String shareValue(JsonObject reply) {
    for (JsonElement block : reply.getAsJsonArray("blocks")) {
      JsonObject b = block.getAsJsonObject();
      if (b.get("type").getAsString().equals("actions")) {
        for (JsonElement e : b.getAsJsonArray("elements")) {
          JsonObject button = e.getAsJsonObject();
          if ("share_answer".equals(button.get("action_id").getAsString())) {
            return button.get("value").getAsString();
          }
        }
      }
    }
    throw new AssertionError("no share button: " + reply);
  }

  /** Returns the value of the 👍 ("positive_button") or 👎 ("negative_button") of {@code reply}. */
  public static String feedbackValue(JsonObject reply, String button) {
    for (JsonElement block : reply.getAsJsonArray("blocks")) {
      JsonObject b = block.getAsJsonObject();
      if (b.get("type").getAsString().equals("context_actions")) {
        JsonObject buttons = b.getAsJsonArray("elements").get(0).getAsJsonObject();
        return buttons.getAsJsonObject(button).get("value").getAsString();
      }
    }
    throw new AssertionError("no feedback buttons: " + reply);
  }

  /**
   * Returns a block_actions payload: {@code user} clicked the share button carrying {@code value}.
   */
  public static String sharePayload(String responseUrl, String user, String value) {
    return payload(responseUrl, user, "button", "share_answer", value);
  }

  /**
   * Returns a block_actions payload: {@code user} clicked a feedback button carrying {@code value}.
   */
  public static String feedbackPayload(String responseUrl, String user, String value) {
    return payload(responseUrl, user, "feedback_buttons", "answer_feedback", value);
  }

  private static String payload(
      String responseUrl, String user, String type, String actionId, String value) {
    JsonObject action = new JsonObject();
    action.addProperty("type", type);
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "b1");
    action.addProperty("value", value);
    action.addProperty("action_ts", "1700000000.000300");
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\""
        + user
        + "\",\"username\":\"someone\",\"team_id\":\"T0LOCAL\"},"
        + "\"api_app_id\":\"A0LOCAL\",\"token\":\"unused\",\"container\":{\"type\":\"message\","
        + "\"message_ts\":\"1.2\",\"channel_id\":\"C1\",\"is_ephemeral\":true},"
        + "\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0LOCAL\",\"domain\":\"local\"},"
        + "\"channel\":{\"id\":\"C1\",\"name\":\"general\"},\"response_url\":\""
        + responseUrl
        + "\",\"actions\":["
        + action
        + "]}";
  }
}
