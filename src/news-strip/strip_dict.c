/* strip_dict.c: loading news-strip's dictionaries, and looking words and
 * phrases up in them.
 *
 * Format (see news-strip(1)): UTF-8 lines, '#' comments, sections
 *
 *   [stopwords LANG]   words of LANG (ISO 639-1) separated by white space
 *   [months]           "N name name..." : month N and its names, any language
 *   [widget] [section] [caption] [byline] [datelabel] [reltime] [end]
 *                      one phrase a line: "phrase" matches a whole block,
 *                      "phrase ..." its start, "... phrase" its end and
 *                      "... phrase ..." anywhere in a short block.
 *   [htmlclass KIND]   words of HTML class and id values (the HTML reader's;
 *                      see strip_html_class.c). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "news_dict.h"
#include "news_err.h"
#include "news_hash.h"
#include "news_utf8.h"
#include "strip_dict.h"
#include "strip_html.h"

#define MAX_LANGS 64

/* An open-addressing map from 64-bit hashes to 64-bit values (key 0 =
 * free).  A key and its value side by side: a look-up touches one cache
 * line (every word of a page is looked up). */
typedef struct hmap_entry {
	uint64_t key, val;
} hmap_entry;

/* Besides, a bit per key hash (other bits of it than the table's index):
 * most words looked up are in no table, and this small set, which stays
 * in the processor's nearest cache, says so without a look in the table,
 * which does not. */
#define HMAP_FILTER_BITS 32768

typedef struct hmap {
	hmap_entry *e;
	size_t cap, n;          /* cap is a power of two */
	uint64_t filter[HMAP_FILTER_BITS / 64];
} hmap;

static inline size_t
hmap_filter_bit(uint64_t key)
{
	return (size_t)(key >> 40) & (HMAP_FILTER_BITS - 1);
}

static uint64_t *
hmap_slot(hmap *m, uint64_t key)
{
	if (!key)
		key = 1;
	if ((m->n + 1) * 2 > m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 1024;
		hmap_entry *ne = news_xcalloc(ncap, sizeof *ne);
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->e[i].key)
				continue;
			size_t j = m->e[i].key & (ncap - 1);
			while (ne[j].key)
				j = (j + 1) & (ncap - 1);
			ne[j] = m->e[i];
		}
		free(m->e);
		m->e = ne;
		m->cap = ncap;
	}
	size_t j = key & (m->cap - 1);
	while (m->e[j].key && m->e[j].key != key)
		j = (j + 1) & (m->cap - 1);
	if (!m->e[j].key) {
		m->e[j].key = key;
		m->n++;
		size_t b = hmap_filter_bit(key);
		m->filter[b / 64] |= (uint64_t)1 << (b % 64);
	}
	return &m->e[j].val;
}

static inline uint64_t
hmap_get(const hmap *m, uint64_t key)
{
	if (!key)
		key = 1;
	size_t b = hmap_filter_bit(key);
	if (!((m->filter[b / 64] >> (b % 64)) & 1))
		return 0;
	for (size_t j = key & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
		if (m->e[j].key == key)
			return m->e[j].val;
		if (!m->e[j].key)
			return 0;
	}
}

static void
hmap_free(hmap *m)
{
	free(m->e);
}

/* A bit per word hash for the words phrases start with: most words of a
 * page start none, and one look in this small set spares the hash
 * look-ups of every window starting there. */
#define FIRST_BITS 65536

struct strip_dicts {
	hmap stop;              /* word -> language mask */
	hmap phrases;           /* word sequence -> mask of kind * 4 + mode */
	uint64_t first[FIRST_BITS / 64];   /* words phrases start with */
	hmap months;            /* word -> month */
	char langs[MAX_LANGS][8];
	size_t n_langs;
	strip_words scratch;
};

/* --- words ------------------------------------------------------------- */

/* Words are hashed as they are scanned, a byte at a time (FNV-1a, then
 * a finalizer that spreads the bits for the tables' low-bit indexing). */
#define WORD_HASH_INIT 0xcbf29ce484222325ull

static inline uint64_t
word_hash_add(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ull;
}

static inline uint64_t
word_hash_end(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

uint64_t
strip_word_hash(const char *lower, size_t len)
{
	uint64_t h = WORD_HASH_INIT;
	for (size_t i = 0; i < len; i++)
		h = word_hash_add(h, (unsigned char)lower[i]);
	return word_hash_end(h);
}

/* Scripts written without spaces between words: each character is a word. */
static bool
unspaced_script(int32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x3040 && c <= 0x30FF) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x0E00 && c <= 0x0E7F) || (c >= 0x20000 && c <= 0x2FFFF);
}

