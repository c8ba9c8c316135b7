/* strip_dict.h: news-strip's dictionaries and the word scanner that looks
 * things up in them (internal to the text engineer's files).
 *
 * Words are runs of letters (and combining marks), lower-cased; anything
 * else, digits included, separates them.  "Comments (3)", "COMMENTS" and
 * "comments3" all become the one word "comments", so a dictionary phrase
 * matches however a site decorates it.  Phrases are looked up by the hash
 * of their word sequence, so matching a block costs a few hash probes per
 * word whatever the size of the dictionaries. */
#ifndef STRIP_DICT_H
#define STRIP_DICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strip.h"

/* Kinds of phrase ([KIND] sections of the dictionary files). */
enum strip_phrase_kind {
	STRIP_PH_WIDGET = 0,    /* share/print/subscribe/cookie/navigation labels */
	STRIP_PH_SECTION,       /* headings of teaser, related or comment sections */
	STRIP_PH_CAPTION,       /* photo captions and credits */
	STRIP_PH_BYLINE,        /* "by", "reporting by": byline prefixes */
	STRIP_PH_DATELABEL,     /* "published", "updated": date line prefixes */
	STRIP_PH_RELTIME,       /* "minutes ago": relative times */
	STRIP_PH_END,           /* "source", "(c)": lines that close an article */
	STRIP_PH_PROMO,         /* "follow us on", "sign up for our": calls to
	                         * action, in blocks of up to 60 words */
	STRIP_PH_BIO,           /* "is a", "teaches": what follows a name in
	                         * the author's note closing an article */
	STRIP_PH_KINDS
};

/* How a phrase must sit in a block. */
enum strip_phrase_mode {
	STRIP_MODE_WHOLE = 0,   /* "phrase": the whole block */
	STRIP_MODE_PREFIX,      /* "phrase ...": the block starts with it */
	STRIP_MODE_SUFFIX,      /* "... phrase": the block ends with it */
	STRIP_MODE_CONTAINS,    /* "... phrase ...": anywhere (short blocks) */
};

#define STRIP_PHRASE_MAX_WORDS 8

typedef struct strip_word {
	uint64_t h;             /* hash of the lower-cased word */
	uint32_t off, len;      /* bytes in the scanned text */
	bool cap;               /* starts with an upper-case letter */
	bool upper;             /* all upper case (2+ letters) */
} strip_word;

typedef struct strip_words {
	strip_word *w;
	size_t n, cap;
	size_t letters;         /* letters in all words */
	size_t cjk;             /* letters of scripts written without spaces */
	size_t digits;
} strip_words;

/* Split s into words (appending to nothing: out is reset). */
void strip_words_scan(const char *s, size_t len, strip_words *out);
void strip_words_free(strip_words *w);

/* The hash of one lower-cased word, and of a word sequence. */
uint64_t strip_word_hash(const char *lower, size_t len);
static inline uint64_t
strip_seq_hash(uint64_t h, uint64_t word)
{
	return (h ^ word) * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
}

/* The phrase kinds matching words w[0..n), as a mask of (1 << kind),
 * counting only phrases of the given modes (a mask of 1 << STRIP_MODE_*).
 * Contains-phrases are looked for only when n <= max_contains. */
#define STRIP_MODES_ALL 15u
unsigned strip_dicts_match(const strip_dicts *d, const strip_word *w,
    size_t n, size_t max_contains, unsigned modes);
/* The kinds a prefix phrase ends at word index *end (exclusive) for, with
 * mode PREFIX: returns the mask and sets end_word[kind] (or 0). */
unsigned strip_dicts_prefix(const strip_dicts *d, const strip_word *w,
    size_t n, size_t end_word[STRIP_PH_KINDS]);

/* The languages a word is a stopword of, as a mask of language bits. */
uint64_t strip_dicts_stop(const strip_dicts *d, uint64_t word_hash);
/* The bit of a language's stopword list, or 0 when it has none. */
uint64_t strip_dicts_lang(const strip_dicts *d, const char *lang);
/* The month (1-12) a word names, or 0. */
int strip_dicts_month(const strip_dicts *d, uint64_t word_hash);

#endif

/* A date found in text (strip_date.c).  year is 0 when the text gave a
 * month and day only ("Jan. 20"). */
typedef struct strip_date {
	int year, month, day;
	size_t start, end;      /* bytes in the scanned text */
} strip_date;

/* The first date in s[0..len).  A day and month without a year count
 * only when allow_no_year.  Returns false when there is none. */
bool strip_date_scan(const strip_dicts *d, const char *s, size_t len,
    bool dmy, bool allow_no_year, strip_date *out);
