package msftchina.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a question asks for beyond its words. A question that asks for a kind of figure, names a
 * year, asks for an entity's revenue or spending, or asks about two entities together, is answered
 * only by a fact that has all of them.
 *
 * @param figure the kind of figure asked for, or null
 * @param years the years named
 * @param entities the entities named, other than the reports' subjects and what is merely paid for
 *     or compared with
 * @param together whether the entities are asked about together rather than compared or listed
 * @param measures the words naming what a figure measures, as {@code figures.txt} lists them
 * @param details the details asked for besides a figure (a place, a purpose, the current state)
 * @param about the question's terms other than those of the reports' subjects: the words of what it
 *     asks about, which a detail given in a clause must share it with (empty: all its terms)
 * @param setAside the terms of the names the question sets aside ("besides OpenAI and Anthropic,
 *     who else…?"), which a list of others must name someone besides
 * @param agent the terms of who the question asks the plan or decision of ("what are lawmakers
 *     planning?"), whom a statement must name beside its plan (empty: anyone's)
 * @param counted the terms of what the question counts ("chinese companies" in "how many Chinese
 *     companies…?"), which a count must stand just before (empty: any of its terms)
 * @param whole the terms narrowing the whole the question asks a share of ("ai" in "what share of
 *     Microsoft's AI revenue…?"), which the whole a statement gives a share of must have (empty:
 *     any whole)
 * @param first the details that put the statements giving them first without refusing for want of
 *     them ("why…?" asks for a reason, which the report may give in words no pattern knows)
 */
record Asked(
    Figures.Kind figure,
    Set<String> years,
    Set<String> entities,
    boolean together,
    Set<String> measures,
    List<Figures.Kind> details,
    Set<String> about,
    Set<String> setAside,
    Set<String> agent,
    Set<String> counted,
    Set<String> whole,
    List<Figures.Kind> first) {

  Asked {
    first = List.copyOf(first);
    details = List.copyOf(details);
    about = Set.copyOf(about);
    setAside = Set.copyOf(setAside);
    agent = Set.copyOf(agent);
    counted = Set.copyOf(counted);
    whole = Set.copyOf(whole);
  }

  /** Creates what a question asks for, with no words set apart as what it asks about or aside. */
  Asked(
      Figures.Kind figure,
      Set<String> years,
      Set<String> entities,
      boolean together,
      Set<String> measures,
      List<Figures.Kind> details) {
    this(
        figure, years, entities, together, measures, details, Set.of(), Set.of(), Set.of(),
        Set.of(), Set.of(), List.of());
  }

  /** Returns what a question asks for, and {@code detail} besides. */
  Asked withDetail(Figures.Kind detail) {
    List<Figures.Kind> more = new java.util.ArrayList<>(details);
    more.add(detail);
    return new Asked(
        figure, years, entities, together, measures, more, about, setAside, agent, counted, whole,
        first);
  }

  /** Returns the kind of figure and the details asked for, in that order. */
  List<Figures.Kind> kinds() {
    List<Figures.Kind> kinds = new java.util.ArrayList<>();
    if (figure != null) {
      kinds.add(figure);
    }
    kinds.addAll(details);
    return kinds;
  }

  /** Returns whether only some facts can answer. */
  boolean constrains() {
    return figure != null
        || !details.isEmpty()
        || !years.isEmpty()
        || (!entities.isEmpty() && !measures.isEmpty())
        || (together && entities.size() > 1);
  }

  /** Returns whether {@code fact} has everything asked for. */
  boolean answeredBy(FactTraits fact) {
    return (figure == null || fact.figures().contains(figure.id()))
        && details.stream().allMatch(d -> fact.figures().contains(d.id()))
        && fact.years().containsAll(years)
        && (entities.isEmpty()
            || (together
                ? fact.entities().containsAll(entities)
                : entities.stream().anyMatch(fact.entities()::contains)))
        && (measures.isEmpty() || measures.stream().anyMatch(fact.measures()::contains));
  }

  /**
   * Returns what is asked without the details the {@code closest} statements give, when it still
   * names entities or years they lack: "what did Brad Smith say about ByteDance?" lacks ByteDance
   * together with Brad Smith, not what was said, which Brad Smith's testimony gives.
   */
  Asked withoutDetailsGivenBy(List<FactTraits> closest) {
    if (entities.isEmpty() && years.isEmpty()) {
      return this;
    }
    List<Figures.Kind> lacked =
        details.stream()
            .filter(d -> closest.stream().noneMatch(f -> f.figures().contains(d.id())))
            .toList();
    return lacked.size() == details.size()
        ? this
        : new Asked(
            figure, years, entities, together, measures, lacked, about, setAside, agent, counted,
            whole, first);
  }

  /**
   * Returns whether {@code fact} gives every detail that puts a statement first, when some are
   * asked.
   */
  boolean putsFirst(FactTraits fact) {
    return !first.isEmpty() && first.stream().allMatch(d -> fact.figures().contains(d.id()));
  }

  /**
   * Returns whether {@code fact} names what is asked about: one of the entities asked about, or,
   * when none is named, any statement matching the question's words.
   */
  boolean names(FactTraits fact) {
    return entities.isEmpty() || entities.stream().anyMatch(fact.entities()::contains);
  }

  /** Returns what the reports lack, piece by piece, for wording a refusal in any language. */
  Refusal.Lacking lacking() {
    return new Refusal.Lacking(
        kinds(),
        List.copyOf(new LinkedHashSet<>(measures)),
        List.copyOf(entities),
        together,
        List.copyOf(years));
  }

  /** Returns what the reports lack, to name in a refusal: "a figure for Tencent in 2024". */
  String description() {
    Refusal.Lacking lacking = lacking();
    List<String> kinds = lacking.kinds().stream().map(Figures.Kind::name).toList();
    StringBuilder what =
        new StringBuilder(
            !kinds.isEmpty()
                ? String.join(" and ", kinds)
                : String.join(" or ", lacking.measures()));
    if (!entities.isEmpty()) {
      what.append(what.isEmpty() ? "" : " for ")
          .append(String.join(together ? " together with " : " or ", entities));
    }
    if (!years.isEmpty()) {
      what.append(what.isEmpty() ? "" : " ").append("in ").append(String.join(" and ", years));
    }
    return what.toString();
  }
}
