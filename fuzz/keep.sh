#!/bin/sh
# keep.sh NAME [N]: after fuzz/run.sh NAME, add to the committed corpus the
# N (default 30) smallest inputs of a minimal set covering what the fuzzer
# reached (libFuzzer's -merge), keeping the corpus small: seeds, findings
# (finding-*) and these.
set -eu
cd "$(dirname "$0")/.."
name=$1 n=${2:-30}
work=${FUZZ_WORK:-/tmp/newsflow-fuzz}/$name
merged=$work/merged
rm -rf "$merged"
mkdir -p "$merged"
build/libfuzzer/fuzz/fuzz-"$name" -merge=1 -timeout=20 -rss_limit_mb=4096 \
	"$merged" "$work/corpus" > "$work/merge.log" 2>&1
# the smallest first; names are content hashes, so nothing is added twice
ls -S -r "$merged" | head -n "$n" | while read -r f; do
	cp -n "$merged/$f" "fuzz/corpus/$name/$f"
done
echo "$name: $(ls "fuzz/corpus/$name" | wc -l) inputs, $(du -sh "fuzz/corpus/$name" | cut -f1)"
