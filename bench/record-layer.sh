#!/bin/sh
# record-layer.sh: the shared record layer (read a record, add a field,
# write it) against `jq -c .` on the same 2 KB records, in one run.
#
# usage: bench/record-layer.sh [MB]      (default 200)
set -eu
cd "$(dirname "$0")/.."
mb=${1:-200}
make -s programs build/bench/news-passthrough >/dev/null
mkdir -p bench/data
data=bench/data/records-2k.jsonl
[ -s "$data" ] || python3 bench/gen_records.py "$mb" > "$data"
bytes=$(stat -c %s "$data")

# best of three wall-clock runs, in seconds
best() {
	b=
	for _ in 1 2 3; do
		s=$(date +%s.%N)
		"$@" < "$data" > /dev/null
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc -l)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
	done
	echo "$b"
}
cat "$data" > /dev/null        # warm the page cache
ours=$(best build/bench/news-passthrough)
jq=$(best jq -c .)
mbs() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
echo "record layer: $(mbs "$ours") MB/s; jq -c .: $(mbs "$jq") MB/s; ratio $(echo "scale=1; $jq / $ours" | bc -l)x"
echo "($(echo "scale=1; $bytes / 1000000" | bc -l) MB, $(wc -l < "$data") records of ~2 KB; best of 3)"
