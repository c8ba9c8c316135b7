#!/usr/bin/env bats
# news-split: sentence records, the hard cases, offsets, --text, and the
# conventions every program keeps.

setup() {
	load helpers/common
	load helpers/conventions
}

G1='{"id":"a1","text":"The first record."}'
G2='{"id":"a2","text":"The second record."}'
CONV=(news-split -- "$G1" "$G2" '"id":"a1:0"' '"id":"a2:0"')

# sentences TEXT [OPTION...]: the sentences news-split finds in TEXT, one a
# line (newlines inside a sentence shown as \n).
sentences() {
	local text=$1
	shift
	jq -cn --arg t "$text" '{id:"t",text:$t}' | news-split "$@" | jq -r '.text | gsub("\n"; "\\n")'
}

# expect TEXT SENTENCE...: news-split (with $OPTS) finds exactly these.
expect() {
	local text=$1
	shift
	local got want
	got=$(sentences "$text" ${OPTS:-})
	want=$(printf '%s\n' "$@")
	[ "$got" = "$want" ] || fail "$(printf 'text: %s\nwant:\n%s\ngot:\n%s' "$text" "$want" "$got")"
}

@test "news-split: a malformed line is reported, rejected verbatim, and the stream goes on" {
	conv_malformed_line "${CONV[@]}"
}

@test "news-split: invalid UTF-8 is repaired and counted" {
	conv_invalid_utf8 "${CONV[@]}"
}

@test "news-split: NUL bytes" {
	conv_nul_bytes "${CONV[@]}"
}

@test "news-split: empty input" {
	conv_empty_input "${CONV[@]}"
}

@test "news-split: no final newline, CRLF line ends" {
	conv_no_final_newline "${CONV[@]}"
}

@test "news-split: a 100 MB record, and one over --max-record" {
	conv_huge_record "${CONV[@]}"
}

@test "news-split: | head -1 ends quietly" {
	conv_closed_pipe news-split -- "$G1" "$G2" x x
}

@test "news-split: a full disk is an error" {
	conv_full_disk "${CONV[@]}"
}

@test "news-split: --help, --version, bad options, missing files" {
	conv_help_version "${CONV[@]}"
}

@test "news-split: unknown fields and their order pass through untouched" {
	conv_passthrough "${CONV[@]}"
}

@test "news-split: eight processes appending to one file keep records whole" {
	conv_parallel_append "${CONV[@]}"
}

@test "news-split: the README example, byte for byte" {
	run --separate-stderr news-split <<<'{"id":"a","feed":"wire-7","text":"Dr. Kim met Mr. Park. They talked."}'
	assert_success
	assert_stderr_empty
	assert_output "$(printf '%s\n' \
		'{"id":"a:0","feed":"wire-7","text":"Dr. Kim met Mr. Park.","doc":"a","sent":0,"start":0,"end":21}' \
		'{"id":"a:1","feed":"wire-7","text":"They talked.","doc":"a","sent":1,"start":22,"end":34}')"
}

@test "news-split: fields are replaced in place, new ones appended, numbers kept" {
	run --separate-stderr news-split <<<'{"sent":"x","text":"One. Two.","n":1.50,"id":17,"start":null}'
	assert_success
	assert_line --index 0 '{"sent":0,"text":"One.","n":1.50,"id":"17:0","start":0,"doc":17,"end":4}'
	assert_line --index 1 '{"sent":1,"text":"Two.","n":1.50,"id":"17:1","start":5,"doc":17,"end":9}'
}

