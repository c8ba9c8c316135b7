#!/usr/bin/env bats
# news-events: CAMEO event coding from tagged sentences, and the
# conventions every program keeps.  The fixtures are our own sentences,
# tagged by tests/fixtures/news-events/make-fixtures.py (a small gazetteer
# standing in for news-tag, so these tests do not depend on its output).

setup() {
	load helpers/common
	load helpers/conventions
	FX=$FIXTURES/news-events
}

G1='{"id":"a:0","doc":"a","sent":0,"date":"2024-03-05","text":"Germany condemned Iran.","entities":[{"text":"Germany","type":"GPE","start":0,"end":7,"code":"DEU"},{"text":"Iran","type":"GPE","start":18,"end":22,"code":"IRN"}]}'
G2='{"id":"b:0","doc":"b","sent":0,"date":"2024-03-05","text":"France praised Italy.","entities":[{"text":"France","type":"GPE","start":0,"end":6,"code":"FRA"},{"text":"Italy","type":"GPE","start":15,"end":20,"code":"ITA"}]}'
CONV=(news-events -- "$G1" "$G2" '"id":"a:0:0"' '"id":"b:0:0"')

# events DOC: the events of one document of a fixture, one per line as
# "SOURCE>TARGET CODE"
events() {
	jq -r --arg d "$2" 'select(.doc == $d) | "\(.source.code)>\(.target.code) \(.code)"' <<<"$1"
}

@test "news-events: a malformed line is reported, rejected verbatim, and the stream goes on" {
	conv_malformed_line "${CONV[@]}"
}

@test "news-events: invalid UTF-8 is repaired and counted" {
	conv_invalid_utf8 "${CONV[@]}"
}

@test "news-events: NUL bytes" {
	conv_nul_bytes "${CONV[@]}"
}

@test "news-events: empty input" {
	conv_empty_input "${CONV[@]}"
}

@test "news-events: no final newline, CRLF line ends" {
	conv_no_final_newline "${CONV[@]}"
}

@test "news-events: a 100 MB record, and one over --max-record" {
	conv_huge_record "${CONV[@]}"
}

@test "news-events: | head -1 ends quietly" {
	conv_closed_pipe "${CONV[@]}"
}

@test "news-events: a full disk is an error" {
	conv_full_disk "${CONV[@]}"
}

@test "news-events: --help, --version, bad options, missing files" {
	conv_help_version "${CONV[@]}"
}

@test "news-events: unknown fields and their order pass through untouched" {
	conv_passthrough "${CONV[@]}"
}

@test "news-events: eight processes appending to one file keep records whole" {
	conv_parallel_append "${CONV[@]}"
}

@test "news-events: an event record: id, fields, entities dropped, the user's fields kept" {
	run --separate-stderr news-events <<<"${G1%\}},\"feed\":\"wire\"}"
	assert_success
	assert_equal "${#lines[@]}" 1
	assert_equal "$(jq -c '[.id,.doc,.sent,.date,.source,.target,.code,.root,.quad,.trigger,.location,.feed]' <<<"$output")" \
		'["a:0:0","a",0,"2024-03-05",{"text":"Germany","code":"DEU"},{"text":"Iran","code":"IRN"},"111","11",3,"condemned",null,"wire"]'
	assert_equal "$(jq -c 'has("entities")' <<<"$output")" false
	assert_equal "$(jq -r '.rule' <<<"$output")" "verbs.txt:$(grep -n '^111  condemn+ @T$' "$NEWS_ROOT/src/news-events/dict/verbs.txt" | cut -d: -f1) condemn+ @T"
	# the sentence's own fields keep their order; ours follow
	assert_equal "$(jq -c 'keys_unsorted' <<<"$output")" \
		'["id","doc","sent","date","text","feed","source","target","code","root","quad","goldstein","trigger","location","rule"]'
}

