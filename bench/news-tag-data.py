#!/usr/bin/env python3
"""news-tag-data.py MB: sentence records as news-split writes them, made
from the example pages (examples/*.txt, their paragraphs cut at ". "), MB
megabytes of them on stdout.  Copies of the pages get their own doc ids
and dates, so document context resets as it would on real input."""
import glob, json, os, re, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sents = []
for path in sorted(glob.glob(os.path.join(root, "examples", "*.txt"))):
    doc = []
    for para in open(path, encoding="utf-8").read().split("\n"):
        para = para.strip()
        if len(para) < 40:
            continue
        doc.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", para) if s)
    sents.append(doc)
target = int(float(sys.argv[1]) * 1e6)
out = sys.stdout
n = i = 0
while n < target:
    doc = sents[i % len(sents)]
    did = "%03d_%012x" % (i % 1000, i)
    date = "20%02d-%02d-%02d" % (20 + i % 5, 1 + i % 12, 1 + i % 28)
    pos = 0
    for k, s in enumerate(doc):
        rec = {"id": f"{did}:{k}", "url": None, "title": "A news page",
               "date": date, "text": s, "doc": did, "sent": k,
               "start": pos, "end": pos + len(s)}
        pos += len(s) + 1
        line = json.dumps(rec, ensure_ascii=False) + "\n"
        out.write(line)
        n += len(line.encode())
    i += 1
