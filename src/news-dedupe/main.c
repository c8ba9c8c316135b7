/* news-dedupe: pass on the first record of each duplicate group. */
#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dedupe.h"
#include "dedupe_state.h"
#include "near.h"
#include "news_err.h"
#include "news_json.h"
#include "news_opts.h"
#include "news_run.h"

#define SIG_FIELD "dedupe_sig"
#define MENTIONS_FIELD "mentions"

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

enum mode { MODE_EXACT, MODE_NEAR, MODE_EVENTS };

typedef struct dedupe_opts {
	enum mode mode;
	const char *keys[DEDUPE_MAX_KEYS];      /* --key paths */
	size_t n_keys;
	const char *near_field;
	near_params near;
	bool signatures;
	bool count;
	long window;
	const char *state_path;
	double ttl;
	unsigned shard_i, shard_n;              /* 0/0: no sharding */
	bool mark;
	const char *mark_field;
	bool key_given, window_given;
} dedupe_opts;

typedef struct dedupe_run {
	dedupe_opts opts;
	news_ctx *ctx;
	seen_set *seen;
	dstate *state;
	near_index *near;
	near_tok tok;
	event_groups *groups;
	int64_t max_day;
	uint64_t late;                  /* events whose day had closed */
	news_buf scratch, id, first, sig;
	news_record held;               /* a --count group being written */
	/* near: the id of each group's first document, by document number */
	news_buf ids;
	size_t *id_off;
	uint32_t *id_len;
	size_t n_ids, cap_ids;
	char *key_list;                 /* the --key argument, split in place */
	news_reader *reader;            /* the input in hand */
	int reader_fd;                  /* to poll, or -1: a regular file */
} dedupe_run;

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

static void
emit_verbatim(news_ctx *ctx, const news_record *rec)
{
	news_buf_add(news_ctx_out(ctx), rec->obj.start,
	    (size_t)(rec->obj.end - rec->obj.start));
	news_buf_addc(news_ctx_out(ctx), '\n');
	news_ctx_end_record(ctx);
}

/* A record without its key: reported and passed on (by one shard only). */
static void
pass_unkeyed(dedupe_run *r, news_record *rec, const char *what, const char *field)
{
	if (r->opts.shard_n && r->opts.shard_i != 1)
		return;
	news_record_warn(r->ctx, "%s '%s'; record passed on unchanged", what,
	    field);
	news_ctx_status(r->ctx, NEWS_EXIT_DATA);
	emit_verbatim(r->ctx, rec);
}

/* Out with a record: the first of its group (first == NULL) or a
 * duplicate of the record whose raw JSON id is first. */
static void
emit(dedupe_run *r, news_record *rec, const char *first, size_t first_len)
{
	if (first && !r->opts.mark)
		return;
	if (r->opts.mark) {
		if (first && first_len)
			news_record_set_raw(rec, r->opts.mark_field, first, first_len);
		else
			news_record_set_null(rec, r->opts.mark_field);
	}
	news_record_emit(rec, news_ctx_out(r->ctx));
	news_ctx_end_record(r->ctx);
}

static bool
in_shard(const dedupe_run *r, news_hash128 key)
{
	return !r->opts.shard_n || key.hi % r->opts.shard_n == r->opts.shard_i - 1;
}

/* Check and remember a key; returns the first record's id or NULL. */
static const char *
seen_before(dedupe_run *r, news_hash128 key, const news_buf *id, size_t *len)
{
	if (r->state) {
		if (dstate_check_insert(r->state, key, id->data, id->len, &r->first))
			return NULL;
		*len = r->first.len;
		return r->first.data ? r->first.data : "";
	}
	return seen_insert(r->seen, key, id->data, id->len, len);
}

static void
process_keyed(dedupe_run *r, news_record *rec, news_hash128 key)
{
	size_t first_len = 0;

	record_id(r->ctx, rec, &r->id);
	const char *first = seen_before(r, key, &r->id, &first_len);
	emit(r, rec, first, first_len);
}

/* --count: a group's day closed; write its first event with mentions. */
static void
write_group(void *user, const char *line, size_t len, uint64_t count,
    news_hash128 key)
{
	dedupe_run *r = user;
	news_json_error err;

	if (news_record_parse(&r->held, line, len, &err) < 0)
		return;         /* cannot happen: it was parsed before */
	news_record_set_int(&r->held, MENTIONS_FIELD, (int64_t)count);
	news_record_emit(&r->held, news_ctx_out(r->ctx));
	news_ctx_end_record(r->ctx);
	if (r->state) {
		/* remembered once written, so a crash cannot lose a group */
		const news_json_member *id = news_record_get(&r->held, "id");
		dstate_check_insert(r->state, key, id ? id->val : "null",
		    id ? id->val_len : 4, &r->first);
	}
}

