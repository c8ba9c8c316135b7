/* strip_warc.c: WARC records and the HTTP responses inside them. */
#include "strip_warc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "news_err.h"
#include "strip_charset.h"
#include "strip_html.h"

void
strip_warc_init(strip_warc *w, news_reader *r, size_t max_record)
{
	memset(w, 0, sizeof *w);
	w->r = r;
	w->max_record = max_record;
}

void
strip_warc_free(strip_warc *w)
{
	news_buf_free(&w->block);
	news_buf_free(&w->decoded);
	free(w->target_uri);
	free(w->date);
	free(w->record_id);
}

static void
set_str(char **slot, const char *s, size_t n)
{
	free(*slot);
	*slot = news_xstrndup(s, n);
}

static void
trim(const char **s, size_t *n)
{
	while (*n && isspace((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && isspace((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

/* "Name: value" into name and value spans; false if no colon. */
static bool
split_header(const char *line, size_t len, const char **v, size_t *vl,
    size_t *nl)
{
	const char *colon = memchr(line, ':', len);
	if (!colon)
		return false;
	*nl = (size_t)(colon - line);
	*v = colon + 1;
	*vl = len - *nl - 1;
	trim(v, vl);
	return true;
}

static bool
name_is(const char *line, size_t nl, const char *name)
{
	return nl == strlen(name) && strncasecmp(line, name, nl) == 0;
}

/* Media type and charset from a Content-Type value. */
static void
parse_content_type(const char *v, size_t vl, strip_warc_record *rec)
{
	size_t n = 0;
	while (n < vl && v[n] != ';' && !isspace((unsigned char)v[n]) &&
	    n + 1 < sizeof rec->content_type) {
		rec->content_type[n] = (char)tolower((unsigned char)v[n]);
		n++;
	}
	rec->content_type[n] = '\0';
	if (!strip_charset_from_content_type(v, vl, rec->charset,
	    sizeof rec->charset))
		rec->charset[0] = '\0';
}

/* Undo chunked transfer coding into out; false when malformed. */
static bool
dechunk(const char *p, size_t len, news_buf *out)
{
	size_t i = 0;
	while (i < len) {
		char *end;
		unsigned long long size = strtoull(p + i, &end, 16);
		if (end == p + i)
			return false;
		const char *nl = memchr(end, '\n', len - (size_t)(end - p));
		if (!nl)
			return false;
		i = (size_t)(nl - p) + 1;
		if (size == 0)
			return true;
		if (size > len - i)
			size = len - i;     /* truncated capture: keep what is there */
		news_buf_add(out, p + i, (size_t)size);
		i += (size_t)size;
		while (i < len && (p[i] == '\r' || p[i] == '\n'))
			i++;
	}
	return true;
}

/* Undo gzip or deflate content coding into out; false when it is not. */
static bool
inflate_all(const char *p, size_t len, news_buf *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 32) != Z_OK)  /* gzip or zlib, detected */
		return false;
	z.next_in = (Bytef *)p;
	z.avail_in = (uInt)(len > UINT32_MAX ? UINT32_MAX : len);
	int rc;
	do {
		news_buf_reserve(out, 65536);
		z.next_out = (Bytef *)out->data + out->len;
		z.avail_out = (uInt)(out->cap - out->len > UINT32_MAX ? UINT32_MAX
		    : out->cap - out->len);
		size_t before = z.avail_out;
		rc = inflate(&z, Z_NO_FLUSH);
		out->len += before - z.avail_out;
	} while (rc == Z_OK);
	inflateEnd(&z);
	return rc == Z_STREAM_END || (rc == Z_BUF_ERROR && out->len > 0);
}

/* Take an HTTP response apart: status, headers, body. */
static void
parse_http(strip_warc *w, strip_warc_record *rec)
{
	const char *p = w->block.data;
	size_t len = w->block.len;
	rec->body = p;
	rec->body_len = len;
	if (len < 12 || strncmp(p, "HTTP/", 5) != 0)
		return;
	const char *sp = memchr(p, ' ', len < 64 ? len : 64);
	if (!sp)
		return;
	rec->http_status = atoi(sp + 1);
	bool chunked = false;
	char coding[16] = "";
	size_t i = 0;
	/* header lines up to the blank line */
	for (;;) {
		const char *nl = memchr(p + i, '\n', len - i);
		if (!nl) {
			rec->body = p + len;
			rec->body_len = 0;
			return;
		}
		size_t ll = (size_t)(nl - (p + i));
		const char *line = p + i;
		i = (size_t)(nl - p) + 1;
		if (ll && line[ll - 1] == '\r')
			ll--;
		if (ll == 0)
			break;
		const char *v;
		size_t vl, nlen;
		if (!split_header(line, ll, &v, &vl, &nlen))
			continue;
		if (name_is(line, nlen, "Content-Type"))
			parse_content_type(v, vl, rec);
		else if (name_is(line, nlen, "Transfer-Encoding"))
			chunked = vl >= 7 && strncasecmp(v, "chunked", 7) == 0;
		else if (name_is(line, nlen, "Content-Encoding") && vl < sizeof coding) {
			memcpy(coding, v, vl);
			coding[vl] = '\0';
		}
	}
	rec->body = p + i;
	rec->body_len = len - i;
	news_buf_clear(&w->decoded);
	if (chunked && dechunk(rec->body, rec->body_len, &w->decoded)) {
		rec->body = w->decoded.data ? w->decoded.data : "";
		rec->body_len = w->decoded.len;
	}
	if (strcasecmp(coding, "gzip") == 0 || strcasecmp(coding, "x-gzip") == 0 ||
	    strcasecmp(coding, "deflate") == 0) {
		news_buf tmp = {0};
		if (inflate_all(rec->body, rec->body_len, &tmp)) {
			news_buf_free(&w->decoded);
			w->decoded = tmp;
			rec->body = w->decoded.data ? w->decoded.data : "";
			rec->body_len = w->decoded.len;
		} else {
			news_buf_free(&tmp);
		}
	}
}

int
strip_warc_next(strip_warc *w, strip_warc_record *rec)
{
	news_line line;
	int rc;
	memset(rec, 0, sizeof *rec);
	/* the version line, after the blank lines that end the last record */
	do {
		rc = news_reader_getline(w->r, &line);
		if (rc <= 0) {
			w->error = rc < 0 ? news_reader_error(w->r) : NULL;
			return rc;
		}
	} while (line.len == 0);
	if (line.len < 5 || memcmp(line.data, "WARC/", 5) != 0) {
		w->error = "not a WARC record (expected a 'WARC/1.x' line)";
		return -1;
	}
	rec->lineno = line.lineno;
	unsigned long long length = 0;
	bool have_length = false;
	free(w->target_uri);
	free(w->date);
	free(w->record_id);
	w->target_uri = w->date = w->record_id = NULL;
	for (;;) {
		rc = news_reader_getline(w->r, &line);
		if (rc == 0 && news_reader_stopped(w->r))
			return 0;       /* a stop signal: the record was not read */
		if (rc <= 0) {
			w->error = rc < 0 ? news_reader_error(w->r)
			    : "truncated WARC record header";
			return -1;
		}
		if (line.len == 0)
			break;
		const char *v;
		size_t vl, nl;
		if (!split_header(line.data, line.len, &v, &vl, &nl))
			continue;
		if (name_is(line.data, nl, "WARC-Type")) {
			size_t n = vl < sizeof rec->type - 1 ? vl : sizeof rec->type - 1;
			for (size_t i = 0; i < n; i++)
				rec->type[i] = (char)tolower((unsigned char)v[i]);
			rec->type[n] = '\0';
		} else if (name_is(line.data, nl, "WARC-Target-URI")) {
			/* WARC 1.0 examples wrap it in <> */
			if (vl >= 2 && v[0] == '<' && v[vl - 1] == '>') {
				v++;
				vl -= 2;
			}
			set_str(&w->target_uri, v, vl);
		} else if (name_is(line.data, nl, "WARC-Date")) {
			set_str(&w->date, v, vl);
		} else if (name_is(line.data, nl, "WARC-Record-ID")) {
			set_str(&w->record_id, v, vl);
		} else if (name_is(line.data, nl, "Content-Length")) {
			char *end;
			length = strtoull(v, &end, 10);
			have_length = end != v;
		} else if (name_is(line.data, nl, "Content-Type")) {
			parse_content_type(v, vl, rec);
		}
	}
	if (!have_length) {
		w->error = "WARC record without Content-Length";
		return -1;
	}
	/* the block; one larger than the record limit is read past, not kept */
	news_buf_clear(&w->block);
	unsigned long long left = length;
	bool oversized = length > w->max_record;
	while (left > 0) {
		size_t want = left > 1 << 20 ? 1 << 20 : (size_t)left;
		news_buf_reserve(&w->block, want);
		long k = news_reader_read(w->r, w->block.data + w->block.len, want);
		if (k < 0) {
			w->error = news_reader_error(w->r);
			return -1;
		}
		if (k == 0 && news_reader_stopped(w->r))
			return 0;   /* a stop signal: the record was not read whole */
		if (k == 0)
			break;      /* truncated file: keep what is there */
		left -= (unsigned long long)k;
		if (!oversized)
			w->block.len += (size_t)k;
	}
	rec->target_uri = w->target_uri;
	rec->date = w->date;
	rec->record_id = w->record_id;
	if (oversized) {
		snprintf(rec->type, sizeof rec->type, "%s", "oversized");
		rec->body = "";
		return 1;
	}
	if (strcmp(rec->type, "response") == 0) {
		rec->content_type[0] = rec->charset[0] = '\0';
		parse_http(w, rec);
	} else {
		rec->body = w->block.data ? w->block.data : "";
		rec->body_len = w->block.len;
	}
	return 1;
}

bool
strip_warc_is_html(const strip_warc_record *rec)
{
	bool response = strcmp(rec->type, "response") == 0;
	if (!response && strcmp(rec->type, "resource") != 0)
		return false;
	if (response && (rec->http_status < 200 || rec->http_status > 299))
		return false;
	const char *ct = rec->content_type;
	if (strcmp(ct, "text/html") == 0 || strcmp(ct, "application/xhtml+xml") == 0)
		return true;
	if (ct[0] && strcmp(ct, "text/plain") != 0 &&
	    strcmp(ct, "application/octet-stream") != 0)
		return false;
	return strip_looks_like_html(rec->body, rec->body_len);
}
