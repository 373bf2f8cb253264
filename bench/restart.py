#!/usr/bin/env python3
"""Stop and start `msftchina serve` under load (issue 21, item 7), for bench/restart.sh.

  restart.py PROJECT_DIR

ROUNDS times (default 20): starts PROJECT_DIR/bin/msftchina serve on one SQLite store, sends
mentions signed as Slack signs them (RATE a second, default 20, spread over CHANNELS channels,
default 4, each in a thread of its own), and at a random moment (KILL_MIN to KILL_MAX seconds into
the load, default 0.5 to 6) stops it with SIGTERM or SIGKILL, chosen at random (SEED, default 21),
while the load goes on. Then one last start without load delivers what is left (it ends when every
acknowledged mention has a reply, or when no reply came for QUIET seconds, default 40: more than a
killed copy's lease). The Web API stand-in (bench/slack_stand_in.py) holds each chat.postMessage
answer 20-300 ms after it took the message, so posts are in flight when serve stops.

Prints each round (signal, kill point, mentions acknowledged) and the totals: replies acknowledged,
posted once, posted twice or more, lost (acknowledged, never posted); posts found by the bot's
lookups (conversations.replies / history) are counted too. A reply is matched to its mention by
channel and thread (each mention starts a thread), so the count needs no help from the bot."""
import hashlib
import hmac
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

PROJECT = os.path.abspath(sys.argv[1])
BENCH = os.path.dirname(os.path.abspath(__file__))
ROUNDS = int(os.environ.get("ROUNDS", "20"))
RATE = float(os.environ.get("RATE", "20"))
CHANNELS = int(os.environ.get("CHANNELS", "4"))
SEED = int(os.environ.get("SEED", "21"))
KILL_MIN = float(os.environ.get("KILL_MIN", "0.5"))
KILL_MAX = float(os.environ.get("KILL_MAX", "6"))
QUIET = float(os.environ.get("QUIET", "40"))
SECRET = "bench-restart-signing-secret"
QUESTION = "who is the biggest AI customer in China?"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signed_post(port, body):
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=body.encode(),
                                 method="POST", headers={"Content-Type": "application/json",
                                                         "X-Slack-Request-Timestamp": ts,
                                                         "X-Slack-Signature": sig})
    try:
        with urllib.request.urlopen(req, timeout=3) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception:  # refused, reset, timed out: not acknowledged
        return 0


def mention(event_id, channel, ts):
    # https://api.slack.com/events/app_mention inside an event_callback envelope
    ev = {"type": "app_mention", "user": "U123", "text": f"<@UBOT0001> {QUESTION}", "ts": ts,
          "channel": channel, "event_ts": ts}
    return json.dumps({"token": "unused", "team_id": "T0LOCAL", "api_app_id": "A0LOCAL", "event": ev,
                       "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
                       "authorizations": [{"team_id": "T0LOCAL", "user_id": "UBOT0001",
                                           "is_bot": True}]})


