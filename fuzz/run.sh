#!/bin/sh
# run.sh NAME SECONDS: fuzz one target for real on a copy of its corpus;
# new findings (crash-*, leak-*, timeout-*, oom-*) are left in
# fuzz/findings/NAME/.  Extra libFuzzer flags: FUZZ_FLAGS, and the line in
# fuzz/NAME.flags when there is one.
#
# -entropic=0: libFuzzer 14's entropic scheduler spends 70% of the time in
# UpdateFeatureFrequency once a target has ~20,000 features (news-strip's
# HTML path has); without it the same target runs 10-15 times faster.
set -eu
cd "$(dirname "$0")/.."
name=$1 secs=${2:-300}
work=${FUZZ_WORK:-/tmp/newsflow-fuzz}/$name
flags=${FUZZ_FLAGS:-}
[ -f fuzz/"$name".flags ] && flags="$flags $(cat fuzz/"$name".flags)"
mkdir -p "$work/corpus" "fuzz/findings/$name"
cp -n fuzz/corpus/"$name"/* "$work/corpus/" 2>/dev/null || true
[ -x build/libfuzzer/fuzz/fuzz-"$name" ] || make -s fuzz
# UndefinedBehaviorSanitizer's reports stop the run (make asan's replay
# would fail on them: it builds with -fno-sanitize-recover=all)
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# shellcheck disable=SC2086
nice -n 10 build/libfuzzer/fuzz/fuzz-"$name" -max_total_time="$secs" -timeout=20 \
	-rss_limit_mb=4096 -max_len="${FUZZ_MAX_LEN:-65536}" -entropic=0 $flags \
	-artifact_prefix="fuzz/findings/$name/" "$work/corpus" > "$work/log" 2>&1 || true
tail -n 1 "$work/log"
ls "fuzz/findings/$name"
