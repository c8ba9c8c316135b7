/* news-events: who did what to whom, when (CAMEO event coding). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ev_emit.h"
#include "events.h"
#include "news_dict.h"
#include "news_err.h"
#include "news_json.h"
#include "news_opts.h"
#include "news_run.h"

extern const news_blob news_events_dicts[];
extern const size_t news_events_dicts_count;

enum { OPT_DICT = 256, OPT_PLOVER, OPT_NO_FALLBACK, OPT_MAX_FALLBACK,
	OPT_NO_LOCATION };

static const news_option options[] = {
	{ "dict", 'd', required_argument, OPT_DICT, "FILE",
	  "add the words and patterns of FILE (the format of news-events(1)) to "
	  "the built-in dictionaries; may be given more than once" },
	{ "plover", 0, no_argument, OPT_PLOVER, NULL,
	  "add \"plover\": the PLOVER category of the event code (null for "
	  "CAMEO 01 and 02, which PLOVER drops)" },
	{ "no-fallback", 0, no_argument, OPT_NO_FALLBACK, NULL,
	  "code only dictionary triggers, not the charges of reported speech "
	  "(\"A said B is aggressive\")" },
	{ "max-fallback", 0, required_argument, OPT_MAX_FALLBACK, "N",
	  "at most N events per sentence without a dictionary trigger "
	  "(default 1)" },
	{ "no-location", 0, no_argument, OPT_NO_LOCATION, NULL,
	  "do not look places up (location keeps the text and country)" },
	{ 0 },
};

static const news_program program = {
	.name = "news-events",
	.usage = "[OPTION]... [FILE]...",
	.summary = "Read tagged sentences (news-tag) as JSON Lines and write one "
	    "record per political event: source and target actors, CAMEO code, "
	    "root, quad class, Goldstein value, date and place.",
	.options = options,
	.details = "Sentences of one document must come together and in order "
	    "(a new document starts where \"doc\" changes): pronouns and \"the "
	    "two sides\" are resolved within a document.  A sentence without "
	    "entities gives no event; a record without \"text\" or \"entities\" is "
	    "reported (exit status 1).",
};

typedef struct events_state {
	ev_lex *lx;
	ev_coder_opts coder;
	ev_emit_opts emit;
	const char **dicts;
	int n_dicts;
	ev_sent sent;
	ev_docctx doc;
	ev_result res;
	news_buf base;
	news_buf scratch;
	unsigned long long other_lang;
} events_state;

static void
handle_option(int id, const char *arg, void *user)
{
	events_state *st = user;
	switch (id) {
	case OPT_DICT:
		st->dicts = news_xrealloc(st->dicts, (size_t)(st->n_dicts + 1) * sizeof *st->dicts);
		st->dicts[st->n_dicts++] = arg;
		break;
	case OPT_PLOVER:
		st->emit.plover = true;
		break;
	case OPT_NO_FALLBACK:
		st->coder.allow_fallback = false;
		break;
	case OPT_MAX_FALLBACK:
		st->coder.max_fallback = (int)news_parse_number("--max-fallback", arg, 0, 1000);
		break;
	case OPT_NO_LOCATION:
		st->emit.locations = false;
		break;
	}
}

static void
load_dicts(events_state *st)
{
	/* words first: the irregular verbs inflect the patterns */
	static const char *const order[] = { "words", "verbs" };
	const news_blob *cameo = news_blob_find(news_events_dicts,
	    news_events_dicts_count, "cameo");
	if (!cameo)
		news_die(NEWS_EXIT_USAGE, "built-in dictionary 'cameo' missing");
	ev_cameo_load(cameo->data, cameo->len, "cameo.txt");
	st->lx = ev_lex_new();
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		const news_blob *b = news_blob_find(news_events_dicts,
		    news_events_dicts_count, order[i]);
		if (!b)
			news_die(NEWS_EXIT_USAGE, "built-in dictionary '%s' missing", order[i]);
		char name[64];
		snprintf(name, sizeof name, "%s.txt", order[i]);
		ev_lex_load(st->lx, b->data, b->len, name);
	}
	for (int i = 0; i < st->n_dicts; i++) {
		news_buf data = { 0 };
		news_dict_read_file(st->dicts[i], &data);
		ev_lex_load(st->lx, data.data, data.len, st->dicts[i]);
		news_buf_free(&data);
	}
	ev_lex_finish(st->lx);
}

