/* news-split: one record per sentence, with code point offsets into the
 * document text. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "news_dict.h"
#include "news_err.h"
#include "news_json.h"
#include "news_opts.h"
#include "news_run.h"
#include "split.h"

enum { OPT_LANG = 256, OPT_DICT, OPT_FIELD };

static const news_option options[] = {
	{ "lang", 'l', required_argument, OPT_LANG, "CODE",
	  "the language of documents without a \"lang\" field (ISO 639-1; "
	  "default: en); languages without a dictionary of their own get the "
	  "rules every language shares" },
	{ "dict", 'd', required_argument, OPT_DICT, "FILE",
	  "add the abbreviations and sentence starters in FILE to the built-in "
	  "ones (format: see news-split(1)); may be given more than once" },
	{ "field", 'f', required_argument, OPT_FIELD, "NAME",
	  "the field that holds the document text, and each sentence's text "
	  "(default: text)" },
	{ 0 },
};

static const news_program program = {
	.name = "news-split",
	.usage = "[OPTION]... [FILE]...",
	.summary = "Cut documents into sentences: one record per sentence with "
	    "the document's fields, \"id\" DOC:N and \"text\" replaced, and "
	    "\"doc\", \"sent\", \"start\" and \"end\" (code points into the "
	    "document text) added.  Reads JSON Lines, or raw text (each input "
	    "one document, id \"stdin\" or the file name without its "
	    "extension).",
	.options = options,
	.details = "A record without a string text field is reported and left "
	    "out (exit status 1); the others are still split.",
	.shared = NEWS_OPT_INPUT_MODE,
};

typedef struct split_opts {
	const char *lang;
	const char **dicts;
	size_t n_dicts;
	const char *field;
} split_opts;

static void
handle_option(int id, const char *arg, void *user)
{
	split_opts *o = user;
	size_t n;

	switch (id) {
	case OPT_LANG:
		n = strlen(arg);
		if (n < 2 || n > 8 || strspn(arg, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_") != n)
			news_usage_error("--lang: '%s' is not a language code", arg);
		o->lang = arg;
		break;
	case OPT_DICT:
		o->dicts = news_xrealloc(o->dicts, (o->n_dicts + 1) * sizeof *o->dicts);
		o->dicts[o->n_dicts++] = arg;
		break;
	case OPT_FIELD:
		if (!*arg)
			news_usage_error("--field needs a name");
		for (const char *const *k = (const char *const[]){ "id", "doc", "sent",
		    "start", "end", NULL }; *k; k++)
			if (strcmp(arg, *k) == 0)
				news_usage_error("--field: '%s' is a field news-split "
				    "writes itself", arg);
		o->field = arg;
		break;
	}
}

/* Code points in s[0..n): bytes that do not continue a UTF-8 sequence,
 * sixteen at a time where SSE2 is there (every byte is counted once). */
