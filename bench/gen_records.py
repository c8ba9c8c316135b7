#!/usr/bin/env python3
"""gen_records.py MB: JSON Lines records of about 2 KB each, news-like
(ASCII with some non-ASCII and escapes), MB megabytes of them on stdout."""
import json, random, sys

random.seed(7)
words = ("the minister said talks with his counterpart would resume next week "
         "amid tension over missile tests and sanctions; officials in Seoul, "
         "Tokyo and Washington \"agreed\" to coordinate — Pyongyang’s envoy "
         "rejected the proposal while Beijing urged restraint").split()
target = int(float(sys.argv[1]) * 1e6)
out = sys.stdout
n = 0
i = 0
while n < target:
    text = " ".join(random.choice(words) for _ in range(280))
    rec = {"id": f"doc-{i:08d}", "url": f"https://news.example/{i}",
           "feed": "wire-7", "crawl": 1700000000 + i,
           "title": " ".join(random.choice(words) for _ in range(9)),
           "text": text}
    line = json.dumps(rec, ensure_ascii=False) + "\n"
    out.write(line)
    n += len(line.encode())
    i += 1