static void
process_count(dedupe_run *r, news_record *rec, news_hash128 key, int32_t day)
{
	if (!egroups_count(r->groups, key)) {
		bool seen;
		if (r->state) {
			seen = dstate_seen(r->state, key);
		} else {
			size_t len;
			seen = seen_insert(r->seen, key, "", 0, &len) != NULL;
		}
		/* a late event of a group already written is dropped */
		if (!seen)
			egroups_open(r->groups, key, day, rec->obj.start,
			    (size_t)(rec->obj.end - rec->obj.start));
		else
			r->late++;
	}
	if (day != DEDUPE_NO_DAY && day > r->max_day) {
		r->max_day = day;
		egroups_close(r->groups, r->max_day - r->opts.window, write_group, r);
	}
}

static void
remember_id(dedupe_run *r, uint32_t doc, const char *id, size_t len)
{
	if (doc >= r->cap_ids) {
		r->cap_ids = r->cap_ids ? 2 * r->cap_ids : 1024;
		while (r->cap_ids <= doc)
			r->cap_ids *= 2;
		r->id_off = news_xrealloc(r->id_off, r->cap_ids * sizeof *r->id_off);
		r->id_len = news_xrealloc(r->id_len, r->cap_ids * sizeof *r->id_len);
	}
	while (r->n_ids <= doc) {
		r->id_off[r->n_ids] = 0;
		r->id_len[r->n_ids++] = 0;
	}
	r->id_off[doc] = r->ids.len;
	r->id_len[doc] = (uint32_t)len;
	news_buf_add(&r->ids, id, len);
}

/* A group's first document written by an earlier or another run. */
static void
replayed(void *user, const near_sample *smp, const char *id, size_t id_len)
{
	dedupe_run *r = user;
	uint32_t doc = near_index_put(r->near, smp, near_index_count(r->near));
	remember_id(r, doc, id, id_len);
}

static bool
near_signature(dedupe_run *r, news_record *rec, near_sig *sig)
{
	const news_json_member *sm = news_record_get(rec, SIG_FIELD);
	news_json_member m;
	const char *text;

	if (sm && sm->type == NEWS_JSON_STRING && !r->opts.signatures) {
		if (sm->val_escaped || !near_sig_decode(sm->val + 1,
		    sm->val_len - 2, sig)) {
			news_reject(r->ctx, 0, "'" SIG_FIELD "' is not a signature "
			    "news-dedupe --signatures wrote");
			return false;
		}
		news_record_delete(rec, SIG_FIELD);
		return true;
	}
	if (!news_record_path(rec, r->opts.near_field, &m)) {
		pass_unkeyed(r, rec, "no field", r->opts.near_field);
		return false;
	}
	if (m.type != NEWS_JSON_STRING) {
		pass_unkeyed(r, rec, "no text in field", r->opts.near_field);
		return false;
	}
	size_t len = news_json_string(&m, &text, &r->scratch);
	near_sig_of_text(&r->tok, text, len, sig);
	return true;
}

static void
process_near(dedupe_run *r, news_record *rec)
{
	near_sig sig;
	near_sample kept;
	uint32_t root;

	if (!near_signature(r, rec, &sig))
		return;
	if (r->opts.signatures) {
		news_buf *b = news_record_set_begin(rec, SIG_FIELD);
		news_buf_addc(b, '"');
		near_sig_encode(&sig, b);
		news_buf_addc(b, '"');
		news_record_set_end(rec);
		news_record_emit(rec, news_ctx_out(r->ctx));
		news_ctx_end_record(r->ctx);
		return;
	}
	if (r->state)
		dstate_begin(r->state);         /* and catch up with other runs */
	uint32_t doc = near_index_add(r->near, &sig, &root, &kept);
	if (root == doc) {
		record_id(r->ctx, rec, &r->id);
		remember_id(r, doc, r->id.data, r->id.len);
		if (r->state)
			dstate_near_append(r->state, &kept, r->id.data, r->id.len);
		emit(r, rec, NULL, 0);
		return;
	}
	const char *first = root < r->n_ids ? r->ids.data + r->id_off[root] : "";
	emit(r, rec, first, root < r->n_ids ? r->id_len[root] : 0);
}

/* Whether the next record needs a read that may wait: then a batch is
 * committed now rather than held open (with the write lock) meanwhile. */
