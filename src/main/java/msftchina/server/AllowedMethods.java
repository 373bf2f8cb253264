package msftchina.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers 405 to any method but GET, HEAD and POST, before a servlet sees it: the servlet API's
 * default {@code doTrace} echoes the request's headers, Slack's signature among them.
 */
final class AllowedMethods extends Handler.Wrapper {

  private static final Set<String> ALLOWED = Set.of("GET", "HEAD", "POST");
  private static final ByteBuffer BODY =
      ByteBuffer.wrap("{\"error\":\"method not allowed\"}".getBytes(StandardCharsets.UTF_8))
          .asReadOnlyBuffer();

  AllowedMethods(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (ALLOWED.contains(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    response.setStatus(405);
    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, BODY.slice(), callback);
    return true;
  }
}
