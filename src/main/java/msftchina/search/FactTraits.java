package msftchina.search;

import java.util.Set;
import msftchina.facts.Fact;

/**
 * What a statement says, for weighing it against what a question asks for: its terms, and what its
 * facts file says it gives.
 *
 * @param terms its analysed terms
 * @param entities the entities of {@code aliases.txt} it names
 * @param years the years it speaks of
 * @param figures the ids of the kinds of figure it gives
 * @param measures the words naming what its figures measure
 */
record FactTraits(
    Set<String> terms,
    Set<String> entities,
    Set<String> years,
    Set<String> figures,
    Set<String> measures) {

  /** Returns the traits of {@code fact}, whose analysed terms are {@code terms}. */
  static FactTraits of(Fact fact, Set<String> terms) {
    return new FactTraits(
        terms,
        Set.copyOf(fact.gives().entities()),
        Set.copyOf(fact.gives().years()),
        Set.copyOf(fact.gives().figures()),
        Set.copyOf(fact.gives().measures()));
  }
}
