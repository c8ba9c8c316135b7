/* dedupe.h: news-dedupe's options and the pieces main() puts together. */
#ifndef DEDUPE_H
#define DEDUPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"
#include "news_hash.h"
#include "news_record.h"

#define DEDUPE_MAX_KEYS 16

typedef struct dedupe_opts {
	const char *keys[DEDUPE_MAX_KEYS];      /* --key paths */
	size_t n_keys;
	bool mark;                              /* --mark: annotate, keep all */
	const char *mark_field;                 /* "dup_of" */
} dedupe_opts;

/* The hash of a record's normalised key values.  Returns false when a key
 * is missing (its path in *missing). */
bool dedupe_key(const news_record *rec, const dedupe_opts *o, news_buf *scratch,
    news_hash128 *out, const char **missing);

/* The in-memory seen-set: key hash -> the first record's id (raw JSON). */
typedef struct seen_set seen_set;

seen_set *seen_new(void);
void seen_free(seen_set *s);
/* Insert h.  Returns NULL when it is new (remembering first_id), else the
 * raw JSON id of the first record with this key. */
const char *seen_insert(seen_set *s, news_hash128 h, const char *first_id,
    size_t first_id_len, size_t *id_len);

#endif
