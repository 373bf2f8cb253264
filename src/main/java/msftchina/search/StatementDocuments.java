package msftchina.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.facts.FactsFile;
import msftchina.facts.ReportFolder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;

/** Turns a report's statements into the index's documents, streaming its facts file. */
final class StatementDocuments {

  private final Analyzer analyzer;
  private final Analysis analysis;

  StatementDocuments(FactsDirectory facts) throws IOException {
    this.analyzer = FactFields.analyzer(facts.resolve(FactFields.STOPWORDS_FILE));
    this.analysis = new Analysis(analyzer);
  }

  Analyzer analyzer() {
    return analyzer;
  }

  Analysis analysis() {
    return analysis;
  }

  /** Returns whether {@code folder} has word lists of its own, read for it alone. */
  static boolean ownWords(ReportFolder folder) {
    return Files.exists(folder.resolve(Names.FILE))
        || Thesaurus.REPORT_FILES.stream().anyMatch(name -> Files.exists(folder.resolve(name)));
  }

  /**
   * Adds {@code folder}'s statements to {@code writer}, reading its facts file a line at a time,
   * and returns its catalog entry, whose version is taken from {@code hash}.
   */
  ReportInfo add(IndexWriter writer, ReportFolder folder, String hash) throws IOException {
    boolean shared = !ownWords(folder);
    int[] count = {0};
    String[] title = {folder.id()};
    try {
      FactsFile.read(
          folder.factsFile(),
          fact -> {
            if (count[0]++ == 0) {
              title[0] = fact.report();
            }
            try {
              writer.addDocument(document(fact, folder.id(), shared, analysis));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new ReportInfo(
        folder.id(), title[0], folder.date(), count[0], IndexCatalog.version(hash));
  }

  /**
   * Returns the document of {@code fact}, a statement of report {@code reportId}, read with the
   * shared word lists when {@code shared}, its text analysed by {@code analysis}.
   */
  static Document document(Fact fact, String reportId, boolean shared, Analysis analysis) {
    Document doc = new Document();
    // Looked up and shown, never analysed: one exact term.
    doc.add(new StringField(FactFields.ID, fact.id(), Field.Store.YES));
    // Searched to limit a question to one report; a doc value to tell each statement's report.
    doc.add(new StringField(FactFields.REPORT_ID, reportId, Field.Store.YES));
    doc.add(new SortedDocValuesField(FactFields.REPORT_ID, new BytesRef(reportId)));
    if (shared) {
      // Searched to ask every report without word lists of its own at once.
      doc.add(new StringField(FactFields.SHARED, "yes", Field.Store.NO));
    }
    // Shown with every answer; nobody searches by report title.
    doc.add(new StoredField(FactFields.REPORT, fact.report()));
    // What questions are matched against, and what the answer shows.
    doc.add(new TextField(FactFields.TEXT, fact.text(), Field.Store.YES));
    // Shown only: the numbers of the citation markers, comma-separated, empty when uncited.
    doc.add(
        new StoredField(
            FactFields.CITATIONS,
            fact.citations().stream().map(String::valueOf).collect(Collectors.joining(","))));
    // Shown only: where the sentence stands in its report.
    doc.add(new StoredField(FactFields.PARAGRAPH, fact.paragraph()));
    doc.add(new StoredField(FactFields.POSITION, fact.position()));
    if (fact.position() == 1) { // searched for a report's gist: what it, and each paragraph, opens
      doc.add(
          new StringField(
              FactFields.OPENS,
              fact.paragraph() == 1 ? FactFields.OPENS_REPORT : FactFields.OPENS_PARAGRAPH,
              Field.Store.NO));
    }
    // What it gives: stored, read for the few candidates a question weighs; entities also as
    // exact terms, counted per report to find what a report is about.
    for (String entity : fact.gives().entities()) {
      doc.add(new StoredField(FactFields.GIVES_ENTITIES, entity));
      doc.add(new StringField(FactFields.ENTITY, entity, Field.Store.NO));
    }
    fact.gives().figures().forEach(f -> doc.add(new StoredField(FactFields.GIVES_FIGURES, f)));
    fact.gives().years().forEach(y -> doc.add(new StoredField(FactFields.GIVES_YEARS, y)));
    fact.gives().measures().forEach(m -> doc.add(new StoredField(FactFields.GIVES_MEASURES, m)));
    // Its words as written, each with its term: exact terms, the candidates for a misspelling.
    surfaces(analysis.words(fact.text()))
        .forEach(s -> doc.add(new StringField(FactFields.SURFACE, s, Field.Store.NO)));
    return doc;
  }

  /**
   * Returns the terms of {@link FactFields#SURFACE} a statement of {@code words} is indexed with:
   * each word as written, lower-cased, a NUL, and its term.
   */
  static Set<String> surfaces(List<Word> words) {
    Set<String> surfaces = new LinkedHashSet<>();
    for (Word word : words) {
      surfaces.add(
          Question.withoutPossessives(word.surface()).toLowerCase(Locale.ROOT)
              + '\0'
              + word.term());
    }
    return surfaces;
  }
}