@test "news-events: Goldstein values and quad classes come from the CAMEO table" {
	run --separate-stderr news-events "$FX/roots.jsonl"
	assert_success
	# one code of each quad class, with its published Goldstein value
	# (read from the raw output: jq would print 1.0 as 1)
	grep -q '"code":"040","root":"04","quad":1,"goldstein":1.0,' <<<"$output"
	grep -q '"code":"163","root":"16","quad":4,"goldstein":-8.0,' <<<"$output"
	grep -q '"code":"111","root":"11","quad":3,"goldstein":-2.0,' <<<"$output"
	grep -q '"code":"0841","root":"08","quad":2,"goldstein":7.0,' <<<"$output"
	grep -q '"code":"020","root":"02","quad":1,"goldstein":3.0,' <<<"$output"
	# every event has a number, and root/quad agree with the code
	assert_equal "$(jq -r 'select((.goldstein|type) != "number" or .root != .code[0:2] or .quad != (if (.root|tonumber) <= 5 then 1 elif (.root|tonumber) <= 8 then 2 elif (.root|tonumber) <= 13 then 3 else 4 end))' <<<"$output")" ""
}

@test "news-events: --plover adds the PLOVER category, null where PLOVER has none" {
	run --separate-stderr news-events --plover "$FX/roots.jsonl"
	assert_success
	assert_equal "$(jq -r 'select(.code == "163") | .plover' <<<"$output" | sort -u)" "COERCE"
	assert_equal "$(jq -r 'select(.code == "040") | .plover' <<<"$output" | sort -u)" "CONSULT"
	assert_equal "$(jq -r 'select(.code == "0841") | .plover' <<<"$output" | sort -u)" "RETREAT"
	assert_equal "$(jq -r 'select(.root == "02") | .plover' <<<"$output" | sort -u)" "null"
	run --separate-stderr news-events "$FX/roots.jsonl"
	assert_equal "$(jq -r 'select(has("plover"))' <<<"$output")" ""
}

@test "news-events: every CAMEO root is coded from its own test sentence, and nothing where nothing happened" {
	run --separate-stderr news-events "$FX/roots.jsonl"
	assert_success
	local fails=0 doc want got
	for doc in $(jq -r .doc "$FX/roots.jsonl"); do
		got=$(events "$output" "$doc")
		case $doc in
		none_*)
			[ -z "$got" ] || { echo "$doc: expected nothing, got $got"; fails=$((fails + 1)); } ;;
		*)
			IFS=_ read -r root src tgt <<<"$doc"
			grep -qE "^$src[A-Z]*>$tgt[A-Z]* $root" <<<"$got" ||
				{ echo "$doc: got '${got//$'\n'/; }'"; fails=$((fails + 1)); } ;;
		esac
	done
	[ "$fails" -eq 0 ]
	# all twenty roots are there
	assert_equal "$(jq -r .root <<<"$output" | sort -u | wc -l)" 20
}

@test "news-events: subject before the trigger, object or prepositional complement after" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_success
	assert_equal "$(events "$output" svo)" "DEU>IRN 111"
	assert_equal "$(events "$output" prep)" "DEUGOV>FRAGOV 040"
	# "in Paris" is where, not whom; "on Monday" is when
	assert_equal "$(jq -c 'select(.doc == "prep") | [.location.text,.location.country,.date]' <<<"$output")" '["Paris","FRA","2024-03-04"]'
}

@test "news-events: location comes with coordinates from libgeonames" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(jq -r 'select(.doc == "prep") | (.location.lat * 10 | round), (.location.lon * 10 | round)' <<<"$output" | paste -sd,)" "489,23"
	run --separate-stderr news-events --no-location "$FX/constructions.jsonl"
	assert_equal "$(jq -c 'select(.doc == "prep") | .location' <<<"$output")" '{"text":"Paris","country":"FRA","lat":null,"lon":null}'
}

