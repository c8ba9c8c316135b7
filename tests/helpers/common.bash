# common.bash: loaded by every test file (load helpers/common).
bats_require_minimum_version 1.5.0
bats_load_library bats-support
bats_load_library bats-assert

NEWS_ROOT=${NEWS_ROOT:-$(cd "$BATS_TEST_DIRNAME/.." && pwd)}
NEWS_BIN=${NEWS_BIN:-$NEWS_ROOT/bin}
PATH="$NEWS_BIN:$PATH"
FIXTURES="$BATS_TEST_DIRNAME/fixtures"

# assert_jsonl FILE: every line of FILE is one JSON object.
assert_jsonl() {
	local file=$1
	if ! jq -e -c 'if type == "object" then . else error("not an object") end' \
		"$file" >/dev/null; then
		fail "$file: not all lines are JSON objects"
	fi
}

# assert_output_jsonl: the same for $output.
assert_output_jsonl() {
	if [ -n "$output" ] && ! jq -e -c 'if type == "object" then . else error("not an object") end' \
		<<<"$output" >/dev/null; then
		fail "output is not JSON Lines: $output"
	fi
}

# assert_stderr_matches REGEX: $stderr matches the extended regex.
assert_stderr_matches() {
	if ! [[ $stderr =~ $1 ]]; then
		fail "stderr does not match /$1/: $stderr"
	fi
}

assert_stderr_empty() {
	if [ -n "$stderr" ]; then
		fail "stderr is not empty: $stderr"
	fi
}
