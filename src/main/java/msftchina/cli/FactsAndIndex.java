package msftchina.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import msftchina.search.KnowledgeBase;
import picocli.CommandLine.Option;

/**
 * The options {@code --facts DIR} and {@code --index DIR}: where the reports are and where their
 * index is (defaults {@code facts} and {@code index}, or {@code $MSFTCHINA_FACTS} and {@code
 * $MSFTCHINA_INDEX}).
 */
final class FactsAndIndex {

  @Option(
      names = "--facts",
      paramLabel = "DIR",
      description = "the reports and facts (default: facts, or $MSFTCHINA_FACTS)")
  private Path facts;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "the index, rebuilt when missing or stale (default: index, or $MSFTCHINA_INDEX)")
  private Path index;

  Path facts(Map<String, String> env) {
    return facts != null ? facts : Path.of(env.getOrDefault("MSFTCHINA_FACTS", "facts"));
  }

  Path index(Map<String, String> env) {
    return index != null ? index : Path.of(env.getOrDefault("MSFTCHINA_INDEX", "index"));
  }

  /** Opens the reports these options name, saying on the console's error stream what it builds. */
  KnowledgeBase open(Console console) throws IOException {
    return KnowledgeBase.open(facts(console.env()), index(console.env()), console.err()::println);
  }
}
