/* strip_fuzz_common.h: what news-strip's direct fuzz targets share.
 *
 * The whole-program targets (fuzz_news-strip-{text,html,jsonl,warc}.c)
 * load the dictionaries and the language models on every input and so
 * run at 5-30 inputs a second.  The direct targets set those up once and
 * call the program's own functions on each input: the same code, a
 * thousand times faster.  They also check what the record writer would
 * trust: every text valid UTF-8, every block inside the page's text, dates
 * in YYYY-MM-DD form. */
#ifndef STRIP_FUZZ_COMMON_H
#define STRIP_FUZZ_COMMON_H

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news_dict.h"
#include "news_json.h"
#include "news_utf8.h"
#include "strip.h"
#include "strip_doc.h"

extern const news_blob news_strip_dicts[];
extern const size_t news_strip_dicts_count;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The built-in dictionaries, loaded once. */
static inline const strip_config *
fuzz_strip_config(bool keep_captions)
{
	static strip_dicts *dicts;
	static strip_config cfg[2];

	if (!dicts) {
		dicts = strip_dicts_new();
		for (size_t i = 0; i < news_strip_dicts_count; i++)
			strip_dicts_add(dicts, news_strip_dicts[i].data,
			    news_strip_dicts[i].len, news_strip_dicts[i].name);
		for (int k = 0; k < 2; k++)
			cfg[k] = (strip_config){ .dicts = dicts, .min_length = 50,
			    .keep_captions = k };
	}
	return &cfg[keep_captions];
}

static inline void
fuzz_check_date(const char *d)
{
	if (!d[0])
		return;
	assert(strlen(d) == 10 && d[4] == '-' && d[7] == '-');
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7)
			assert(d[i] >= '0' && d[i] <= '9');
	int month = (d[5] - '0') * 10 + d[6] - '0';
	int day = (d[8] - '0') * 10 + d[9] - '0';
	assert(month >= 1 && month <= 12 && day >= 1 && day <= 31);
}

static inline void
fuzz_check_string(const char *s)
{
	if (s)
		assert(news_utf8_valid(s, strlen(s)));
}

/* The blocks of a page, then the document built from them: everything a
 * record would be made of must hold together. */
static inline void
fuzz_strip_document(strip_page *page, const strip_config *cfg, int year_hint)
{
	strip_doc doc;
	news_buf explain = { 0 };
	news_json_type type;
	news_json_error err;

	for (size_t i = 0; i < page->n; i++) {
		const strip_block *b = &page->blocks[i];
		assert(b->off <= page->text.len && b->len <= page->text.len - b->off);
		assert(news_utf8_valid(page->text.data + b->off, b->len));
	}
	fuzz_check_string(page->meta_title);
	fuzz_check_string(page->meta_byline);
	fuzz_check_string(page->meta_url);
	memset(&doc, 0, sizeof doc);
	strip_document(page, cfg, year_hint, true, &doc);
	assert(news_utf8_valid(doc.text.data ? doc.text.data : "", doc.text.len));
	fuzz_check_string(doc.meta.title);
	fuzz_check_string(doc.meta.byline);
	fuzz_check_date(doc.meta.date);
	assert(!doc.lang || strlen(doc.lang) <= 3);
	strip_explain(page, &explain);
	assert(news_json_validate(explain.data, explain.len, &type, &err) == 0);
	news_buf_free(&explain);
	strip_doc_free(&doc);
}

#endif
