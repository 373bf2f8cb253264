package msftchina.search;

import java.util.List;
import java.util.Set;

/**
 * What a fact says beyond its words, for weighing it against what a question asks for.
 *
 * @param terms its analysed terms
 * @param entities the entities of {@code aliases.txt} it names
 * @param years the years it speaks of
 * @param figures the kinds of figure it gives
 */
record FactTraits(
    Set<String> terms, Set<String> entities, Set<String> years, List<Figures.Kind> figures) {}
