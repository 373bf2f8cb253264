package msftchina.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature, checked over the raw body before anything parses it: {@code v0=} and
 * the HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret, compared in constant time,
 * with a timestamp no more than {@link #MAX_SKEW} from now either way (Bolt checks only the past).
 *
 * <p>NOTE: safe for concurrent use.
 */
final class RequestSignature {

  /** How far a request's timestamp may be from now, into the past or the future. */
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final SecretKeySpec key;
  private final Clock clock;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  RequestSignature(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
    newMac(); // fails now, not on the first request, if the runtime lacks HmacSHA256
  }

  /** Returns whether {@code signature} signs {@code body} at {@code timestamp}, and is fresh. */
  boolean verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !signature.startsWith("v0=")) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(clock.millis() / 1000 - seconds) > MAX_SKEW.toSeconds()) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature, 3, signature.length());
    } catch (IllegalArgumentException e) {
      return false;
    }
    Mac mac = macs.get();
    mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
    return MessageDigest.isEqual(mac.doFinal(body), given);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
