package msftchina.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import msftchina.search.Answer;
import msftchina.search.DecisionModel;
import msftchina.search.KnowledgeBase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The bundled report ({@code facts/}) ready to answer, for a test class's questions: opened once
 * before the class over an index in a folder of its own, closed and removed after it. Register it
 * as a static field: {@code @RegisterExtension static final BundledReport kb = new
 * BundledReport();}.
 */
public final class BundledReport implements BeforeAllCallback, AfterAllCallback {

  private Path index;
  private KnowledgeBase kb;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    index = Files.createTempDirectory("msftchina-index");
    kb = KnowledgeBase.open(Path.of("facts"), index, line -> {});
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    kb.close();
    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(Comparator.reverseOrder()).forEach(BundledReport::delete);
    }
  }

  /** Returns the answer to {@code question}. */
  public Answer ask(String question) {
    return kb.ask(question);
  }

  /** Returns the answer to {@code question}, deciding with {@code model}. */
  public Answer ask(String question, DecisionModel model) {
    return kb.ask(question, model);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
