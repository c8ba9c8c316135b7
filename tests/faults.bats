#!/usr/bin/env bats
# Faults, for every program and for the pipeline as a whole: a full disk, a
# closed pipe, SIGTERM and SIGKILL in the middle of a run, inputs that
# cannot be read, and hostile pages (cheap versions here; the 1 GB ones
# are in tests/slow/faults.bats).

setup_file() {
	load helpers/common
	local d=$BATS_FILE_TMPDIR
	# each program's input is the previous program's output on the examples
	for f in "$NEWS_ROOT"/examples/*.txt; do
		jq -Rsc --arg id "$(basename "$f" .txt)" '{id: $id, text: .}' "$f"
	done > "$d/pages.jsonl"
	news-strip "$d/pages.jsonl" > "$d/news-split.in"
	cp "$d/pages.jsonl" "$d/news-strip.in"
	news-split "$d/news-split.in" > "$d/news-dedupe.in"
	if [ -x "$NEWS_BIN/news-tag" ]; then
		news-tag "$d/news-dedupe.in" > "$d/news-events.in"
		cp "$d/news-dedupe.in" "$d/news-tag.in"
	fi
	# the same, fifty times over with distinct ids (more than the 64 KiB
	# output buffer, so that write errors come in the middle of a run)
	for p in news-strip news-split news-tag news-events news-dedupe; do
		[ -f "$d/$p.in" ] || continue
		jq -c -s '. as $all | range(1; 51) as $i | $all[] |
			.id = "\(.id)-\($i)" | if .doc then .doc = "\(.doc)-\($i)" else . end' \
			"$d/$p.in" > "$d/$p.many"
	done
}

setup() {
	load helpers/common
	D=$BATS_FILE_TMPDIR
	PROGRAMS=()
	for p in news-strip news-split news-tag news-events news-dedupe; do
		[ -x "$NEWS_BIN/$p" ] && PROGRAMS+=("$p")
	done
}

# args PROG: the options each program runs with here
args() {
	case $1 in
	news-dedupe) echo "--key text" ;;
	*) echo "" ;;
	esac
}

# jsonl PROG: the option that makes PROG read JSON Lines whatever the
# first byte (programs that also read raw text)
jsonl() {
	case $1 in
	news-strip | news-split) echo "--jsonl" ;;
	*) echo "" ;;
	esac
}

# valid_lines FILE: every complete line of FILE is a JSON object (a last
# line without its newline, cut short by a kill, is allowed).
valid_lines() {
	local n
	n=$(wc -l < "$1")
	head -n "$n" "$1" | jq -e -c 'if type == "object" then . else error("not an object") end' \
		> /dev/null || fail "$1: not every complete line is a JSON object"
}

# rchar PID: the bytes PID has read so far
rchar() {
	local k v
	while read -r k v; do
		[ "$k" = rchar: ] && { echo "$v"; return; }
	done < "/proc/$1/io"
	echo 0
}

@test "faults: a full disk (/dev/full) for every program: exit 3 and a message, on standard output and --rejects" {
	for p in "${PROGRAMS[@]}"; do
		# shellcheck disable=SC2046
		run --separate-stderr bash -c '"$0" "$@" > /dev/full' "$p" $(args "$p") "$D/$p.many"
		[ "$status" -eq 3 ] || fail "$p: status $status"
		assert_stderr_matches "^$p: write error: <stdout>: No space left on device"
		# shellcheck disable=SC2046
		run --separate-stderr bash -c '{ echo "not json"; cat "$1"; } | "$0" "${@:2}" --rejects /dev/full > /dev/null' \
			"$p" "$D/$p.in" $(args "$p") $(jsonl "$p")
		[ "$status" -eq 3 ] || fail "$p --rejects /dev/full: status $status"
		assert_stderr_matches "write error: /dev/full: No space left on device"
	done
}

@test "faults: news-dedupe --state on a full file system: exit 3, and the state opens afterwards with what was committed" {
	local mnt=$BATS_TEST_TMPDIR/small
	mkdir -p "$mnt"
	mount -t tmpfs -o size=256k tmpfs "$mnt" 2>/dev/null ||
		skip "cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)"
	# 200 records fit; then 20,000 records of 200-byte ids do not
	seq 1 200 | awk '{ printf "{\"id\":\"a%d\",\"text\":\"t%d\"}\n", $1, $1 }' > "$BATS_TEST_TMPDIR/first.jsonl"
	seq 1 20000 | awk '{ printf "{\"id\":\"%0200d\",\"text\":\"u%d\"}\n", $1, $1 }' > "$BATS_TEST_TMPDIR/many.jsonl"
	run --separate-stderr news-dedupe --key text --state "$mnt/seen.lmdb" "$BATS_TEST_TMPDIR/first.jsonl"
	local st1=$status
	run --separate-stderr news-dedupe --key text --state "$mnt/seen.lmdb" "$BATS_TEST_TMPDIR/many.jsonl"
	local st2=$status err=$stderr
	# the file as it was left, copied to where there is room
	cp "$mnt/seen.lmdb" "$BATS_TEST_TMPDIR/seen.lmdb"
	umount "$mnt" 2>/dev/null || umount -l "$mnt"
	[ "$st1" -eq 0 ] || fail "the first run: status $st1"
	[ "$st2" -eq 3 ] || fail "status $st2: $err"
	[[ $err =~ news-dedupe:\ state\ .*seen.lmdb:\ .*(space|full|MDB_MAP_FULL|Input/output\ error) ]] ||
		fail "message: $err"
	# it still opens, and knows the first 200 records
	run --separate-stderr news-dedupe --key text --state "$BATS_TEST_TMPDIR/seen.lmdb" "$BATS_TEST_TMPDIR/first.jsonl"
	assert_success
	assert_output ""
	# and it takes the rest now that there is room: what the full run
	# committed before the disk filled is not passed again
	run --separate-stderr news-dedupe --key text --state "$BATS_TEST_TMPDIR/seen.lmdb" "$BATS_TEST_TMPDIR/many.jsonl"
	assert_success
	[ "${#lines[@]}" -le 20000 ] && [ "${#lines[@]}" -gt 0 ] || fail "${#lines[@]} records"
	run --separate-stderr news-dedupe --key text --state "$BATS_TEST_TMPDIR/seen.lmdb" "$BATS_TEST_TMPDIR/many.jsonl"
	assert_success
	assert_output ""
}

@test "faults: a closed pipe at the end of the pipeline ends every stage quietly" {
	local stages=() p
	for p in "${PROGRAMS[@]}"; do
		[ "$p" = news-strip ] && continue
		stages+=("$p $(args "$p")")
	done
	local pipeline="news-strip \"\$1\""
	for p in "${stages[@]}"; do
		pipeline+=" | $p"
	done
	run --separate-stderr bash -c "$pipeline | head -n 1; echo \"\${PIPESTATUS[*]}\"" _ "$D/news-strip.many"
	assert_stderr_empty
	[ "${#lines[@]}" -eq 2 ] || fail "output: $output"
	# every stage ended normally (0) or of SIGPIPE (141), none with an error
	for s in ${lines[1]}; do
		[ "$s" -eq 0 ] || [ "$s" -eq 141 ] || fail "statuses: ${lines[1]}"
	done
}

# term_in_hand PROG SMALL BIG: PROG reads the record SMALL, then the
# record in file BIG.  Once it has read all of BIG and before it has
# finished with it, it is stopped (SIGSTOP), sent SIGTERM and continued:
# it must finish BIG, write exactly what a normal run writes, say how far
# it got and die of SIGTERM.
term_in_hand() {
	local p=$1 small=$2 big=$3 try
	local fifo=$BATS_TEST_TMPDIR/fifo out=$BATS_TEST_TMPDIR/term.out err=$BATS_TEST_TMPDIR/term.err
	local want=$BATS_TEST_TMPDIR/want.out
	# shellcheck disable=SC2046
	{ printf '%s\n' "$small"; cat "$big"; } | "$p" $(args "$p") > "$want"
	local n_small n_want
	# shellcheck disable=SC2046
	n_small=$(printf '%s\n' "$small" | "$p" $(args "$p") | wc -l)
	n_want=$(wc -l < "$want")
	[ "$n_small" -ge 1 ] && [ "$n_want" -gt "$n_small" ] || fail "$p: unsuitable records ($n_small, $n_want)"
	rm -f "$fifo"
	mkfifo "$fifo"
	# shellcheck disable=SC2046
	"$p" $(args "$p") --line-buffered < "$fifo" > "$out" 2> "$err" &
	local pid=$!
	exec 7> "$fifo"
	printf '%s\n' "$small" >&7
	for _ in $(seq 1 600); do [ "$(wc -l < "$out")" -ge "$n_small" ] && break; sleep 0.05; done
	local base size
	base=$(rchar "$pid")
	size=$(stat -c %s "$big")
	cat "$big" >&7 &
	local writer=$!
	for _ in $(seq 1 6000); do
		[ $(($(rchar "$pid") - base)) -ge "$size" ] && break
		sleep 0.005
	done
	kill -STOP "$pid"
	local before
	before=$(wc -l < "$out")
	kill -TERM "$pid"
	kill -CONT "$pid"
	local status=0
	wait "$pid" || status=$?
	wait "$writer" || true
	exec 7>&-
	[ "$before" -lt "$n_want" ] || fail "$p: the big record was done before the signal came; make it bigger"
	[ "$status" -eq 143 ] || fail "$p: status $status: $(cat "$err")"
	cmp -s "$want" "$out" || fail "$p: the output differs from a run without the signal ($(wc -l < "$out") of $n_want lines)"
	grep -q "^$p: stopped by signal 15 after 2 records$" "$err" || fail "$p: stderr: $(cat "$err")"
}

# big_text MB: a long article text, as a JSON string body
big_text() {
	yes 'The foreign minister said on Thursday that the talks in Seoul had gone well. ' |
		head -c $(($1 * 1000000)) | tr -d '\n'
}

@test "faults: SIGTERM in the middle of a record: the record is finished and written, then the program dies of SIGTERM" {
	local big=$BATS_TEST_TMPDIR/big.jsonl
	local small='{"id":"s","text":"South Korea'"'"'s foreign minister Park Jin met Chinese Foreign Minister Wang Yi in Beijing on Thursday."}'
	for p in "${PROGRAMS[@]}"; do
		local mb=8
		case $p in
		news-strip) mb=3 ;;
		news-tag | news-events) mb=2 ;;
		esac
		[ -n "${NEWS_ASAN:-}" ] && mb=$((mb / 2 + 1))
		case $p in
		news-strip | news-split | news-dedupe)
			{ printf '{"id":"big","text":"'; big_text "$mb"; printf '"}\n'; } > "$big" ;;
		news-tag)
			{ printf '{"id":"big:0","doc":"big","sent":0,"text":"'; big_text "$mb"; printf '"}\n'; } > "$big" ;;
		news-events)
			# a sentence with an event (one: the coder keeps the first)
			{ printf '{"id":"big:0","doc":"big","sent":0,"text":"'
			  yes 'Japan condemned North Korea on Thursday, ' | head -c $((mb * 1000000)) | tr -d '\n'
			  printf 'and left."}\n'; } | news-tag > "$big" ;;
		esac
		local s=$small
		case $p in
		news-tag | news-events)
			s=$(printf '%s\n' "$small" | news-split) ;;
		esac
		[ "$p" = news-events ] && s=$(printf '%s\n' "$s" | news-tag)
		term_in_hand "$p" "$s" "$big"
	done
}

@test "faults: SIGTERM while a record is still being read: it is neither processed nor reported as bad" {
	local fifo=$BATS_TEST_TMPDIR/fifo out=$BATS_TEST_TMPDIR/out err=$BATS_TEST_TMPDIR/err
	for p in "${PROGRAMS[@]}"; do
		local first cut
		first=$(head -n 1 "$D/$p.in")
		cut=$(sed -n 2p "$D/$p.in" | head -c 40)
		rm -f "$fifo"
		mkfifo "$fifo"
		# shellcheck disable=SC2046
		"$p" $(args "$p") $(jsonl "$p") --line-buffered < "$fifo" > "$out" 2> "$err" &
		local pid=$!
		exec 7> "$fifo"
		printf '%s\n%s' "$first" "$cut" >&7
		for _ in $(seq 1 600); do [ -s "$out" ] && break; sleep 0.05; done
		sleep 0.2
		kill -TERM "$pid"
		local status=0
		wait "$pid" || status=$?
		exec 7>&-
		[ "$status" -eq 143 ] || fail "$p: status $status: $(cat "$err")"
		valid_lines "$out"
		grep -q "^$p: stopped by signal 15 after 1 record$" "$err" && [ "$(wc -l < "$err")" -eq 1 ] ||
			fail "$p: stderr: $(cat "$err")"
	done
	# a raw page cut short is not a page
	rm -f "$fifo"
	mkfifo "$fifo"
	news-strip --text < "$fifo" > "$out" 2> "$err" &
	local pid=$!
	exec 7> "$fifo"
	head -c 3000 "$NEWS_ROOT"/examples/001_*.txt >&7
	sleep 0.5
	kill -TERM "$pid"
	local status=0
	wait "$pid" || status=$?
	exec 7>&-
	[ "$status" -eq 143 ] || fail "news-strip --text: status $status"
	[ ! -s "$out" ] || fail "news-strip wrote a document of part of a page: $(cat "$out")"
}

# A pipeline of separate processes joined by fifos, so that each stage's
# pid is known: start_pipeline IN OUT STATE starts
#   news-split < IN | news-dedupe --key text --state STATE > OUT
# and sets PIDS.
start_pipeline() {
	local in=$1 out=$2 state=$3 fifo=$BATS_TEST_TMPDIR/p1
	rm -f "$fifo"
	mkfifo "$fifo"
	news-split < "$in" > "$fifo" 2>> "$BATS_TEST_TMPDIR/p.err" &
	PIDS=($!)
	news-dedupe --key text --state "$state" < "$fifo" > "$out" 2>> "$BATS_TEST_TMPDIR/p.err" &
	PIDS+=($!)
}

# docs N: N documents of three sentences, every sentence twice in the set
docs() {
	seq 1 "$1" | awk '{ k = int(($1 + 1) / 2)
		printf "{\"id\":\"d%d\",\"text\":\"Minister %d met envoy %d in Seoul. They talked for %d hours. Talks go on.\"}\n", $1, k, k, k }'
}

@test "faults: SIGTERM to a whole pipeline: every stage stops cleanly, and news-dedupe's state holds exactly what went out" {
	local in=$BATS_TEST_TMPDIR/in.jsonl fifo=$BATS_TEST_TMPDIR/in.fifo
	local st=$BATS_TEST_TMPDIR/term.lmdb out1=$BATS_TEST_TMPDIR/out1 out2=$BATS_TEST_TMPDIR/out2
	docs 20000 > "$in"
	mkfifo "$fifo"
	start_pipeline "$fifo" "$out1" "$st"
	exec 7> "$fifo"
	head -n 8000 "$in" >&7
	for _ in $(seq 1 200); do [ -s "$out1" ] && break; sleep 0.05; done
	sleep 0.5
	# the last stage first: signalled first, news-split could finish,
	# close the pipe and let news-dedupe end on EOF before its own signal
	kill -TERM "${PIDS[1]}"
	kill -TERM "${PIDS[0]}"
	local s1=0 s2=0
	wait "${PIDS[0]}" || s1=$?
	wait "${PIDS[1]}" || s2=$?
	exec 7>&-
	# news-split finishes the record in hand and writes what it holds
	# (programs do not flush while their input is idle); when news-dedupe
	# stopped first, that write meets a closed pipe and news-split dies of
	# SIGPIPE (141), as an upstream stage should (a loaded machine makes
	# that race likely).  Either way a clean stop.
	[ "$s1" -eq 143 ] || [ "$s1" -eq 141 ] || fail "news-split: status $s1: $(cat "$BATS_TEST_TMPDIR/p.err")"
	[ "$s2" -eq 143 ] || fail "news-dedupe: status $s2: $(cat "$BATS_TEST_TMPDIR/p.err")"
	[ -s "$out1" ] || fail "nothing went out before the signal"
	valid_lines "$out1"
	[ "$(tail -c 1 "$out1" | od -An -c | tr -d ' ')" = '\n' ] || fail "the output ends inside a record"
	# the rerun passes exactly the sentences the first run did not
	news-split "$in" | news-dedupe --key text --state "$st" > "$out2"
	local all once twice
	all=$(news-split "$in" | jq -r .text | sort -u | wc -l)
	once=$(cat "$out1" "$out2" | jq -r .text | sort -u | wc -l)
	twice=$(cat "$out1" "$out2" | jq -r .text | sort | uniq -d | wc -l)
	assert_equal "$once" "$all"
	assert_equal "$twice" 0
}

@test "faults: SIGKILL to a whole pipeline: every complete line is valid, and news-dedupe's state opens and is used" {
	local in=$BATS_TEST_TMPDIR/in.jsonl
	local st=$BATS_TEST_TMPDIR/kill.lmdb out1=$BATS_TEST_TMPDIR/out1 out2=$BATS_TEST_TMPDIR/out2
	docs 50000 > "$in"
	start_pipeline "$in" "$out1" "$st"
	# killed while records flow
	for _ in $(seq 1 200); do [ -s "$out1" ] && break; sleep 0.05; done
	sleep 0.2
	kill -KILL "${PIDS[@]}" 2>/dev/null || true
	wait "${PIDS[@]}" || true
	[ -s "$out1" ] || fail "nothing went out before the kill"
	valid_lines "$out1"
	run --separate-stderr bash -c 'news-split "$1" | news-dedupe --key text --state "$2" > "$3"' _ "$in" "$st" "$out2"
	assert_success
	# every sentence went out in one run or the other; the rerun passed
	# each at most once, and repeated at most the last uncommitted batch
	local all once repeated
	all=$(news-split "$in" | jq -r .text | sort -u | wc -l)
	once=$(cat "$out1" "$out2" | jq -r .text | sort -u | wc -l)
	assert_equal "$once" "$all"
	assert_equal "$(jq -r .text "$out2" | sort | uniq -d | wc -l)" 0
	repeated=$(cat <(head -n "$(wc -l < "$out1")" "$out1") "$out2" | jq -r .text | sort | uniq -d | wc -l)
	[ "$repeated" -le 1000 ] || fail "$repeated records passed twice"
	# and a third run passes nothing
	run --separate-stderr bash -c 'news-split "$1" | news-dedupe --key text --state "$2"' _ "$in" "$st"
	assert_success
	assert_output ""
}

@test "faults: inputs that cannot be read (a directory, a missing path) are reported, the others still read, exit 3" {
	local dir=$BATS_TEST_TMPDIR/adir
	mkdir -p "$dir"
	for p in "${PROGRAMS[@]}"; do
		local want
		# shellcheck disable=SC2046
		want=$("$p" $(args "$p") "$D/$p.in")
		# shellcheck disable=SC2046
		run --separate-stderr "$p" $(args "$p") "$dir" "$D/$p.in" /no/such/file
		[ "$status" -eq 3 ] || fail "$p: status $status"
		assert_stderr_matches "$p: $dir: Is a directory"
		assert_stderr_matches "$p: /no/such/file: No such file or directory"
		[ "$output" = "$want" ] || fail "$p: the readable input's output differs"
		# an output file that cannot be opened
		# shellcheck disable=SC2046
		run --separate-stderr "$p" $(args "$p") --rejects /no/such/dir/rejects "$D/$p.in"
		[ "$status" -eq 3 ] || fail "$p --rejects: status $status"
		assert_stderr_matches "$p: cannot open '/no/such/dir/rejects' for writing: No such file or directory"
	done
	run --separate-stderr news-dedupe --key text --state /no/such/dir/seen.lmdb "$D/news-dedupe.in"
	assert_failure 3
	assert_stderr_matches "news-dedupe: state /no/such/dir/seen.lmdb: No such file or directory"
	run --separate-stderr news-dedupe --key text --state "$dir" "$D/news-dedupe.in"
	assert_failure 3
	assert_stderr_matches "news-dedupe: state $dir: "
}

# bounded LIMIT_MB CMD...: CMD finishes (within 5 minutes: a hang guard,
# not a speed test) in at most LIMIT_MB of memory; its output goes to
# $BATS_TEST_TMPDIR/out, its stderr to .../err; sets STATUS and RSS_MB.
bounded() {
	local limit=$1
	shift
	STATUS=0
	timeout 300 /usr/bin/time -o "$BATS_TEST_TMPDIR/rss" -f '%M %e' "$@" \
		> "$BATS_TEST_TMPDIR/out" 2> "$BATS_TEST_TMPDIR/err" || STATUS=$?
	[ "$STATUS" -ne 124 ] || fail "$*: did not finish in 5 minutes"
	local kb secs
	read -r kb secs < <(tail -n 1 "$BATS_TEST_TMPDIR/rss")
	RSS_MB=$((kb / 1024))
	echo "# $(basename "$1") ${*:2:1}: $RSS_MB MiB, $secs s" >&3
	[ -n "${NEWS_ASAN:-}" ] && return      # ASan's shadow memory says nothing
	[ "$RSS_MB" -le "$limit" ] || fail "$*: $RSS_MB MiB (limit $limit)"
}

@test "faults: a million nested tags, and a million entities in one sentence: bounded time and memory" {
	local nest=$BATS_TEST_TMPDIR/nest.html ent=$BATS_TEST_TMPDIR/ent.html
	{ printf '<html><body>'
	  for _ in 1 2 3 4 5 6 7 8 9 10; do yes '<div>' | head -n 100000 | tr -d '\n'; done
	  printf '<p>The minister said on Thursday that the talks had gone well and would go on.</p>'
	  for _ in 1 2 3 4 5 6 7 8 9 10; do yes '</div>' | head -n 100000 | tr -d '\n'; done
	  printf '</body></html>'; } > "$nest"
	bounded 400 news-strip --html "$nest"
	[ "$STATUS" -eq 0 ] || fail "status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
	assert_jsonl "$BATS_TEST_TMPDIR/out"
	jq -e '.text | contains("talks had gone well")' "$BATS_TEST_TMPDIR/out" > /dev/null ||
		fail "the sentence is lost"

	# never closed, and interleaved
	{ printf '<html><body>'; yes '<div><span><b><table><tr><td>' | head -n 150000 | tr -d '\n'
	  printf 'The end.'; } > "$nest"
	bounded 600 news-strip --html "$nest"
	[ "$STATUS" -le 1 ] || fail "status $STATUS"
	assert_jsonl "$BATS_TEST_TMPDIR/out"

	{ printf '<html><body><article><p>The minister said '
	  yes '&amp; &#8217; &eacute; &nbsp;' | head -n 250000 | tr '\n' ' '
	  printf ' and left.</p></article></body></html>'; } > "$ent"
	bounded 400 news-strip --html "$ent"
	[ "$STATUS" -eq 0 ] || fail "status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
	jq -e '.text | startswith("The minister said & ’ é") and endswith("and left.")' \
		"$BATS_TEST_TMPDIR/out" > /dev/null || fail "entities not decoded: $(head -c 300 "$BATS_TEST_TMPDIR/out")"
}

@test "faults: a sentence of 250,000 named entities: news-tag and news-events in bounded time and memory" {
	[ -x "$NEWS_BIN/news-tag" ] && [ -x "$NEWS_BIN/news-events" ] || skip "news-tag and news-events are not built"
	# a million in tests/slow/faults.bats
	local n=250000 in=$BATS_TEST_TMPDIR/names.jsonl
	[ -n "${NEWS_ASAN:-}" ] && n=50000
	{ printf '{"id":"x:0","doc":"x","sent":0,"date":"2022-01-20","text":"Officials from '
	  yes 'Seoul, Tokyo, Kim Jong-un, the United Nations, NATO, South Korea, Park Jin, China, ' |
		head -n $((n / 8)) | tr -d '\n'
	  printf 'and Japan met in Geneva on Thursday."}\n'; } > "$in"
	bounded 400 news-tag "$in"
	[ "$STATUS" -eq 0 ] || fail "news-tag: status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
	local k
	k=$(jq '.entities | length' "$BATS_TEST_TMPDIR/out")
	[ "$k" -gt "$n" ] || fail "news-tag found $k entities"
	mv "$BATS_TEST_TMPDIR/out" "$BATS_TEST_TMPDIR/tagged.jsonl"
	# one phrase recursion per apposition overflowed the stack, and a
	# loop over all entities per word took minutes
	bounded 300 news-events "$BATS_TEST_TMPDIR/tagged.jsonl"
	[ "$STATUS" -eq 0 ] || fail "news-events: status $STATUS: $(cat "$BATS_TEST_TMPDIR/err")"
	[ ! -s "$BATS_TEST_TMPDIR/out" ] || assert_jsonl "$BATS_TEST_TMPDIR/out"
}

@test "faults: a 16 MB line with no newline: processed (raw text) or rejected (JSON Lines) in bounded memory" {
	local line=$BATS_TEST_TMPDIR/line
	yes 'The minister said the talks in Seoul went well and would go on next week. ' |
		tr -d '\n' | head -c 16000000 > "$line"
	bounded 400 news-strip --text "$line"
	[ "$STATUS" -eq 0 ] || fail "status $STATUS"
	assert_equal "$(jq -r '.text | length' "$BATS_TEST_TMPDIR/out")" 16000000
	bounded 32 news-split --text "$line"
	[ "$STATUS" -eq 0 ] || fail "status $STATUS"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/out")" -gt 200000 ] || fail "too few sentences"
	# JSON Lines: a line that is not JSON is rejected; past --max-record
	# it is not even held in memory
	for p in "${PROGRAMS[@]}"; do
		# shellcheck disable=SC2046
		bounded 64 "$p" $(args "$p") $(jsonl "$p") --max-record 1M "$line"
		[ "$STATUS" -eq 1 ] || fail "$p: status $STATUS"
		grep -q "^$p: $line:1: record of 16000000 bytes is larger than --max-record" "$BATS_TEST_TMPDIR/err" ||
			fail "$p: $(cat "$BATS_TEST_TMPDIR/err")"
	done
}
