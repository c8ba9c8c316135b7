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
		'N.K. leader presides over meeting' $'\n' 'The U.S. and the E.U. met at 5 p.m. Monday.')
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
	expect "My name is Jonas E. Smith. George W. Bush and J.R.R. Tolkien came." \
		"My name is Jonas E. Smith." "George W. Bush and J.R.R. Tolkien came."
	expect "We make a good team, you and I. Did you see Albert I. Jones?" \
		"We make a good team, you and I." "Did you see Albert I. Jones?"
	expect "Please turn to p. 55. It is there, e.g. on top." \
		"Please turn to p. 55." "It is there, e.g. on top."
	expect "He is the No. 2 official. No. He is not." \
		"He is the No. 2 official." "No." "He is not."
	expect "Apple Inc. said so. They closed the deal with Pitt, Briggs & Co. It closed yesterday." \
		"Apple Inc. said so." "They closed the deal with Pitt, Briggs & Co." "It closed yesterday."
}

@test "news-split: abbreviations at the end of a sentence" {
	expect "I live in the U.S. How about you?" "I live in the U.S." "How about you?"
	expect "I work for the U.S. Government in Virginia." "I work for the U.S. Government in Virginia."
	expect "Tension rose in the U.N. The council met. The U.N. Security Council met." \
		"Tension rose in the U.N." "The council met." "The U.N. Security Council met."
	expect "At 5 a.m. Mr. Smith went to the bank. He left at 6 P.M. Mr. Smith then went home." \
		"At 5 a.m. Mr. Smith went to the bank." "He left at 6 P.M." "Mr. Smith then went home."
	expect "They met at 10 a.m. Monday. The talks ended at 3 p.m. Officials left." \
		"They met at 10 a.m. Monday." "The talks ended at 3 p.m." "Officials left."
	expect "It followed the Korea-U.S. Foreign Ministers' meeting. Iran–U.S. Talks Resume" \
		"It followed the Korea-U.S. Foreign Ministers' meeting." "Iran–U.S. Talks Resume"
	# a headline in capitals: "Over" is no sentence starter there
	expect "China Hits Back at U.S. Over Uyghur Claims" "China Hits Back at U.S. Over Uyghur Claims"
}

@test "news-split: numbers, decimals, money and ordinals" {
	expect "She has \$100.00. It is 3.5 percent of 1,000.That is a lot." \
		"She has \$100.00." "It is 3.5 percent of 1,000." "That is a lot."
	expect "The rate rose to 2.75% on Jan. 20. Prices fell 0.3 points." \
		"The rate rose to 2.75% on Jan. 20." "Prices fell 0.3 points."
	OPTS="--lang de" expect "Am 12. Juni kam er. Die Information steht auf Seite 12. Dort steht sie." \
		"Am 12. Juni kam er." "Die Information steht auf Seite 12." "Dort steht sie."
}

@test "news-split: ellipses" {
	expect "I never meant that.... She left the store." "I never meant that...." "She left the store."
	expect "I wasn't really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn't mean it." \
		"I wasn't really ... well, what I mean...see . . . what I'm saying, the thing is . . . I didn't mean it."
	expect "It was weakened . . . was that of compounds. . . . The practice was not abandoned. . . ." \
		"It was weakened . . . was that of compounds." ". . . The practice was not abandoned. . . ."
	expect "\"Bohr [...] used the analogy [...]\" (Smith 55). Next." \
		"\"Bohr [...] used the analogy [...]\" (Smith 55)." "Next."
	expect "He waited… Then he left." "He waited…" "Then he left."
}

