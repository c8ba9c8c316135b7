#!/usr/bin/env bats
# news-strip on HTML pages and WARC files: markup, charsets, broken and
# hostile input, crawl archives, and the conventions with HTML records.

setup() {
	load helpers/common
	load helpers/conventions
	H=$FIXTURES/news-strip-html
}

# jq over the one output record
field() {
	jq -r "$1" <<<"$output"
}

@test "news-strip-html: an article page: body kept, furniture dropped" {
	run --separate-stderr news-strip "$H/article.html"
	assert_success
	assert_output_jsonl
	local text
	text=$(field .text)
	[[ $text == *"The harbour council voted on Tuesday"* ]] || fail "first paragraph missing: $text"
	[[ $text == *"Costs and timetable"* ]] || fail "subheading missing"
	[[ $text == *"better spent"$'\n'"on the island"* ]] || fail "<br> is not a line break: $text"
	# entities, &nbsp; and numeric references decoded
	[[ $text == *"the route & its costs"* ]] || fail "&nbsp;/&amp;: $text"
	[[ $text == *"€14 million"* && $text == *"council’s"* ]] || fail "numeric entities: $text"
	# never article: navigation, share bar, related, comments, footer,
	# cookie notice, scripts, alt and title attributes, the caption
	for junk in "Share on Facebook" "Island school to close" "reader comment" \
	    "Copyright 2023" "We use cookies" "leaked script" "ALT TEXT" \
	    "TITLE ATTRIBUTE" "Home News Sport" "The ferry at the old quay" "By Mara"; do
		[[ $text != *"$junk"* ]] || fail "kept '$junk': $text"
	done
	# the headline is the title, not body text
	[[ $text != *"Harbour council approves"* ]] || fail "headline in text"
	# captions on request
	run --separate-stderr news-strip --keep-captions "$H/article.html"
	[[ $(field .text) == *"The ferry at the old quay"* ]] || fail "--keep-captions: $(field .text)"
}

@test "news-strip-html: inline markup: words kept whole, hidden inline text dropped" {
	run --separate-stderr news-strip --html <<-'EOF'
	<html><body><article>
	<p>The <span class="highlight" id="w1">harbour</span> <b>council</b> vo<i>ted</i> on <em class="x">Tuesday</em> to <span>build <strong>a new</strong> quay</span><span class="sr-only"> HIDDEN SPAN</span>, and <span style="display:none">INVISIBLE</span>the mayor <span aria-hidden="true">ARIA</span>said the <font>work</font> starts in May.</p>
	<p>Two <span class="visually-hidden">SCREEN READER ONLY <b>BOLD INSIDE</b></span>ferries will <span><span>run</span></span> every <a href="/x">hour</a> from June, she added, <span>when <b>the</b></span> summer timetable begins.</p>
	</article></body></html>
	EOF
	assert_success
	assert_equal "$(field .text)" "The harbour council voted on Tuesday to build a new quay, and the mayor said the work starts in May."$'\n\n'"Two ferries will run every hour from June, she added, when the summer timetable begins."
}

@test "news-strip-html: hidden text, forms, embeds and templates are never article" {
	run --separate-stderr news-strip --html <<-'EOF'
	<html><body><main><article class="post-content">
	<p>The city library will open on Sundays from next month, the council said, after a petition gathered four thousand names.<span class="sr-only"> SCREEN READER ONLY</span></p>
	<p hidden>HIDDEN ATTRIBUTE paragraph that a reader never sees on the page at all, whatever it says.</p>
	<p style="display: none">DISPLAY NONE paragraph that a reader never sees on the page at all, whatever it says.</p>
	<div aria-hidden="true"><p>ARIA HIDDEN paragraph that a reader never sees on the page at all, whatever it says.</p></div>
	<form><label>Your e-mail</label><input value="INPUT VALUE"><select><option>OPTION TEXT</option></select><button>BUTTON TEXT</button><textarea>TEXTAREA TEXT</textarea></form>
	<template><p>TEMPLATE paragraph that scripts would copy into the page later, with its words.</p></template>
	<iframe src="x">IFRAME FALLBACK</iframe><video>VIDEO FALLBACK</video><object>OBJECT FALLBACK</object>
	<noscript><p>The longer opening hours will cost the library about forty thousand a year, paid from the culture budget.</p></noscript>
	<p>Staff will be asked to volunteer for the Sunday shifts first, and the union has agreed to the plan, the council added.</p>
	<div class="newsletter-signup"><p>Sign up for our morning newsletter and get the day's news in your inbox before breakfast.</p></div>
	<section id="comments"><article class="comment"><p>I think the library should open on Saturdays instead, because that is when families have time.</p></article></section>
	</article></main></body></html>
	EOF
	assert_success
	local text
	text=$(field .text)
	[[ $text == *"open on Sundays"* && $text == *"volunteer for the Sunday shifts"* ]] || fail "$text"
	[[ $text == *"forty thousand a year"* ]] || fail "noscript content is what the page shows without scripts: $text"
	for junk in "SCREEN READER" "HIDDEN ATTRIBUTE" "DISPLAY NONE" "ARIA HIDDEN" "INPUT VALUE" \
	    "OPTION TEXT" "BUTTON TEXT" "TEXTAREA TEXT" "TEMPLATE" "IFRAME" "VIDEO" "OBJECT" \
	    "morning newsletter" "Saturdays instead"; do
		[[ $text != *"$junk"* ]] || fail "kept '$junk': $text"
	done
}

