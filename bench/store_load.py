#!/usr/bin/env python3
"""Signed requests to a running `msftchina serve` on loopback, as Slack sends them (v0 signatures,
as `msftchina sign` and bench/unique_requests.py make them), for bench/store.sh.

  store_load.py home PORT SECRET USER PUBLISH_LOG
      one app_home_opened event (Events API JSON) from USER; prints the HTTP status, the time to
      the acknowledgement and the time until the Web API stand-in (writing PUBLISH_LOG) received
      views.publish for USER (or "none" after 60 s): "status ack_ms publish_ms"
  store_load.py load PORT SECRET ADMIN PUBLISH_LOG SECONDS CLIENTS
      for SECONDS: CLIENTS users sending /msftchina questions one after another, while ADMIN opens
      the Home tab every 250 ms; prints the slash commands' count, p50, p99, max and failures
      (not 200, or no answer within Slack's 3 s), the Home tab opens, their acknowledgements'
      failures and worst time, and how many views.publish for ADMIN arrived.
  store_load.py events PORT SECRET SECONDS
      for SECONDS: a mention every 50 ms (each event is claimed in the store before it is
      acknowledged); prints count, p50, p99, max and failures."""
import hashlib
import hmac
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import quote_plus

mode, port, secret = sys.argv[1], int(sys.argv[2]), sys.argv[3]
URL = f"http://127.0.0.1:{port}/slack/events"


def post(body, content_type, timeout=10):
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    req = urllib.request.Request(URL, data=body.encode(), method="POST", headers={
        "Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    except Exception:  # timeouts, refused or reset connections
        status = 0
    return status, (time.monotonic() - start) * 1000


def event(event_id, ev):
    body = json.dumps({"token": "unused", "team_id": "T0LOCAL", "api_app_id": "A0LOCAL", "event": ev,
                       "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
                       "authorizations": [{"team_id": "T0LOCAL", "user_id": "UBOT0001", "is_bot": True}]})
    return post(body, "application/json")


def home(user, n):
    return event(f"EvHome{user}{n}{time.time_ns()}", {
        "type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": "home",
        "event_ts": f"{time.time():.6f}"})


def slash(user, text):
    body = ("token=unused&team_id=T0LOCAL&team_domain=local&channel_id=C0LOCAL&channel_name=general"
            f"&user_id={user}&user_name=you&command=%2Fmsftchina&text={quote_plus(text)}"
            "&api_app_id=A0LOCAL&is_enterprise_install=false"
            "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Frespond&trigger_id=0.0.local")
    return post(body, "application/x-www-form-urlencoded")


def published(log, user):
    try:
        with open(log) as f:
            return sum(1 for line in f if line.split()[1:3] == ["views.publish", user])
    except FileNotFoundError:
        return 0


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[max(0, -(-p * len(values) // 100) - 1)]


QUESTIONS = ["who is Microsoft's biggest AI customer in China?", "how much does ByteDance spend?",
             "does Microsoft sell AI models in China?", "how much does Tencent spend on Azure?",
             "what did Brad Smith say about China?", "is Alibaba a customer?"]

if mode == "home":
    user, log = sys.argv[4], sys.argv[5]
    before = published(log, user)
    start = time.monotonic()
    status, ack = home(user, 0)
    publish = "none"
    while time.monotonic() - start < 60:
        if published(log, user) > before:
            publish = "%.0f" % ((time.monotonic() - start) * 1000)
            break
        time.sleep(0.005)
    print(status, "%.0f" % ack, publish)
elif mode == "load":
    admin, log, seconds, clients = sys.argv[4], sys.argv[5], float(sys.argv[6]), int(sys.argv[7])
    before = published(log, admin)
    end = time.monotonic() + seconds
    lat, fails, opens = [], [0], []
    lock = threading.Lock()

    def asker(n):
        i = 0
        while time.monotonic() < end:
            status, ms = slash(f"UASK{n}", f"{QUESTIONS[i % len(QUESTIONS)]} ({n}.{i})")
            with lock:
                lat.append(ms)
                if status != 200 or ms > 3000:
                    fails[0] += 1
            i += 1

    def opener():
        i = 0
        while time.monotonic() < end:
            t = time.monotonic()
            opens.append(home(admin, i))
            i += 1
            time.sleep(max(0.0, 0.25 - (time.monotonic() - t)))

    threads = [threading.Thread(target=asker, args=(n,)) for n in range(clients)]
    threads.append(threading.Thread(target=opener))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(2)
    bad_opens = sum(1 for s, ms in opens if s != 200 or ms > 3000)
    print(len(lat), "%.1f" % pct(lat, 50), "%.1f" % pct(lat, 99), "%.0f" % max(lat), fails[0],
          len(opens), bad_opens, "%.0f" % max(ms for _, ms in opens), published(log, admin) - before)
elif mode == "events":
    seconds = float(sys.argv[4])
    end = time.monotonic() + seconds
    lat, fails, i = [], 0, 0
    while time.monotonic() < end:
        t = time.monotonic()
        ts = f"{time.time():.6f}"
        status, ms = event(f"EvClaim{i}{time.time_ns()}", {
            "type": "app_mention", "user": "U123", "text": "<@UBOT0001> how much does ByteDance spend?",
            "ts": ts, "channel": f"C{i % 50}", "event_ts": ts})
        lat.append(ms)
        fails += status != 200 or ms > 3000
        i += 1
        time.sleep(max(0.0, 0.05 - (time.monotonic() - t)))
    print(len(lat), "%.1f" % pct(lat, 50), "%.1f" % pct(lat, 99), "%.0f" % max(lat), fails)
