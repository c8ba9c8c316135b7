/* news-tag's tagger on arbitrary sentences, the lexicon loaded once (the
 * whole-program target, fuzz_news-tag.c, loads it for every input and runs
 * a few inputs a second): tokenizer, dates, names, actor codes and the
 * document context that carries names from one sentence to the next.
 *
 * Input: a flags byte (bit 0: no ACTOR entities, as --no-actors; bit 1:
 * every sentence a document of its own, as --no-context; bits 2-3: the
 * sentence date), then sentences separated by 0xFF bytes (never part of
 * UTF-8).  Each is repaired to UTF-8 as the record loop would; a NUL or a
 * newline inside is kept, as JSON's \u0000 and \n would give them.
 *
 * Checks, for every entity: its span lies inside the sentence on
 * character boundaries, its type is one news-tag names, its code and date
 * value are short ASCII strings of the documented forms. */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news_buf.h"
#include "news_utf8.h"
#include "tag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
char_boundary(const char *s, size_t len, size_t i)
{
	return i == len || ((unsigned char)s[i] & 0xC0) != 0x80;
}

static void
check_entities(const tag_sent *s)
{
	for (size_t i = 0; i < s->n_ents; i++) {
		const tag_entity *e = &s->ents[i];
		if (e->dropped)
			continue;
		assert(e->b < e->e && e->e <= s->len);
		assert(char_boundary(s->text, s->len, e->b));
		assert(char_boundary(s->text, s->len, e->e));
		assert(e->type < TT_TYPES);
		size_t n = strnlen(e->code, sizeof e->code);
		assert(n < sizeof e->code);
		for (size_t k = 0; k < n; k++)
			assert((e->code[k] >= 'A' && e->code[k] <= 'Z') ||
			    (e->code[k] >= '0' && e->code[k] <= '9'));
		n = strnlen(e->value, sizeof e->value);
		assert(n < sizeof e->value);
		if (n) {
			/* YYYY, YYYY-MM or YYYY-MM-DD */
			assert(e->type == TT_DATE);
			assert(n == 4 || n == 7 || n == 10);
			for (size_t k = 0; k < n; k++)
				assert(k == 4 || k == 7 ? e->value[k] == '-' :
				    e->value[k] >= '0' && e->value[k] <= '9');
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static tag_lex *lx;
	static const int32_t dates[4] = { 0, 20220120, 20000229, 20991231 };
	tag_sent sent;
	tag_doc doc;
	news_buf text = { 0 };

	if (size < 1)
		return 0;
	if (!lx) {
		lx = tag_lex_new();
		tag_lex_load_builtin(lx);
	}
	unsigned flags = data[0];
	tag_opts opts = { .nominals = !(flags & 1) };
	memset(&sent, 0, sizeof sent);
	memset(&doc, 0, sizeof doc);
	const uint8_t *p = data + 1, *end = data + size;
	while (p <= end) {
		const uint8_t *sep = memchr(p, 0xFF, (size_t)(end - p));
		const uint8_t *q = sep ? sep : end;
		news_buf_clear(&text);
		news_utf8_repair((const char *)p, (size_t)(q - p), &text);
		news_buf_addc(&text, '\0');     /* as main.c's copy */
		if (flags & 2)
			tag_doc_reset(&doc);
		tag_tokenize(&sent, lx, text.data, text.len - 1);
		sent.date = dates[(flags >> 2) & 3];
		doc.date = sent.date;
		tag_sentence(&sent, lx, &doc, &opts);
		check_entities(&sent);
		p = q + 1;
	}
	tag_sent_free(&sent);
	tag_doc_free(&doc);
	news_buf_free(&text);
	return 0;
}
