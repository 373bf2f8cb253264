package msftchina.app;

import java.util.Optional;

/**
 * The report each channel asks first, as its admins set it ({@code /msftchina default in:NAME}).
 */
public interface ChannelReports {

  /**
   * Returns the id of the report {@code channel} asks first, or empty; never waits for a database
   * (called on a request's time).
   */
  Optional<String> channelReport(String channel);

  /**
   * Makes {@code report} the report {@code channel} of {@code team} asks first, or clears it when
   * {@code report} is null, as {@code user} asked; returns false when it could not be kept.
   */
  boolean setChannelReport(String team, String channel, String report, String user);

  /** Returns whether {@code user} is one of the bot's admins ({@code MSFTCHINA_ADMINS}). */
  boolean admin(String user);
}
