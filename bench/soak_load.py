#!/usr/bin/env python3
"""Paced load for bench/soak.sh: signed app_mention events, each into a new thread (its own ts),
spread over CHANNELS channels, alternately a short question and a 4,000-character one, RATE a
second in all for SECONDS. Writes one line per request to OUT: the event id, the thread ts and the
HTTP status (or 'error: ...'), and prints a summary line.
Usage: soak_load.py PORT SIGNING_SECRET RATE SECONDS CHANNELS OUT"""
import hashlib
import hmac
import http.client
import json
import queue
import random
import sys
import threading
import time

port, secret = int(sys.argv[1]), sys.argv[2].encode()
rate, seconds, channels, out = float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
BOT = "UBOT0001"  # bench/slack_stand_in.py's bot user
SHORT = ["who is the biggest AI customer in China?", "how much does Microsoft spend in China?",
         "when did Brad Smith testify?", "how many engineers work at the Beijing lab?"]
random.seed(11)
WORDS = ("china microsoft azure cloud revenue research lab beijing shanghai engineers customers "
         "partners policy export rules data centre growth report spend ai models").split()


def long_question(i):
    words, n = [], 0
    while n < 4000:
        w = random.choice(WORDS)
        words.append(w)
        n += len(w) + 1
    return ("question %d: " % i + " ".join(words))[:3999] + "?"


LONG = [long_question(i) for i in range(50)]
jobs = queue.Queue(maxsize=10_000)
lock = threading.Lock()
lines = []
late = [0]


def body_of(i):
    ts = "%d.%06d" % (1_700_000_000 + i // 1_000_000, i % 1_000_000)
    channel = "C%05d" % (i % channels)
    question = SHORT[i % len(SHORT)] if i % 2 == 0 else LONG[i % len(LONG)]
    event = {"type": "app_mention", "user": "U%05d" % (i % 977), "text": "<@%s> %s" % (BOT, question),
             "ts": ts, "channel": channel, "event_ts": ts}
    event_id = "EvSoak%08d" % i
    body = {"token": "unused", "team_id": "T0LOCAL", "api_app_id": "A0LOCAL", "event": event,
            "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
            "authorizations": [{"team_id": "T0LOCAL", "user_id": BOT, "is_bot": True}]}
    return event_id, ts, json.dumps(body)


def worker():
    conn = None
    while True:
        i = jobs.get()
        if i is None:
            return
        event_id, ts, body = body_of(i)
        now = str(int(time.time()))
        sig = "v0=" + hmac.new(secret, ("v0:%s:%s" % (now, body)).encode(), hashlib.sha256).hexdigest()
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("POST", "/slack/events", body.encode(),
                         {"Content-Type": "application/json", "X-Slack-Request-Timestamp": now,
                          "X-Slack-Signature": sig})
            r = conn.getresponse()
            r.read()
            status = str(r.status)
            if r.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except Exception as e:  # a refused or timed-out request is counted, not fatal
            status = "error: " + type(e).__name__
            if conn is not None:
                conn.close()
            conn = None
        with lock:
            lines.append("%s %s %s\n" % (event_id, ts, status))


threads = [threading.Thread(target=worker, daemon=True) for _ in range(24)]
for t in threads:
    t.start()
start = time.time()
total = int(rate * seconds)
for i in range(total):
    due = start + i / rate
    wait = due - time.time()
    if wait > 0:
        time.sleep(wait)
    elif wait < -1:
        late[0] += 1
    jobs.put(i)
for _ in threads:
    jobs.put(None)
for t in threads:
    t.join(30)
with open(out, "w") as f:
    f.writelines(lines)
ok = sum(1 for l in lines if l.split()[2] == "200")
print("sent %d in %.0f s (%d more than 1 s late); acknowledged (200) %d; other %d"
      % (total, time.time() - start, late[0], ok, len(lines) - ok))