static size_t
count_cp(const char *s, size_t n)
{
	size_t count = 0, i = 0;
#if defined(__SSE2__)
	/* signed, 0x80-0xBF are the bytes below -64; per-byte counters are
	 * summed before they can overflow */
	const __m128i cont = _mm_set1_epi8(-65), one = _mm_set1_epi8(1),
	    zero = _mm_setzero_si128();
	while (i + 16 <= n) {
		__m128i acc = zero;
		for (int k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			acc = _mm_add_epi8(acc, _mm_and_si128(_mm_cmpgt_epi8(v, cont), one));
		}
		__m128i sum = _mm_sad_epu8(acc, zero);
		count += (size_t)_mm_cvtsi128_si32(sum) +
		    (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	}
#endif
	for (; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

/* The code point offset of byte offset `byte`, which never goes back. */
static uint64_t
cp_at(splitter *sp, size_t byte)
{
	news_cp_cursor *c = &sp->cursor;
	c->cp += count_cp(c->base + c->byte, byte - c->byte);
	c->byte = byte;
	return sp->base_cp + c->cp;
}

void
split_put_sentence(void *user, size_t start, size_t end)
{
	splitter *sp = user;
	uint64_t a = cp_at(sp, start);
	uint64_t b = cp_at(sp, end);

	split_template_emit(sp->tpl, news_ctx_out(sp->ctx), sp->sent++,
	    sp->text + start, end - start, a, b);
	news_ctx_end_record(sp->ctx);
}

/* The document id as JSON: the record's "id" when it is a string or a
 * number, else "FILE:LINE". */
static void
doc_id(news_ctx *ctx, const news_record *rec, news_buf *out)
{
	const news_json_member *id = news_record_get(rec, "id");

	news_buf_clear(out);
	if (id && (id->type == NEWS_JSON_STRING || id->type == NEWS_JSON_NUMBER)) {
		news_buf_add(out, id->val, id->val_len);
		return;
	}
	news_buf loc = { 0 };
	news_buf_printf(&loc, "%s:%llu",
	    strcmp(ctx->file, "<stdin>") == 0 ? "stdin" : ctx->file,
	    (unsigned long long)ctx->line);
	news_json_put_string(out, loc.data, loc.len);
	news_buf_free(&loc);
}

static int
process(news_ctx *ctx, news_record *rec, void *user)
{
	splitter *sp = user;
	const split_lang *lang = sp->lang;
	const char *text;
	size_t len;
	char code[16];

	/* the language first: reading a field may reuse the text's memory */
	if (news_record_string(rec, "lang", &text, &len) == 1 && len < sizeof code) {
		memcpy(code, text, len);
		lang = split_rules_lang(sp->rules, code, len);
	}
	int rc = news_record_string(rec, sp->field, &text, &len);
	if (rc != 1) {
		news_reject(ctx, 0, rc == 0 ? "no field '%s'" :
		    "field '%s' is not a string", sp->field);
		return 0;
	}
	news_buf id = { 0 };
	doc_id(ctx, rec, &id);
	split_template_set(sp->tpl, rec, id.data, id.len, sp->field);
	news_buf_free(&id);

	sp->text = text;
	sp->base_cp = 0;
	sp->sent = 0;
	news_cp_cursor_init(&sp->cursor, text);
	split_state_init(&sp->state);
	split_segment(lang, &sp->state, text, len, true, split_put_sentence, sp);
	return 0;
}

int
main(int argc, char **argv)
{
	split_opts o = { .lang = "en", .field = "text" };
	news_common_opts common;
	news_ctx ctx;

	int first = news_opts_parse(argc, argv, &program, &common, handle_option, &o);
	splitter sp = { .rules = split_rules_new(), .field = o.field, .ctx = &ctx,
	    .tpl = split_template_new() };
	split_rules_add_builtin(sp.rules);
	for (size_t i = 0; i < o.n_dicts; i++) {
		news_buf b = { 0 };
		news_dict_read_file(o.dicts[i], &b);
		split_rules_add(sp.rules, b.data ? b.data : "", b.len, o.dicts[i]);
		news_buf_free(&b);
	}
	sp.lang = split_rules_lang(sp.rules, o.lang, strlen(o.lang));

	news_ctx_init(&ctx, &common);
	char **paths = argv + first;
	int n = argc - first;
	for (int i = 0; i == 0 || i < n; i++) {
		const char *path = n ? paths[i] : "-";
		news_reader *r = news_reader_open(path);
		if (!r) {
			news_warn("%s:", path);
			news_ctx_status(&ctx, NEWS_EXIT_IO);
			continue;
		}
		bool text = common.input_mode == NEWS_INPUT_TEXT ||
		    (common.input_mode == NEWS_INPUT_AUTO &&
		    news_reader_peek_nonblank(r) != '{' &&
		    news_reader_peek_nonblank(r) >= 0);
		if (text)
			split_text_reader(&sp, r, path);
		else
			news_run_reader(&ctx, r, process, &sp);
		news_reader_close(r);
		if (news_stop_signal)
			break;
	}
	if (sp.cut)
		news_warn("cut %llu sentence%s longer than %d MiB",
		    (unsigned long long)sp.cut, sp.cut == 1 ? "" : "s",
		    SPLIT_MAX_SENTENCE >> 20);
	int status = news_ctx_finish(&ctx);
	split_template_free(sp.tpl);
	split_rules_free(sp.rules);
	free(o.dicts);
	return status;
}
