#!/bin/sh
# run.sh NAME SECONDS: fuzz one target for real on a copy of its corpus;
# new findings (crash-*, leak-*, timeout-*) are left in fuzz/findings/NAME/.
set -eu
cd "$(dirname "$0")/.."
name=$1 secs=${2:-300}
work=${FUZZ_WORK:-/tmp/newsflow-fuzz}/$name
mkdir -p "$work/corpus" "fuzz/findings/$name"
cp -n fuzz/corpus/"$name"/* "$work/corpus/" 2>/dev/null || true
[ -x build/libfuzzer/fuzz/fuzz-"$name" ] || make -s fuzz
nice -n 10 build/libfuzzer/fuzz/fuzz-"$name" -max_total_time="$secs" -timeout=20 \
	-rss_limit_mb=4096 -max_len="${FUZZ_MAX_LEN:-65536}" \
	-artifact_prefix="fuzz/findings/$name/" "$work/corpus" > "$work/log" 2>&1 || true
tail -n 1 "$work/log"
ls "fuzz/findings/$name"
