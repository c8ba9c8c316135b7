#!/bin/sh
# news-tag-news.sh: score news-tag on the news entity set
# (bench/entities-news/news.jsonl), the dev part (documents whose number is
# not a multiple of 3) and the check part (those that are) separately, then
# the whole set.  Exact spans, PER/ORG/LOC unless TYPES is given.
#
# usage: bench/news-tag-news.sh [--show] [TYPES]    (TYPES e.g. PER,ORG,LOC,DATE)
#   --show  also lists the dev part's errors (never the check part's: rules
#           are changed looking at dev alone)
# NEWS_BIN=DIR takes news-tag from DIR (default bin/).
set -eu
cd "$(dirname "$0")/.."
show=false
if [ "${1:-}" = --show ]; then
	show=true
	shift
fi
types=${1:-PER,ORG,LOC}
bin=${NEWS_BIN:-bin}
set=bench/entities-news/news.jsonl
scorer=../shared/tools/score_entities.py
[ -f "$scorer" ] || scorer=/work/shared/tools/score_entities.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin/news-tag" < "$set" > "$tmp/pred.jsonl"
python3 - "$set" "$tmp" <<'PY'
import json, sys
src, tmp = sys.argv[1], sys.argv[2]
parts = {"dev": open(tmp + "/dev.jsonl", "w"), "check": open(tmp + "/check.jsonl", "w")}
for line in open(src, encoding="utf-8"):
    n = int(json.loads(line)["doc"][len("news"):])
    parts["check" if n % 3 == 0 else "dev"].write(line)
PY
for part in dev check; do
	echo "== $part"
	python3 "$scorer" "$tmp/$part.jsonl" "$tmp/pred.jsonl" --types "$types"
done
echo "== all"
python3 "$scorer" "$set" "$tmp/pred.jsonl" --types "$types"
if $show; then
	echo "== dev errors (- gold missed, + given wrongly)"
	python3 - "$tmp/dev.jsonl" "$tmp/pred.jsonl" "$types" <<'PY'
import json, sys
fold = {"PERSON": "PER", "PER": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
        "ORG": "ORG", "DATE": "DATE", "TIME": "DATE"}
types = set(sys.argv[3].split(","))
pred = {}
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    pred[r["id"]] = r
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    t = r["text"]
    g = {(e["start"], e["end"], e["type"]) for e in r["gold"] if e["type"] in types}
    p = {(e["start"], e["end"], fold.get(e["type"], "OTHER"))
         for e in pred.get(r["id"], {}).get("entities") or []}
    p = {x for x in p if x[2] in types}
    if g != p:
        print("%s: %s" % (r["id"], t))
        for x in sorted(g - p):
            print("   - %s/%s" % (t[x[0]:x[1]], x[2]))
        for x in sorted(p - g):
            print("   + %s/%s" % (t[x[0]:x[1]], x[2]))
PY
fi
