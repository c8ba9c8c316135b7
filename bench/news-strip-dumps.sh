#!/bin/bash
# news-strip-dumps.sh [BIN]: how well news-strip's text path finds the
# article in text dumps of real pages, as users get them from a crawler's
# text mode or `lynx -dump` (BIN defaults to the tree's bin/).
#
# The 152 pages of ../shared/data/html/dev_pages.jsonl.gz (or
# $NEWS_SHARED/...) are turned into text by lynx and by w3m (hard-wrapped
# at 80 columns, their default), and by lynx without wrapping (one line per
# paragraph, as in the seeds), then given to news-strip as text records
# and scored with ../shared/tools/score_strip_html.py, the must/must-not
# snippets of the HTML benchmark.  "keep all" is the score of the whole
# dump, the floor any extractor should beat; the HTML path on the same
# pages is shown for comparison.  lynx and w3m are Debian packages, used
# here only (installed when run as root).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/bin}
shared=${NEWS_SHARED:-$root/../shared}
[ -d "$shared" ] || shared=/work/shared
dev=$shared/data/html/dev_pages.jsonl.gz
[ -f "$dev" ] || { echo "bench: $dev not found (it is not part of the repository)" >&2; exit 1; }
for p in lynx w3m; do
	if ! command -v $p >/dev/null; then
		if [ "$(id -u)" -eq 0 ]; then
			DEBIAN_FRONTEND=noninteractive apt-get install -y -q $p >/dev/null
		else
			echo "bench: needs $p (apt-get install $p)" >&2
			exit 1
		fi
	fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$dev" "$work" <<'PY'
import gzip, json, subprocess, sys
dev, work = sys.argv[1], sys.argv[2]
tools = {
    "lynx": ["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", "-stdin"],
    "lynx-unwrapped": ["lynx", "-dump", "-nolist", "-width=2000", "-assume_charset=utf-8", "-display_charset=utf-8", "-stdin"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
}
outs = {k: open(f"{work}/{k}.jsonl", "w", encoding="utf-8") for k in tools}
for line in gzip.open(dev, "rt", encoding="utf-8"):
    page = json.loads(line)
    for name, cmd in tools.items():
        text = subprocess.run(cmd, input=page["html"].encode(), capture_output=True,
                              timeout=60).stdout.decode("utf-8", "replace")
        outs[name].write(json.dumps({"id": page["id"], "text": text}, ensure_ascii=False) + "\n")
for f in outs.values():
    f.close()
PY

score() {
	python3 "$shared/tools/score_strip_html.py" "$1" | tail -n 1 | sed 's/^strip-html: //'
}
printf '%-16s %-34s %s\n' dump news-strip "keep all"
for d in lynx lynx-unwrapped w3m; do
	"$bin/news-strip" < "$work/$d.jsonl" > "$work/$d.out" 2>/dev/null || true
	jq -c '{id, text}' "$work/$d.jsonl" > "$work/$d.all"
	printf '%-16s %-34s %s\n' "$d" "$(score "$work/$d.out")" "$(score "$work/$d.all")"
done
gzip -dc "$dev" | "$bin/news-strip" > "$work/html.out" 2>/dev/null || true
printf '%-16s %s\n' "html (the page)" "$(score "$work/html.out")"
