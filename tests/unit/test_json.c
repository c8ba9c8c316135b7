/* The JSON scanner accepts exactly RFC 8259 and records edits faithfully. */
#include <inttypes.h>
#include "unit.h"

#include "news_json.h"
#include "news_record.h"

static int
valid(const char *s)
{
	news_json_error err;
	return news_json_validate(s, strlen(s), NULL, &err) == 0;
}

static void
check_grammar(void)
{
	const char *good[] = {
		"{}", "[]", "0", "-0", "1.5e+10", "123456789012345678901234567890",
		"1e400", "\"a\\u00e9\\ud83d\\ude00\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
		" { \"a\" : [ 1 , { } , [ ] , null , true , false ] } ",
		"\"\\ud800\"",          /* lone surrogates are grammatical */
		"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
	};
	const char *bad[] = {
		"", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[,1]",
		"{a:1}", "{'a':1}", "01", "1.", ".5", "1e", "-", "+1", "0x10", "NaN",
		"Infinity", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"a\tb\"",
		"{} {}", "[1 2]", "{\"a\":1 \"b\":2}", "\"\\u00zz\"",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		if (!valid(good[i])) {
			fprintf(stderr, "rejected valid JSON: %s\n", good[i]);
			unit_failures++;
		}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (valid(bad[i])) {
			fprintf(stderr, "accepted invalid JSON: %s\n", bad[i]);
			unit_failures++;
		}
	/* a NUL byte inside a string */
	news_json_error err;
	CHECK(news_json_validate("\"a\0b\"", 5, NULL, &err) < 0 && err.offset == 2);
	/* deep nesting is bounded by memory, not the C stack */
	size_t depth = 1000000;
	char *deep = malloc(2 * depth);
	memset(deep, '[', depth);
	memset(deep + depth, ']', depth);
	CHECK(news_json_validate(deep, 2 * depth, NULL, &err) == 0);
	free(deep);
}

static void
emit(news_record *r, const char *want)
{
	news_buf out = { 0 };
	news_record_emit(r, &out);
	CHECK_STR(out.data, out.len, want);
	news_buf_free(&out);
}

static void
check_edits(void)
{
	const char *line = "{\"id\":\"d\", \"n\":1.50, \"text\":\"a\\u00e9\",\"x\":{\"y\":2}}";
	news_record r;
	news_json_error err;
	news_record_init(&r);
	CHECK(news_record_parse(&r, line, strlen(line), &err) == 0);

	const char *t;
	size_t len;
	CHECK(news_record_string(&r, "text", &t, &len) == 1);
	CHECK_STR(t, len, "a\xc3\xa9");
	CHECK(news_record_string(&r, "n", &t, &len) == -1);
	CHECK(news_record_string(&r, "none", &t, &len) == 0);
	news_json_member m;
	CHECK(news_record_path(&r, "x.y", &m) && m.val_len == 1 && m.val[0] == '2');
	CHECK(!news_record_path(&r, "x.z", &m));

	emit(&r, "{\"id\":\"d\", \"n\":1.50, \"text\":\"a\\u00e9\",\"x\":{\"y\":2}}\n");
	news_record_set_string(&r, "text", "new \"one\"", 9);
	news_record_set_int(&r, "sent", 3);
	emit(&r, "{\"id\":\"d\", \"n\":1.50, \"text\":\"new \\\"one\\\"\",\"x\":{\"y\":2},\"sent\":3}\n");
	news_record_delete(&r, "id");
	emit(&r, "{\"n\":1.50, \"text\":\"new \\\"one\\\"\",\"x\":{\"y\":2},\"sent\":3}\n");
	news_record_delete(&r, "x");
	emit(&r, "{\"n\":1.50, \"text\":\"new \\\"one\\\"\",\"sent\":3}\n");
	news_record_delete(&r, "n");
	news_record_delete(&r, "text");
	news_record_delete(&r, "sent");
	emit(&r, "{}\n");
	news_record_clear_edits(&r);
	emit(&r, "{\"id\":\"d\", \"n\":1.50, \"text\":\"a\\u00e9\",\"x\":{\"y\":2}}\n");

	CHECK(news_record_parse(&r, "{}", 2, &err) == 0);
	news_record_set_null(&r, "a");
	emit(&r, "{\"a\":null}\n");
	news_record_free(&r);
}

static void
check_doubles(void)
{
	struct { double v; const char *want; } cases[] = {
		{ 3.4, "3.4" }, { 1.0, "1.0" }, { -10, "-10.0" }, { 0.1, "0.1" },
		{ 1e21, "1e+21" }, { 2.5e-7, "2.5e-07" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		news_buf b = { 0 };
		news_json_put_double(&b, cases[i].v);
		CHECK_STR(b.data, b.len, cases[i].want);
		news_buf_free(&b);
	}
	news_buf b = { 0 };
	news_json_put_string(&b, "a\"\\\n\x01z", 6);
	CHECK_STR(b.data, b.len, "\"a\\\"\\\\\\n\\u0001z\"");
	news_buf_free(&b);
}


/* Integers are written without printf: every digit count, both ends. */
static void
check_integers(void)
{
	char want[32];
	uint64_t v = 0;
	for (int digits = 1; digits <= 20; digits++) {
		uint64_t tries[] = { v, v ? v * 10 - 1 : 9 };
		for (int k = 0; k < 2; k++) {
			news_buf b = { 0 };
			news_json_put_uint(&b, tries[k]);
			snprintf(want, sizeof want, "%" PRIu64, tries[k]);
			CHECK_STR(b.data, b.len, want);
			news_buf_free(&b);
		}
		v = v ? v * 10 : 10;
		if (digits == 19)
			break;
	}
	int64_t ints[] = { 0, -1, 42, -100, INT64_MAX, INT64_MIN };
	for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
		news_buf b = { 0 };
		news_json_put_int(&b, ints[i]);
		snprintf(want, sizeof want, "%" PRId64, ints[i]);
		CHECK_STR(b.data, b.len, want);
		news_buf_free(&b);
	}
	news_buf b = { 0 };
	news_json_put_uint(&b, UINT64_MAX);
	CHECK_STR(b.data, b.len, "18446744073709551615");
	news_buf_free(&b);
}

/* Long strings are scanned and decoded many bytes at a time: an escape,
 * a quote or a control character must be found at every offset, in the
 * middle of a run and in its last bytes. */
static void
check_long_strings(void)
{
	for (size_t len = 1; len <= 70; len++)
		for (size_t at = 0; at < len; at++) {
			/* "xxx\nxxx": the escape at `at` decodes to one '\n' */
			news_buf raw = { 0 }, want = { 0 }, got = { 0 };
			news_buf_addc(&raw, '"');
			for (size_t i = 0; i < len; i++) {
				char c = (char)('a' + i % 26);
				if (i == at) {
					news_buf_add(&raw, "\\n", 2);
					news_buf_addc(&want, '\n');
				} else {
					news_buf_addc(&raw, c);
					news_buf_addc(&want, c);
				}
			}
			news_buf_addc(&raw, '"');
			news_json_error err;
			CHECK(news_json_validate(raw.data, raw.len, NULL, &err) == 0);
			news_json_decode_string(raw.data, raw.len, &got);
			CHECK_STR(got.data, got.len, want.data ? (news_buf_addc(&want, 0),
			    want.data) : "");
			/* a raw control character there is an error at its offset */
			raw.data[1 + at] = '\t';
			CHECK(news_json_validate(raw.data, raw.len, NULL, &err) < 0 &&
			    err.offset == 1 + at);
			/* and a quote ends the string early: extra data after it */
			raw.data[1 + at] = '"';
			CHECK(news_json_validate(raw.data, raw.len, NULL, &err) < 0 &&
			    (len == 1 || err.offset == 2 + at));
			news_buf_free(&raw);
			news_buf_free(&want);
			news_buf_free(&got);
		}
}

/* Strings dense with escapes (HTML in JSON has one every twenty bytes or
 * so, runs of backslashes in scripts): random mixes of plain bytes and
 * every kind of escape, at every offset of the 64-byte blocks the scanner
 * and decoder work in, decode as a byte-at-a-time reading says; an
 * invalid escape or a control character anywhere is an error at its
 * offset. */
static void
check_dense_escapes(void)
{
	static const struct { const char *raw, *dec; } pieces[] = {
		{"a", "a"}, {"<p class=", "<p class="}, {"\\\"", "\""},
		{"\\\\", "\\"}, {"\\/", "/"}, {"\\n", "\n"}, {"\\t", "\t"},
		{"\\r", "\r"}, {"\\b", "\b"}, {"\\f", "\f"},
		{"\\u00e9", "\xc3\xa9"}, {"\\ud83d\\ude00", "\xf0\x9f\x98\x80"},
		{"\\\\\\\"", "\\\""}, {"\xc3\xa9", "\xc3\xa9"},
		{"0123456789abcdefghijklmnopqrstuvwxyz", "0123456789abcdefghijklmnopqrstuvwxyz"},
	};
	const size_t n_pieces = sizeof pieces / sizeof *pieces;
	unsigned seed = 12345;
	for (int round = 0; round < 3000; round++) {
		news_buf raw = { 0 }, want = { 0 }, got = { 0 };
		news_buf kind = { 0 };  /* of each raw byte: p plain, e an escape's start */
		news_buf_addc(&raw, '"');
		news_buf_addc(&kind, 'q');
		size_t n = (size_t)(round % 60) + 1;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			size_t k = (seed >> 16) % n_pieces;
			size_t rl = strlen(pieces[k].raw);
			news_buf_add(&raw, pieces[k].raw, rl);
			news_buf_add(&want, pieces[k].dec, strlen(pieces[k].dec));
			bool esc = pieces[k].raw[0] == '\\';
			for (size_t j = 0; j < rl; j++)
				news_buf_addc(&kind, esc ? (j == 0 ? 'e' : '-') : 'p');
		}
		news_buf_addc(&raw, '"');
		news_buf_addc(&want, 0);
		news_json_error err;
		CHECK(news_json_validate(raw.data, raw.len, NULL, &err) == 0);
		news_json_decode_string(raw.data, raw.len, &got);
		CHECK_STR(got.data, got.len, want.data);
		/* an escape made invalid, a plain byte made a control character:
		 * an error at their offset */
		for (size_t at = 1; at + 1 < raw.len; at += 1 + (seed >> 20) % 7) {
			char was = raw.data[at + 1];
			if (kind.data[at] == 'e') {
				raw.data[at + 1] = 'x';
				CHECK(news_json_validate(raw.data, raw.len, NULL, &err) < 0 &&
				    err.offset == at);
				raw.data[at + 1] = was;
			} else if (kind.data[at] == 'p') {
				was = raw.data[at];
				raw.data[at] = '\x01';
				CHECK(news_json_validate(raw.data, raw.len, NULL, &err) < 0 &&
				    err.offset == at);
				raw.data[at] = was;
			}
		}
		news_buf_free(&kind);
		news_buf_free(&raw);
		news_buf_free(&want);
		news_buf_free(&got);
	}
}

int
main(void)
{
	check_grammar();
	check_long_strings();
	check_dense_escapes();
	check_edits();
	check_doubles();
	check_integers();
	UNIT_END();
}
