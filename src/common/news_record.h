/* news_record.h: one input record, its fields, and the edits a program makes.
 *
 * A program reads the fields it needs, states its edits (set a field to a
 * new value, delete a field), and emits.  Emitting copies the input line
 * byte for byte except where an edit applies: a replaced field keeps its
 * place, a new field is appended, everything else (numbers as written, key
 * order, escapes, spacing) is untouched.  Edits can be cleared and made
 * again to emit several records from one input (news-split). */
#ifndef NEWS_RECORD_H
#define NEWS_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"
#include "news_json.h"

typedef struct news_edit {
	const char *key;        /* points to caller-owned, long-lived memory */
	size_t key_len;
	size_t val_off;         /* value bytes in news_record.vals */
	size_t val_len;
	bool deleted;
	bool appended;          /* the input had no such field */
} news_edit;

typedef struct news_record {
	const char *line;       /* the (UTF-8 repaired) input line */
	size_t len;
	news_json_object obj;
	news_edit *edits;
	size_t n_edits;
	size_t cap_edits;
	news_buf vals;          /* storage for edited values */
	news_buf scratch;       /* for decoding escaped strings */
	int open_edit;          /* set_begin()/set_end() in progress, or -1 */
} news_record;

void news_record_init(news_record *r);
void news_record_free(news_record *r);

/* Scan line as a JSON object.  Clears previous edits.  The line must stay
 * valid until the record is emitted. */
int news_record_parse(news_record *r, const char *line, size_t len,
    news_json_error *err);

const news_json_member *news_record_get(const news_record *r, const char *key);

/* A field by dotted path ("source.code" is member "code" of the object in
 * member "source").  Fills *m and returns true when it exists. */
bool news_record_path(const news_record *r, const char *path,
    news_json_member *m);

/* A string field's text: 1 with text and len set when it is a string, 0 when
 * absent, -1 when present but not a string (null counts as not a string).
 * The text stays valid until the next call on r. */
int news_record_string(news_record *r, const char *key, const char **text,
    size_t *len);

/* Edits.  Keys are not copied: pass string literals or memory that
 * outlives the emit.  Setting a key twice keeps the last value. */
void news_record_set_raw(news_record *r, const char *key, const char *json,
    size_t len);
void news_record_set_string(news_record *r, const char *key, const char *s,
    size_t len);
void news_record_set_int(news_record *r, const char *key, int64_t v);
void news_record_set_null(news_record *r, const char *key);
void news_record_delete(news_record *r, const char *key);
/* Build a value in place: write JSON into the returned buffer, then call
 * news_record_set_end().  No other edit may come in between. */
news_buf *news_record_set_begin(news_record *r, const char *key);
void news_record_set_end(news_record *r);
void news_record_clear_edits(news_record *r);

/* Append the edited object and a '\n' to out. */
void news_record_emit(const news_record *r, news_buf *out);

#endif
