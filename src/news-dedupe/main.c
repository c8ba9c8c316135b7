/* news-dedupe: pass on the first record of each duplicate group. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dedupe.h"
#include "news_err.h"
#include "news_json.h"
#include "news_opts.h"
#include "news_run.h"

enum { OPT_KEY = 256, OPT_MARK, OPT_MARK_FIELD };

static const news_option options[] = {
	{ "key", 'k', required_argument, OPT_KEY, "FIELD[,FIELD...]",
	  "records are duplicates when these fields are equal after "
	  "normalisation (Unicode NFKC, case folding, collapsed white space); "
	  "nested fields as source.code (default: text)" },
	{ "mark", 'm', no_argument, OPT_MARK, NULL,
	  "keep every record and add \"dup_of\": the id of the first record of "
	  "its group, or null" },
	{ "mark-field", 0, required_argument, OPT_MARK_FIELD, "NAME",
	  "the field --mark adds (default: dup_of)" },
	{ 0 },
};

static const news_program program = {
	.name = "news-dedupe",
	.usage = "[OPTION]... [FILE]...",
	.summary = "Read JSON Lines records and pass on the first record of each "
	    "group of duplicates; the rest are dropped, or annotated with --mark.",
	.options = options,
	.details = "A record that lacks a key field is reported and passed on "
	    "unchanged (exit status 1).",
};

typedef struct dedupe_state {
	dedupe_opts opts;
	seen_set *seen;
	news_buf scratch;
	char *key_list;         /* the --key argument, split in place */
} dedupe_state;

static void
handle_option(int id, const char *arg, void *user)
{
	dedupe_state *st = user;

	switch (id) {
	case OPT_KEY:
		free(st->key_list);
		st->key_list = news_xstrdup(arg);
		st->opts.n_keys = 0;
		for (char *save = NULL, *k = strtok_r(st->key_list, ",", &save); k;
		    k = strtok_r(NULL, ",", &save)) {
			if (st->opts.n_keys == DEDUPE_MAX_KEYS)
				news_usage_error("--key: at most %d fields", DEDUPE_MAX_KEYS);
			st->opts.keys[st->opts.n_keys++] = k;
		}
		if (!st->opts.n_keys)
			news_usage_error("--key needs at least one field name");
		break;
	case OPT_MARK:
		st->opts.mark = true;
		break;
	case OPT_MARK_FIELD:
		if (!*arg)
			news_usage_error("--mark-field needs a name");
		st->opts.mark_field = arg;
		break;
	}
}

/* The raw JSON id of a record for dup_of: its "id", else "FILE:LINE". */
static void
record_id(news_ctx *ctx, const news_record *rec, news_buf *out)
{
	const news_json_member *id = news_record_get(rec, "id");

	news_buf_clear(out);
	if (id && id->type != NEWS_JSON_NULL) {
		news_buf_add(out, id->val, id->val_len);
		return;
	}
	news_buf loc = { 0 };
	news_buf_printf(&loc, "%s:%llu", ctx->file, (unsigned long long)ctx->line);
	news_json_put_string(out, loc.data, loc.len);
	news_buf_free(&loc);
}

static int
process(news_ctx *ctx, news_record *rec, void *user)
{
	dedupe_state *st = user;
	news_hash128 h;
	const char *missing;

	if (!dedupe_key(rec, &st->opts, &st->scratch, &h, &missing)) {
		news_record_warn(ctx, "no field '%s'; record passed on unchanged",
		    missing);
		news_ctx_status(ctx, NEWS_EXIT_DATA);
		news_buf_add(news_ctx_out(ctx), rec->line + (rec->obj.start - rec->line),
		    (size_t)(rec->obj.end - rec->obj.start));
		news_buf_addc(news_ctx_out(ctx), '\n');
		news_ctx_end_record(ctx);
		return 0;
	}
	news_buf id = { 0 };
	record_id(ctx, rec, &id);
	size_t first_len;
	const char *first = seen_insert(st->seen, h, id.data, id.len, &first_len);
	if (first && !st->opts.mark) {
		news_buf_free(&id);
		return 0;
	}
	if (st->opts.mark) {
		if (first && first_len)
			news_record_set_raw(rec, st->opts.mark_field, first, first_len);
		else
			news_record_set_null(rec, st->opts.mark_field);
	}
	news_record_emit(rec, news_ctx_out(ctx));
	news_ctx_end_record(ctx);
	news_buf_free(&id);
	return 0;
}

int
main(int argc, char **argv)
{
	dedupe_state st = { .opts = { .keys = { "text" }, .n_keys = 1,
	    .mark_field = "dup_of" } };
	news_common_opts common;
	news_ctx ctx;

	int first = news_opts_parse(argc, argv, &program, &common, handle_option, &st);
	st.seen = seen_new();
	news_ctx_init(&ctx, &common);
	news_run_jsonl(&ctx, argv + first, argc - first, process, &st);
	int status = news_ctx_finish(&ctx);
	seen_free(st.seen);
	news_buf_free(&st.scratch);
	free(st.key_list);
	return status;
}
