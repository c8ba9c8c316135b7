# conventions.bash: the conventions every program keeps (DESIGN.md), as
# functions each program's test file calls with inputs that suit it.
#
# Each takes PROGRAM, then the program's arguments, then "--", then two
# JSON records the program accepts and produces output for, then two
# regular expressions that each record's output is recognised by.

# conv_split_args "$@": sets PROG, ARGS (array), GOOD1, GOOD2, SEEN1, SEEN2.
conv_split_args() {
	PROG=$1; shift
	ARGS=()
	while [ "$1" != "--" ]; do ARGS+=("$1"); shift; done
	shift
	GOOD1=$1 GOOD2=$2 SEEN1=$3 SEEN2=$4
}

# A line that is not JSON: reported with file:line:column, left out of the
# output, copied verbatim to --rejects; the other records still come out.
conv_malformed_line() {
	conv_split_args "$@"
	local in=$BATS_TEST_TMPDIR/in.jsonl rej=$BATS_TEST_TMPDIR/rejects.txt
	printf '%s\n%s\n%s\n' "$GOOD1" '{"id": "bad", oops}' "$GOOD2" > "$in"
	run --separate-stderr "$PROG" "${ARGS[@]}" --rejects "$rej" "$in"
	assert_failure 1
	assert_stderr_matches "^$PROG: $in:2:[0-9]+: invalid JSON"
	assert_output_jsonl
	assert_output --regexp "$SEEN1"
	assert_output --regexp "$SEEN2"
	refute_output --partial oops
	[ "$(cat "$rej")" = '{"id": "bad", oops}' ] || fail "rejects: $(cat "$rej")"
	# and from standard input the file is called <stdin>
	run --separate-stderr "$PROG" "${ARGS[@]}" < "$in"
	assert_failure 1
	assert_stderr_matches "^$PROG: <stdin>:2:[0-9]+: invalid JSON"
}

# Invalid UTF-8 inside a record is replaced by U+FFFD and counted.
conv_invalid_utf8() {
	conv_split_args "$@"
	local in=$BATS_TEST_TMPDIR/in.jsonl
	# GOOD1 with a stray \xff byte and a truncated sequence in a field of its own
	printf '%s\n' "${GOOD1%\}},\"junk\":\"a$(printf '\xff')b$(printf '\xe2\x82')\"}" > "$in"
	run --separate-stderr "$PROG" "${ARGS[@]}" < "$in"
	assert_success
	assert_output_jsonl
	assert_output --regexp "$SEEN1"
	assert_stderr_matches "replaced 2 invalid UTF-8 sequences with U\+FFFD in 1 record"
	# nothing invalid goes out
	printf '%s' "$output" | iconv -f UTF-8 -t UTF-8 >/dev/null || fail "output is not UTF-8"
}

# A raw NUL byte is not JSON (reported); an escaped one is just text.
conv_nul_bytes() {
	conv_split_args "$@"
	local in=$BATS_TEST_TMPDIR/in.jsonl
	{ printf '%s\n' "$GOOD1"; printf '{"id":"nul","x":"a\0b"}\n'; printf '%s\n' "$GOOD2"; } > "$in"
	run --separate-stderr "$PROG" "${ARGS[@]}" < "$in"
	assert_failure 1
	assert_stderr_matches "<stdin>:2:[0-9]+: invalid JSON: NUL byte"
	assert_output --regexp "$SEEN1"
	assert_output --regexp "$SEEN2"
	printf '%s\n' "${GOOD1%\}},\"nul\":\"a\\u0000b\"}" > "$in"
	run --separate-stderr "$PROG" "${ARGS[@]}" < "$in"
	assert_success
	assert_output --regexp "$SEEN1"
}

conv_empty_input() {
	conv_split_args "$@"
	run --separate-stderr "$PROG" "${ARGS[@]}" < /dev/null
	assert_success
	assert_output ""
	assert_stderr_empty
	run --separate-stderr "$PROG" "${ARGS[@]}" <<< $'\n  \n'
	assert_success
	assert_output ""
}

conv_no_final_newline() {
	conv_split_args "$@"
	run --separate-stderr bash -c 'printf "%s\r\n%s" "$1" "$2" | "$0" "${@:3}"' \
		"$PROG" "$GOOD1" "$GOOD2" "${ARGS[@]}"
	assert_success
	assert_output_jsonl
	assert_output --regexp "$SEEN1"
	assert_output --regexp "$SEEN2"
}

