/* strip_html_class.c: what the words in class and id values say.
 *
 * The vocabulary is dict/html_classes.txt (format there), loaded with the
 * other dictionaries (strip_dict.c hands us its [htmlclass KIND] lines).  Pages repeat the
 * same class values thousands of times, so verdicts are cached by the hash
 * of the whole value. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "news_hash.h"
#include "strip_html.h"
#include "strip_html_int.h"

typedef struct class_word {
	char *word;
	size_t len;
	uint64_t head, mask;    /* its first eight bytes (fewer: zero padded),
	                         * and the bits of those it has */
	bool prefix;
	bool whole;             /* =NAME: a whole class name */
	enum strip_class_kind kind;
} class_word;

static class_word *words;
static size_t n_words, cap_words;
/* words[] sorted by first letter; bucket[c] is where those starting with
 * c begin, bucket[c + 1] where they end */
static size_t bucket[257];
static bool sorted;

/* An entry is a value's hash with its low four bits replaced by the
 * verdict + 1 (0: empty): eight bytes, so more of the caches stay near. */
#define CACHE_SIZE 65536
static uint64_t cache[CACHE_SIZE];
/* Names recur across values ("col-md-8", "btn"), so they have a cache of
 * their own, for values seen once (ids, long utility-class lists). */
#define NAME_CACHE_SIZE 32768
static uint64_t name_cache[NAME_CACHE_SIZE];
static bool cached;             /* anything is in the caches */

/* The verdict cached for hash h, or -1. */
static inline int
cache_get(const uint64_t *c, size_t size, uint64_t h)
{
	uint64_t e = c[h & (size - 1)];
	return e && (e >> 4) == (h >> 4) ? (int)(e & 15) - 1 : -1;
}

static inline void
cache_put(uint64_t *c, size_t size, uint64_t h, enum strip_class_kind k)
{
	c[h & (size - 1)] = (h & ~(uint64_t)15) | (uint64_t)(k + 1);
	cached = true;
}

/* The first eight bytes of w[0..len), zero padded, as one integer. */
static inline uint64_t
head8(const char *w, size_t len)
{
	uint64_t h = 0;
	memcpy(&h, w, len < 8 ? len : 8);
	return h;
}

void
strip_html_class_add(const char *line, size_t wl, const char *k, size_t kl,
    const char *source, unsigned long lineno)
{
	enum strip_class_kind kind;
	if (kl == 6 && memcmp(k, "hidden", 6) == 0)
		kind = STRIP_CLASS_HIDDEN;
	else if (kl == 6 && memcmp(k, "strong", 6) == 0)
		kind = STRIP_CLASS_STRONG;
	else if (kl == 6 && memcmp(k, "boiler", 6) == 0)
		kind = STRIP_CLASS_BOILER;
	else if (kl == 7 && memcmp(k, "content", 7) == 0)
		kind = STRIP_CLASS_CONTENT;
	else if (kl == 7 && memcmp(k, "caption", 7) == 0)
		kind = STRIP_CLASS_CAPTION;
	else
		news_die(NEWS_EXIT_USAGE, "%s:%lu: [htmlclass KIND] needs one of "
		    "hidden, strong, boiler, caption, content", source, lineno);
	while (wl && (line[wl - 1] == ' ' || line[wl - 1] == '\t'))
		wl--;
	bool whole = wl > 1 && line[0] == '=';
	if (whole) {
		line++;
		wl--;
	}
	bool prefix = wl > 1 && line[wl - 1] == '*';
	if (prefix)
		wl--;
	if (wl == 0 || memchr(line, ' ', wl))
		news_die(NEWS_EXIT_USAGE, "%s:%lu: one class word a line", source,
		    lineno);
	if (n_words == cap_words) {
		cap_words = cap_words ? cap_words * 2 : 128;
		words = news_xrealloc(words, cap_words * sizeof *words);
	}
	char *w = news_xstrndup(line, wl);
	for (size_t i = 0; i < wl; i++)
		w[i] = (char)tolower((unsigned char)w[i]);
	uint64_t mask = wl >= 8 ? ~0ULL : ((uint64_t)1 << (8 * wl)) - 1;
	words[n_words++] = (class_word){ w, wl, head8(w, wl), mask, prefix,
	    whole, kind };
	sorted = false;
	/* verdicts cached before this word came are stale (clearing the
	 * caches for each word of the built-in list would cost more than all
	 * the rest of starting up) */
	if (cached) {
		memset(cache, 0, sizeof cache);
		memset(name_cache, 0, sizeof name_cache);
		cached = false;
	}
}

static int
word_cmp(const void *a, const void *b)
{
	const class_word *x = a, *y = b;
	return (int)(unsigned char)x->word[0] - (int)(unsigned char)y->word[0];
}

static void
sort_words(void)
{
	qsort(words, n_words, sizeof *words, word_cmp);
	size_t i = 0;
	for (int c = 0; c < 256; c++) {
		bucket[c] = i;
		while (i < n_words && (unsigned char)words[i].word[0] == c)
			i++;
	}
	bucket[256] = n_words;
	sorted = true;
}

