#!/usr/bin/env python3
"""The synthetic library of bench/library.sh, made the same every time (seeded).

  library.py make FACTS_DIR REPORTS STATEMENTS
      Writes REPORTS reports of STATEMENTS ordinary business sentences each, every one with a
      citation marker's numbers, as facts/lib-NNNN/facts.jsonl (the format `ingest` writes; what a
      sentence gives is its years only: no aliases, so no entities, and no kinds of figure).
  library.py questions COUNT OUT_FILE
      Writes COUNT distinct questions about the synthetic reports, one a line.
  library.py replace FACTS_DIR REPORT WORD
      Rewrites REPORT's facts file with every sentence naming WORD, written beside it and moved
      over it in one rename, as a re-ingest does.
  library.py requests SIGNING_SECRET COUNT OUT_FILE QUESTIONS_FILE
      Writes COUNT signed /msftchina commands, one a line (timestamp, signature, body: tabs), that
      never repeat: the questions of eval/ and of QUESTIONS_FILE in turn, each with a greeting and
      a sign-off drawn at random.
"""
import glob
import hashlib
import hmac
import json
import os
import random
import sys
import time
from urllib.parse import quote_plus

FIRST = ["Contoso", "Fabrikam", "Northwind", "Tailspin", "Litware", "Adatum", "Proseware",
         "Wingtip", "Lucerne", "Relecloud", "Woodgrove", "Trey", "Alpine", "Coho", "Fourth",
         "Graphic", "Humongous", "Margie", "Southridge", "Blue Yonder"]
SECOND = ["Logistics", "Foods", "Pharma", "Retail", "Energy", "Airlines", "Textiles", "Motors",
          "Insurance", "Media", "Mining", "Telecom", "Robotics", "Chemicals", "Shipping"]
REGIONS = ["the Nordic region", "Southeast Asia", "Latin America", "the Gulf states", "Central Europe",
           "East Africa", "the Pacific Northwest", "the Iberian peninsula", "the Midwest", "Japan",
           "Australia", "the Benelux countries", "India", "Canada", "the Balkans"]
METRICS = ["revenue", "operating margin", "net income", "free cash flow", "order backlog",
           "gross margin", "headcount", "capital spending", "market share", "customer churn",
           "inventory turnover", "average selling price", "research spending", "dividend"]
VERBS = ["grew", "fell", "rose", "declined", "improved", "slipped", "doubled", "stabilised"]
CAUSES = ["demand for cold-chain services rose", "a new distribution centre opened",
          "input costs eased", "a price war with local rivals began", "a large contract ended",
          "the currency weakened", "a product recall weighed on sales", "subscriptions took off",
          "the company cut its marketing budget", "regulators approved a merger",
          "a drought raised commodity prices", "freight rates returned to normal",
          "a factory was automated", "two warehouses were closed", "the loyalty scheme expanded"]
PRODUCTS = ["its analytics platform", "frozen ready meals", "electric delivery vans",
            "generic inhalers", "private-label apparel", "rooftop solar panels", "cargo insurance",
            "5G small cells", "warehouse robots", "specialty coatings", "regional flights",
            "streaming bundles", "copper concentrate", "industrial sensors", "pet food"]


def company(r):
    rng = random.Random(r)
    return rng.choice(FIRST) + " " + rng.choice(SECOND)


def sentence(rng, name, word=None):
    year = rng.randint(2015, 2025)
    metric = rng.choice(METRICS)
    kind = rng.randrange(4)
    if kind == 0:
        s = (f"In fiscal {year}, {name} {rng.choice(VERBS)} its {metric} in {rng.choice(REGIONS)} "
             f"by {rng.randint(2, 40)}% as {rng.choice(CAUSES)}.")
    elif kind == 1:
        s = (f"{name} said sales of {rng.choice(PRODUCTS)} reached ${rng.randint(5, 900)} million "
             f"in {year}, led by {rng.choice(REGIONS)}.")
    elif kind == 2:
        s = (f"Analysts expect {name}'s {metric} to {rng.choice(['recover', 'weaken', 'hold steady'])} "
             f"after {rng.choice(CAUSES)}.")
    else:
        s = (f"The board of {name} approved a plan to invest in {rng.choice(PRODUCTS)} across "
             f"{rng.choice(REGIONS)} by {year + rng.randint(1, 5)}.")
    if word:
        s = s[:-1] + f", including {word} work."
    return s


