#!/usr/bin/env bats
# news-dedupe: exact, near-duplicate, event and state modes, and the
# conventions every program keeps (in each mode).

setup() {
	load helpers/common
	load helpers/conventions
}

G1='{"id":"a1","text":"The first record."}'
G2='{"id":"a2","text":"The second record."}'
CONV=(news-dedupe --key id -- "$G1" "$G2" '"id":"a1"' '"id":"a2"')
NEAR=(news-dedupe --near text --mark -- "$G1" "$G2" '"id":"a1"' '"id":"a2"')
E1='{"id":"e1","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}'
E2='{"id":"e2","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"USA"},"code":"041"}'
EVENTS=(news-dedupe --events --count -- "$E1" "$E2" '"id":"e1"' '"id":"e2"')

# ids of the output records, comma-separated
ids() { jq -r .id <<<"$output" | paste -sd, ; }

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

@test "news-dedupe: near and event modes keep the conventions too" {
	conv_malformed_line "${NEAR[@]}"
	conv_invalid_utf8 "${NEAR[@]}"
	conv_nul_bytes "${NEAR[@]}"
	conv_passthrough "${NEAR[@]}"
	conv_no_final_newline "${NEAR[@]}"
	conv_malformed_line "${EVENTS[@]}"
	conv_invalid_utf8 "${EVENTS[@]}"
	conv_passthrough "${EVENTS[@]}"
	conv_empty_input "${EVENTS[@]}"
	conv_full_disk "${EVENTS[@]}"
}

@test "news-dedupe: near mode and a full disk" {
	conv_full_disk "${NEAR[@]}"
}

@test "news-dedupe: --key on several nested fields, and --mark-field" {
	run --separate-stderr news-dedupe --key a.b,c --mark --mark-field same_as <<'IN'
{"id":1,"a":{"b":"X"},"c":1}
{"id":2,"a":{"b":"x"},"c":"1"}
{"id":3,"a":{"b":" x "},"c":1}
IN
	assert_success
	assert_equal "$(jq -c .same_as <<<"$output" | paste -sd,)" 'null,null,1'
}

@test "news-dedupe: near mode finds copies, edits, retitlings, reorderings and truncations in other templates" {
	run --separate-stderr news-dedupe --near text --mark "$FIXTURES/news-dedupe/near.jsonl"
	assert_success
	# every record's dup_of is what the fixture expects
	local wrong
	wrong=$(jq -c 'select(.dup_of != .expect) | [.id, .dup_of, .expect]' <<<"$output")
	[ -z "$wrong" ] || fail "wrong groups: $wrong"
	# without --mark only the first of each group goes out
	run --separate-stderr news-dedupe --near text "$FIXTURES/news-dedupe/near.jsonl"
	assert_success
	assert_equal "$(ids)" "a1,b1,c1,f1"
}

@test "news-dedupe: near mode: a shared headline and lead with a new body is not a duplicate" {
	run --separate-stderr news-dedupe --near text --mark "$FIXTURES/news-dedupe/near.jsonl"
	assert_equal "$(jq -c 'select(.id == "f1") | .dup_of' <<<"$output")" null
	# nor is a truncated copy once containment is off and resemblance strict
	run --separate-stderr news-dedupe --near text --mark --containment 0 --threshold 0.8 \
		"$FIXTURES/news-dedupe/near.jsonl"
	assert_equal "$(jq -c 'select(.id == "a4") | .dup_of' <<<"$output")" null
}

@test "news-dedupe: near mode: case, width and white space do not matter; short and empty texts" {
	run --separate-stderr news-dedupe --near text --mark <<'IN'
{"id":1,"text":"Seoul and Tokyo agree on a new fishing treaty after long talks"}
{"id":2,"text":"ＳＥＯＵＬ  and TOKYO agree\non a new fishing treaty after long talks"}
{"id":3,"text":"Yes"}
{"id":4,"text":"yes."}
{"id":5,"text":"No"}
{"id":6,"text":""}
{"id":7,"text":"  ..."}
{"id":8,"text":"東京とソウルが新しい漁業協定で合意した"}
{"id":9,"text":"東京とソウルが新しい漁業協定で合意した。"}
IN
	assert_success
	assert_equal "$(jq -c .dup_of <<<"$output" | paste -sd,)" 'null,1,null,3,null,null,6,null,8'
}

