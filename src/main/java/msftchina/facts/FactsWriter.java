package msftchina.facts;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a facts file a fact at a time, so a report of any size is written without holding its
 * facts. The file appears whole when {@link #commit()} is called, replacing the old one in one
 * step; a reader never sees it half written, and closing without committing leaves the old one.
 *
 * <p>NOTE: not thread safe; one writer a file.
 */
public final class FactsWriter implements Closeable {

  private final Path file;
  private final Path partial;
  private final Writer out;
  private int facts;
  private int uncited;
  private boolean committed;

  /** Opens a writer that will replace {@code file}. */
  public FactsWriter(Path file) throws IOException {
    this.file = file;
    this.partial = file.resolveSibling(file.getFileName() + ".partial");
    this.out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
  }

  /** Writes {@code fact} as the next line. */
  public void write(Fact fact) throws IOException {
    out.write(FactsFile.toJsonLines(List.of(fact)));
    facts++;
    uncited += fact.uncited() ? 1 : 0;
  }

  /** Returns how many facts were written. */
  public int facts() {
    return facts;
  }

  /** Returns how many of the facts written are uncited. */
  public int uncited() {
    return uncited;
  }

  /** Puts the facts written in place of the file. */
  public void commit() throws IOException {
    out.close();
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  /** Closes the writer; without {@link #commit()}, the facts written are dropped. */
  @Override
  public void close() throws IOException {
    out.close();
    if (!committed) {
      Files.deleteIfExists(partial);
    }
  }
}
