#!/bin/sh
# news-split-accuracy.sh: news-split against the shared gold sentences
# (../shared/data/sentences, not part of the repository): the golden rules
# of 23 languages, each file run with its --lang, and English web text.
#
# usage: bench/news-split-accuracy.sh [SHARED]   (default: ../shared)
set -eu
cd "$(dirname "$0")/.."
shared=${1:-../shared}
[ -d "$shared" ] || [ ! -d ../../shared ] || shared=../../shared     # from a worktree
data=$shared/data/sentences
tools=$shared/tools
[ -d "$data" ] || { echo "news-split-accuracy: no $data; skipped"; exit 0; }
make -s programs >/dev/null
out=bench/out/accuracy
mkdir -p "$out"
score() {        # GOLD LANG: "PASS DOCS F1"
	bin/news-split --lang "$2" < "$1" | python3 "$tools/sentences_to_docs.py" > "$out/pred.jsonl"
	python3 "$tools/score_sentences.py" "$1" "$out/pred.jsonl" --json |
		python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["pass"], r["docs"], "%.4f" % r["boundary_F1"])'
}
pass=0 docs=0
for f in "$data"/golden_*.jsonl; do
	lang=$(basename "$f" .jsonl); lang=${lang#golden_}
	case $lang in *_*) continue ;; esac
	set -- $(score "$f" "$lang")
	printf '  %-3s %3d/%-3d\n' "$lang" "$1" "$2"
	if [ "$lang" != en ]; then pass=$((pass + $1)); docs=$((docs + $2)); fi
done
echo "  22 other languages: $pass/$docs"
for f in extra_en_pysbd ud_ewt_all; do
	set -- $(score "$data/$f.jsonl" en)
	echo "  $f: $1/$2 exact, boundary F1 $3"
done
