#!/usr/bin/env bats
# news-dedupe: exact mode, and the conventions every program keeps.

setup() {
	load helpers/common
	load helpers/conventions
}

G1='{"id":"a1","text":"The first record."}'
G2='{"id":"a2","text":"The second record."}'
CONV=(news-dedupe --key id -- "$G1" "$G2" '"id":"a1"' '"id":"a2"')

@test "news-dedupe: a malformed line is reported, rejected verbatim, and the stream goes on" {
	conv_malformed_line "${CONV[@]}"
}

@test "news-dedupe: invalid UTF-8 is repaired and counted" {
	conv_invalid_utf8 "${CONV[@]}"
}

@test "news-dedupe: NUL bytes" {
	conv_nul_bytes "${CONV[@]}"
}

@test "news-dedupe: empty input" {
	conv_empty_input "${CONV[@]}"
}

@test "news-dedupe: no final newline, CRLF line ends" {
	conv_no_final_newline "${CONV[@]}"
}

@test "news-dedupe: a 100 MB record, and one over --max-record" {
	conv_huge_record "${CONV[@]}"
}

@test "news-dedupe: | head -1 ends quietly" {
	conv_closed_pipe news-dedupe --key n -- "$G1" "$G2" x x
}

@test "news-dedupe: a full disk is an error" {
	conv_full_disk "${CONV[@]}"
}

@test "news-dedupe: --help, --version, bad options, missing files" {
	conv_help_version "${CONV[@]}"
}

@test "news-dedupe: unknown fields and their order pass through untouched" {
	conv_passthrough "${CONV[@]}"
}

@test "news-dedupe: eight processes appending to one file keep records whole" {
	conv_parallel_append news-dedupe --key pad -- "$G1" "$G2" x x
}

@test "news-dedupe: exact duplicates after normalisation are dropped" {
	run --separate-stderr news-dedupe <<'IN'
{"id":1,"text":"Seoul  and Tokyo"}
{"id":2,"text":"SEOUL and\ttokyo "}
{"id":3,"text":"Ｓｅｏｕｌ and Tokyo"}
{"id":4,"text":"Seoul and Beijing"}
IN
	assert_success
	assert_equal "$(jq -c .id <<<"$output" | paste -sd,)" "1,4"
}

@test "news-dedupe: --mark keeps all records and names the first of each group" {
	run --separate-stderr news-dedupe --mark --key source.code,date <<'IN'
{"id":"e1","source":{"code":"KOR"},"date":"2022-01-20"}
{"id":"e2","source":{"code":"kor"},"date":"2022-01-20"}
{"id":"e3","source":{"code":"KOR"},"date":null}
{"id":"e4","source":{"code":"KOR"},"date":null}
IN
	assert_success
	assert_equal "$(jq -c .dup_of <<<"$output" | paste -sd,)" 'null,"e1",null,"e3"'
}

@test "news-dedupe: a record lacking the key field is reported and passed on" {
	run --separate-stderr news-dedupe --key url <<'IN'
{"id":1,"url":"http://a"}
{"id":2}
{"id":3,"url":"http://a"}
IN
	assert_failure 1
	assert_stderr_matches "<stdin>:2: no field 'url'"
	assert_equal "$(jq -c .id <<<"$output" | paste -sd,)" "1,2"
}
