#!/usr/bin/env bats
# news-strip: plain-text pages, input modes, metadata rules, encodings, and
# the conventions every program keeps.

setup() {
	load helpers/common
	load helpers/conventions
	F=$FIXTURES/news-strip
}

P1='The foreign ministers of the two countries agreed on Friday to reopen three border crossings that have been closed since January, ending weeks of talks.'
P2='Officials from both sides will meet again next month to discuss the remaining disputes, including fishing rights and the status of an island.'
G1="{\"id\":\"a1\",\"text\":\"Home\\nShare\\n\\n$P1\\n\\n$P2\"}"
G2="{\"id\":\"a2\",\"text\":\"$P2\\n\\n$P1\\n\\nAdvertisement\"}"
CONV=(news-strip -- "$G1" "$G2" '"id":"a1"' '"id":"a2"')

@test "news-strip: a malformed line is reported, rejected verbatim, and the stream goes on" {
	conv_malformed_line "${CONV[@]}"
}

@test "news-strip: invalid UTF-8 is repaired and counted" {
	conv_invalid_utf8 "${CONV[@]}"
}

@test "news-strip: NUL bytes" {
	conv_nul_bytes "${CONV[@]}"
}

@test "news-strip: empty input" {
	conv_empty_input "${CONV[@]}"
}

@test "news-strip: no final newline, CRLF line ends" {
	conv_no_final_newline "${CONV[@]}"
}

@test "news-strip: a 100 MB record, and one over --max-record" {
	conv_huge_record "${CONV[@]}"
}

@test "news-strip: | head -1 ends quietly" {
	conv_closed_pipe "${CONV[@]}"
}

@test "news-strip: a full disk is an error" {
	conv_full_disk "${CONV[@]}"
}

@test "news-strip: --help, --version, bad options, missing files" {
	conv_help_version "${CONV[@]}"
}

@test "news-strip: unknown fields and their order pass through untouched" {
	conv_passthrough "${CONV[@]}"
}

@test "news-strip: eight processes appending to one file keep records whole" {
	conv_parallel_append "${CONV[@]}"
}

# --- input modes ------------------------------------------------------------

@test "news-strip: a file is one page; its id is the path without the extension" {
	cd "$F"
	run --separate-stderr news-strip wire.txt ./blog.txt
	assert_success
	assert_equal "$(jq -r .id <<<"$output" | paste -sd,)" "wire,./blog"
	# the document's fields, in order
	assert_equal "$(head -1 <<<"$output" | jq -r 'keys_unsorted | join(",")')" \
		"id,url,title,date,byline,lang,text"
	assert_equal "$(head -1 <<<"$output" | jq -r .lang)" "en"
}

@test "news-strip: the article is kept, menus, lists, widgets and the footer are not" {
	run --separate-stderr news-strip "$F/wire.txt"
	assert_success
	text=$(jq -r .text <<<"$output")
	[[ $text == "GENEVA, March 3 (Newswire) -- The foreign ministers"* ]] || fail "start: $text"
	[[ $text == *"before the harvest season." ]] || fail "end: $text"
	# five paragraphs, a blank line between
	assert_equal "$(jq -r '.text | split("\n\n") | length' <<<"$output")" 5
	for junk in "Skip to main content" "Advertisement" "Comments" "Most Read" \
		"Storm Leaves" "All rights reserved" "By Lee Min-ji" "Published"; do
		[[ $text != *"$junk"* ]] || fail "kept '$junk'"
	done
}

@test "news-strip: a raw page on standard input; its id is a hash of the page" {
	run --separate-stderr news-strip < "$F/wire.txt"
	assert_success
	assert_output --regexp '"id":"[0-9a-f]{16}"'
	id1=$(jq -r .id <<<"$output")
	run --separate-stderr news-strip < "$F/wire.txt"
	assert_equal "$(jq -r .id <<<"$output")" "$id1"
	run --separate-stderr news-strip < "$F/blog.txt"
	[ "$(jq -r .id <<<"$output")" != "$id1" ] || fail "two pages, one id"
}

@test "news-strip: JSON Lines in, the page replaced in place by the text, other fields kept" {
	page=$(jq -Rs . < "$F/wire.txt")
	run --separate-stderr news-strip <<<"{\"id\":7,\"feed\":\"x\",\"text\":$page,\"crawl\":1e400}"
	assert_success
	assert_equal "$(jq -r 'keys_unsorted | join(",")' <<<"$output")" \
		"id,feed,text,crawl,title,date,byline,lang"
	assert_output --partial '"crawl":1e400'
	assert_equal "$(jq -r .title <<<"$output")" "Ministers agree to reopen border crossings after weeks of talks"
	# a record without an id gets the page's hash
	run --separate-stderr news-strip <<<"{\"text\":$page}"
	assert_output --regexp '"id":"[0-9a-f]{16}"'
}

