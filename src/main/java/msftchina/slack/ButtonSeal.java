package msftchina.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the values of the buttons the bot sends, so that a click counts only for a value the bot
 * itself sent: each value is prefixed with an HMAC-SHA256 tag of the button's action id and the
 * value. A value edited, made up, or sent before values were sealed doesn't open.
 *
 * <p>The key is derived from the bot token ({@code SLACK_BOT_TOKEN}): every copy of the bot sharing
 * one store has the same token, and it is the same after a restart, so a button sent by one copy
 * opens on any other, and after a restart; no user ever sees the token. A new token (the app
 * reinstalled, the token rotated) expires the buttons sent before it.
 *
 * <p>NOTE: immutable and safe for concurrent use.
 */
public final class ButtonSeal {

  /** The characters of a tag and the separator after it: 16 bytes of HMAC in base64url, and ".". */
  public static final int OVERHEAD = 23;

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] PURPOSE =
      "msftchina button values v1".getBytes(StandardCharsets.UTF_8);
  private static final int TAG_BYTES = 16;

  private final SecretKeySpec key;

  private ButtonSeal(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /**
   * Returns the seal whose key is derived from {@code botToken}; a random key of this process only
   * when there is no token.
   */
  public static ButtonSeal forToken(String botToken) {
    if (botToken == null || botToken.isEmpty()) {
      return random();
    }
    return new ButtonSeal(
        hmac(new SecretKeySpec(botToken.getBytes(StandardCharsets.UTF_8), ALGORITHM), PURPOSE));
  }

  /** Returns a seal with a random key: values it seals open only in this process. */
  public static ButtonSeal random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new ButtonSeal(key);
  }

  /** Returns {@code value} sealed for the button of {@code actionId}. */
  public String seal(String actionId, String value) {
    return tag(actionId, value) + "." + value;
  }

  /**
   * Returns the value {@code sealed} carries when this seal sealed it for {@code actionId}, else
   * null: a value edited, made up, sealed for another button or with another key.
   */
  public String open(String actionId, String sealed) {
    if (sealed == null
        || sealed.length() < OVERHEAD
        || sealed.charAt(OVERHEAD - 1) != '.'
        || actionId == null) {
      return null;
    }
    String value = sealed.substring(OVERHEAD);
    byte[] given = sealed.substring(0, OVERHEAD - 1).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = tag(actionId, value).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(given, expected) ? value : null;
  }

  private String tag(String actionId, String value) {
    byte[] message =
        (actionId + "\n" + value).getBytes(StandardCharsets.UTF_8); // the action id has no "\n"
    byte[] mac = Arrays.copyOf(hmac(key, message), TAG_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
  }

  private static byte[] hmac(SecretKeySpec key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
