#!/usr/bin/env python3
"""Score news-events on the development set (bench/events-dev/).

usage: news-events-dev.py [--bin DIR] [--part dev|check|all] [--show]
                          [--from ID] [--to ID] [--pred FILE] [--docs FILE] [SENTENCES]

Reads the hand-coded sentences (bench/events-dev/sentences.txt, format in
its README.md), runs them through DIR/news-split | news-tag | news-events
(or scores --pred FILE, news-events' output for --docs FILE), and prints
precision, recall and F1 on root code plus actors for the dev part
(documents whose number is not a multiple of 3) and the check part (those
that are).  --show lists the misses and false events of the parts scored.
--from ID scores only the documents numbered ID or later (d444: the set
written as a stand-in for held-out news), and prints them as one part too;
--to ID only those numbered ID or earlier (d443: the set before them).

Matching, as ../shared/tools/score_events.py does it: a prediction matches
a gold event of the same document and sentence when its root is the gold
root (or an allowed alternative) and its actors match: the same country
(first three letters) and, where the gold names a role (KORGOV), that role
right after the country.  Symmetric gold events match either direction.
Recall counts required gold events; a prediction that matches no gold
event, required or optional, is false; identical predictions (same
sentence, actors and root) count once.
"""
import argparse, json, os, re, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(path):
    """Documents: [{id, date, sents: [{text, gold: [...]}]}]."""
    docs, doc = [], None
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("= "):
            f = line.split()
            doc = {"id": f[1], "date": f[2] if len(f) > 2 else None, "sents": []}
            docs.append(doc)
        elif line.startswith(">"):
            f = line[1:].split()
            if f == ["-"]:
                continue
            if len(f) < 3 or not doc["sents"]:
                sys.exit(f"{path}:{n}: bad event line")
            roots = f[2].split("/")
            doc["sents"][-1]["gold"].append({
                "source": f[0], "target": f[1], "code": roots[0],
                "roots": [roots[0][:2]] + [r[:2] for r in roots[1:]],
                "symmetric": "~" in f[3:], "required": "?" not in f[3:],
                "line": n})
        else:
            doc["sents"].append({"text": line, "gold": []})
    return docs


def docnum(doc_id):
    return int(re.sub(r"\D", "", doc_id))


def part_of(doc_id):
    return "check" if docnum(doc_id) % 3 == 0 else "dev"


def norm(t):
    return " ".join(t.split())


def actor_ok(gold, got):
    return got[:3] == gold[:3] and (len(gold) == 3 or got[3:].startswith(gold[3:]))


def code(a):
    if isinstance(a, dict):
        a = a.get("code")
    return (a or "").upper()


def matches(g, p):
    if p["root"] not in g["roots"]:
        return False
    s, t = p["s"], p["t"]
    if actor_ok(g["source"], s) and actor_ok(g["target"], t):
        return True
    return g["symmetric"] and actor_ok(g["source"], t) and actor_ok(g["target"], s)


def run_pipeline(docs, bindir):
    inp = "".join(json.dumps({"id": d["id"], "date": d["date"],
                              "text": " ".join(s["text"] for s in d["sents"])}) + "\n"
                  for d in docs)
    cmd = (f"{bindir}/news-split | {bindir}/news-tag | {bindir}/news-events")
    out = subprocess.run(cmd, shell=True, input=inp, capture_output=True,
                         text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def sentence_of(doc, text):
    """The gold sentence a predicted sentence lies in (or holds), or None."""
    t = norm(text)
    for i, s in enumerate(doc["sents"]):
        g = norm(s["text"])
        if t in g or g in t:
            return i
    return None


def score(docs, preds, show):
    by_id = {d["id"]: d for d in docs}
    seen, plist = set(), []
    for p in preds:
        d = by_id.get(p.get("doc"))
        if d is None:
            continue
        i = sentence_of(d, p.get("text") or "")
        q = {"doc": d["id"], "sent": i, "s": code(p.get("source")),
             "t": code(p.get("target")), "root": str(p.get("root") or ""),
             "code": p.get("code"), "rule": p.get("rule"), "text": p.get("text") or ""}
        k = (q["doc"], q["sent"], q["s"], q["t"], q["root"])
        if k not in seen:
            seen.add(k)
            plist.append(q)
    tp = 0
    fps, hits = [], set()
    codes_right = 0
    for q in plist:
        d = by_id[q["doc"]]
        gold = d["sents"][q["sent"]]["gold"] if q["sent"] is not None else []
        m = [g for g in gold if matches(g, q)]
        if m:
            tp += 1
            for g in m:
                hits.add(g["line"])
            if any(g["code"] == q["code"] for g in m):
                codes_right += 1
        else:
            fps.append(q)
    req = [(d, s, g) for d in docs for s in d["sents"] for g in s["gold"] if g["required"]]
    found = sum(1 for _, _, g in req if g["line"] in hits)
    P = tp / len(plist) if plist else 0.0
    R = found / len(req) if req else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    if show:
        for d, s, g in req:
            if g["line"] not in hits:
                print(f"missed: {d['id']} {g['source']}->{g['target']} {g['code']}  "
                      f"\"{s['text'][:90]}\"")
        for q in fps:
            print(f"false: {q['doc']} {q['s']}->{q['t']} {q['code']} [{q['rule']}]  "
                  f"\"{q['text'][:90]}\"")
    return P, R, F, tp, len(plist), found, len(req), codes_right


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sentences", nargs="?",
                    default=os.path.join(HERE, "events-dev", "sentences.txt"))
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "bin"))
    ap.add_argument("--part", choices=["dev", "check", "all"], default="all")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--from", dest="start", metavar="ID",
                    help="score only documents numbered ID or later")
    ap.add_argument("--to", dest="end", metavar="ID",
                    help="score only documents numbered ID or earlier")
    ap.add_argument("--pred")
    ap.add_argument("--write-docs", help="write the documents (JSON Lines) here and stop")
    a = ap.parse_args()
    docs = parse(a.sentences)
    if a.start:
        docs = [d for d in docs if docnum(d["id"]) >= docnum(a.start)]
    if a.end:
        docs = [d for d in docs if docnum(d["id"]) <= docnum(a.end)]
    if a.write_docs:
        with open(a.write_docs, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "date": d["date"],
                                    "text": " ".join(s["text"] for s in d["sents"])}) + "\n")
        return
    if a.pred:
        preds = [json.loads(l) for l in open(a.pred, encoding="utf-8") if l.strip()]
    else:
        preds = run_pipeline(docs, a.bin)
    parts = ["dev", "check"] if a.part == "all" else [a.part]
    if a.start and a.part == "all":
        parts.append("from " + a.start)
    for part in parts:
        sub = [d for d in docs if part_of(d["id"]) == part or part.startswith("from ")]
        ids = {d["id"] for d in sub}
        P, R, F, tp, n, found, nreq, cr = score(sub, [p for p in preds if p.get("doc") in ids],
                                                a.show)
        print(f"{part}: P={P:.3f} R={R:.3f} F1={F:.3f} ({tp}/{n} predictions right, "
              f"{found}/{nreq} required found; {len(sub)} documents; "
              f"full code right in {cr}/{tp})")


main()