@test "news-events: of cities sharing a name the most populous; 'Washington D.C.' is also Washington" {
	# untagged places: the country comes from libgeonames alone.  Its first
	# London is in Canada and its first Washington in England.
	local in="$BATS_TEST_TMPDIR/places.jsonl" city
	for city in Washington London Tripoli; do
		printf '{"text":"Scholz met with Macron in %s on Monday.","doc":"%s","sent":0,"entities":[{"text":"Scholz","type":"PERSON","start":0,"end":6,"code":"DEUGOV"},{"text":"Macron","type":"PERSON","start":16,"end":22,"code":"FRAGOV"},{"text":"%s","type":"GPE","start":26,"end":%d}]}\n' \
		    "$city" "$city" "$city" $((26 + ${#city}))
	done > "$in"
	run --separate-stderr news-events "$in"
	assert_success
	assert_equal "$(jq -r '[.location.text, .location.country, (.location.lat * 10 | round), (.location.lon * 10 | round)] | join(" ")' <<<"$output")" \
	    "$(printf '%s\n' 'Washington USA 389 -770' 'London GBR 515 -1' 'Tripoli LBY 329 132')"
}

@test "news-events: event date from the sentence, else the document's, else null" {
	local rec='{"doc":"d","sent":0,"text":"Germany condemned Iran.","entities":[{"text":"Germany","type":"GPE","start":0,"end":7,"code":"DEU"},{"text":"Iran","type":"GPE","start":18,"end":22,"code":"IRN"}]}'
	run --separate-stderr news-events <<<"$rec"
	assert_equal "$(jq -c .date <<<"$output")" null
	run --separate-stderr news-events <<<"${rec%\}},\"date\":\"2024-01-02\"}"
	assert_equal "$(jq -c .date <<<"$output")" '"2024-01-02"'
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(jq -r 'select(.doc == "passive") | .date' <<<"$output")" "2024-03-03"
}

@test "news-events: pronouns resolve within a document, never across documents" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(jq -r 'select(.doc == "coref" and .sent == 1) | "\(.source.text) \(.source.code)>\(.target.code)"' <<<"$output")" "Scholz DEUGOV>RUS"
	assert_equal "$(events "$output" leak)" ""
}

@test "news-events: \"the two sides\" are the parties of the document's last exchange" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(jq -r 'select(.doc == "pair" and .sent == 1) | "\(.source.code)>\(.target.code) \(.root)"' <<<"$output")" "DEUGOV>FRAGOV 03"
}

@test "news-events: reported speech: must is a demand, should an appeal, a charge a disapproval" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(jq -r 'select(.doc == "speech") | "\(.source.code)>\(.target.code) \(.code) \(.rule)"' <<<"$output")" \
"FRAGOV>RUS 100 speech:must
USAGOV>CHN 020 speech:should
RUSGOV>POL 111 speech:charge"
	# "Wang told Blinken that China will ...": Wang's own promise to Blinken
	assert_equal "$(events "$output" own)" "CHNGOV>USAGOV 030"
}

@test "news-events: passives swap subject and agent" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" passive)" "RUSMIL>UKR 190"
}

@test "news-events: nominal events: between A and B, talks with, an appeal by A to B" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" nominal)" \
"DEUGOV>FRAGOV 040
USAGOV>RUSGOV 040
FRAGOV>CHN 020"
}

@test "news-events: coordinated actors give one event each" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" coord)" \
"DEU>IRN 111
FRA>IRN 111
ITA>IRN 111
USAGOV>RUSGOV 040
USAGOV>CHNGOV 040"
	assert_equal "$(jq -r 'select(.doc == "coord") | .id' <<<"$output" | paste -sd,)" "coord:0:0,coord:0:1,coord:0:2,coord:1:0,coord:1:1"
}

@test "news-events: negation, speculation and conditions are not coded; will is intent" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" negation)" "TUR>GRC 030"
	assert_equal "$(jq -r 'select(.doc == "negation") | .sent' <<<"$output")" 1
	# could, may, if: nothing; "will impose sanctions" is a threat to sanction
	assert_equal "$(events "$output" modal)" "IRN>FRA 1312"
}

@test "news-events: an infinitive is the content of the verb before it" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# "urged Israel to halt the attacks": an appeal, no attack coded
	assert_equal "$(events "$output" infinitive)" \
"USAGOV>ISR 0256
RUS>UKR 125"
}

@test "news-events: events without a trigger are capped per sentence" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" cap)" "RUSGOV>POL 111"
	run --separate-stderr news-events --max-fallback 2 "$FX/constructions.jsonl"
	assert_equal "$(events "$output" cap)" "RUSGOV>POL 111
TURGOV>GRC 111"
	run --separate-stderr news-events --no-fallback "$FX/constructions.jsonl"
	assert_equal "$(events "$output" cap)" ""
	assert_equal "$(jq -r 'select(.rule == "speech:charge")' <<<"$output")" ""
}

@test "news-events: a sentence with no entities gives no event and no error" {
	run --separate-stderr news-events <<<'{"doc":"x","sent":0,"text":"The talks were held in a friendly atmosphere and both praised the outcome.","entities":[]}'
	assert_success
	assert_output ""
	assert_stderr_empty
}

