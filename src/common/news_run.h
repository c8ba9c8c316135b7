/* news_run.h: the record loop every program shares.
 *
 * A program is an options struct, a process function and a short main():
 *
 *	news_ctx ctx;
 *	news_ctx_init(&ctx, &common);
 *	news_run_jsonl(&ctx, argv + optind, argc - optind, process, &opts);
 *	return news_ctx_finish(&ctx);
 *
 * The loop reads each operand (or standard input), skips blank lines,
 * rejects lines that are too long or not JSON objects (message on stderr,
 * verbatim copy to --rejects, exit status 1), repairs invalid UTF-8, and
 * calls process() with the scanned record.  process() appends output to
 * news_ctx_out() and calls news_ctx_end_record() after each record. */
#ifndef NEWS_RUN_H
#define NEWS_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "news_buf.h"
#include "news_io.h"
#include "news_opts.h"
#include "news_record.h"

typedef struct news_ctx {
	const news_common_opts *opts;
	news_writer out;
	news_writer rejects;
	bool has_rejects;
	/* the record in hand, for messages and --rejects */
	const char *file;
	uint64_t line;
	const char *raw;        /* the input line as read, before repair */
	size_t raw_len;
	bool raw_cr;
	int status;             /* the exit status so far */
	uint64_t records;       /* records read */
	uint64_t rejected;
	uint64_t repaired_records;      /* records with invalid UTF-8 */
	uint64_t repairs;               /* U+FFFD substitutions */
	news_buf repair_buf;
	news_record rec;
} news_ctx;

/* Sets up output, --rejects and signal handling. */
void news_ctx_init(news_ctx *ctx, const news_common_opts *opts);

static inline news_buf *
news_ctx_out(news_ctx *ctx)
{
	return news_writer_buf(&ctx->out);
}

static inline void
news_ctx_end_record(news_ctx *ctx)
{
	news_writer_end_record(&ctx->out);
}

/* Returns 0 to go on, or a negative value to stop reading input. */
typedef int (*news_process_fn)(news_ctx *ctx, news_record *rec, void *user);

/* Read JSON Lines from the paths (standard input when n == 0). */
void news_run_jsonl(news_ctx *ctx, char **paths, int n, news_process_fn fn,
    void *user);
/* The same for one open reader. */
void news_run_reader(news_ctx *ctx, news_reader *r, news_process_fn fn,
    void *user);

/* Report the record in hand as bad: "PROG: FILE:LINE: message" (a column
 * of 0 is left out), copy it verbatim to --rejects, and set status 1.
 * The caller leaves it out of the output. */
void news_reject(news_ctx *ctx, size_t column, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A warning about the record in hand that does not reject it. */
void news_record_warn(news_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Repair invalid UTF-8 in s (counted in ctx).  Returns s itself when it is
 * valid, else the repaired copy (valid until the next call). */
const char *news_ctx_repair(news_ctx *ctx, const char *s, size_t len,
    size_t *out_len);

/* Raise the exit status to at least status. */
static inline void
news_ctx_status(news_ctx *ctx, int status)
{
	if (status > ctx->status)
		ctx->status = status;
}

/* Flush and close the output, report repairs, and return the exit status.
 * If a stop signal arrived, it is re-raised after the flush. */
int news_ctx_finish(news_ctx *ctx);

#endif
