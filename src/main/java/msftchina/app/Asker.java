package msftchina.app;

/**
 * Who asked, and where: what the question log keeps besides the question.
 *
 * @param surface where it was asked
 * @param team the workspace id, or null
 * @param channel the channel id, or null
 * @param user the asker's user id, or null
 */
public record Asker(Surface surface, String team, String channel, String user) {}
