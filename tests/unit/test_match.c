/* news_match finds every occurrence of every pattern, overlaps included. */
#include "unit.h"

#include "news_match.h"

typedef struct hits {
	char log[512];
	size_t len;
} hits;

static int
record_hit(void *ctx, uint32_t id, size_t start, size_t end)
{
	hits *h = ctx;
	h->len += (size_t)snprintf(h->log + h->len, sizeof h->log - h->len,
	    "%u@%zu-%zu ", id, start, end);
	return 0;
}

int
main(void)
{
	news_match *m = news_match_new(NEWS_MATCH_ASCII_NOCASE);
	news_match_add(m, "he", 2, 1);
	news_match_add(m, "she", 3, 2);
	news_match_add(m, "his", 3, 3);
	news_match_add(m, "hers", 4, 4);
	news_match_add(m, "she", 3, 5);         /* same string, second id */
	news_match_compile(m);
	CHECK(news_match_count(m) == 5);

	hits h = { 0 };
	news_match_scan(m, "uSHErs", 6, record_hit, &h);
	CHECK_STR(h.log, h.len, "5@1-4 2@1-4 1@2-4 4@2-6 ");
	news_match_free(m);

	/* many patterns sharing prefixes and suffixes */
	m = news_match_new(0);
	const char *words[] = { "South Korea", "North Korea", "Korea", "Korean",
	    "Korean Peninsula", "Seoul" };
	for (uint32_t i = 0; i < 6; i++)
		news_match_add(m, words[i], strlen(words[i]), i);
	news_match_compile(m);
	const char *text = "North Korean leader in Seoul; the Korean Peninsula.";
	h.len = 0;
	news_match_scan(m, text, strlen(text), record_hit, &h);
	CHECK_STR(h.log, h.len, "1@0-11 2@6-11 3@6-12 5@23-28 2@34-39 3@34-40 4@34-50 ");
	CHECK(news_match_is_word_boundary(text, strlen(text), 11) == false);
	CHECK(news_match_is_word_boundary(text, strlen(text), 12) == true);
	CHECK(news_match_is_word_boundary("caf\xc3\xa9s", 6, 5) == false);
	news_match_free(m);
	UNIT_END();
}