@test "news-strip-html: --explain shows the markup's evidence; --dict adds class words" {
	run --separate-stderr news-strip --explain "$H/article.html"
	assert_success
	[ "$(jq '[.blocks[] | select(.evidence | index("html-main"))] | length' <<<"$output")" -gt 3 ] || fail "$output"
	jq -e '.blocks[] | select(.text | startswith("The harbour council")) | .evidence | index("html-main")' <<<"$output" >/dev/null ||
		fail "first paragraph not in the main content"
	jq -e '.blocks[] | select(.text | startswith("Share on")) | .evidence | index("html-main") | not' <<<"$output" >/dev/null ||
		fail "share bar in the main content"
	# a site's own class names: "postscript" boxes are furniture there
	sed 's/<div class="article-body">/<div class="article-body"><div class="postscript"><p>This story was updated on Wednesday to correct the name of the island, which was misspelled.<\/p><\/div>/' \
		"$H/article.html" > "$BATS_TEST_TMPDIR/ps.html"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/ps.html"
	[[ $(field .text) == *"misspelled"* ]] || fail "without the word: $(field .text)"
	printf '[htmlclass strong]\npostscript\n' > "$BATS_TEST_TMPDIR/site.txt"
	run --separate-stderr news-strip --dict "$BATS_TEST_TMPDIR/site.txt" "$BATS_TEST_TMPDIR/ps.html"
	assert_success
	[[ $(field .text) != *"misspelled"* ]] || fail "with the word: $(field .text)"
	[[ $(field .text) == *"harbour council voted"* ]] || fail "$(field .text)"
	printf '[htmlclass sometimes]\npostscript\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run --separate-stderr news-strip --dict "$BATS_TEST_TMPDIR/bad.txt" "$BATS_TEST_TMPDIR/ps.html"
	assert_failure 2
	assert_stderr_matches "bad.txt:1: \[htmlclass KIND\] needs one of"
}

@test "news-strip-html: title without the site name, date, byline and canonical url" {
	run --separate-stderr news-strip "$H/article.html"
	assert_success
	[ "$(field .title)" = "Harbour council approves new ferry link" ] || fail "title: $(field .title)"
	[ "$(field .date)" = "2023-05-14" ] || fail "date: $(field .date)"
	[ "$(field .byline)" = "Mara Lindqvist" ] || fail "byline: $(field .byline)"
	[ "$(field .url)" = "https://courier.example/news/ferry-link" ] || fail "url: $(field .url)"
	[ "$(field .id)" = "$H/article" ] || fail "id: $(field .id)"
}

