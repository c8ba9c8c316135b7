/* news_io.h: reading lines and whole inputs, writing whole records.
 *
 * The reader takes any line length, tolerates "\r\n" and a missing final
 * newline, counts lines for messages, skips a UTF-8 byte order mark at the
 * start, and reads gzip input (detected by its magic bytes, members
 * concatenated as in .warc.gz) as if it were plain.
 *
 * The writer keeps its own buffer and only ever writes whole records, so
 * processes appending to one file never interleave inside a record.  A
 * closed pipe ends the program quietly (SIGPIPE, as for cat); any other
 * write error is reported and exits with status 3. */
#ifndef NEWS_IO_H
#define NEWS_IO_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"

typedef struct news_reader news_reader;

/* Open path for reading ("-" or NULL is standard input).  Returns NULL with
 * errno set when the file cannot be opened (a directory is EISDIR). */
news_reader *news_reader_open(const char *path);
news_reader *news_reader_fdopen(int fd, const char *name);
void news_reader_close(news_reader *r);

/* The name used in messages: the path, or "<stdin>". */
const char *news_reader_name(const news_reader *r);
/* Whether the input ended early because a stop signal (SIGTERM, SIGINT)
 * arrived: what was read is then incomplete.  A line cut short that way
 * is not returned by news_reader_getline(); news_reader_read() and
 * news_reader_slurp() end as at the end of input, so callers that read
 * whole pages check this. */
bool news_reader_stopped(const news_reader *r);
/* Whether the input began with a UTF-8 byte order mark (now skipped). */
bool news_reader_had_bom(const news_reader *r);
bool news_reader_is_gzip(const news_reader *r);
/* What went wrong after a read returned -1 ("corrupt gzip data", or the
 * system's text for errno). */
const char *news_reader_error(const news_reader *r);

/* Lines longer than this are not buffered: see news_line.oversized. */
void news_reader_set_max_line(news_reader *r, size_t max);
/* Where the bytes of an oversized line go while it is skipped (for
 * --rejects); NULL drops them. */
void news_reader_set_overflow(news_reader *r,
    void (*sink)(void *ctx, const char *p, size_t n), void *ctx);

typedef struct news_line {
	char *data;             /* valid until the next call; not NUL-terminated */
	size_t len;             /* without the '\n' (and a '\r' before it) */
	uint64_t lineno;        /* 1-based */
	bool had_cr;            /* the line ended in "\r\n" */
	bool oversized;         /* longer than the maximum: data holds only a
	                         * prefix, len the full length */
} news_line;

/* 1: a line; 0: end of input; -1: read error (errno set). */
int news_reader_getline(news_reader *r, news_line *line);

/* Whether the next news_reader_getline() can return without reading:
 * a whole line is buffered, or the input has ended.  A program holding a
 * lock or a transaction between records releases it before a read that
 * may wait (news-dedupe --state). */
bool news_reader_line_ready(news_reader *r);

/* The first byte that is not white space, without consuming anything;
 * -1 at end of input or on error. */
int news_reader_peek_nonblank(news_reader *r);

/* Append everything left in the input to out.  Returns 0, -1 on a read
 * error, or 1 when the input exceeds max bytes (out then holds max). */
int news_reader_slurp(news_reader *r, news_buf *out, size_t max);

/* Raw reads of decompressed bytes: >0 bytes, 0 at end, -1 on error. */
long news_reader_read(news_reader *r, char *dst, size_t n);

typedef struct news_writer {
	int fd;
	const char *name;
	news_buf buf;
	size_t flush_at;        /* write when the buffer holds this much */
	bool line_buffered;     /* write after every record */
	bool failed;
} news_writer;

void news_writer_init(news_writer *w, int fd, const char *name);
/* Open path for writing (truncating), or exit 3 with a message. */
void news_writer_open(news_writer *w, const char *path);

/* The buffer to append a record to; call news_writer_end_record() once the
 * record (with its '\n') is complete. */
static inline news_buf *
news_writer_buf(news_writer *w)
{
	return &w->buf;
}

void news_writer_end_record(news_writer *w);
void news_writer_flush(news_writer *w);
/* Flush, close the descriptor and check both. */
void news_writer_close(news_writer *w);

/* Set when SIGTERM or SIGINT arrives (see news_run.h). */
extern volatile sig_atomic_t news_stop_signal;

#endif
