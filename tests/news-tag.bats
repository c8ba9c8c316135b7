#!/usr/bin/env bats
# news-tag: entities, actor codes, dates, document context, and the
# conventions every program keeps.

setup() {
	load helpers/common
	load helpers/conventions
}

G1='{"id":"a:0","doc":"a","sent":0,"date":"2022-01-20","text":"Foreign Minister Park Jin met Wang Yi in Beijing."}'
G2='{"id":"b:0","doc":"b","sent":0,"date":"2022-01-20","text":"The United Nations met on Thursday."}'
CONV=(news-tag -- "$G1" "$G2" '"text":"Park Jin","type":"PERSON"' '"text":"United Nations","type":"ORG"')

# tag LINE...: run news-tag on the lines; $output holds the result
tag() {
	run --separate-stderr news-tag < <(printf '%s\n' "$@")
}

# ents N: the entities of output line N as "text/TYPE/code/value" joined by |
ents() {
	sed -n "${1}p" <<<"$output" | jq -r '[.entities[] | [.text, .type, (.code // ""), (.value // "")] | join("/")] | join("|")'
}

@test "news-tag: a malformed line is reported, rejected verbatim, and the stream goes on" {
	conv_malformed_line "${CONV[@]}"
}

@test "news-tag: invalid UTF-8 is repaired and counted" {
	conv_invalid_utf8 "${CONV[@]}"
}

@test "news-tag: NUL bytes" {
	conv_nul_bytes "${CONV[@]}"
}

@test "news-tag: empty input" {
	conv_empty_input "${CONV[@]}"
}

@test "news-tag: no final newline, CRLF line ends" {
	conv_no_final_newline "${CONV[@]}"
}

@test "news-tag: a 100 MB record, and one over --max-record" {
	conv_huge_record "${CONV[@]}"
}

@test "news-tag: | head -1 ends quietly" {
	conv_closed_pipe "${CONV[@]}"
}

@test "news-tag: a full disk is an error" {
	conv_full_disk "${CONV[@]}"
}

@test "news-tag: --help, --version, bad options, missing files" {
	conv_help_version "${CONV[@]}"
}

@test "news-tag: unknown fields and their order pass through untouched" {
	conv_passthrough "${CONV[@]}"
}

@test "news-tag: eight processes appending to one file keep records whole" {
	conv_parallel_append "${CONV[@]}"
}

@test "news-tag: entities are appended with code point offsets into the text" {
	tag '{"id":"s1","text":"Łódź: Yōko Kamikawa met Antony Blinken in Tokyo.","x":1}'
	assert_success
	assert_equal "$(jq -c 'keys_unsorted' <<<"$output")" '["id","text","x","entities"]'
	# every entity's offsets slice out its text, as Python and jq slice
	run jq -r '.text as $t | .entities[] | select($t[.start:.end] != .text) | .text' <<<"$output"
	assert_output ""
	tag '{"id":"s1","text":"Łódź: Yōko Kamikawa met Antony Blinken in Tokyo.","x":1}'
	[[ $(ents 1) == *"Yōko Kamikawa/PERSON/JPNGOV"* ]] || fail "$(ents 1)"
	[[ $(ents 1) == *"Antony Blinken/PERSON/USAGOV"* ]] || fail "$(ents 1)"
}

@test "news-tag: names in many forms" {
	tag '{"text":"Kim Jong-un met Noh Kyu-duk, Dr. Ludwig van Beethoven and Osama bin Laden."}' \
	    '{"text":"Wang'"'"'s aide called South Korean President Yoon Suk-yeol and Mr. Hendricks."}' \
	    '{"text":"Park Jin, Charles J. Fillmore and Évariste Galois wrote to Durham University."}'
	assert_success
	assert_equal "$(ents 1)" "Kim Jong-un/PERSON/PRKGOV/|Noh Kyu-duk/PERSON/KORGOV/|Ludwig van Beethoven/PERSON//|Osama bin Laden/PERSON//"
	# the possessive stays out, and so do titles
	assert_equal "$(ents 2)" "Wang/PERSON//|South Korean/NORP/KOR/|Yoon Suk-yeol/PERSON/KORGOV/|Hendricks/PERSON//"
	assert_equal "$(ents 3)" "Park Jin/PERSON/KORGOV/|Charles J. Fillmore/PERSON//|Évariste Galois/PERSON//|Durham University/ORG//"
}

@test "news-tag: places, organisations and nationalities" {
	tag '{"text":"Delegates from S. Korea, the DPRK and the U.S. met NATO and the U.N. Security Council in Kraków, near the Gulf of Mexico."}'
	assert_success
	assert_equal "$(ents 1)" "S. Korea/GPE/KOR/|DPRK/GPE/PRK/|U.S./GPE/USA/|NATO/ORG/IGONAT/|U.N. Security Council/ORG/IGOUNO/|Kraków/GPE/POL/|Gulf of Mexico/LOC//"
}

@test "news-tag: the counterpart rule and roles beside a name" {
	tag '{"date":"2022-06-01","text":"Park Jin told his Chinese counterpart Zhao Minghe to act."}' \
	    '{"date":"2022-06-01","text":"South Korea'"'"'s envoy to North Korea, Lee Hanbit, spoke."}' \
	    '{"date":"2022-06-01","text":"Ortiz Vela, Mexico'"'"'s foreign minister, spoke."}'
	assert_success
	[[ $(ents 1) == *"Zhao Minghe/PERSON/CHNGOV/"* ]] || fail "$(ents 1)"
	[[ $(ents 2) == *"Lee Hanbit/PERSON/KORGOV/"* ]] || fail "$(ents 2)"
	[[ $(ents 3) == *"Ortiz Vela/PERSON/MEXGOV/"* ]] || fail "$(ents 3)"
}