@test "news-strip-html: lang: the declared language when the text agrees, else libexttextcat's guess" {
	local en='The council said on Tuesday that the new ferry will run every hour from the old quay, and that the fares will stay the same for the rest of the year.'
	local fr="Le conseil a dit mardi que le nouveau bac partira toutes les heures du vieux quai, et que les tarifs resteront les mêmes pour le reste de l'année."
	local el='Το συμβούλιο ανακοίνωσε την Τρίτη ότι το νέο πλοίο θα εκτελεί δρομολόγια κάθε ώρα από το παλιό λιμάνι, με τις ίδιες τιμές εισιτηρίων.'
	page() { printf '<html lang="%s"><body><article><p>%s</p><p>%s</p></article></body></html>' "$1" "$2" "$2"; }
	# declared and agreeing; declared but wrong (the text decides); a
	# script with one language; no declaration
	run --separate-stderr news-strip --html <<<"$(page en-GB "$en")"
	assert_equal "$(field .lang)" en
	run --separate-stderr news-strip --html <<<"$(page en "$fr")"
	assert_equal "$(field .lang)" fr
	run --separate-stderr news-strip --html <<<"$(page fr "$el")"
	assert_equal "$(field .lang)" el
	# which one decided: models whose names are swapped (the "de" model
	# holds English n-grams) make libexttextcat call English "de"; the
	# declared "en" agrees with the text's stopwords and is taken without it
	local tc=$BATS_TEST_TMPDIR/textcat
	mkdir -p "$tc"
	cp /usr/share/libexttextcat/en.lm "$tc/de.lm"
	cp /usr/share/libexttextcat/de.lm "$tc/en.lm"
	printf 'en.lm en--utf8\nde.lm de--utf8\n' > "$tc/fpdb.conf"
	NEWS_TEXTCAT_DIR=$tc run --separate-stderr news-strip --html <<<"$(page en "$en")"
	assert_equal "$(field .lang)" en
	NEWS_TEXTCAT_DIR=$tc run --separate-stderr news-strip --html <<<"$(page '' "$en")"
	assert_equal "$(field .lang)" de
	NEWS_TEXTCAT_DIR=$tc run --separate-stderr news-strip --html <<<"$(page fr "$en")"
	assert_equal "$(field .lang)" de
}

@test "news-strip-html: metadata from JSON-LD, <time> and a <title> with a site prefix" {
	cat > "$BATS_TEST_TMPDIR/ld.html" <<-'EOF'
	<html><head><title>Valley Times | Dam inspection finds cracks in spillway</title>
	<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
	  {"@type":"WebSite","name":"Valley Times"},
	  {"@type":"NewsArticle","headline":"Dam inspection finds cracks","datePublished":"2021-11-03T08:00:00Z",
	   "author":[{"@type":"Person","name":"Ines Okafor"}]}]}</script>
	<meta property="og:site_name" content="Valley Times"></head>
	<body><article><time datetime="2020-01-01">1 January 2020</time>
	<p>Inspectors found cracks in the spillway of the Upper Valley dam during the annual check on Monday, the water authority said.</p>
	<p>The authority said the dam was safe for now, but that repairs would start before the spring floods and could take two months.</p>
	</article></body></html>
	EOF
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/ld.html"
	assert_success
	[ "$(field .title)" = "Dam inspection finds cracks in spillway" ] || fail "title: $(field .title)"
	[ "$(field .date)" = "2021-11-03" ] || fail "JSON-LD date first: $(field .date)"
	[ "$(field .byline)" = "Ines Okafor" ] || fail "byline: $(field .byline)"
}

@test "news-strip-html: a page that fills its article in with scripts: JSON-LD articleBody" {
	local body="" i
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		body+="Paragraph $i of the report says that the port authority will widen the channel before the autumn storms arrive.\\n"
	done
	cat > "$BATS_TEST_TMPDIR/js.html" <<-EOF
	<html><head><title>Port to widen channel</title>
	<script type="application/ld+json">{"@type":"NewsArticle","headline":"Port to widen channel","articleBody":"$body"}</script>
	</head><body><div id="app"><p>Loading the story, please wait a moment while the page loads its content.</p></div>
	<nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>
	EOF
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/js.html"
	assert_success
	[[ $(field .text) == "Paragraph 1 of the report"*$'\n\n'"Paragraph 2"*"Paragraph 12 of the report"* ]] || fail "$(field .text)"
	[[ $(field .text) != *"Loading the story"* ]] || fail "$(field .text)"
}

@test "news-strip-html: a windows-1252 page becomes UTF-8" {
	# the fixture really is windows-1252: 0xE9 for é, 0x92 for ’
	grep -q $'\xe9' "$H/cp1252.html"
	run --separate-stderr news-strip "$H/cp1252.html"
	assert_success
	[ "$(field .title)" = "Café owners protest new terrace rules" ] || fail "title: $(field .title)"
	[[ $(field .text) == *"city’s new terrace rules"* ]] || fail "’: $(field .text)"
	[[ $(field .text) == *"“We were never asked,”"* && $(field .text) == *"naïve"* ]] || fail "quotes: $(field .text)"
	printf '%s' "$output" | iconv -f UTF-8 -t UTF-8 >/dev/null || fail "output is not UTF-8"
	# the same bytes, declared only in a <meta charset>, or not at all
	sed 's/<meta http-equiv[^>]*>/<meta charset="windows-1252">/' "$H/cp1252.html" > "$BATS_TEST_TMPDIR/a.html"
	sed '/<meta http-equiv/d' "$H/cp1252.html" > "$BATS_TEST_TMPDIR/b.html"
	# and declared UTF-8 by a template, but written in windows-1252
	sed 's/<meta http-equiv[^>]*>/<meta charset="utf-8">/' "$H/cp1252.html" > "$BATS_TEST_TMPDIR/c.html"
	for f in a b c; do
		run --separate-stderr news-strip "$BATS_TEST_TMPDIR/$f.html"
		assert_success
		[[ $(field .text) == *"city’s new terrace"* ]] || fail "$f: $(field .text)"
	done
}

