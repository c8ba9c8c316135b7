#!/usr/bin/env bats
# news-split on a single 500 MB document (make check-slow): memory stays
# flat, and the offsets still add up at the end.

setup() {
	load ../helpers/common
	[ -n "${NEWS_SLOW:-}" ] || skip "set NEWS_SLOW=1 (make check-slow)"
	PARA='SEOUL, Jan. 20 (Yonhap) -- Dr. Kim met Mr. Park at 5 p.m. in the U.S. embassy. \"We agreed on the No. 2 issue,\" he said. The talks will go on.\n\n'
}

# timed CMD...: run CMD (stdin and stdout as given); its maximum resident
# set size in KiB goes to $BATS_TEST_TMPDIR/rss.
timed() {
	/usr/bin/time -o "$BATS_TEST_TMPDIR/rss" -f %M "$@"
}

# text BYTES: about BYTES of news text as it is written in a JSON string,
# whole paragraphs only.
text() {
	yes "$PARA" | tr -d '\n' | head -c $(($1 / ${#PARA} * ${#PARA}))
}

@test "news-split: a single 500 MB document in a record: memory grows with the record only" {
	local in=$BATS_TEST_TMPDIR/big.jsonl
	{ printf '{"id":"big","text":"'
	  text 500000000
	  printf '"}\n'; } > "$in"
	local rss
	timed news-split "$in" > "$BATS_TEST_TMPDIR/out.jsonl"
	rss=$(cat "$BATS_TEST_TMPDIR/rss")
	echo "max RSS: $((rss / 1024)) MiB for $(stat -c %s "$in") bytes" >&3
	# the line and its decoded text, and nothing per sentence
	[ "$rss" -lt $((1200 * 1024)) ] || fail "max RSS $((rss / 1024)) MiB"
	local n
	n=$(wc -l < "$BATS_TEST_TMPDIR/out.jsonl")
	[ "$n" -gt 10000000 ] || fail "only $n sentences"
	# the last sentence's offsets are right after 500 MB of text
	tail -n 1 "$BATS_TEST_TMPDIR/out.jsonl" | jq -e '.sent > 10000000 and .end > 450000000' >/dev/null ||
		fail "last: $(tail -n 1 "$BATS_TEST_TMPDIR/out.jsonl")"
}

@test "news-split: --text on a 500 MB stdin streams in flat memory" {
	local rss
	text 500000000 | sed 's/\\n/\n/g; s/\\"/"/g' |
		timed news-split --text > "$BATS_TEST_TMPDIR/out.jsonl"
	rss=$(cat "$BATS_TEST_TMPDIR/rss")
	echo "max RSS: $((rss / 1024)) MiB" >&3
	[ "$rss" -lt $((64 * 1024)) ] || fail "max RSS $((rss / 1024)) MiB"
	# the same sentences as the first 1000 give in a record of their own
	head -n 1000 "$BATS_TEST_TMPDIR/out.jsonl" | jq -c '[.text, .start, .end]' > "$BATS_TEST_TMPDIR/a"
	text 100000 | sed 's/\\n/\n/g; s/\\"/"/g' | news-split --text |
		head -n 1000 | jq -c '[.text, .start, .end]' > "$BATS_TEST_TMPDIR/b"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	tail -n 1 "$BATS_TEST_TMPDIR/out.jsonl" | jq -e '.end > 450000000' >/dev/null
}
