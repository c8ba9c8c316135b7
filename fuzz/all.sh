#!/bin/sh
# all.sh [SECONDS [NAME...]]: fuzz each target (default: every fuzz/fuzz_*.c)
# in turn with fuzz/run.sh, one at a time (the machine is shared), and
# append a line per run to $FUZZ_WORK/runs.tsv: target, start (UTC),
# seconds, executions, new files in fuzz/findings/NAME/.  A run that finds
# something stops early: fix it, add the finding to the corpus, run again.
# fuzz/RUNS.md keeps the table.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-300}
[ $# -gt 0 ] && shift
# shellcheck disable=SC2046,SC2012  # target names have no spaces
[ $# -gt 0 ] || set -- $(ls fuzz/fuzz_*.c | sed 's|fuzz/fuzz_||; s|\.c$||')
work=${FUZZ_WORK:-/tmp/newsflow-fuzz}
mkdir -p "$work"
for t in "$@"; do
	start=$(date -u +%H:%M)
	s0=$(date +%s)
	# shellcheck disable=SC2012
	before=$(ls "fuzz/findings/$t" 2>/dev/null | wc -l)
	sh fuzz/run.sh "$t" "$secs" > /dev/null 2>&1 || true
	execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$work/$t/log")
	# stopped by a finding: the last status line's count
	[ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$work/$t/log" | tail -n 1 | tr -d '#')
	# shellcheck disable=SC2012
	after=$(ls "fuzz/findings/$t" 2>/dev/null | wc -l)
	printf '%s\t%s\t%s\t%s\t%s\n' "$t" "$start" "$(($(date +%s) - s0))" \
		"${execs:-0}" "$((after - before))" | tee -a "$work/runs.tsv"
done
