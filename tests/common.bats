#!/usr/bin/env bats
# The shared library's unit tests (tests/unit/*.c), one test each.

setup() {
	load helpers/common
	UNIT=${NEWS_UNIT:-$NEWS_ROOT/build/tests}
}

@test "common: the JSON scanner accepts exactly RFC 8259 and edits records faithfully" {
	run --separate-stderr "$UNIT/test_json"
	assert_success
}

@test "common: multi-pattern matching finds every occurrence" {
	run --separate-stderr "$UNIT/test_match"
	assert_success
}

@test "common: UTF-8 validation, repair and code point offsets" {
	run --separate-stderr "$UNIT/test_utf8"
	assert_success
}