@test "news-strip: the record's own title and date win over the page's" {
	page=$(jq -Rs . < "$F/wire.txt")
	run --separate-stderr news-strip <<<"{\"id\":1,\"date\":\"2023-03-04\",\"title\":\"Mine\",\"text\":$page}"
	assert_success
	assert_equal "$(jq -c '[.title,.date,.byline,.lang]' <<<"$output")" '["Mine","2023-03-04","Lee Min-ji","en"]'
	run --separate-stderr news-strip <<<"{\"id\":1,\"lang\":\"xx\",\"text\":$page}"
	assert_success
	assert_equal "$(jq -c '[.lang,.title]' <<<"$output")" \
		'["xx","Ministers agree to reopen border crossings after weeks of talks"]'
}

@test "news-strip: lang: libexttextcat among the languages of the text's script" {
	local ru='Городской совет во вторник объявил, что новый паром будет ходить каждый час от старой пристани, а цены на билеты останутся прежними до конца года.'
	local ru2='Жители острова давно просили о таком решении, и теперь они смогут ездить в город на работу и обратно без долгого ожидания.'
	local el='Το συμβούλιο ανακοίνωσε την Τρίτη ότι το νέο πλοίο θα εκτελεί δρομολόγια κάθε ώρα από το παλιό λιμάνι, με τις ίδιες τιμές εισιτηρίων.'
	local el2='Οι κάτοικοι του νησιού ζητούσαν εδώ και χρόνια μια τέτοια απόφαση, ώστε να πηγαίνουν στην πόλη για δουλειά χωρίς μεγάλη αναμονή.'
	printf '%s\n\n%s\n' "$ru" "$ru2" > "$BATS_TEST_TMPDIR/ru.txt"
	printf '%s\n\n%s\n' "$el" "$el2" > "$BATS_TEST_TMPDIR/el.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/ru.txt" "$BATS_TEST_TMPDIR/el.txt"
	assert_success
	assert_equal "$(jq -r .lang <<<"$output" | paste -sd,)" "ru,el"
	# no model for the text's script: no guess
	local tc=$BATS_TEST_TMPDIR/textcat
	mkdir -p "$tc"
	cp /usr/share/libexttextcat/en.lm /usr/share/libexttextcat/de.lm "$tc"
	printf 'en.lm en--utf8\nde.lm de--utf8\n' > "$tc/fpdb.conf"
	NEWS_TEXTCAT_DIR=$tc run --separate-stderr news-strip "$BATS_TEST_TMPDIR/ru.txt" "$F/wire.txt"
	assert_success
	assert_equal "$(jq -r .lang <<<"$output" | paste -sd,)" "null,en"
}

@test "news-strip: --field names the page's field; it is removed from the output" {
	page=$(jq -Rs . < "$F/wire.txt")
	run --separate-stderr news-strip --field body <<<"{\"id\":1,\"body\":$page}"
	assert_success
	assert_equal "$(jq -r 'has("body")' <<<"$output")" false
	assert_output --partial '"text":"GENEVA'
	# a record without the field is rejected, the rest go on
	run --separate-stderr news-strip --field body <<<$'{"id":1}\n{"id":2,"body":"x"}'
	assert_failure 1
	assert_stderr_matches "<stdin>:1: no field 'body'"
	assert_equal "${#lines[@]}" 1
}

@test "news-strip: --text reads a page that starts with { as text, --jsonl forces JSON" {
	printf '{curly} braces open this page.\n\n%s\n' "$P1" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	assert_failure 1
	assert_stderr_matches "invalid JSON"
	run --separate-stderr news-strip --text "$BATS_TEST_TMPDIR/p.txt"
	assert_success
	assert_output --partial "$P1"
	run --separate-stderr news-strip --jsonl "$F/wire.txt"
	assert_failure 1
	assert_stderr_matches "wire.txt:1:1: invalid JSON"
}

@test "news-strip: gzip-compressed pages are read as plain" {
	gzip -c "$F/wire.txt" > "$BATS_TEST_TMPDIR/wire.txt.gz"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/wire.txt.gz"
	assert_success
	assert_equal "$(jq -r .id <<<"$output")" "$BATS_TEST_TMPDIR/wire"
	assert_output --partial '"byline":"Lee Min-ji"'
}

# --- title, date, byline -------------------------------------------------------