/* "DOC:SENT" for the event ids; also notices a new document. */
static void
event_base(news_ctx *ctx, news_record *rec, events_state *st)
{
	const news_json_member *doc = news_record_get(rec, "doc");
	const news_json_member *sent = news_record_get(rec, "sent");
	news_buf_clear(&st->base);
	if (doc && doc->type != NEWS_JSON_NULL) {
		if (!st->doc.have_doc || st->doc.doc.len != doc->val_len ||
		    memcmp(st->doc.doc.data, doc->val, doc->val_len) != 0) {
			ev_doc_reset(&st->doc);
			news_buf_clear(&st->doc.doc);
			news_buf_add(&st->doc.doc, doc->val, doc->val_len);
			st->doc.have_doc = true;
		}
		if (doc->type == NEWS_JSON_STRING)
			news_json_decode_string(doc->val, doc->val_len, &st->base);
		else
			news_buf_add(&st->base, doc->val, doc->val_len);
		news_buf_addc(&st->base, ':');
		if (sent && sent->type == NEWS_JSON_NUMBER)
			news_buf_add(&st->base, sent->val, sent->val_len);
		else if (sent && sent->type == NEWS_JSON_STRING)
			news_json_decode_string(sent->val, sent->val_len, &st->base);
		else
			news_buf_printf(&st->base, "%llu", (unsigned long long)ctx->line);
		return;
	}
	/* a record without doc is a document of its own */
	ev_doc_reset(&st->doc);
	st->doc.have_doc = false;
	const char *id;
	size_t len;
	if (news_record_string(rec, "id", &id, &len) == 1)
		news_buf_add(&st->base, id, len);
	else
		news_buf_printf(&st->base, "%s:%llu", ctx->file, (unsigned long long)ctx->line);
}

static int
process(news_ctx *ctx, news_record *rec, void *user)
{
	events_state *st = user;
	const char *text;
	size_t len;

	if (news_record_string(rec, "text", &text, &len) != 1) {
		news_reject(ctx, 0, "no string field 'text'");
		return 0;
	}
	const news_json_member *ents = news_record_get(rec, "entities");
	if (!ents || ents->type != NEWS_JSON_ARRAY) {
		news_reject(ctx, 0, ents ? "'entities' is not an array" :
		    "no field 'entities' (tag sentences with news-tag first)");
		return 0;
	}
	event_base(ctx, rec, st);
	const char *lang;
	size_t lang_len;
	if (news_record_string(rec, "lang", &lang, &lang_len) == 1 &&
	    !(lang_len == 2 && memcmp(lang, "en", 2) == 0) && lang_len > 0) {
		st->other_lang++;
		return 0;
	}
	/* text may live in scratch space the record reuses: keep a copy */
	news_buf_clear(&st->scratch);
	news_buf_add(&st->scratch, text, len);
	st->sent.text = st->scratch.data;
	st->sent.len = len;
	size_t bad = 0;
	ev_sent_entities(&st->sent, ents->val, ents->val_len, &bad);
	if (bad) {
		news_record_warn(ctx, "%zu entit%s with bad offsets or no type ignored",
		    bad, bad == 1 ? "y" : "ies");
		news_ctx_status(ctx, NEWS_EXIT_DATA);
	}
	ev_sent_units(&st->sent, st->lx);
	ev_doc_names(&st->doc, &st->sent);
	ev_code_sentence(&st->sent, st->lx, &st->doc, &st->coder, &st->res);
	ev_doc_note(&st->doc, &st->sent);
	ev_emit(ctx, rec, &st->sent, &st->res, st->base.data, st->base.len, &st->emit);
	return 0;
}

int
main(int argc, char **argv)
{
	events_state st = {
		.coder = { .allow_fallback = true, .max_fallback = 1,
		    .trace = getenv("NEWS_EVENTS_TRACE") != NULL },
		.emit = { .plover = false, .locations = true },
	};
	news_common_opts common;
	news_ctx ctx;

	int first = news_opts_parse(argc, argv, &program, &common, handle_option, &st);
	load_dicts(&st);
	ev_sent_init(&st.sent);
	news_ctx_init(&ctx, &common);
	news_run_jsonl(&ctx, argv + first, argc - first, process, &st);
	if (st.other_lang)
		news_warn("%llu sentence%s not in English passed over", st.other_lang,
		    st.other_lang == 1 ? "" : "s");
	int status = news_ctx_finish(&ctx);
	ev_sent_free(&st.sent);
	ev_doc_free(&st.doc);
	ev_lex_free(st.lx);
	ev_cameo_free();
	ev_geo_free();
	news_buf_free(&st.base);
	news_buf_free(&st.scratch);
	free(st.dicts);
	return status;
}
