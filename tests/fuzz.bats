#!/usr/bin/env bats
# Every fuzz target replays its committed corpus (fuzz/corpus/NAME/) with
# the plain replay driver: findings once fixed stay fixed.

setup() {
	load helpers/common
	REPLAY=${NEWS_REPLAY:-$NEWS_ROOT/build/fuzz}
}

@test "fuzz: every fuzz target has a corpus and replays it cleanly" {
	local n=0
	for src in "$NEWS_ROOT"/fuzz/fuzz_*.c; do
		name=$(basename "$src" .c)
		name=${name#fuzz_}
		[ -d "$NEWS_ROOT/fuzz/corpus/$name" ] || fail "no corpus for $name"
		run --separate-stderr "$REPLAY/replay-$name" "$NEWS_ROOT/fuzz/corpus/$name"
		[ "$status" -eq 0 ] || fail "replay-$name failed ($status): $stderr"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || fail "no fuzz targets"
}
