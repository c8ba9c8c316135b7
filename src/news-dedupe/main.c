/* news-dedupe: pass on the first record of each duplicate group. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dedupe_run.h"
#include "news_err.h"
#include "news_opts.h"

enum {
	OPT_KEY = 256, OPT_MARK, OPT_MARK_FIELD, OPT_NEAR, OPT_THRESHOLD,
	OPT_CONTAINMENT, OPT_BOILERPLATE, OPT_SIGNATURES, OPT_EVENTS, OPT_COUNT,
	OPT_WINDOW, OPT_STATE, OPT_TTL, OPT_SHARD,
};

static const news_option options[] = {
	{ "key", 'k', required_argument, OPT_KEY, "FIELD[,FIELD...]",
	  "exact mode: records are duplicates when these fields are equal after "
	  "normalisation (Unicode NFKC, case folding, collapsed white space); "
	  "nested fields as source.code (default: text)" },
	{ "near", 'n', required_argument, OPT_NEAR, "FIELD",
	  "near-duplicate mode: documents whose FIELD text is mostly the same "
	  "(edited, reordered, retitled, truncated, in other site templates)" },
	{ "threshold", 't', required_argument, OPT_THRESHOLD, "R",
	  "near: duplicates from this resemblance of the word-pair sets "
	  "(0-1, default 0.5)" },
	{ "containment", 0, required_argument, OPT_CONTAINMENT, "C",
	  "near: also duplicates when this share of the shorter text is in the "
	  "longer, as in a truncated copy (0-1, default 0.8; 0: off)" },
	{ "boilerplate", 0, required_argument, OPT_BOILERPLATE, "N",
	  "near: word pairs seen in N unrelated documents are site boilerplate "
	  "and ignored (default 3)" },
	{ "signatures", 0, no_argument, OPT_SIGNATURES, NULL,
	  "near: only add the field \"" SIG_FIELD "\" to each record, for a "
	  "later news-dedupe --near to join (run many of these in parallel)" },
	{ "events", 'e', no_argument, OPT_EVENTS, NULL,
	  "event mode: one event a day for each date, source.code, target.code "
	  "and code (a null date equals a null date)" },
	{ "count", 'c', no_argument, OPT_COUNT, NULL,
	  "events: hold each group until its day closes and write it once, "
	  "with \"" MENTIONS_FIELD "\": the number of events it stands for" },
	{ "window", 'w', required_argument, OPT_WINDOW, "DAYS",
	  "events --count: a day closes when input dates reach DAYS past it "
	  "(default 1); undated groups close at the end of input" },
	{ "state", 's', required_argument, OPT_STATE, "FILE",
	  "remember what was seen across runs in the LMDB file FILE (created "
	  "if missing); runs may share it at the same time" },
	{ "ttl", 0, required_argument, OPT_TTL, "DAYS",
	  "with --state: forget entries DAYS after they were written" },
	{ "shard", 0, required_argument, OPT_SHARD, "I/N",
	  "exact and event modes: handle only the records whose key falls in "
	  "shard I of N (1 <= I <= N); the rest are left to the other shards" },
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
	    "unchanged (exit status 1).  See news-dedupe(1) for the methods, "
	    "memory and the state file.",
};

static void
handle_option(int id, const char *arg, void *user)
{
	dedupe_run *r = user;
	dedupe_opts *o = &r->opts;

	switch (id) {
	case OPT_KEY:
		free(r->key_list);
		r->key_list = news_xstrdup(arg);
		o->n_keys = 0;
		o->key_given = true;
		for (char *save = NULL, *k = strtok_r(r->key_list, ",", &save); k;
		    k = strtok_r(NULL, ",", &save)) {
			if (o->n_keys == DEDUPE_MAX_KEYS)
				news_usage_error("--key: at most %d fields", DEDUPE_MAX_KEYS);
			o->keys[o->n_keys++] = k;
		}
		if (!o->n_keys)
			news_usage_error("--key needs at least one field name");
		break;
	case OPT_NEAR:
		if (!*arg)
			news_usage_error("--near needs a field name");
		o->near_field = arg;
		break;
	case OPT_THRESHOLD:
		o->near.resemblance = news_parse_number("--threshold", arg, 0, 1);
		break;
	case OPT_CONTAINMENT:
		o->near.containment = news_parse_number("--containment", arg, 0, 1);
		break;
	case OPT_BOILERPLATE:
		o->near.boilerplate = (unsigned)news_parse_number("--boilerplate",
		    arg, 2, 255);
		break;
	case OPT_SIGNATURES:
		o->signatures = true;
		break;
	case OPT_EVENTS:
		o->mode = MODE_EVENTS;
		break;
	case OPT_COUNT:
		o->count = true;
		break;
	case OPT_WINDOW:
		o->window = (long)news_parse_number("--window", arg, 1, 100000);
		o->window_given = true;
		break;
	case OPT_STATE:
		if (!*arg)
			news_usage_error("--state needs a file name");
		o->state_path = arg;
		break;
	case OPT_TTL:
		o->ttl = news_parse_number("--ttl", arg, 0, 1e6);
		if (o->ttl <= 0)
			news_usage_error("--ttl must be more than 0 days");
		break;
	case OPT_SHARD: {
		unsigned i, n;
		char end;
		if (sscanf(arg, "%u/%u%c", &i, &n, &end) != 2 || n < 1 || i < 1 ||
		    i > n)
			news_usage_error("--shard: '%s' is not I/N with 1 <= I <= N",
			    arg);
		o->shard_i = i;
		o->shard_n = n;
		break;
	}
	case OPT_MARK:
		o->mark = true;
		break;
	case OPT_MARK_FIELD:
		if (!*arg)
			news_usage_error("--mark-field needs a name");
		o->mark_field = arg;
		break;
	}
}

static void
check_options(dedupe_opts *o)
{
	if (o->near_field) {
		if (o->mode == MODE_EVENTS || o->key_given)
			news_usage_error("--near cannot be combined with --key or "
			    "--events");
		o->mode = MODE_NEAR;
	}
	if (o->mode == MODE_EVENTS && o->key_given)
		news_usage_error("--events has its own key; drop --key");
	if (o->count && o->mode != MODE_EVENTS)
		news_usage_error("--count works with --events");
	if (o->window_given && !o->count)
		news_usage_error("--window works with --events --count");
	if (o->count && o->mark)
		news_usage_error("--count writes one record a group; it cannot be "
		    "combined with --mark");
	if (o->signatures && o->mode != MODE_NEAR)
		news_usage_error("--signatures works with --near FIELD");
	if (o->signatures && (o->state_path || o->mark))
		news_usage_error("--signatures only computes signatures; --state "
		    "and --mark belong to the joining run");
	if (o->shard_n && o->mode == MODE_NEAR)
		news_usage_error("--shard works in exact and event modes; near mode "
		    "splits its work with --signatures");
	if (o->ttl > 0 && !o->state_path)
		news_usage_error("--ttl works with --state");
}

/* What the state file's keys are made of, so that another run with other
 * keys cannot silently share it. */
