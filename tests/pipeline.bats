#!/usr/bin/env bats
# The whole pipeline as the README runs it at scale: with GNU parallel on
# every core, and over several machines (--sshlogin, here through a
# stand-in for ssh that runs the commands on this machine), it must write
# exactly what the plain pipeline writes.

setup() {
	load helpers/common
	for p in news-strip news-split news-tag news-events news-dedupe; do
		[ -x "$NEWS_BIN/$p" ] || skip "$p is not built"
	done
	PAGES=$BATS_TEST_TMPDIR/pages.jsonl
	# the examples, and each again under another id: copies to remove
	for r in a b; do
		for f in "$NEWS_ROOT"/examples/*.txt; do
			jq -Rsc --arg id "$(basename "$f" .txt)-$r" '{id: $id, text: .}' "$f"
		done
	done > "$PAGES"
	plain=$BATS_TEST_TMPDIR/plain.jsonl
	news-strip "$PAGES" | news-dedupe --near text | news-split | news-tag |
		news-events | news-dedupe --events > "$plain"
	[ -s "$plain" ] || fail "the plain pipeline wrote nothing"
}

@test "pipeline: GNU parallel on every core writes what the plain pipeline writes" {
	run --separate-stderr bash -c '
		parallel -k -j 2 --pipepart -a "$1" --block 10k "news-strip | news-dedupe --near text --signatures" |
			news-dedupe --near text |
			parallel -k -j 2 --pipe --block 10k "news-split | news-tag | news-events" |
			news-dedupe --events' _ "$PAGES"
	assert_success
	assert_equal "$output" "$(cat "$plain")"
}

@test "pipeline: over several machines with GNU parallel --sshlogin, the same" {
	local ssh=$NEWS_ROOT/bench/ssh-here
	run --separate-stderr bash -c '
		parallel --ssh "$2" -S 1/hostA,1/hostB -k --pipepart -a "$1" --block 10k \
			"news-strip | news-dedupe --near text --signatures" |
			news-dedupe --near text |
			parallel --ssh "$2" -S 1/hostA,1/hostB -k --pipe --block 10k "news-split | news-tag | news-events" |
			news-dedupe --events' _ "$PAGES" "$ssh"
	assert_success
	assert_equal "$output" "$(cat "$plain")"
}