@test "news-tag: unnamed actors, capitals as governments, the North" {
	tag '{"doc":"d","date":"2022-12-06","text":"The South Korean foreign ministry said Seoul would talk with Pyongyang and North Korea."}' \
	    '{"doc":"d","date":"2022-12-06","text":"The ministry said the North refused talks in Seoul."}'
	assert_success
	assert_equal "$(ents 1)" "South Korean foreign ministry/ACTOR/KORGOV/|Seoul/GPE/KORGOV/|Pyongyang/GPE/PRKGOV/|North Korea/GPE/PRK/"
	assert_equal "$(ents 2)" "ministry/ACTOR/KORGOV/|North/GPE/PRK/|Seoul/GPE/KOR/"
	# --no-actors leaves the unnamed ones out
	run --separate-stderr news-tag --no-actors <<<'{"text":"Chinese troops crossed."}'
	assert_success
	assert_equal "$(ents 1)" "Chinese/NORP/CHN/"
}

@test "news-tag: document context carries names forward and never across documents" {
	tag '{"doc":"a","sent":0,"text":"Foreign Minister Dara Vint of Chile arrived."}' \
	    '{"doc":"a","sent":1,"text":"Vint said the North refused."}' \
	    '{"doc":"b","sent":0,"text":"Vint said the North refused."}' \
	    '{"sent":0,"text":"South Korea spoke with North Korea."}' \
	    '{"sent":1,"text":"Vint said the North refused."}'
	assert_success
	[[ $(ents 1) == *"Dara Vint/PERSON/CHLGOV/"* ]] || fail "$(ents 1)"
	assert_equal "$(ents 2)" "Vint/PERSON/CHLGOV/|North/LOC//"
	# a new document forgets: no code for Vint
	assert_equal "$(ents 3)" "Vint/PERSON//|North/LOC//"
	# records without doc stand alone, even one after another
	assert_equal "$(ents 5)" "Vint/PERSON//|North/LOC//"
	# and --no-context tags every sentence alone
	run --separate-stderr news-tag --no-context < <(printf '%s\n' \
	    '{"doc":"a","text":"Foreign Minister Dara Vint of Chile arrived."}' \
	    '{"doc":"a","text":"Vint said so."}')
	assert_equal "$(ents 2)" "Vint/PERSON//"
}

@test "news-tag: a date-restricted role applies only within its dates" {
	tag '{"date":"2023-03-01","text":"Park Jin spoke."}' \
	    '{"date":"2010-03-01","text":"Park Jin spoke."}' \
	    '{"text":"Park Jin spoke."}' \
	    '{"date":"2012-05-01","text":"Ban Ki-moon spoke."}' \
	    '{"date":"2019-05-01","text":"Ban Ki-moon spoke."}'
	assert_success
	assert_equal "$(ents 1)" "Park Jin/PERSON/KORGOV/"
	# before his term: one of South Korea's elites (ELI), not the government
	assert_equal "$(ents 2)" "Park Jin/PERSON/KORELI/"
	# no date: the most recent role
	assert_equal "$(ents 3)" "Park Jin/PERSON/KORGOV/"
	assert_equal "$(ents 4)" "Ban Ki-moon/PERSON/IGOUNO/"
	assert_equal "$(ents 5)" "Ban Ki-moon/PERSON/KOR/"
}

@test "news-tag: a --dict file adds actors; a bad one is a usage error" {
	run --separate-stderr news-tag --dict "$FIXTURES/news-tag/actors.dict" \
	    <<<'{"date":"2021-01-01","text":"Zorba Quillfeather opened the Quillfeather Institute."}'
	assert_success
	assert_equal "$(ents 1)" "Zorba Quillfeather/PERSON/GRCGOV/|Quillfeather Institute/ORG/NGOEDU/"
	run --separate-stderr news-tag --dict "$FIXTURES/news-tag/bad.dict" <<<'{"text":"x"}'
	assert_failure 2
	assert_stderr_matches "bad.dict:1: unknown kind"
	run --separate-stderr news-tag --dict /no/such.dict <<<'{"text":"x"}'
	assert_failure 2
}

@test "news-tag: dates get values resolved against the document date" {
	tag '{"date":"2022-01-20","text":"He said Thursday, last Monday and yesterday that on the 9th and on Jan. 20 and in November 2021 things changed; last week too."}' \
	    '{"text":"He said Thursday that March 3, 1999 mattered in 1968."}'
	assert_success
	assert_equal "$(ents 1)" "Thursday/DATE//2022-01-20|last Monday/DATE//2022-01-17|yesterday/DATE//2022-01-19|the 9th/DATE//2022-01-09|Jan. 20/DATE//2022-01-20|November 2021/DATE//2021-11|last week/DATE//2022-01-13"
	# without a document date only what the text says is resolved
	assert_equal "$(ents 2)" "Thursday/DATE//|March 3, 1999/DATE//1999-03-03|1968/DATE//1968"
}

@test "news-tag: times, money and percentages" {
	tag '{"text":"At 3 p.m. the fund lost $5 million, or 12%, and 3 percent more."}'
	assert_success
	assert_equal "$(ents 1)" "3 p.m./TIME//|\$5 million/MONEY//|12%/PERCENT//|3 percent/PERCENT//"
}

@test "news-tag: a record without text is reported and left out" {
	tag '{"id":1,"text":"Seoul spoke."}' '{"id":2,"title":"no text here"}' '{"id":3,"text":7}' '{"id":4,"text":"Tokyo spoke."}'
	assert_failure 1
	assert_stderr_matches "<stdin>:2: no field 'text'"
	assert_stderr_matches "<stdin>:3: field 'text' is not a string"
	assert_equal "$(jq -c .id <<<"$output" | paste -sd,)" "1,4"
	# --field names another one
	run --separate-stderr news-tag --field title <<<'{"title":"Seoul spoke."}'
	assert_success
	assert_equal "$(ents 1)" "Seoul/GPE/KORGOV/"
}

