#!/usr/bin/env python3
"""Writes signed /msftchina slash commands with questions that never repeat, as people ask them:
every question of eval/ (tuning, held-out and blind sets), each with a greeting, an aside and a
sign-off drawn at random, all distinct. One request a line: timestamp, signature, body (tabs).
Usage: unique_requests.py SIGNING_SECRET COUNT OUT_FILE"""
import glob
import hashlib
import hmac
import json
import random
import sys
import time
from urllib.parse import quote_plus

secret, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
questions = []
for path in sorted(glob.glob("eval/*.jsonl") + glob.glob("eval/unseen/*.jsonl")):
    with open(path, encoding="utf-8") as f:
        questions += [json.loads(line)["question"] for line in f if line.strip()]
greetings = ["", "hey, ", "hi all, ", "quick q: ", "sorry to bug you, ", "@here ", "morning! ",
             "ok so ", "question: ", "random one: "]
asides = ["", " (for the Monday sync)", " — asking for a deck", " cc Ana", " cc Raj", " cc Wei",
          " per our call", " for the board memo", " re: the FT piece", " before standup"]
endings = ["", " thanks", " thx", " pls", " 🙏", " ty!", " asap", " cheers", " ?", " if you know"]
random.seed(7)
seen = set()
ts = str(int(time.time()))
with open(out, "w", encoding="utf-8") as f:
    while len(seen) < count:
        q = random.choice(greetings) + random.choice(questions) + random.choice(asides) + random.choice(endings)
        q = q.replace("\n", " ")
        if q in seen:
            continue
        seen.add(q)
        body = ("token=unused&team_id=T0LOCAL&team_domain=local&channel_id=C0LOCAL&channel_name=general"
                "&user_id=U0LOCAL&user_name=you&command=%2Fmsftchina&text=" + quote_plus(q) +
                "&api_app_id=A0LOCAL&is_enterprise_install=false"
                "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Frespond&trigger_id=0.0.local")
        sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
        f.write(f"{ts}\t{sig}\t{body}\n")
