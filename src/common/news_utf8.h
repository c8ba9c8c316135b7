/* news_utf8.h: UTF-8 validation, repair, decoding and code point offsets.
 *
 * Records are UTF-8.  Invalid bytes are never emitted: they are replaced by
 * U+FFFD (EF BF BD) and counted.  Offsets users see (start/end) count code
 * points, so programs convert byte offsets with news_cp_cursor. */
#ifndef NEWS_UTF8_H
#define NEWS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"

#define NEWS_UTF8_REPLACEMENT "\xEF\xBF\xBD"

/* Length of the longest valid UTF-8 prefix of s (== len when all valid).
 * Surrogates, overlong forms and code points above U+10FFFF are invalid. */
size_t news_utf8_valid_prefix(const char *s, size_t len);

static inline bool
news_utf8_valid(const char *s, size_t len)
{
	return news_utf8_valid_prefix(s, len) == len;
}

/* Append s to out with every invalid sequence replaced by U+FFFD.
 * Returns the number of replacements made. */
size_t news_utf8_repair(const char *s, size_t len, news_buf *out);

/* Decode the code point at s (at most len bytes).  Stores it in *cp and
 * returns the bytes consumed (1-4); an invalid sequence yields U+FFFD and 1. */
size_t news_utf8_decode(const char *s, size_t len, int32_t *cp);

/* Encode cp (0..0x10FFFF, not a surrogate) into out; returns 1-4. */
size_t news_utf8_encode(int32_t cp, char out[4]);

/* Code points in valid UTF-8 s. */
size_t news_utf8_count(const char *s, size_t len);

/* Converts increasing byte offsets into code point offsets in one pass.
 * Offsets may also go backwards (it rescans from the start then). */
typedef struct news_cp_cursor {
	const char *base;
	size_t byte;
	size_t cp;
} news_cp_cursor;

static inline void
news_cp_cursor_init(news_cp_cursor *c, const char *base)
{
	c->base = base;
	c->byte = 0;
	c->cp = 0;
}

/* The code point offset of byte offset `byte` (which must lie on a
 * character boundary of valid UTF-8). */
size_t news_cp_at(news_cp_cursor *c, size_t byte);

/* The byte offset of code point offset `cp` within s[0..len). */
size_t news_utf8_byte_at(const char *s, size_t len, size_t cp);

#endif
