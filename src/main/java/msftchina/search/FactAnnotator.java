package msftchina.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import msftchina.facts.Fact;
import msftchina.facts.FactsDirectory;
import msftchina.facts.Gives;
import msftchina.facts.ReportFolder;

/**
 * Derives what each statement of a report gives beyond its words (entities, kinds of figure, years,
 * measures), once, for {@code ingest} to write into the facts file.
 */
public final class FactAnnotator {

  private final Knowledge knowledge;

  private FactAnnotator(Knowledge knowledge) {
    this.knowledge = knowledge;
  }

  /** Returns an annotator for {@code report}, with the shared lists of {@code facts}. */
  public static FactAnnotator of(FactsDirectory facts, ReportFolder report) throws IOException {
    Analysis analysis = new Analysis(FactFields.analyzer(facts.resolve(FactFields.STOPWORDS_FILE)));
    return new FactAnnotator(Knowledge.read(facts, report, analysis));
  }

  /** Returns what {@code fact} gives, derived from its text. */
  public Gives gives(Fact fact) {
    String text = fact.text();
    var terms = knowledge.analysis.terms(text);
    // An entity is named by any of its names: "the United States" is the US.
    var named = new HashSet<>(terms);
    named.addAll(knowledge.analysis.terms(knowledge.thesaurus.rewrite(text)));
    return new Gives(
        knowledge.entitiesIn(named),
        knowledge.figures.givenIn(text).stream().map(Figures.Kind::id).toList(),
        List.copyOf(new TreeSet<>(English.yearsSpokenOf(text))),
        knowledge.measuresIn(terms));
  }

  /** Returns {@code facts}, each with what it gives. */
  public List<Fact> annotate(List<Fact> facts) {
    return facts.stream().map(f -> f.with(gives(f))).toList();
  }
}