@test "news-split: quotations and speech attributions" {
	expect "\"We will respond,\" said Kim. \"This is great.\" She held the book." \
		"\"We will respond,\" said Kim." "\"This is great.\"" "She held the book."
	expect "She turned to him, 'This is great.' she said." "She turned to him, 'This is great.' she said."
	expect "“Where is he?” she asked. “Here!” he said." "“Where is he?” she asked." "“Here!” he said."
	expect "\"Why now?\" Kim asked. \"It was fine.\" He said the team won. \"Go!\" Mr. Park shouted." \
		"\"Why now?\" Kim asked." "\"It was fine.\"" "He said the team won." "\"Go!\" Mr. Park shouted."
	expect "The ministry said the talks were \"constructive.\" The envoy left." \
		"The ministry said the talks were \"constructive.\"" "The envoy left."
	OPTS="--lang de" expect "„Und auch keine Lust.“ Wir haben 1.000.000 Euro." \
		"„Und auch keine Lust.“" "Wir haben 1.000.000 Euro."
	OPTS="--lang es" expect "«Ninguna mente está exenta.», dijo Aristóteles. Pablo, ¿adónde vas? ¡¿Qué viste?!" \
		"«Ninguna mente está exenta.», dijo Aristóteles." "Pablo, ¿adónde vas?" "¡¿Qué viste?!"
}

@test "news-split: informal English begins sentences in lower case" {
	expect "We loved it!! the staff was kind. i would go back. Leave me alone! he yelled. Yahoo! in the lead." \
		"We loved it!!" "the staff was kind." "i would go back." "Leave me alone! he yelled." "Yahoo! in the lead."
	expect "Were Jane and co. at the party? He works at 5th st. near the light." \
		"Were Jane and co. at the party?" "He works at 5th st. near the light."
	# other languages keep a lower-case word with the sentence before
	OPTS="--lang it" expect "La centrale meteor. si è guastata." "La centrale meteor. si è guastata."
}

@test "news-split: parentheses and brackets" {
	expect "He teaches science (He worked for 5 years as an engineer.) at the school." \
		"He teaches science (He worked for 5 years as an engineer.) at the school."
	expect "Kim Jong-un presides over a meeting. (For Use Only in Korea. No Redistribution) (Yonhap)" \
		"Kim Jong-un presides over a meeting." "(For Use Only in Korea. No Redistribution) (Yonhap)"
	expect "I trust nobody (not even myself!). It is odd." "I trust nobody (not even myself!)." "It is odd."
	expect "He was a saint and martyr.[1] The emperor published a decree." \
		"He was a saint and martyr.[1]" "The emperor published a decree."
}

@test "news-split: em and en dashes and double hyphens" {
	expect "SEOUL, Jan. 20 (Yonhap) -- South Korea's envoy held talks, the ministry said. Two members -- China and Russia -- have veto power." \
		"SEOUL, Jan. 20 (Yonhap) -- South Korea's envoy held talks, the ministry said." \
		"Two members -- China and Russia -- have veto power."
	expect "Was it fine? — he asked. It was — mostly." "Was it fine? — he asked." "It was — mostly."
	expect "WASHINGTON, D.C. — The president spoke. PONCHATOULA, La. -- Deputies came." \
		"WASHINGTON, D.C. — The president spoke." "PONCHATOULA, La. -- Deputies came."
}

@test "news-split: lists and enumerations" {
	expect "1. The first item 2. The second item" "1. The first item" "2. The second item"
	expect "1) The first item. 2) The second item." "1) The first item." "2) The second item."
	expect "• 9. The first item • 10. The second item" "• 9. The first item" "• 10. The second item"
	expect "a. The first item b. The second item c. The third item" \
		"a. The first item" "b. The second item" "c. The third item"
	expect "Buy: 1.milk, 2.bread, 3.rice. Then go." "Buy: 1.milk, 2.bread, 3.rice." "Then go."
	expect $'Steps:\n- wash the rice\n- cook it' "Steps:" "- wash the rice" "- cook it"
}

@test "news-split: URLs and e-mail addresses" {
	expect "Her email is Jane.Doe@example.com. I sent her an email." \
		"Her email is Jane.Doe@example.com." "I sent her an email."
	expect "The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out." \
		"The site is: https://www.example.50.com/new-site/awesome_content.html." "Please check it out."
	expect "See www.yna.co.kr for more. Hello world.Today is Tuesday." \
		"See www.yna.co.kr for more." "Hello world." "Today is Tuesday."
}

