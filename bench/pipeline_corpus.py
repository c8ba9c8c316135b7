#!/usr/bin/env python3
"""pipeline_corpus.py SIZE OUT [DEV_PAGES]: a corpus of news pages of about
SIZE bytes (1G, 500M, 20M...) as JSON Lines, for bench/pipeline.

The pages are made from the project's examples (examples/*.txt, plain-text
pages: records with a "text" field) and, when given, the 152 real HTML
pages of ../shared/data/html/dev_pages.jsonl.gz (records with "url" and
"html"), varied so that no two pages are the same unless meant to be:

  - most text runs of an HTML page (between tags, outside script and
    style) are swapped for runs of about the same length from other pages,
    so a page is another story in the same site template (which is what a
    crawl of one site looks like, and what near-duplicate detection must
    tell apart from a copy);
  - in every text run, capitalised words are swapped for others from a pool
    taken from all pages (names, places, organisations), country names for
    other country names, and numbers for other numbers, with the page's own
    random choices, so stories come out with other actors and figures;
  - a text page is the head of one example (headline, dateline) and
    paragraphs drawn from all of them, in another order;
  - one page in twenty is an exact copy of an earlier one under another id
    and one in twenty a near copy (a paragraph dropped), as a crawl has.

The output is deterministic for a given SIZE and inputs.  Records are one
page each (the "id" is unique), so the corpus can be split at any line.
"""
import gzip
import json
import random
import re
import sys
from pathlib import Path

COUNTRIES = [
    "South Korea", "North Korea", "Japan", "China", "Russia", "Ukraine",
    "United States", "France", "Germany", "Britain", "India", "Pakistan",
    "Iran", "Iraq", "Israel", "Turkey", "Egypt", "Brazil", "Mexico",
    "Canada", "Australia", "Indonesia", "Vietnam", "Philippines", "Poland",
    "Italy", "Spain", "Nigeria", "Kenya", "South Africa", "Saudi Arabia",
    "Syria", "Afghanistan", "Taiwan", "Mongolia", "Thailand",
]
COUNTRY_RE = re.compile(r"\b(" + "|".join(sorted(COUNTRIES, key=len, reverse=True)) + r")\b")
# not inside character references (&#8217; &Eacute;)
WORD_RE = re.compile(r"(?<![&\w])[A-Z][a-z]{3,}\b")
NUM_RE = re.compile(r"(?<![&#\w])\d{1,4}\b")
TEXT_RUN_RE = re.compile(r">([^<>]{40,})<")
SKIP_RE = re.compile(r"(?is)<(script|style)\b.*?</\1>")
# words at the start of sentences, months and days are left alone
KEEP = set("""The This That These Those There They Their When Where What Which
While With Without After Before During Under Over From Into About Also
However Meanwhile According Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March April June July August September
October November December Read More News Home Share Print Email""".split())


def parse_size(s):
    units = {"K": 10**3, "M": 10**6, "G": 10**9}
    s = s.strip().upper()
    return int(float(s[:-1]) * units[s[-1]]) if s[-1] in units else int(s)


