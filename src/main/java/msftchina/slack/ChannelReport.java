package msftchina.slack;

import java.util.Optional;
import msftchina.app.AskService;
import msftchina.app.ChannelReports;
import msftchina.app.Wording;
import msftchina.search.ReportInfo;

/**
 * {@code /msftchina default in:NAME}, {@code default none} and {@code default}: an admin sets or
 * clears the report a channel asks first; anyone may see it.
 */
final class ChannelReport {

  private final AskService service;
  private final ChannelReports channels;

  ChannelReport(AskService service, ChannelReports channels) {
    this.service = service;
    this.channels = channels;
  }

  /**
   * Returns the reply to {@code default ARGS} from {@code user} in {@code channel} of {@code team}.
   */
  Replies.Message handle(String args, String team, String channel, String user) {
    Wording words = Wording.forText(args);
    String command = BotApp.COMMAND;
    if (args.isEmpty()) {
      Optional<ReportInfo> now = channels.channelReport(channel).flatMap(service::report);
      return ReportReplies.text(
          now.map(r -> words.say("defaultShown", "_" + esc(r.title()) + "_", esc(r.id())))
              .orElseGet(() -> words.say("defaultNone", command)));
    }
    boolean none = args.equalsIgnoreCase("none");
    if (!none && !args.regionMatches(true, 0, "in:", 0, 3)) {
      return ReportReplies.text(words.say("defaultUsage", command));
    }
    if (!channels.admin(user)) {
      return ReportReplies.text(words.say("defaultAdminsOnly"));
    }
    if (none) {
      return ReportReplies.text(
          words.say(
              channels.setChannelReport(team, channel, null, user)
                  ? "defaultCleared"
                  : "defaultNotStored"));
    }
    String name = args.substring(3).strip();
    Optional<ReportInfo> report = service.report(name);
    if (report.isEmpty()) {
      return ReportReplies.unknown(words, name, service.reports());
    }
    ReportInfo r = report.get();
    return ReportReplies.text(
        channels.setChannelReport(team, channel, r.id(), user)
            ? words.say("defaultSet", "_" + esc(r.title()) + "_", esc(r.id()))
            : words.say("defaultNotStored"));
  }

  private static String esc(String text) {
    return SlackText.escape(text);
  }
}