@test "news-split: headlines, bylines and paragraph breaks" {
	expect $'S. Korea\'s envoy holds talks with U.S. counterpart\n\nBy Kim Eun-jung\n\nSEOUL, Jan. 20 (Yonhap) -- The envoy spoke.\nN.K. leader presides over meeting\nThe meeting was held on Jan. 19.' \
		"S. Korea's envoy holds talks with U.S. counterpart" "By Kim Eun-jung" \
		"SEOUL, Jan. 20 (Yonhap) -- The envoy spoke." "N.K. leader presides over meeting" \
		"The meeting was held on Jan. 19."
	# a paragraph break ends a sentence even after an abbreviation
	expect $'He lives in the U.S.\n\nGovernment sources said so.' "He lives in the U.S." "Government sources said so."
	# a line wrapped inside a sentence is not a break
	expect $'This is a sentence\ncut off in the middle. It was a cold \nnight.' \
		'This is a sentence\ncut off in the middle.' 'It was a cold \nnight.'
	expect $'features\ncontact manager\nevents, activities\n' "features" "contact manager" "events, activities"
}

@test "news-split: hashtags and handles" {
	expect "We hope the #SecurityCouncil will act. #China's proposal stands. @Kim agreed!" \
		"We hope the #SecurityCouncil will act." "#China's proposal stands." "@Kim agreed!"
}

@test "news-split: other scripts: CJK, Devanagari, Arabic, Armenian, Greek, Ethiopic, Myanmar" {
	OPTS="--lang ja" expect "これはペンです。それはマーカーです。" "これはペンです。" "それはマーカーです。"
	OPTS="--lang ja" expect $'これは父の\n家です。' $'これは父の\\n家です。'
	OPTS="--lang ja" expect "幹部は、「引き下げ幅は３．２９％以上を目指す」と指摘した。２％台です。" \
		"幹部は、「引き下げ幅は３．２９％以上を目指す」と指摘した。" "２％台です。"
	OPTS="--lang zh" expect "我们明天一起去看《摔跤吧！爸爸》好吗？好！" "我们明天一起去看《摔跤吧！爸爸》好吗？" "好！"
	OPTS="--lang hi" expect "सच्चाई यह है कि इसे कोई नहीं जानता। हो सकता है।" "सच्चाई यह है कि इसे कोई नहीं जानता।" "हो सकता है।"
	OPTS="--lang ar" expect "ماذا حدث بعد الانتخابات؟ طرح الكثير من التساؤلات." "ماذا حدث بعد الانتخابات؟" "طرح الكثير من التساؤلات."
	OPTS="--lang ur" expect "کیا حال ہے؟ ميرا نام ___ ەے۔ میں حالا" "کیا حال ہے؟" "ميرا نام ___ ەے۔" "میں حالا"
	OPTS="--lang hy" expect "Այսօր երկուշաբթի է: Ես գնում եմ աշխատանքի։ Լավ" "Այսօր երկուշաբթի է:" "Ես գնում եմ աշխատանքի։" "Լավ"
	OPTS="--lang el" expect "Πού είναι οι τουαλέτες; Τις Κυριακές δε δούλευε κανένας." "Πού είναι οι τουαλέτες;" "Τις Κυριακές δε δούλευε κανένας."
	# U+037E, the Greek question mark, in any language
	expect "Πού είναι"$'\u037e'" Εδώ." "Πού είναι"$'\u037e' "Εδώ."
	OPTS="--lang am" expect "እንደምን አለህ፧መልካም ቀን ይሁንልህ።" "እንደምን አለህ፧" "መልካም ቀን ይሁንልህ።"
	OPTS="--lang my" expect "ခင္ဗ်ားနာမည္ဘယ္လိုေခၚလဲ။၇ွင္ေနေကာင္းလား။" "ခင္ဗ်ားနာမည္ဘယ္လိုေခၚလဲ။" "၇ွင္ေနေကာင္းလား။"
	OPTS="--lang ru" expect "В 2010-2012 гг. Виктор посещал г. Волгоград. Он устал." \
		"В 2010-2012 гг. Виктор посещал г. Волгоград." "Он устал."
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