@test "news-strip: title, date line and byline above the article" {
	run --separate-stderr news-strip "$F/wire.txt"
	assert_equal "$(jq -c '[.title,.date,.byline]' <<<"$output")" \
		'["Ministers agree to reopen border crossings after weeks of talks","2023-03-03","Lee Min-ji"]'
}

@test "news-strip: a page that starts with its first paragraph has no title and no date" {
	run --separate-stderr news-strip "$F/nodate.txt"
	assert_success
	assert_equal "$(jq -c '[.title,.date]' <<<"$output")" '[null,null]'
	assert_equal "$(jq -r '.text | split("\n\n") | length' <<<"$output")" 3
	refute_output --partial "Election Results"
}

@test "news-strip: a site header's clock is not the date; the one under the title is" {
	printf 'Example News - Latest\nHOME PAGE 27/07/2024 05:52\n\nTalks between the two sides resume in the capital\n\n23.02.2024 23:27\n\n%s\n\n%s\n' "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	assert_equal "$(jq -c '[.title,.date]' <<<"$output")" '["Talks between the two sides resume in the capital","2024-02-23"]'
	# a header's clock alone gives no date
	printf 'HOME PAGE 27/07/2024 05:52\n\nTalks between the two sides resume in the capital\n\n%s\n\n%s\n' "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	assert_equal "$(jq -c .date <<<"$output")" null
}

@test "news-strip: a dateline without a year takes it from the page or the record" {
	printf 'HOME 10/01/2023 05:52\n\nTalks resume in the capital\n\nBERLIN, Dec. 30 (Wire) -- %s\n\n%s\n' "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	# the header's clock is not the date, but it dates the dateline: the
	# latest Dec. 30 not after it
	assert_equal "$(jq -r .date <<<"$output")" "2022-12-30"
	# with no other date on the page, the record's date field gives the year
	page=$(tail -n +2 "$BATS_TEST_TMPDIR/p.txt" | jq -Rs .)
	run --separate-stderr news-strip <<<"{\"id\":1,\"text\":$page}"
	assert_equal "$(jq -r .date <<<"$output")" null
}

@test "news-strip: date forms" {
	for d in "January 20, 2022" "Jan. 20 2022" "20 January 2022" "20.01.2022 21:19" \
		"2022-01-20T21:19:00+09:00" "20 de enero de 2022" "20. Januar 2022" \
		"2022년 1월 20일" "2022年1月20日" "All News 21:19 January 20, 2022"; do
		printf 'Talks resume in the capital\n\n%s\n\n%s\n\n%s\n' "$d" "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
		run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
		[ "$(jq -r .date <<<"$output")" = 2022-01-20 ] || fail "'$d' read as $(jq -r .date <<<"$output")"
	done
}

@test "news-strip: byline forms" {
	for b in "By Kim Eun-jung" "By. Kim Eun-jung" "*Writing by Kim Eun-jung -" \
		"Reporting by Kim Eun-jung; Editing by Lee Min-ji" "Written by Kim Eun-jung"; do
		printf 'Talks resume in the capital\n\n%s\n\n%s\n\n%s\n' "$b" "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
		run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
		[ "$(jq -r .byline <<<"$output")" = "Kim Eun-jung" ] || fail "'$b' read as $(jq -r .byline <<<"$output")"
		[[ $(jq -r .text <<<"$output") != *Kim* ]] || fail "'$b' left in the text"
	done
	# a byline after the article, and one inside a date line
	run --separate-stderr news-strip "$F/blog.txt"
	assert_equal "$(jq -r .byline <<<"$output")" "Sarah Collins"
	printf '%s\n\n%s\n\nBy. Choi Yoon Sun\n\nLatest News\n' "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	assert_equal "$(jq -r .byline <<<"$output")" "Choi Yoon Sun"
}

# --- layouts -----------------------------------------------------------------------

@test "news-strip: hard-wrapped paragraphs are joined" {
	run --separate-stderr news-strip "$F/blog.txt"
	assert_success
	assert_equal "$(jq -r '.text | split("\n\n") | length' <<<"$output")" 3
	assert_output --partial 'would close at the end of the year, few people'
	refute_output --partial 'Related posts'
	refute_output --partial 'book festival'
}

@test "news-strip: a teaser list with timestamps is dropped, however long its items" {
	P3='Firefighters are intervening in a fire that broke out in a warehouse near the harbour, and efforts are being made to stop it from spreading.'
	{ printf '%s\n\n%s\n\nLatest News\n\n' "$P1" "$P2"
	  printf '  • Fire at a warehouse\n  • %s %s\n  • 45 minutes ago...\n\n' "$P3" "$P3"
	  printf '  • Storm warning issued\n  • %s\n  • 15 minutes ago...\n' "$P3"; } > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	assert_success
	assert_equal "$(jq -r .text <<<"$output")" "$P1"$'\n\n'"$P2"
}