@test "news-events: records without text or entities are reported; bad entities are skipped" {
	run --separate-stderr news-events <<'IN'
{"doc":"x","sent":0,"entities":[]}
{"doc":"x","sent":1,"text":"Germany condemned Iran."}
{"doc":"x","sent":2,"text":"Germany condemned Iran.","entities":{"a":1}}
{"doc":"x","sent":3,"text":"Germany condemned Iran.","entities":[{"text":"Germany","type":"GPE","start":0,"end":7,"code":"DEU"},{"type":"GPE","start":18,"end":999,"code":"IRN"},7]}
IN
	assert_failure 1
	assert_stderr_matches "<stdin>:1: no string field 'text'"
	assert_stderr_matches "<stdin>:2: no field 'entities'"
	assert_stderr_matches "<stdin>:3: 'entities' is not an array"
	assert_stderr_matches "<stdin>:4: .*2 entities with bad offsets"
	assert_output ""
}

@test "news-events: sentences in another language are passed over and counted" {
	run --separate-stderr news-events <<<"${G1%\}},\"lang\":\"de\"}"
	assert_success
	assert_output ""
	assert_stderr_matches "1 sentence not in English passed over"
}

@test "news-events: a sentence news-tag passed on untagged (another language) is passed over, not rejected" {
	run --separate-stderr bash -c 'printf "%s\n" "$1" | news-tag | news-events' _ \
		'{"id":"a:0","doc":"a","sent":0,"lang":"de","text":"Der Minister traf Kim in Seoul."}'
	assert_success
	assert_output ""
	assert_stderr_matches "news-events: 1 sentence not in English passed over"
}

@test "news-events: --dict adds patterns; a bad dictionary is a usage error with its line" {
	local rec='{"doc":"d","sent":0,"text":"Germany rolled out the red carpet for Iran.","entities":[{"text":"Germany","type":"GPE","start":0,"end":7,"code":"DEU"},{"text":"Iran","type":"GPE","start":38,"end":42,"code":"IRN"}]}'
	run --separate-stderr news-events <<<"$rec"
	assert_output ""
	printf '# mine\n[verbs]\n043  roll+ out the red carpet for @T\n' > "$BATS_TEST_TMPDIR/mine.txt"
	run --separate-stderr news-events --dict "$BATS_TEST_TMPDIR/mine.txt" <<<"$rec"
	assert_success
	assert_equal "$(jq -r '"\(.source.code)>\(.target.code) \(.code) \(.rule)"' <<<"$output")" \
		"DEU>IRN 043 mine.txt:3 roll+ out the red carpet for @T"
	printf '[verbs]\n99 shout+ at @T\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run --separate-stderr news-events --dict "$BATS_TEST_TMPDIR/bad.txt" <<<"$rec"
	assert_failure 2
	assert_stderr_matches "bad.txt:2: not a CAMEO code"
	printf '[adverbs]\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run --separate-stderr news-events --dict "$BATS_TEST_TMPDIR/bad.txt" <<<"$rec"
	assert_failure 2
	assert_stderr_matches "bad.txt:1: unknown section"
	run --separate-stderr news-events --dict /no/such/dict <<<"$rec"
	assert_failure 2
}

@test "news-events: event ids are DOC:SENT:N; without doc, the record's id" {
	run --separate-stderr news-events <<<'{"id":"s7","text":"Germany condemned Iran and Iraq.","entities":[{"text":"Germany","type":"GPE","start":0,"end":7,"code":"DEU"},{"text":"Iran","type":"GPE","start":18,"end":22,"code":"IRN"},{"text":"Iraq","type":"GPE","start":27,"end":31,"code":"IRQ"}]}'
	assert_success
	assert_equal "$(jq -r .id <<<"$output" | paste -sd,)" "s7:0,s7:1"
}

@test "news-events: 'agreed on Monday to VERB' codes the infinitive as intent; 'declined to' as a refusal" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_success
	# the date between verb and infinitive is stepped over; the talks give 036
	assert_equal "$(events "$output" agreeto)" "TUR>GRC 036
PAK>IND 120"
}

@test "news-events: a nationality before an attack noun is its source; violence with no actor object is against the country it happened in" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# one event from each sentence
	assert_equal "$(jq -r 'select(.doc == "nationality") | "\(.sent) \(.source.code)>\(.target.code) \(.code)"' <<<"$output")" "0 RUS>UKR 195
1 RUS>UKR 195"
}

@test "news-events: 'the leaders of A and B' are A's and B's governments" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" leadersof)" "FRAGOV>DEUGOV 040"
}

