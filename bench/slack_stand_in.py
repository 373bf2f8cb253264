#!/usr/bin/env python3
"""A local stand-in for Slack's Web API for benchmarks: answers auth.test and chat.postMessage
as Slack does, and any response_url post with "ok". Usage: slack_stand_in.py PORT [CALL_LOG]
With CALL_LOG, appends a line per call: the time, the method, the user_id it names, if any, then
the thread_ts a chat.postMessage names (or -) and "busy" when its text says the bot is busy."""
import json
import sys
import threading
import time
from urllib.parse import parse_qs
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUTH = {"ok": True, "url": "https://local.slack.com/", "team": "Local", "user": "msftchina",
        "team_id": "T0LOCAL", "user_id": "UBOT0001", "bot_id": "BBOT0001", "is_enterprise_install": False}

LOCK = threading.Lock()


class StandIn(BaseHTTPRequestHandler):
    def do_POST(self):
        data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if len(sys.argv) > 2:
            form = parse_qs(data.decode("utf-8", "replace"))
            user = form.get("user_id", ["-"])[0]
            thread = form.get("thread_ts", ["-"])[0]
            busy = " busy" if "busy" in form.get("text", [""])[0] else ""
            with LOCK, open(sys.argv[2], "a") as log:
                log.write("%.3f %s %s %s%s\n" % (time.time(), self.path.rsplit("/", 1)[-1], user, thread, busy))
        if self.path.endswith("/auth.test"):
            body = AUTH
        elif self.path.endswith("/chat.postMessage"):
            body = {"ok": True, "channel": "C1", "ts": "1.000001"}
        else:
            body = {"ok": True}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), StandIn).serve_forever()