@test "news-strip: captions are dropped, or kept with --keep-captions" {
	printf 'Talks resume\n\n%s\n\nThe two ministers shake hands before their meeting in Geneva on Friday. [Photo=Newswire]\n\n%s\n' "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	refute_output --partial "shake hands"
	run --separate-stderr news-strip --keep-captions "$BATS_TEST_TMPDIR/p.txt"
	assert_output --partial "shake hands"
}

@test "news-strip: --explain lists every block with its class and evidence" {
	run --separate-stderr news-strip --explain "$F/wire.txt"
	assert_success
	assert_equal "$(jq -r '.blocks[0] | [.class, .keep, (.evidence|join("+")), .text] | join("|")' <<<"$output")" \
		"bad|false|widget|Skip to main content"
	assert_equal "$(jq -r '[.blocks[] | select(.class == "title")] | length' <<<"$output")" 1
	assert_equal "$(jq -r '[.blocks[] | select(.keep)] | length' <<<"$output")" 5
}

# --- empty pages, boilerplate, dictionaries, options ----------------------------------

@test "news-strip: an empty page gives an empty document and a warning" {
	: > "$BATS_TEST_TMPDIR/empty.txt"
	printf '\n  \n' > "$BATS_TEST_TMPDIR/blank.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/empty.txt" "$BATS_TEST_TMPDIR/blank.txt"
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_equal "$(jq -c '[.text,.title,.date]' <<<"${lines[0]}")" '["",null,null]'
	assert_stderr_matches "empty.txt: empty page"
	run --separate-stderr news-strip <<<'{"id":1,"text":""}'
	assert_success
	assert_output --partial '"text":""'
	assert_stderr_matches "<stdin>:1: empty page"
}

@test "news-strip: a page that is all boilerplate gives empty text, a warning, exit 0" {
	run --separate-stderr news-strip "$F/boilerplate.txt"
	assert_success
	assert_equal "$(jq -c '[.text,.title]' <<<"$output")" '["",null]'
	assert_stderr_matches "boilerplate.txt: no article text found"
}

@test "news-strip: --dict adds phrases; a bad dictionary is a usage error" {
	printf '%s\n\nBrought to you by Acme Widgets\n\n%s\n' "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	assert_output --partial "Acme"
	printf '# mine\n[widget]\nbrought to you by ...\n' > "$BATS_TEST_TMPDIR/d.txt"
	run --separate-stderr news-strip --dict "$BATS_TEST_TMPDIR/d.txt" "$BATS_TEST_TMPDIR/p.txt"
	assert_success
	refute_output --partial "Acme"
	printf 'no section\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run --separate-stderr news-strip --dict "$BATS_TEST_TMPDIR/bad.txt" "$F/wire.txt"
	assert_failure 2
	assert_stderr_matches "bad.txt:1: an entry before any \[section\]"
	printf '[gadgets]\nx\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run --separate-stderr news-strip --dict "$BATS_TEST_TMPDIR/bad.txt" "$F/wire.txt"
	assert_failure 2
	assert_stderr_matches "unknown section"
	run --separate-stderr news-strip --dict /no/such/dict "$F/wire.txt"
	assert_failure 2
	# without the built-in dictionaries the widgets stay
	run --separate-stderr news-strip --no-builtin-dicts "$F/wire.txt"
	assert_output --partial '\n\nAdvertisement\n\n'
	run --separate-stderr news-strip "$F/wire.txt"
	refute_output --partial 'Advertisement'
}

@test "news-strip: --min-length and other option errors" {
	run --separate-stderr news-strip --min-length abc "$F/wire.txt"
	assert_failure 2
	assert_stderr_matches "invalid value for --min-length"
	run --separate-stderr news-strip --field '' "$F/wire.txt"
	assert_failure 2
	# a short paragraph between two others is judged by its neighbours
	printf '%s\n\nThe talks went on.\n\n%s\n' "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	assert_output --partial "talks went on"
	# and a teaser shorter than --min-length between menus is not kept
	printf 'Home\n\nThe talks went on and on for days.\n\nShare\n\n%s\n\n%s\n' "$P1" "$P2" > "$BATS_TEST_TMPDIR/p.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/p.txt"
	refute_output --partial "on and on"
	run --separate-stderr news-strip --min-length 20 "$BATS_TEST_TMPDIR/p.txt"
	assert_success
}

# --- encodings -------------------------------------------------------------------------