@test "news-events: an object pronoun is not its own clause's subject" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# "Macron thanked him": him is Scholz, from the sentence before
	assert_equal "$(jq -r 'select(.doc == "objpron" and .sent == 1) | "\(.source.code)>\(.target.text) \(.code)"' <<<"$output")" "FRAGOV>Scholz 051"
}

@test "news-events: 'prompting X to VERB': X is the subject" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" causative)" "IRN>DEU 111
DEU>IRN 161"
}

@test "news-events: =force patterns need an armed source; captures by armed groups are abductions, of places occupations" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# troops entering a country, not refugees
	assert_equal "$(events "$output" force)" "RUSMIL>UKR 190"
	assert_equal "$(events "$output" refine)" "PSEREB>ISRMIL 181
RUSMIL>UKR 192"
	printf '[verbs]\n190  stroll+ into @T =bogus\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run --separate-stderr news-events --dict "$BATS_TEST_TMPDIR/bad.txt" </dev/null
	assert_failure 2
	assert_stderr_matches "bad.txt:2: unknown flag"
}

@test "news-events: actor phrases: a country's envoy to the U.N., 'the city of X', 'they' of a group that speaks" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" unenvoy)" "DEUGOV>RUS 111"
	assert_equal "$(events "$output" cityof)" "RUSMIL>UKR 194"
	assert_equal "$(events "$output" theysaid)" "PSEREB>ISR 190"
}

@test "news-events: two subjects criticising nothing named are not an event between them" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" nopair)" ""
	# but two subjects meeting are
	assert_equal "$(events "$output" leadersof)" "FRAGOV>DEUGOV 040"
}

@test "news-events: a role noun news-tag made an entity still matches a pattern word; gaps hold nouns joined by 'and'" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" roleword)" "POL>RUSGOV 166"
	assert_equal "$(jq -r 'select(.doc == "roleword") | .rule' <<<"$output")" \
		"verbs.txt:$(grep -n '^166  expel+ ... diplomats|diplomat|envoy|ambassador$' "$NEWS_ROOT/src/news-events/dict/verbs.txt" | cut -d: -f1) expel+ ... diplomats|diplomat|envoy|ambassador"
	assert_equal "$(events "$output" gapand)" "GRC>TUR 073"
}

@test "news-events: a trigger in a clause opening the sentence ('After meeting B, A said') takes the main clause's subject" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" openmeet)" "USAGOV>CHNGOV 040"
	assert_equal "$(events "$output" openfollow)" "PAK>IND 040"
	assert_equal "$(events "$output" openspeak)" "RUSGOV>TURGOV 040"
	# an opening clause with its own subject keeps it
	assert_equal "$(events "$output" opensub)" "RUS>UKR 190
DEU>RUS 163"
}

@test "news-events: a mediator is the source of 045 and each party a target" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" mediator)" "EGY>ISR 045
EGY>PSEREB 045"
}

@test "news-events: multi-word phrases in patterns: water cannon, genocide, air defence systems" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" watercannon)" "CHN>TUR 175"
	assert_equal "$(events "$output" genocide)" "UKR>RUS 1124"
	assert_equal "$(events "$output" airdefence)" "DEU>UKR 072"
}

@test "news-events: irregular past forms of pattern verbs (flew, sat, tore); a call received; 'off the coast' is no conjunct" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" flew)" "USAGOV>UKR 042"
	assert_equal "$(events "$output" satdown)" "FRAGOV>DEUGOV 040"
	assert_equal "$(events "$output" toreup)" "RUS>UKR 166"
	assert_equal "$(events "$output" callfrom)" "DEUGOV>FRAGOV 041"
	assert_equal "$(events "$output" offcoast)" "GRCGOV>TUR 173"
}

@test "news-events: 'ready for talks with B' is an intent to meet (036); 'lifted its objection to' a concession (080)" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" readyfor)" "IRN>DEU 036"
	assert_equal "$(events "$output" dropveto)" "TUR>IGONAT 080"
}

@test "news-events: 'X was killed in an Israeli strike': the attack's nationality is the source; a killing with no attacker named is no event" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" killedin)" "ISR>RUSGOV 1823"
	assert_equal "$(events "$output" killedinplain)" ""
}

@test "news-events: a verb's word after a determiner is a modifier inside a pattern's gap ('made a state visit to')" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(events "$output" statevisit)" "DEUGOV>FRA 042"
}