@test "news-split: offsets count code points, and text is the document's start..end" {
	local doc
	doc=$(printf '%s' 'Café owners in Seoul said 😀 prices rose. "We can'"'"'t go on," Kim said.' \
		$'\n\n  ' '한국 정부는 3.5% 올렸다. Что дальше?  Él dijo: "¿Sí?" '$'\n' \
		'Ministers meet over trade dispute' $'\n' 'The U.S. and the E.U. met at 5 p.m. Monday.')
	jq -cn --arg t "$doc" '{id:"d",text:$t}' > "$BATS_TEST_TMPDIR/in.jsonl"
	run --separate-stderr news-split "$BATS_TEST_TMPDIR/in.jsonl"
	assert_success
	[ "${#lines[@]}" -eq 7 ] || fail "too few sentences: $output"
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/out.jsonl"
	# every sentence is exactly the document's code points start..end
	run jq -rn --arg t "$doc" --slurpfile s "$BATS_TEST_TMPDIR/out.jsonl" \
		'[$s[] | select(.text != $t[.start:.end])] | length'
	assert_output 0
	# in order, not overlapping, trimmed, numbered
	run jq -rs '[range(1; length) as $i | select(.[$i].start < .[$i-1].end or .[$i].sent != $i)] | length' \
		"$BATS_TEST_TMPDIR/out.jsonl"
	assert_output 0
	run jq -r 'select(.text | test("^\\s|\\s$"))' "$BATS_TEST_TMPDIR/out.jsonl"
	assert_output ""
}

@test "news-split: a document without a text field is reported; the others are split" {
	run --separate-stderr news-split <<'IN'
{"id":"a","text":"One. Two."}
{"id":"b","title":"no text here"}
{"id":"c","text":42}
{"id":"d","text":"Three."}
IN
	assert_failure 1
	assert_stderr_matches "news-split: <stdin>:2: no field 'text'"
	assert_stderr_matches "news-split: <stdin>:3: field 'text' is not a string"
	assert_equal "$(jq -r .id <<<"$output" | paste -sd,)" "a:0,a:1,d:0"
}

@test "news-split: --field reads and writes another field" {
	run --separate-stderr news-split --field body <<<'{"id":"a","body":"One. Two."}'
	assert_success
	assert_line --index 1 '{"id":"a:1","body":"Two.","doc":"a","sent":1,"start":5,"end":9}'
	run --separate-stderr news-split --field doc <<<'{}'
	assert_failure 2
	assert_stderr_matches "'doc' is a field news-split writes itself"
}

@test "news-split: documents without an id are named by file and line" {
	run --separate-stderr news-split <<<$'{"text":"One."}\n{"id":null,"text":"Two."}'
	assert_success
	assert_equal "$(jq -r '.doc + " " + .id' <<<"$output" | paste -sd,)" "stdin:1 stdin:1:0,stdin:2 stdin:2:0"
}

@test "news-split: an empty text gives no sentences" {
	run --separate-stderr news-split <<<$'{"id":"a","text":""}\n{"id":"b","text":" \\n\\n "}'
	assert_success
	assert_output ""
}

@test "news-split: --text splits plain text as one document called stdin" {
	run --separate-stderr news-split --text <<<"Hello Dr. Kim. Bye."
	assert_success
	assert_output "$(printf '%s\n' \
		'{"id":"stdin:0","text":"Hello Dr. Kim.","doc":"stdin","sent":0,"start":0,"end":14}' \
		'{"id":"stdin:1","text":"Bye.","doc":"stdin","sent":1,"start":15,"end":19}')"
	# raw text is recognised without --text; --jsonl forces records
	run --separate-stderr news-split <<<"Hello Dr. Kim. Bye."
	assert_success
	assert_equal "${#lines[@]}" 2
	run --separate-stderr news-split --jsonl <<<"Hello Dr. Kim. Bye."
	assert_failure 1
	assert_stderr_matches "invalid JSON"
	# a file is a document named after its path without the extension
	printf 'One. Two.' > "$BATS_TEST_TMPDIR/story.txt"
	run --separate-stderr news-split --text "$BATS_TEST_TMPDIR/story.txt"
	assert_success
	assert_line --index 1 "{\"id\":\"$BATS_TEST_TMPDIR/story:1\",\"text\":\"Two.\",\"doc\":\"$BATS_TEST_TMPDIR/story\",\"sent\":1,\"start\":5,\"end\":9}"
}

