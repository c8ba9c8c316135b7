#!/bin/bash
# news-strip-html.sh [BIN [ROUNDS [RUNS]]]: news-strip on real HTML news
# pages, side by side with a peer in the same run (BIN defaults to the
# tree's bin/).
#
# The pages are ../shared/data/html/dev_pages.jsonl.gz (or $NEWS_SHARED/...):
# 152 real pages of news and blog sites, about 190 KB each, the size of a
# typical news page.  A user's clone has no ../shared: the script says so
# and stops.  They are repeated ROUNDS times (default 10) as JSON Lines
# with an "html" field.
#
# Peers, on the same pages:
#   readability (python3-readability, Debian's packaging of readability-lxml,
#     the Arc90 algorithm; it parses with lxml, i.e. libxml2, into a tree);
#     run on one round only, it is slow;
#   the floor: libxml2's HTML parser alone, SAX with empty callbacks, after
#     the same JSON decoding (bench/html_sax_floor.c): what any extractor
#     on libxml2 pays at least when it parses the whole page.
# Each program runs RUNS times (default 3), the programs taking turns, and
# the rates use CPU seconds (user + system of the one process): the machine
# is shared, and CPU time moves less than wall-clock time when other jobs
# compete for the cores.  Best and median of the runs are shown.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin}
rounds=${2:-10}
runs=${3:-3}
dev=${NEWS_SHARED:-$root/../shared}/data/html/dev_pages.jsonl.gz
[ -f "$dev" ] || dev=/work/shared/data/html/dev_pages.jsonl.gz
[ -f "$dev" ] || { echo "bench: $dev not found (it is not part of the repository)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
	if [ "$(id -u)" -eq 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-readability >/dev/null
	else
		echo "bench: needs python3-readability (apt-get install python3-readability)" >&2
		exit 1
	fi
fi
cc -O2 -std=c11 -D_GNU_SOURCE -I"$root/src/common" -o "$work/floor" \
	"$root/bench/html_sax_floor.c" "$root/build/libnewscommon.a" \
	$(pkg-config --cflags --libs libxml-2.0 libutf8proc zlib libxxhash jansson) -lm

# the corpus: id and html of every page, ROUNDS times; one round for the peer
/usr/bin/python3 - "$dev" "$rounds" "$work" <<'PY'
import gzip, json, sys
dev, rounds, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = [json.loads(l) for l in gzip.open(dev, 'rt', encoding='utf-8')]
with open(work + '/one.jsonl', 'w') as o:
    for p in pages:
        o.write(json.dumps({"id": p["id"], "html": p["html"]}, ensure_ascii=False) + "\n")
with open(work + '/pages.jsonl', 'w') as o:
    for r in range(rounds):
        for p in pages:
            o.write(json.dumps({"id": "%s/%d" % (p["id"], r), "html": p["html"]}, ensure_ascii=False) + "\n")
PY
cat > "$work/peer.py" <<'PY'
import json, sys
from readability import Document
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    doc = Document(r.pop('html'))
    r['title'] = doc.short_title()
    r['text'] = doc.summary(html_partial=True)
    print(json.dumps(r, ensure_ascii=False))
PY

n_one=$(wc -l < "$work/one.jsonl")
n_all=$(wc -l < "$work/pages.jsonl")
b_one=$(stat -c %s "$work/one.jsonl")
b_all=$(stat -c %s "$work/pages.jsonl")
# cpu CMD...: CPU seconds (user + system) of one run
cpu() {
	/usr/bin/time -o "$work/time" -f '%U %S' "$@" > /dev/null 2>&1
	set -- $(tail -1 "$work/time")
	echo "$1 + $2" | bc -l
}
declare -A times
for r in $(seq "$runs"); do
	times[strip]="${times[strip]:-} $(cpu "$bin/news-strip" "$work/pages.jsonl")"
	times[floor]="${times[floor]:-} $(cpu "$work/floor" "$work/pages.jsonl")"
	times[peer]="${times[peer]:-} $(cpu /usr/bin/python3 "$work/peer.py" "$work/one.jsonl")"
done
best() { printf '%s\n' $1 | sort -g | head -1; }
median() { printf '%s\n' $1 | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
rate() { echo "scale=1; $1 / $2" | bc -l; }
list() { printf '%s\n' $1 | awk '{printf "%s%.2f", (NR > 1 ? ", " : ""), $1}'; }
s_b=$(best "${times[strip]}") s_m=$(median "${times[strip]}")
f_b=$(best "${times[floor]}") f_m=$(median "${times[floor]}")
p_b=$(best "${times[peer]}") p_m=$(median "${times[peer]}")
printf '%s pages (%s distinct, average %s KB), one core, %s runs each\n\n' "$n_all" "$n_one" \
	"$(echo "$b_one / $n_one / 1000" | bc)" "$runs"
printf '| program | pages | CPU s (runs) | pages/s per CPU s, best (median) | MB/s, best | news-strip is |\n'
printf '|---|---:|---|---:|---:|---|\n'
printf '| news-strip | %s | %s | %s (%s) | %s | |\n' "$n_all" "$(list "${times[strip]}")" \
	"$(rate "$n_all" "$s_b")" "$(rate "$n_all" "$s_m")" "$(rate "$b_all / 1000000" "$s_b")"
printf '| readability-lxml (python3-readability %s) | %s | %s | %s (%s) | %s | %sx faster (median %sx) |\n' \
	"$(dpkg-query -W -f='${Version}' python3-readability 2>/dev/null || echo '?')" \
	"$n_one" "$(list "${times[peer]}")" "$(rate "$n_one" "$p_b")" "$(rate "$n_one" "$p_m")" \
	"$(rate "$b_one / 1000000" "$p_b")" \
	"$(echo "scale=1; ($n_all / $s_b) / ($n_one / $p_b)" | bc -l)" \
	"$(echo "scale=1; ($n_all / $s_m) / ($n_one / $p_m)" | bc -l)"
printf '| floor: JSON + libxml2 %s SAX parse of the whole page, empty callbacks | %s | %s | %s (%s) | %s | %sx faster (median %sx) |\n' \
	"$(pkg-config --modversion libxml-2.0)" "$n_all" "$(list "${times[floor]}")" \
	"$(rate "$n_all" "$f_b")" "$(rate "$n_all" "$f_m")" "$(rate "$b_all / 1000000" "$f_b")" \
	"$(echo "scale=2; $f_b / $s_b" | bc -l)" "$(echo "scale=2; $f_m / $s_m" | bc -l)"
