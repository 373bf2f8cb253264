package msftchina.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A word list of {@code facts/} (stop words, names, thesaurus, examples): one entry a line, blank
 * lines and lines starting with {@code #} left out. A missing file is an empty list.
 */
public final class WordList {

  /** An entry, with its line number for error messages. */
  public record Line(int number, String text) {}

  private WordList() {}

  /** Returns the entries of {@code file}, stripped, in order. */
  public static List<Line> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    return entries(TextFile.lines(file));
  }

  /** Returns the entries of a word list's {@code lines}, stripped, in order. */
  public static List<Line> entries(List<String> lines) {
    List<Line> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        entries.add(new Line(i + 1, text));
      }
    }
    return entries;
  }

  /** Returns the entries' texts of {@code file}, in order. */
  public static List<String> texts(Path file) throws IOException {
    return read(file).stream().map(Line::text).toList();
  }
}