static char *
state_config(const dedupe_opts *o)
{
	news_buf b = { 0 };

	switch (o->mode) {
	case MODE_EXACT:
		news_buf_adds(&b, "exact");
		for (size_t i = 0; i < o->n_keys; i++)
			news_buf_printf(&b, "%s%s", i ? "," : " ", o->keys[i]);
		break;
	case MODE_EVENTS:
		news_buf_adds(&b, "events");
		break;
	case MODE_NEAR:
		news_buf_printf(&b, "near %s", o->near_field);
		break;
	}
	return news_buf_cstr(&b);
}

int
main(int argc, char **argv)
{
	dedupe_run r = { .opts = { .keys = { "text" }, .n_keys = 1,
	    .mark_field = "dup_of", .window = 1, .near = { .resemblance = 0.5,
	    .containment = 0.8, .boilerplate = 3 } } };
	news_common_opts common;
	news_ctx ctx;

	int first = news_opts_parse(argc, argv, &program, &common, handle_option, &r);
	check_options(&r.opts);
	news_ctx_init(&ctx, &common);
	char *config = r.opts.state_path ? state_config(&r.opts) : NULL;
	dedupe_start(&r, &ctx, config);
	free(config);

	dedupe_run_inputs(&ctx, argv + first, argc - first, &r);

	dedupe_finish(&r);
	int status = news_ctx_finish(&ctx);
	dedupe_free(&r);
	return status;
}
