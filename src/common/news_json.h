/* news_json.h: a strict JSON scanner and a JSON writer.
 *
 * The scanner validates a whole value (RFC 8259, nothing more lenient) and
 * records where each top-level member of an object lies, without building a
 * tree or converting anything: fields a program does not own are copied
 * byte for byte, so a 30-digit integer or 1e400 survives as written.
 * Input must already be valid UTF-8 (news_utf8_repair).  Values that need a
 * tree (arrays of entities and the like) can be walked with the iterators
 * below or handed to jansson (news_jansson.h). */
#ifndef NEWS_JSON_H
#define NEWS_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"

typedef enum news_json_type {
	NEWS_JSON_NONE = 0,
	NEWS_JSON_OBJECT,
	NEWS_JSON_ARRAY,
	NEWS_JSON_STRING,
	NEWS_JSON_NUMBER,
	NEWS_JSON_TRUE,
	NEWS_JSON_FALSE,
	NEWS_JSON_NULL,
} news_json_type;

/* Where a syntax error is: a byte offset into the scanned text. */
typedef struct news_json_error {
	size_t offset;
	const char *msg;
} news_json_error;

/* One member of a scanned object.  `key` is the raw text between the
 * quotes; `val` the raw value (strings with their quotes). */
typedef struct news_json_member {
	const char *key;
	size_t key_len;
	const char *val;
	size_t val_len;
	news_json_type type;
	bool key_escaped;       /* key contains a backslash escape */
	bool val_escaped;       /* string value contains a backslash escape */
	int edit;               /* used by news_record: index of an edit, or -1 */
} news_json_member;

typedef struct news_json_object {
	news_json_member *m;
	size_t n;
	size_t cap;
	const char *start;      /* the '{' */
	const char *end;        /* one past the '}' */
} news_json_object;

/* Validate s[0..len) as exactly one JSON object (whitespace around it
 * allowed) and record its top-level members in o (reusing o's memory).
 * Returns 0, or -1 with *err set. */
int news_json_scan_object(news_json_object *o, const char *s, size_t len,
    news_json_error *err);

/* Validate s[0..len) as exactly one JSON value of any type. */
int news_json_validate(const char *s, size_t len, news_json_type *type,
    news_json_error *err);

void news_json_object_free(news_json_object *o);

/* The last member named key (later duplicates win, as in jq and
 * JavaScript), or NULL. */
const news_json_member *news_json_find(const news_json_object *o,
    const char *key, size_t key_len);

/* Append the decoded text of a raw string value (with or without its
 * quotes) to out.  Lone surrogate escapes become U+FFFD; returns how many. */
size_t news_json_decode_string(const char *raw, size_t len, news_buf *out);

/* The text of a string value: points into raw when it has no escapes,
 * else decodes into scratch.  Returns the length. */
size_t news_json_string(const news_json_member *m, const char **text,
    news_buf *scratch);

/* Iterating over an already validated array or object value. */
typedef struct news_json_iter {
	const char *p;
	const char *end;
} news_json_iter;

void news_json_iter_init(news_json_iter *it, const char *val, size_t len);
bool news_json_array_next(news_json_iter *it, const char **val, size_t *len,
    news_json_type *type);
bool news_json_object_next(news_json_iter *it, news_json_member *m);

/* Parse a number value as a double or integer; false if it is not one or
 * does not fit. */
bool news_json_to_double(const char *val, size_t len, double *out);
bool news_json_to_int64(const char *val, size_t len, int64_t *out);

/* Writing.  Strings must be valid UTF-8; they are written unescaped except
 * for '"', '\\' and control characters. */
void news_json_put_string(news_buf *b, const char *s, size_t len);
void news_json_put_cstring(news_buf *b, const char *s);
/* "key": (key written as a string) */
void news_json_put_key(news_buf *b, const char *key);
void news_json_put_int(news_buf *b, int64_t v);
void news_json_put_uint(news_buf *b, uint64_t v);
/* The decimal digits of v at p, without printf (numbers go out with every
 * record); p needs room for 20 bytes.  Returns the end. */
char *news_json_fmt_uint(char *p, uint64_t v);
/* The shortest decimal that reads back as v (3.4, never 3.39999...);
 * NaN and infinities, which JSON lacks, are written as null. */
void news_json_put_double(news_buf *b, double v);
void news_json_put_bool(news_buf *b, bool v);
void news_json_put_null(news_buf *b);

#endif
