package msftchina;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import msftchina.app.Wording;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.search.Answer;
import msftchina.search.KnowledgeBase;
import msftchina.search.Match;
import msftchina.slack.BotApp;
import msftchina.slack.Replies;
import msftchina.slack.SignedRequest;
import msftchina.testing.LogCapture;
import msftchina.testing.RunningBot;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random tests: generated questions through the knowledge base, and generated signed
 * requests through the running bot. The seed is fixed, so a failure reproduces; it is named in
 * every failure message, and another can be tried with {@code -Dmsftchina.fuzz.seed=N}.
 */
class FuzzIT {

  private static final long SEED = Long.getLong("msftchina.fuzz.seed", 20250611L);
  private static final int QUESTIONS = 10_000;
  private static final int PAYLOADS = 3_000;

  /** The longest a generated question may take the knowledge base: far below Slack's 3 s. */
  private static final Duration ASK_WITHIN = Duration.ofSeconds(1);

  /** The longest a generated request may wait for its response: Slack's 3 s deadline. */
  private static final Duration ACK_WITHIN = Duration.ofSeconds(3);

  /** Marks around matched words that no statement or generated question holds. */
  private static final String OPEN = "\u27E6";

  private static final String CLOSE = "\u27E7";

  @TempDir static Path tempDir;

  // ---------------------------------------------------------------------------------------
  // Questions through KnowledgeBase.ask

  @Test
  void generatedQuestionsAreAnsweredWithAtMostThreeCitedOrUncitedFacts() throws IOException {
    Map<String, Fact> factsById =
        new FactsDirectory(Path.of("facts"))
            .readFacts().stream().collect(Collectors.toMap(Fact::id, Function.identity()));
    Questions questions = new Questions(new Random(SEED));
    Map<Answer.Strength, Integer> strengths = new TreeMap<>();
    long slowest = 0;
    try (KnowledgeBase kb =
        KnowledgeBase.open(
            Path.of("facts"), Files.createDirectories(tempDir.resolve("kb-index")), line -> {})) {
      for (int i = 0; i < QUESTIONS; i++) {
        String question = questions.next();
        String where = "seed " + SEED + ", question #" + i + " " + show(question);
        Answer answer;
        long asked = System.nanoTime();
        try {
          answer = kb.ask(question);
        } catch (RuntimeException e) {
          throw new AssertionError(where + " threw " + e, e);
        }
        slowest = Math.max(slowest, System.nanoTime() - asked);
        // What the user reads: one to three statements, or a refusal in one sentence.
        assertTrue(
            answer.matches().size() <= 3,
            () -> where + ": " + answer.matches().size() + " matches");
        if (!answer.answered()) {
          String sentence = Wording.ENGLISH.refusal(answer);
          assertTrue(
              sentence.startsWith("The report doesn't say ")
                  || sentence.startsWith("There is nothing in that to search the report for"),
              where + ": " + sentence);
          assertFalse(sentence.contains("\n"), where + ": " + sentence);
          assertFalse(sentence.contains("<@"), where + ": " + sentence);
        }
        Set<String> ids = new HashSet<>();
        for (Match match : answer.matches()) {
          Fact fact = match.fact();
          assertTrue(ids.add(fact.id()), () -> where + ": " + fact.id() + " twice");
          assertEquals(
              factsById.get(fact.id()),
              fact,
              where + ": the fact as the facts file has it, citations and all");
          // The statement is shown whole, its matched words marked and nothing else changed.
          String marked = match.marked(OPEN, CLOSE, t -> t);
          assertEquals(
              fact.text(),
              marked.replace(OPEN, "").replace(CLOSE, ""),
              () -> where + ": " + fact.id() + " shown as " + marked);
        }
        strengths.merge(answer.strength(), 1, Integer::sum);
      }
    }
    System.out.println(
        "FuzzIT seed "
            + SEED
            + ": "
            + QUESTIONS
            + " questions, "
            + strengths
            + ", slowest "
            + slowest / 1_000_000
            + " ms");
    assertTrue(
        slowest < ASK_WITHIN.toNanos(),
        "seed " + SEED + ": a question took " + slowest / 1_000_000 + " ms");
  }

  // ---------------------------------------------------------------------------------------
  // Signed requests through the running bot

