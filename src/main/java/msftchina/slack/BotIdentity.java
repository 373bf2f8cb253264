package msftchina.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.auth.AuthTestResponse;

/**
 * Bolt's authorization for one workspace, without a call to Slack on the request path: every
 * request gets the bot token, and the bot's user and bot ids once {@code auth.test} has told them
 * ({@link #learn}). Until then requests are served all the same: a slash command needs no Slack
 * call, and a mention is told from the text by any user mention. (Bolt's own {@code
 * SingleTeamAuthorization} calls {@code auth.test} on a request when it knows nothing yet, and
 * fails the request with a 500 when Slack is down.)
 *
 * <p>NOTE: safe for concurrent use.
 */
public final class BotIdentity implements Middleware {

  private final String botToken;
  private volatile AuthTestResponse known;

  /** Authorizes requests with {@code botToken}; never logged. */
  public BotIdentity(String botToken) {
    this.botToken = botToken;
  }

  /** Takes the bot's identity from a successful {@code auth.test}. */
  public void learn(AuthTestResponse auth) {
    this.known = auth;
  }

  /** Returns whether {@code auth.test} has told who the bot is. */
  public boolean isKnown() {
    return known != null;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware interface takes a raw Request
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    req.getContext().setBotToken(botToken);
    AuthTestResponse auth = known;
    if (auth != null) {
      req.getContext().setAuthTestResponse(auth);
      req.getContext().setBotUserId(auth.getUserId());
      req.getContext().setBotId(auth.getBotId());
      if (req.getContext().getTeamId() == null) {
        req.getContext().setTeamId(auth.getTeamId());
      }
    }
    return chain.next(req);
  }
}
