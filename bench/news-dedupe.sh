#!/bin/bash
# news-dedupe.sh [BIN [DOCS [STATE_DOCS]]]: news-dedupe's near-duplicate
# mode side by side with Debian's simhash in one run; linear time; the size
# of the state file and the memory of a run.
#
# The corpus is bench/dedupe_corpus.py's synthetic news (DOCS documents,
# default 20000, ~4 KB each, a fifth of them copies).  simhash (Bart
# Massey's shingleprinting tool, Debian package simhash) reads files, so
# each document's text is also written to a file of its own and simhash
# -w computes their signatures; news-dedupe reads the JSON Lines and
# computes signatures *and* groups them.  Each command runs three times in
# turn with the others; the table has the best CPU time (user + system)
# and the best wall-clock time of the three, and MB/s of text for each.
# On a shared machine the CPU figures are the ones to compare: wall-clock
# time also counts the waits for a core.
#
# Linear time: DOCS/2 against 5 * DOCS documents (10x).  With STATE_DOCS
# (e.g. 1000000; slow: the generator takes ~15 minutes for a million) the
# state file's size is measured for --key url and for --near text, with
# the memory of the near-mode run, and linear time again on that corpus:
# its first tenth against the whole of it.
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
# run1 NAME CMD...: one run; appends "cpu wall user" seconds to $work/NAME
run1() {
	local name=$1 t
	shift
	t=$( { TIMEFORMAT='%3U %3S %3R'; time "$@" > /dev/null 2>&1; } 2>&1 )
	echo "$t" | awk '{ print $1 + $2, $3, $1 }' >> "$work/$name"
}
# best NAME cpu|wall|user: the smallest of the runs
best() {
	awk -v f="$(case $2 in cpu) echo 1;; wall) echo 2;; *) echo 3;; esac)" \
	    'NR == 1 || $f < b { b = $f } END { printf "%.3f", b }' "$work/$1"
}
# linear SMALL LARGE: the CPU and user times of two sizes and their ratios
# (the kernel's share is mostly clearing fresh memory, which on a virtual
# machine costs more per megabyte the more a process asks for)
linear() {
	awk -v c1="$(best "$1" cpu)" -v c2="$(best "$2" cpu)" \
	    -v u1="$(best "$1" user)" -v u2="$(best "$2" user)" '
	function ratio(a, b) { return a > 0 ? sprintf("%.1fx", b / a) : "-" }
	END { printf "%.3f s against %.3f s: %s the CPU time (user time alone %.3f s against %.3f s: %s)\n",
	    c1, c2, ratio(c1, c2), u1, u2, ratio(u1, u2) }' < /dev/null
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
"$dedupe" --near text --signatures "$work/docs.jsonl" > "$work/signed.jsonl"

for _ in 1 2 3; do
	run1 near "$dedupe" --near text "$work/docs.jsonl"
	run1 sigs "$dedupe" --near text --signatures "$work/docs.jsonl"
	run1 join "$dedupe" --near text "$work/signed.jsonl"
	run1 exact "$dedupe" --key text "$work/docs.jsonl"
	run1 peer sh -c "cd '$work/files' && ls | xargs simhash -w"
done

printf '%s documents, %s MB of text (%s MB of JSON Lines), one core each, best of 3\n\n' \
	"$docs" "$text_mb" "$jsonl_mb"
printf '| program | CPU s | MB/s (CPU) | ratio | wall s | MB/s (wall) | ratio |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
peer_cpu=$(best peer cpu) peer_wall=$(best peer wall)
row() {
	local c w
	c=$(best "$2" cpu) w=$(best "$2" wall)
	printf '| %s | %.3f | %s | %.1fx | %.3f | %s | %.1fx |\n' "$1" \
		"$c" "$(rate "$text_mb" "$c")" "$(echo "$peer_cpu / $c" | bc -l)" \
		"$w" "$(rate "$text_mb" "$w")" "$(echo "$peer_wall / $w" | bc -l)"
}
row "news-dedupe --near text (signatures and groups)" near
row "news-dedupe --near text --signatures (signatures only)" sigs
row "news-dedupe --near text on signed records (the join alone)" join
row "news-dedupe --key text (exact, for scale)" exact
row "simhash -w, each file (simhash $(dpkg-query -W -f='${Version}' simhash 2>/dev/null || echo '?'); signatures only)" peer

# linear time: 10x the input
small=$((docs / 2)) large=$((docs * 5))
gen --docs "$small" > "$work/small.jsonl"
gen --docs "$large" > "$work/large.jsonl"
for _ in 1 2 3; do
	run1 small "$dedupe" --near text "$work/small.jsonl"
	run1 large "$dedupe" --near text "$work/large.jsonl"
done
printf '\nLinear time, %s against %s documents: ' "$small" "$large"
linear small large

if [ "$state_docs" -gt 0 ]; then
	gen --docs "$state_docs" --words 120 > "$work/state.jsonl"
	"$dedupe" --key url --state "$work/exact.lmdb" "$work/state.jsonl" > /dev/null
	/usr/bin/time -f '%M' -o "$work/rss" \
		"$dedupe" --near text --state "$work/near.lmdb" "$work/state.jsonl" > "$work/near-out.jsonl"
	/usr/bin/time -f '%M' -o "$work/rss-mem" \
		"$dedupe" --near text "$work/state.jsonl" > /dev/null
	groups=$(wc -l < "$work/near-out.jsonl")
	printf '\nState for %s documents (%s near-duplicate groups):\n' "$state_docs" "$groups"
	for m in exact near; do
		s=$(stat -c %s "$work/$m.lmdb")
		printf -- '- %s: %.1f MB, %.0f bytes a document\n' "$m" \
			"$(echo "$s / 1000000" | bc -l)" "$(echo "$s / $state_docs" | bc -l)"
	done
	# /usr/bin/time reports KiB
	for m in rss-mem rss; do
		rss=$(tail -1 "$work/$m")
		printf -- '- peak memory of the near-mode run%s: %.0f MB, %.0f bytes a document\n' \
			"$([ $m = rss ] && echo ' with --state' || echo ' (memory only)')" \
			"$(echo "$rss * 1024 / 1000000" | bc -l)" "$(echo "$rss * 1024 / $state_docs" | bc -l)"
	done
	head -n $((state_docs / 10)) "$work/state.jsonl" > "$work/tenth.jsonl"
	for _ in 1 2 3; do
		run1 tenth "$dedupe" --near text "$work/tenth.jsonl"
		run1 whole "$dedupe" --near text "$work/state.jsonl"
	done
	printf '\nLinear time on that corpus, %s against %s documents: ' \
		"$((state_docs / 10))" "$state_docs"
	linear tenth whole
fi
