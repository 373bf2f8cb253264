package msftchina.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import msftchina.facts.FactsDirectory;
import msftchina.facts.ReportFolder;

/**
 * What is known about one report's words beyond its text: other names and words (the thesaurus),
 * well-known names it may not mention, the kinds of figure, and the terms of its entities and of
 * the words naming what figures measure.
 *
 * <p>NOTE: immutable, safe for concurrent use.
 */
final class Knowledge {

  final Analysis analysis;
  final Thesaurus thesaurus;
  final Names names;
  final Figures figures;
  private final Map<String, Set<String>> entities;
  private final Map<String, Set<String>> measures;

  private Knowledge(Analysis analysis, Thesaurus thesaurus, Names names, Figures figures) {
    this.analysis = analysis;
    this.thesaurus = thesaurus;
    this.names = names;
    this.figures = figures;
    this.entities = termsOf(thesaurus.entities());
    this.measures = termsOf(figures.measures());
  }

  /** Reads what is known about {@code report}, with the shared lists of {@code facts}. */
  static Knowledge read(FactsDirectory facts, ReportFolder report, Analysis analysis)
      throws IOException {
    return new Knowledge(
        analysis,
        Thesaurus.read(facts.path(), report.path()),
        Names.read(report.path()),
        Figures.read(facts.path()));
  }

  /** Returns the entities all of whose terms are among {@code terms}, in the aliases' order. */
  List<String> entitiesIn(Set<String> terms) {
    return within(entities, terms);
  }

  /** Returns the words naming a measure all of whose terms are among {@code terms}. */
  List<String> measuresIn(Set<String> terms) {
    return within(measures, terms);
  }

  /** Returns the terms of {@code entity}, a name of {@code aliases.txt}. */
  Set<String> termsOf(String entity) {
    return entities.getOrDefault(entity, Set.of());
  }

  private static List<String> within(Map<String, Set<String>> named, Set<String> terms) {
    List<String> found = new ArrayList<>();
    named.forEach(
        (name, own) -> {
          if (terms.containsAll(own)) {
            found.add(name);
          }
        });
    return found;
  }

  private Map<String, Set<String>> termsOf(List<String> names) {
    Map<String, Set<String>> terms = new LinkedHashMap<>();
    for (String name : names) {
      Set<String> own = analysis.terms(name);
      if (!own.isEmpty()) {
        terms.put(name, own);
      }
    }
    return Collections.unmodifiableMap(terms);
  }
}
