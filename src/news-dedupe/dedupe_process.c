/* dedupe_process.c: each record through its mode (exact, near, events),
 * the output, and the state's batches. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dedupe_run.h"
#include "news_err.h"
#include "news_json.h"

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

static bool input_idle(const dedupe_run *r);

/* Join the held document to its group and write it out.  in_hand is the
 * record itself while the loop still has it, else NULL (it is emitted
 * from its copy). */
static void
near_finish(dedupe_run *r, news_record *in_hand)
{
	near_sample kept;
	uint32_t root;
	const char *first = NULL;
	size_t first_len = 0;

	if (!r->pending)
		return;
	r->pending = false;
	if (r->state)
		dstate_begin(r->state);         /* and catch up with other runs */
	uint32_t doc = near_index_add(r->near, &r->pend_sig, &root, &kept);
	if (root == doc) {
		remember_id(r, doc, r->pend_id.data, r->pend_id.len);
		if (r->state)
			dstate_near_append(r->state, &kept, r->pend_id.data,
			    r->pend_id.len);
	} else {
		first = root < r->n_ids ? r->ids.data + r->id_off[root] : "";
		first_len = root < r->n_ids ? r->id_len[root] : 0;
		if (!r->opts.mark)
			return;
	}
	if (in_hand) {
		emit(r, in_hand, first, first_len);
	} else if (!r->opts.mark && !r->pend_signed) {
		/* no edits: the line as read */
		news_buf_add(news_ctx_out(r->ctx), r->pend_line.data,
		    r->pend_line.len);
		news_buf_addc(news_ctx_out(r->ctx), '\n');
		news_ctx_end_record(r->ctx);
	} else {
		news_json_error err;
		if (news_record_parse(&r->pend_rec, r->pend_line.data,
		    r->pend_line.len, &err) < 0)
			return;         /* cannot happen: it was parsed before */
		if (r->pend_signed)
			news_record_delete(&r->pend_rec, SIG_FIELD);
		emit(r, &r->pend_rec, first, first_len);
	}
}

/* The signature of a record: read from its signature field or computed
 * from its text.  False when the record was rejected or passed on. */
static bool
near_signature(dedupe_run *r, news_record *rec, near_sig *sig, bool *is_signed)
{
	const news_json_member *sm = news_record_get(rec, SIG_FIELD);
	news_json_member m;
	const char *text;

	*is_signed = false;
	if (sm && sm->type == NEWS_JSON_STRING && !r->opts.signatures) {
		if (sm->val_escaped || !near_sig_decode(sm->val + 1,
		    sm->val_len - 2, sig)) {
			news_reject(r->ctx, 0, "'" SIG_FIELD "' is not a signature "
			    "news-dedupe --signatures wrote");
			return false;
		}
		news_record_delete(rec, SIG_FIELD);
		*is_signed = true;
		return true;
	}
	bool found = news_record_path(rec, r->opts.near_field, &m);
	if (!found || m.type != NEWS_JSON_STRING) {
		near_finish(r, NULL);   /* output stays in input order */
		pass_unkeyed(r, rec, found ? "no text in field" : "no field",
		    r->opts.near_field);
		return false;
	}
	size_t len = news_json_string(&m, &text, &r->scratch);
	near_sig_of_text(&r->tok, text, len, sig);
	return true;
}

/* A document is joined one record late: its look-ups are started, and
 * the next record's signature is computed while they are under way.  It
 * is joined at once when the input has nothing more ready (a stream is
 * not held back), with --line-buffered, and at the end. */
static void
process_near(dedupe_run *r, news_record *rec)
{
	near_sig sig;
	bool is_signed;

	if (!near_signature(r, rec, &sig, &is_signed))
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
	near_finish(r, NULL);
	r->pending = true;
	r->pend_sig.n = sig.n;
	r->pend_sig.complete = sig.complete;
	memcpy(r->pend_sig.v, sig.v, sig.n * sizeof *sig.v);
	r->pend_signed = is_signed;
	record_id(r->ctx, rec, &r->pend_id);
	if (r->ctx->opts->line_buffered || input_idle(r)) {
		near_finish(r, rec);
		return;
	}
	news_buf_clear(&r->pend_line);
	news_buf_add(&r->pend_line, rec->obj.start,
	    (size_t)(rec->obj.end - rec->obj.start));
	near_index_prefetch(r->near, &r->pend_sig);
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

/* As news_run_jsonl(), keeping hold of each reader for input_idle(). */
void
dedupe_run_inputs(news_ctx *ctx, char **paths, int n, dedupe_run *r)
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


void
dedupe_finish(dedupe_run *r)
{
	near_finish(r, NULL);
	/* the end of input (or a stop signal) closes every day */
	if (r->groups)
		egroups_close(r->groups, INT64_MAX, write_group, r);
	if (r->late)
		news_warn("%llu event%s came after %s group had been written and "
		    "%s not counted (a wider --window holds days open longer)",
		    (unsigned long long)r->late, r->late == 1 ? "" : "s",
		    r->late == 1 ? "its" : "their", r->late == 1 ? "was" : "were");
	if (r->state) {
		commit(r);
		dstate_close(r->state);
		r->state = NULL;
	}
}

void
dedupe_start(dedupe_run *r, news_ctx *ctx, const char *state_config)
{
	r->ctx = ctx;
	r->max_day = INT32_MIN;
	news_record_init(&r->held);
	news_record_init(&r->pend_rec);
	if (r->opts.mode == MODE_NEAR && !r->opts.signatures)
		r->near = near_index_new(&r->opts.near);
	if (r->opts.count)
		r->groups = egroups_new();
	if (state_config) {
		r->state = dstate_open(r->opts.state_path, state_config, r->opts.ttl);
		if (r->near)
			dstate_near_attach(r->state, replayed, r);
	} else {
		r->seen = seen_new();
	}
}

void
dedupe_free(dedupe_run *r)
{
	near_index_free(r->near);
	near_tok_free(&r->tok);
	egroups_free(r->groups);
	seen_free(r->seen);
	news_record_free(&r->held);
	news_record_free(&r->pend_rec);
	news_buf_free(&r->pend_line);
	news_buf_free(&r->pend_id);
	news_buf_free(&r->scratch);
	news_buf_free(&r->id);
	news_buf_free(&r->first);
	news_buf_free(&r->sig);
	news_buf_free(&r->ids);
	free(r->id_off);
	free(r->id_len);
	free(r->key_list);
}