@test "news-tag: a sentence in another language passes through untagged and counted" {
	tag '{"lang":"de","text":"Seoul sprach mit Tokio."}' '{"lang":"en-GB","text":"Seoul spoke."}' '{"lang":null,"text":"Tokyo spoke."}'
	assert_success
	assert_stderr_matches "1 records in another language passed through untagged"
	assert_equal "$(sed -n 1p <<<"$output")" '{"lang":"de","text":"Seoul sprach mit Tokio."}'
	assert_equal "$(ents 2)" "Seoul/GPE/KORGOV/"
	assert_equal "$(ents 3)" "Tokyo/GPE/JPNGOV/"
}

@test "news-tag: a sentence without names gives an empty list; a user's entities are replaced in place" {
	tag '{"text":"nothing to see here.","entities":[{"text":"x"}],"z":1}' '{"text":""}'
	assert_success
	assert_equal "$(sed -n 1p <<<"$output")" '{"text":"nothing to see here.","entities":[],"z":1}'
	assert_equal "$(sed -n 2p <<<"$output")" '{"text":"","entities":[]}'
}

@test "news-tag: a dateline gives unnamed roles their country; paired places split" {
	tag '{"doc":"y","date":"2022-01-20","text":"SEOUL, Jan. 20 (Yonhap) -- The envoy talked with his Chinese counterparts, the foreign ministry said."}' \
	    '{"doc":"y","date":"2022-01-20","text":"U.S.-China talks and Ukraine-Russia ties stalled, but Guinea-Bissau and Kim Jong-un did not."}'
	assert_success
	assert_equal "$(ents 1)" "SEOUL/GPE/KOR/|Jan. 20/DATE//2022-01-20|Yonhap/ORG/KORMED/|envoy/ACTOR/KORGOV/|Chinese counterparts/ACTOR/CHNGOV/|foreign ministry/ACTOR/KORGOV/"
	assert_equal "$(ents 2)" "U.S./GPE/USA/|China/GPE/CHN/|Ukraine/GPE/UKR/|Russia/GPE/RUS/|Guinea-Bissau/GPE/GNB/|Kim Jong-un/PERSON/PRKGOV/"
	# a chain, with a country of two words at its end
	tag '{"doc":"z","text":"The U.S.-Japan-South Korea summit met, and Moon Jae-in spoke."}'
	assert_equal "$(ents 1)" "U.S./GPE/USA/|Japan/GPE/JPN/|South Korea/GPE/KOR/|Moon Jae-in/PERSON/KORGOV/"
}

@test "news-tag: regnal names, acronyms after their names, lists share a type" {
	tag '{"text":"Louis XV of France wrote to the Computing Research Association (CRA) and the Digital Humanities (DH) group."}' \
	    '{"text":"Visitors come from Kraków, Zorbatown and Wrocław, and the Summer Institute of Linguistics."}' \
	    '{"text":"Aesthetic Appreciation and Spanish Art: World War II and the Marriage Act"}'
	assert_success
	# one name and where it is from: one person ("Dara Vint of Chile" is two)
	assert_equal "$(ents 1)" "Louis XV of France/PERSON//|Computing Research Association/ORG//|CRA/ORG//"
	# an unknown name in a list of cities is a place
	assert_equal "$(ents 2)" "Kraków/GPE/POL/|Zorbatown/GPE//|Wrocław/GPE/POL/|Summer Institute of Linguistics/ORG//"
	# titles, wars and laws are no names of ours
	assert_equal "$(ents 3)" "Spanish/NORP/ESP/"
}

@test "news-tag: the news set gives every sentence its entities and codes" {
	# tests/fixtures/news-tag/news.txt: wire-news sentences of our own
	# (heads of state, ministers, spokespeople, militaries, rebels,
	# police, IGOs, capitals, datelines, counterparts, possessives) with
	# the entities they should get; check-set.sh prints what differs
	run --separate-stderr "$FIXTURES/news-tag/check-set.sh" "$FIXTURES/news-tag/news.txt"
	assert_success
	assert_output --partial "differing 0;"
}

@test "news-tag: the news set checker finds a wrong code" {
	# the check can fail: one code changed in a copy of the set
	sed 's|Park Jin/PERSON/KORGOV|Park Jin/PERSON/CHNGOV|' "$FIXTURES/news-tag/news.txt" > "$BATS_TEST_TMPDIR/set.txt"
	run --separate-stderr "$FIXTURES/news-tag/check-set.sh" "$BATS_TEST_TMPDIR/set.txt"
	assert_failure 1
	assert_output --partial "- Park Jin/PERSON/CHNGOV"
	assert_output --partial "+ Park Jin/PERSON/KORGOV"
}

@test "news-tag: a title before a family name makes a person, coded by the document or by who held the office" {
	# the title stays out of the name; "Park" is a person, not a park
	tag '{"doc":"p","date":"2023-05-01","text":"The talks between Minister Park Jin and Secretary Blinken ended in Seoul."}' \
	    '{"doc":"p","date":"2023-05-01","text":"Later, Minister Park urged North Korea to stop its missile launches."}' \
	    '{"doc":"q","date":"2023-05-01","text":"Foreign Minister Park met the visiting delegation in Central Park on Monday."}' \
	    '{"doc":"r","date":"2019-05-01","text":"Foreign Minister Park met the visiting delegation in Central Park on Monday."}'
	assert_success
	assert_equal "$(ents 1)" "Park Jin/PERSON/KORGOV/|Blinken/PERSON/USAGOV/|Seoul/GPE/KOR/"
	[[ $(ents 2) == "Park/PERSON/KORGOV/|North Korea/GPE/PRK/" ]] || fail "$(ents 2)"
	# no earlier mention: the one Park who was foreign minister that day
	[[ $(ents 3) == "Park/PERSON/KORGOV/|Central Park/LOC//|"* ]] || fail "$(ents 3)"
	# in 2019 no Park listed held an office: a person, with no code made up
	[[ $(ents 4) == "Park/PERSON//|Central Park/LOC//|"* ]] || fail "$(ents 4)"
}