static void
end_word(strip_words *out, uint64_t h, size_t start, size_t end, bool cap,
    size_t n_letters, size_t n_upper)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 64;
		out->w = news_xrealloc(out->w, out->cap * sizeof *out->w);
	}
	strip_word *w = &out->w[out->n++];
	w->h = word_hash_end(h);
	w->off = (uint32_t)start;
	w->len = (uint32_t)(end - start);
	w->cap = cap;
	w->upper = n_letters >= 2 && n_upper == n_letters;
}

void
strip_words_scan(const char *s, size_t len, strip_words *out)
{
	size_t start = 0, n_letters = 0, n_upper = 0;
	bool in_word = false, cap = false;
	uint64_t h = WORD_HASH_INIT;       /* of the word's lower-case bytes */

	out->n = 0;
	out->letters = out->cjk = out->digits = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp;
		size_t k;
		/* ASCII fast path */
		if (c < 0x80) {
			bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			if (alpha) {
				if (!in_word) {
					in_word = true;
					start = i;
					cap = c < 'a';
					n_letters = n_upper = 0;
					h = WORD_HASH_INIT;
				}
				/* the run of ASCII letters, in locals */
				size_t j = i, up = 0;
				do {
					h = word_hash_add(h, c | 0x20);
					up += c < 'a';
					c = ++j < len ? (unsigned char)s[j] : 0;
				} while ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
				n_letters += j - i;
				n_upper += up;
				out->letters += j - i;
				i = j;
				continue;
			} else {
				if (c >= '0' && c <= '9')
					out->digits++;
				if (in_word)
					end_word(out, h, start, i, cap, n_letters, n_upper);
				in_word = false;
			}
			i++;
			continue;
		}
		k = news_utf8_decode(s + i, len - i, &cp);
		utf8proc_category_t cat = utf8proc_category(cp);
		bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
		bool mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
		if (letter && unspaced_script(cp)) {
			if (in_word)
				end_word(out, h, start, i, cap, n_letters, n_upper);
			h = WORD_HASH_INIT;
			for (size_t b = 0; b < k; b++)
				h = word_hash_add(h, (unsigned char)s[i + b]);
			end_word(out, h, i, i + k, false, 1, 0);
			in_word = false;
			out->letters++;
			out->cjk++;
		} else if (letter || (mark && in_word)) {
			if (!in_word) {
				in_word = true;
				start = i;
				cap = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
				n_letters = n_upper = 0;
				h = WORD_HASH_INIT;
			}
			char enc[4];
			int32_t lc = utf8proc_tolower(cp);
			size_t el = news_utf8_encode(lc, enc);
			for (size_t b = 0; b < el; b++)
				h = word_hash_add(h, (unsigned char)enc[b]);
			if (letter) {
				n_letters++;
				n_upper += cat == UTF8PROC_CATEGORY_LU;
				out->letters++;
			}
		} else {
			if (cat == UTF8PROC_CATEGORY_ND)
				out->digits++;
			if (in_word)
				end_word(out, h, start, i, cap, n_letters, n_upper);
			in_word = false;
		}
		i += k;
	}
	if (in_word)
		end_word(out, h, start, len, cap, n_letters, n_upper);
}

void
strip_words_free(strip_words *w)
{
	free(w->w);
	memset(w, 0, sizeof *w);
}

/* --- loading ------------------------------------------------------------ */

enum section {
	SEC_NONE = -1,
	SEC_STOP = STRIP_PH_KINDS,
	SEC_MONTHS,
	SEC_HTMLCLASS,
};

typedef struct load_state {
	strip_dicts *d;
	int section;            /* a phrase kind, SEC_STOP or SEC_MONTHS */
	uint64_t lang_bit;
	char kind[16];          /* [htmlclass KIND] */
} load_state;

static const char *const kind_names[STRIP_PH_KINDS] = {
	"widget", "section", "caption", "byline", "datelabel", "reltime", "end",
	"promo", "bio",
};

static uint64_t
lang_bit(strip_dicts *d, const char *lang, size_t len, bool add)
{
	for (size_t i = 0; i < d->n_langs; i++)
		if (strlen(d->langs[i]) == len && memcmp(d->langs[i], lang, len) == 0)
			return (uint64_t)1 << i;
	if (!add)
		return 0;
	if (d->n_langs == MAX_LANGS)
		return 0;
	memcpy(d->langs[d->n_langs], lang, len);
	d->langs[d->n_langs][len] = '\0';
	return (uint64_t)1 << d->n_langs++;
}

