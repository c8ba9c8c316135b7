/* news-tag: people, organisations, places, nationalities and dates in
 * sentence records, with CAMEO-style actor codes. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news_dict.h"
#include "news_err.h"
#include "news_json.h"
#include "news_opts.h"
#include "news_run.h"
#include "news_utf8.h"
#include "tag.h"

enum { OPT_DICT = 256, OPT_FIELD, OPT_NO_ACTORS, OPT_NO_CONTEXT, OPT_OUT_FIELD };

static const news_option options[] = {
	{ "dict", 'd', required_argument, OPT_DICT, "FILE",
	  "add the entries of a dictionary file (format in news-tag(1)); may be "
	  "given more than once; its entries win over the built-in ones" },
	{ "field", 'f', required_argument, OPT_FIELD, "NAME",
	  "the field holding the sentence (default: text)" },
	{ "entities-field", 0, required_argument, OPT_OUT_FIELD, "NAME",
	  "the field entities are written to (default: entities)" },
	{ "no-actors", 0, no_argument, OPT_NO_ACTORS, NULL,
	  "no ACTOR entities for unnamed roles (\"the foreign ministry\")" },
	{ "no-context", 0, no_argument, OPT_NO_CONTEXT, NULL,
	  "tag each sentence alone, without what its document named before" },
	{ 0 },
};

static const news_program program = {
	.name = "news-tag",
	.usage = "[OPTION]... [FILE]...",
	.summary = "Read sentence records (JSON Lines, as news-split writes them) "
	    "and append \"entities\": people, organisations, places, "
	    "nationalities, dates, times, amounts and unnamed actors, with "
	    "CAMEO-style actor codes (KORGOV, IGOUNO) and normalised dates.",
	.options = options,
	.details = "Sentences of one document must be adjacent and in order (a "
	    "new document starts where \"doc\" changes); later mentions such as "
	    "\"Park\" or \"the North\" take the code of an earlier full mention. "
	    "A record without the text field is reported and left out (exit "
	    "status 1); a record whose \"lang\" is not English passes through "
	    "untagged.",
};

typedef struct tag_state {
	tag_opts opts;
	const char *field;
	const char *out_field;
	bool context;
	const char **dicts;
	size_t n_dicts;
	tag_lex *lx;
	tag_sent sent;
	tag_doc doc;
	news_buf text_copy;
	uint64_t other_lang;
} tag_state;

static void
handle_option(int id, const char *arg, void *user)
{
	tag_state *st = user;

	switch (id) {
	case OPT_DICT:
		st->dicts = news_xrealloc(st->dicts, (st->n_dicts + 1) * sizeof *st->dicts);
		st->dicts[st->n_dicts++] = arg;
		break;
	case OPT_FIELD:
		if (!*arg)
			news_usage_error("--field needs a name");
		st->field = arg;
		break;
	case OPT_OUT_FIELD:
		if (!*arg)
			news_usage_error("--entities-field needs a name");
		st->out_field = arg;
		break;
	case OPT_NO_ACTORS:
		st->opts.nominals = false;
		break;
	case OPT_NO_CONTEXT:
		st->context = false;
		break;
	}
}

/* English unless the record says otherwise: "en", "en-GB", null, absent. */
static bool
is_english(news_record *rec)
{
	const char *lang;
	size_t n;
	if (news_record_string(rec, "lang", &lang, &n) != 1 || n == 0)
		return true;
	return n >= 2 && (lang[0] == 'e' || lang[0] == 'E') &&
	    (lang[1] == 'n' || lang[1] == 'N') && (n == 2 || lang[2] == '-' ||
	    lang[2] == '_');
}

/* Keep the document context while "doc" stays the same. */
static void
track_document(tag_state *st, news_record *rec)
{
	const news_json_member *m = news_record_get(rec, "doc");
	if (!st->context || !m || m->type == NEWS_JSON_NULL) {
		tag_doc_reset(&st->doc);
		return;
	}
	if (st->doc.has_id && st->doc.id.len == m->val_len &&
	    memcmp(st->doc.id.data, m->val, m->val_len) == 0)
		return;
	tag_doc_reset(&st->doc);
	news_buf_add(&st->doc.id, m->val, m->val_len);
	st->doc.has_id = true;
}

static int32_t
record_date(news_record *rec)
{
	const char *d;
	size_t n;
	if (news_record_string(rec, "date", &d, &n) != 1 || n < 10)
		return 0;
	int32_t v = tag_parse_iso_date(d, n > 10 && (d[10] == 'T' || d[10] == ' ') ? n : 10);
	return v > 0 && v % 100 ? v : 0;
}