class Load:
    """Mentions at RATE a second, one sender a channel, until stopped; keeps those acknowledged."""

    counter = 0
    lock = threading.Lock()

    def __init__(self, port, round_no, acknowledged):
        self.port, self.round_no, self.acknowledged = port, round_no, acknowledged
        self.stopping = threading.Event()
        self.sent = 0
        self.threads = [threading.Thread(target=self.send, args=(c,)) for c in range(CHANNELS)]
        for t in self.threads:
            t.start()

    def send(self, c):
        channel = f"C{c:03d}"
        interval = CHANNELS / RATE
        due = time.monotonic()
        while not self.stopping.is_set():
            with Load.lock:
                Load.counter += 1
                n = Load.counter
            ts = "%d.%06d" % (1_800_000_000 + n // 1_000_000, n % 1_000_000)
            event_id = f"EvR{self.round_no:02d}N{n:06d}"
            status = signed_post(self.port, mention(event_id, channel, ts))
            with Load.lock:
                self.sent += 1
                if status == 200:
                    self.acknowledged[event_id] = (channel, ts)
            due += interval
            self.stopping.wait(max(0, due - time.monotonic()))

    def stop(self):
        self.stopping.set()
        for t in self.threads:
            t.join()


def posts(slack_port):
    with urllib.request.urlopen(f"http://127.0.0.1:{slack_port}/_posts", timeout=10) as r:
        return json.load(r)


def serve(env, log):
    port = free_port()
    proc = subprocess.Popen([os.path.join(PROJECT, "bin", "msftchina"), "serve"], cwd=PROJECT,
                            env=dict(env, PORT=str(port)), stdout=subprocess.DEVNULL, stderr=log)
    end = time.monotonic() + 60
    while time.monotonic() < end:
        if proc.poll() is not None:
            sys.exit(f"serve exited ({proc.returncode}) before it was ready; see {log.name}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as r:
                if r.status == 200:
                    return proc, port
        except Exception:
            pass
        time.sleep(0.05)
    proc.kill()
    sys.exit("serve was not ready in 60 s")


def main():
    rng = random.Random(SEED)
    work = tempfile.mkdtemp(prefix="restart-bench-")
    slack_port = free_port()
    stand_in = subprocess.Popen([sys.executable, os.path.join(BENCH, "slack_stand_in.py"),
                                 str(slack_port), os.path.join(work, "calls.log")],
                                env=dict(os.environ, STAND_IN_POST_DELAY_MS="20-300"))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "HOST": "127.0.0.1",
           "SLACK_SIGNING_SECRET": SECRET, "SLACK_BOT_TOKEN": "xoxb-bench-restart",
           "SLACK_API_URL": f"http://127.0.0.1:{slack_port}/api/",
           "MSFTCHINA_DB": "jdbc:sqlite:" + os.path.join(work, "store.db")}
    if "JAVA_HOME" in os.environ:
        env["JAVA_HOME"] = os.environ["JAVA_HOME"]
    acknowledged = {}
    stops = []
    try:
        time.sleep(0.3)
        for r in range(1, ROUNDS + 1):
            with open(os.path.join(work, f"serve-{r:02d}.log"), "w") as log:
                proc, port = serve(env, log)
                load = Load(port, r, acknowledged)
                kill_at = rng.uniform(KILL_MIN, KILL_MAX)
                sig = rng.choice([signal.SIGTERM, signal.SIGKILL])
                time.sleep(kill_at)
                started = time.monotonic()
                proc.send_signal(sig)
                try:
                    proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                load.stop()
                stops.append(sig)
                print("round %2d: %-7s after %.2f s of load, %3d mentions sent, stopped in %.1f s"
                      % (r, sig.name, kill_at, load.sent, time.monotonic() - started), flush=True)
        with open(os.path.join(work, "serve-last.log"), "w") as log:
            proc, port = serve(env, log)
            quiet_since, seen = time.monotonic(), -1
            while time.monotonic() - quiet_since < QUIET:
                kept = posts(slack_port)
                answered = {(p["channel"], p["thread_ts"]) for p in kept}
                if all(v in answered for v in acknowledged.values()):
                    break
                if len(kept) != seen:
                    seen, quiet_since = len(kept), time.monotonic()
                time.sleep(0.5)
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        kept = posts(slack_port)
    finally:
        stand_in.terminate()
    count = {}
    for p in kept:
        key = (p["channel"], p["thread_ts"])
        count[key] = count.get(key, 0) + 1
    per_event = [count.get(v, 0) for v in acknowledged.values()]
    known = set(acknowledged.values())
    unacknowledged = sum(1 for k in count if k not in known)
    with open(os.path.join(work, "calls.log")) as f:
        lookups = sum(1 for line in f if " conversations." in line)
    with_metadata = sum(1 for p in kept if p.get("metadata"))
    print()
    print(f"{ROUNDS} rounds ({sum(s == signal.SIGTERM for s in stops)} SIGTERM, "
          f"{sum(s == signal.SIGKILL for s in stops)} SIGKILL), seed {SEED}, {PROJECT}")
    print(f"replies acknowledged     {len(per_event)}")
    print(f"posted once              {sum(n == 1 for n in per_event)}")
    print(f"posted twice or more     {sum(n >= 2 for n in per_event)}"
          f"  ({sum(n - 1 for n in per_event if n >= 2)} extra posts)")
    print(f"lost (never posted)      {sum(n == 0 for n in per_event)}")
    print(f"posted, not acknowledged {unacknowledged}  (the bot took the event, its 200 never arrived)")
    print(f"posts in all             {len(kept)}, {with_metadata} with metadata; "
          f"{lookups} conversations.replies/history lookups")
    print(f"logs in {work}")


main()