def load_sources(root, dev_path):
    texts = []
    for p in sorted((root / "examples").glob("*.txt")):
        texts.append((p.stem, p.read_text(encoding="utf-8")))
    htmls = []
    if dev_path and Path(dev_path).exists():
        with gzip.open(dev_path, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                htmls.append((r["id"], r.get("url"), r["html"]))
    return texts, htmls


def run_pool(htmls):
    """Text runs of all HTML pages by length class (for swapping)."""
    pool = {}
    for _, _, h in htmls:
        body = SKIP_RE.sub(" ", h)
        for run in TEXT_RUN_RE.findall(body):
            pool.setdefault(len(run).bit_length(), []).append(run)
    return pool


def word_pool(texts, htmls):
    pool = {}
    for _, t in texts:
        for w in WORD_RE.findall(t):
            pool[w] = pool.get(w, 0) + 1
    for _, _, h in htmls:
        body = SKIP_RE.sub(" ", h)
        for run in TEXT_RUN_RE.findall(body):
            for w in WORD_RE.findall(run):
                pool[w] = pool.get(w, 0) + 1
    return sorted(w for w, n in pool.items() if n >= 2 and w not in KEEP)


class Varier:
    """One page's substitutions: the same word becomes the same other word
    throughout the page, as a rewritten story would have it."""

    def __init__(self, rng, pool):
        self.rng, self.pool = rng, pool
        self.words, self.countries = {}, {}

    def word(self, m):
        w = m.group(0)
        if w in KEEP or self.rng.random() < 0.5:
            return w
        if w not in self.words:
            self.words[w] = self.rng.choice(self.pool)
        return self.words[w]

    def country(self, m):
        c = m.group(0)
        if c not in self.countries:
            self.countries[c] = self.rng.choice(COUNTRIES)
        return self.countries[c]

    def number(self, m):
        n = m.group(0)
        if len(n) == 4 and n.startswith(("19", "20")):
            return n        # years stay years
        return str(self.rng.randint(1, 10 ** len(n) - 1))

    def text(self, s):
        s = COUNTRY_RE.sub(self.country, s)
        s = WORD_RE.sub(self.word, s)
        return NUM_RE.sub(self.number, s)


def vary_html(html, v, runs):
    def run(t):
        text = t.group(1)
        same = runs.get(len(text).bit_length())
        if same and v.rng.random() < 0.8:
            text = v.rng.choice(same)
        return ">" + v.text(text) + "<"
    out, last = [], 0
    for m in SKIP_RE.finditer(html):
        out.append(TEXT_RUN_RE.sub(run, html[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(TEXT_RUN_RE.sub(run, html[last:]))
    return "".join(out)


def vary_text(texts, rng, v):
    """A text page: the head of one example, paragraphs from all."""
    _, base = rng.choice(texts)
    head = base.split("\n\n")[:3]
    pool = [p for _, t in texts for p in t.split("\n\n")[3:] if p.strip()]
    body = rng.sample(pool, min(len(pool), rng.randint(4, 12)))
    return v.text("\n\n".join(head + body))


def drop_paragraph(rec, rng):
    near = dict(rec)
    if "html" in near:
        ps = [m.start() for m in re.finditer(r"<p[ >]", near["html"])]
        if len(ps) > 2:
            i = rng.randrange(len(ps) - 1)
            near["html"] = near["html"][:ps[i]] + near["html"][ps[i + 1]:]
    else:
        paras = near["text"].split("\n\n")
        if len(paras) > 4:
            del paras[rng.randrange(3, len(paras))]
        near["text"] = "\n\n".join(paras)
    return near


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: pipeline_corpus.py SIZE OUT [DEV_PAGES]")
    size, out_path = parse_size(sys.argv[1]), sys.argv[2]
    root = Path(__file__).resolve().parent.parent
    texts, htmls = load_sources(root, sys.argv[3] if len(sys.argv) > 3 else None)
    pool = word_pool(texts, htmls)
    runs = run_pool(htmls)
    rng = random.Random(20220120)
    written, n, recent = 0, 0, []
    with open(out_path, "w", encoding="utf-8") as out:
        while written < size:
            prng = random.Random(rng.random())
            kind = prng.random()
            if recent and kind < 0.05:
                rec = dict(prng.choice(recent))                 # exact copy
            elif recent and kind < 0.10:
                rec = drop_paragraph(prng.choice(recent), prng)  # near copy
            elif htmls and kind < 0.70:
                pid, url, html = prng.choice(htmls)
                v = Varier(prng, pool)
                rec = {"url": url, "html": vary_html(html, v, runs)}
            else:
                v = Varier(prng, pool)
                rec = {"text": vary_text(texts, prng, v)}
            rec["id"] = "p%07d" % n
            rec = {"id": rec.pop("id"), **rec}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
            recent.append(rec)
            if len(recent) > 50:
                recent.pop(0)
    print("%s: %d pages, %d bytes" % (out_path, n, written), file=sys.stderr)


if __name__ == "__main__":
    main()
