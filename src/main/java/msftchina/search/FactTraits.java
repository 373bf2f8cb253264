package msftchina.search;

import java.util.Set;
import msftchina.facts.Fact;

/**
 * What a statement says, for weighing it against what a question asks for: what its facts file says
 * it gives.
 *
 * @param entities the entities of {@code aliases.txt} it names
 * @param years the years it speaks of
 * @param figures the ids of the kinds of figure it gives
 * @param measures the words naming what its figures measure
 */
record FactTraits(
    Set<String> entities, Set<String> years, Set<String> figures, Set<String> measures) {

  /** Returns the traits of {@code fact}. */
  static FactTraits of(Fact fact) {
    return new FactTraits(
        Set.copyOf(fact.gives().entities()),
        Set.copyOf(fact.gives().years()),
        Set.copyOf(fact.gives().figures()),
        Set.copyOf(fact.gives().measures()));
  }
}
