package msftchina.slack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which queued reply goes next, fair between channels: each channel has its own queue, served in
 * turn, and a channel's posts start at most one each {@link Delivery#channelInterval()}; a retry
 * waits at the head of its channel's queue, the pause held by the channel (growing as {@link
 * Delivery} says when Slack names none).
 *
 * <p>NOTE: not safe for concurrent use; {@link SendQueue} holds its lock around every call.
 */
final class ChannelTurns {

  /** One channel's queue, and when its next post may start. */
  private static final class Channel {
    final ArrayDeque<QueuedReply> replies = new ArrayDeque<>();
    long notBefore;
    long nextPause;
  }

  private final Delivery policy;
  private final Map<String, Channel> channels = new HashMap<>();
  private final ArrayDeque<String> turns = new ArrayDeque<>();
  private final List<QueuedReply> inFlight = new ArrayList<>();

  ChannelTurns(Delivery policy) {
    this.policy = policy;
  }

  /** Queues {@code reply} at the end of its channel's queue. */
  void add(QueuedReply reply) {
    Channel c = channels.computeIfAbsent(reply.channel(), k -> new Channel());
    if (c.replies.isEmpty()) {
      turns.addLast(reply.channel());
    }
    c.replies.addLast(reply);
  }

  /**
   * Returns the next reply whose channel's turn it is and whose pause is over at {@code now} (in
   * {@link System#nanoTime()}), counted in flight from then on; or null when none is ready.
   */
  QueuedReply take(long now) {
    Iterator<String> it = turns.iterator();
    while (it.hasNext()) {
      String id = it.next();
      Channel c = channels.get(id);
      if (c.notBefore - now <= 0) {
        it.remove();
        QueuedReply reply = c.replies.pollFirst();
        c.notBefore = now + policy.channelInterval().toNanos();
        if (!c.replies.isEmpty()) {
          turns.addLast(id);
        }
        inFlight.add(reply);
        return reply;
      }
    }
    return null;
  }

  /**
   * Returns the nanoseconds from {@code now} until a reply waiting may go, or {@link
   * Long#MAX_VALUE} when none waits.
   */
  long nanosToNext(long now) {
    long wait = Long.MAX_VALUE;
    for (String id : turns) {
      wait = Math.min(wait, channels.get(id).notBefore - now);
    }
    return wait;
  }

  /** Ends {@code reply}'s flight: delivered, so its channel's growing pause starts over. */
  void delivered(QueuedReply reply) {
    channels.get(reply.channel()).nextPause = 0;
    landed(reply);
  }

  /**
   * Puts {@code reply} back at the head of its channel's queue, to go after {@code
   * retryAfterMillis} or, when that is {@link Delivery#BACKOFF}, the channel's next growing pause;
   * returns the pause in milliseconds.
   */
  long retry(QueuedReply reply, long retryAfterMillis) {
    Channel c = channels.get(reply.channel());
    long pause = retryAfterMillis;
    if (pause == Delivery.BACKOFF) {
      c.nextPause =
          c.nextPause == 0
              ? policy.firstPause().toMillis()
              : Math.min(c.nextPause * 2, policy.longestPause().toMillis());
      pause = c.nextPause;
    }
    if (c.replies.isEmpty()) {
      turns.remove(reply.channel());
      turns.addLast(reply.channel());
    }
    c.replies.addFirst(reply.retried());
    c.notBefore = Math.max(c.notBefore, System.nanoTime() + pause * 1_000_000);
    landed(reply);
    return pause;
  }

  /** Ends {@code reply}'s flight without sending it again. */
  void landed(QueuedReply reply) {
    inFlight.remove(reply);
    Channel c = channels.get(reply.channel());
    if (c != null && c.replies.isEmpty() && !inFlightTo(reply.channel())) {
      channels.remove(reply.channel());
    }
  }

  private boolean inFlightTo(String channel) {
    return inFlight.stream().anyMatch(r -> r.channel().equals(channel));
  }

  /** Returns whether no reply waits for its turn (some may be in flight). */
  boolean noneWaiting() {
    return turns.isEmpty();
  }

  /** Returns how many replies wait or are being sent. */
  int pending() {
    return inFlight.size() + channels.values().stream().mapToInt(c -> c.replies.size()).sum();
  }

  /** Removes and returns every reply waiting (not those in flight). */
  List<QueuedReply> clearWaiting() {
    List<QueuedReply> waiting = new ArrayList<>();
    for (Channel c : channels.values()) {
      waiting.addAll(c.replies);
      c.replies.clear();
    }
    turns.clear();
    return waiting;
  }

  /** Returns the replies being sent. */
  List<QueuedReply> inFlight() {
    return List.copyOf(inFlight);
  }
}