@test "news-tag: parts of places, offices of places, people of places" {
	tag '{"text":"Tensions rose in Northeast Asia, eastern Ukraine and the Central region, said the Governor of Virginia."}' \
	    '{"text":"The works of Hilary of Poitiers reached Peter the Great and the Municipality of Culion."}'
	assert_success
	# a compass word before a known place: the place's code; provinces
	# named by ordinary words ("Central") are no places of their own
	assert_equal "$(ents 1)" "Northeast Asia/LOC/ASA/|Ukraine/GPE/UKR/|Governor of Virginia/PERSON/USAGOV/"
	assert_equal "$(ents 2)" "Hilary of Poitiers/PERSON//|Peter the Great/PERSON//|Municipality of Culion/GPE//"
}

@test "news-tag: organisations named by a role take their country; roles of an organisation its code" {
	tag '{"doc":"o","date":"2024-03-05","text":"Taiwan'"'"'s Defense Ministry said Kremlin spokesman Dmitry Peskov and NATO Secretary-General Jens Stoltenberg spoke."}' \
	    '{"doc":"o","date":"2024-03-05","text":"Police in Mombasa said the Houthis'"'"' chief spokesman, Ali Bakhit, denied it."}' \
	    '{"doc":"o","date":"2024-03-05","text":"In neighbouring Zorbania, President Elvo Quint met the military junta."}'
	assert_success
	assert_equal "$(ents 1)" "Taiwan/GPE/TWN/|Defense Ministry/ORG/TWNMIL/|Kremlin/ORG/RUSGOV/|Dmitry Peskov/PERSON/RUSGOV/|NATO/ORG/IGONAT/|Jens Stoltenberg/PERSON/IGONAT/"
	# police in a city are its country's; a spokesman takes his group's code
	assert_equal "$(ents 2)" "Police/ACTOR/KENCOP/|Mombasa/GPE/KEN/|Houthis/ORG/YEMREB/|Ali Bakhit/PERSON/YEMREB/"
	# "In X, President Y": the sentence's country, here one --dict adds
	run --separate-stderr news-tag --dict <(printf 'Zorbania\tcountry\tZRB\n') <<<'{"text":"In neighbouring Zorbania, President Elvo Quint met the military junta."}'
	assert_success
	assert_equal "$(ents 1)" "Zorbania/GPE/ZRB/|Elvo Quint/PERSON/ZRBGOV/|military junta/ACTOR/ZRBMIL/"
}

@test "news-tag: a capital is a government unless it is where, and 'to' a place only after a movement" {
	tag '{"text":"Moscow sent military assistance to Bamako, and Lavrov flew to Bamako and then to Sanaa, the Yemeni capital."}' \
	    '{"text":"Officers arrested three men in east London while London said nothing."}'
	assert_success
	assert_equal "$(ents 1)" "Moscow/GPE/RUSGOV/|Bamako/GPE/MLIGOV/|Lavrov/PERSON/RUSGOV/|Bamako/GPE/MLI/|Sanaa/GPE/YEM/|Yemeni/NORP/YEM/"
	assert_equal "$(ents 2)" "London/GPE/GBR/|London/GPE/GBRGOV/"
}

@test "news-tag: what the words around a lone unknown name say it is" {
	tag '{"text":"Temescal is a neighborhood that lies north of the lake, and Eegimaa is a language."}' \
	    '{"text":"It was the subject of the film Calling the Shots and a quote from Quiliano (Baker, 2015; Gibbons et al.)."}'
	assert_success
	assert_equal "$(ents 1)" "Temescal/LOC//"
	assert_equal "$(ents 2)" "Quiliano/PERSON//|Baker/PERSON//|2015/DATE//2015|Gibbons/PERSON//"
}

@test "news-tag: lists, places after prepositions, peoples, a person of an organisation, teams and broadcasters" {
	tag '{"text":"Talks were held with Qelmont, Upper Drisk, Vantler Park and Osaka."}' \
	    '{"text":"The delegates met in Varnau Terme, Qelmont, Italy and travelled through Drisk Minor."}' \
	    '{"text":"Most Thais voted, and the U.S wants talks with the Argentine State."}' \
	    '{"text":"Anna Fenwick of the Brindle Institute said it was a Zorbats fan, not the ZTV drama series."}' \
	    '{"text":"She moved to the Kelvands and was born in Hamburg, Drisland."}'
	assert_success
	# the one known place types the unknown names of its list
	assert_equal "$(ents 1)" "Qelmont/LOC//|Upper Drisk/LOC//|Vantler Park/LOC//|Osaka/GPE/JPN/"
	# nobody is in or through a person
	assert_equal "$(ents 2)" "Varnau Terme/GPE//|Qelmont/GPE//|Italy/GPE/ITA/|Drisk Minor/GPE//"
	assert_equal "$(ents 3)" "Thais/NORP/THA/|U.S/GPE/USA/|Argentine State/ORG/ARGGOV/"
	assert_equal "$(ents 4)" "Anna Fenwick/PERSON//|Brindle Institute/ORG//|Zorbats/ORG//|ZTV/ORG//"
	assert_equal "$(ents 5)" "Kelvands/LOC//|Hamburg/GPE/DEU/|Drisland/GPE//"
}

@test "news-tag: where one does research or plays is an institution or a team; a country that is a given name starts a person" {
	tag '{"text":"He began postdoctoral research at Helsinki and debuted for Boston."}' \
	    '{"text":"Jordan Bardella met Chad Michael Murray in Amman, Jordan."}' \
	    '{"text":"Shelling hit Zemrovo, a village near Kyiv, and a convoy drove along Varnau."}' \
	    '{"text":"She grew up in Qelmont, NJ and worked in Washington, D.C. for years."}' \
	    '{"text":"The museum bought the Varnau paintings and a Drisker symphony."}' \
	    '{"text":"Critics admired one of Marlow'"'"'s later novels."}'
	assert_success
	assert_equal "$(ents 1)" "Helsinki/ORG//|Boston/ORG//"
	assert_equal "$(ents 2)" "Jordan Bardella/PERSON//|Chad Michael Murray/PERSON//|Amman/GPE/JOR/|Jordan/GPE/JOR/"
	# what an apposition says a name is; "along" a place
	assert_equal "$(ents 3)" "Zemrovo/LOC//|Kyiv/GPE/UKR/|Varnau/GPE//"
	# a US state's postal code after a place and a comma
	assert_equal "$(ents 4)" "Qelmont/GPE//|NJ/GPE/USA/|Washington/GPE/USA/|D.C./GPE/USA/"
	# a name before works of art is the artist's
	assert_equal "$(ents 5)" "Varnau/PERSON//|Drisker/PERSON//"
	# a small town's name whose novels they are is a person's
	assert_equal "$(ents 6)" "Marlow/PERSON//"
}

