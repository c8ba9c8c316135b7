#!/bin/bash
# news-strip-text.sh [BIN [PAGES]]: news-strip on plain-text pages, side by
# side with a peer in the same run.
#
# No C or command-line tool strips boilerplate from plain-text pages, so
# the peer is readability (python3-readability, Debian's packaging of
# readability-lxml, the Arc90 algorithm many crawlers use) given each text
# page as HTML with one <p> per line, which is how it would have to be used
# on text.  `jq -c .` over the same bytes is the floor of what reading and
# writing the JSON costs.  The pages are examples/*.txt and news-strip's
# test fixtures, repeated to PAGES (default 3000) JSON Lines records.
# Rates use CPU seconds (user + system), best of three runs taken in turns.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin}
pages=${2:-3000}
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

# the corpus: every page as one JSON Lines record
python3 - "$pages" "$work/pages.jsonl" "$root"/examples/*.txt "$root"/tests/fixtures/news-strip/*.txt <<'PY'
import json, sys
n, out, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
texts = [open(f, 'rb').read().decode('utf-8', 'replace') for f in files]
with open(out, 'w') as o:
    for i in range(n):
        o.write(json.dumps({"id": str(i), "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
PY
cat > "$work/peer.py" <<'PY'
import html, json, sys
from readability import Document
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    page = ''.join('<p>%s</p>\n' % html.escape(l) for l in r['text'].split('\n') if l.strip())
    doc = Document('<html><body>%s</body></html>' % page)
    r['title'] = doc.short_title()
    r['text'] = doc.summary(html_partial=True)
    print(json.dumps(r, ensure_ascii=False))
PY

bytes=$(stat -c %s "$work/pages.jsonl")
# cpu CMD...: CPU seconds (user + system) of one run; each program runs
# three times, taking turns, and the best run counts (the machine is shared)
cpu() {
	/usr/bin/time -o "$work/time" -f '%U %S' "$@" > /dev/null 2>&1
	set -- $(tail -1 "$work/time")
	echo "$1 + $2" | bc -l
}
best() { printf '%s\n' "$@" | sort -g | head -1; }
s=() p=() j=()
for r in 1 2 3; do
	s+=("$(cpu "$bin/news-strip" "$work/pages.jsonl")")
	p+=("$(cpu /usr/bin/python3 "$work/peer.py" "$work/pages.jsonl")")
	j+=("$(cpu jq -c . "$work/pages.jsonl")")
done
t_strip=$(best "${s[@]}") t_peer=$(best "${p[@]}") t_jq=$(best "${j[@]}")
rate() { echo "scale=1; $1 / $2" | bc -l; }
mb=$(echo "scale=3; $bytes / 1000000" | bc -l)
printf '%s pages, %s MB, one core, CPU seconds, best of 3 runs\n\n' "$pages" "$mb"
printf '| program | CPU s (3 runs) | pages/s | MB/s | news-strip is |\n|---|---|---|---|---|\n'
printf '| news-strip | %s | %s | %s | |\n' "${s[*]}" "$(rate "$pages" "$t_strip")" "$(rate "$mb" "$t_strip")"
printf '| readability (python3-readability %s) | %s | %s | %s | %sx faster |\n' \
	"$(dpkg-query -W -f='${Version}' python3-readability 2>/dev/null || echo '?')" \
	"${p[*]}" "$(rate "$pages" "$t_peer")" "$(rate "$mb" "$t_peer")" "$(rate "$t_peer" "$t_strip")"
printf '| jq -c . (reading and writing only) | %s | %s | %s | %sx slower |\n' \
	"${j[*]}" "$(rate "$pages" "$t_jq")" "$(rate "$mb" "$t_jq")" "$(rate "$t_strip" "$t_jq")"
