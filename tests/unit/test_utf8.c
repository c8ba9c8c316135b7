/* UTF-8 validation, repair (maximal subparts) and code point offsets. */
#include "unit.h"

#include "news_norm.h"
#include "news_utf8.h"

static void
repair(const char *in, size_t len, const char *want, size_t want_fixes)
{
	news_buf b = { 0 };
	size_t fixes = news_utf8_repair(in, len, &b);
	CHECK_STR(b.data ? b.data : "", b.len, want);
	CHECK(fixes == want_fixes);
	news_buf_free(&b);
}

int
main(void)
{
	const char *ok = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80";
	CHECK(news_utf8_valid(ok, strlen(ok)));
	CHECK(!news_utf8_valid("\xc0\xaf", 2));           /* overlong */
	CHECK(!news_utf8_valid("\xed\xa0\x80", 3));       /* surrogate */
	CHECK(!news_utf8_valid("\xf4\x90\x80\x80", 4));   /* > U+10FFFF */
	CHECK(news_utf8_valid_prefix("abcdefghij\xff", 11) == 10);
	/* long ASCII runs are checked many bytes at a time: a bad byte, or a
	 * valid "é", at every offset */
	for (size_t at = 0; at < 70; at++) {
		char buf[80];
		memset(buf, 'a', sizeof buf);
		buf[at] = (char)0xff;
		CHECK(news_utf8_valid_prefix(buf, sizeof buf) == at);
		buf[at] = (char)0xc3;
		buf[at + 1] = (char)0xa9;
		CHECK(news_utf8_valid(buf, sizeof buf));
	}
	/* a buffer of exactly 16 or 32 ASCII bytes is not read past its
	 * end (the sixteen-at-a-time loop reaches the end; fuzz finding;
	 * AddressSanitizer sees it in make asan) */
	for (size_t n = 16; n <= 32; n += 16) {
		char *heap = malloc(n);
		memset(heap, 'a', n);
		CHECK(news_utf8_valid_prefix(heap, n) == n);
		free(heap);
	}

	repair("a\xffz", 3, "a\xef\xbf\xbdz", 1);
	repair("a\xe2\x82z", 4, "a\xef\xbf\xbdz", 1);      /* truncated: one U+FFFD */
	repair("\xf0\x80\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 3);
	repair("ok", 2, "ok", 0);

	const char *s = "\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80!";
	CHECK(news_utf8_count(s, strlen(s)) == 6);
	news_cp_cursor c;
	news_cp_cursor_init(&c, s);
	CHECK(news_cp_at(&c, 2) == 1);
	CHECK(news_cp_at(&c, 10) == 5);
	CHECK(news_cp_at(&c, 3) == 2);                    /* backwards */
	CHECK(news_utf8_byte_at(s, strlen(s), 5) == 10);

	news_buf n = { 0 };
	const char *wide = "  \xef\xbc\xb3" "eoul\n  CITY ";
	news_normalize(wide, strlen(wide), &n);
	CHECK_STR(n.data, n.len, "seoul city");
	news_buf_free(&n);
	UNIT_END();
}