@test "news-tag: a name the document only guessed gives way to what a later sentence says of it" {
	tag '{"id":"v:0","doc":"v","text":"Later that year Velmora grew quickly."}' \
	    '{"id":"v:1","doc":"v","text":"Most tourists arrive in Velmora by ferry."}' \
	    '{"id":"v:2","doc":"v","text":"Since then Velmora has changed."}'
	assert_success
	# nothing said of it: a person, by default
	assert_equal "$(ents 1)" "Velmora/PERSON//"
	# "in Velmora" is a place, and so is the next bare mention
	assert_equal "$(ents 2)" "Velmora/GPE//"
	assert_equal "$(ents 3)" "Velmora/GPE//"
}

@test "news-tag: unknown names after 'the' are no person unless a given name starts them" {
	tag '{"text":"They live north of the Velgrin Dorsk area, near the Anna Dorsk museum."}' \
	    '{"text":"Velgrin Dorsk said the talks failed."}'
	assert_success
	assert_equal "$(ents 1)" "Anna Dorsk/PERSON//"
	assert_equal "$(ents 2)" "Velgrin Dorsk/PERSON//"
}

@test "news-tag: a lab, a transit or bus line, a tour firm, a legion are organisations" {
	tag '{"text":"They work at the Dellmark Lab, ride Brenvale Transit buses and book trips with Korvath Tours."}' \
	    '{"text":"Old forts housed the Ninth Legion and Varrow Bus Lines runs there."}'
	assert_success
	assert_equal "$(ents 1)" "Dellmark Lab/ORG//|Brenvale Transit/ORG//|Korvath Tours/ORG//"
	assert_equal "$(ents 2)" "Ninth Legion/ORG//|Varrow Bus Lines/ORG//"
}

@test "news-tag: a name before a noun of geography is a place (the Velmori region)" {
	tag '{"text":"Fighting spread across the Velmori region and into the Drask mountains."}'
	assert_success
	assert_equal "$(ents 1)" "Velmori/LOC//|Drask/LOC//"
}

@test "news-tag: a sentence-initial word that is also a family name, with a possessive, is a person" {
	tag '{"text":"Goldsmith'"'"'s test failed."}' \
	    '{"text":"He'"'"'s here and Nature'"'"'s way is slow."}'
	assert_success
	assert_equal "$(ents 1)" "Goldsmith/PERSON//"
	# no pronoun, and an ordinary word mid-sentence stays out
	assert_equal "$(ents 2)" ""
}

@test "news-tag: every name of a list of authors cited with a year is a person, ordinary words too" {
	tag '{"text":"It was seen before (Vantor, Marks, Quillby, & Chin, 2011)."}' \
	    '{"text":"Prices rose (Marks, Chin and Spencer said so)."}' \
	    '{"text":"It helps (Boot, Marks, & Quillby, 2008)."}'
	assert_success
	assert_equal "$(ents 1)" "Vantor/PERSON//|Marks/PERSON//|Quillby/PERSON//|Chin/PERSON//|2011/DATE//2011"
	assert_equal "$(ents 3)" "Boot/PERSON//|Marks/PERSON//|Quillby/PERSON//|2008/DATE//2008"
	# no year: no citation, and the ordinary words stay out
	assert_equal "$(ents 2)" ""
}

@test "news-tag: 'the Government' alone is no name; 'the Government of Veldra' is" {
	tag '{"text":"The judge found that the Government did not contest it."}' \
	    '{"text":"The Government of Veldra said it would act."}'
	assert_success
	assert_equal "$(ents 1)" ""
	assert_equal "$(ents 2)" "Government of Veldra/ORG//"
}

@test "news-tag: a month opening a range of months is no town (from March to August)" {
	tag '{"text":"Sales fell from March to August 2011 in Quorvale."}'
	assert_success
	refute_output --partial '"text":"March"'
	assert_output --partial '"text":"August 2011","type":"DATE"'
}

@test "news-tag: plural acronyms, interjections, a lone suffix, the crown and French titles are nobody" {
	tag '{"text":"Nah, the CFLs cost 150 Kr at Dorvik shops."}' \
	    '{"text":"He was traded for Ivo Quellan, Jr. and Mlle. Varese on Monday."}' \
	    '{"text":"The NGOs met Tomas Quellan Jr. there."}'
	assert_success
	assert_equal "$(ents 1)" ""
	assert_equal "$(ents 2)" "Ivo Quellan/PERSON//|Varese/PERSON//|Monday/DATE//"
	assert_equal "$(ents 3)" "Tomas Quellan Jr./PERSON//"
}

@test "news-tag: one word before '@ home' names a project, nobody; two names before '@ the' are still a person" {
	tag '{"text":"The project is called Glimmerdust @ home."}' \
	    '{"text":"Ask Vantor Quill @ the desk."}'
	assert_success
	assert_equal "$(ents 1)" ""
	assert_equal "$(ents 2)" "Vantor Quill/PERSON//"
}

@test "news-tag: a word with an abstract noun's suffix ends no person's name, unless a given name starts it" {
	tag '{"text":"Vorblement takes place in verse."}' \
	    '{"text":"Emission of UV Radiation grew, said Anna Quillment."}'
	assert_success
	assert_equal "$(ents 1)" ""
	assert_equal "$(ents 2)" "Anna Quillment/PERSON//"
}