def years(text):
    return sorted({w.strip(".,$%'s") for w in text.split() if w.strip(".,$%'s").isdigit()
                   and 1900 <= int(w.strip(".,$%'s")) <= 2100})


def facts(r, statements, word=None):
    rng = random.Random(r * 7919 + (1 if word else 0))
    name = company(r)
    title = f"{name}: annual review {2015 + r % 10}"
    rid = f"lib-{r:04d}"
    lines = []
    for i in range(statements):
        paragraph, position = i // 5 + 1, i % 5 + 1
        text = sentence(rng, name, word)
        cites = sorted(rng.sample(range(1, 60), rng.randint(1, 3)))
        lines.append(json.dumps({
            "id": f"{rid}:{paragraph}.{position}", "report": title, "paragraph": paragraph,
            "position": position, "text": text, "citations": cites,
            "gives": {"entities": [], "figures": [], "years": years(text), "measures": []}},
            ensure_ascii=False))
    return rid, "\n".join(lines) + "\n"


def write(facts_dir, rid, text):
    folder = os.path.join(facts_dir, rid)
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, ".facts.jsonl.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, os.path.join(folder, "facts.jsonl"))


def main():
    cmd = sys.argv[1]
    if cmd == "make":
        facts_dir, reports, statements = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        for r in range(reports):
            write(facts_dir, *facts(r, statements))
    elif cmd == "replace":
        facts_dir, rid, word = sys.argv[2], sys.argv[3], sys.argv[4]
        r = int(rid.split("-")[1])
        statements = sum(1 for _ in open(os.path.join(facts_dir, rid, "facts.jsonl")))
        write(facts_dir, *facts(r, statements, word))
    elif cmd == "questions":
        count, out = int(sys.argv[2]), sys.argv[3]
        rng = random.Random(11)
        seen = set()
        with open(out, "w", encoding="utf-8") as f:
            while len(seen) < count:
                r = rng.randrange(1000)
                q = rng.choice([
                    f"How did {company(r)}'s {rng.choice(METRICS)} change in {rng.choice(REGIONS)}?",
                    f"What did {company(r)} sell in {rng.choice(REGIONS)} in {rng.randint(2015, 2025)}?",
                    f"Why did {rng.choice(METRICS)} {rng.choice(VERBS).rstrip('ed')} at {company(r)}?",
                    f"Where is {company(r)} investing in {rng.choice(PRODUCTS)}?"])
                if q not in seen:
                    seen.add(q)
                    f.write(q + "\n")
    elif cmd == "requests":
        secret, count, out, extra = sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
        questions = []
        for path in sorted(glob.glob("eval/*.jsonl") + glob.glob("eval/unseen/*.jsonl")):
            with open(path, encoding="utf-8") as f:
                questions += [json.loads(line)["question"] for line in f if line.strip()]
        with open(extra, encoding="utf-8") as f:
            questions += [line.strip() for line in f if line.strip()]
        greetings = ["", "hey, ", "hi all, ", "quick q: ", "sorry to bug you, ", "@here ",
                     "morning! ", "ok so ", "question: ", "random one: "]
        endings = ["", " thanks", " thx", " pls", " 🙏", " ty!", " asap", " cheers", " ?", " cc Ana"]
        rng = random.Random(7)
        seen = set()
        ts = str(int(time.time()))
        with open(out, "w", encoding="utf-8") as f:
            while len(seen) < count:
                q = (rng.choice(greetings) + rng.choice(questions) + rng.choice(endings)).replace("\n", " ")
                if q in seen:
                    continue
                seen.add(q)
                body = ("token=unused&team_id=T0LOCAL&team_domain=local&channel_id=C0LOCAL"
                        "&channel_name=general&user_id=U0LOCAL&user_name=you&command=%2Fmsftchina"
                        "&text=" + quote_plus(q) + "&api_app_id=A0LOCAL&is_enterprise_install=false"
                        "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Frespond&trigger_id=0.0.local")
                sig = "v0=" + hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(),
                                       hashlib.sha256).hexdigest()
                f.write(f"{ts}\t{sig}\t{body}\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
