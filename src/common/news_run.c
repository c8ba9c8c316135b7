#include "news_run.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "news_err.h"
#include "news_utf8.h"

static void
on_stop_signal(int sig)
{
	news_stop_signal = sig;
}

/* SIGTERM and SIGINT finish the record in hand: the handler only sets a
 * flag, and without SA_RESTART a blocked read returns so the loop sees it. */
static void
catch_stop_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

void
news_ctx_init(news_ctx *ctx, const news_common_opts *opts)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->opts = opts;
	news_writer_init(&ctx->out, STDOUT_FILENO, "<stdout>");
	if (opts->line_buffered)
		ctx->out.line_buffered = true;
	if (opts->rejects) {
		news_writer_open(&ctx->rejects, opts->rejects);
		ctx->has_rejects = true;
	}
	news_record_init(&ctx->rec);
	catch_stop_signals();
}

static void
write_reject(news_ctx *ctx)
{
	if (!ctx->has_rejects)
		return;
	news_buf *b = news_writer_buf(&ctx->rejects);
	news_buf_add(b, ctx->raw, ctx->raw_len);
	if (ctx->raw_cr)
		news_buf_addc(b, '\r');
	news_buf_addc(b, '\n');
	news_writer_end_record(&ctx->rejects);
}

static void
vmessage(news_ctx *ctx, size_t column, const char *fmt, va_list ap)
{
	fflush(stdout);
	if (column)
		fprintf(stderr, "%s: %s:%llu:%zu: ", news_progname(), ctx->file,
		    (unsigned long long)ctx->line, column);
	else
		fprintf(stderr, "%s: %s:%llu: ", news_progname(), ctx->file,
		    (unsigned long long)ctx->line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
news_reject(news_ctx *ctx, size_t column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(ctx, column, fmt, ap);
	va_end(ap);
	write_reject(ctx);
	ctx->rejected++;
	news_ctx_status(ctx, NEWS_EXIT_DATA);
}

void
news_record_warn(news_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(ctx, 0, fmt, ap);
	va_end(ap);
}

const char *
news_ctx_repair(news_ctx *ctx, const char *s, size_t len, size_t *out_len)
{
	size_t good = news_utf8_valid_prefix(s, len);

	*out_len = len;
	if (good == len)
		return s;
	news_buf_clear(&ctx->repair_buf);
	news_buf_add(&ctx->repair_buf, s, good);
	ctx->repairs += news_utf8_repair(s + good, len - good, &ctx->repair_buf);
	ctx->repaired_records++;
	*out_len = ctx->repair_buf.len;
	return ctx->repair_buf.data;
}

/* Streams the bytes of an oversized line straight to --rejects. */
static void
overflow_to_rejects(void *arg, const char *p, size_t n)
{
	news_ctx *ctx = arg;

	news_buf_add(news_writer_buf(&ctx->rejects), p, n);
	news_writer_flush(&ctx->rejects);
}

static bool
blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

void
news_run_reader(news_ctx *ctx, news_reader *r, news_process_fn fn, void *user)
{
	news_line line;
	news_json_error err;
	int rc = 0;

	ctx->file = news_reader_name(r);
	news_reader_set_max_line(r, ctx->opts->max_record);
	if (ctx->has_rejects)
		news_reader_set_overflow(r, overflow_to_rejects, ctx);
	while (!news_stop_signal && (rc = news_reader_getline(r, &line)) > 0) {
		ctx->line = line.lineno;
		ctx->raw = line.data;
		ctx->raw_len = line.len;
		ctx->raw_cr = line.had_cr;
		if (line.oversized) {
			/* the bytes already went to --rejects: only the newline is left */
			ctx->raw_len = 0;
			ctx->raw_cr = false;
			news_reject(ctx, 0, "record of %zu bytes is larger than "
			    "--max-record (%zu bytes)", line.len, ctx->opts->max_record);
			ctx->records++;
			continue;
		}
		if (blank(line.data, line.len))
			continue;
		ctx->records++;
		size_t len;
		const char *text = news_ctx_repair(ctx, line.data, line.len, &len);
		if (news_record_parse(&ctx->rec, text, len, &err) < 0) {
			news_reject(ctx, news_utf8_count(text, err.offset) + 1,
			    "invalid JSON: %s", err.msg);
			continue;
		}
		if (fn(ctx, &ctx->rec, user) < 0)
			break;
	}
	if (rc < 0)
		news_die(NEWS_EXIT_IO, "%s: read error: %s", news_reader_name(r),
		    news_reader_error(r));
}

void
news_run_jsonl(news_ctx *ctx, char **paths, int n, news_process_fn fn,
    void *user)
{
	for (int i = 0; i == 0 || i < n; i++) {
		const char *path = n ? paths[i] : "-";
		news_reader *r = news_reader_open(path);
		if (!r) {
			news_warn("%s:", path);
			news_ctx_status(ctx, NEWS_EXIT_IO);
			continue;
		}
		news_run_reader(ctx, r, fn, user);
		news_reader_close(r);
		if (news_stop_signal)
			break;
	}
}

int
news_ctx_finish(news_ctx *ctx)
{
	news_writer_close(&ctx->out);
	if (ctx->has_rejects)
		news_writer_close(&ctx->rejects);
	if (ctx->repairs)
		news_warn("replaced %llu invalid UTF-8 sequence%s with U+FFFD in "
		    "%llu record%s", (unsigned long long)ctx->repairs,
		    ctx->repairs == 1 ? "" : "s",
		    (unsigned long long)ctx->repaired_records,
		    ctx->repaired_records == 1 ? "" : "s");
	news_record_free(&ctx->rec);
	news_buf_free(&ctx->repair_buf);
	if (news_stop_signal) {
		int sig = news_stop_signal;
		news_warn("stopped by signal %d after %llu record%s", sig,
		    (unsigned long long)ctx->records, ctx->records == 1 ? "" : "s");
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return ctx->status;
}
