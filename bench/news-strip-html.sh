#!/bin/bash
# news-strip-html.sh [BIN [ROUNDS]]: news-strip on real HTML news pages,
# side by side with a peer in the same run (BIN defaults to the tree's bin/).
#
# The pages are ../shared/data/html/dev_pages.jsonl.gz (or $NEWS_SHARED/...):
# 152 real pages of news and blog sites, about 180 KB each, the size of a
# typical news page.  A user's clone has no ../shared: the script says so
# and stops.  They
# are repeated ROUNDS times (default 10) as JSON Lines with an "html" field.
#
# Peers, on the same pages:
#   readability (python3-readability, Debian's packaging of readability-lxml,
#     the Arc90 algorithm; it parses with lxml, i.e. libxml2, into a tree);
#     run on one round only, it is slow;
#   the floor: libxml2's HTML parser alone, SAX with empty callbacks, after
#     the same JSON decoding (bench/html_sax_floor.c): what any extractor
#     on libxml2 pays at least.
# Times are wall-clock seconds of one process (one core) and its CPU
# seconds (user + system); the machine is shared, so compare the ratios.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin}
rounds=${2:-10}
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
python3 - "$dev" "$rounds" "$work" <<'PY'
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
# run CMD...: "wall cpu" seconds
run() {
	/usr/bin/time -o "$work/time" -f '%e %U %S' "$@" > /dev/null 2>&1
	set -- $(tail -1 "$work/time")
	echo "$1 $(echo "$2 + $3" | bc -l)"
}
rate() { echo "scale=1; $1 / $2" | bc -l; }
set -- $(run "$bin/news-strip" "$work/pages.jsonl"); w_strip=$1 c_strip=$2
set -- $(run "$work/floor" "$work/pages.jsonl"); w_floor=$1 c_floor=$2
set -- $(run /usr/bin/python3 "$work/peer.py" "$work/one.jsonl"); w_peer=$1 c_peer=$2
ps_strip=$(rate "$n_all" "$w_strip")
ps_peer=$(rate "$n_one" "$w_peer")
printf '%s pages (%s distinct, average %s KB), one core\n\n' "$n_all" "$n_one" \
	"$(echo "$b_one / $n_one / 1000" | bc)"
printf '| program | pages | wall s | CPU s | pages/s | MB/s | news-strip is |\n'
printf '|---|---|---|---|---|---|---|\n'
printf '| news-strip | %s | %.2f | %.2f | %s | %s | |\n' "$n_all" "$w_strip" "$c_strip" \
	"$ps_strip" "$(rate "$b_all / 1000000" "$w_strip")"
printf '| readability-lxml (python3-readability %s) | %s | %.2f | %.2f | %s | %s | %sx faster |\n' \
	"$(dpkg-query -W -f='${Version}' python3-readability 2>/dev/null || echo '?')" \
	"$n_one" "$w_peer" "$c_peer" "$ps_peer" "$(rate "$b_one / 1000000" "$w_peer")" \
	"$(rate "$ps_strip" "$ps_peer")"
printf '| floor: JSON + libxml2 %s SAX parse, empty callbacks | %s | %.2f | %.2f | %s | %s | %sx the floor'"'"'s time |\n' \
	"$(pkg-config --modversion libxml-2.0)" "$n_all" "$w_floor" "$c_floor" \
	"$(rate "$n_all" "$w_floor")" "$(rate "$b_all / 1000000" "$w_floor")" \
	"$(echo "scale=2; $w_strip / $w_floor" | bc -l)"
