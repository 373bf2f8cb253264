package msftchina.slack;

import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A slash command as Slack sends it: the form-encoded body and the {@code
 * X-Slack-Request-Timestamp} and {@code X-Slack-Signature} headers (v0, HMAC-SHA256 of {@code
 * v0:timestamp:body}).
 *
 * @param body the form-encoded body
 * @param timestamp the request's timestamp, in seconds since the epoch
 * @param signature the {@code v0=…} signature
 */
public record SignedRequest(String body, String timestamp, String signature) {

  /**
   * Returns a signed {@code /msftchina} command with {@code text}, replies going to {@code
   * responseUrl}.
   */
  public static SignedRequest slashCommand(
      String signingSecret, String text, String responseUrl, long epochSeconds) {
    return slashCommand(signingSecret, text, responseUrl, epochSeconds, "U0LOCAL", "C0LOCAL");
  }

  /**
   * Returns a signed {@code /msftchina} command with {@code text} from {@code user} in {@code
   * channel}, replies going to {@code responseUrl}.
   */
  public static SignedRequest slashCommand(
      String signingSecret,
      String text,
      String responseUrl,
      long epochSeconds,
      String user,
      String channel) {
    String body =
        "token=unused&team_id=T0LOCAL&team_domain=local&channel_id="
            + encode(channel)
            + "&channel_name=general"
            + "&user_id="
            + encode(user)
            + "&user_name=you&command="
            + encode(BotApp.COMMAND)
            + "&text="
            + encode(text)
            + "&api_app_id=A0LOCAL&is_enterprise_install=false"
            + "&response_url="
            + encode(responseUrl)
            + "&trigger_id=0.0.local";
    return sign(signingSecret, body, epochSeconds);
  }

  /** Returns {@code body} signed with {@code signingSecret} at {@code epochSeconds}. */
  public static SignedRequest sign(String signingSecret, String body, long epochSeconds) {
    String timestamp = Long.toString(epochSeconds);
    return new SignedRequest(
        body, timestamp, new SlackSignature.Generator(signingSecret).generate(timestamp, body));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
