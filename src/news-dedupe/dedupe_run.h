/* dedupe_run.h: a run of news-dedupe: its options, what it keeps while
 * records pass, and the record loop (dedupe_process.c). */
#ifndef DEDUPE_RUN_H
#define DEDUPE_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "dedupe.h"
#include "dedupe_state.h"
#include "near.h"
#include "news_io.h"
#include "news_run.h"

#define SIG_FIELD "dedupe_sig"
#define MENTIONS_FIELD "mentions"

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
	/* near: a document whose index look-ups are under way, held back
	 * while the next record's signature is computed (which hides their
	 * latency); its line as read, its id, whether its signature field
	 * is to be removed */
	bool pending;
	near_sig pend_sig;
	news_buf pend_line, pend_id;
	bool pend_signed;
	news_record pend_rec;           /* to emit it with edits */
	char *key_list;                 /* the --key argument, split in place */
	news_reader *reader;            /* the input in hand */
	int reader_fd;                  /* to poll, or -1: a regular file */
} dedupe_run;

/* Set up what the options ask for; state_config names the keys of the
 * --state file (NULL: no state).  Exits on a state file it cannot use. */
void dedupe_start(dedupe_run *r, news_ctx *ctx, const char *state_config);
/* Read the inputs (standard input when n == 0) and pass the records. */
void dedupe_run_inputs(news_ctx *ctx, char **paths, int n, dedupe_run *r);
/* The end of input (or a stop signal): write the groups still held and
 * commit the state. */
void dedupe_finish(dedupe_run *r);
/* Free what the run holds (after news_ctx_finish). */
void dedupe_free(dedupe_run *r);

#endif
