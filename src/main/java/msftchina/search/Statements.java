package msftchina.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import msftchina.facts.Fact;
import msftchina.facts.Gives;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;

/**
 * The statements of the index, read from its stored fields for the few a question shows or weighs:
 * the library's text never sits on the heap whole.
 *
 * <p>NOTE: not safe for concurrent use; make one for each question.
 */
final class Statements {

  private final StoredFields stored;

  Statements(IndexReader reader) {
    try {
      this.stored = reader.storedFields();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the open index failed", e);
    }
  }

  /** Returns the statement numbered {@code doc} in the index. */
  Fact fact(int doc) {
    try {
      return fact(stored.document(doc));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the open index failed", e);
    }
  }

  /** Returns the statement {@code doc} holds. */
  static Fact fact(Document doc) {
    String citations = doc.get(FactFields.CITATIONS);
    List<Integer> numbers =
        citations == null || citations.isEmpty()
            ? List.of()
            : Arrays.stream(citations.split(",")).map(Integer::valueOf).toList();
    return new Fact(
        doc.get(FactFields.ID),
        doc.get(FactFields.REPORT),
        doc.getField(FactFields.PARAGRAPH).numericValue().intValue(),
        doc.getField(FactFields.POSITION).numericValue().intValue(),
        doc.get(FactFields.TEXT),
        numbers,
        new Gives(
            List.of(doc.getValues(FactFields.GIVES_ENTITIES)),
            List.of(doc.getValues(FactFields.GIVES_FIGURES)),
            List.of(doc.getValues(FactFields.GIVES_YEARS)),
            List.of(doc.getValues(FactFields.GIVES_MEASURES))));
  }
}
