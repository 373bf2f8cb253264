package msftchina.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import msftchina.english.IndirectQuestion;
import msftchina.search.Answer;
import msftchina.search.Question;
import msftchina.search.Refusal;

/**
 * The words the bot puts around the report's statements, in the asker's language: English, or
 * Chinese for a question written in Chinese, from the resource bundle {@code msftchina.app.Wording}
 * (one file a language). Every surface words refusals, labels and notes through this class; the
 * statements themselves are always the report's own English words, never translated.
 */
public final class Wording {

  /** The bot's words in English. */
  public static final Wording ENGLISH = new Wording(Locale.ROOT);

  /** The bot's words in Chinese. */
  public static final Wording CHINESE = new Wording(Locale.CHINESE);

  /**
   * The bundle key of how a language words what a detail is lacking for ("%2$s 的%1$s"); a bundle
   * without it words a refusal with the English description the search gives.
   */
  static final String LACKING = "lacking.of";

  /**
   * The bundle key of a refusal naming what the question asks in its own words, as an indirect
   * question ("The report doesn't say %s."); a bundle without it names the detail lacking.
   */
  static final String NOT_SAID = "notSaid";

  /** The most things a refusal names as missing. */
  static final int MAX_NAMED = 4;

  private final ResourceBundle bundle;

  private Wording(Locale locale) {
    this.bundle =
        ResourceBundle.getBundle(
            "msftchina.app.Wording",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * Returns the wording for a question written as {@code text}: Chinese when it has Han characters.
   */
  public static Wording forText(String text) {
    if (text != null
        && text.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      return CHINESE;
    }
    return ENGLISH;
  }

  /** Returns the words of {@code key}, formatted with {@code args} when it takes any. */
  public String say(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : String.format(pattern, args);
  }

  /** Returns why {@code answer} has no statements, in one sentence. */
  public String refusal(Answer answer) {
    Refusal refusal = answer.refusal();
    if (refusal != null && refusal.reason() == Refusal.Reason.NOTHING_ASKED) {
      return say("nothingAsked");
    }
    if (refusal == null || refusal.missing().isEmpty()) {
      return say("notInReport");
    }
    if (refusal.lacking() != null && bundle.containsKey(LACKING)) {
      return say("notAbout", lacking(refusal.lacking()));
    }
    if (refusal.lacking() != null && bundle.containsKey(NOT_SAID)) {
      // A detail not in the report, worded from the question itself when it can be reworded:
      // "when did Brad Smith testify?" → "The report doesn't say when Brad Smith testified."
      Optional<String> asked = IndirectQuestion.of(Question.clean(answer.question()));
      if (asked.isPresent()) {
        return say(NOT_SAID, asked.get());
      }
    }
    List<String> missing = refusal.missing();
    List<String> named = missing.size() > MAX_NAMED ? missing.subList(0, MAX_NAMED) : missing;
    String list =
        named.size() == 1
            ? named.get(0)
            : String.join(say("listSeparator"), named.subList(0, named.size() - 1))
                + say("or")
                + named.get(named.size() - 1);
    return say("notAbout", list);
  }

  /**
   * Returns {@code lacking} in this language's words, each kind of figure or detail by its label
   * ({@code detail.ID}), each measure by its word ({@code measure.WORD}), or as {@code figures.txt}
   * names it when the bundle has no word for it (a new report's own kinds).
   */
  private String lacking(Refusal.Lacking lacking) {
    List<String> kinds =
        lacking.kinds().stream().map(k -> label("detail." + k.id(), k.name())).toList();
    String what =
        !kinds.isEmpty()
            ? String.join(say("lacking.and"), kinds)
            : String.join(
                say("lacking.or"),
                lacking.measures().stream().map(m -> label("measure." + m, m)).toList());
    List<String> about = new ArrayList<>();
    if (!lacking.entities().isEmpty()) {
      about.add(
          String.join(say(lacking.together() ? "lacking.and" : "lacking.or"), lacking.entities()));
    }
    lacking.years().forEach(y -> about.add(say("lacking.year", y)));
    if (about.isEmpty()) {
      return what;
    }
    String of = String.join(" ", about);
    return what.isEmpty() ? of : say(LACKING, what, of);
  }

  private String label(String key, String otherwise) {
    return bundle.containsKey(key) ? bundle.getString(key) : otherwise;
  }

  /**
   * Returns a refusal's reason as {@code gaps} and the admins' Home tab name it, with what was
   * missing: "name not in the report: Tencent".
   */
  public String reason(String reason, List<String> missing) {
    String key = "reason." + reason;
    String label =
        bundle.containsKey(key)
            ? bundle.getString(key)
            : reason.toLowerCase(Locale.ROOT).replace('_', ' ');
    return missing.isEmpty() ? label : label + ": " + String.join(", ", missing);
  }
}