static enum strip_class_kind
word_kind(const char *w, size_t len, bool whole)
{
	enum strip_class_kind best = STRIP_CLASS_NONE;
	if (!sorted)
		sort_words();
	unsigned char c0 = (unsigned char)w[0];
	/* the first eight bytes compared as one integer, the rest (rare)
	 * with memcmp */
	uint64_t head = head8(w, len);
	for (size_t i = bucket[c0]; i < bucket[c0 + 1]; i++) {
		const class_word *c = &words[i];
		if (c->whole != whole || (head & c->mask) != c->head)
			continue;
		if (c->prefix ? len >= c->len : len == c->len)
			if (c->len <= 8 || memcmp(w + 8, c->word + 8, c->len - 8) == 0)
				if (c->kind > best)
					best = c->kind;
	}
	return best;
}

/* Modifier and taxonomy names ("has-sidebar", "tag-politics") say nothing
 * about what an element is. */
static bool
is_modifier(const char *name, size_t len)
{
	/* the prefixes: "has-", "is-", "no-", "with-", "tag-", "category-",
	 * "js-", "post-", "format-", "type-", "status-"; only the one as
	 * long as the name's first word can match */
	if (len < 4)
		return false;
	const char *dash = memchr(name + 1, '-', len - 1 < 9 ? len - 1 : 9);
	if (!dash)
		return false;
	size_t wl = (size_t)(dash - name);     /* the first word's length */
	if (len <= wl + 1)
		return false;
	char w[9];
	for (size_t i = 0; i < wl; i++)
		w[i] = (char)(name[i] | 0x20);
#define IS(lit) (wl == sizeof lit - 1 && memcmp(w, lit, wl) == 0)
	/* "post-123", "type-post": taxonomy; but "post-content" is a real
	 * name, so post- only with a digit after it */
	if (IS("post"))
		return isdigit((unsigned char)name[wl + 1]) != 0;
	return IS("has") || IS("is") || IS("no") || IS("with") || IS("tag") ||
	    IS("category") || IS("js") || IS("format") || IS("type") ||
	    IS("status");
#undef IS
}

/* One class name ("article__footer"): hidden, then strong, then boiler,
 * then content words win. */
static enum strip_class_kind name_kind_uncached(const char *s, size_t len);


static enum strip_class_kind
name_kind(const char *s, size_t len)
{
	uint64_t h = news_hash64(s, len);
	int c = cache_get(name_cache, NAME_CACHE_SIZE, h);
	if (c >= 0)
		return (enum strip_class_kind)c;
	enum strip_class_kind k = name_kind_uncached(s, len);
	cache_put(name_cache, NAME_CACHE_SIZE, h, k);
	return k;
}

static enum strip_class_kind
name_kind_uncached(const char *s, size_t len)
{
	char w[64];
	size_t n = 0;
	for (; n < len && n < sizeof w; n++)
		w[n] = (char)tolower((unsigned char)s[n]);
	enum strip_class_kind k = n == len ? word_kind(w, n, true)
	    : STRIP_CLASS_NONE;
	size_t wl = 0;
	for (size_t i = 0; i <= len; i++) {
		unsigned char c = i < len ? (unsigned char)s[i] : 0;
		bool alnum = isalnum(c);
		bool camel = alnum && wl > 0 && isupper(c) && islower((unsigned char)s[i - 1]);
		if ((!alnum || camel) && wl > 0) {
			enum strip_class_kind wk = word_kind(w, wl, false);
			if (wk > k)     /* the enum is ordered by precedence */
				k = wk;
			wl = 0;
		}
		if (alnum && wl < sizeof w)
			w[wl++] = (char)tolower(c);
	}
	return k;
}

static enum strip_class_kind
value_kind(const char *v, size_t len)
{
	/* across the names of one value: hidden and strong win, then a
	 * content name, then a caption name, then a boiler name */
	bool content = false, boiler = false, strong = false, hidden = false,
	    caption = false;
	size_t i = 0;
	while (i < len) {
		while (i < len && isspace((unsigned char)v[i]))
			i++;
		size_t s = i;
		while (i < len && !isspace((unsigned char)v[i]))
			i++;
		if (i == s || is_modifier(v + s, i - s))
			continue;
		switch (name_kind(v + s, i - s)) {
		case STRIP_CLASS_HIDDEN: hidden = true; break;
		case STRIP_CLASS_STRONG: strong = true; break;
		case STRIP_CLASS_BOILER: boiler = true; break;
		case STRIP_CLASS_CONTENT: content = true; break;
		case STRIP_CLASS_CAPTION: caption = true; break;
		default: break;
		}
	}
	if (hidden)
		return STRIP_CLASS_HIDDEN;
	if (strong)
		return STRIP_CLASS_STRONG;
	if (content)
		return STRIP_CLASS_CONTENT;
	if (caption)
		return STRIP_CLASS_CAPTION;
	if (boiler)
		return STRIP_CLASS_BOILER;
	return STRIP_CLASS_NONE;
}

enum strip_class_kind
strip_html_class_of(const char *value, size_t len)
{
	if (len == 0)
		return STRIP_CLASS_NONE;
	uint64_t h = news_hash64(value, len);
	int c = cache_get(cache, CACHE_SIZE, h);
	if (c >= 0)
		return (enum strip_class_kind)c;
	enum strip_class_kind k = value_kind(value, len);
	cache_put(cache, CACHE_SIZE, h, k);
	return k;
}
