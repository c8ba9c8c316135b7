/* dedupe.h: news-dedupe's pieces that main() puts together. */
#ifndef DEDUPE_H
#define DEDUPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"
#include "news_hash.h"
#include "news_record.h"

#define DEDUPE_MAX_KEYS 16
#define DEDUPE_NO_DAY INT32_MAX

/* The hash of a record's normalised key values (NFKC, case folded,
 * white space collapsed; the JSON type tells "1" from 1).  Returns false
 * when a key is missing (its path in *missing). */
bool dedupe_key(const news_record *rec, const char *const *keys, size_t n_keys,
    news_buf *scratch, news_hash128 *out, const char **missing);

/* The one-a-day key of an event record: date, source.code, target.code
 * and code.  *day is the date's day number, or DEDUPE_NO_DAY. */
bool dedupe_event_key(const news_record *rec, news_buf *scratch,
    news_hash128 *out, int32_t *day, const char **missing);
/* Days since 1970-01-01 of a string starting YYYY-MM-DD, or DEDUPE_NO_DAY. */
int32_t dedupe_day(const char *s, size_t len);

/* --count: event groups held until their day closes. */
typedef struct event_groups event_groups;
typedef void (*egroup_emit_fn)(void *user, const char *line, size_t len,
    uint64_t count, news_hash128 key);

event_groups *egroups_new(void);
void egroups_free(event_groups *e);
/* Count one more event of an open group; false when none is open. */
bool egroups_count(event_groups *e, news_hash128 key);
/* Open a group with its first record's line (copied). */
void egroups_open(event_groups *e, news_hash128 key, int32_t day,
    const char *line, size_t len);
/* Close the groups of days up to `upto` (INT64_MAX: all, undated too),
 * by day and then in the order they were opened. */
void egroups_close(event_groups *e, int64_t upto, egroup_emit_fn emit,
    void *user);

/* The in-memory seen-set: key hash -> the first record's id (raw JSON). */
typedef struct seen_set seen_set;

seen_set *seen_new(void);
void seen_free(seen_set *s);
/* Insert h.  Returns NULL when it is new (remembering first_id), else the
 * raw JSON id of the first record with this key. */
const char *seen_insert(seen_set *s, news_hash128 h, const char *first_id,
    size_t first_id_len, size_t *id_len);

#endif
