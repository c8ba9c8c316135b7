#!/bin/sh
# news-split.sh: news-split against the npm sentence splitters sentencex and
# sbd on the same news documents (JSON Lines in, one record per sentence
# out), in one run; and news-split's speed and memory on a bigger input.
#
# usage: bench/news-split.sh [MB]    (default 200; the peers get MB/10)
set -eu
cd "$(dirname "$0")/.."
mb=${1:-200}
make -s programs >/dev/null
mkdir -p bench/data bench/out
if [ ! -d bench/node_modules/sentencex ] || [ ! -d bench/node_modules/sbd ]; then
	npm install --no-save --no-audit --no-fund --prefix bench sentencex@1.0.17 sbd@1.0.19 >/dev/null
fi
big=bench/data/news-docs-$mb.jsonl
small=bench/data/news-docs-$((mb / 10)).jsonl
[ -s "$big" ] || python3 bench/news-split-data.py "$mb" > "$big"
[ -s "$small" ] || python3 bench/news-split-data.py "$((mb / 10))" > "$small"

# best of three runs of "$@" on $data, output to /dev/null as for the record
# layer: "WALL CPU" seconds (CPU = user + sys, what one core spends; the wall
# clock also counts waiting for a core on a shared machine)
best() {
	"$@" < "$data" > bench/out/sentences.jsonl     # once for the count
	b=
	for _ in 1 2 3; do
		/usr/bin/time -o bench/out/time -f "%e %U %S" "$@" < "$data" > /dev/null
		read -r w u s < bench/out/time
		if [ -z "$b" ] || [ "$(echo "$w < ${b%% *}" | bc -l)" = 1 ]; then
			b="$w $(echo "$u + $s" | bc -l)"
		fi
	done
	echo "$b"
}
mbs() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }
wall() { echo "${1%% *}"; }
cpu() { echo "${1##* }"; }
line() {        # NAME TIMES
	printf '  %-10s %6.1f MB/s wall  %6.1f MB/s CPU' "$1" "$(mbs "$(wall "$2")")" "$(mbs "$(cpu "$2")")"
}

data=$small
bytes=$(stat -c %s "$data")
cat "$data" > /dev/null
ours=$(best bin/news-split)
n_ours=$(wc -l < bench/out/sentences.jsonl)
sx=$(best node bench/news-split-peers.cjs sentencex)
n_sx=$(wc -l < bench/out/sentences.jsonl)
sbd=$(best node bench/news-split-peers.cjs sbd)
n_sbd=$(wc -l < bench/out/sentences.jsonl)
echo "same input, $(echo "scale=1; $bytes / 1000000" | bc -l) MB, $(wc -l < "$data") documents (best of 3):"
echo "$(line news-split "$ours")  $n_ours sentences"
echo "$(line sentencex "$sx")  $n_sx sentences  (news-split $(echo "scale=1; $(wall "$sx") / $(wall "$ours")" | bc -l)x wall, $(echo "scale=1; $(cpu "$sx") / $(cpu "$ours")" | bc -l)x CPU)"
echo "$(line sbd "$sbd")  $n_sbd sentences  (news-split $(echo "scale=1; $(wall "$sbd") / $(wall "$ours")" | bc -l)x wall, $(echo "scale=1; $(cpu "$sbd") / $(cpu "$ours")" | bc -l)x CPU)"

data=$big
bytes=$(stat -c %s "$data")
cat "$data" > /dev/null
ours=$(best bin/news-split)
rss=$( { /usr/bin/time -f %M bin/news-split < "$data" > /dev/null; } 2>&1 )
[ -z "${NEWS_BENCH_PERF:-}" ] || perf stat -e task-clock bin/news-split < "$data" 2>&1 >/dev/null | grep task-clock
echo "news-split alone, $(echo "scale=1; $bytes / 1000000" | bc -l) MB (best of 3):"
echo "$(line news-split "$ours")  $(wc -l < bench/out/sentences.jsonl) sentences, max RSS $((rss / 1024)) MiB"