static int
section_line(load_state *st, const char *line, size_t len, const char *source,
    unsigned long lineno)
{
	const char *p = line + 1, *end = line + len - 1;   /* inside [ ] */
	while (p < end && *p == ' ')
		p++;
	const char *name = p;
	while (p < end && *p != ' ')
		p++;
	size_t nlen = (size_t)(p - name);
	while (p < end && *p == ' ')
		p++;
	const char *arg = p;
	while (p < end && *p != ' ')
		p++;
	size_t alen = (size_t)(p - arg);

	if (nlen == 9 && memcmp(name, "stopwords", 9) == 0) {
		if (alen == 0 || alen > 7)
			news_die(NEWS_EXIT_USAGE, "%s:%lu: [stopwords LANG] needs a "
			    "language code", source, lineno);
		st->section = SEC_STOP;
		st->lang_bit = lang_bit(st->d, arg, alen, true);
		if (!st->lang_bit)
			news_die(NEWS_EXIT_USAGE, "%s:%lu: too many stopword languages "
			    "(at most %d)", source, lineno, MAX_LANGS);
		return 0;
	}
	if (nlen == 6 && memcmp(name, "months", 6) == 0) {
		st->section = SEC_MONTHS;
		return 0;
	}
	if (nlen == 9 && memcmp(name, "htmlclass", 9) == 0) {
		static const char *const kinds[] = { "hidden", "strong", "boiler",
		    "caption", "content" };
		bool known = false;
		for (size_t k = 0; k < 5; k++)
			known |= strlen(kinds[k]) == alen && memcmp(kinds[k], arg, alen) == 0;
		if (!known)
			news_die(NEWS_EXIT_USAGE, "%s:%lu: [htmlclass KIND] needs one of "
			    "hidden, strong, boiler, caption, content", source, lineno);
		memcpy(st->kind, arg, alen);
		st->kind[alen] = '\0';
		st->section = SEC_HTMLCLASS;
		return 0;
	}
	for (int k = 0; k < STRIP_PH_KINDS; k++)
		if (strlen(kind_names[k]) == nlen && memcmp(kind_names[k], name, nlen) == 0) {
			st->section = k;
			return 0;
		}
	news_die(NEWS_EXIT_USAGE, "%s:%lu: unknown section '[%.*s]'", source, lineno,
	    (int)(len - 2), line + 1);
}

