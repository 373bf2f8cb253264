package msftchina.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import msftchina.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a user something privately through a payload's response_url: thanks, or what failed. */
final class PrivateNotes {

  /** The method of a reply sent to a payload's response_url, as metrics name it. */
  static final String RESPONSE_URL = "response_url";

  private static final Logger log = LoggerFactory.getLogger(PrivateNotes.class);

  /** Sends a text to a response_url. */
  interface Respond {
    /** Sends {@code text}. */
    WebhookResponse respond(String text) throws IOException;
  }

  private final Metrics metrics;

  PrivateNotes(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Tells the user {@code text} from one of {@code app}'s workers, when the payload has a URL. */
  void later(App app, Respond respond, BlockActionPayload payload, String text) {
    if (payload.getResponseUrl() != null) {
      var unused = app.executorService().submit(() -> now(respond, text));
    }
  }

  /** Tells the user {@code text}; a failure is counted and logged, never thrown. */
  void now(Respond respond, String text) {
    try {
      respond.respond(text);
    } catch (IOException e) {
      metrics.slackError(RESPONSE_URL, Delivery.code(Delivery.fromIo(e)));
      log.warn("could not tell the user that a reply failed: {}", e.getClass().getSimpleName());
    }
  }
}
