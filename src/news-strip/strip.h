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
	STRIP_HINT_QUOTE = 1 << 13,     /* HTML: inside a <blockquote> */
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
	/* appended by the HTML engineer */
	size_t replaced;        /* HTML: bytes that did not convert to UTF-8 (U+FFFD) */
	const char *charset;    /* HTML: the charset the page was read in */
} strip_page;

/* The classes strip_classify() gives a block (strip_block.cls). */
enum strip_cls {
	STRIP_CLS_BAD = 0,      /* boilerplate */
	STRIP_CLS_SHORT,        /* too short to judge alone: its neighbours decide */
	STRIP_CLS_NEAR,         /* some prose evidence: kept next to good blocks */
	STRIP_CLS_GOOD,         /* article prose */
	STRIP_CLS_HEADING,      /* a short heading; kept when article follows */
	STRIP_CLS_CAPTION,      /* photo caption or credit: kept with --keep-captions */
	STRIP_CLS_TITLE,        /* the headline: goes to "title", not "text" */
	STRIP_CLS_META,         /* dateline, byline, date line: metadata, not text */
};

/* Evidence the classifier found in a block's text (strip_block.feat). */
enum {
	STRIP_FEAT_WIDGET = 1 << 0,     /* a widget phrase of the boilerplate dictionary */
	STRIP_FEAT_SECTION = 1 << 1,    /* heading of a teaser section ("Latest News") */
	STRIP_FEAT_CAPTION = 1 << 2,    /* a caption or photo credit phrase */
	STRIP_FEAT_DATE = 1 << 3,       /* mostly a date or time */
	STRIP_FEAT_RELTIME = 1 << 4,    /* "45 minutes ago" */
	STRIP_FEAT_BYLINE = 1 << 5,     /* "By Kim Eun-jung" */
	STRIP_FEAT_CONTACT = 1 << 6,    /* e-mail addresses or URLs dominate */
	STRIP_FEAT_REPEATED = 1 << 7,   /* the same text occurs elsewhere on the page */
	STRIP_FEAT_HEADLINE = 1 << 8,   /* headline-shaped: title case, no final stop */
	STRIP_FEAT_LIST = 1 << 9,       /* in a teaser list (headlines, timestamps) */
	STRIP_FEAT_SENTENCE = 1 << 10,  /* ends like a sentence */
	STRIP_FEAT_OUTSIDE = 1 << 11,   /* outside the article's main region */
	STRIP_FEAT_NUMERIC = 1 << 12,   /* digits and symbols, no words */
	STRIP_FEAT_LINKS = 1 << 13,     /* link density too high (HTML) */
	STRIP_FEAT_NAV = 1 << 14,       /* breadcrumbs or a menu ("Home > News", "A | B | C") */
	STRIP_FEAT_BIO = 1 << 15,       /* a name, then "is a ...": an author's note */
};

/* The dictionaries (stopwords per language, widget phrases, caption and
 * byline markers, month names...).  Built from the compiled-in files of
 * src/news-strip/dict/ plus any --dict files; see strip_dict.c. */
typedef struct strip_dicts strip_dicts;

strip_dicts *strip_dicts_new(void);
/* Add a dictionary in the documented format (sections "[KIND]" or
 * "[KIND LANG]").  `source` names it in messages; a bad line exits 2. */
void strip_dicts_add(strip_dicts *d, const char *data, size_t len,
    const char *source);
void strip_dicts_free(strip_dicts *d);

/* What the classifier and the document builder need to know. */
typedef struct strip_config {
	const strip_dicts *dicts;
	size_t min_length;      /* --min-length: shortest block judged alone (chars) */
	bool keep_captions;     /* --keep-captions */
} strip_config;

/* Classify every block of page: sets keep, cls and feat.  `lang` (ISO
 * 639-1, or NULL when unknown) selects the stopword list; NULL uses all
 * of them.  Linear in the page's text.  Title, date and byline blocks are
 * classified as boilerplate here; strip_meta_find() then marks them. */
void strip_classify(strip_page *page, const strip_config *cfg,
    const char *lang);

/* Metadata found in the page's text. */
typedef struct strip_meta {
	char *title;            /* malloc'd, or NULL */
	char *byline;
	char date[11];          /* "YYYY-MM-DD", or "" */
} strip_meta;

/* Find the title, publication date and byline among the classified blocks
 * (markup's meta_* fields win where present) and mark the blocks they came
 * from.  `year_hint` (0 when unknown) completes a dateline without a year. */
void strip_meta_find(strip_page *page, const strip_config *cfg,
    const char *lang, int year_hint, strip_meta *out);
void strip_meta_free(strip_meta *m);

/* Parse a date in s[0..len) ("January 20, 2022", "23.02.2024 23:27",
 * "2022-01-20T12:00Z", "20 janvier 2022", "2022년 1월 20일").  Fills
 * out with "YYYY-MM-DD" and returns the byte offset just past the date
 * within s, or 0 when s holds no complete date.  *start gets the date's
 * first byte.  `dmy` says how to read an ambiguous "03/04/2024". */
size_t strip_date_find(const strip_dicts *d, const char *s, size_t len,
    bool dmy, char out[11], size_t *start);

/* A text page (valid UTF-8) split into blocks: paragraphs separated by
 * blank lines, or single lines when the page puts one paragraph on each
 * line; hard-wrapped lines are joined.  Layout goes into the hints. */
void strip_text_blocks(const char *text, size_t len, strip_page *page);

/* An HTML page turned into blocks (strip_html*.c, the HTML engineer's).
 * Returns 0, or -1 when the page cannot be parsed. */
int strip_html_blocks(const char *html, size_t len, strip_page *page);

/* The language of an article's text as an ISO 639-1 code ("en"), or NULL
 * when it cannot be told (no letters, or no language model installed).
 * `hint` is the language the page declares (<html lang>, og:locale) or
 * NULL; it is taken when the text agrees (strip_lang.c says how), else
 * libexttextcat decides among the languages of the text's script. */
const char *strip_lang_detect(const strip_dicts *d, const char *text,
    size_t len, const char *hint);
void strip_lang_cleanup(void);

/* The encoding of a raw text page: a name iconv knows ("UTF-8",
 * "WINDOWS-1252", "UTF-16LE", ...), found from a byte order mark, from
 * the bytes being valid UTF-8, or from the statistics of its high bytes.
 * *bom gets the length of a byte order mark to skip. */
const char *strip_encoding_detect(const char *p, size_t len, size_t *bom);
/* Append p converted from `enc` to UTF-8 to out; bytes that do not convert
 * become U+FFFD.  Returns the number of replacements. */
size_t strip_encoding_to_utf8(const char *p, size_t len, const char *enc,
    news_buf *out);

void strip_page_init(strip_page *p);
void strip_page_clear(strip_page *p);
void strip_page_free(strip_page *p);
/* Append a block (text is copied; white space is the caller's business). */
strip_block *strip_page_add(strip_page *p, const char *text, size_t len,
    strip_tag tag);

#endif