@test "news-tag: a planet's name alone is nobody, with a possessive or not, but may be part of a longer name" {
	tag '{"text":"Mars'"'"'s dust storms grew."}' \
	    '{"text":"Earth'"'"'s crust cracked, Venus glowed."}' \
	    '{"text":"Anna Mars sang and Jupiter Freight Inc. said so."}'
	assert_success
	assert_equal "$(ents 1)" ""
	assert_equal "$(ents 2)" ""
	assert_equal "$(ents 3)" "Anna Mars/PERSON//|Jupiter Freight Inc./ORG//"
}

@test "news-tag: two words starting a sentence are a name when the second ends names (Oak Street, Lattice Lab)" {
	tag '{"text":"Oak Street is closed."}' \
	    '{"text":"Harbor Lab, a unit of the firm, said so."}' \
	    '{"text":"Allow Parliament time."}'
	assert_success
	assert_equal "$(ents 1)" "Oak Street/LOC//"
	assert_equal "$(ents 2)" "Harbor Lab/ORG//"
	# a verb before a word the dictionary knows stays out
	assert_equal "$(ents 3)" "Parliament/ORG/LEG/"
}

@test "news-tag: a list of places may end in a part of one (Qelmont, Vardisk and northern Israel)" {
	tag '{"text":"Strikes hit Qelmont, Vardisk and northern Israel."}'
	assert_success
	assert_equal "$(ents 1)" "Qelmont/GPE//|Vardisk/GPE//|Israel/GPE/ISR/"
}

@test "news-tag: forces, police and crowds named by their role alone take the country where they act" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Rebels attacked government forces in Darfur on Monday."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Soldiers killed 12 militants in the north of Burkina Faso."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"NAIROBI (Reuters) - Police fired tear gas at protesters on Monday."}' \
	    '{"id":"d:0","doc":"d","sent":0,"text":"Troops shelled Kharkiv overnight."}' \
	    '{"id":"e:0","doc":"e","sent":0,"text":"KABUL (Reuters) - Pakistan'"'"'s army chief visited troops near the border."}' \
	    '{"id":"f:0","doc":"f","sent":0,"text":"NATO peacekeepers clashed with protesters in northern Kosovo."}' \
	    '{"id":"g:0","doc":"g","sent":0,"text":"JAKARTA (Reuters) - The minister told reporters that his counterparts would come."}'
	assert_success
	assert_equal "$(ents 1)" "Rebels/ACTOR/SDNREB/|government forces/ACTOR/SDNMIL/|Darfur/GPE/SDN/|Monday/DATE//"
	assert_equal "$(ents 2)" "Soldiers/ACTOR/BFAMIL/|militants/ACTOR/BFAINS/|Burkina Faso/GPE/BFA/"
	# the dateline's country: police and crowds are the country's own
	assert_equal "$(ents 3)" "NAIROBI/GPE/KEN/|Reuters/ORG/MED/|Police/ACTOR/KENCOP/|protesters/ACTOR/KENOPP/|Monday/DATE//"
	# a place the troops shell is no place they are from
	assert_equal "$(ents 4)" "Kharkiv/GPE/UKR/"
	# troops someone visited are nobody's the dateline can tell
	assert_equal "$(jq -c '[.entities[] | select(.text == "troops")]' <<<"$(sed -n 5p <<<"$output")")" "[]"
	# "NATO peacekeepers" are NATO's, not Kosovo's
	assert_equal "$(jq -c '[.entities[] | select(.text == "peacekeepers")]' <<<"$(sed -n 6p <<<"$output")")" "[]"
	# reporters and counterparts take no country from the dateline
	assert_equal "$(jq -c '[.entities[] | select(.text == "reporters" or .text == "counterparts")]' <<<"$(sed -n 7p <<<"$output")")" "[]"
	# gunmen, gangs and pirates are actors too
	tag '{"id":"h:0","doc":"h","sent":0,"text":"A gunman shot dead a police officer in Istanbul."}' \
	    '{"id":"i:0","doc":"i","sent":0,"text":"Pirates hijacked a cargo ship off the coast of Somalia."}'
	assert_equal "$(ents 1)" "gunman/ACTOR/TURUAF/|police officer/ACTOR/TURCOP/|Istanbul/GPE/TUR/"
	assert_equal "$(ents 2)" "Pirates/ACTOR/SOMCRM/|Somalia/GPE/SOM/"
	# troops attacked in a place may be anyone's; "military operations"
	# are no actor
	tag '{"id":"j:0","doc":"j","sent":0,"text":"Hamas attacked soldiers in Gaza after Israel expanded military operations in Gaza."}'
	assert_equal "$(ents 1)" "Hamas/ORG/PSEREB/|Gaza/GPE/PSE/|Israel/GPE/ISR/|Gaza/GPE/PSE/"
}

@test "news-tag: an office of the state named for one country is another's when the sentence says so" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Venezuela'"'"'s Supreme Court upheld the result."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"The Supreme Court ruled on Monday."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"Iran'"'"'s Hezbollah allies fired rockets."}'
	assert_success
	assert_equal "$(ents 1)" "Venezuela/GPE/VEN/|Supreme Court/ORG/VENJUD/"
	assert_equal "$(jq -r '.entities[0].code' <<<"$(sed -n 2p <<<"$output")")" "USAJUD"
	# a group is not the state's: it keeps its own code
	assert_equal "$(jq -r '.entities[] | select(.text == "Hezbollah") | .code' <<<"$(sed -n 3p <<<"$output")")" "LBNREB"
}

