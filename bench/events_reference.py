#!/usr/bin/env python3
"""events_reference.py: the reference news-events is measured against.

TABARI and PETRARCH, the classic coders, are packaged neither by Debian nor
by npm, so the bench compares with what a researcher writes in an
afternoon: a TABARI-style coder in Python 3 (json + re, standard library
only) that reads the same tagged sentences and the same built-in verb
patterns (src/news-events/dict/verbs.txt), finds the patterns by regular
expression and takes the nearest actor before the trigger as the source
and the first actor after it as the target (word order only: no clauses,
negation, passives or reported speech).  It is a speed reference, not an
accuracy one.

usage: events_reference.py VERBS.TXT < tagged.jsonl > events.jsonl
"""
import json, re, sys

def inflect(w):
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w[:-1] + "ing",
             w[:-1] + "ied", w[:-1] + "ies", w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms

def load(path):
    pats, section = [], None
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            section = line
            continue
        if section != "[verbs]":
            continue
        code, *toks = line.split()
        parts = []
        for t in toks:
            if t in ("@T", "@S", "=intent"):
                continue
            if t == "...":
                parts.append(r"(?:\S+\s+){0,4}?")
                continue
            if t == "*":
                parts.append(r"\S+\s+")
                continue
            alts = set()
            for a in t.split("|"):
                alts |= inflect(a[:-1]) if a.endswith("+") else {a}
            parts.append("(?:" + "|".join(re.escape(a) for a in sorted(alts)) + r")\b\s*")
        if parts:
            pats.append((code, re.compile(r"\b" + "".join(parts), re.I)))
    return pats

def main():
    pats = load(sys.argv[1])
    out = sys.stdout
    for line in sys.stdin:
        rec = json.loads(line)
        text, ents = rec.get("text", ""), rec.get("entities", [])
        actors = [e for e in ents if e.get("code")]
        if len(actors) < 2:
            continue
        n = 0
        for code, rx in pats:
            m = rx.search(text)
            if not m:
                continue
            src = [a for a in actors if a["end"] <= m.start()]
            tgt = [a for a in actors if a["start"] >= m.end()]
            if not src or not tgt:
                continue
            ev = {k: v for k, v in rec.items() if k != "entities"}
            ev["id"] = f'{rec.get("doc")}:{rec.get("sent")}:{n}'
            ev["source"] = {"text": src[-1]["text"], "code": src[-1]["code"]}
            ev["target"] = {"text": tgt[0]["text"], "code": tgt[0]["code"]}
            ev["code"], ev["root"] = code, code[:2]
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
            n += 1
            break

main()
