/* Buffered, line-oriented input with transparent gzip. */
#include "news_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "news_err.h"

#define READ_CHUNK (64 * 1024)
#define PREFIX_KEEP 120         /* bytes of an oversized line kept for messages */

volatile sig_atomic_t news_stop_signal;

struct news_reader {
	int fd;
	bool own_fd;
	char *name;
	char *buf;              /* decompressed bytes buf[pos..end) */
	size_t cap, pos, end;
	size_t scanned;         /* bytes after pos already searched for '\n' */
	bool started;           /* the first bytes (magic, BOM) were looked at */
	bool eof;               /* the source has no more bytes */
	bool had_bom;
	bool gzip;
	z_stream z;
	unsigned char *zin;
	bool zin_eof;
	bool z_mid;             /* inside a gzip member */
	bool stopped;           /* the input ended because a stop signal came */
	const char *errmsg;     /* a read error that errno cannot name */
	size_t max_line;
	void (*sink)(void *, const char *, size_t);
	void *sink_ctx;
	char prefix[PREFIX_KEEP];
	uint64_t lineno;
};

news_reader *
news_reader_fdopen(int fd, const char *name)
{
	news_reader *r = news_xcalloc(1, sizeof *r);

	r->fd = fd;
	r->name = news_xstrdup(name);
	r->max_line = SIZE_MAX;
	return r;
}

news_reader *
news_reader_open(const char *path)
{
	if (!path || strcmp(path, "-") == 0)
		return news_reader_fdopen(STDIN_FILENO, "<stdin>");
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	news_reader *r = news_reader_fdopen(fd, path);
	r->own_fd = true;
	return r;
}

void
news_reader_close(news_reader *r)
{
	if (!r)
		return;
	if (r->own_fd)
		close(r->fd);
	if (r->gzip)
		inflateEnd(&r->z);
	free(r->zin);
	free(r->buf);
	free(r->name);
	free(r);
}

const char *
news_reader_name(const news_reader *r)
{
	return r->name;
}

bool
news_reader_stopped(const news_reader *r)
{
	return r->stopped;
}

bool
news_reader_had_bom(const news_reader *r)
{
	return r->had_bom;
}

const char *
news_reader_error(const news_reader *r)
{
	return r->errmsg ? r->errmsg : strerror(errno);
}

bool
news_reader_is_gzip(const news_reader *r)
{
	return r->gzip;
}

void
news_reader_set_max_line(news_reader *r, size_t max)
{
	r->max_line = max;
}

void
news_reader_set_overflow(news_reader *r,
    void (*sink)(void *ctx, const char *p, size_t n), void *ctx)
{
	r->sink = sink;
	r->sink_ctx = ctx;
}

/* read(2) that retries on EINTR unless a stop was requested: then the
 * input ends there (r->stopped), also when the signal came before the
 * read, which would otherwise wait for input that may be slow to come. */
static long
read_raw(news_reader *r, void *dst, size_t n)
{
	for (;;) {
		if (news_stop_signal) {
			r->stopped = true;
			return 0;
		}
		ssize_t k = read(r->fd, dst, n);
		if (k >= 0)
			return (long)k;
		if (errno != EINTR) {
			r->errmsg = NULL;
			return -1;
		}
	}
}

/* Decompressed bytes into dst.  Concatenated gzip members are read one
 * after the other (.warc.gz is a gzip member per record). */
static long
read_gzip(news_reader *r, char *dst, size_t n)
{
	uInt room = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);

	r->z.next_out = (unsigned char *)dst;
	r->z.avail_out = room;
	while (r->z.avail_out == room) {
		if (r->z.avail_in == 0 && !r->zin_eof) {
			long k = read_raw(r, r->zin, READ_CHUNK);
			if (k < 0)
				return -1;
			r->zin_eof = k == 0;
			r->z.next_in = r->zin;
			r->z.avail_in = (uInt)k;
		}
		if (r->z.avail_in == 0 && r->zin_eof) {
			if (r->z_mid && !r->stopped) {
				r->errmsg = "truncated gzip data";
				return -1;
			}
			break;
		}
		int rc = inflate(&r->z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END) {
			inflateReset(&r->z);
			r->z_mid = false;
		} else if (rc == Z_OK || rc == Z_BUF_ERROR) {
			r->z_mid = true;
		} else {
			r->errmsg = "corrupt gzip data";
			return -1;
		}
	}
	return (long)(room - r->z.avail_out);
}

static long
read_some(news_reader *r, char *dst, size_t n)
{
	return r->gzip ? read_gzip(r, dst, n) : read_raw(r, dst, n);
}

static void
ensure_space(news_reader *r, size_t want)
{
	if (r->pos > 0 && (r->cap - r->end < want || r->pos == r->end)) {
		memmove(r->buf, r->buf + r->pos, r->end - r->pos);
		r->end -= r->pos;
		r->pos = 0;
	}
	if (r->cap - r->end < want) {
		size_t cap = r->cap ? r->cap : READ_CHUNK;
		while (cap - r->end < want)
			cap *= 2;
		r->buf = news_xrealloc(r->buf, cap);
		r->cap = cap;
	}
}