@test "news-strip-html: bytes that are not in the page's charset become U+FFFD, counted" {
	printf '<html><head><meta charset="utf-8"></head><body><p>Caf\xc3\xa9 owners, and one bad byte \xff here, say the new terrace rules will cost them a third of their summer trade.</p></body></html>' > "$BATS_TEST_TMPDIR/bad.html"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/bad.html"
	assert_failure 1
	assert_stderr_matches "bad.html: replaced 1 byte that are not UTF-8 with U\+FFFD"
	[[ $(field .text) == "Café owners, and one bad byte"*"here"* ]] || fail "$(field .text)"
	printf '%s' "$output" | iconv -f UTF-8 -t UTF-8 >/dev/null || fail "output is not UTF-8"
}

@test "news-strip-html: a page in a JSON string is Unicode whatever its <meta> says" {
	run --separate-stderr news-strip <<<'{"id":"j1","html":"<html><head><meta charset=\"shift_jis\"></head><body><p>東京都は月曜日、新しい防災計画を発表した。計画は来年から実施される予定で、都内の全ての区が対象となる。</p></body></html>"}'
	assert_success
	[[ $(field .text) == "東京都は月曜日"* ]] || fail "$output"
}

@test "news-strip-html: a UTF-8 page mislabelled as Latin-1, and a UTF-16 page with a BOM" {
	sed 's/windows-1252/iso-8859-1/' "$H/cp1252.html" | iconv -f CP1252 -t UTF-8 > "$BATS_TEST_TMPDIR/u.html"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/u.html"
	assert_success
	[[ $(field .text) == *"city’s new terrace"* ]] || fail "mislabelled: $(field .text)"
	{ printf '\xff\xfe'; sed '/<meta http-equiv/d' "$H/cp1252.html" | iconv -f CP1252 -t UTF-16LE; } > "$BATS_TEST_TMPDIR/w.html"
	run --separate-stderr news-strip --html "$BATS_TEST_TMPDIR/w.html"
	assert_success
	[[ $(field .text) == *"city’s new terrace"* ]] || fail "UTF-16: $(field .text)"
}

@test "news-strip-html: a drop cap joins its word; a one-letter cell does not" {
	run --separate-stderr news-strip --html <<-'EOF'
	<html><body><article><span class="dropcap">T</span><p>he council met on Tuesday and agreed to publish the budget in March, a spokesman said.</p>
	<table><tr><td>A</td><td>Option one is the cheaper plan and the council prefers it for now, he said.</td></tr></table></article></body></html>
	EOF
	assert_success
	[[ $(field .text) == "The council met on Tuesday"* ]] || fail "$(field .text)"
	[[ $(field .text) != *"AOption"* ]] || fail "$(field .text)"
}

@test "news-strip-html: a page with no <html>, <head> or <body>" {
	run --separate-stderr news-strip "$H/nobody.html"
	assert_success
	[ "$(field .title)" = "Night train returns to the northern line" ] || fail "title: $(field .title)"
	[[ $(field .text) == *"The night train between the capital"* ]] || fail "$(field .text)"
	[[ $(field .text) == *"refurbished in time"* ]] || fail "$(field .text)"
}

@test "news-strip-html: truncated HTML, cut anywhere, still gives what came before" {
	local size
	size=$(wc -c < "$H/article.html")
	# cut inside the head's script, inside a tag, inside an attribute,
	# inside a comment-free body paragraph, and one byte short
	for n in 600 1130 1500 1800 2000 $((size - 1)); do
		head -c "$n" "$H/article.html" > "$BATS_TEST_TMPDIR/cut.html"
		run --separate-stderr news-strip --html "$BATS_TEST_TMPDIR/cut.html"
		assert_success
		assert_output_jsonl
	done
	head -c 1700 "$H/article.html" > "$BATS_TEST_TMPDIR/cut.html"
	run --separate-stderr news-strip --html "$BATS_TEST_TMPDIR/cut.html"
	[[ $(field .text) == *"The harbour council voted"* ]] || fail "$(field .text)"
	# an unterminated comment, script and attribute
	for tail in '<!-- never closed' '<script>var x = "' '<p class="unclosed'; do
		{ head -c 1700 "$H/article.html"; printf '%s' "$tail"; } > "$BATS_TEST_TMPDIR/cut.html"
		run --separate-stderr news-strip --html "$BATS_TEST_TMPDIR/cut.html"
		assert_success
		[[ $(field .text) == *"The harbour council voted"* ]] || fail "$tail: $(field .text)"
	done
}

