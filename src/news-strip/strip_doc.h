/* strip_doc.h: from a page's blocks to the document record's values. */
#ifndef STRIP_DOC_H
#define STRIP_DOC_H

#include "strip.h"

typedef struct strip_doc {
	news_buf text;          /* the article's paragraphs, a blank line between */
	strip_meta meta;        /* title, date, byline */
	const char *lang;       /* ISO 639-1, or NULL */
	news_buf scratch;
} strip_doc;

/* Classify the page's blocks and fill doc (reusing its memory).
 * year_hint completes a dateline without a year (0: unknown).  The
 * language is guessed only when guess_lang (a record that gives its own
 * keeps it); doc->lang is NULL otherwise. */
void strip_document(strip_page *page, const strip_config *cfg, int year_hint,
    bool guess_lang, strip_doc *doc);
void strip_doc_free(strip_doc *doc);

/* The blocks with their classes and evidence, as a JSON array (--explain). */
void strip_explain(const strip_page *page, news_buf *out);

#endif
