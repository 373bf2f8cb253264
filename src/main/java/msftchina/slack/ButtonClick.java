package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

/**
 * A click on one of the bot's buttons under an answer, as its block action payload says it.
 *
 * @param user who clicked; null when the payload doesn't say
 * @param channel where the answer is; null when the payload doesn't say
 * @param sealed the value the button sent back, sealed; null when the payload has no action
 * @param value what the bot sealed in it; null when the bot never sent it (edited, made up, sealed
 *     for another button or with another key)
 */
record ButtonClick(String user, String channel, String sealed, String value) {

  /**
   * Reads the click of {@code payload} on the button {@code action}, opening it with {@code seal}.
   */
  static ButtonClick read(BlockActionPayload payload, ButtonSeal seal, String action) {
    String sealed =
        payload.getActions() == null || payload.getActions().isEmpty()
            ? null
            : payload.getActions().get(0).getValue();
    return new ButtonClick(
        payload.getUser() == null ? null : payload.getUser().getId(),
        payload.getChannel() == null ? null : payload.getChannel().getId(),
        sealed,
        seal.open(action, sealed));
  }

  /** Returns the length of the value sent, for a log line that must not repeat it. */
  int sealedLength() {
    return sealed == null ? 0 : sealed.length();
  }
}
