#!/bin/sh
# news-events.sh: sentences coded per second, news-events against the
# Python reference coder (bench/events_reference.py: TABARI-style word-order
# coding with the same dictionary; TABARI and PETRARCH themselves are in
# neither Debian nor npm), on the same tagged sentences, in one run.
#
# usage: bench/news-events.sh [COPIES]     (default 3000 copies of the
#        test fixtures, about 300,000 sentences; then 300 copies of the
#        development set's sentences as news-tag tags them)
#        BASE=OLD/news-events bench/news-events.sh: also OLD against ours
#        on both inputs, taking turns, best of 5 CPU seconds (a change's
#        effect, measured in one run)
set -eu
cd "$(dirname "$0")/.."
copies=${1:-3000}
make -s programs >/dev/null
mkdir -p bench/data
data=bench/data/tagged-sentences.jsonl
fx=tests/fixtures/news-events
if [ ! -s "$data" ]; then
	# the fixtures again and again, each copy its own documents
	cat "$fx/roots.jsonl" "$fx/constructions.jsonl" > bench/data/one.jsonl
	awk -v n="$copies" '{ line[NR] = $0 }
	    END { for (i = 1; i <= n; i++) for (j = 1; j <= NR; j++) {
	        s = line[j]; sub(/"doc": "/, "\"doc\": \"c" i "-", s); print s } }' \
	    bench/data/one.jsonl > "$data"
	rm -f bench/data/one.jsonl
fi
sentences=$(wc -l < "$data")

# best of three runs; CPU seconds (user + system) of a command reading $1:
# the machine is shared, so wall-clock time measures the neighbours too
best() {
	in=$1
	shift
	b=
	for _ in 1 2 3; do
		t=$( { /usr/bin/time -f "%U %S" "$@" < "$in" > /dev/null; } 2>&1 | tail -1 |
		    awk '{ print $1 + $2 }')
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}
cat "$data" > /dev/null
# the reference is slow: it codes the first 30,000 sentences
small=bench/data/tagged-30k.jsonl
head -n 30000 "$data" > "$small"
ours=$(best "$data" bin/news-events)
ref=$(best "$small" python3 bench/events_reference.py src/news-events/dict/verbs.txt)
ours_rate=$(echo "$sentences / $ours" | bc)
ref_rate=$(echo "30000 / $ref" | bc)
events=$(bin/news-events < "$data" | wc -l)
echo "news-events: $ours_rate sentences/s; reference (python3): $ref_rate sentences/s; ratio $(echo "scale=1; $ours_rate / $ref_rate" | bc -l)x"
echo "($sentences sentences, $events events, reference on the first 30000; CPU time, best of 3)"

# news as news-tag tags it: the development set's wire sentences
# (bench/events-dev), longer and sparser in events than the fixtures,
# 300 copies as separate documents
dev=bench/data/dev-tagged.jsonl
if [ ! -s "$dev" ]; then
	python3 bench/news-events-dev.py --write-docs bench/data/dev-docs.jsonl
	bin/news-split < bench/data/dev-docs.jsonl | bin/news-tag > bench/data/dev-one.jsonl
	awk '{ line[NR] = $0 } END { for (i = 1; i <= 300; i++) for (j = 1; j <= NR; j++) {
	        s = line[j]; sub(/"doc":"/, "\"doc\":\"c" i "-", s); print s } }' \
	    bench/data/dev-one.jsonl > "$dev"
	rm -f bench/data/dev-docs.jsonl bench/data/dev-one.jsonl
fi
dev_n=$(wc -l < "$dev")
head -n 30000 "$dev" > "$small"
ours=$(best "$dev" bin/news-events)
ref=$(best "$small" python3 bench/events_reference.py src/news-events/dict/verbs.txt)
ours_rate=$(echo "$dev_n / $ours" | bc)
ref_rate=$(echo "30000 / $ref" | bc)
events=$(bin/news-events < "$dev" | wc -l)
echo "news-events on tagged news: $ours_rate sentences/s; reference (python3): $ref_rate sentences/s; ratio $(echo "scale=1; $ours_rate / $ref_rate" | bc -l)x"
echo "($dev_n sentences, $events events, reference on the first 30000; CPU time, best of 3)"

# an older build against this one, taking turns so that both see the same
# neighbours
if [ -n "${BASE:-}" ]; then
	for f in "$data" "$dev"; do
		b_old= b_new=
		for _ in 1 2 3 4 5; do
			for which in old new; do
				if [ $which = old ]; then prog=$BASE; else prog=bin/news-events; fi
				t=$( { /usr/bin/time -f "%U %S" "$prog" < "$f" > /dev/null; } 2>&1 |
				    tail -1 | awk '{ print $1 + $2 }')
				if [ $which = old ]; then
					if [ -z "$b_old" ] || [ "$(echo "$t < $b_old" | bc -l)" = 1 ]; then b_old=$t; fi
				elif [ -z "$b_new" ] || [ "$(echo "$t < $b_new" | bc -l)" = 1 ]; then
					b_new=$t
				fi
			done
		done
		echo "$f: $BASE $b_old s, bin/news-events $b_new s ($(echo "scale=2; $b_old / $b_new" | bc -l)x); CPU time, best of 5"
	done
fi
