package msftchina.slack;

import java.util.List;
import msftchina.search.Answer;
import msftchina.search.Refusal;

/**
 * The words the bot puts around the report's statements, in the asker's language: English, or
 * Chinese for a question written in Chinese. The statements themselves are always the report's own
 * English words, never translated.
 *
 * @param question the label before the question echoed back
 * @param share the share button's text
 * @param sharedBy who shared an answer, with {@code %1$s} the user and {@code %2$s} the command
 * @param partial the note under an answer that covers only part of the question
 * @param tryAsking the line before example questions
 * @param askAboutReport what to ask when there are no examples
 * @param usage how to ask, with {@code %s} the slash command
 * @param nothingAsked the refusal of a message with nothing to search for
 * @param notInReport the refusal naming nothing in particular
 * @param notAbout the refusal naming what is missing, {@code %s} the list
 * @param or the word joining the last two missing things
 * @param listSeparator what joins the other missing things
 * @param found the head of a lookup's statements, {@code %1$d} the count, {@code %2$s} the words
 * @param foundNone a lookup that matches nothing, {@code %s} the words
 * @param more the line saying how many more statements matched, {@code %d} the count
 * @param readAs a follow-up read with the thread's earlier question, {@code %s} the reading
 * @param englishNote a note that the statements are quoted in the report's English, or empty
 * @param closest the line before the statements closest to a question the report doesn't answer
 */
public record Labels(
    String question,
    String share,
    String sharedBy,
    String partial,
    String tryAsking,
    String askAboutReport,
    String usage,
    String nothingAsked,
    String notInReport,
    String notAbout,
    String or,
    String listSeparator,
    String found,
    String foundNone,
    String more,
    String readAs,
    String englishNote,
    String closest) {

  /** The bot's words in English. */
  public static final Labels ENGLISH =
      new Labels(
          "Q:",
          "Share in channel",
          "Shared by %1$s with %2$s",
          "partial match: the report covers only part of the question",
          "Try asking:",
          "Ask about what the report covers.",
          "Ask me about the report and I answer with its own statements and citations.\n"
              + "Type `%1$s your question`, mention me in a channel, send me a direct message,"
              + " or use *Find in report* on any message. `%1$s find WORDS` lists every"
              + " statement with those words.",
          "There is nothing in that to search the report for: ask a question in words.",
          "The report doesn't say anything about that.",
          "The report doesn't say anything about %s.",
          " or ",
          ", ",
          "%1$d statement(s) with %2$s, in report order:",
          "No statement in the report matches %s.",
          "…and %d more: narrow the lookup to see them.",
          "Read with this thread's earlier question as: %s",
          "",
          "Closest in the report:");

  /** The bot's words in Chinese. */
  public static final Labels CHINESE =
      new Labels(
          "问：",
          "分享到频道",
          "%1$s 通过 %2$s 分享",
          "部分匹配：报告只涉及问题的一部分",
          "可以这样问：",
          "请询问报告涉及的内容。",
          "向我提问有关报告的问题，我会用报告自己的陈述和引用来回答。\n"
              + "输入 `%1$s 你的问题`、在频道中提及我、给我发私信，或在任意消息上使用 *Find in report*。"
              + "`%1$s find 关键词` 列出包含这些词的所有陈述。",
          "这句话里没有可以在报告中查找的内容：请用文字提问。",
          "报告没有提到这方面的内容。",
          "报告没有提到 %s。",
          " 或 ",
          "、",
          "共 %1$d 条陈述包含 %2$s，按报告顺序：",
          "报告中没有陈述符合 %s。",
          "……还有 %d 条：请缩小查找范围。",
          "结合本串前面的问题理解为：%s",
          "报告原文为英文，以下按原文引用。",
          "报告中最接近的内容：");

  /**
   * Returns the labels for a question written as {@code text}: Chinese when it has Han characters.
   */
  public static Labels forText(String text) {
    if (text != null
        && text.codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      return CHINESE;
    }
    return ENGLISH;
  }

  /** Returns why {@code answer} has no facts, in one sentence in these labels' language. */
  public String refusal(Answer answer) {
    if (equals(ENGLISH)) {
      return Refusal.sentence(answer);
    }
    Refusal refusal = answer.refusal();
    if (refusal != null && refusal.reason() == Refusal.Reason.NOTHING_ASKED) {
      return nothingAsked;
    }
    if (refusal == null || refusal.missing().isEmpty()) {
      return notInReport;
    }
    List<String> missing = refusal.missing();
    List<String> named = missing.size() > 4 ? missing.subList(0, 4) : missing;
    String list =
        named.size() == 1
            ? named.get(0)
            : String.join(listSeparator, named.subList(0, named.size() - 1))
                + or
                + named.get(named.size() - 1);
    return String.format(notAbout, list);
  }
}