/* Look at the first bytes: gzip magic, then a UTF-8 byte order mark. */
static int
start(news_reader *r)
{
	size_t have = 0;

	r->started = true;
	ensure_space(r, READ_CHUNK);
	while (have < 2) {
		long k = read_raw(r, r->buf + have, r->cap - have);
		if (k < 0)
			return -1;
		if (k == 0) {
			r->eof = true;
			break;
		}
		have += (size_t)k;
	}
	if (have >= 2 && (unsigned char)r->buf[0] == 0x1f &&
	    (unsigned char)r->buf[1] == 0x8b) {
		/* what was read is compressed: it becomes zlib's input */
		r->gzip = true;
		r->zin = news_xmalloc(READ_CHUNK > have ? READ_CHUNK : have);
		memcpy(r->zin, r->buf, have);
		r->z.next_in = r->zin;
		r->z.avail_in = (uInt)have;
		if (inflateInit2(&r->z, 15 + 16) != Z_OK)
			news_die(NEWS_EXIT_IO, "cannot initialise zlib");
	} else {
		r->end = have;
	}
	/* A BOM needs three bytes in hand. */
	while (!r->eof && r->end - r->pos < 3) {
		ensure_space(r, READ_CHUNK);
		long k = read_some(r, r->buf + r->end, r->cap - r->end);
		if (k < 0)
			return -1;
		if (k == 0)
			r->eof = true;
		r->end += (size_t)k;
	}
	if (r->end - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0) {
		r->pos += 3;
		r->had_bom = true;
	}
	return 0;
}

/* More bytes into the buffer: 1 got some, 0 end of input, -1 error. */
static int
fill(news_reader *r)
{
	if (!r->started) {
		if (start(r) < 0)
			return -1;
		/* what start() read is there: reading more now would wait
		 * for input that may be slow to come */
		if (r->end > r->pos)
			return 1;
	}
	if (r->eof)
		return 0;
	ensure_space(r, READ_CHUNK);
	long k = read_some(r, r->buf + r->end, r->cap - r->end);
	if (k < 0)
		return -1;
	if (k == 0) {
		r->eof = true;
		return 0;
	}
	r->end += (size_t)k;
	return 1;
}

static void
to_sink(news_reader *r, const char *p, size_t n)
{
	if (r->sink && n)
		r->sink(r->sink_ctx, p, n);
}

/* The line at pos is longer than max_line: keep a prefix for the message,
 * pass the bytes to the sink and skip to the next newline. */
static int
skip_oversized(news_reader *r, news_line *line)
{
	size_t total = 0;
	size_t keep = r->end - r->pos < PREFIX_KEEP ? r->end - r->pos : PREFIX_KEEP;

	memcpy(r->prefix, r->buf + r->pos, keep);
	for (;;) {
		char *start = r->buf + r->pos;
		char *nl = memchr(start, '\n', r->end - r->pos);
		size_t n = nl ? (size_t)(nl - start) : r->end - r->pos;
		to_sink(r, start, n);
		total += n;
		if (nl) {
			r->pos += n + 1;
			break;
		}
		r->pos = r->end;
		int rc = fill(r);
		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
	}
	r->scanned = 0;
	line->data = r->prefix;
	line->len = total;
	line->had_cr = false;
	line->oversized = true;
	line->lineno = ++r->lineno;
	return 1;
}

int
news_reader_getline(news_reader *r, news_line *line)
{
	if (!r->started && start(r) < 0)
		return -1;
	for (;;) {
		char *start = r->buf + r->pos;
		size_t avail = r->end - r->pos;
		char *nl = avail > r->scanned ?
		    memchr(start + r->scanned, '\n', avail - r->scanned) : NULL;

		if (!nl && r->eof && avail && r->stopped) {
			/* a line cut short by a stop is no record: never read */
			r->pos = r->end;
			r->scanned = 0;
			return 0;
		}
		if (nl || (r->eof && avail)) {
			size_t len = nl ? (size_t)(nl - start) : avail;
			if (len > r->max_line)
				return skip_oversized(r, line);
			r->pos += nl ? len + 1 : len;
			r->scanned = 0;
			line->data = start;
			line->had_cr = len && start[len - 1] == '\r';
			line->len = len - line->had_cr;
			line->oversized = false;
			line->lineno = ++r->lineno;
			return 1;
		}
		r->scanned = avail;
		if (avail > r->max_line)
			return skip_oversized(r, line);
		int rc = fill(r);
		if (rc < 0)
			return -1;
		if (rc == 0 && r->pos == r->end)
			return 0;
	}
}

bool
news_reader_line_ready(news_reader *r)
{
	size_t avail = r->end - r->pos;

	if (!r->started || !r->buf)
		return false;
	if (r->eof)
		return true;
	if (avail > r->scanned && memchr(r->buf + r->pos + r->scanned, '\n',
	    avail - r->scanned))
		return true;
	r->scanned = avail;     /* getline need not look there again */
	return false;
}

int
news_reader_peek_nonblank(news_reader *r)
{
	size_t i = 0;

	if (!r->started && start(r) < 0)
		return -1;
	for (;;) {
		for (; r->pos + i < r->end; i++) {
			char c = r->buf[r->pos + i];
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
				return (unsigned char)c;
		}
		int rc = fill(r);
		if (rc <= 0)
			return -1;
	}
}

long
news_reader_read(news_reader *r, char *dst, size_t n)
{
	if (!r->started && start(r) < 0)
		return -1;
	if (r->pos < r->end) {
		size_t k = r->end - r->pos < n ? r->end - r->pos : n;
		memcpy(dst, r->buf + r->pos, k);
		r->pos += k;
		r->scanned = 0;
		return (long)k;
	}
	if (r->eof)
		return 0;
	long k = read_some(r, dst, n);
	if (k == 0)
		r->eof = true;
	return k;
}

int
news_reader_slurp(news_reader *r, news_buf *out, size_t max)
{
	for (;;) {
		if (out->len >= max)
			return 1;
		news_buf_reserve(out, READ_CHUNK);
		size_t room = out->cap - out->len;
		if (room > max - out->len + 1)
			room = max - out->len + 1;
		long k = news_reader_read(r, out->data + out->len, room);
		if (k < 0)
			return -1;
		if (k == 0)
			return 0;
		out->len += (size_t)k;
		if (out->len > max) {
			out->len = max;
			return 1;
		}
	}
}
