/* strip_html_int.h: the pieces of the HTML path (strip_html*.c), private to it. */
#ifndef STRIP_HTML_INT_H
#define STRIP_HTML_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"
#include "strip.h"

/* --- what class, id and role words say (strip_html_class.c) --- */
enum strip_class_kind {
	STRIP_CLASS_NONE = 0,
	STRIP_CLASS_CONTENT,
	STRIP_CLASS_CAPTION,    /* an image's wrapper: its text is a caption */
	STRIP_CLASS_BOILER,
	STRIP_CLASS_STRONG,     /* comments, share bars, cookie notices */
	STRIP_CLASS_HIDDEN,     /* screen-reader-only, hidden */
};

/* The verdict on one class or id attribute value. */
enum strip_class_kind strip_html_class_of(const char *value, size_t len);

/* --- the containers of a page, for finding its main content
 * (strip_html_main.c) --- */
enum {
	STRIP_NODE_BOILER = 1 << 0,     /* class/tag says boilerplate */
	STRIP_NODE_STRONG = 1 << 1,     /* comments, share, cookie... */
	STRIP_NODE_CONTENT = 1 << 2,    /* class says article container */
	STRIP_NODE_ARTICLE = 1 << 3,    /* <article>, <main>, articleBody */
	STRIP_NODE_CAPTION = 1 << 4,    /* class says image or caption */
};

typedef struct strip_node {
	int parent;             /* -1 for the root */
	unsigned flags;         /* STRIP_NODE_* */
	double good, bad;       /* prose and boilerplate weight of its blocks */
	double score;
} strip_node;

typedef struct strip_nodes {
	strip_node *v;
	size_t n, cap;
	int *block_node;        /* the innermost node of each block */
	size_t nb, cap_b;
} strip_nodes;

/* Choose the page's main content and set STRIP_HINT_MAIN and
 * STRIP_HINT_BOILER on the page's blocks. */
void strip_html_main(strip_page *page, strip_nodes *nodes);

/* --- text runs carried beside libxml2 (strip_html_text.c) --- */
#define STRIP_TEXT_MARK 0xE000  /* a run's mark: U+E000 + its number % 4096 */

typedef struct strip_texts {
	news_buf text;          /* the runs, decoded, back to back */
	size_t *end;            /* where run i ends in text, and STRIP_TEXT_LINK */
	size_t n, cap;
} strip_texts;
/* In end[i]: run i was the whole text of a link whose tags were dropped
 * (strip_html_elide.c). */
#define STRIP_TEXT_LINK ((size_t)1 << (sizeof(size_t) * 8 - 1))

void strip_texts_clear(strip_texts *t);
void strip_texts_free(strip_texts *t);
/* Add the run s[0..len) (character references not yet decoded: this
 * decodes them as libxml2 does); writes its mark (UTF-8) to mark and
 * returns the mark's length. */
size_t strip_texts_add(strip_texts *t, const char *s, size_t len, char mark[4]);
/* The last run added was the text of a link (an <a> without attributes
 * around it alone, dropped with its end tag). */
void strip_texts_mark_link(strip_texts *t);
/* The run a mark names: *next is the number of the run expected next
 * (0 at first), moved past the one found; *link says it is a link's
 * text.  False when there is none. */
bool strip_texts_get(const strip_texts *t, size_t *next, int32_t mark,
    const char **s, size_t *len, bool *link);

/* --- before parsing (strip_html_elide.c) --- */
/* Copy p[0..len) to q without the content of script (but JSON-LD), style
 * and svg elements, comments and what else is never read; returns the
 * length written.  With texts, every run of text that is not all white
 * space goes there and leaves its mark in q (a one-byte run becomes a
 * three-byte mark).  q must not overlap p and must have room for
 * STRIP_ELIDE_ROOM(len) bytes (it is written 16 bytes at a time). */
#define STRIP_ELIDE_ROOM(len) (3 * (len) + 16)
size_t strip_html_elide(const char *p, size_t len, char *q, strip_texts *texts);
/* Whether the start tag of element name[0..n) (any case) ends the block
 * being collected (strip_html.c), so white space next to it says
 * nothing. */
bool strip_html_block_start(const char *name, size_t n);

/* --- metadata (strip_html_meta.c) --- */
typedef struct strip_html_meta {
	char *og_title, *title, *site_name;
	char *date[4];          /* by priority: meta, JSON-LD, itemprop, <time> */
	char *author[3];        /* meta, JSON-LD, rel=author */
	char *canonical, *og_url;
	char *lang;
	char *body;             /* JSON-LD articleBody (the longest) */
	size_t body_len;
} strip_html_meta;

void strip_html_meta_free(strip_html_meta *m);
/* A <meta> tag's attributes (name/value pairs, NULL-terminated, as libxml2
 * gives them). */
void strip_html_meta_tag(strip_html_meta *m, const char **attrs);
/* Whether a <meta> name, property or itemprop is one we read. */
bool strip_html_meta_key_wanted(const char *key, size_t len);
/* A <link> tag's attributes. */
void strip_html_link_tag(strip_html_meta *m, const char **attrs);
/* The text of a <script type="application/ld+json">. */
void strip_html_jsonld(strip_html_meta *m, const char *json, size_t len);
/* Whether strip_html_meta_finish() would look at JSON-LD's date or author:
 * the <meta> tags gave no date, or no author worth a byline. */
bool strip_html_meta_wants_jsonld(const strip_html_meta *m);
/* Keep s in *slot unless a value is there already (s is copied, trimmed). */
void strip_html_meta_set(char **slot, const char *s, size_t len);
/* Fill page->meta_* from what was found; `h1` is the page's first main
 * heading's text or NULL.  Returns the title chosen (page->meta_title). */
void strip_html_meta_finish(strip_html_meta *m, strip_page *page,
    const char *h1, size_t h1_len);

#endif
