#!/usr/bin/env python3
"""news-split-data.py MB: news documents as JSON Lines, MB megabytes of them.

The paragraphs of the seed pages in examples/ (real news: headlines,
datelines, quotes, abbreviations) shuffled into documents of 3-6 KB with
the fields news-strip gives (id, url, title, date, text)."""
import glob, json, os, random, sys

random.seed(11)
here = os.path.dirname(os.path.abspath(__file__))
paras = []
for path in sorted(glob.glob(os.path.join(here, "..", "examples", "*.txt"))):
    with open(path, encoding="utf-8") as f:
        paras += [p.strip() for p in f.read().split("\n\n") if len(p.strip()) > 40]
target = int(float(sys.argv[1]) * 1e6)
out = sys.stdout
n = i = 0
while n < target:
    body = []
    size = random.randint(3000, 6000)
    while sum(len(p) for p in body) < size:
        body.append(random.choice(paras))
    rec = {"id": f"doc-{i:08d}", "url": f"https://news.example/{i}",
           "title": body[0][:80], "date": "2022-01-20",
           "text": "\n\n".join(body)}
    line = json.dumps(rec, ensure_ascii=False) + "\n"
    out.write(line)
    n += len(line.encode())
    i += 1