@test "news-split: --text streams: the same sentences and offsets as one record" {
	# about 3 MB, more than one read, with multi-byte text across the seams
	local f=$BATS_TEST_TMPDIR/long.txt
	for i in $(seq 1 300); do
		printf 'Párrafo %d: Dr. Kim met Mr. Park at 5 p.m. in Seoul — 서울에서 만났다. "Was it fine?" he asked. It was.\n\n' "$i"
	done > "$f.1"
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40; do cat "$f.1"; done > "$f"
	news-split --text "$f" | jq -c '[.text, .start, .end]' > "$BATS_TEST_TMPDIR/a"
	jq -Rsc '{id:"x",text:.}' "$f" | news-split | jq -c '[.text, .start, .end]' > "$BATS_TEST_TMPDIR/b"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/a")" -eq 36000 ] || fail "$(wc -l < "$BATS_TEST_TMPDIR/a") sentences"
	cmp "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b" || fail "--text differs from the record"
}

@test "news-split: --text cuts a sentence longer than 16 MiB, with a warning" {
	[ -n "${NEWS_ASAN:-}" ] && skip "slow under ASan"
	run --separate-stderr bash -c 'head -c 17000000 /dev/zero | tr "\0" "a" | sed "s/aaaaaaaaa/word word /g" | news-split --text | jq -c "[.start, .end]"'
	assert_success
	assert_stderr_matches "cut 1 sentence longer than 16 MiB"
	assert_equal "${#lines[@]}" 2
}

@test "news-split: abbreviations, titles and initials" {
	expect "Dr. Kim met Mr. Park and Gen. Lee. They talked." \
		"Dr. Kim met Mr. Park and Gen. Lee." "They talked."
	expect "The report was written by Maria T. Lopez. George W. Bush and J.R.R. Tolkien came." \
		"The report was written by Maria T. Lopez." "George W. Bush and J.R.R. Tolkien came."
	expect "Nobody came but you and I. Did you meet Henry I. Brandt?" \
		"Nobody came but you and I." "Did you meet Henry I. Brandt?"
	expect "The table is on p. 12. It is there, e.g. on top." \
		"The table is on p. 12." "It is there, e.g. on top."
	expect "He is the No. 2 official. No. He is not." \
		"He is the No. 2 official." "No." "He is not."
	expect "Apple Inc. said so. Kim sold the unit to Hanwha & Co. It closed on Monday." \
		"Apple Inc. said so." "Kim sold the unit to Hanwha & Co." "It closed on Monday."
}

@test "news-split: abbreviations at the end of a sentence" {
	expect "Kim has lived in the U.S. How long will she stay?" "Kim has lived in the U.S." "How long will she stay?"
	expect "She joined the U.S. Army in Texas." "She joined the U.S. Army in Texas."
	expect "Tension rose in the U.N. The council met. The U.N. Security Council met." \
		"Tension rose in the U.N." "The council met." "The U.N. Security Council met."
	expect "At 7 a.m. Mr. Lee left the hotel. He returned at 9 P.M. Mr. Lee then called Seoul." \
		"At 7 a.m. Mr. Lee left the hotel." "He returned at 9 P.M." "Mr. Lee then called Seoul."
	expect "They met at 10 a.m. Monday. The talks ended at 3 p.m. Officials left." \
		"They met at 10 a.m. Monday." "The talks ended at 3 p.m." "Officials left."
	expect "It followed the Korea-U.S. Foreign Ministers' meeting. Iran–U.S. Talks Resume" \
		"It followed the Korea-U.S. Foreign Ministers' meeting." "Iran–U.S. Talks Resume"
	# a headline in capitals: "Over" is no sentence starter there
	expect "China Hits Back at U.S. Over Trade Claims" "China Hits Back at U.S. Over Trade Claims"
}

