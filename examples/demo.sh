#!/bin/sh
# demo.sh BIN: run the newsflow pipeline over the example pages in this
# folder and leave each stage's output in examples/out/.
set -eu
bin=$1
cd "$(dirname "$0")"
mkdir -p out
rm -f out/*.jsonl

# Each stage reads the previous stage's file; the pipeline stops at the
# first program that is not built.
run_stage() {   # NAME INPUT OUTPUT ARGS...
	name=$1 in=$2 out=$3
	shift 3
	if [ ! -x "$bin/$name" ]; then
		echo "demo: $name is not built; the pipeline stops here"
		return 1
	fi
	if [ -n "$in" ]; then
		"$bin/$name" "$@" < "$in" > "$out"
	else
		"$bin/$name" "$@" > "$out"
	fi
	printf '  %-12s -> %-28s %6d records\n' "$name" "examples/$out" "$(wc -l < "$out")"
}

echo "newsflow demo: $(ls *.txt | wc -l) pages in examples/"
run_stage news-strip "" out/documents.jsonl *.txt &&
run_stage news-split out/documents.jsonl out/sentences.jsonl &&
run_stage news-tag out/sentences.jsonl out/tagged.jsonl &&
run_stage news-events out/tagged.jsonl out/events.jsonl &&
run_stage news-dedupe out/events.jsonl out/events-unique.jsonl --events || true

if [ -s out/events-unique.jsonl ] && command -v jq >/dev/null; then
	echo
	echo "Some events (source -> target, CAMEO code, trigger):"
	jq -r '"  \(.date // "-")  \(.source.code) -> \(.target.code)  \(.code)  \(.trigger)"' \
		out/events-unique.jsonl | head -n 12
fi
