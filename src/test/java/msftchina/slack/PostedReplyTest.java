package msftchina.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.util.List;
import msftchina.app.PendingReply;
import msftchina.app.Surface;
import msftchina.testing.SlackStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reply is posted with its event id in the message metadata and found again by it, in its thread
 * (conversations.replies) or, for a direct message outside threads, in the channel
 * (conversations.history), through Slack's client against the Web API stand-in.
 */
class PostedReplyTest {

  private static SlackStandIn slack;
  private static MethodsClient client;

  @BeforeAll
  static void start() throws Exception {
    slack = new SlackStandIn();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    client = Slack.getInstance(config).methods("xoxb-posted-reply-test");
  }

  @AfterAll
  static void stop() {
    slack.close();
  }

  @Test
  void aReplyPostedInAThreadIsFoundThereByItsEventIdAndNoOtherIs() throws Exception {
    PendingReply asked = pending("EvFound1", "CPR1", "1800000300.000100");
    send(asked, false);
    SlackStandIn.Posted posted = last();
    assertEquals("EvFound1", posted.eventId(), "the metadata names the event: " + posted);
    assertTrue(posted.metadata().contains("\"event_type\":\"msftchina_reply\""), posted.metadata());

    PostedReply.Found found = PostedReply.find(client, asked, asked.thread());
    assertEquals(posted.ts(), found.ts());
    PostedReply.Found other =
        PostedReply.find(client, pending("EvOther", "CPR1", "1800000300.000100"), asked.thread());
    assertFalse(other.posted() || other.unknown(), other.toString());
  }

  @Test
  void aReplyFarDownAThreadIsFoundOnALaterPage() throws Exception {
    String thread = "1800000400.000100";
    for (int i = 0; i < PostedReply.PAGE + 50; i++) {
      send(pending("EvBusy" + i, "CPR2", thread), false);
    }
    PendingReply asked = pending("EvLate", "CPR2", thread);
    send(asked, false);
    int looks = slack.calls("/api/conversations.replies").size();
    assertEquals(last().ts(), PostedReply.find(client, asked, thread).ts());
    assertEquals(2, slack.calls("/api/conversations.replies").size() - looks, "two pages");
  }

  @Test
  void aDirectMessageReplyOutsideThreadsIsFoundInTheChannelsHistory() throws Exception {
    PendingReply asked = pending("EvDmFound", "DPR3", null);
    send(asked, false);
    int looks = slack.calls("/api/conversations.history").size();
    assertEquals(last().ts(), PostedReply.find(client, asked, null).ts());
    assertEquals(1, slack.calls("/api/conversations.history").size() - looks);
    assertNull(last().threadTs());
  }

  @Test
  void aReplyTakenOverIsNotPostedAgainWhenSlackHasIt() throws Exception {
    PendingReply asked = pending("EvTwice", "CPR4", "1800000500.000100");
    send(asked, false);
    int posts = slack.posted().size();
    var r = send(asked, true);
    assertTrue(r.isOk());
    assertEquals(last().ts(), r.getTs(), "the message found");
    assertEquals(posts, slack.posted().size(), "no second post");
  }

  @Test
  void aLookSlackRefusesIsUnknownAndTheReplyIsPosted() throws Exception {
    slack.script("/api/conversations.replies", SlackStandIn.Scripted.error("missing_scope"));
    PendingReply asked = pending("EvNoScope", "CPR5", "1800000600.000100");
    send(asked, false);
    PostedReply.Found found = PostedReply.find(client, asked, asked.thread());
    assertTrue(found.unknown() && found.error().contains("missing_scope"), found.toString());

    slack.script("/api/conversations.replies", SlackStandIn.Scripted.status(500));
    int posts = slack.posted().size();
    send(asked, true);
    assertEquals(posts + 1, slack.posted().size(), "posted rather than lost");
  }

  private static com.slack.api.methods.response.chat.ChatPostMessageResponse send(
      PendingReply pending, boolean lookFirst) throws Exception {
    return ReplyPost.send(
        client, pending, pending.thread(), new Replies.Message(List.of(), "an answer"), lookFirst);
  }

  private static SlackStandIn.Posted last() {
    List<SlackStandIn.Posted> posted = slack.posted();
    return posted.get(posted.size() - 1);
  }

  private static PendingReply pending(String eventId, String channel, String thread) {
    return new PendingReply(
        eventId,
        Surface.MENTION,
        "T0LOCAL",
        channel,
        thread,
        "U123",
        "a question",
        System.currentTimeMillis());
  }
}
