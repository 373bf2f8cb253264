#!/usr/bin/env python3
"""A local stand-in for Slack's Web API for benchmarks: answers auth.test and chat.postMessage
as Slack does, and any response_url post with "ok". Usage: slack_stand_in.py PORT"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

AUTH = {"ok": True, "url": "https://local.slack.com/", "team": "Local", "user": "msftchina",
        "team_id": "T0LOCAL", "user_id": "UBOT0001", "bot_id": "BBOT0001", "is_enterprise_install": False}


class StandIn(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
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