@test "news-tag: a dateline's town in capitals before its country is a place, and the word after the dash starts the sentence" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"TOLVANO, Italy -- Rescuers searched the hills on Monday."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"BRENKA, Kenya (AP) -- Workers went home."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"TOLVANO said it would go."}'
	assert_success
	assert_equal "$(ents 1 | cut -d'|' -f1-2)" "TOLVANO/GPE/ITA/|Italy/GPE/ITA/"
	# "Rescuers" after the dash is no person
	refute_output --partial '"Rescuers","type":"PERSON"'
	assert_equal "$(ents 2 | cut -d'|' -f1)" "BRENKA/GPE/KEN/"
	# capitals at the start with no country and dash: no dateline
	assert_equal "$(jq -r '[.entities[] | select(.text == "TOLVANO" and .type == "GPE")] | length' <<<"$(sed -n 3p <<<"$output")")" "0"
	# "(AFP) -": the agency's dash
	tag '{"id":"f:0","doc":"f","sent":0,"text":"KESHAVO (AFP) - Fighting flared in the east."}'
	refute_output --partial '"Fighting"'
	# a given name that is also a word keeps its person after the dash
	tag '{"id":"d:0","doc":"d","sent":0,"text":"PARIS -- Faith Wambui won the race on Tuesday."}'
	assert_equal "$(jq -r '[.entities[] | select(.type == "PERSON") | .text] | join("|")' <<<"$output")" "Faith Wambui"
}

@test "news-tag: an apposition says what a name of unknown words is (a local builder, a village); a given name stays a person" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"The contracts went to Vestro Lamani, a local builder."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Tolvan Krisel, a fishing village, was cut off by the flood."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"Anna Kessel, a local builder, said orders fell."}' \
	    '{"id":"d:0","doc":"d","sent":0,"text":"Marvo Tessi, a parts supplier, said orders fell."}'
	assert_success
	assert_equal "$(ents 1)" "Vestro Lamani/ORG//"
	assert_equal "$(ents 2)" "Tolvan Krisel/LOC//"
	assert_equal "$(ents 3)" "Anna Kessel/PERSON//"
	assert_equal "$(ents 4)" "Marvo Tessi/ORG//"
	# only an apposition: an object after a verb says nothing of the name
	tag '{"id":"e:0","doc":"e","sent":0,"text":"Farmer Tavo Lundimar is suing the company."}'
	assert_equal "$(ents 1)" "Tavo Lundimar/PERSON//"
}

@test "news-tag: organisations news names often: exchanges, survey and space agencies, aid groups, parties" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Trading was halted on the Hong Kong Stock Exchange, the U.S. Geological Survey said."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"The Red Crescent and the White Helmets sent teams, and ISRO launched a probe."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"Her Morena party won, and Reform UK gained seats."}'
	assert_success
	assert_equal "$(ents 1)" "Hong Kong Stock Exchange/ORG/BUS/|U.S. Geological Survey/ORG//"
	assert_equal "$(ents 2)" "Red Crescent/ORG/NGO/|White Helmets/ORG/NGO/|ISRO/ORG//"
	assert_equal "$(ents 3)" "Morena/ORG/MEXPTY/|Reform UK/ORG/GBRPTY/"
}

@test "news-tag: a nationality before a person's full name, a role after a listed organisation, a royal title, 'The Hague'" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Australian Jessica Mills took silver."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Banco de Mexico Governor Lena Ostrova said rates would hold."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"The envoy met King Charles and later flew to The Hague."}' \
	    '{"id":"d:0","doc":"d","sent":0,"text":"The United States and the King of Athens."}'
	assert_success
	assert_equal "$(ents 1)" "Australian/NORP/AUS/|Jessica Mills/PERSON//"
	assert_equal "$(ents 2)" "Banco de Mexico/ORG/MEXBNK/|Lena Ostrova/PERSON/MEXBNK/"
	assert_equal "$(jq -r '[.entities[] | .text] | join("|")' <<<"$(sed -n 3p <<<"$output")")" "Charles|The Hague"
	# a name complete without "the" leaves it out; "King of" keeps its title
	assert_equal "$(jq -r '[.entities[] | .text] | join("|")' <<<"$(sed -n 4p <<<"$output")")" "United States|King of Athens"
	# a stadium's name in its own language is a place
	tag '{"id":"e:0","doc":"e","sent":0,"text":"The final was played at the Stade Velmont and the Estadio Carvallo."}'
	assert_equal "$(ents 1)" "Stade Velmont/LOC//|Estadio Carvallo/LOC//"
}

@test "news-tag: a nationality before a water's word names a place; a name reached 'toward' is a place" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Boats crossed the English Channel and the Arabian Sea."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Families fled toward Beit al-Hanun on foot."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"The Spanish Golden Age ended."}'
	assert_success
	assert_equal "$(ents 1)" "English Channel/LOC//|Arabian Sea/LOC//"
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$(sed -n 2p <<<"$output")")" "Beit al-Hanun/GPE"
	# a nationality before other words stays a nationality
	assert_equal "$(ents 3 | cut -d/ -f1-2)" "Spanish/NORP"
}

@test "news-tag: an adjective made of a name ('Hong Kong-based', 'Iran-backed') is no entity, and the name after it still is" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Officials at a Hong Kong-based shipper declined to comment."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"The Iran-backed Houthis fired missiles at ships."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"North Korean leader Kim Jong-un met Lee Jae-myung."}'
	assert_success
	assert_equal "$(ents 1)" ""
	assert_equal "$(ents 2)" "Houthis/ORG/YEMREB/"
	# romanised names with lower-case syllables stay whole
	assert_equal "$(jq -r '[.entities[] | select(.type == "PERSON") | .text] | join("|")' <<<"$(sed -n 3p <<<"$output")")" "Kim Jong-un|Lee Jae-myung"
}

@test "news-tag: unknown names around a match score are teams; a tennis set's score is not a team's" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Tolvanese Kesh beat Marvo Gakko 2-0 in the final."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Vado United drew 1-1 with Brenford Rovers."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"Anna Kessel beat Lena Ostrova 6-3 in the first set."}'
	assert_success
	assert_equal "$(ents 1)" "Tolvanese Kesh/ORG//|Marvo Gakko/ORG//"
	assert_equal "$(ents 2)" "Vado United/ORG//|Brenford Rovers/ORG//"
	assert_equal "$(ents 3)" "Anna Kessel/PERSON//|Lena Ostrova/PERSON//"
}