@test "news-events: unnamed forces and police as actors; tear gas, sieges; weapons; a group's officials" {
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a:0\",\"doc\":\"a\",\"sent\":0,\"text\":\"Rebels attacked government forces in Darfur.\"}" \
	    "{\"id\":\"b:0\",\"doc\":\"b\",\"sent\":0,\"text\":\"Police fired tear gas at protesters in Nairobi.\"}" \
	    "{\"id\":\"c:0\",\"doc\":\"c\",\"sent\":0,\"text\":\"Sudanese rebels laid siege to Ethiopian troops.\"}" \
	    "{\"id\":\"d:0\",\"doc\":\"d\",\"sent\":0,\"text\":\"A Russian missile struck a children'"'"'s hospital in Kyiv.\"}" \
	    "{\"id\":\"e:0\",\"doc\":\"e\",\"sent\":0,\"text\":\"Israeli strikes hit a school in Gaza City.\"}" \
	    "{\"id\":\"f:0\",\"doc\":\"f\",\"sent\":0,\"text\":\"Saudi envoys held talks with Houthi officials in Sanaa.\"}" |
	    news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" a)" "SDNREB>SDNMIL 190"
	assert_equal "$(events "$output" b)" "KENCOP>KENOPP 175"
	assert_equal "$(events "$output" c)" "SDNREB>ETHMIL 191"
	# a weapon's nationality is the source, where it struck the target
	assert_equal "$(events "$output" d)" "RUS>UKR 195"
	assert_equal "$(events "$output" e)" "ISR>PSE 195"
	# a group's officials are the group, not the city they sit in
	assert_equal "$(events "$output" f)" "SAUGOV>YEMREB 040"
}

# sent SOURCE>TARGET CODE for the events of one document
sent_events() {
	jq -r --arg d "$2" 'select(.doc == $d) | "\(.sent) \(.source.code)>\(.target.code) \(.code)"' <<<"$1"
}

@test "news-events: an after/when clause with its own subject and verb is an event of its own" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# not: anything from "after protests in Iran" (no subject, no trigger)
	assert_equal "$(sent_events "$output" subclause)" "0 DEU>IRN 161
0 IRN>DEU 111
1 DEU>IRN 161"
}

@test "news-events: 'drawing condemnation from A': A against who drew it" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# not: "faced criticism from Germany" (no verb that draws it); not
	# DEU>IGONAT: ", drawing" reacts to the clause, whose subject is Russia;
	# a hyphenated pair drew it together
	assert_equal "$(sent_events "$output" reaction)" "0 KOR>PRK 111
0 JPN>PRK 111
1 DEU>RUS 111
3 DEU>RUS 111
4 RUS>CHN 062
4 JPN>RUS 111
4 JPN>CHN 111"
}

@test "news-events: 'the Indian and Japanese defence ministers': both take the shared head's role" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# not INDGOV from "Indian troops and Japanese defence ministers"
	assert_equal "$(sent_events "$output" coordsubj)" "0 INDGOV>JPNGOV 040
1 INDMIL>JPNGOV 040"
}

@test "news-events: 'dismissed the U.S. and British accusations': the adjectives are the targets" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# not: "dismissed the accusations" (no one named)
	assert_equal "$(sent_events "$output" objadj)" "0 CHN>USA 120
0 CHN>GBR 120"
}

@test "news-events: 'killed when his position was hit by Russian artillery': the when-clause's agent" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	# not: "hit by a truck" (no actor)
	assert_equal "$(sent_events "$output" deepby)" "0 RUS>UKRMIL 1823"
}

@test "news-events: hyphenated pairs ('the Russia-Ukraine talks'); 'U.S.-made' names no actor" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(sent_events "$output" hyphen)" "0 RUS>UKR 040
1 USA>CHN 057
2 UKR>RUS 194"
}

@test "news-events: rebels fighting their own country are an event; a ministry speaking for its country is not" {
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a:0\",\"doc\":\"a\",\"sent\":0,\"text\":\"Sudan'"'"'s paramilitary Rapid Support Forces attacked the city of El Fasher.\"}" \
	    "{\"id\":\"b:0\",\"doc\":\"b\",\"sent\":0,\"text\":\"South Korea'"'"'s foreign ministry urged Seoul to act.\"}" \
	    "{\"id\":\"c:0\",\"doc\":\"c\",\"sent\":0,\"text\":\"Sudan'"'"'s Rapid Support Forces urged Sudan to talk.\"}" |
	    news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" a)" "SDNREB>SDN 190"
	assert_equal "$(events "$output" b)" ""
	# only force, not words, between a group and its own country
	assert_equal "$(events "$output" c)" ""
}