@test "news-strip: a Latin-1 page is detected and converted" {
	run --separate-stderr news-strip "$F/latin1.txt"
	assert_success
	assert_stderr_empty
	assert_equal "$(jq -c '[.title,.date,.lang]' <<<"$output")" \
		'["Le gouvernement présente un nouveau plan pour les hôpitaux","2024-02-21","fr"]'
	assert_output --partial 'une « première étape »'
}

@test "news-strip: a Windows-1252 page's quotes and dashes are converted" {
	run --separate-stderr news-strip "$F/cp1252.txt"
	assert_success
	assert_equal "$(jq -r .title <<<"$output")" 'Council “will not back down” on housing plan, mayor says'
	assert_output --partial 'neighbours – including'
	# --encoding overrides the detection
	run --separate-stderr news-strip --encoding ISO-8859-1 "$F/cp1252.txt"
	assert_output --partial $'Council \u0093will'
}

@test "news-strip: UTF-8 with a byte order mark, and UTF-16" {
	{ printf '\xef\xbb\xbf'; cat "$F/wire.txt"; } > "$BATS_TEST_TMPDIR/bom.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/bom.txt"
	assert_output --partial '"title":"Ministers agree'
	{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$F/wire.txt"; } > "$BATS_TEST_TMPDIR/u16.txt"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/u16.txt"
	assert_success
	assert_output --partial '"title":"Ministers agree'
	assert_output --partial '"byline":"Lee Min-ji"'
}

@test "news-strip: a 50 MB page" {
	local big=$BATS_TEST_TMPDIR/big.txt size=52000000
	[ -z "${NEWS_ASAN:-}" ] || size=5200000
	{ printf 'A long report on the talks\n\n'
	  yes "$P1 $P2"$'\n' | head -c "$size"; } > "$big"
	run --separate-stderr news-strip "$big"
	assert_success
	# nearly all of it is article text (paragraphs of 290 bytes)
	[ "${#output}" -gt $((size * 9 / 10)) ] || fail "text lost: ${#output} bytes out"
	assert_equal "$(head -c 300 <<<"$output" | grep -o '"title":"[^"]*"')" '"title":"A long report on the talks"'
	# and a page over --max-record is skipped with a message
	run --separate-stderr news-strip --max-record 1M "$big"
	assert_failure 1
	assert_stderr_matches "page larger than --max-record"
}

@test "news-strip: a text dump whose body is indented deeper than its headings keeps the body after a dated list" {
	# as lynx -dump writes pages: menus and share buttons as indented
	# items, the headline flush left, paragraphs indented under it
	run --separate-stderr news-strip "$F/lynx-dump.txt"
	assert_success
	assert_equal "$(jq -r .title <<<"$output")" "Harbour workers end strike after port authority agrees to raise wages by a tenth"
	assert_equal "$(jq -r .date <<<"$output")" "2022-04-21"
	text=$(jq -r .text <<<"$output")
	[[ $text == "Dock workers in the port city returned to work"* ]] || fail "the first paragraph is missing: $text"
	[[ $text == *"along the coast." ]] || fail "the last paragraph is missing: $text"
	[[ $text != *"Share"* && $text != *"Comments"* && $text != *"Published by"* ]] || fail "furniture kept: $text"
}

@test "news-strip: an article broken by a 'Related' box keeps its opening paragraphs" {
	run --separate-stderr news-strip "$F/related-box.txt"
	assert_success
	text=$(jq -r .text <<<"$output")
	[[ $text == "The island's only ferry operator said on Monday"* ]] || fail "the opening is missing: $text"
	[[ $text == *"for most of the winter." ]] || fail "the end is missing: $text"
	[[ $text != *"Related"* && $text != *"Island council to review"* && $text != *"Log in"* ]] || fail "furniture kept: $text"
}

@test "news-strip: an author's note closing the article is dropped; the same words about the story's people are kept" {
	run --separate-stderr news-strip "$F/author-note.txt"
	assert_success
	text=$(jq -r .text <<<"$output")
	[[ $text == *"cannot raise on its own." ]] || fail "the article's end is missing: $text"
	[[ $text != *"Maria Keller"* ]] || fail "the author's note was kept: $text"
	# in the middle of a story the sentence is the story's
	run --separate-stderr news-strip --text < <(printf '%s\n\n' \
	    "Harbour repairs will cost four million euros, the island council said on Monday in a statement to residents." \
	    "Maria Keller is a senior writer for the council's newsletter and wrote the statement, which was sent to every household." \
	    "The council said it would ask the regional government for help with the cost of the repairs before the winter storms.")
	assert_success
	assert_output --partial "Maria Keller is a senior writer"
}