@test "news-strip-html: 100,000 levels of nesting do not crash it" {
	local n=100000
	# nested blocks, properly closed
	{ printf '<html><body>'; for ((i = 0; i < n / 1000; i++)); do printf '<div>%.0s' {1..1000}; done
	  printf '<p>The deepest paragraph of the page says what happened in the town on Friday night.</p>'
	  for ((i = 0; i < n / 1000; i++)); do printf '</div>%.0s' {1..1000}; done; printf '</body></html>'; } > "$BATS_TEST_TMPDIR/deep.html"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/deep.html"
	assert_success
	[[ $(field .text) == *"deepest paragraph"* ]] || fail "$(field .text)"
	# never closed, blocks and inline elements and tables mixed
	{ printf '<html><body>'; for ((i = 0; i < n / 1000; i++)); do printf '<div><b><table><tr><td>%.0s' {1..250}; done; printf 'x'; } > "$BATS_TEST_TMPDIR/deep2.html"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/deep2.html"
	assert_success
	assert_output_jsonl
}

@test "news-strip-html: an article in a container whose class says widget (page builders)" {
	run --separate-stderr news-strip "$H/widget-body.html"
	assert_success
	local text
	text=$(field .text)
	for p in "began voting on Wednesday" "three ways of paying" "a new public trust" "thirty days"; do
		[[ $text == *"$p"* ]] || fail "paragraph missing ('$p'): $text"
	done
	[[ $text != *"Council budget"* && $text != *"Latest"* ]] || fail "sidebar kept: $text"
}

@test "news-strip-html: calls to action after the article are dropped, the article's own app and newsletter sentences kept" {
	run --separate-stderr news-strip --html <<-'EOF'
	<html><body><article>
	<h1>Tax office opens its filing app to all</h1>
	<p>The tax office said on Monday that every household can now file its return through the agency's new app, which was tested by ten thousand people last year.</p>
	<p>Officials said the newsletter the agency sends to accountants would carry the details, and that paper forms will remain available at post offices until 2026.</p>
	<p>For the latest stories and breaking news from the region, download our app for iOS and Android or follow us on Twitter and Facebook.</p>
	<p>Never miss the latest news: sign up for our free morning newsletter and get the day's headlines in your inbox before breakfast.</p>
	</article></body></html>
	EOF
	assert_success
	local text
	text=$(field .text)
	[[ $text == *"file its return through the agency's new app"* ]] || fail "$text"
	[[ $text == *"newsletter the agency sends"* ]] || fail "$text"
	[[ $text != *"download our app"* && $text != *"morning newsletter"* ]] || fail "call to action kept: $text"
}

@test "news-strip-html: a post embedded in the article (a blockquote) is article text" {
	run --separate-stderr news-strip "$H/tweet.html"
	assert_success
	local text
	text=$(field .text)
	[[ $text == *"Third Saturday in a row that the last boat has been cancelled"* ]] || fail "tweet dropped: $text"
	[[ $text == *"shortage of crew"* ]] || fail "$text"
	[[ $text != *"@islander"* ]] || fail "the tweet's byline line kept: $text"
}

@test "news-strip-html: a standfirst set in a heading element is article text; a related story's heading is not" {
	run --separate-stderr news-strip --html <<-'EOF'
	<html><body><article>
	<h1>Islanders vote to keep their ferry</h1>
	<h2 class="excerpt">Residents of the three northern islands voted by a wide margin on Sunday to keep the council's ferry service rather than sell it.</h2>
	<p class="dateline">12 June 2023</p>
	<p>The vote, which drew more than two thirds of those registered, ends a year of debate over the cost of the service and the age of its two boats.</p>
	<h3>What happens next</h3>
	<p>The council will now ask the government for a loan to replace the older boat, which has been out of service for repairs twice this year.</p>
	</article>
	<aside class="related"><h3>Council approves budget for a new harbour wall and two bus shelters in the spring</h3><p><a href="/x">Read the story</a></p></aside>
	</body></html>
	EOF
	assert_success
	local text
	text=$(field .text)
	[[ $text == "Residents of the three northern islands voted"* ]] || fail "standfirst missing: $text"
	[[ $text == *"What happens next"$'\n\n'"The council will now ask"* ]] || fail "section heading: $text"
	[[ $text != *"harbour wall"* ]] || fail "related story kept: $text"
}

