/* strip_charset.h: the character set of an HTML page, and conversion to UTF-8.
 *
 * Detection follows what browsers do, in this order: a byte order mark; the
 * charset a transport gave (a WARC record's Content-Type header); the
 * <meta charset> or <meta http-equiv="Content-Type"> near the top of the
 * page (the WHATWG "prescan", a byte-level scan of <meta> tags only); then,
 * when nothing was declared, UTF-8 if the bytes are valid UTF-8, else
 * windows-1252.  A page declared as a single-byte Latin charset whose bytes
 * are valid UTF-8 with non-ASCII in them is taken as UTF-8: legacy text
 * almost never forms valid multi-byte sequences, while mislabelled UTF-8
 * pages are common. */
#ifndef STRIP_CHARSET_H
#define STRIP_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

#include "news_buf.h"

/* The charset named in a Content-Type value ("text/html; charset=x"), copied
 * into out (NUL-terminated, at most outsz-1 bytes); returns 1 when found. */
int strip_charset_from_content_type(const char *v, size_t len, char *out,
    size_t outsz);

/* The page's charset as a canonical iconv name ("UTF-8", "WINDOWS-1252",
 * "UTF-16LE", ...).  `declared` is a transport's charset or NULL.  *bom is
 * set to the length of a byte order mark to skip, *valid to whether the
 * bytes after it are valid UTF-8 (checked once, for the conversion). */
const char *strip_charset_detect(const char *p, size_t len,
    const char *declared, size_t *bom, bool *valid);

/* Append p converted from `charset` to UTF-8 to out.  Bytes that do not
 * convert become U+FFFD.  An unknown charset is treated as windows-1252.
 * `valid` says p is valid UTF-8 already (a plain copy for UTF-8).
 * Returns the number of replacements. */
size_t strip_charset_to_utf8(const char *p, size_t len, const char *charset,
    bool valid, news_buf *out);

#endif