static int
cmp_entities(const void *a, const void *b)
{
	const tag_entity *x = a, *y = b;
	return x->b < y->b ? -1 : x->b > y->b;
}

static void
write_entities(tag_state *st, news_buf *out)
{
	tag_sent *s = &st->sent;
	if (s->n_ents > 1)
		qsort(s->ents, s->n_ents, sizeof *s->ents, cmp_entities);
	news_cp_cursor cs, ce;
	news_cp_cursor_init(&cs, s->text);
	news_cp_cursor_init(&ce, s->text);
	news_buf_addc(out, '[');
	bool first = true;
	for (size_t i = 0; i < s->n_ents; i++) {
		const tag_entity *e = &s->ents[i];
		if (e->dropped)
			continue;
		if (!first)
			news_buf_addc(out, ',');
		first = false;
		news_buf_adds(out, "{\"text\":");
		news_json_put_string(out, s->text + e->b, e->e - e->b);
		news_buf_adds(out, ",\"type\":\"");
		news_buf_adds(out, tag_type_names[e->type]);
		news_buf_adds(out, "\",\"start\":");
		news_json_put_uint(out, news_cp_at(&cs, e->b));
		news_buf_adds(out, ",\"end\":");
		news_json_put_uint(out, news_cp_at(&ce, e->e));
		if (e->code[0]) {
			news_buf_adds(out, ",\"code\":");
			news_json_put_cstring(out, e->code);
		}
		if (e->type == TT_DATE && e->value[0]) {
			news_buf_adds(out, ",\"value\":");
			news_json_put_cstring(out, e->value);
		}
		news_buf_addc(out, '}');
	}
	news_buf_addc(out, ']');
}

static int
process(news_ctx *ctx, news_record *rec, void *user)
{
	tag_state *st = user;
	const char *text;
	size_t len;

	track_document(st, rec);
	if (!is_english(rec)) {
		st->other_lang++;
		news_record_emit(rec, news_ctx_out(ctx));
		news_ctx_end_record(ctx);
		return 0;
	}
	int32_t date = record_date(rec);
	int rc = news_record_string(rec, st->field, &text, &len);
	if (rc != 1) {
		news_reject(ctx, 0, rc == 0 ? "no field '%s'" :
		    "field '%s' is not a string", st->field);
		return 0;
	}
	/* the text must outlive the record's scratch space */
	news_buf_clear(&st->text_copy);
	news_buf_add(&st->text_copy, text, len);
	news_buf_addc(&st->text_copy, 0);
	text = st->text_copy.data;

	tag_tokenize(&st->sent, st->lx, text, len);
	st->sent.date = date;
	st->doc.date = date;
	tag_sentence(&st->sent, st->lx, st->context ? &st->doc : NULL, &st->opts);
	write_entities(st, news_record_set_begin(rec, st->out_field));
	news_record_set_end(rec);
	news_record_emit(rec, news_ctx_out(ctx));
	news_ctx_end_record(ctx);
	return 0;
}

static void
load_dictionaries(tag_state *st)
{
	st->lx = tag_lex_new();
	tag_lex_load_builtin(st->lx);
	for (size_t i = 0; i < st->n_dicts; i++) {
		news_buf data = { 0 };
		news_dict_read_file(st->dicts[i], &data);
		tag_lex_load_dict(st->lx, st->dicts[i], data.data, data.len,
		    st->dicts[i], true);
		news_buf_free(&data);
	}
	if (st->n_dicts)
		tag_lex_finish(st->lx);
}

int
main(int argc, char **argv)
{
	tag_state st = { .opts = { .nominals = true }, .field = "text",
	    .out_field = "entities", .context = true };
	news_common_opts common;
	news_ctx ctx;

	int first = news_opts_parse(argc, argv, &program, &common, handle_option, &st);
	load_dictionaries(&st);
	news_ctx_init(&ctx, &common);
	news_run_jsonl(&ctx, argv + first, argc - first, process, &st);
	if (st.other_lang)
		news_warn("%llu records in another language passed through untagged",
		    (unsigned long long)st.other_lang);
	int status = news_ctx_finish(&ctx);
	tag_sent_free(&st.sent);
	tag_doc_free(&st.doc);
	tag_lex_free(st.lx);
	news_buf_free(&st.text_copy);
	free(st.dicts);
	return status;
}