@test "news-dedupe: near mode: a long text repeating one line stays linear" {
	# 2.4 million word pairs, six distinct: choosing the smallest once
	# took time quadratic in the repeats (hours); now well under a second
	local in=$BATS_TEST_TMPDIR/rep.jsonl
	{ printf '{"id":1,"text":"'
	  yes 'lorem ipsum dolor sit amet consectetur' | head -n 400000 | tr '\n' ' '
	  printf '"}\n{"id":2,"text":"lorem ipsum dolor sit amet consectetur"}\n'
	  printf '{"id":3,"text":"sit amet and a new text about fishing talks"}\n'; } > "$in"
	run --separate-stderr timeout -k 5 120 news-dedupe --near text --mark "$in"
	assert_success
	# a part of the line is contained in it; another text is not
	assert_equal "$(jq -c .dup_of <<<"$output" | paste -sd,)" 'null,1,null'
}

@test "news-dedupe: --signatures in parallel, then one joining run, gives the same groups" {
	local in=$FIXTURES/news-dedupe/near.jsonl sigs=$BATS_TEST_TMPDIR/sigs.jsonl
	run --separate-stderr news-dedupe --near text --mark "$in"
	local direct=$output
	# two workers, each on part of the input, keeping order as parallel -k does
	{ head -n 5 "$in" | news-dedupe --near text --signatures
	  tail -n +6 "$in" | news-dedupe --near text --signatures; } > "$sigs"
	jq -e 'has("dedupe_sig")' "$sigs" >/dev/null || fail "no signatures"
	run --separate-stderr news-dedupe --near text --mark "$sigs"
	assert_success
	assert_equal "$output" "$direct"
	# a damaged signature is rejected, not trusted
	run --separate-stderr news-dedupe --near text <<<'{"id":1,"text":"x","dedupe_sig":"c12"}'
	assert_failure 1
	assert_stderr_matches "<stdin>:1: 'dedupe_sig' is not a signature"
}

@test "news-dedupe: near mode joins a document one record late, and nothing shows it" {
	# From a file, each document is joined while the next one's signature
	# is computed: order, ids (FILE:LINE when a record has none), records
	# passed on unchanged and signatures removed must all stay as they were.
	local in=$BATS_TEST_TMPDIR/late.jsonl sigs=$BATS_TEST_TMPDIR/late-sigs.jsonl
	cat > "$in" <<'IN'
{"text":"Seoul and Tokyo agree on a new fishing treaty after long talks"}
{"text":"SEOUL and TOKYO agree on a new fishing treaty after long talks"}
{"id":"x","body":"no text"}
{"id":"y","text":"A different story about the weather in Busan this weekend"}
{"text":"Seoul and Tokyo agree on a new fishing treaty after long talks."}
IN
	run --separate-stderr news-dedupe --near text --mark "$in"
	assert_failure 1
	assert_stderr_matches "late.jsonl:3: no field 'text'"
	assert_equal "$(jq -c .dup_of <<<"$output" | paste -sd,)" \
		"null,\"$in:1\",null,null,\"$in:1\""
	assert_equal "$(jq -c '.id // .text[0:5]' <<<"$output" | paste -sd,)" \
		'"Seoul","SEOUL","x","y","Seoul"'
	# without --mark: the first of each group and the record passed on,
	# byte for byte
	run --separate-stderr news-dedupe --near text "$in"
	assert_equal "$output" "$(sed -n '1p;3p;4p' "$in")"
	# signed records lose their signature on the way out
	news-dedupe --near text --signatures "$in" > "$sigs" 2>/dev/null || true
	run --separate-stderr news-dedupe --near text "$sigs"
	assert_equal "$output" "$(sed -n '1p;3p;4p' "$in")"
}

@test "news-dedupe: near mode from an idle pipe does not hold a document back" {
	local fifo=$BATS_TEST_TMPDIR/fifo out=$BATS_TEST_TMPDIR/out.jsonl
	mkfifo "$fifo"
	# with --state, output is flushed (and the batch committed) whenever
	# the input has nothing ready: the document must be out by then, not
	# held back to be joined while the next one is read
	news-dedupe --near text --state "$BATS_TEST_TMPDIR/idle.lmdb" < "$fifo" > "$out" &
	local pid=$!
	exec 7> "$fifo"
	echo '{"id":1,"text":"Seoul and Tokyo agree on a new fishing treaty"}' >&7
	local n=0
	for _ in $(seq 1 100); do
		n=$(wc -l < "$out")
		[ "$n" -ge 1 ] && break
		sleep 0.1
	done
	echo '{"id":2,"text":"A different story about the weather in Busan"}' >&7
	exec 7>&-
	wait "$pid"
	assert_equal "$n" 1
	assert_equal "$(jq -c .id "$out" | paste -sd,)" "1,2"
}