# A 100 MB record goes through; a record over --max-record is rejected.
# (Output goes to files and is checked with grep: bash is slow at holding
# and matching 100 MB strings.)
conv_huge_record() {
	conv_split_args "$@"
	local in=$BATS_TEST_TMPDIR/big.jsonl rej=$BATS_TEST_TMPDIR/rejects.txt
	local out=$BATS_TEST_TMPDIR/out.jsonl err=$BATS_TEST_TMPDIR/err.txt rc=0
	{ printf '%s' "${GOOD1%\}},\"pad\":\""
	  head -c 100000000 /dev/zero | tr '\0' 'x'
	  printf '"}\n%s\n' "$GOOD2"; } > "$in"
	"$PROG" "${ARGS[@]}" "$in" > "$out" 2> "$err" || rc=$?
	[ "$rc" -eq 0 ] || fail "status $rc: $(head -c 500 "$err")"
	grep -qE -- "$SEEN2" "$out" || fail "the second record is missing"
	[ "$(stat -c %s "$out")" -gt 100000000 ] || fail "the 100 MB record did not come out whole"
	rc=0
	"$PROG" "${ARGS[@]}" --max-record 1M --rejects "$rej" "$in" > "$out" 2> "$err" || rc=$?
	[ "$rc" -eq 1 ] || fail "status $rc with --max-record, expected 1"
	grep -qE -- "$in:1: record of 100000[0-9]+ bytes is larger than --max-record" "$err" ||
		fail "no message for the oversized record: $(head -c 500 "$err")"
	grep -qE -- "$SEEN2" "$out" || fail "the record after the oversized one is missing"
	[ "$(stat -c %s "$rej")" -gt 100000000 ] || fail "the rejected record is not in --rejects"
	cmp <(head -n1 "$in") "$rej" || fail "--rejects differs from the input line"
}

# `PROG | head -1` ends quietly, killed by SIGPIPE as cat is.
conv_closed_pipe() {
	conv_split_args "$@"
	local in=$BATS_TEST_TMPDIR/many.jsonl
	G=$GOOD1 awk 'BEGIN { g = ENVIRON["G"]; sub(/}$/, "", g)
		for (i = 1; i <= 20000; i++) print g ",\"n\":" i "}" }' > "$in"
	run --separate-stderr bash -c 'set -o pipefail; "$0" "${@:2}" < "$1" | head -1' \
		"$PROG" "$in" "${ARGS[@]}"
	assert_stderr_empty
	[ "$status" -eq 141 ] || [ "$status" -eq 0 ] || fail "status $status"
	[ "${#lines[@]}" -eq 1 ] || fail "expected one line"
	# also when SIGPIPE is ignored by whoever started it
	run --separate-stderr bash -c 'trap "" PIPE; "$0" "${@:2}" < "$1" | head -1' \
		"$PROG" "$in" "${ARGS[@]}"
	assert_stderr_empty
}

# A write error (a full disk) is reported and exits 3.
conv_full_disk() {
	conv_split_args "$@"
	run --separate-stderr bash -c 'printf "%s\n" "$1" | "$0" "${@:2}" > /dev/full' \
		"$PROG" "$GOOD1" "${ARGS[@]}"
	assert_failure 3
	assert_stderr_matches "^$PROG: write error: <stdout>: No space left on device"
}

conv_help_version() {
	conv_split_args "$@"
	run --separate-stderr "$PROG" --help
	assert_success
	assert_output --partial "Usage: $PROG"
	assert_output --partial "--rejects"
	run --separate-stderr "$PROG" --version
	assert_success
	assert_output --regexp "^$PROG \(newsflow\) [0-9]+\.[0-9]+"
	run --separate-stderr "$PROG" --no-such-option
	assert_failure 2
	assert_stderr_matches "^$PROG: unrecognized option '--no-such-option'"
	assert_stderr_matches "Try '$PROG --help'"
	run --separate-stderr "$PROG" "${ARGS[@]}" /no/such/file
	assert_failure 3
	assert_stderr_matches "^$PROG: /no/such/file: No such file or directory"
}

# Fields the program does not own pass through byte for byte, in order.
conv_passthrough() {
	conv_split_args "$@"
	local extra='"zz_big":123456789012345678901234567890,"zz_inf":1e400,"zz_esc":"a\u00e9\"\/\ud83d\ude00","zz_obj":{"b":[1,2.50,{"c":null}],"a":true}'
	run --separate-stderr bash -c 'printf "%s\n" "$1" | "$0" "${@:2}"' \
		"$PROG" "${GOOD1%\}},$extra}" "${ARGS[@]}"
	assert_success
	assert_output --partial "$extra"
}

# Eight processes appending to one file never interleave inside a record:
# each record (5 KB, more than PIPE_BUF) must come out whole.
conv_parallel_append() {
	conv_split_args "$@"
	local dir=$BATS_TEST_TMPDIR/par out=$BATS_TEST_TMPDIR/out.jsonl pad
	mkdir -p "$dir"
	pad=$(head -c 5000 /dev/zero | tr '\0' 'p')
	for f in $(seq 1 16); do
		G=$GOOD1 P=$pad F=$f awk 'BEGIN { g = ENVIRON["G"]; sub(/}$/, "", g)
			for (i = 1; i <= 300; i++) print g ",\"pad\":\"" ENVIRON["F"] "-" i "-" ENVIRON["P"] "\"}" }' \
			> "$dir/$f.jsonl"
	done
	{ printf '#!/bin/bash\nexec'; printf ' %q' "$PROG" "${ARGS[@]}"; printf ' < "$1" >> %q\n' "$out"; } \
		> "$BATS_TEST_TMPDIR/one"
	chmod +x "$BATS_TEST_TMPDIR/one"
	ls "$dir"/*.jsonl | xargs -P8 -n1 "$BATS_TEST_TMPDIR/one"
	[ -s "$out" ] || fail "no output"
	assert_jsonl "$out"
	local torn
	torn=$(jq -r 'select(has("pad")) | .pad | select(test("^[0-9]+-[0-9]+-p{5000}$") | not)' "$out" | wc -l)
	[ "$torn" -eq 0 ] || fail "$torn records torn"
}