@test "news-strip-html: a sentence with a link that introduces code or a list is kept" {
	run --separate-stderr news-strip --html <<-'EOF'
	<html><body><article>
	<p>For years I copied text out of the terminal by hand, which works but is slow when the text runs over several screens of output.</p>
	<p>The terminal <a href="https://example.org/manual">multiplexer manual</a> has it. In short:</p>
	<pre>set-option -g mouse on
	bind-key y copy-pipe</pre>
	<p>After a restart the selection goes straight to the clipboard, and pasting into any other program works as you would expect.</p>
	</article></body></html>
	EOF
	assert_success
	[[ $(field .text) == *"has it. In short:"* ]] || fail "$(field .text)"
}

@test "news-strip-html: a paragraph that is one link is left out, its <a> parsed or dropped before parsing" {
	# a bare <a> around plain text is dropped before libxml2 parses the
	# page, its text marked as a link's (strip_html_elide.c); rel="x"
	# keeps the element, so both ways are tried
	local page text
	for page in "$H/links.html" <(sed 's/<a href=/<a rel="x" href=/g' "$H/links.html"); do
		run --separate-stderr news-strip --html "$page"
		assert_success
		text=$(field .text)
		[[ $text == "Dock workers at the northern harbour returned"* ]] || fail "$text"
		[[ $text == *"accept it by a wide margin." ]] || fail "$text"
		[[ $text != *"Read our full coverage"* ]] || fail "link paragraph kept: $text"
		[[ $text != *"Sport"* ]] || fail "menu kept: $text"
	done
}