@test "news-events: a government's protest against another country is an official complaint (114), people's a demonstration (14)" {
	run --separate-stderr news-events "$FX/constructions.jsonl"
	assert_equal "$(sent_events "$output" govprotest)" "0 FRAGOV>IRN 114
1 UKRREF>RUS 140"
}

@test "news-events: a noun pattern without a target slot takes no target from memory; the place across two regions is the target" {
	# a pattern like "air strikes killed" has no @T: its target once came
	# from uninitialised memory (here, a code of the document before)
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a\",\"text\":\"WASHINGTON, Feb 28 -- A meeting between President Donald Trump and Ukrainian President Volodymyr Zelenskiy broke down on Friday. Trump accused his guest of gambling with a world war. Zelenskiy later thanked the American people for their support.\"}" \
	    "{\"id\":\"b\",\"text\":\"BEIRUT, Sept 23 -- Israeli air strikes killed at least 90 people across southern and eastern Lebanon on Monday, the health ministry said.\"}" |
	    news-split | news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" b)" "ISR>LBN 195"
}

@test "news-events: tariffs on imports from, curbs lifted, a launch called a provocation, military aid for, tear gas to disperse" {
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a:0\",\"doc\":\"a\",\"sent\":0,\"text\":\"Washington imposed tariffs of 25 percent on imports from Mexico.\"}" \
	    "{\"id\":\"b:0\",\"doc\":\"b\",\"sent\":0,\"text\":\"China lifted curbs on exports to Japan.\"}" \
	    "{\"id\":\"c:0\",\"doc\":\"c\",\"sent\":0,\"text\":\"Seoul called North Korea'"'"'s launch a grave provocation.\"}" \
	    "{\"id\":\"d:0\",\"doc\":\"d\",\"sent\":0,\"text\":\"The United States announced new military aid for Ukraine.\"}" \
	    "{\"id\":\"e:0\",\"doc\":\"e\",\"sent\":0,\"text\":\"Kenyan police fired tear gas to disperse protesters in Nairobi.\"}" \
	    "{\"id\":\"f:0\",\"doc\":\"f\",\"sent\":0,\"text\":\"The foreign ministry called the decision a mistake.\"}" |
	    news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" a)" "USAGOV>MEX 163"
	assert_equal "$(events "$output" b)" "CHN>JPN 081"
	assert_equal "$(events "$output" c)" "KORGOV>PRK 111"
	assert_equal "$(events "$output" d)" "USA>UKR 072"
	assert_equal "$(events "$output" e)" "KENCOP>KENOPP 175"
	# no one named: nothing
	assert_equal "$(events "$output" f)" ""
}

@test "news-events: two armies that exchanged fire fight each other; with a named foe, against it; a ceasefire between two" {
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a:0\",\"doc\":\"a\",\"sent\":0,\"text\":\"Thai and Cambodian troops exchanged fire along the border.\"}" \
	    "{\"id\":\"b:0\",\"doc\":\"b\",\"sent\":0,\"text\":\"Israeli forces exchanged fire with Hezbollah fighters.\"}" \
	    "{\"id\":\"c:0\",\"doc\":\"c\",\"sent\":0,\"text\":\"The Thai and Cambodian ministers exchanged views.\"}" \
	    "{\"id\":\"d:0\",\"doc\":\"d\",\"sent\":0,\"text\":\"A ceasefire between Israel and Hezbollah took effect on Wednesday.\"}" |
	    news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" a)" "THAMIL>KHMMIL 190"
	assert_equal "$(events "$output" d)" "ISR>LBNREB 0871"
	assert_equal "$(events "$output" b)" "ISRMIL>LBNREB 190"
	# views are no fire
	[[ "$(events "$output" c)" != *" 19"* ]] || fail "views exchanged as fighting: $(events "$output" c)"
}