static int
load_line(const char *line, size_t len, const char *source, unsigned long lineno,
    void *user)
{
	load_state *st = user;
	strip_dicts *d = st->d;
	strip_words *w = &d->scratch;

	while (len && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	if (line[0] == '[' && line[len - 1] == ']')
		return section_line(st, line, len, source, lineno);
	if (st->section == SEC_NONE)
		news_die(NEWS_EXIT_USAGE, "%s:%lu: an entry before any [section]",
		    source, lineno);

	if (st->section == SEC_STOP) {
		strip_words_scan(line, len, w);
		for (size_t i = 0; i < w->n; i++)
			*hmap_slot(&d->stop, w->w[i].h) |= st->lang_bit;
		return 0;
	}
	if (st->section == SEC_HTMLCLASS) {
		strip_html_class_add(line, len, st->kind, strlen(st->kind), source,
		    lineno);
		return 0;
	}
	if (st->section == SEC_MONTHS) {
		char *end;
		long m = strtol(line, &end, 10);
		if (end == line || m < 1 || m > 12)
			news_die(NEWS_EXIT_USAGE, "%s:%lu: a [months] line starts with "
			    "the month's number (1-12)", source, lineno);
		strip_words_scan(end, len - (size_t)(end - line), w);
		for (size_t i = 0; i < w->n; i++)
			*hmap_slot(&d->months, w->w[i].h) = (uint64_t)m;
		return 0;
	}
	/* a phrase, with "..." marking where the block may go on */
	int mode = STRIP_MODE_WHOLE;
	bool open_start = len > 3 && memcmp(line, "...", 3) == 0;
	bool open_end = len > 3 && memcmp(line + len - 3, "...", 3) == 0;
	if (open_start) {
		line += 3;
		len -= 3;
	}
	if (open_end && len >= 3)
		len -= 3;
	if (open_start && open_end)
		mode = STRIP_MODE_CONTAINS;
	else if (open_start)
		mode = STRIP_MODE_SUFFIX;
	else if (open_end)
		mode = STRIP_MODE_PREFIX;
	strip_words_scan(line, len, w);
	if (w->n == 0)
		news_die(NEWS_EXIT_USAGE, "%s:%lu: a phrase needs at least one word "
		    "(digits and punctuation are ignored)", source, lineno);
	if (w->n > STRIP_PHRASE_MAX_WORDS)
		news_die(NEWS_EXIT_USAGE, "%s:%lu: a phrase has at most %d words",
		    source, lineno, STRIP_PHRASE_MAX_WORDS);
	uint64_t h = 0;
	for (size_t i = 0; i < w->n; i++)
		h = strip_seq_hash(h, w->w[i].h);
	*hmap_slot(&d->phrases, h) |= (uint64_t)1 << (st->section * 4 + mode);
	uint64_t b = (w->w[0].h >> 24) & (FIRST_BITS - 1);
	d->first[b / 64] |= (uint64_t)1 << (b % 64);
	return 0;
}

strip_dicts *
strip_dicts_new(void)
{
	return news_xcalloc(1, sizeof(strip_dicts));
}

void
strip_dicts_add(strip_dicts *d, const char *data, size_t len, const char *source)
{
	load_state st = { .d = d, .section = SEC_NONE };

	news_dict_lines(data, len, source, load_line, &st);
}

void
strip_dicts_free(strip_dicts *d)
{
	if (!d)
		return;
	hmap_free(&d->stop);
	hmap_free(&d->phrases);
	hmap_free(&d->months);
	strip_words_free(&d->scratch);
	free(d);
}

/* --- look-ups ------------------------------------------------------------ */

uint64_t
strip_dicts_stop(const strip_dicts *d, uint64_t word_hash)
{
	return hmap_get(&d->stop, word_hash);
}

uint64_t
strip_dicts_lang(const strip_dicts *d, const char *lang)
{
	if (!lang)
		return 0;
	return lang_bit((strip_dicts *)d, lang, strlen(lang), false);
}

int
strip_dicts_month(const strip_dicts *d, uint64_t word_hash)
{
	return (int)hmap_get(&d->months, word_hash);
}

static inline bool
may_start_phrase(const strip_dicts *d, uint64_t word_hash)
{
	uint64_t b = (word_hash >> 24) & (FIRST_BITS - 1);
	return (d->first[b / 64] >> (b % 64)) & 1;
}

/* Fold a mask of kind * 4 + mode bits into kinds, keeping the modes the
 * window's position allows. */
static unsigned
kinds_of(uint64_t bits, bool at_start, bool at_end, bool contains_ok,
    unsigned modes)
{
	unsigned kinds = 0;

	for (int k = 0; k < STRIP_PH_KINDS; k++) {
		unsigned m = (unsigned)(bits >> (k * 4)) & modes;
		if (!m)
			continue;
		if (((m & (1u << STRIP_MODE_WHOLE)) && at_start && at_end) ||
		    ((m & (1u << STRIP_MODE_PREFIX)) && at_start) ||
		    ((m & (1u << STRIP_MODE_SUFFIX)) && at_end) ||
		    ((m & (1u << STRIP_MODE_CONTAINS)) && contains_ok))
			kinds |= 1u << k;
	}
	return kinds;
}

unsigned
strip_dicts_match(const strip_dicts *d, const strip_word *w, size_t n,
    size_t max_contains, unsigned modes)
{
	unsigned kinds = 0;
	bool contains_ok = n <= max_contains;

	if (!d->phrases.n || !n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		/* windows starting at i: only the first and the last few words
		 * matter unless contains-phrases are looked for */
		if (!contains_ok && i != 0 && i + STRIP_PHRASE_MAX_WORDS < n)
			continue;
		if (!may_start_phrase(d, w[i].h))
			continue;
		uint64_t h = 0;
		for (size_t j = i; j < n && j - i < STRIP_PHRASE_MAX_WORDS; j++) {
			h = strip_seq_hash(h, w[j].h);
			bool at_end = j + 1 == n;
			if (!contains_ok && i != 0 && !at_end)
				continue;
			uint64_t bits = hmap_get(&d->phrases, h);
			if (bits)
				kinds |= kinds_of(bits, i == 0, at_end, contains_ok, modes);
		}
	}
	return kinds;
}

unsigned
strip_dicts_prefix(const strip_dicts *d, const strip_word *w, size_t n,
    size_t end_word[STRIP_PH_KINDS])
{
	unsigned kinds = 0;
	uint64_t h = 0;

	for (int k = 0; k < STRIP_PH_KINDS; k++)
		end_word[k] = 0;
	if (!n || !may_start_phrase(d, w[0].h))
		return 0;
	for (size_t j = 0; j < n && j < STRIP_PHRASE_MAX_WORDS; j++) {
		h = strip_seq_hash(h, w[j].h);
		uint64_t bits = hmap_get(&d->phrases, h);
		for (int k = 0; bits && k < STRIP_PH_KINDS; k++)
			if ((bits >> (k * 4 + STRIP_MODE_PREFIX)) & 1) {
				kinds |= 1u << k;
				end_word[k] = j + 1;    /* the longest prefix wins */
			}
	}
	return kinds;
}
