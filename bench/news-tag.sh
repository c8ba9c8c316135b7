#!/bin/sh
# news-tag.sh: news-tag against the npm taggers compromise and wink-nlp on
# the same sentence records in one run (best of three, pinned to one core,
# MB per CPU second), and news-tag's speed and memory on a bigger input.
#
# usage: bench/news-tag.sh [MB]    (default 100; the peers get MB/50)
set -eu
cd "$(dirname "$0")/.."
mb=${1:-100}
pmb=$(echo "scale=2; $mb / 50" | bc -l)
make -s programs >/dev/null
mkdir -p bench/data bench/out
if [ ! -d bench/node_modules/compromise ] || [ ! -d bench/node_modules/wink-nlp ] ||
    [ ! -d bench/node_modules/wink-eng-lite-web-model ]; then
	npm install --no-save --no-audit --no-fund --prefix bench compromise@14.17.0 \
	    wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1 >/dev/null 2>&1
fi
big=bench/data/news-sentences-$mb.jsonl
small=bench/data/news-sentences-$pmb.jsonl
[ -s "$big" ] || python3 bench/news-tag-data.py "$mb" > "$big"
[ -s "$small" ] || python3 bench/news-tag-data.py "$pmb" > "$small"

# best of three runs of "$@" on $data: CPU seconds (user + system, every
# thread), so that other work on the machine does not count against
# either side; the wall clock is printed too
best() {
	b=
	for _ in 1 2 3; do
		t=$( { /usr/bin/time -f "%U %S" taskset -c 0 "$@" < "$data" > bench/out/tagged.jsonl; } 2>&1 |
		    tail -1 | awk '{ print $1 + $2 }')
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}
mbs() { echo "scale=2; $bytes / 1000000 / $1" | bc -l; }
ents() { jq '.entities | length' bench/out/tagged.jsonl | paste -sd+ | bc; }

data=$small
bytes=$(stat -c %s "$data")
cat "$data" > /dev/null
ours=$(best bin/news-tag)
e_ours=$(ents)
cmp=$(best node bench/news-tag-peers.cjs compromise)
e_cmp=$(ents)
wink=$(best node bench/news-tag-peers.cjs wink)
e_wink=$(ents)
echo "same input, $(echo "scale=2; $bytes / 1000000" | bc -l) MB, $(wc -l < "$data") sentences (best of 3, CPU time on one core):"
echo "  news-tag    $(mbs "$ours") MB/s  $e_ours entities"
echo "  compromise  $(mbs "$cmp") MB/s  $e_cmp entities  (news-tag $(echo "scale=1; $cmp / $ours" | bc -l)x)"
echo "  wink-nlp    $(mbs "$wink") MB/s  $e_wink entities  (news-tag $(echo "scale=1; $wink / $ours" | bc -l)x)"

data=$big
bytes=$(stat -c %s "$data")
cat "$data" > /dev/null
ours=$(best bin/news-tag)
rss=$( { /usr/bin/time -f %M taskset -c 0 bin/news-tag < "$data" > /dev/null; } 2>&1 )
echo "news-tag on $(echo "scale=1; $bytes / 1000000" | bc -l) MB: $(mbs "$ours") MB/s, $(wc -l < "$data") sentences, max RSS $((rss / 1024)) MiB"
