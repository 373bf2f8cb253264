package msftchina.app;

/**
 * One question as the question log records it.
 *
 * @param at when it was asked, in epoch milliseconds
 * @param surface where it was asked
 * @param team the workspace id, or null
 * @param channel the channel id, or null
 * @param user the asker's user id, or null
 * @param question the question as asked
 * @param outcome what it was answered ({@link Outcome#UNKNOWN} for a lookup)
 * @param millis how long answering took, in milliseconds
 * @param report the id of the report answered from, or null when answered from no one report (a
 *     refusal from every report, a lookup)
 * @param version the version of what answered: the report's ({@link
 *     msftchina.search.ReportInfo#version}), or for a refusal from every report the library's; null
 *     when unknown
 */
public record QuestionAsked(
    long at,
    Surface surface,
    String team,
    String channel,
    String user,
    String question,
    Outcome outcome,
    int millis,
    String report,
    String version) {}