  @Test
  void generatedSignedRequestsNeverGet5xx() throws Exception {
    Random random = new Random(SEED ^ 0x9E3779B97F4A7C15L);
    Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    long start = System.nanoTime();
    Map<String, Integer> warnings = new TreeMap<>();
    long slowest = 0;
    try (LogCapture log = new LogCapture();
        RunningBot bot = RunningBot.start(Files.createDirectories(tempDir.resolve("bot-index")))) {
      Requests requests = new Requests(random, new Questions(random), bot.slack);
      for (int i = 0; i < PAYLOADS; i++) {
        Request request = requests.next(i);
        String where =
            "seed "
                + SEED
                + ", request #"
                + i
                + " ("
                + request.kind()
                + ", "
                + request.contentType()
                + ") "
                + show(new String(request.body(), StandardCharsets.UTF_8));
        HttpResponse<String> response;
        long sent = System.nanoTime();
        try {
          response = send(bot, request);
        } catch (IOException e) {
          throw new AssertionError(where + ": no response: " + e, e);
        }
        long took = System.nanoTime() - sent;
        slowest = Math.max(slowest, took);
        int status = response.statusCode();
        statuses
            .computeIfAbsent(request.kind(), k -> new TreeMap<>())
            .merge(status, 1, Integer::sum);
        assertTrue(status < 500, where + " -> " + status + " " + response.body());
        if (request.wellFormed()) {
          assertEquals(200, status, where + " -> " + response.body());
        }
      }

      HttpResponse<String> after =
          bot.slashCommand("who is Microsoft's biggest AI customer in China?");
      assertEquals(200, after.statusCode(), "seed " + SEED + ": the bot keeps serving");
      assertTrue(after.body().contains("ByteDance leads as"), "seed " + SEED + ": " + after.body());
      assertEquals(200, bot.get("/healthz").statusCode(), "seed " + SEED);
      // What the forged requests made the bot log: warnings, each one line; never an error, a
      // stack trace, or a worker thread killed by an exception.
      for (String line : log.lines()) {
        assertFalse(
            line.contains(" ERROR ")
                || line.startsWith("Exception in thread")
                || line.startsWith("\tat ")
                || line.startsWith("Caused by:"),
            "seed " + SEED + ": logged " + line);
        int warn = line.indexOf(" WARN ");
        if (warn >= 0) {
          warnings.merge(line.substring(warn + 6).split(" ", 2)[0], 1, Integer::sum);
        }
      }
    }
    System.out.println(
        "FuzzIT seed "
            + SEED
            + ": "
            + PAYLOADS
            + " signed requests in "
            + (System.nanoTime() - start) / 1_000_000
            + " ms, statuses by kind "
            + statuses
            + ", one-line warnings by logger "
            + warnings
            + ", slowest "
            + slowest / 1_000_000
            + " ms");
    // Slack retries what isn't acknowledged within 3 seconds: every request, forged or not, is
    // answered well before.
    assertTrue(
        slowest < ACK_WITHIN.toNanos(),
        "seed " + SEED + ": a request took " + slowest / 1_000_000 + " ms");
  }

  private static HttpResponse<String> send(RunningBot bot, Request request)
      throws IOException, InterruptedException {
    if (request.headers().isEmpty()) {
      return bot.postBytes(request.body(), request.contentType());
    }
    String body = new String(request.body(), StandardCharsets.UTF_8);
    SignedRequest signed =
        SignedRequest.sign(RunningBot.SIGNING_SECRET, body, Instant.now().getEpochSecond());
    return bot.post(
        body, request.contentType(), signed.timestamp(), signed.signature(), request.headers());
  }