static bool
input_idle(const dedupe_run *r)
{
	if (!r->reader || news_reader_line_ready(r->reader))
		return false;
	if (r->reader_fd == -1)
		return false;   /* a regular file: reading it does not wait */
	if (r->reader_fd < 0)
		return true;
	struct pollfd p = { .fd = r->reader_fd, .events = POLLIN };
	return poll(&p, 1, 0) == 0;
}

/* Output first, then the commit: a crash in between repeats records in a
 * later run rather than losing them. */
static void
commit(dedupe_run *r)
{
	news_writer_flush(&r->ctx->out);
	dstate_commit(r->state);
}

static int
process(news_ctx *ctx, news_record *rec, void *user)
{
	dedupe_run *r = user;
	news_hash128 key;
	const char *missing;
	int32_t day;

	switch (r->opts.mode) {
	case MODE_NEAR:
		process_near(r, rec);
		break;
	case MODE_EXACT:
		if (!dedupe_key(rec, r->opts.keys, r->opts.n_keys, &r->scratch, &key,
		    &missing))
			pass_unkeyed(r, rec, "no field", missing);
		else if (in_shard(r, key))
			process_keyed(r, rec, key);
		break;
	case MODE_EVENTS:
		if (!dedupe_event_key(rec, &r->scratch, &key, &day, &missing))
			pass_unkeyed(r, rec, "no field", missing);
		else if (in_shard(r, key) && r->opts.count)
			process_count(r, rec, key, day);
		else if (in_shard(r, key))
			process_keyed(r, rec, key);
		break;
	}
	/* a transaction may be open with nothing written (near mode's
	 * catching up, --count's look-ups): it holds the lock all the same */
	if (r->state && dstate_active(r->state) &&
	    (ctx->opts->line_buffered || dstate_batch_due(r->state) ||
	    input_idle(r)))
		commit(r);
	return 0;
}

/* news_run_jsonl(), keeping hold of each reader for input_idle(). */
static void
run_inputs(news_ctx *ctx, char **paths, int n, dedupe_run *r)
{
	for (int i = 0; i == 0 || i < n; i++) {
		const char *path = n ? paths[i] : "-";
		news_reader *rd = news_reader_open(path);
		if (!rd) {
			news_warn("%s:", path);
			news_ctx_status(ctx, NEWS_EXIT_IO);
			continue;
		}
		struct stat sb;
		r->reader = rd;
		r->reader_fd = strcmp(path, "-") == 0 ? STDIN_FILENO : -1;
		if (r->reader_fd < 0 && (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))) {
			/* a named pipe or a device: its fd is the reader's own, so
			 * treat every wait for a line as a possible stall */
			r->reader_fd = -2;
		}
		news_run_reader(ctx, rd, process, r);
		news_reader_close(rd);
		r->reader = NULL;
		if (news_stop_signal)
			break;
	}
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
	r.ctx = &ctx;
	r.max_day = INT32_MIN;
	news_record_init(&r.held);
	if (r.opts.mode == MODE_NEAR && !r.opts.signatures)
		r.near = near_index_new(&r.opts.near);
	if (r.opts.count)
		r.groups = egroups_new();
	if (r.opts.state_path) {
		char *config = state_config(&r.opts);
		r.state = dstate_open(r.opts.state_path, config, r.opts.ttl);
		free(config);
		if (r.near)
			dstate_near_attach(r.state, replayed, &r);
	} else {
		r.seen = seen_new();
	}

	run_inputs(&ctx, argv + first, argc - first, &r);

	/* the end of input (or a stop signal) closes every day */
	if (r.groups)
		egroups_close(r.groups, INT64_MAX, write_group, &r);
	if (r.late)
		news_warn("%llu event%s came after %s group had been written and "
		    "%s not counted (a wider --window holds days open longer)",
		    (unsigned long long)r.late, r.late == 1 ? "" : "s",
		    r.late == 1 ? "its" : "their", r.late == 1 ? "was" : "were");
	if (r.state) {
		commit(&r);
		dstate_close(r.state);
	}
	int status = news_ctx_finish(&ctx);
	near_index_free(r.near);
	near_tok_free(&r.tok);
	egroups_free(r.groups);
	seen_free(r.seen);
	news_record_free(&r.held);
	news_buf_free(&r.scratch);
	news_buf_free(&r.id);
	news_buf_free(&r.first);
	news_buf_free(&r.sig);
	news_buf_free(&r.ids);
	free(r.id_off);
	free(r.id_len);
	free(r.key_list);
	return status;
}
