package msftchina.facts;

import java.util.List;

/**
 * What a statement gives beyond its words, derived once by {@code ingest} and kept in the facts
 * file, where a person can read and correct it: the entities it names, the kinds of figure it
 * gives, the years it speaks of and the measures it names. A question that asks for one of these is
 * answered only by a statement that gives it.
 *
 * @param entities the report's names of the entities it names ("ByteDance")
 * @param figures the kinds of figure it gives, as named in {@code figures.txt} ("dollars")
 * @param years the years it speaks of ("2025", and "2024" for "the year before")
 * @param measures the words naming what its figures measure ("revenue")
 */
public record Gives(
    List<String> entities, List<String> figures, List<String> years, List<String> measures) {

  /** A statement read from a facts file without annotations: it gives nothing beyond words. */
  public static final Gives NOTHING = new Gives(List.of(), List.of(), List.of(), List.of());

  public Gives {
    entities = List.copyOf(entities);
    figures = List.copyOf(figures);
    years = List.copyOf(years);
    measures = List.copyOf(measures);
  }
}
