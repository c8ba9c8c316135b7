/* strip_html.h: the HTML path of news-strip.
 *
 * An HTML page (any charset: BOM, <meta charset>, Content-Type meta, else
 * UTF-8 or windows-1252) becomes strip_page blocks for strip_classify(),
 * with the page's metadata in meta_* and the markup's evidence in hints:
 * STRIP_HINT_MAIN marks the blocks of the main content found from the
 * containers' prose and link text and class names, STRIP_HINT_BOILER the
 * blocks in page furniture (nav, comments, share bars...), STRIP_HINT_TITLE
 * the headline element. */
#ifndef STRIP_HTML_H
#define STRIP_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "strip.h"

/* Parse html (len bytes, need not be NUL-terminated) into page, which the
 * caller has initialised.  `charset` is what a transport declared (a WARC
 * record's Content-Type) or NULL.  Returns 0; the parser tolerates any
 * input, so there is no failure short of running out of memory (exit 3). */
int strip_html_blocks_cs(const char *html, size_t len, const char *charset,
    strip_page *page);
int strip_html_blocks(const char *html, size_t len, strip_page *page);
/* The same for a page known to be valid UTF-8, whatever its <meta> says
 * (a page in a JSON string). */
int strip_html_blocks_utf8(const char *html, size_t len, strip_page *page);

/* Whether a raw page (its first bytes) looks like HTML rather than text:
 * it starts, after white space and a BOM, with a doctype, a comment or a
 * known element's tag. */
bool strip_looks_like_html(const char *p, size_t len);

/* One line of a "[htmlclass KIND]" dictionary section (strip_dict.c reads
 * the files): a class word and its kind (hidden, strong, boiler, content).
 * A bad kind or word exits 2 with "source:lineno:" in the message. */
void strip_html_class_add(const char *word, size_t len, const char *kind,
    size_t kind_len, const char *source, unsigned long lineno);

#endif