@test "news-events: 'the military hit X' is a verb before a named actor; police speaking of 'they' mean themselves" {
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a:0\",\"doc\":\"a\",\"sent\":0,\"text\":\"The Israeli military hit Hezbollah targets.\"}" \
	    "{\"id\":\"b:0\",\"doc\":\"b\",\"sent\":0,\"text\":\"The police said they had arrested opposition supporters in Dakar.\"}" \
	    "{\"id\":\"c:0\",\"doc\":\"c\",\"sent\":0,\"text\":\"The EU support for Ukraine continued.\"}" \
	    "{\"id\":\"d:0\",\"doc\":\"d\",\"sent\":0,\"text\":\"Foreign Minister Park Jin said they had agreed to meet Wang Yi.\"}" \
	    "{\"id\":\"e:0\",\"doc\":\"e\",\"sent\":0,\"text\":\"Congo'"'"'s government cut diplomatic ties with Rwanda.\"}" \
	    "{\"id\":\"f:0\",\"doc\":\"f\",\"sent\":0,\"text\":\"The budget cut was criticised by Germany.\"}" |
	    news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" a)" "ISRMIL>LBNREB 190"
	assert_equal "$(events "$output" b)" "SENCOP>SENOPP 173"
	# a noun after a determiner stays a noun
	assert_equal "$(events "$output" c)" ""
	# a person's "they" are others, unnamed: nothing
	assert_equal "$(events "$output" d)" ""
	# a past like its base after an actor is the verb; after a noun, not
	assert_equal "$(events "$output" e)" "CODGOV>RWA 161"
	assert_equal "$(events "$output" f)" ""
}

@test "news-events: a former leader arrested by his country's police is an event" {
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a:0\",\"doc\":\"a\",\"sent\":0,\"date\":\"2024-05-01\",\"text\":\"Brazilian police indicted former President Jair Bolsonaro.\"}" |
	    news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" a)" "BRACOP>BRAELI 173"
}

@test "news-events: strikes on sites in a country or belonging to a group; an attack on a place in a city; protesters are not at war with their country" {
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a:0\",\"doc\":\"a\",\"sent\":0,\"text\":\"India struck nine sites in Pakistan.\"}" \
	    "{\"id\":\"b:0\",\"doc\":\"b\",\"sent\":0,\"text\":\"American and British warplanes struck more than 60 targets belonging to Yemen'"'"'s Houthi movement.\"}" \
	    "{\"id\":\"c:0\",\"doc\":\"c\",\"sent\":0,\"text\":\"Al-Shabaab militants attacked a crowded beach in Mogadishu.\"}" \
	    "{\"id\":\"d:0\",\"doc\":\"d\",\"sent\":0,\"text\":\"Iraqi protesters stormed the Swedish embassy in Baghdad.\"}" \
	    "{\"id\":\"e:0\",\"doc\":\"e\",\"sent\":0,\"text\":\"Israel attacked Hamas in Gaza.\"}" |
	    news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" a)" "IND>PAK 195"
	assert_equal "$(events "$output" b)" "USAMIL>YEMREB 195
GBRMIL>YEMREB 195"
	assert_equal "$(events "$output" c)" "SOMREB>SOM 190"
	[[ "$(events "$output" d)" != *"IRQOPP>IRQ"* ]] || fail "protesters against their own country: $(events "$output" d)"
	# a named foe, not the place
	assert_equal "$(events "$output" e)" "ISR>PSEREB 190"
}

@test "news-events: a delegation sent, a drone shot down, a cyberattack, troops massed on a border, a fine" {
	run --separate-stderr bash -c 'printf "%s\n" \
	    "{\"id\":\"a:0\",\"doc\":\"a\",\"sent\":0,\"text\":\"France sent a delegation to Germany on Monday.\"}" \
	    "{\"id\":\"b:0\",\"doc\":\"b\",\"sent\":0,\"text\":\"Iran shot down a drone from Israel.\"}" \
	    "{\"id\":\"c:0\",\"doc\":\"c\",\"sent\":0,\"text\":\"Russia launched a cyberattack on Estonia.\"}" \
	    "{\"id\":\"d:0\",\"doc\":\"d\",\"sent\":0,\"text\":\"Russia massed troops on the border with Ukraine.\"}" \
	    "{\"id\":\"e:0\",\"doc\":\"e\",\"sent\":0,\"text\":\"The European Union fined Google.\"}" |
	    news-tag | news-events'
	assert_success
	assert_equal "$(events "$output" a)" "FRA>DEU 042"
	assert_equal "$(events "$output" b)" "IRN>ISR 190"
	assert_equal "$(events "$output" c)" "RUS>EST 176"
	assert_equal "$(events "$output" d)" "RUS>UKR 154"
	assert_equal "$(events "$output" e)" "IGOEEC>BUS 172"
}
