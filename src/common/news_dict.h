/* news_dict.h: plain-text dictionaries, built in and extendable.
 *
 * Each program's dictionaries live in src/PROGRAM/dict/NAME.txt and are
 * compiled into the program (tools/embed.c), so a cron job needs no data
 * path; --dict FILE adds a user's own file in the same format.  Lines are
 * UTF-8; blank lines and lines starting with '#' are comments. */
#ifndef NEWS_DICT_H
#define NEWS_DICT_H

#include <stddef.h>

#include "news_buf.h"

typedef struct news_blob {
	const char *name;       /* the file name without ".txt" */
	const char *data;
	size_t len;
} news_blob;

/* Called for each content line, trailing white space and '\r' removed.
 * `source` and `lineno` are for messages.  Return non-zero to stop. */
typedef int (*news_dict_fn)(const char *line, size_t len, const char *source,
    unsigned long lineno, void *user);

/* Call fn for each line of data; returns the first non-zero result. */
int news_dict_lines(const char *data, size_t len, const char *source,
    news_dict_fn fn, void *user);

/* The blob named name, or NULL. */
const news_blob *news_blob_find(const news_blob *blobs, size_t n,
    const char *name);

/* Read a user dictionary file into out, or exit 2 with a message (a bad
 * --dict is a configuration error). */
void news_dict_read_file(const char *path, news_buf *out);

#endif