@test "news-dedupe: events: one a day per date, source, target and code; null dates alike" {
	run --separate-stderr news-dedupe --events --mark <<'IN'
{"id":"e1","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e2","date":"2022-01-20","source":{"code":"kor"},"target":{"code":"CHN"},"code":"041"}
{"id":"e3","date":null,"source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e4","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e5","date":"2022-01-21","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e6","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"042"}
{"id":"e7","date":"2022-01-20","source":{"code":"CHN"},"target":{"code":"KOR"},"code":"041"}
{"id":"e8","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":null},"code":"041"}
IN
	assert_success
	assert_equal "$(jq -c .dup_of <<<"$output" | paste -sd,)" 'null,"e1",null,"e3",null,null,null,null'
}

@test "news-dedupe: events --count holds each day until dates move past it and writes mentions" {
	run --separate-stderr news-dedupe --events --count <<'IN'
{"id":"e1","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e2","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e3","date":null,"source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e4","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"USA"},"code":"041"}
{"id":"e5","date":"2022-01-21","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e6","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e7","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e8","date":"2022-01-22","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
IN
	assert_success
	# the 20th closes when the 21st arrives; e6 came too late to count
	assert_equal "$(jq -c '[.id,.mentions]' <<<"$output" | paste -sd' ')" \
		'["e1",2] ["e4",1] ["e5",1] ["e8",1] ["e3",2]'
	assert_stderr_matches "1 event came after its group had been written"
	# a wider window keeps the 20th open until the 22nd
	run --separate-stderr news-dedupe --events --count --window 2 <<<"$(printf '%s\n' \
		'{"id":"a","date":"2022-01-20","source":{"code":"X"},"target":{"code":"Y"},"code":"01"}' \
		'{"id":"b","date":"2022-01-21","source":{"code":"X"},"target":{"code":"Y"},"code":"01"}' \
		'{"id":"c","date":"2022-01-20","source":{"code":"X"},"target":{"code":"Y"},"code":"01"}' \
		'{"id":"d","date":"2022-01-22","source":{"code":"Z"},"target":{"code":"Y"},"code":"01"}')"
	assert_success
	assert_equal "$(jq -c '[.id,.mentions]' <<<"$output" | head -1)" '["a",2]'
}

@test "news-dedupe: events: a record lacking a code is reported and passed on" {
	run --separate-stderr news-dedupe --events <<'IN'
{"id":"e1","date":"2022-01-20","source":{"code":"KOR"},"target":{"code":"CHN"},"code":"041"}
{"id":"e2","date":"2022-01-20","source":{"code":"KOR"},"code":"041"}
IN
	assert_failure 1
	assert_stderr_matches "<stdin>:2: no field 'target.code'"
	assert_equal "$(ids)" "e1,e2"
}

@test "news-dedupe: near mode: a record lacking the text is reported and passed on" {
	run --separate-stderr news-dedupe --near body <<'IN'
{"id":1,"body":"some text here"}
{"id":2,"text":"no body"}
{"id":3,"body":null}
{"id":4,"body":"some text here"}
IN
	assert_failure 1
	assert_stderr_matches "<stdin>:2: no field 'body'"
	assert_stderr_matches "<stdin>:3: no text in field 'body'"
	assert_equal "$(ids)" "1,2,3"
}

@test "news-dedupe: --shard I/N splits the keys between runs" {
	local in=$BATS_TEST_TMPDIR/in.jsonl
	seq 1 300 | awk '{ printf "{\"id\":%d,\"k\":%d}\n", $1, $1 % 100 }' > "$in"
	printf '{"id":"nokey"}\n' >> "$in"
	local all=""
	for s in 1 2 3; do
		run --separate-stderr news-dedupe --key k --shard "$s/3" "$in"
		[ "${#lines[@]}" -gt 0 ] || fail "shard $s is empty"
		all+="$output"$'\n'
		# only the first shard reports and passes on a record without the key
		if [ "$s" = 1 ]; then assert_failure 1; else assert_success; fi
	done
	assert_equal "$(jq -r .k <<<"$all" | grep -v null | sort -n | uniq | wc -l)" 100
	assert_equal "$(jq -r .k <<<"$all" | grep -vc null)" 100
	run --separate-stderr news-dedupe --key k --shard 4/3 "$in"
	assert_failure 2
	run --separate-stderr news-dedupe --near text --shard 1/2 "$in"
	assert_failure 2
}

@test "news-dedupe: --state remembers keys across runs and refuses another mode's file" {
	local st=$BATS_TEST_TMPDIR/seen.lmdb
	run --separate-stderr news-dedupe --key url --state "$st" <<<$'{"id":1,"url":"a"}\n{"id":2,"url":"b"}'
	assert_success
	assert_equal "$(ids)" "1,2"
	run --separate-stderr news-dedupe --key url --state "$st" --mark <<<$'{"id":3,"url":"b"}\n{"id":4,"url":"c"}'
	assert_success
	assert_equal "$(jq -c .dup_of <<<"$output" | paste -sd,)" '2,null'
	run --separate-stderr news-dedupe --key id --state "$st" <<<'{"id":1}'
	assert_failure 2
	assert_stderr_matches "state .* was made for 'exact url', not 'exact id'"
	run --separate-stderr news-dedupe --key url --state "$BATS_TEST_TMPDIR/no/such/dir/s" <<<'{"id":1}'
	assert_failure 3
}

@test "news-dedupe: --state in near and event modes" {
	local st=$BATS_TEST_TMPDIR/near.lmdb in=$FIXTURES/news-dedupe/near.jsonl
	head -n 3 "$in" | news-dedupe --near text --state "$st" > /dev/null
	run --separate-stderr news-dedupe --near text --state "$st" --mark "$in"
	assert_success
	# the stories of the first run are remembered, so their first copies are duplicates
	assert_equal "$(jq -c 'select(.id == "a1" or .id == "a2" or .id == "f1") | .dup_of' <<<"$output" | paste -sd,)" '"a1","a1",null'
	local es=$BATS_TEST_TMPDIR/events.lmdb
	run --separate-stderr news-dedupe --events --count --state "$es" <<<"$E1"
	assert_equal "$(jq -c .mentions <<<"$output")" 1
	run --separate-stderr news-dedupe --events --count --state "$es" <<<"$E1"
	assert_success
	assert_output ""
}

@test "news-dedupe: a run killed with SIGKILL leaves a state file the next run opens and uses" {
	local st=$BATS_TEST_TMPDIR/kill.lmdb in=$BATS_TEST_TMPDIR/in.jsonl out=$BATS_TEST_TMPDIR/out1.jsonl
	seq 1 3000 | awk '{ printf "{\"id\":%d,\"pad\":\"%0200d\"}\n", $1, 0 }' > "$in"
	# 1000 records, then the input pauses: killed in the pause
	local fifo=$BATS_TEST_TMPDIR/fifo
	mkfifo "$fifo"
	news-dedupe --key id --state "$st" < "$fifo" > "$out" 3>&- &
	local pid=$!
	exec 7> "$fifo"
	head -n 1000 "$in" >&7
	for _ in $(seq 1 100); do [ "$(wc -l < "$out")" -ge 1000 ] && break; sleep 0.1; done
	# Output goes out before its commit (a crash in between repeats records
	# rather than losing them), so wait for the commit: a second run over
	# the same records takes the write lock after it and finds all seen.
	run --separate-stderr news-dedupe --key id --state "$st" < <(head -n 1000 "$in")
	assert_success
	assert_output ""
	kill -KILL "$pid"
	wait "$pid" || true
	exec 7>&-
	assert_equal "$(wc -l < "$out")" 1000
	# the next run knows those 1000, and passes the 2000 others
	run --separate-stderr news-dedupe --key id --state "$st" "$in"
	assert_success
	assert_equal "${#lines[@]}" 2000
	assert_equal "$(jq -r .id <<<"$output" | head -1)" 1001

	# killed at a random moment while busy: the file still opens, nothing is lost
	local st2=$BATS_TEST_TMPDIR/kill2.lmdb big=$BATS_TEST_TMPDIR/big.jsonl
	for i in 1 2 3; do cat "$in"; done | awk '{ sub(/"id":/, "\"id\":" NR "00"); print }' > "$big"
	news-dedupe --key id --state "$st2" "$big" > "$out" 3>&- &
	sleep 0.3
	kill -KILL $! 2>/dev/null || true
	wait || true
	run --separate-stderr news-dedupe --key id --state "$st2" "$big"
	assert_success
	# every key went out in one run or the other
	assert_equal "$(cat "$out" <(printf '%s\n' "$output") | jq -r .id | sort -u | wc -l)" 9000
	run --separate-stderr news-dedupe --key id --state "$st2" "$big"
	assert_success
	assert_output ""
}

@test "news-dedupe: SIGTERM finishes the record in hand, commits the state and dies of the signal" {
	local st=$BATS_TEST_TMPDIR/term.lmdb in=$BATS_TEST_TMPDIR/in.jsonl out=$BATS_TEST_TMPDIR/out.jsonl
	local fifo=$BATS_TEST_TMPDIR/fifo
	seq 1 500 | awk '{ printf "{\"id\":%d}\n", $1 }' > "$in"
	mkfifo "$fifo"
	news-dedupe --key id --state "$st" < "$fifo" > "$out" 3>&- &
	local pid=$!
	exec 7> "$fifo"
	cat "$in" >&7
	# the input stays open but idle: the batch is out and committed
	for _ in $(seq 1 100); do [ "$(wc -l < "$out")" -ge 500 ] && break; sleep 0.1; done
	kill -TERM "$pid"
	local status=0
	wait "$pid" || status=$?
	exec 7>&-
	assert_equal "$status" 143
	assert_equal "$(wc -l < "$out")" 500
	run --separate-stderr news-dedupe --key id --state "$st" "$in"
	assert_success
	assert_output ""
}

@test "news-dedupe: two runs sharing one state file at once pass each record exactly once" {
	local st=$BATS_TEST_TMPDIR/shared.lmdb a=$BATS_TEST_TMPDIR/a.jsonl b=$BATS_TEST_TMPDIR/b.jsonl
	# keys 0-2499 then 2500-4999 (each four times) in one input, the other
	# way round in the other, with a pause between: both runs are busy at once
	seq 0 19999 | awk '{ printf "{\"id\":%d,\"k\":%d}\n", $1, int($1 / 4) }' > "$a"
	{ tail -n 10000 "$a"; head -n 10000 "$a"; } > "$b"
	slow() { head -n 10000 "$1"; sleep 0.5; tail -n 10000 "$1"; }
	slow "$a" | news-dedupe --key k --state "$st" > "$BATS_TEST_TMPDIR/o1" &
	slow "$b" | news-dedupe --key k --state "$st" > "$BATS_TEST_TMPDIR/o2"
	wait
	[ -s "$BATS_TEST_TMPDIR/o1" ] && [ -s "$BATS_TEST_TMPDIR/o2" ] || skip "the runs did not overlap"
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o1" "$BATS_TEST_TMPDIR/o2" | wc -l)" 5000
	assert_equal "$(cat "$BATS_TEST_TMPDIR/o1" "$BATS_TEST_TMPDIR/o2" | jq -r .k | sort -u | wc -l)" 5000
	# near mode too: the runs catch up with each other's documents
	local ns=$BATS_TEST_TMPDIR/near.lmdb in=$FIXTURES/news-dedupe/near.jsonl
	news-dedupe --near text --state "$ns" "$in" > "$BATS_TEST_TMPDIR/n1" &
	news-dedupe --near text --state "$ns" "$in" > "$BATS_TEST_TMPDIR/n2"
	wait
	assert_equal "$(cat "$BATS_TEST_TMPDIR/n1" "$BATS_TEST_TMPDIR/n2" | jq -r .id | sort | paste -sd,)" "a1,b1,c1,f1"
}

@test "news-dedupe: --ttl forgets entries that many days after they were written" {
	local st=$BATS_TEST_TMPDIR/ttl.lmdb
	# 0.00002 days is 1.7 seconds
	run --separate-stderr news-dedupe --key id --state "$st" --ttl 0.00002 <<<'{"id":1}'
	assert_equal "$(ids)" 1
	run --separate-stderr news-dedupe --key id --state "$st" --ttl 0.00002 <<<'{"id":1}'
	assert_output ""
	sleep 2.2
	run --separate-stderr news-dedupe --key id --state "$st" --ttl 0.00002 <<<$'{"id":1}\n{"id":1}'
	assert_success
	assert_equal "$(ids)" 1
	# without --ttl nothing expires
	run --separate-stderr news-dedupe --key id --state "$st" <<<'{"id":1}'
	assert_output ""
	run --separate-stderr news-dedupe --key id --ttl 1 <<<'{"id":1}'
	assert_failure 2
}

@test "news-dedupe: options that do not go together are usage errors" {
	for args in "--near text --key id" "--near text --events" "--count" "--events --window 2" \
		"--events --count --mark" "--signatures" "--near text --signatures --state x" \
		"--threshold 2 --near text" "--shard 0/2" "--shard x"; do
		# shellcheck disable=SC2086
		run --separate-stderr news-dedupe $args < /dev/null
		[ "$status" -eq 2 ] || fail "'$args' gave status $status"
	done
}
