/* strip_warc.h: reading WARC files (ISO 28500), plain or gzipped.
 *
 * A crawl archive is a sequence of records: "WARC/1.0" or "WARC/1.1", named
 * headers, a blank line, Content-Length bytes of block, two line breaks.
 * In a .warc.gz file each record is its own gzip member; news_reader reads
 * the members one after another as one stream, so a record is read as it
 * comes, never the whole file.  For a response record the block is an HTTP
 * response, whose status, Content-Type and body are taken apart here
 * (chunked transfer coding and gzip/deflate content coding are undone). */
#ifndef STRIP_WARC_H
#define STRIP_WARC_H

#include <stdbool.h>
#include <stddef.h>

#include "news_buf.h"
#include "news_io.h"

typedef struct strip_warc_record {
	/* WARC headers (NUL-terminated; "" when absent) */
	char type[32];          /* response, request, resource, warcinfo... */
	char *target_uri;
	char *date;             /* WARC-Date, as written */
	char *record_id;
	/* the payload: for a response, the HTTP body; else the block */
	const char *body;
	size_t body_len;
	int http_status;        /* 0 when the block is not an HTTP response */
	char content_type[128]; /* the payload's media type, lower case, no
	                         * parameters ("text/html"), or "" */
	char charset[40];       /* the charset parameter, or "" */
	unsigned long long lineno;  /* where the record began, for messages */
} strip_warc_record;

typedef struct strip_warc {
	news_reader *r;
	news_buf block;         /* the record's block as read */
	news_buf decoded;       /* the payload after transfer/content decoding */
	char *target_uri, *date, *record_id;
	size_t max_record;
	unsigned long long lineno;
	const char *error;      /* why the last read failed */
} strip_warc;

void strip_warc_init(strip_warc *w, news_reader *r, size_t max_record);
void strip_warc_free(strip_warc *w);

/* Read the next record.  1: a record (valid until the next call); 0: end
 * of input; -1: the input is not a WARC file or is damaged (w->error says
 * why; reading cannot go on). */
int strip_warc_next(strip_warc *w, strip_warc_record *rec);

/* Whether a record holds an HTML page worth extracting: a response (status
 * 2xx) or resource record whose payload is text/html or XHTML, or looks
 * like HTML. */
bool strip_warc_is_html(const strip_warc_record *rec);

#endif
