#!/usr/bin/env python3
"""dedupe_corpus.py: a synthetic news corpus for benchmarking news-dedupe.

usage: dedupe_corpus.py [--docs N] [--words W] [--dups FRACTION] [--seed S]

Writes N documents as JSON Lines ({"id","url","date","text"}) to stdout:
stories of about W words made of invented words (Zipf-distributed, so
frequent words repeat as in English), each framed by one of 200 site
templates (menus, bylines, share lines, footers).  A FRACTION of the
documents are copies of earlier stories in another site's template,
some edited (words dropped or inserted) or cut short.  Deterministic for
a given seed.  Nothing here comes from real text.
"""
import argparse
import json
import random
import sys

SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"] + ["th", "st", "an", "er", "on"]


def make_vocab(rng, n):
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))))
    words = sorted(words)
    rng.shuffle(words)
    return words


def make_site(rng, vocab, i):
    name = " ".join(w.capitalize() for w in rng.sample(vocab[:3000], 2)) + " News"
    menu = " | ".join(w.capitalize() for w in rng.sample(vocab[:2000], rng.randint(4, 8)))
    header = [name, menu] + rng.sample([
        "Listen to this article", "Skip to main content", "Advertisement",
        "Share on Facebook Share on Twitter Email", "Subscribe for full access to " + name,
    ], rng.randint(1, 4))
    footer = rng.sample([
        "Copyright %s. All rights reserved; no part may be republished." % name,
        "Sign up for the %s morning briefing, delivered to your inbox." % name,
        "Comments are closed. Read our community guidelines before posting.",
        "Related: " + " | ".join(" ".join(rng.sample(vocab[:5000], 3)) for _ in range(4)),
        "Follow %s on social media for the latest updates." % name,
    ], rng.randint(1, 5))
    return name, header, footer


def sentence(rng, vocab, cum):
    words = rng.choices(vocab, cum_weights=cum, k=rng.randint(8, 24))
    return " ".join(words).capitalize() + "."


def story(rng, vocab, cum, n_words):
    paras, count = [], 0
    while count < n_words:
        para = " ".join(sentence(rng, vocab, cum) for _ in range(rng.randint(2, 5)))
        count += para.count(" ") + 1
        paras.append(para)
    title = " ".join(rng.choices(vocab, cum_weights=cum, k=rng.randint(5, 10))).capitalize()
    return title, paras


def variant(rng, vocab, cum, title, paras):
    kind = rng.random()
    paras = list(paras)
    if kind < 0.3:          # edited: words dropped and inserted
        out = []
        for p in paras:
            ws = p.split()
            ws = [w for w in ws if rng.random() > 0.04]
            for _ in range(len(ws) // 30):
                ws.insert(rng.randrange(len(ws) + 1), rng.choice(vocab[:500]))
            out.append(" ".join(ws))
        paras = out
    elif kind < 0.5:        # cut short
        paras = paras[:max(1, int(len(paras) * rng.uniform(0.5, 0.9)))]
    elif kind < 0.6:        # retitled
        title = "Update: " + title
    return title, paras


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--words", type=int, default=450)
    ap.add_argument("--dups", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    vocab = make_vocab(rng, 50000)
    cum, total = [], 0.0
    for r in range(len(vocab)):
        total += 1.0 / (r + 1)
        cum.append(total)
    sites = [make_site(rng, vocab, i) for i in range(200)]
    recent = []             # stories that later documents may copy
    out = sys.stdout
    for i in range(a.docs):
        if recent and rng.random() < a.dups:
            title, paras = variant(rng, vocab, cum, *rng.choice(recent))
        else:
            title, paras = story(rng, vocab, cum, max(20, int(rng.gauss(a.words, a.words / 3))))
            recent.append((title, paras))
            if len(recent) > 2000:
                recent.pop(rng.randrange(len(recent)))
        name, header, footer = rng.choice(sites)
        day = "2024-%02d-%02d" % (1 + i * 12 // max(a.docs, 1), 1 + rng.randrange(28))
        text = "\n".join(header + ["By Staff, " + name, title, ""] + ["\n\n".join(paras), ""] + footer)
        out.write(json.dumps({"id": "d%07d" % i, "url": "https://example.org/%d" % i,
                              "date": day, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
