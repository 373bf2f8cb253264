package msftchina.app;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import msftchina.search.Answer;

/**
 * Reads a follow-up in a thread with the thread's earlier question: a follow-up that refers back
 * ("how much does <b>it</b> spend?") has the word that refers back replaced by what the earlier
 * answer was about (the name its best statement gives that the earlier question didn't); a question
 * that stands on its own is read as it is.
 */
public final class FollowUp {

  /** Words that refer back to what was said before, in English, with possessives apart. */
  private static final Pattern REFERS_BACK =
      Pattern.compile("\\b(it|they|them|he|she|him)\\b|\\b(its|their|his|her)\\b");

  /** The same in Chinese: it, they, the company. */
  private static final Pattern REFERS_BACK_ZH = Pattern.compile("它们|它|他们|她们|该公司|这家公司");

  private FollowUp() {}

  /**
   * Returns {@code followUp} read with {@code earlier}, or null when it stands on its own (it
   * doesn't refer back, or there is nothing earlier to refer to).
   */
  public static String read(String followUp, Earlier earlier) {
    if (earlier == null || followUp.isBlank()) {
      return null;
    }
    Matcher english = REFERS_BACK.matcher(followUp.toLowerCase(Locale.ROOT));
    Matcher chinese = REFERS_BACK_ZH.matcher(followUp);
    boolean refersBack = english.find();
    boolean refersBackZh = chinese.find();
    if (!refersBack && !refersBackZh) {
      return null;
    }
    String subject = subject(earlier);
    if (subject == null) {
      return earlier.question().strip() + " " + followUp.strip();
    }
    String read = followUp;
    if (refersBack) {
      read =
          Pattern.compile(REFERS_BACK.pattern(), Pattern.CASE_INSENSITIVE)
              .matcher(read)
              .replaceAll(
                  m -> Matcher.quoteReplacement(m.group(2) != null ? subject + "'s" : subject));
    }
    if (refersBackZh) {
      read = REFERS_BACK_ZH.matcher(read).replaceAll(Matcher.quoteReplacement(subject));
    }
    return read;
  }

  /**
   * Returns what the earlier answer was about: the first name its best statement gives that the
   * earlier question didn't name, else its first name, else null.
   */
  static String subject(Earlier earlier) {
    Answer answer = earlier.answer();
    if (answer == null || !answer.answered()) {
      return null;
    }
    List<String> names = answer.matches().get(0).fact().gives().entities();
    String asked = earlier.question().toLowerCase(Locale.ROOT);
    return names.stream()
        .filter(name -> !asked.contains(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElse(names.isEmpty() ? null : names.get(0));
  }
}
