#!/usr/bin/env python3
"""A local stand-in for Slack's Web API for benchmarks: answers auth.test, chat.postMessage,
conversations.replies and conversations.history as Slack does, and any response_url post with "ok".
Usage: slack_stand_in.py PORT [CALL_LOG]
With CALL_LOG, appends a line per call: the time, the method, the user_id it names, if any, then
the thread_ts a chat.postMessage names (or -) and "busy" when its text says the bot is busy.

Every chat.postMessage is kept (channel, thread_ts, a ts of its own, text, metadata) and counted as
accepted when it arrives, as Slack posts a message before its answer reaches the client: with
STAND_IN_POST_DELAY_MS=LOW-HIGH (milliseconds) the answer is held a random time in that range
after the message is kept, so a client killed meanwhile has been posted without knowing it.
conversations.replies and conversations.history answer from the kept messages, with their
metadata when include_all_metadata is true. GET /_posts returns every kept message as JSON
(bench/restart.py counts them per event)."""
import json
import os
import random
import sys
import threading
import time
from urllib.parse import parse_qs, urlparse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUTH = {"ok": True, "url": "https://local.slack.com/", "team": "Local", "user": "msftchina",
        "team_id": "T0LOCAL", "user_id": "UBOT0001", "bot_id": "BBOT0001", "is_enterprise_install": False}

DELAY = [int(x) for x in os.environ.get("STAND_IN_POST_DELAY_MS", "0-0").split("-")]
POSTS = []  # every message posted, in the order Slack took them
LOCK = threading.Lock()
LAST_TS = [0.0]


def next_ts():
    """A message ts as Slack makes them (seconds.microseconds), unique and increasing."""
    with LOCK:
        ts = max(time.time(), LAST_TS[0] + 0.000001)
        LAST_TS[0] = ts
        return "%.6f" % ts


def shown(post, metadata):
    """A kept message as Slack's conversations methods show it."""
    message = {"type": "message", "subtype": "bot_message", "bot_id": AUTH["bot_id"],
               "user": AUTH["user_id"], "text": post["text"], "ts": post["ts"]}
    if post["thread_ts"]:
        message["thread_ts"] = post["thread_ts"]
    if metadata and post["metadata"]:
        message["metadata"] = post["metadata"]
    return message


def page(messages, form, extra):
    """One page of messages, paged by cursor (an offset) and limit, in Slack's response format."""
    start = int(form.get("cursor", ["0"])[0] or 0)
    limit = int(form.get("limit", ["100"])[0] or 100)
    chunk = messages[start:start + limit]
    more = start + limit < len(messages)
    body = {"ok": True, "messages": chunk, "has_more": more}
    body.update(extra)
    body["response_metadata"] = {"next_cursor": str(start + limit) if more else ""}
    return body


def replies(form):
    # https://api.slack.com/methods/conversations.replies: the parent first, then the replies
    # oldest first; has_more and response_metadata.next_cursor page the rest.
    channel, ts = form.get("channel", [""])[0], form.get("ts", [""])[0]
    metadata = form.get("include_all_metadata", ["false"])[0] in ("true", "1")
    oldest = float(form.get("oldest", ["0"])[0] or 0)
    with LOCK:
        kept = [p for p in POSTS if p["channel"] == channel and p["thread_ts"] == ts]
    parent = {"type": "message", "user": "U123", "text": "a question", "ts": ts, "thread_ts": ts,
              "reply_count": len(kept)}
    messages = [parent] + [shown(p, metadata) for p in kept if float(p["ts"]) >= oldest]
    return page(messages, form, {})


def history(form):
    # https://api.slack.com/methods/conversations.history: the channel's messages (not the replies
    # in threads), newest first, from latest back to oldest.
    channel = form.get("channel", [""])[0]
    metadata = form.get("include_all_metadata", ["false"])[0] in ("true", "1")
    oldest = float(form.get("oldest", ["0"])[0] or 0)
    latest = float(form.get("latest", ["0"])[0] or 0) or float("inf")
    with LOCK:
        kept = [p for p in POSTS if p["channel"] == channel and not p["thread_ts"]
                and oldest <= float(p["ts"]) <= latest]
    messages = [shown(p, metadata) for p in reversed(kept)]
    return page(messages, form, {"pin_count": 0})


def post_message(form):
    # https://api.slack.com/methods/chat.postMessage: metadata is a JSON object of event_type and
    # event_payload (https://api.slack.com/metadata/using).
    try:
        metadata = json.loads(form.get("metadata", [""])[0] or "null")
    except ValueError:
        metadata = None
    post = {"channel": form.get("channel", [""])[0], "thread_ts": form.get("thread_ts", [None])[0],
            "ts": next_ts(), "text": form.get("text", [""])[0], "metadata": metadata,
            "at": time.time()}
    with LOCK:
        POSTS.append(post)
    if DELAY[1] > 0:
        time.sleep(random.uniform(DELAY[0], DELAY[1]) / 1000)
    return {"ok": True, "channel": post["channel"], "ts": post["ts"],
            "message": shown(post, False)}


class StandIn(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/_posts":
            with LOCK:
                self.answer(list(POSTS))
        else:
            self.answer({"ok": False, "error": "unknown_method"}, 404)

    def do_POST(self):
        data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        form = parse_qs(data.decode("utf-8", "replace"))
        method = urlparse(self.path).path.rsplit("/", 1)[-1]
        if len(sys.argv) > 2:
            user = form.get("user_id", ["-"])[0]
            thread = form.get("thread_ts", ["-"])[0]
            busy = " busy" if "busy" in form.get("text", [""])[0] else ""
            with open(sys.argv[2], "a") as log:
                log.write("%.3f %s %s %s%s\n" % (time.time(), method, user, thread, busy))
        if method == "auth.test":
            body = AUTH
        elif method == "chat.postMessage":
            body = post_message(form)
        elif method == "conversations.replies":
            body = replies(form)
        elif method == "conversations.history":
            body = history(form)
        else:
            body = {"ok": True}
        self.answer(body)

    def answer(self, body, status=200):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a client that went away before its answer (serve killed meanwhile) is not news
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


Server(("127.0.0.1", int(sys.argv[1])), StandIn).serve_forever()