@test "news-split: numbers, decimals, money and ordinals" {
	expect "The ticket cost \$45.50. It rose 3.5 percent to 2,000.That was a record." \
		"The ticket cost \$45.50." "It rose 3.5 percent to 2,000." "That was a record."
	expect "The rate rose to 2.75% on Jan. 20. Prices fell 0.3 points." \
		"The rate rose to 2.75% on Jan. 20." "Prices fell 0.3 points."
	OPTS="--lang de" expect "Am 3. Mai kam er. Der Bericht steht auf Seite 7. Dort steht alles." \
		"Am 3. Mai kam er." "Der Bericht steht auf Seite 7." "Dort steht alles."
}

@test "news-split: ellipses" {
	expect "He never said that.... Then he left." "He never said that...." "Then he left."
	expect "It wasn't quite ... well, what he meant...look . . . what he said, the point is . . . I don't agree." \
		"It wasn't quite ... well, what he meant...look . . . what he said, the point is . . . I don't agree."
	expect "The plan was delayed . . . was the core of the talks. . . . The delay was not permanent. . . ." \
		"The plan was delayed . . . was the core of the talks." ". . . The delay was not permanent. . . ."
	expect "\"The envoy [...] rejected the plan [...]\" (Park 2021). Talks resumed." \
		"\"The envoy [...] rejected the plan [...]\" (Park 2021)." "Talks resumed."
	expect "He waited… Then he left." "He waited…" "Then he left."
	expect "The vote was close. ...and then the count stopped." "The vote was close." "...and then the count stopped."
}

@test "news-split: quotations and speech attributions" {
	expect "\"We will respond,\" said Kim. \"This is great.\" She held the book." \
		"\"We will respond,\" said Kim." "\"This is great.\"" "She held the book."
	expect "He looked up, 'That is fine.' he said." "He looked up, 'That is fine.' he said."
	expect "“Where is he?” she asked. “Here!” he said." "“Where is he?” she asked." "“Here!” he said."
	expect "\"Why now?\" Kim asked. \"It was fine.\" He said the team won. \"Go!\" Mr. Park shouted." \
		"\"Why now?\" Kim asked." "\"It was fine.\"" "He said the team won." "\"Go!\" Mr. Park shouted."
	expect "The ministry said the talks were \"constructive.\" The envoy left." \
		"The ministry said the talks were \"constructive.\"" "The envoy left."
	OPTS="--lang de" expect "„Wir kommen morgen.“ Das sagte er 2.500 Leuten." \
		"„Wir kommen morgen.“" "Das sagte er 2.500 Leuten."
	OPTS="--lang es" expect "«La reunión terminó.», dijo el ministro. Juan, ¿vienes? ¡¿Qué pasó?!" \
		"«La reunión terminó.», dijo el ministro." "Juan, ¿vienes?" "¡¿Qué pasó?!"
}

@test "news-split: informal English begins sentences in lower case" {
	expect "We loved it!! the staff was kind. i would go back. Stop the car! she shouted. Yahoo! in the lead." \
		"We loved it!!" "the staff was kind." "i would go back." "Stop the car! she shouted." "Yahoo! in the lead."
	expect "Were Tom and co. at the meeting? The shop is on 3rd st. near the port." \
		"Were Tom and co. at the meeting?" "The shop is on 3rd st. near the port."
	# other languages keep a lower-case word with the sentence before
	OPTS="--lang it" expect "Lo studio del dipart. fu chiuso." "Lo studio del dipart. fu chiuso."
}

@test "news-split: parentheses and brackets" {
	expect "She leads the unit (She served 10 years in the navy.) at the base." \
		"She leads the unit (She served 10 years in the navy.) at the base."
	expect "The premier visits a factory. (For use in Japan only. No resale) (Kyodo)" \
		"The premier visits a factory." "(For use in Japan only. No resale) (Kyodo)"
	expect "He backed the plan (at least publicly!). Critics did not." \
		"He backed the plan (at least publicly!)." "Critics did not."
	expect "The bridge opened in 1932.[4] Traffic doubled." "The bridge opened in 1932.[4]" "Traffic doubled."
}

