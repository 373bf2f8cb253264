package msftchina.english;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * A word list the build derives from WordNet and puts on the class path: a comment line saying what
 * it holds and where it comes from, then one word a line, as {@link Lexicon} reads it.
 */
final class WordListFile {

  private WordListFile() {}

  /** Writes {@code words}, in their order, under the comment {@code header} to {@code file}. */
  static void write(String file, String header, Collection<String> words) throws IOException {
    Path out = Path.of(file);
    Files.createDirectories(out.getParent());
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("# " + header + "\n");
      for (String word : words) {
        w.write(word);
        w.write('\n');
      }
    }
  }
}
