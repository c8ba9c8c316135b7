#!/usr/bin/env bats
# Hostile pages at full size (make check-slow): a 1 GB line with no newline,
# as a raw text page, as an HTML page and as a JSON Lines record, for every
# program.  Each must finish (a 30-minute guard against hangs, not a speed
# test) in memory that is a stated multiple of the line, or flat where the
# program streams.  The time and peak memory of each run are printed.
# Cheaper versions of these run in make check (tests/faults.bats).

setup() {
	load ../helpers/common
	[ -n "${NEWS_SLOW:-}" ] || skip "set NEWS_SLOW=1 (make check-slow)"
	LINE=$BATS_TEST_TMPDIR/line
}

# bounded LIMIT_MB CMD...: CMD finishes in at most LIMIT_MB of memory;
# output to $BATS_TEST_TMPDIR/out, stderr to .../err; sets STATUS.
bounded() {
	local limit=$1
	shift
	STATUS=0
	timeout 1800 /usr/bin/time -o "$BATS_TEST_TMPDIR/rss" -f '%M %e' "$@" \
		> "$BATS_TEST_TMPDIR/out" 2> "$BATS_TEST_TMPDIR/err" || STATUS=$?
	[ "$STATUS" -ne 124 ] || fail "$*: did not finish in 30 minutes"
	local kb secs
	read -r kb secs < <(tail -n 1 "$BATS_TEST_TMPDIR/rss")
	echo "# $(basename "$1") ${*:2:2}: $((kb / 1024)) MiB, $secs s" >&3
	[ $((kb / 1024)) -le "$limit" ] || fail "$*: $((kb / 1024)) MiB (limit $limit)"
}

# prose BYTES: a line of that many bytes of English prose, no newline
prose() {
	yes 'The minister said the talks in Seoul went well and would go on next week. ' |
		tr -d '\n' | head -c "$1"
}

@test "slow faults: a 1 GB text page that is one line: one document, in about five times its size" {
	prose 1000000000 > "$LINE"
	bounded 6000 news-strip --text "$LINE"
	[ "$STATUS" -eq 0 ] || fail "status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
	assert_equal "$(jq -r '.text | length' "$BATS_TEST_TMPDIR/out")" 1000000000
	# news-split streams raw text: flat memory
	bounded 64 news-split --text "$LINE"
	[ "$STATUS" -eq 0 ] || fail "status $STATUS"
	tail -n 1 "$BATS_TEST_TMPDIR/out" | jq -e '.end == 1000000000' > /dev/null ||
		fail "the last sentence: $(tail -n 1 "$BATS_TEST_TMPDIR/out" | head -c 300)"
}

@test "slow faults: a 1 GB HTML page that is one line: one document, in about five times its size" {
	{ printf '<html><body>'
	  yes '<p>The minister said the talks in Seoul went well and would go on next week.</p>' |
		tr -d '\n' | head -c 1000000000; } > "$LINE"
	bounded 6000 news-strip --html "$LINE"
	[ "$STATUS" -eq 0 ] || fail "status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
	jq -e '.text | length > 900000000' "$BATS_TEST_TMPDIR/out" > /dev/null || fail "text lost"
}

@test "slow faults: a 1 GB JSON Lines line with no newline, cut short: rejected by every program, in about its size" {
	{ printf '{"id":"x","text":"'; prose 999000000; } > "$LINE"
	for p in news-strip news-split news-tag news-events news-dedupe; do
		[ -x "$NEWS_BIN/$p" ] || continue
		local args=()
		[ "$p" = news-dedupe ] && args=(--key text)
		bounded 2500 "$p" "${args[@]}" "$LINE"
		[ "$STATUS" -eq 1 ] || fail "$p: status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
		grep -q "^$p: $LINE:1:999000019: invalid JSON: unterminated string" "$BATS_TEST_TMPDIR/err" ||
			fail "$p: $(cat "$BATS_TEST_TMPDIR/err")"
		[ ! -s "$BATS_TEST_TMPDIR/out" ] || fail "$p wrote output"
		# past --max-record it is not held whole: at most the 64 MB read
		# before the line proved too long (in a buffer that doubles)
		bounded 200 "$p" "${args[@]}" --max-record 64M "$LINE"
		[ "$STATUS" -eq 1 ] || fail "$p --max-record: status $STATUS"
	done
}

@test "slow faults: a sentence of a million named entities: news-tag and news-events in bounded time and memory" {
	[ -x "$NEWS_BIN/news-tag" ] && [ -x "$NEWS_BIN/news-events" ] || skip "news-tag and news-events are not built"
	{ printf '{"id":"x:0","doc":"x","sent":0,"date":"2022-01-20","text":"Officials from '
	  yes 'Seoul, Tokyo, Kim Jong-un, the United Nations, NATO, South Korea, Park Jin, China, ' |
		head -n 125000 | tr -d '\n'
	  printf 'and Japan met in Geneva on Thursday."}\n'; } > "$LINE"
	bounded 800 news-tag "$LINE"
	[ "$STATUS" -eq 0 ] || fail "news-tag: status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
	local k
	k=$(jq '.entities | length' "$BATS_TEST_TMPDIR/out")
	[ "$k" -gt 1000000 ] || fail "news-tag found $k entities"
	mv "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/tagged.jsonl"
	bounded 600 news-events "$BATS_TEST_TMPDIR/tagged.jsonl"
	[ "$STATUS" -eq 0 ] || fail "news-events: status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
}