@test "news-split: em and en dashes and double hyphens" {
	expect "TOKYO, March 3 (Kyodo) -- Japan's envoy met his counterpart, officials said. Two nations -- Peru and Chile -- abstained." \
		"TOKYO, March 3 (Kyodo) -- Japan's envoy met his counterpart, officials said." \
		"Two nations -- Peru and Chile -- abstained."
	expect "Was it fine? — he asked. It was — mostly." "Was it fine? — he asked." "It was — mostly."
	expect "WASHINGTON, D.C. — The president spoke. PONCHATOULA, La. -- Deputies came." \
		"WASHINGTON, D.C. — The president spoke." "PONCHATOULA, La. -- Deputies came."
}

@test "news-split: lists and enumerations" {
	expect "1. Cut spending 2. Raise taxes" "1. Cut spending" "2. Raise taxes"
	expect "1) Cut spending. 2) Raise taxes." "1) Cut spending." "2) Raise taxes."
	expect "• 9. Cut spending • 10. Raise taxes" "• 9. Cut spending" "• 10. Raise taxes"
	expect "a. Cut spending b. Raise taxes c. Hold talks" "a. Cut spending" "b. Raise taxes" "c. Hold talks"
	expect "a) Cut spending b) Raise taxes" "a) Cut spending" "b) Raise taxes"
	expect "Buy: 1.milk, 2.bread, 3.rice. Then go." "Buy: 1.milk, 2.bread, 3.rice." "Then go."
	expect $'Steps:\n- wash the rice\n- cook it' "Steps:" "- wash the rice" "- cook it"
}

@test "news-split: URLs and e-mail addresses" {
	expect "Write to Min.Park@example.org. The office will reply." \
		"Write to Min.Park@example.org." "The office will reply."
	expect "The report is at https://news.example.org/2022/01/report_v2.html. It has 40 pages." \
		"The report is at https://news.example.org/2022/01/report_v2.html." "It has 40 pages."
	expect "See www.example.co.kr for more. The vote ended.Results come Friday." \
		"See www.example.co.kr for more." "The vote ended." "Results come Friday."
}

@test "news-split: headlines, bylines and paragraph breaks" {
	expect $'N. Macedonia\'s premier holds talks with U.S. envoy\n\nBy Ana Petrova\n\nSKOPJE, Feb. 3 (MIA) -- The premier spoke.\nU.N. chief visits border camp\nThe visit was planned on Feb. 1.' \
		"N. Macedonia's premier holds talks with U.S. envoy" "By Ana Petrova" \
		"SKOPJE, Feb. 3 (MIA) -- The premier spoke." "U.N. chief visits border camp" \
		"The visit was planned on Feb. 1."
	# a paragraph break ends a sentence even after an abbreviation
	expect $'He lives in the U.S.\n\nGovernment sources said so.' "He lives in the U.S." "Government sources said so."
	# and so does a line break before a capital (a paragraph on a line)
	expect $'Talks were held in the U.S.\nOfficials said so.' "Talks were held in the U.S." "Officials said so."
	# a line wrapped inside a sentence is not a break
	expect $'The ministry said the talks\nwould resume in March. It was a long \nmeeting.' \
		'The ministry said the talks\nwould resume in March.' 'It was a long \nmeeting.'
	expect $'sports\nweather report\nmarkets, currencies\n' "sports" "weather report" "markets, currencies"
}

@test "news-split: hashtags and handles" {
	expect "Delegates hope the #ClimateTalks will end well. #Brazil's plan stands. @Lula agreed!" \
		"Delegates hope the #ClimateTalks will end well." "#Brazil's plan stands." "@Lula agreed!"
}

