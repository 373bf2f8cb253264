package msftchina.app;

/**
 * A reply acknowledged to Slack and not yet delivered: an answer to post in a channel.
 *
 * @param eventId the Slack event id the reply answers
 * @param surface where the question was asked
 * @param team the workspace id, or null
 * @param channel the channel to post in
 * @param thread the thread to post in, or null
 * @param user the asker's user id, or null
 * @param question the question to answer
 * @param receivedAt when the event arrived, in epoch milliseconds
 */
public record PendingReply(
    String eventId,
    Surface surface,
    String team,
    String channel,
    String thread,
    String user,
    String question,
    long receivedAt) {}
