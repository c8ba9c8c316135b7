/* news-events' coder on arbitrary tagged sentences, the dictionaries
 * loaded once (the whole-program target, fuzz_news-events.c, loads them
 * for every input): the user's entities array (any JSON), the units and
 * patterns, document context, and the event records written.
 *
 * Input: JSON Lines of tagged sentences, as news-tag writes them (the seed
 * corpus is news-tag's output on the examples).  Each line is read as the
 * record loop would (repaired UTF-8, a strict JSON object), then coded as
 * news-events' process() does.  Checks: every line written is a JSON
 * object with a CAMEO code of two to four digits. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ev_emit.h"
#include "events.h"
#include "news_dict.h"
#include "news_io.h"
#include "news_json.h"
#include "news_record.h"
#include "news_run.h"
#include "news_utf8.h"

extern const news_blob news_events_dicts[];
extern const size_t news_events_dicts_count;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* As news-events' load_dicts(), built-in dictionaries only. */
static ev_lex *
load_lexicon(void)
{
	static const char *const order[] = { "words", "verbs" };
	const news_blob *cameo = news_blob_find(news_events_dicts,
	    news_events_dicts_count, "cameo");
	ev_cameo_load(cameo->data, cameo->len, "cameo.txt");
	ev_lex *lx = ev_lex_new();
	for (size_t i = 0; i < 2; i++) {
		const news_blob *b = news_blob_find(news_events_dicts,
		    news_events_dicts_count, order[i]);
		ev_lex_load(lx, b->data, b->len, order[i]);
	}
	ev_lex_finish(lx);
	return lx;
}

static void
check_output(news_buf *out)
{
	news_json_object o = { 0 };
	news_json_error err;
	if (!out->len)
		return;         /* no event: the buffer may be NULL */
	const char *p = out->data, *end = out->data + out->len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		assert(nl);
		assert(news_utf8_valid(p, (size_t)(nl - p)));
		assert(news_json_scan_object(&o, p, (size_t)(nl - p), &err) == 0);
		const news_json_member *code = news_json_find(&o, "code", 4);
		assert(code && code->type == NEWS_JSON_STRING);
		assert(code->val_len >= 4 && code->val_len <= 6);
		for (size_t k = 1; k + 1 < code->val_len; k++)
			assert(code->val[k] >= '0' && code->val[k] <= '9');
		p = nl + 1;
	}
	news_json_object_free(&o);
	news_buf_clear(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static ev_lex *lx;
	static news_common_opts common;
	ev_coder_opts coder = { .allow_fallback = true, .max_fallback = 1 };
	ev_emit_opts emit = { .plover = size && (data[0] & 1), .locations = true };
	news_ctx ctx;
	news_record rec;
	news_json_error err;
	ev_sent sent;
	ev_docctx doc;
	static ev_result res;
	news_buf base = { 0 }, text = { 0 }, fixed = { 0 };

	if (!lx)
		lx = load_lexicon();
	memset(&ctx, 0, sizeof ctx);
	ctx.opts = &common;
	ctx.file = "fuzz";
	news_writer_init(&ctx.out, -1, "fuzz");
	ctx.out.flush_at = SIZE_MAX;
	ctx.out.line_buffered = false;
	news_record_init(&rec);
	ev_sent_init(&sent);
	memset(&doc, 0, sizeof doc);
	memset(&res, 0, sizeof res);

	const char *p = (const char *)data, *end = p + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *q = nl ? nl : end;
		ctx.line++;
		news_buf_clear(&fixed);
		news_utf8_repair(p, (size_t)(q - p), &fixed);
		p = q + 1;
		if (news_record_parse(&rec, fixed.data ? fixed.data : "", fixed.len, &err) < 0)
			continue;
		const char *t;
		size_t len;
		const news_json_member *ents = news_record_get(&rec, "entities");
		if (news_record_string(&rec, "text", &t, &len) != 1 || !ents ||
		    ents->type != NEWS_JSON_ARRAY)
			continue;
		/* a new document where "doc" changes (main.c's event_base) */
		const news_json_member *d = news_record_get(&rec, "doc");
		if (!d || !doc.have_doc || doc.doc.len != d->val_len ||
		    memcmp(doc.doc.data, d->val, d->val_len) != 0) {
			ev_doc_reset(&doc);
			news_buf_clear(&doc.doc);
			if (d)
				news_buf_add(&doc.doc, d->val, d->val_len);
			doc.have_doc = d != NULL;
		}
		news_buf_clear(&base);
		news_buf_printf(&base, "fuzz:%llu", (unsigned long long)ctx.line);
		news_buf_clear(&text);
		news_buf_add(&text, t, len);
		sent.text = text.data ? text.data : "";
		sent.len = len;
		size_t bad = 0;
		ev_sent_entities(&sent, ents->val, ents->val_len, &bad);
		ev_sent_units(&sent, lx);
		ev_doc_names(&doc, &sent);
		ev_code_sentence(&sent, lx, &doc, &coder, &res);
		ev_doc_note(&doc, &sent);
		ev_emit(&ctx, &rec, &sent, &res, base.data, base.len, &emit);
		check_output(&ctx.out.buf);
	}
	news_buf_free(&ctx.out.buf);
	news_record_free(&rec);
	ev_sent_free(&sent);
	ev_doc_free(&doc);
	news_buf_free(&base);
	news_buf_free(&text);
	news_buf_free(&fixed);
	return 0;
}
