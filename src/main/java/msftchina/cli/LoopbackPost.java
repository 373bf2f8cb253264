package msftchina.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import msftchina.slack.SignedRequest;

/**
 * Sends one signed slash command to the bot on loopback over a plain socket, as HTTP/1.1, and
 * returns the response's status code. {@code warmup} uses it rather than {@code java.net.http}: the
 * classes it loads go into the class-data archive, and {@code serve} never loads an HTTP client's
 * (issue 17: the archive is mapped whole, so every class in it is resident memory).
 */
final class LoopbackPost {

  private LoopbackPost() {}

  /** Returns the HTTP status of {@code signed} posted to {@code path} on loopback {@code port}. */
  static int send(int port, String path, SignedRequest signed) throws IOException {
    byte[] body = signed.body().getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: application/x-www-form-urlencoded"
            + "\r\nX-Slack-Request-Timestamp: "
            + signed.timestamp()
            + "\r\nX-Slack-Signature: "
            + signed.signature()
            + "\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String status = in.readLine(); // "HTTP/1.1 200 OK"
      while (in.readLine() != null) {
        // the rest of the response, read so the server finishes writing it
      }
      if (status == null || status.length() < 12) {
        throw new IOException("no HTTP status line from the bot on port " + port);
      }
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}