  /** Returns {@code s} printable in a failure message: non-ASCII escaped, cut to 300 characters. */
  static String show(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < Math.min(s.length(), 300); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    out.append('"');
    if (s.length() > 300) {
      out.append("\u2026 (").append(s.length()).append(" chars)");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------
  // Generated questions

  /**
   * Questions of every kind: the report's words, typos, random Unicode, Lucene syntax, Slack
   * markup, long strings.
   */
  static final class Questions {

    private static final List<String> LUCENE =
        List.of(
            "AND",
            "OR",
            "NOT",
            "TO",
            "+",
            "-",
            "&&",
            "||",
            "!",
            "(",
            ")",
            "{",
            "}",
            "[",
            "]",
            "^",
            "^2",
            "\"",
            "~",
            "~2",
            "~0.5",
            "*",
            "?",
            ":",
            "\\",
            "/",
            "/.*/",
            "text:",
            "id:",
            "_id:",
            "*:*",
            "[* TO *]",
            "\\u0041",
            "\"\"");

    private static final List<String> MARKUP =
        List.of(
            "<@U123ABC>",
            "<@" + SlackStandIn.BOT_USER_ID + ">",
            "<#C123|general>",
            "<!here>",
            "<!channel>",
            "<!subteam^S1|@team>",
            "<https://example.com|link>",
            "<mailto:a@b.c|mail>",
            "&amp;",
            "&lt;",
            "&gt;",
            "*bold*",
            "_it_",
            "~strike~",
            "`code`",
            "```block```",
            ":smile:",
            "<",
            ">",
            "<@",
            "<!",
            "<#");

    private final Random random;
    private final List<String> words;
    private final List<String> examples;

    Questions(Random random) throws IOException {
      this.random = random;
      Set<String> pool = new LinkedHashSet<>();
      for (Fact fact : new FactsDirectory(Path.of("facts")).readFacts()) {
        pool.addAll(List.of(fact.text().split("\\s+")));
      }
      for (Path file :
          List.of(
              Path.of("facts", "msft-china-ai", "aliases.txt"),
              Path.of("facts", "synonyms.txt"),
              Path.of("facts", "msft-china-ai", "names.txt"))) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.startsWith("#")) {
            for (String term : line.split("[=,]", -1)) {
              if (!term.isBlank()) {
                pool.add(term.strip());
              }
            }
          }
        }
      }
      this.words = List.copyOf(pool);
      this.examples =
          Files.readAllLines(
                  Path.of("facts", "msft-china-ai", "examples.txt"), StandardCharsets.UTF_8)
              .stream()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .toList();
    }

    /** Returns the next question. */
    String next() {
      return switch (random.nextInt(11)) {
        case 0, 1 -> reportWords(1 + random.nextInt(10));
        case 2 -> unicode(random.nextInt(80));
        case 3 -> lucene();
        case 4 -> longString();
        case 5 -> typos(reportWords(1 + random.nextInt(6)));
        case 6 -> interleave(reportWords(2 + random.nextInt(6)));
        case 7 -> markup();
        case 8 -> typos(pick(examples));
        case 9 -> casing(pick(examples));
        default -> edgeCase();
      };
    }

