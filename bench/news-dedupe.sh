#!/bin/bash
# news-dedupe.sh [BIN [DOCS [STATE_DOCS]]]: news-dedupe's near-duplicate
# mode side by side with Debian's simhash in one run; linear time; the size
# of the state file.
#
# The corpus is bench/dedupe_corpus.py's synthetic news (DOCS documents,
# default 20000, ~3.8 KB each, a fifth of them copies).  simhash (Bart
# Massey's shingleprinting tool, Debian package simhash) reads files, so
# each document's text is also written to a file of its own and simhash
# -w computes their signatures; news-dedupe reads the JSON Lines and
# computes signatures *and* groups them.  Speeds are text bytes per CPU
# second (user + system, best of three), since the machine is shared.
#
# Linear time: DOCS/2 against 5 * DOCS documents (10x).  With STATE_DOCS
# (e.g. 1000000; slow: the generator takes ~15 minutes for a million) the
# state file's size is measured for --key url and for --near text.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin}
docs=${2:-20000}
state_docs=${3:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dedupe=$bin/news-dedupe

if ! command -v simhash >/dev/null 2>&1 || ! [ -x /usr/bin/time ]; then
	if [ "$(id -u)" -eq 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q simhash time >/dev/null
	else
		echo "bench: needs simhash and time (apt-get install simhash time)" >&2
		exit 1
	fi
fi

gen() { python3 "$root/bench/dedupe_corpus.py" --seed 1 "$@"; }
# cpu CMD...: the best user+system seconds of three runs (children included)
cpu() {
	local best="" t
	for _ in 1 2 3; do
		/usr/bin/time -f '%U %S' -o "$work/time" "$@" > /dev/null 2>&1
		t=$(tail -1 "$work/time" | awk '{ print $1 + $2 }')
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
	done
	echo "$best"
}
rate() { echo "scale=1; $1 / $2" | bc -l; }

gen --docs "$docs" > "$work/docs.jsonl"
mkdir "$work/files"
python3 - "$work/docs.jsonl" "$work/files" <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    with open("%s/%07d.txt" % (sys.argv[2], i), "w", encoding="utf-8") as f:
        f.write(json.loads(line)["text"])
PY
text_mb=$(cat "$work"/files/*.txt | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
jsonl_mb=$(stat -c %s "$work/docs.jsonl" | awk '{ printf "%.1f", $1 / 1e6 }')

t_near=$(cpu "$dedupe" --near text "$work/docs.jsonl")
t_sigs=$(cpu "$dedupe" --near text --signatures "$work/docs.jsonl")
"$dedupe" --near text --signatures "$work/docs.jsonl" > "$work/signed.jsonl"
t_join=$(cpu "$dedupe" --near text "$work/signed.jsonl")
t_peer=$(cpu sh -c "cd '$work/files' && ls | xargs simhash -w")
t_exact=$(cpu "$dedupe" --key text "$work/docs.jsonl")

printf '%s documents, %s MB of text (%s MB of JSON Lines), one core each\n\n' \
	"$docs" "$text_mb" "$jsonl_mb"
printf '| program | CPU s | MB/s of text | ratio to simhash |\n|---|---:|---:|---:|\n'
row() { printf '| %s | %.2f | %s | %.1fx |\n' "$1" "$2" "$(rate "$text_mb" "$2")" \
	"$(echo "$t_peer / $2" | bc -l)"; }
row "news-dedupe --near text (signatures and groups)" "$t_near"
row "news-dedupe --near text --signatures (signatures only)" "$t_sigs"
row "news-dedupe --near text on signed records (the join alone)" "$t_join"
row "news-dedupe --key text (exact, for scale)" "$t_exact"
row "simhash -w, each file (simhash $(dpkg-query -W -f='${Version}' simhash 2>/dev/null || echo '?'); signatures only)" "$t_peer"

# linear time: 10x the input
small=$((docs / 2)) large=$((docs * 5))
gen --docs "$small" > "$work/small.jsonl"
gen --docs "$large" > "$work/large.jsonl"
t_small=$(cpu "$dedupe" --near text "$work/small.jsonl")
t_large=$(cpu "$dedupe" --near text "$work/large.jsonl")
printf '\nLinear time: %s documents %.2f s, %s documents %.2f s: %.1fx the time for 10x the input\n' \
	"$small" "$t_small" "$large" "$t_large" "$(echo "$t_large / $t_small" | bc -l)"

if [ "$state_docs" -gt 0 ]; then
	gen --docs "$state_docs" --words 120 > "$work/state.jsonl"
	"$dedupe" --key url --state "$work/exact.lmdb" "$work/state.jsonl" > /dev/null
	"$dedupe" --near text --state "$work/near.lmdb" "$work/state.jsonl" > "$work/near-out.jsonl"
	groups=$(wc -l < "$work/near-out.jsonl")
	printf '\nState for %s documents (%s near-duplicate groups):\n' "$state_docs" "$groups"
	for m in exact near; do
		s=$(stat -c %s "$work/$m.lmdb")
		printf -- '- %s: %.1f MB, %.0f bytes a document\n' "$m" \
			"$(echo "$s / 1000000" | bc -l)" "$(echo "$s / $state_docs" | bc -l)"
	done
fi
