#!/usr/bin/env python3
"""Turn news.src (sentences with entities marked [TYPE text]) into
news.jsonl, records in the format of the GUM dev set with a document:
{"id","doc","date","text","gold":[{"start","end","text","type"}]},
offsets in code points.  Then read news.jsonl back and check every span.

usage: make-set.py [SRC [OUT]]   (default: news.src, news.jsonl beside this file)
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PER", "ORG", "LOC", "DATE"}
MARK = re.compile(r"\[([A-Z]+) ([^\[\]]+)\]")


def parse(line):
    text, gold, pos = "", [], 0
    for m in MARK.finditer(line):
        if m.group(1) not in TYPES:
            raise ValueError("unknown type %r in %r" % (m.group(1), line))
        text += line[pos:m.start()]
        start = len(text)
        text += m.group(2)
        gold.append({"start": start, "end": len(text), "text": m.group(2), "type": m.group(1)})
        pos = m.end()
    text += line[pos:]
    if "[" in text or "]" in text:
        raise ValueError("unbalanced mark in %r" % line)
    return text, gold


def build(src):
    records, doc, date, n = [], None, None, 0
    for raw in open(src, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@doc "):
            _, num, date = line.split()
            doc, n = "news%02d" % int(num), 0
            continue
        text, gold = parse(line)
        records.append({"id": "%s-%d" % (doc, n), "doc": doc, "date": date,
                        "text": text, "gold": gold})
        n += 1
    return records


def verify(path):
    bad = 0
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        for g in r["gold"]:
            if r["text"][g["start"]:g["end"]] != g["text"] or g["text"] != g["text"].strip():
                print("bad span", r["id"], g, file=sys.stderr)
                bad += 1
    return bad


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "news.src")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "news.jsonl")
    records = build(src)
    with open(out, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    bad = verify(out)
    docs = len({r["doc"] for r in records})
    spans = sum(len(r["gold"]) for r in records)
    print("%d documents, %d sentences, %d spans, %d bad" % (docs, len(records), spans, bad))
    sys.exit(1 if bad else 0)


main()