@test "news-tag: a name before the word 'party' or 'company' is the party's or the firm's" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Voters backed the ruling Vardan Unity party in Kesh."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Her Tolvo party lost seats."}'
	assert_success
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$(sed -n 1p <<<"$output")")" "Vardan Unity/ORG|Kesh/GPE"
	assert_equal "$(ents 2)" "Tolvo/ORG//"
	tag '{"id":"c:0","doc":"c","sent":0,"text":"Engineers of the Vardan Power company and a Tokyo firm met."}'
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$output")" "Vardan Power/ORG|Tokyo/GPE"
}

@test "news-tag: a person's name 'of the' an organisation is two entities" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"The opposition lawmaker Darvo Menkat of the Civic Union criticised the budget."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Anna Kessel of the Red Cross said aid was blocked."}'
	assert_success
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$(sed -n 1p <<<"$output")")" "Darvo Menkat/PERSON|Civic Union/ORG"
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$(sed -n 2p <<<"$output")")" "Anna Kessel/PERSON|Red Cross/ORG"
	# after a title, any names are a person's
	tag '{"id":"c:0","doc":"c","sent":0,"text":"Dr. Tavo Lundimar of Kesh Valley University said the vaccine worked."}'
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$output")" "Tavo Lundimar/PERSON|Kesh Valley University/ORG"
}

@test "news-tag: religious leaders and forums news names often; 'Pope' stays outside the name" {
	tag '{"id":"a:0","doc":"a","date":"2024-05-01","sent":0,"text":"Pope Francis met the Dalai Lama, and envoys went to the Pacific Islands Forum."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Francis Fukuyama wrote a book."}'
	assert_success
	assert_equal "$(ents 1)" "Francis/PERSON/VATREL/|Dalai Lama/PERSON/CHNREL/|Pacific Islands Forum/ORG/IGO/"
	assert_equal "$(ents 2)" "Francis Fukuyama/PERSON//"
}

@test "news-tag: a name whose shares trade, that is bought, or that has a founder is a company; a given name stays a person" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Shares of Kovarex rose, and Tolvan Mining shares fell."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Vestral agreed to buy Dunmark for $2 billion."}' \
	    '{"id":"c:0","doc":"c","sent":0,"text":"Prosecutors charged the founder of Quorlex."}' \
	    '{"id":"d:0","doc":"d","sent":0,"text":"He wanted to buy Anna a gift."}'
	assert_success
	assert_equal "$(ents 1)" "Kovarex/ORG//|Tolvan Mining/ORG//"
	assert_equal "$(jq -r '[.entities[] | select(.type == "ORG") | .text] | join("|")' <<<"$(sed -n 2p <<<"$output")")" "Dunmark"
	assert_equal "$(ents 3)" "Quorlex/ORG//"
	assert_equal "$(ents 4)" "Anna/PERSON//"
}

@test "news-tag: two institutions' whole names joined by 'and' are two organisations" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Researchers at the University of Cape Town and Kesh University published the findings."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"The National Aeronautics and Space Administration launched it."}'
	assert_success
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$(sed -n 1p <<<"$output")")" "University of Cape Town/ORG|Kesh University/ORG"
	assert_equal "$(jq -r '[.entities[] | .text] | join("|")' <<<"$(sed -n 2p <<<"$output")")" "National Aeronautics and Space Administration"
}

@test "news-tag: a storm's name is no person and no place" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Typhoon Varno struck Haiphong, and Hurricane Milton hit Florida."}'
	assert_success
	assert_equal "$(ents 1)" "Haiphong/GPE/VNM/|Florida/GPE/USA/"
}

@test "news-tag: observatories and cartels are organisations; a rating agency's name keeps its possessive" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"According to the Kesh Observatory for Human Rights, the Vardo Cartel fought in the hills."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Moody'"'"'s downgraded the bonds."}'
	assert_success
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$(sed -n 1p <<<"$output")")" "Kesh Observatory for Human Rights/ORG|Vardo Cartel/ORG"
	assert_equal "$(ents 2)" "Moody's/ORG/BUS/"
}

@test "news-tag: particles in a row inside a name after a title ('von der', 'de la')" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Minister Rafael de la Cruvo arrived, and President Anna von der Kessel left."}'
	assert_success
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type] | join("|")' <<<"$output")" "Rafael de la Cruvo/PERSON|Anna von der Kessel/PERSON"
}

@test "news-tag: an unknown name before 'county' or 'state' is a place" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Fighters attacked Vokuma county and Tessi state on Monday."}'
	assert_success
	assert_equal "$(jq -r '[.entities[] | select(.type != "DATE") | .text + "/" + .type] | join("|")' <<<"$output")" "Vokuma/LOC|Tessi/LOC"
}

@test "news-tag: a name ending in 'Air' is an airline; central banks carry their country" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Vardo Air cancelled flights, the Air Force said, and the Bundesbank warned."}'
	assert_success
	assert_equal "$(jq -r '[.entities[] | .text + "/" + .type + "/" + (.code // "")] | join("|")' <<<"$output")" "Vardo Air/ORG/|Air Force/ORG/|Bundesbank/ORG/DEUBNK"
}

@test "news-tag: a people we list is no province of the same name" {
	tag '{"id":"a:0","doc":"a","sent":0,"text":"Somali forces clashed with Afar militias near the border."}' \
	    '{"id":"b:0","doc":"b","sent":0,"text":"Somali officials met Ethiopian envoys."}'
	assert_success
	assert_equal "$(jq -r '.entities[0] | "\(.text)/\(.code)"' <<<"$(sed -n 1p <<<"$output")")" "Somali forces/SOMMIL"
	assert_equal "$(jq -r '.entities[0] | "\(.text)/\(.type)/\(.code)"' <<<"$(sed -n 2p <<<"$output")")" "Somali officials/ACTOR/SOMGOV"
}