@test "news-split: other scripts: CJK, Devanagari, Arabic, Armenian, Greek, Ethiopic, Myanmar" {
	OPTS="--lang ja" expect "今日は晴れです。明日は雨です。" "今日は晴れです。" "明日は雨です。"
	OPTS="--lang ja" expect $'東京の\n空港です。' $'東京の\\n空港です。'
	OPTS="--lang ja" expect "首相は「税率は２．５％を目指す」と述べた。交渉は続く。" \
		"首相は「税率は２．５％を目指す」と述べた。" "交渉は続く。"
	OPTS="--lang zh" expect "你看过《你好！北京》吗？看过！" "你看过《你好！北京》吗？" "看过！"
	OPTS="--lang hi" expect "आज बारिश हुई। कल धूप होगी।" "आज बारिश हुई।" "कल धूप होगी।"
	OPTS="--lang ar" expect "أين الوزير؟ وصل الوفد إلى القاهرة." "أين الوزير؟" "وصل الوفد إلى القاهرة."
	OPTS="--lang ur" expect "آپ کہاں ہیں؟ میں گھر پر ہوں۔ ٹھیک" "آپ کہاں ہیں؟" "میں گھر پر ہوں۔" "ٹھیک"
	OPTS="--lang hy" expect "Երևանում անձրև է: Նախարարը մեկնեց։ Լավ" "Երևանում անձրև է:" "Նախարարը մեկնեց։" "Լավ"
	OPTS="--lang el" expect "Πού είναι ο υπουργός; Η συνάντηση τελείωσε." "Πού είναι ο υπουργός;" "Η συνάντηση τελείωσε."
	# U+037E, the Greek question mark, in any language
	expect "Πού είναι"$'\u037e'" Εδώ." "Πού είναι"$'\u037e' "Εδώ."
	OPTS="--lang am" expect "ሰላም ነህ፧ደህና ነኝ።" "ሰላም ነህ፧" "ደህና ነኝ።"
	OPTS="--lang my" expect "မင်္ဂလာပါ။နေကောင်းလား။" "မင်္ဂလာပါ။" "နေကောင်းလား။"
	OPTS="--lang ru" expect "В 2020-2021 гг. Иван работал в г. Москва. Он устал." \
		"В 2020-2021 гг. Иван работал в г. Москва." "Он устал."
}

@test "news-split: a record's lang field chooses the rules; --lang is the default" {
	local doc='{"id":"x","lang":"de","text":"Am 3. Oktober feiern wir."}'
	run --separate-stderr news-split <<<"$doc"
	assert_success
	assert_equal "${#lines[@]}" 1
	run --separate-stderr news-split <<<'{"id":"x","text":"Am 3. Oktober feiern wir."}'
	assert_equal "${#lines[@]}" 2
	run --separate-stderr news-split --lang de <<<'{"id":"x","text":"Am 3. Oktober feiern wir."}'
	assert_equal "${#lines[@]}" 1
	run --separate-stderr news-split --lang 'e n' <<<'{}'
	assert_failure 2
	assert_stderr_matches "is not a language code"
}

@test "news-split: --dict adds abbreviations; a bad dictionary is a usage error" {
	expect "Talks at the Mfgx. Assn. ended. They left." "Talks at the Mfgx." "Assn. ended." "They left."
	printf '# mine\nlang en\ntitle Mfgx\nend Assnx\n' > "$BATS_TEST_TMPDIR/my.txt"
	OPTS="--dict $BATS_TEST_TMPDIR/my.txt" expect "Talks at the Mfgx. Lee ended. They left." \
		"Talks at the Mfgx. Lee ended." "They left."
	printf 'titel Dr\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run --separate-stderr news-split --dict "$BATS_TEST_TMPDIR/bad.txt" </dev/null
	assert_failure 2
	assert_stderr_matches "bad.txt:1: unknown directive 'titel'"
	run --separate-stderr news-split --dict /no/such/dict </dev/null
	assert_failure 2
}
