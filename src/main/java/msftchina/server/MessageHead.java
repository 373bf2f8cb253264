package msftchina.server;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * The {@code type} and {@code envelope_id} of one message of Slack's over Socket Mode, read without
 * parsing the rest: they are read on the connection's one reader thread, which a burst keeps busy;
 * the workers parse the rest.
 *
 * @param type the message's type ({@code hello}, {@code disconnect}, {@code slash_commands}, …), or
 *     null
 * @param envelopeId its envelope id, or null
 */
record MessageHead(String type, String envelopeId) {

  /**
   * Reads the head of {@code text}; throws {@link IOException} or {@link IllegalStateException}
   * when it is not a JSON object.
   */
  static MessageHead read(String text) throws IOException {
    String type = null;
    String id = null;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.beginObject();
      while (reader.hasNext() && (type == null || id == null)) {
        String name = reader.nextName();
        if (reader.peek() == JsonToken.STRING
            && ("type".equals(name) || "envelope_id".equals(name))) {
          if ("type".equals(name)) {
            type = reader.nextString();
          } else {
            id = reader.nextString();
          }
        } else {
          reader.skipValue();
        }
      }
    }
    return new MessageHead(type, id);
  }
}
