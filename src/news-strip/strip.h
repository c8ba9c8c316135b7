/* strip.h: news-strip's shared pieces.
 *
 * A page, text or HTML, becomes a list of blocks (lines or paragraphs of a
 * text page, block elements of an HTML page) with the evidence each carries;
 * one classifier decides which blocks are article; the document record is
 * built from the kept blocks and the metadata found on the way.
 *
 *   text page:  strip_text_blocks()  \
 *                                      > strip_classify() -> strip_document()
 *   HTML page:  strip_html_blocks()  /
 *
 * Ownership: the text path, the classifier, metadata from text and main()
 * belong to the text engineer; strip_html*.c, strip_warc.c and charset
 * handling to the HTML engineer.  Either may append fields at the END of
 * these structs (in a commit of its own); neither reorders or removes. */
#ifndef STRIP_H
#define STRIP_H

#include <stdbool.h>
#include <stddef.h>

#include "news_buf.h"

/* What kind of element a block came from. */
typedef enum strip_tag {
	STRIP_LINE = 0,         /* a line/paragraph of a text page */
	STRIP_P,
	STRIP_H1, STRIP_H2, STRIP_H3, STRIP_H4, STRIP_H5, STRIP_H6,
	STRIP_LI,
	STRIP_TD,
	STRIP_PRE,
	STRIP_QUOTE,            /* blockquote */
	STRIP_CAPTION,          /* figcaption, caption */
	STRIP_DIV,              /* text directly in a div or other container */
} strip_tag;

/* Evidence from markup (HTML) or layout (text). */
enum {
	STRIP_HINT_ARTICLE = 1 << 0,    /* inside <article>, <main>, itemprop=articleBody */
	STRIP_HINT_BOILER = 1 << 1,     /* class/id/role says nav, comments, share, related, cookie... */
	STRIP_HINT_BLANK_BEFORE = 1 << 2,  /* text page: a blank line precedes */
	STRIP_HINT_BLANK_AFTER = 1 << 3,   /* text page: a blank line follows */
	STRIP_HINT_TITLE = 1 << 4,      /* the page's headline element (h1 / og:title match) */
	STRIP_HINT_LIST_ITEM = 1 << 5,  /* text page: starts with a list marker (bullet, "1.") */
	STRIP_HINT_INDENTED = 1 << 6,   /* text page: indented more than the page's body lines */
	/* appended by the HTML engineer */
	STRIP_HINT_MAIN = 1 << 12,      /* HTML: inside the container that holds the
	                                 * page's prose (strip_html_main.c); on a page
	                                 * where no block has it there is none clear */
};

typedef struct strip_block {
	size_t off;             /* text in strip_page.text: UTF-8, white space collapsed */
	size_t len;
	strip_tag tag;
	unsigned hints;         /* STRIP_HINT_* */
	float link_density;     /* share of the text inside <a> (HTML); 0 for text */
	int depth;              /* DOM depth (HTML); 0 for text */
	bool keep;              /* set by strip_classify() */
	/* appended by the text engineer: what strip_classify() decided and why */
	unsigned char cls;      /* STRIP_CLS_* */
	unsigned feat;          /* STRIP_FEAT_* evidence found in the text */
} strip_block;

typedef struct strip_page {
	news_buf text;          /* all block texts, back to back */
	strip_block *blocks;
	size_t n, cap;
	/* metadata the markup gave, NUL-terminated and malloc'd, or NULL */
	char *meta_title;
	char *meta_date;        /* as found; normalised to YYYY-MM-DD later */
	char *meta_byline;
	char *meta_url;         /* canonical link */
	char *meta_lang;        /* <html lang>, og:locale */
} strip_page;

void strip_page_init(strip_page *p);
void strip_page_clear(strip_page *p);
void strip_page_free(strip_page *p);
/* Append a block (text is copied; white space is the caller's business). */
strip_block *strip_page_add(strip_page *p, const char *text, size_t len,
    strip_tag tag);

#endif