@test "news-strip-html: links read the same whether their <a> is dropped before parsing or not" {
	# markup where libxml2's reading of an <a> depends on what is open
	local body with without
	body='<p>One <a href="/1">open link <a href="/2">inner</a> tail of the first paragraph, which goes on for a while to be prose.</p>
	<p>Two <b>bold <a href="/3">in bold</a> text</b> and <a href="/4">after</a> it, <a href="/5">then</a><a href="/6">two</a> links in a row.</p>
	<ul><li><a href="/7">a list item that is a link</a></li><li>text <a href="/8">link</a></li></ul>
	<div><a href="/9">a link <div>with a block</div> inside</a> and after</div>
	<p>Three<br><a href="/10">after a break</a> and <a href="/11"> </a><a href="/12"></a> empty ones, the end of the page.</p>'
	for form in plain rel; do
		local doc="<html><head><title>t</title></head><body><article>$body</article></body></html>"
		[ $form = rel ] && doc=${doc//<a href=/<a rel=\"x\" href=}
		run --separate-stderr news-strip --html --min-length 1 <<<"$doc"
		assert_success
		[ $form = plain ] && with=$(field .text) || without=$(field .text)
	done
	[ -n "$with" ] || fail "no text"
	[ "$with" = "$without" ] || fail "dropped <a>: $with"$'\n'"kept <a>: $without"
}

@test "news-strip-html: character references are read as libxml2 reads them" {
	run --separate-stderr news-strip "$H/entities.html"
	assert_success
	local text
	text=$(field .text)
	for want in "The company AT&T said © 2024 that it’s ’quoted’ and &unknown; stays" \
	    "&amp and &amp stays, goes, goes, goes, A and A read, a < b > c" \
	    "x y, ' and € and … and Été and 😀 and a lone & sign, and and &;x &a.b-c_d:e; end" \
	    'Second paragraph <script>not a tag</script> with "quotes"'; do
		[[ $text == *"$want"* ]] || fail "'$want' not in: $text"
	done
}

@test "news-strip-html: an article inside a layout table" {
	run --separate-stderr news-strip "$H/table.html"
	assert_success
	local text
	text=$(field .text)
	[[ $text == *"wheat harvest will be about a quarter smaller"* ]] || fail "$text"
	[[ $text == *"defer loan repayments"* ]] || fail "$text"
	[[ $text != *"Milk prices steady"* && $text != *"Advertise"* && $text != *"Markets"* ]] || fail "menus kept: $text"
	[ "$(field .title)" = "Drought cuts wheat harvest by a quarter" ] || fail "title: $(field .title)"
}

@test "news-strip-html: a 50 MB page" {
	local mb=50 out=$BATS_TEST_TMPDIR/big.jsonl
	[ -n "${NEWS_ASAN:-}" ] && mb=10
	local p='<p>The committee met again on Thursday and agreed, after a long debate about costs, to publish its report in the spring.</p>'
	{ printf '<html><head><title>Long report</title></head><body><article>'
	  yes "$p" | head -c $((mb * 1024 * 1024))
	  printf '</article></body></html>'; } > "$BATS_TEST_TMPDIR/big.html"
	news-strip "$BATS_TEST_TMPDIR/big.html" > "$out"
	local chars
	chars=$(jq '.text | length' "$out")
	[ "$chars" -gt $((mb * 1000 * 900)) ] || fail "text of $chars characters"
	[ "$(jq -r .title "$out")" = "Long report" ] || fail "title"
}

@test "news-strip-html: HTML is told from text by content, by --html, and by an html field" {
	# a file and standard input
	run --separate-stderr news-strip < "$H/nobody.html"
	assert_success
	[ "$(field .title)" = "Night train returns to the northern line" ] || fail "stdin: $output"
	# JSON Lines: an html field; --html with --field; text stays text
	local page
	page=$(jq -Rs . < "$H/table.html")
	run --separate-stderr news-strip <<<"{\"id\":\"t1\",\"feed\":\"farm\",\"html\":$page}"
	assert_success
	[ "$(field .id)" = "t1" ] && [ "$(field .feed)" = "farm" ] || fail "$output"
	[[ $(field .text) == *"defer loan repayments"* ]] || fail "$output"
	[ "$(field .html)" = "null" ] || fail "the raw page is not passed on"
	run --separate-stderr news-strip --html --field page <<<"{\"id\":\"t2\",\"page\":$page}"
	assert_success
	[[ $(field .text) == *"defer loan repayments"* ]] || fail "$output"
	# markup shown as text in a text page is not parsed
	run --separate-stderr news-strip --text <<<'Use <b> for bold. The council met on Tuesday and agreed to publish the budget in March, a spokesman said.'
	assert_success
	[[ $(field .text) == *"<b>"* ]] || fail "$output"
}

@test "news-strip-html: gzipped HTML files and gzipped JSON Lines" {
	gzip -c "$H/table.html" > "$BATS_TEST_TMPDIR/page.html.gz"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/page.html.gz"
	assert_success
	[ "$(field .id)" = "$BATS_TEST_TMPDIR/page" ] || fail "id: $(field .id)"
	[[ $(field .text) == *"defer loan repayments"* ]] || fail "$output"
	local page
	page=$(jq -Rs . < "$H/table.html")
	printf '{"id":"g1","html":%s}\n{"id":"g2","html":%s}\n' "$page" "$page" | gzip -c > "$BATS_TEST_TMPDIR/pages.jsonl.gz"
	run --separate-stderr news-strip "$BATS_TEST_TMPDIR/pages.jsonl.gz"
	assert_success
	[ "$(jq -r .id <<<"$output" | tr '\n' ' ')" = "g1 g2 " ] || fail "$output"
}

@test "news-strip-html: --warc: one document per HTML response; requests and warcinfo skipped" {
	for f in small.warc small.warc.gz; do
		run --separate-stderr news-strip --warc "$H/$f"
		assert_success
		assert_output_jsonl
		[ "$(wc -l <<<"$output")" -eq 2 ] || fail "$f: $output"
		[ "$(jq -r .id <<<"$output" | tr '\n' ' ')" = "https://courier.example/news/ferry-link https://terrace.example/cafes " ] || fail "$f ids: $output"
		[ "$(jq -r .url <<<"$output" | head -1)" = "https://courier.example/news/ferry-link" ] || fail "url"
		[ "$(jq -r .crawl_date <<<"$output" | tr '\n' ' ')" = "2024-03-01T10:00:02Z 2024-03-01T10:00:03Z " ] || fail "crawl_date: $output"
		[ "$(jq -r .date <<<"$output" | head -1)" = "2023-05-14" ] || fail "date"
		# the second page is windows-1252 by its HTTP header only, and chunked
		[[ $(jq -r .text <<<"$output" | tail -3) == *"city’s new terrace rules"* ]] || fail "$f charset: $output"
	done
	# plain and gzipped give the same documents; so does standard input
	diff <(news-strip --warc "$H/small.warc") <(news-strip --warc "$H/small.warc.gz")
	diff <(news-strip --warc "$H/small.warc") <(news-strip --warc < "$H/small.warc.gz")
}

@test "news-strip-html: --warc: gzip-encoded bodies, redirects and images" {
	local w=$BATS_TEST_TMPDIR/more.warc body http
	# record TYPE URI HTTP-BLOCK-FILE
	record() {
		printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-01T00:00:00Z\r\nContent-Length: %s\r\n\r\n' \
			"$1" "$2" "$(stat -c %s "$3")"
		cat "$3"
		printf '\r\n\r\n'
	}
	gzip -c "$H/table.html" > "$BATS_TEST_TMPDIR/body.gz"
	{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n'; cat "$BATS_TEST_TMPDIR/body.gz"; } > "$BATS_TEST_TMPDIR/r1"
	printf 'HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Type: text/html\r\n\r\n<html><body>Moved</body></html>' > "$BATS_TEST_TMPDIR/r2"
	printf 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG' > "$BATS_TEST_TMPDIR/r3"
	{ record response https://farm.example/drought "$BATS_TEST_TMPDIR/r1"
	  record response https://farm.example/old "$BATS_TEST_TMPDIR/r2"
	  record response https://farm.example/logo.png "$BATS_TEST_TMPDIR/r3"; } > "$w"
	run --separate-stderr news-strip --warc "$w"
	assert_success
	[ "$(wc -l <<<"$output")" -eq 1 ] || fail "$output"
	[ "$(field .id)" = "https://farm.example/drought" ] || fail "$output"
	[[ $(field .text) == *"defer loan repayments"* ]] || fail "$output"
}

@test "news-strip-html: --warc: damaged and foreign input is reported" {
	run --separate-stderr news-strip --warc "$H/article.html"
	assert_failure 1
	assert_stderr_matches "not a WARC record"
	head -c 3000 "$H/small.warc" > "$BATS_TEST_TMPDIR/cut.warc"
	run --separate-stderr news-strip --warc "$BATS_TEST_TMPDIR/cut.warc"
	assert_success
	[[ $(field .text) == *"harbour council"* ]] || fail "a truncated record keeps what is there: $output"
	run --separate-stderr news-strip --warc "$BATS_TEST_TMPDIR/missing.warc"
	assert_failure 3
}

@test "news-strip-html: the output for examples/ is unchanged (golden file)" {
	cd "$NEWS_ROOT/examples"
	run --separate-stderr news-strip 000_f8438b7a7bea6098.txt 001_dc8f6db7c82a1c63.txt \
	    002_859991c246c8114b.txt 003_da51e41753ff2e62.txt 004_d54bd4b4dd214ad4.txt
	assert_success
	diff <(printf '%s\n' "$output") "$H/examples.golden.jsonl" || fail "examples/ output changed"
}

# --- the conventions, with HTML records ---
# (the 100 MB record, the closed pipe and parallel appends go through the
# same record loop for text and HTML; tests/news-strip.bats runs them)

P1='<html><head><title>Flood</title></head><body><p>The river rose two metres overnight and flooded the lower town, the mayor said on Sunday morning.</p></body></html>'
P2='<html><body><article><p>Schools in the district will stay closed until Wednesday while the roads are cleared of mud and debris.</p></article></body></html>'
G1="{\"id\":\"h1\",\"html\":\"${P1//\"/\\\"}\"}"
G2="{\"id\":\"h2\",\"html\":\"${P2//\"/\\\"}\"}"
CONV=(news-strip -- "$G1" "$G2" '"id":"h1".*river rose' '"id":"h2".*Schools in the district')

@test "news-strip-html: a malformed line is reported, rejected verbatim, and the stream goes on" {
	conv_malformed_line "${CONV[@]}"
}

@test "news-strip-html: invalid UTF-8 is repaired and counted" {
	conv_invalid_utf8 "${CONV[@]}"
}

@test "news-strip-html: NUL bytes" {
	conv_nul_bytes "${CONV[@]}"
}

@test "news-strip-html: empty input" {
	conv_empty_input "${CONV[@]}"
}

@test "news-strip-html: no final newline, CRLF line ends" {
	conv_no_final_newline "${CONV[@]}"
}

@test "news-strip-html: a full disk is an I/O error" {
	conv_full_disk "${CONV[@]}"
}

@test "news-strip-html: fields pass through byte for byte" {
	conv_passthrough "${CONV[@]}"
}
