package msftchina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import msftchina.facts.Fact;
import msftchina.facts.FactsFile;
import msftchina.testing.FactsCopy;
import msftchina.testing.RunningBot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report replaced while the bot serves: requests keep being answered throughout, none fails, and
 * once the new facts file is in place the answers give its text, with no restart. A facts file
 * replaced by a corrupt one is named in one log line and the bot keeps answering from the old.
 */
class ReportSwapTest {

  private static final String REPORT = "harbour";
  private static final String QUESTION = "What cranes are at the north quay?";

  @TempDir Path tmp;

  @Test
  void aReportReplacedUnderLoadIsAnsweredFromItsNewTextWithNoRequestFailing() throws Exception {
    Path facts = FactsCopy.of(Path.of("facts"), tmp.resolve("facts"));
    writeReport(facts, "diesel");
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    try (RunningBot bot = RunningBot.startWatching(facts, tmp.resolve("index"), log::add)) {
      assertTrue(bot.slashCommand(QUESTION).body().contains("diesel"), "the old text answers");

      AtomicBoolean loading = new AtomicBoolean(true);
      AtomicInteger sent = new AtomicInteger();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ExecutorService load = Executors.newFixedThreadPool(4);
      List<Future<?>> senders = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int sender = i;
        senders.add(
            load.submit(
                () -> {
                  for (int n = 0; loading.get(); n++) {
                    String question =
                        n % 2 == 0 ? QUESTION + " (" + sender + "." + n + ")" : "who is ByteDance?";
                    try {
                      HttpResponse<String> r = bot.slashCommand(question);
                      sent.incrementAndGet();
                      boolean answered =
                          r.body().contains(REPORT_TITLE_WORD) || r.body().contains("ByteDance");
                      if (r.statusCode() != 200 || !answered) {
                        failures.add(r.statusCode() + " " + r.body());
                      }
                    } catch (IOException | InterruptedException e) {
                      failures.add(e.toString());
                    }
                  }
                }));
      }
      Thread.sleep(300);
      writeReport(facts, "electric");
      String after = "";
      for (int i = 0; i < 200 && !after.contains("electric"); i++) {
        Thread.sleep(50);
        after = bot.slashCommand(QUESTION).body();
      }
      Thread.sleep(300);
      loading.set(false);
      for (Future<?> sender : senders) {
        sender.get(30, TimeUnit.SECONDS);
      }
      load.shutdown();

      assertTrue(after.contains("electric"), "the new text answers without a restart: " + after);
      assertTrue(sent.get() > 20, "requests ran during the swap: " + sent.get());
      assertEquals(List.of(), List.copyOf(failures), "no request failed during the swap");
      assertTrue(
          log.stream()
              .anyMatch(
                  l -> l.contains("report " + REPORT) && l.contains("indexed its 40 statements")),
          "the log names the report and its statements: " + log);
    }
  }

  @Test
  void aCorruptReplacementIsLoggedAndTheOldTextKeepsAnswering() throws Exception {
    Path facts = FactsCopy.of(Path.of("facts"), tmp.resolve("facts"));
    writeReport(facts, "diesel");
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    try (RunningBot bot = RunningBot.startWatching(facts, tmp.resolve("index"), log::add)) {
      Path file = facts.resolve(REPORT).resolve(FactsFile.FILE_NAME);
      Files.writeString(file, Files.readString(file) + "{not json\n", StandardCharsets.UTF_8);
      for (int i = 0; i < 200 && log.stream().noneMatch(l -> l.startsWith("reload:")); i++) {
        Thread.sleep(50);
      }

      List<String> reloads = log.stream().filter(l -> l.startsWith("reload:")).toList();
      assertEquals(1, reloads.size(), "one line: " + log);
      assertTrue(reloads.get(0).contains("facts.jsonl:41"), reloads.get(0));
      assertTrue(reloads.get(0).contains("still answering"), reloads.get(0));
      assertTrue(bot.slashCommand(QUESTION).body().contains("diesel"), "the old text answers");
    }
  }

  private static final String REPORT_TITLE_WORD = "Harbour";

  /** Writes the harbour report, its cranes {@code kind}, beside the old file and moved over it. */
  private static void writeReport(Path facts, String kind) throws IOException {
    Path folder = Files.createDirectories(facts.resolve(REPORT));
    List<Fact> statements = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      String text =
          i == 1
              ? "Harbour cranes at the north quay were replaced with " + kind + " cranes in 2024."
              : "Harbour traffic note " + i + " counted " + (i * 37) + " ships at anchor.";
      statements.add(new Fact(REPORT + ":" + i + ".1", "Harbour Review", i, 1, text, List.of(i)));
    }
    Path written = folder.resolve(".facts.jsonl.tmp");
    FactsFile.write(written, statements);
    Files.move(
        written,
        folder.resolve(FactsFile.FILE_NAME),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