    String reportWords(int n) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < n; i++) {
        s.append(i == 0 ? "" : " ").append(pick(words));
      }
      return random.nextInt(4) == 0 ? s + "?" : s.toString();
    }

    /** Random text from every corner of Unicode, including unpaired surrogates and controls. */
    String unicode(int length) {
      StringBuilder s = new StringBuilder();
      while (s.length() < length) {
        switch (random.nextInt(16)) {
          case 0 -> s.append((char) (0x20 + random.nextInt(0x5F))); // printable ASCII
          case 1 -> s.append((char) random.nextInt(0x20)); // C0 controls
          case 2 -> s.append((char) (0x7F + random.nextInt(0x21))); // DEL and C1 controls
          case 3 -> s.append((char) (0xD800 + random.nextInt(0x400))); // unpaired high surrogate
          case 4 -> s.append((char) (0xDC00 + random.nextInt(0x400))); // unpaired low surrogate
          case 5 -> s.appendCodePoint(0x1F300 + random.nextInt(0x800)); // emoji
          case 6 ->
              s.appendCodePoint(0x10000 + random.nextInt(0x100000)); // any supplementary code point
          case 7 -> s.append((char) (0x4E00 + random.nextInt(0x5200))); // CJK
          case 8 ->
              s.append(
                  pick(
                      List.of(
                          "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202B",
                          "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
                          "\u2060", "\uFEFF", "\u00AD", "\u034F", "\u061C")));
          case 9 -> s.append((char) (0x0300 + random.nextInt(0x70))); // combining marks
          case 10 -> s.append((char) (0x0590 + random.nextInt(0x200))); // Hebrew, Arabic
          case 11 -> s.append((char) (0xE000 + random.nextInt(0x1900))); // private use
          case 12 ->
              s.append(
                  pick(
                      List.of(
                          "\uFFFD", "\uFFFE", "\uFFFF", "\uFFF9", "\u2028", "\u2029", "\u00A0",
                          "\u3000", "\u1680", "\u2003")));
          case 13 -> s.append((char) (0xFF01 + random.nextInt(0x5E))); // fullwidth forms
          case 14 -> s.append((char) (0xAC00 + random.nextInt(0x2BA4))); // Hangul
          default -> s.append((char) random.nextInt(0x10000)); // any UTF-16 code unit
        }
      }
      return s.toString();
    }

    String lucene() {
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        if (random.nextBoolean()) {
          s.append(pick(LUCENE));
        } else {
          s.append(pick(words));
        }
        if (random.nextInt(3) > 0) {
          s.append(' ');
        }
      }
      return s.toString();
    }

    /** 2,000 to 12,000 characters: words, random Unicode, one repeated character, one long word. */
    String longString() {
      int length = 2_000 + random.nextInt(10_001);
      StringBuilder s = new StringBuilder();
      switch (random.nextInt(5)) {
        case 0 -> {
          while (s.length() < length) {
            s.append(pick(words)).append(' ');
          }
        }
        case 1 -> s.append(unicode(length));
        case 2 ->
            s.append(
                Character.toString(random.nextInt(3) == 0 ? 0x1F600 : 'a' + random.nextInt(26))
                    .repeat(length));
        case 3 -> {
          while (s.length() < length) {
            s.append(pick(words));
          }
        }
        default -> {
          while (s.length() < length) {
            s.append(pick(LUCENE))
                .append(random.nextBoolean() ? " " : "")
                .append(pick(words))
                .append(' ');
          }
        }
      }
      return s.toString();
    }

    String typos(String text) {
      StringBuilder s = new StringBuilder(text);
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n && s.length() > 0; i++) {
        int at = random.nextInt(s.length());
        switch (random.nextInt(4)) {
          case 0 -> s.deleteCharAt(at);
          case 1 -> s.insert(at, (char) ('a' + random.nextInt(26)));
          case 2 -> s.setCharAt(at, (char) ('a' + random.nextInt(26)));
          default -> {
            if (at + 1 < s.length()) {
              char c = s.charAt(at);
              s.setCharAt(at, s.charAt(at + 1));
              s.setCharAt(at + 1, c);
            }
          }
        }
      }
      return s.toString();
    }

    String interleave(String text) {
      StringBuilder s = new StringBuilder();
      for (String word : text.split(" ", -1)) {
        s.append(word).append(unicode(random.nextInt(4)));
      }
      return s.toString();
    }

    String markup() {
      StringBuilder s = new StringBuilder();
      int n = 1 + random.nextInt(8);
      for (int i = 0; i < n; i++) {
        s.append(random.nextBoolean() ? pick(MARKUP) : pick(words)).append(' ');
      }
      return s.toString();
    }

    String casing(String text) {
      return switch (random.nextInt(3)) {
        case 0 -> text.toUpperCase(java.util.Locale.ROOT);
        case 1 -> text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z ]", "");
        default -> text.replace(" ", "  \t ");
      };
    }

    String edgeCase() {
      return pick(
          List.of(
              "",
              " ",
              "\t\n\r",
              "?",
              "help",
              "HELP",
              "\u0000",
              "\uD800",
              "\uDC00",
              "\uFEFF",
              "a",
              "\u5FAE",
              "\uD83D\uDE00",
              "*",
              ":",
              "\\",
              "\"",
              "AND",
              "NOT NOT NOT",
              "~",
              "/",
              "&",
              "<",
              "<@U1>",
              "null",
              "undefined",
              "NaN",
              "-1",
              "1e309"));
    }

    <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }
  }

  // ---------------------------------------------------------------------------------------
  // Generated requests

  /**
   * A request to send signed: its kind, body and content type; {@code wellFormed} when it must be
   * answered 200.
   */
  // The body is the bytes sent as they are; requests are never compared or hashed.
  @SuppressWarnings("ArrayRecordComponent")
  record Request(
      String kind,
      byte[] body,
      String contentType,
      Map<String, String> headers,
      boolean wellFormed) {}

  /** Signed requests of every kind Slack sends, well-formed and not. */
  static final class Requests {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private static final List<String> PAYLOAD_TYPES =
        List.of(
            "block_actions",
            "shortcut",
            "message_action",
            "view_submission",
            "view_closed",
            "block_suggestion",
            "interactive_message",
            "dialog_submission",
            "dialog_cancellation",
            "dialog_suggestion",
            "workflow_step_edit",
            "event_callback",
            "url_verification",
            "app_rate_limited",
            "no_such_type",
            "");

    private static final List<String> EVENT_TYPES =
        List.of(
            "app_mention",
            "message",
            "reaction_added",
            "app_home_opened",
            "team_join",
            "member_joined_channel",
            "function_executed",
            "workflow_step_execute",
            "assistant_thread_started",
            "no_such_event",
            "");

    private static final List<String> KEYS =
        List.of(
            "type",
            "subtype",
            "text",
            "user",
            "bot_id",
            "channel",
            "channel_type",
            "ts",
            "thread_ts",
            "event_ts",
            "team",
            "blocks",
            "message",
            "previous_message",
            "files",
            "edited",
            "actions",
            "action_id",
            "value",
            "response_url",
            "view",
            "callback_id",
            "trigger_id",
            "container",
            "state",
            "challenge",
            "token",
            "event",
            "event_id",
            "authorizations",
            "assistant_thread",
            "x");

    private final Random random;
    private final Questions questions;
    private final SlackStandIn slack;
    private final List<String> eventIds = new ArrayList<>();

    Requests(Random random, Questions questions, SlackStandIn slack) {
      this.random = random;
      this.questions = questions;
      this.slack = slack;
    }

    Request next(int n) {
      int roll = random.nextInt(40);
      if (roll < 10) {
        return slashCommand();
      } else if (roll < 14) {
        return mangledSlashCommand(n);
      } else if (roll < 20) {
        return event();
      } else if (roll < 28) {
        return malformedEvent();
      } else if (roll < 34) {
        return blockActions(n);
      } else if (roll < 37) {
        return randomForm();
      } else {
        return randomJson();
      }
    }

    /** A slash command as Slack sends it, with a generated question: always answered 200. */
    Request slashCommand() {
      String text = random.nextInt(10) == 0 ? questions.longString() : questions.next();
      String body =
          SignedRequest.slashCommand(
                  RunningBot.SIGNING_SECRET, text, slack.responseUrl("fuzz-command"), 0)
              .body(); // signed again when sent
      return new Request("slash command", utf8(body), FORM, Map.of(), true);
    }

    /** A slash command with fields left out, added, repeated or garbled. */
    Request mangledSlashCommand(int n) {
      List<String[]> fields = new ArrayList<>();
      fields.add(new String[] {"token", "unused"});
      fields.add(new String[] {"team_id", "T0LOCAL"});
      fields.add(new String[] {"channel_id", "C0LOCAL"});
      fields.add(new String[] {"user_id", "U0LOCAL"});
      fields.add(
          new String[] {
            "command",
            pick(
                List.of(
                    BotApp.COMMAND,
                    BotApp.COMMAND,
                    "/MSFTCHINA",
                    "/other",
                    "msftchina",
                    "",
                    "/msftchina ",
                    questions.unicode(5)))
          });
      fields.add(new String[] {"text", questions.next()});
      fields.add(new String[] {"response_url", responseUrl(n)});
      fields.add(new String[] {"trigger_id", "0.0.fuzz"});
      int edits = 1 + random.nextInt(4);
      for (int i = 0; i < edits; i++) {
        switch (random.nextInt(4)) {
          case 0 -> fields.remove(random.nextInt(fields.size()));
          case 1 ->
              fields.add(
                  random.nextInt(fields.size() + 1),
                  new String[] {
                    questions.unicode(random.nextInt(8)), questions.unicode(random.nextInt(20))
                  });
          case 2 ->
              fields.add(
                  random.nextInt(fields.size() + 1),
                  fields.get(random.nextInt(fields.size())).clone());
          default ->
              fields.get(random.nextInt(fields.size()))[1] =
                  pick(List.of("", "%", "%zz", "%e4%b8", "=", "&", "+", questions.unicode(10)));
        }
        if (fields.isEmpty()) {
          break;
        }
      }
      StringBuilder body = new StringBuilder();
      for (String[] field : fields) {
        body.append(body.length() == 0 ? "" : "&")
            .append(random.nextInt(5) == 0 ? field[0] : encode(field[0]))
            .append('=')
            .append(random.nextInt(5) == 0 ? field[1] : encode(field[1]));
      }
      return new Request(
          "mangled slash command", utf8(body.toString()), contentType(FORM), Map.of(), false);
    }

    /**
     * A mention or direct message as Slack sends it, sometimes a retry of an earlier one: always
     * acknowledged 200.
     */
    Request event() {
      JsonObject event = new JsonObject();
      String question = random.nextInt(10) == 0 ? questions.longString() : questions.next();
      if (random.nextBoolean()) {
        event.addProperty("type", "app_mention");
        event.addProperty("text", "<@" + SlackStandIn.BOT_USER_ID + "> " + question);
        event.addProperty("channel", "CFUZZ");
      } else {
        event.addProperty("type", "message");
        event.addProperty("channel_type", "im");
        event.addProperty("text", question);
        event.addProperty("channel", "DFUZZ");
      }
      event.addProperty("user", "U" + random.nextInt(1000));
      event.addProperty("ts", "1700000000." + random.nextInt(1_000_000));
      if (random.nextInt(4) == 0) {
        event.addProperty("thread_ts", "1700000000.000001");
      }
      Map<String, String> headers = Map.of();
      String eventId;
      if (!eventIds.isEmpty() && random.nextInt(5) == 0) {
        eventId = pick(eventIds);
        headers =
            Map.of(
                "X-Slack-Retry-Num",
                Integer.toString(1 + random.nextInt(3)),
                "X-Slack-Retry-Reason",
                pick(List.of("http_timeout", "http_error", "too_many_redirects", "unknown")));
      } else {
        eventId = "EvFuzz" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        eventIds.add(eventId);
      }
      return new Request(
          "event",
          utf8(envelope(event, new JsonPrimitive(eventId)).toString()),
          JSON,
          headers,
          true);
    }

    /**
     * An event_callback whose event is random JSON, or a real event with fields of the wrong type.
     */
    Request malformedEvent() {
      JsonElement event;
      if (random.nextInt(4) == 0) {
        event = randomJson(3);
      } else {
        JsonObject object = new JsonObject();
        object.add(
            "type", random.nextInt(5) == 0 ? randomJson(1) : new JsonPrimitive(pick(EVENT_TYPES)));
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
          object.add(
              pick(KEYS),
              random.nextBoolean() ? new JsonPrimitive(questions.next()) : randomJson(2));
        }
        if (random.nextBoolean()) {
          object.addProperty("channel_type", pick(List.of("im", "channel", "group", "mpim")));
        }
        event = object;
      }
      JsonObject envelope =
          envelope(
              event,
              random.nextInt(5) == 0
                  ? randomJson(1)
                  : new JsonPrimitive("EvBad" + random.nextInt(1_000_000)));
      if (random.nextInt(4) == 0) {
        envelope.remove(
            pick(List.of("token", "team_id", "api_app_id", "event_id", "authorizations", "event")));
      }
      if (random.nextInt(6) == 0) {
        envelope.add(
            pick(List.of("authorizations", "team_id", "enterprise_id", "event_time")),
            randomJson(2));
      }
      return new Request(
          "malformed event",
          utf8(maybeBroken(envelope.toString())),
          contentType(JSON),
          Map.of(),
          false);
    }

    /** A block_actions payload with fields random, of the wrong type, or missing. */
    Request blockActions(int n) {
      JsonObject payload = new JsonObject();
      payload.addProperty("type", "block_actions");
      maybe(
          payload,
          "user",
          () -> {
            JsonObject user = new JsonObject();
            user.addProperty("id", "U" + random.nextInt(1000));
            user.addProperty("team_id", "T0LOCAL");
            return user;
          });
      maybe(
          payload,
          "team",
          () -> {
            JsonObject team = new JsonObject();
            team.addProperty("id", "T0LOCAL");
            return team;
          });
      maybe(payload, "api_app_id", () -> new JsonPrimitive("A0LOCAL"));
      maybe(payload, "trigger_id", () -> new JsonPrimitive("1.2.3"));
      maybe(
          payload,
          "channel",
          () -> {
            JsonObject channel = new JsonObject();
            channel.addProperty("id", "C1");
            return channel;
          });
      maybe(
          payload,
          "container",
          () -> {
            JsonObject container = new JsonObject();
            container.addProperty("type", "message");
            container.addProperty("is_ephemeral", true);
            return container;
          });
      maybe(payload, "response_url", () -> new JsonPrimitive(responseUrl(n)));
      int shape = random.nextInt(8);
      if (shape == 0) {
        payload.add("actions", randomJson(2));
      } else if (shape == 1) {
        payload.add("actions", new JsonArray());
      } else if (shape == 2) {
        payload.add("actions", JsonNull.INSTANCE);
      } else if (shape != 3) {
        JsonArray actions = new JsonArray();
        int count = random.nextInt(6) == 0 ? 2 + random.nextInt(3) : 1;
        for (int i = 0; i < count; i++) {
          actions.add(random.nextInt(10) == 0 ? randomJson(1) : action());
        }
        payload.add("actions", actions);
      }
      if (random.nextInt(5) == 0) {
        payload.add(pick(KEYS), randomJson(2));
      }
      String json = maybeBroken(payload.toString());
      String body = random.nextInt(10) == 0 ? "payload=" + json : "payload=" + encode(json);
      return new Request("block_actions", utf8(body), contentType(FORM), Map.of(), false);
    }

    private JsonObject action() {
      JsonObject action = new JsonObject();
      maybe(
          action,
          "action_id",
          () ->
              new JsonPrimitive(
                  random.nextInt(4) > 0
                      ? Replies.SHARE_ACTION
                      : questions.unicode(random.nextInt(12))));
      maybe(action, "block_id", () -> new JsonPrimitive("b1"));
      maybe(
          action,
          "type",
          () -> new JsonPrimitive(pick(List.of("button", "static_select", "overflow", ""))));
      maybe(action, "action_ts", () -> new JsonPrimitive("1.3"));
      int value = random.nextInt(6);
      if (value < 3) {
        action.addProperty(
            "value", random.nextInt(8) == 0 ? questions.longString() : questions.next());
      } else if (value == 3) {
        action.add("value", randomJson(2));
      }
      return action;
    }

    /**
     * A form body of random fields, a payload of random JSON, Slack's SSL check, or random bytes.
     */
    Request randomForm() {
      switch (random.nextInt(5)) {
        case 0 -> {
          StringBuilder body = new StringBuilder();
          int n = random.nextInt(8);
          for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : "&")
                .append(encode(questions.unicode(random.nextInt(10))))
                .append('=')
                .append(encode(questions.next()));
          }
          return new Request(
              "random form", utf8(body.toString()), contentType(FORM), Map.of(), false);
        }
        case 1 -> {
          return new Request(
              "random form",
              utf8("payload=" + encode(maybeBroken(randomJson(4).toString()))),
              contentType(FORM),
              Map.of(),
              false);
        }
        case 2 -> {
          return new Request(
              "random form",
              utf8(
                  pick(
                      List.of(
                          "ssl_check=1&token=x",
                          "ssl_check=1",
                          "payload=",
                          "payload",
                          "=",
                          "&&&",
                          "%",
                          "command=",
                          "text=help",
                          "payload=%7B%7D",
                          "payload=null"))),
              FORM,
              Map.of(),
              false);
        }
        case 3 -> {
          return new Request(
              "random form",
              utf8(questions.unicode(random.nextInt(200))),
              contentType(FORM),
              Map.of(),
              false);
        }
        default -> {
          byte[] bytes = new byte[random.nextInt(300)];
          random.nextBytes(bytes);
          return new Request("random form", bytes, contentType(FORM), Map.of(), false);
        }
      }
    }

    /** Random JSON, often an object with a type Slack uses, sometimes not JSON at all. */
    Request randomJson() {
      JsonElement json;
      if (random.nextInt(3) > 0) {
        JsonObject object = new JsonObject();
        object.add(
            "type",
            random.nextInt(6) == 0 ? randomJson(1) : new JsonPrimitive(pick(PAYLOAD_TYPES)));
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
          object.add(pick(KEYS), randomJson(3));
        }
        json = object;
      } else {
        json = randomJson(4);
      }
      String text = maybeBroken(json.toString());
      if (random.nextInt(4) == 0) {
        return new Request(
            "random json payload",
            utf8("payload=" + encode(text)),
            contentType(FORM),
            Map.of(),
            false);
      }
      return new Request("random json", utf8(text), contentType(JSON), Map.of(), false);
    }

    private JsonObject envelope(JsonElement event, JsonElement eventId) {
      JsonObject envelope = new JsonObject();
      envelope.addProperty("token", "unused");
      envelope.addProperty("team_id", "T0LOCAL");
      envelope.addProperty("api_app_id", "A0LOCAL");
      envelope.add("event", event);
      envelope.addProperty("type", "event_callback");
      envelope.add("event_id", eventId);
      envelope.addProperty("event_time", Instant.now().getEpochSecond());
      JsonArray authorizations = new JsonArray();
      JsonObject authorization = new JsonObject();
      authorization.addProperty("team_id", "T0LOCAL");
      authorization.addProperty("user_id", SlackStandIn.BOT_USER_ID);
      authorization.addProperty("is_bot", true);
      authorizations.add(authorization);
      envelope.add("authorizations", authorizations);
      return envelope;
    }

    /**
     * A response_url on the stand-in, or one that can't be a URL: never a host off this machine.
     */
    private String responseUrl(int n) {
      return random.nextInt(4) > 0
          ? slack.responseUrl("fuzz-" + n)
          : pick(
              List.of(
                  "",
                  "not a url",
                  "http://",
                  "ftp://x",
                  "/relative",
                  "\u0000",
                  questions.unicode(12).replace(":", "").replace("/", "")));
    }

    private JsonElement randomJson(int depth) {
      int roll = random.nextInt(depth <= 0 ? 5 : 7);
      return switch (roll) {
        case 0 -> JsonNull.INSTANCE;
        case 1 -> new JsonPrimitive(random.nextBoolean());
        case 2 ->
            new JsonPrimitive(
                pick(
                    List.of(
                        0,
                        -1,
                        1,
                        Integer.MAX_VALUE,
                        Long.MIN_VALUE,
                        1.5,
                        -0.0,
                        1e308,
                        4.9e-324,
                        random.nextInt())));
        case 3, 4 ->
            new JsonPrimitive(
                random.nextBoolean() ? questions.unicode(random.nextInt(30)) : questions.next());
        case 5 -> {
          JsonArray array = new JsonArray();
          int n = random.nextInt(4);
          for (int i = 0; i < n; i++) {
            array.add(randomJson(depth - 1));
          }
          yield array;
        }
        default -> {
          JsonObject object = new JsonObject();
          int n = random.nextInt(5);
          for (int i = 0; i < n; i++) {
            object.add(
                random.nextInt(3) > 0 ? pick(KEYS) : questions.unicode(random.nextInt(8)),
                randomJson(depth - 1));
          }
          yield object;
        }
      };
    }

    /**
     * Returns {@code json}, or now and then a copy cut short, with a character dropped or one
     * added.
     */
    private String maybeBroken(String json) {
      if (random.nextInt(6) > 0 || json.isEmpty()) {
        return json;
      }
      int at = random.nextInt(json.length());
      return switch (random.nextInt(3)) {
        case 0 -> json.substring(0, at);
        case 1 -> json.substring(0, at) + json.substring(at + 1);
        default ->
            json.substring(0, at)
                + pick(List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\u0000", "\uD800"))
                + json.substring(at);
      };
    }

    private String contentType(String usual) {
      return random.nextInt(10) > 0
          ? usual
          : pick(
              List.of(
                  FORM,
                  JSON,
                  "text/plain",
                  "application/json; charset=ISO-8859-1",
                  "multipart/form-data; boundary=x",
                  "application/octet-stream"));
    }

    private void maybe(
        JsonObject object, String key, java.util.function.Supplier<JsonElement> value) {
      int roll = random.nextInt(10);
      if (roll < 7) {
        object.add(key, value.get());
      } else if (roll == 7) {
        object.add(key, randomJson(1));
      } else if (roll == 8) {
        object.add(key, JsonNull.INSTANCE);
      }
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
  }
}
