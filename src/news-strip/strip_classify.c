/* strip_classify.c: which blocks of a page are the article.
 *
 * One classifier for text and HTML pages.  It works in four passes, each
 * linear in the number of blocks:
 *
 * 1. Evidence per block: length, stopword density, sentence punctuation,
 *    title case, list markers, dates and times, relative times, bylines,
 *    e-mail addresses and URLs, phrases of the dictionaries (widgets,
 *    section headings, captions), repetition within the page, and what
 *    the markup says (tag, hints, link density).
 * 2. A first class per block, as jusText does: boilerplate (bad), short,
 *    near-good or good; stopword thresholds are relative to the page's own
 *    prose, so languages with short stopword lists still work.
 * 3. Context: runs of headline-like lines and teaser lists become bad;
 *    short and near-good blocks take the class of their neighbours (a
 *    subheading between two paragraphs is article; a short line between
 *    two menus is not).
 * 4. The article's region: the contiguous run of blocks with the most
 *    article text, where good blocks count for their length, boilerplate
 *    against it, and the heading of a teaser or comment section strongly
 *    against it (maximum subarray).  Good blocks outside it are dropped. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "news_err.h"
#include "news_hash.h"
#include "strip_dict.h"

typedef struct bfeat {
	unsigned chars;         /* code points */
	unsigned words;
	unsigned stops;
	unsigned caps;          /* capitalised words after the first */
	unsigned lowers;        /* words starting lower case */
	unsigned letters, cjk, digits;
	unsigned sentences;     /* sentence stops followed by a space or the end */
	float stop_density;
	int cls;
	unsigned kinds;         /* STRIP_PH_* matches */
	uint64_t key;           /* hash of the block's words, for repetition */
} bfeat;

/* The byte scans below look closely only at the few bytes that can
 * matter: sixteen bytes at a time, a bit for each byte equal to one of
 * four values (SSE2), then the scalar test at each such byte. */
#ifdef __SSE2__
static inline unsigned
bytes_of4(const char *p, __m128i a, __m128i b, __m128i c, __m128i d)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(x, a), _mm_cmpeq_epi8(x, b)),
	    _mm_or_si128(_mm_cmpeq_epi8(x, c), _mm_cmpeq_epi8(x, d))));
}
#define SET1(c) _mm_set1_epi8((char)(c))
#endif

/* Code points in s[0..n): the bytes that do not continue a UTF-8
 * sequence. */
static unsigned
count_chars(const char *s, size_t n)
{
	unsigned k = 0;
	size_t i = 0;
#ifdef __SSE2__
	/* continuation bytes, 0x80-0xBF, are below -64 as signed bytes */
	const __m128i lim = SET1(0xC0);
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		k += 16 - (unsigned)__builtin_popcount((unsigned)_mm_movemask_epi8(
		    _mm_cmplt_epi8(x, lim)));
	}
#endif
	for (; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Sentence-final punctuation, before closing quotes and brackets. */
static bool
ends_sentence(const char *s, size_t n)
{
	while (n) {
		unsigned char c = (unsigned char)s[n - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ' || c == '*') {
			n--;
			continue;
		}
		/* ” ’ » (UTF-8) */
		if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
		    ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99)) {
			n -= 3;
			continue;
		}
		if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && c == 0xBB) {
			n -= 2;
			continue;
		}
		break;
	}
	if (!n)
		return false;
	unsigned char c = (unsigned char)s[n - 1];
	if (c == '.' || c == '!' || c == '?')
		return !(n >= 3 && s[n - 2] == '.' && s[n - 3] == '.') || n > 40;
	/* 。！？… */
	if (n >= 3 && (unsigned char)s[n - 3] == 0xE3 && (unsigned char)s[n - 2] == 0x80 &&
	    c == 0x82)
		return true;
	if (n >= 3 && (unsigned char)s[n - 3] == 0xEF && (unsigned char)s[n - 2] == 0xBC &&
	    (c == 0x81 || c == 0x9F))
		return true;
	/* Arabic and Persian full stop and question mark */
	if (n >= 2 && (unsigned char)s[n - 2] == 0xD8 && c == 0x9F)
		return true;
	if (n >= 2 && (unsigned char)s[n - 2] == 0xDB && c == 0x94)
		return true;
	return false;
}

/* Whether s[i] (i + 1 < n) ends a sentence inside the block. */
static inline bool
sentence_at(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if ((c == '.' || c == '!' || c == '?') && s[i + 1] == ' ' && i > 2 &&
	    !(s[i - 2] == ' ' || s[i - 2] == '.'))      /* not "U.S. " or "S. " */
		return true;
	return c == 0xE3 && (unsigned char)s[i + 1] == 0x80 && i + 2 < n &&
	    (unsigned char)s[i + 2] == 0x82;
}

static unsigned
count_sentences(const char *s, size_t n)
{
	unsigned k = 0;
	size_t i = 0;
#ifdef __SSE2__
	const __m128i a = SET1('.'), b = SET1('!'), c = SET1('?'), d = SET1(0xE3);
	for (; i + 16 < n; i += 16)
		for (unsigned m = bytes_of4(s + i, a, b, c, d); m; m &= m - 1)
			k += sentence_at(s, n, i + (size_t)__builtin_ctz(m));
#endif
	for (; i + 1 < n; i++)
		k += sentence_at(s, n, i);
	return k + ends_sentence(s, n);
}

/* Whether s[i] marks an e-mail address or a URL. */
static inline bool
contact_mark_at(const char *s, size_t i)
{
	return s[i] == '@' || (s[i] == '/' && i > 0 && s[i - 1] == ':') ||
	    (s[i] == '.' && i >= 3 && s[i - 1] == 'w' && s[i - 2] == 'w' &&
	    s[i - 3] == 'w');
}

static bool
contact_mark(const char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i a = SET1('@'), b = SET1('/'), c = SET1('.');
	for (; i + 16 <= n; i += 16)
		for (unsigned m = bytes_of4(s + i, a, b, c, c); m; m &= m - 1)
			if (contact_mark_at(s, i + (size_t)__builtin_ctz(m)))
				return true;
#endif
	for (; i < n; i++)
		if (contact_mark_at(s, i))
			return true;
	return false;
}

/* E-mail addresses and URLs: how many bytes of the block they cover. */
static size_t
contact_bytes(const char *s, size_t n)
{
	size_t covered = 0;

	/* most blocks have none: look for the marks in one quick pass first */
	if (!contact_mark(s, n))
		return 0;
	for (size_t i = 0; i < n; i++) {
		bool hit = false;
		if (s[i] == '@' && i > 0 && i + 3 < n && s[i - 1] != ' ' && s[i + 1] != ' ') {
			const char *dot = memchr(s + i, '.', n - i < 64 ? n - i : 64);
			hit = dot != NULL;
		} else if ((n - i >= 7 && memcmp(s + i, "http://", 7) == 0) ||
		    (n - i >= 8 && memcmp(s + i, "https://", 8) == 0) ||
		    (n - i >= 4 && memcmp(s + i, "www.", 4) == 0 &&
		    (i == 0 || s[i - 1] == ' ')))
			hit = true;
		if (!hit)
			continue;
		/* the token around i */
		size_t a = i, b = i;
		while (a > 0 && s[a - 1] != ' ')
			a--;
		while (b < n && s[b] != ' ')
			b++;
		covered += b - a;
		i = b;
	}
	return covered;
}

/* Whether s[i] is a separator of menus and breadcrumbs. */
static inline bool
nav_separator_at(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if ((c == '|' || c == '>') && (i == 0 || s[i - 1] == ' ' || i + 1 == n ||
	    s[i + 1] == ' '))
		return true;
	if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xBB)
		return true;            /* » */
	return c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0xBA || (unsigned char)s[i + 2] == 0xA2);
	                        /* › • inline */
}

/* Separators of menus and breadcrumbs: "Home > World > Asia", "A | B | C". */
static unsigned
nav_separators(const char *s, size_t n)
{
	unsigned k = 0;
	size_t i = 0;
#ifdef __SSE2__
	const __m128i a = SET1('|'), b = SET1('>'), c = SET1(0xC2), d = SET1(0xE2);
	for (; i + 16 <= n; i += 16)
		for (unsigned m = bytes_of4(s + i, a, b, c, d); m; m &= m - 1)
			k += nav_separator_at(s, n, i + (size_t)__builtin_ctz(m));
#endif
	for (; i < n; i++)
		k += nav_separator_at(s, n, i);
	return k;
}

/* Whether the block holds a ©. */
static bool
has_copyright(const char *s, size_t n)
{
	for (const char *p = s; (p = memchr(p, 0xC2, (size_t)(s + n - p))) != NULL; p++)
		if (p + 1 < s + n && (unsigned char)p[1] == 0xA9)
			return true;
	return false;
}

/* The bracketed group a block ends with ("(Yonhap)", "[Photo=AP]"). */
static bool
bracket_tail(const char *s, size_t n, size_t *a, size_t *b)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	if (!n || (s[n - 1] != ')' && s[n - 1] != ']'))
		return false;
	char open = s[n - 1] == ')' ? '(' : '[';
	for (size_t i = n - 1; i-- > 0 && n - i < 120;)
		if (s[i] == open) {
			*a = i + 1;
			*b = n - 1;
			return true;
		}
	return false;
}

/* Whether the words after a prefix phrase look like a person's name (or a
 * few, "Kim and Lee"): capitalised words, few of them, no sentence. */
static bool
name_like(const char *s, const strip_word *w, size_t from, size_t n)
{
	size_t names = 0, others = 0;

	for (size_t i = from; i < n; i++) {
		if (w[i].cap || w[i].upper)
			names++;
		else if (w[i].len <= 3)
			;               /* "and", "de", "van" */
		else
			others++;
	}
	(void)s;
	return names >= 1 && names <= 8 && others <= 3 && others * 2 <= names;
}

/* The prose thresholds of this page: its stopword density in the blocks
 * that look most like prose, so that languages whose lists catch fewer
 * words are judged on their own scale. */
static float
reference_density(const bfeat *f, const strip_page *page)
{
	double sum = 0, weight = 0;

	for (size_t i = 0; i < page->n; i++) {
		if (f[i].words < 12 || f[i].sentences < 1 ||
		    (page->blocks[i].feat & (STRIP_FEAT_WIDGET | STRIP_FEAT_CAPTION)))
			continue;
		sum += f[i].stop_density * f[i].chars;
		weight += f[i].chars;
	}
	return weight ? (float)(sum / weight) : -1.0f;
}

typedef struct classify_scratch {
	bfeat *f;
	size_t cap;
	strip_words words;
	uint64_t *keys;         /* block key, count; ... (count_keys()) */
	size_t key_cap, key_mask;
} classify_scratch;

static classify_scratch scratch;    /* reused across pages */

static void
scratch_reserve(size_t n)
{
	if (n <= scratch.cap)
		return;
	scratch.cap = n * 2;
	scratch.f = news_xrealloc(scratch.f, scratch.cap * sizeof *scratch.f);
}

/* How often each block key occurs: an open-addressing table of twice
 * the blocks' number or more (a power of two), keys and counts side by
 * side, rebuilt for each page. */
static void
count_keys(const bfeat *f, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	if (cap > scratch.key_cap) {
		free(scratch.keys);
		scratch.keys = news_xmalloc(2 * cap * sizeof *scratch.keys);
		scratch.key_cap = cap;
	}
	scratch.key_mask = cap - 1;
	memset(scratch.keys, 0, 2 * cap * sizeof *scratch.keys);
	for (size_t i = 0; i < n; i++) {
		uint64_t k = f[i].key | 1;      /* 0 marks an empty slot */
		size_t j = (size_t)(k ^ (k >> 29)) & scratch.key_mask;
		while (scratch.keys[2 * j] && scratch.keys[2 * j] != k)
			j = (j + 1) & scratch.key_mask;
		scratch.keys[2 * j] = k;
		scratch.keys[2 * j + 1]++;
	}
}

static uint64_t
key_count(uint64_t key)
{
	uint64_t k = key | 1;
	size_t j = (size_t)(k ^ (k >> 29)) & scratch.key_mask;
	while (scratch.keys[2 * j] && scratch.keys[2 * j] != k)
		j = (j + 1) & scratch.key_mask;
	return scratch.keys[2 * j] ? scratch.keys[2 * j + 1] : 0;
}

/* Blocks longer than this are scanned for words a window at a time, so
 * that a page that is one huge paragraph (broken or hostile) costs memory
 * for a window's words, not for all of them (24 bytes a word: ten times
 * the text).  The counts and the repetition key come out the same; of the
 * words themselves, only those phrase matching looks at in a block that
 * long are kept: the first window's and the last STRIP_PHRASE_MAX_WORDS. */
#define LONG_BLOCK ((size_t)1 << 20)

static void
push_word(strip_words *ws, const strip_word *w)
{
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 64;
		ws->w = news_xrealloc(ws->w, ws->cap * sizeof *ws->w);
	}
	ws->w[ws->n++] = *w;
}

/* Where a window starting at off ends: after a space within LONG_BLOCK
 * bytes (words never hold one), else at a character boundary. */
static size_t
window_end(const char *s, size_t off, size_t len)
{
	if (len - off <= LONG_BLOCK)
		return len;
	size_t end = off + LONG_BLOCK;
	for (size_t k = end; k > off + LONG_BLOCK / 2; k--)
		if (s[k - 1] == ' ' || s[k - 1] == '\n')
			return k;
	while (end > off + 1 && ((unsigned char)s[end] & 0xC0) == 0x80)
		end--;
	return end;
}

/* The word evidence of a block longer than LONG_BLOCK, into x; ws gets
 * the words phrase matching needs (see above). */
static void
scan_long_block(const strip_dicts *d, uint64_t lang_mask, const char *s,
    size_t len, bfeat *x, strip_words *ws)
{
	static strip_words part;        /* reused: reachable, so not a leak */
	strip_word tail[STRIP_PHRASE_MAX_WORDS];
	size_t n_tail = 0, words = 0, caps = 0, first_end = 0;
	uint64_t key = 0;

	ws->n = 0;
	for (size_t off = 0; off < len;) {
		size_t end = window_end(s, off, len);
		strip_words_scan(s + off, end - off, &part);
		x->letters += (unsigned)part.letters;
		x->cjk += (unsigned)part.cjk;
		x->digits += (unsigned)part.digits;
		for (size_t k = 0; k < part.n; k++) {
			strip_word w = part.w[k];
			uint64_t m = strip_dicts_stop(d, w.h);
			bool stop = lang_mask ? (m & lang_mask) != 0 : m != 0;
			x->stops += stop;
			if (words + k > 0 && !stop)
				caps += w.cap || w.upper;
			x->lowers += !w.cap && !w.upper;
			key = strip_seq_hash(key, w.h);
			w.off += (uint32_t)off;
			if (off == 0)
				push_word(ws, &w);
			if (n_tail == STRIP_PHRASE_MAX_WORDS)
				memmove(tail, tail + 1, --n_tail * sizeof *tail);
			tail[n_tail++] = w;
		}
		words += part.n;
		if (off == 0)
			first_end = end;
		off = end;
	}
	/* the last words, those the first window does not hold already */
	for (size_t k = 0; k < n_tail; k++)
		if (tail[k].off >= first_end)
			push_word(ws, &tail[k]);
	ws->letters = x->letters;
	ws->cjk = x->cjk;
	ws->digits = x->digits;
	x->words = (unsigned)words;
	x->caps = ws->cjk ? 0 : (unsigned)caps;
	x->key = key ^ words;
}

/* Pass 1: evidence. */
static void
gather(strip_page *page, const strip_config *cfg, uint64_t lang_mask, bfeat *f)
{
	const strip_dicts *d = cfg->dicts;
	strip_words *ws = &scratch.words;

	for (size_t i = 0; i < page->n; i++) {
		strip_block *b = &page->blocks[i];
		const char *s = page->text.data + b->off;
		bfeat *x = &f[i];
		memset(x, 0, sizeof *x);
		b->feat = 0;

		x->chars = count_chars(s, b->len);
		if (b->len > LONG_BLOCK) {
			scan_long_block(d, lang_mask, s, b->len, x, ws);
		} else {
			strip_words_scan(s, b->len, ws);
			x->words = (unsigned)ws->n;
			x->letters = (unsigned)ws->letters;
			x->cjk = (unsigned)ws->cjk;
			x->digits = (unsigned)ws->digits;
			uint64_t key = 0;
			for (size_t k = 0; k < ws->n; k++) {
				const strip_word *w = &ws->w[k];
				uint64_t m = strip_dicts_stop(d, w->h);
				bool stop = lang_mask ? (m & lang_mask) != 0 : m != 0;
				x->stops += stop;
				if (k > 0 && !stop && !ws->cjk)
					x->caps += w->cap || w->upper;
				x->lowers += !w->cap && !w->upper;
				key = strip_seq_hash(key, w->h);
			}
			x->key = key ^ ws->n;
		}
		x->stop_density = x->words ? (float)x->stops / (float)x->words : 0;
		x->sentences = count_sentences(s, b->len);
		if (ends_sentence(s, b->len))
			b->feat |= STRIP_FEAT_SENTENCE;

		/* dictionary phrases, each kind only in blocks short enough for
		 * it: a paragraph that starts "Read more of..." is not a widget */
		unsigned kinds = strip_dicts_match(d, ws->w, ws->n, 60, STRIP_MODES_ALL);
		x->kinds = kinds;
		if ((kinds & (1u << STRIP_PH_WIDGET)) && x->words <= 15)
			b->feat |= STRIP_FEAT_WIDGET;
		if ((kinds & (1u << STRIP_PH_SECTION)) && x->words <= 10)
			b->feat |= STRIP_FEAT_SECTION | STRIP_FEAT_WIDGET;
		if ((kinds & (1u << STRIP_PH_RELTIME)) && x->words <= 12)
			b->feat |= STRIP_FEAT_RELTIME;
		if ((kinds & (1u << STRIP_PH_END)) && x->words <= 15)
			b->feat |= STRIP_FEAT_WIDGET;
		/* a call to action: the site speaking to its reader ("follow us
		 * on", "sign up for our newsletter"), even in a sentence */
		if ((kinds & (1u << STRIP_PH_PROMO)) && x->words <= 60)
			b->feat |= STRIP_FEAT_WIDGET;

		/* captions: a caption phrase in a block of up to 60 words, or in
		 * the bracketed credit a block ends with; "Photo: ..." prefixes
		 * only when punctuation follows the phrase */
		bool caption = false;
		if (kinds & (1u << STRIP_PH_CAPTION)) {
			caption = (strip_dicts_match(d, ws->w, ws->n, 60,
			    STRIP_MODES_ALL & ~(1u << STRIP_MODE_PREFIX)) &
			    (1u << STRIP_PH_CAPTION)) != 0;
			size_t ends[STRIP_PH_KINDS];
			if (!caption && (strip_dicts_prefix(d, ws->w, ws->n, ends) &
			    (1u << STRIP_PH_CAPTION))) {
				const strip_word *last = &ws->w[ends[STRIP_PH_CAPTION] - 1];
				size_t after = last->off + last->len;
				while (after < b->len && s[after] == ' ')
					after++;
				caption = after < b->len && (s[after] == ':' || s[after] == '=' ||
				    s[after] == '|' || s[after] == '/');
			}
		}
		size_t ba, bb;
		if (!caption && bracket_tail(s, b->len, &ba, &bb) && x->words <= 120) {
			static strip_words tail;
			strip_words_scan(s + ba, bb - ba, &tail);
			if (tail.n && tail.n <= 8 && (strip_dicts_match(d, tail.w, tail.n, 8,
			    STRIP_MODES_ALL) & (1u << STRIP_PH_CAPTION)))
				caption = true;
		}
		if (caption || b->tag == STRIP_CAPTION)
			b->feat |= STRIP_FEAT_CAPTION;

		/* bylines: a byline phrase, then a name, in a short block */
		if ((x->kinds & (1u << STRIP_PH_BYLINE)) && x->words <= 14) {
			size_t ends[STRIP_PH_KINDS];
			strip_dicts_prefix(d, ws->w, ws->n, ends);
			size_t e = ends[STRIP_PH_BYLINE];
			if (e && e < ws->n && name_like(s, ws->w, e, ws->n) &&
			    !(b->feat & STRIP_FEAT_SENTENCE && x->words > 8))
				b->feat |= STRIP_FEAT_BYLINE;
		}

		/* an author's note: two to four names, then a [bio] phrase
		 * ("Perry Bacon Jr. is a senior writer for ...") */
		if (x->words <= 60 && ws->n >= 4 && (b->feat & STRIP_FEAT_SENTENCE)) {
			size_t k = 0;
			while (k < ws->n && k < 4 && (ws->w[k].cap || ws->w[k].upper))
				k++;
			if (k >= 2 && (strip_dicts_match(d, ws->w + k, ws->n - k, 0,
			    1u << STRIP_MODE_PREFIX) & (1u << STRIP_PH_BIO)))
				b->feat |= STRIP_FEAT_BIO;
		}

		/* dates and times: a block that is little more than a date */
		if (x->words <= 8 && x->digits) {
			strip_date dt;
			unsigned rest = x->words;
			if (strip_date_scan(d, s, b->len, true, false, &dt)) {
				rest = 0;
				for (size_t k = 0; k < ws->n; k++)
					if (ws->w[k].off < dt.start || ws->w[k].off >= dt.end)
						rest++;
				if (rest <= 4 || (x->kinds & (1u << STRIP_PH_DATELABEL)))
					b->feat |= STRIP_FEAT_DATE;
			}
		}
		if (x->letters == 0)
			b->feat |= STRIP_FEAT_NUMERIC;
		/* "21:19", "05:52 PM KST" */
		if (x->words <= 3 && x->digits >= 3 && memchr(s, ':', b->len) && x->letters < 8)
			b->feat |= STRIP_FEAT_DATE;

		size_t cb = contact_bytes(s, b->len);
		if (cb && (cb * 3 >= b->len || x->words <= 6))
			b->feat |= STRIP_FEAT_CONTACT;
		if (nav_separators(s, b->len) >= 2 && x->stop_density < 0.2f)
			b->feat |= STRIP_FEAT_NAV;
		if (b->link_density > 0.5f || (b->link_density > 0.25f && x->words < 40))
			b->feat |= STRIP_FEAT_LINKS;
		if (x->words <= 40 && has_copyright(s, b->len))
			b->feat |= STRIP_FEAT_WIDGET;      /* © */

		/* headline shape: several words, mostly capitalised, no stop */
		unsigned content = x->words > x->stops ? x->words - x->stops : 0;
		if (x->words >= 3 && x->words <= 30 && !(b->feat & STRIP_FEAT_SENTENCE) &&
		    content >= 2 && x->caps * 10 >= (content - 1) * 7 && !x->cjk)
			b->feat |= STRIP_FEAT_HEADLINE;
	}

	/* repetition within the page: menus, captions and headlines come
	 * twice; a long paragraph twice is too rare to say which copy is
	 * the article's */
	count_keys(f, page->n);
	for (size_t i = 0; i < page->n; i++)
		if (f[i].words && f[i].chars < 200 && key_count(f[i].key) >= 2)
			page->blocks[i].feat |= STRIP_FEAT_REPEATED;
}

#define BAD_FEATS (STRIP_FEAT_WIDGET | STRIP_FEAT_SECTION | STRIP_FEAT_DATE | \
	STRIP_FEAT_RELTIME | STRIP_FEAT_BYLINE | STRIP_FEAT_CONTACT | \
	STRIP_FEAT_NUMERIC | STRIP_FEAT_NAV | STRIP_FEAT_LINKS | STRIP_FEAT_REPEATED)

/* Pass 2: a class from the block alone. */
static int
first_class(const strip_block *b, const bfeat *x, const strip_config *cfg,
    float ref)
{
	if (b->hints & STRIP_HINT_BOILER)
		return STRIP_CLS_BAD;
	if (b->feat & BAD_FEATS)
		return STRIP_CLS_BAD;
	if (b->feat & STRIP_FEAT_CAPTION)
		return STRIP_CLS_CAPTION;
	if (b->tag >= STRIP_H1 && b->tag <= STRIP_H6)
		return STRIP_CLS_HEADING;
	bool sentence = b->feat & STRIP_FEAT_SENTENCE;
	unsigned len = x->chars;
	/* scripts without spaces say more per character */
	if (x->cjk * 2 > x->letters)
		len *= 3;
	if (len < cfg->min_length)
		return STRIP_CLS_SHORT;
	if (ref >= 0.12f) {
		float high = ref * 0.72f, low = ref * 0.5f;
		if (high > 0.32f)
			high = 0.32f;
		if (low > 0.22f)
			low = 0.22f;
		if (x->stop_density >= high)
			return len >= 150 || (sentence && len >= 80) ? STRIP_CLS_GOOD :
			    STRIP_CLS_NEAR;
		if (x->stop_density >= low)
			return len >= 300 && sentence ? STRIP_CLS_GOOD : STRIP_CLS_NEAR;
		/* long runs of prose with few stopwords: lists of names, tables */
		if (len >= 400 && x->sentences >= 3)
			return STRIP_CLS_NEAR;
		return STRIP_CLS_BAD;
	}
	/* no stopword evidence for this language: punctuation and length */
	if (sentence && len >= 120 && x->sentences >= 1)
		return STRIP_CLS_GOOD;
	if (sentence || len >= 200)
		return STRIP_CLS_NEAR;
	return (b->feat & STRIP_FEAT_HEADLINE) ? STRIP_CLS_BAD : STRIP_CLS_SHORT;
}

/* A line of a teaser list: a headline, a relative time or date, a short
 * line without a final stop. */
static bool
teaser_like(const strip_block *b, const bfeat *x)
{
	if (b->feat & (STRIP_FEAT_HEADLINE | STRIP_FEAT_RELTIME | STRIP_FEAT_DATE |
	    STRIP_FEAT_NUMERIC))
		return true;
	return !(b->feat & STRIP_FEAT_SENTENCE) && x->chars < 160 && x->words >= 1;
}

/* Blocks already explained as something else (a menu, a date line, a
 * byline) end a run of headline-like lines: the top of an article is
 * such a run of different things, a list of other stories is not. */
#define EXPLAINED (STRIP_FEAT_WIDGET | STRIP_FEAT_SECTION | STRIP_FEAT_DATE | \
	STRIP_FEAT_BYLINE | STRIP_FEAT_NAV | STRIP_FEAT_CONTACT)

/* Pass 3a: teaser lists.  A run of list items (markers or <li>) in which
 * timestamps or headlines occur, or a run of three or more headline-shaped
 * lines, is a list of other stories. */
static void
mark_lists(strip_page *page, bfeat *f)
{
	size_t n = page->n;

	for (size_t i = 0; i < n;) {
		strip_block *b = &page->blocks[i];
		bool item = (b->hints & STRIP_HINT_LIST_ITEM) || b->tag == STRIP_LI;
		if (!item) {
			i++;
			continue;
		}
		/* the run: list items, and the short lines inside them */
		size_t j = i, items = 0, teasers = 0, times = 0, prose = 0;
		while (j < n) {
			strip_block *c = &page->blocks[j];
			bool it = (c->hints & STRIP_HINT_LIST_ITEM) || c->tag == STRIP_LI;
			if (!it && !(c->hints & STRIP_HINT_INDENTED) && f[j].chars >= 40)
				break;
			/* an indented paragraph of prose is no line of an item
			 * (text dumps indent the body deeper than headings) */
			if (!it && (c->feat & STRIP_FEAT_SENTENCE) && f[j].chars >= 120)
				break;
			items += it;
			teasers += teaser_like(c, &f[j]);
			times += (c->feat & (STRIP_FEAT_RELTIME | STRIP_FEAT_DATE)) != 0;
			prose += f[j].cls == STRIP_CLS_GOOD;
			j++;
		}
		size_t len = j - i;
		if (items >= 2 && (times >= 1 || teasers * 3 >= len * 2))
			for (size_t k = i; k < j; k++) {
				page->blocks[k].feat |= STRIP_FEAT_LIST;
				f[k].cls = STRIP_CLS_BAD;
			}
		(void)prose;
		i = j > i ? j : i + 1;
	}

	/* runs of headline-shaped lines, marked or not */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && (page->blocks[j].feat & STRIP_FEAT_HEADLINE) &&
		    !(page->blocks[j].feat & EXPLAINED) && f[j].cls != STRIP_CLS_GOOD)
			j++;
		if (j - i >= 3)
			for (size_t k = i; k < j; k++) {
				page->blocks[k].feat |= STRIP_FEAT_LIST;
				f[k].cls = STRIP_CLS_BAD;
			}
		i = j > i ? j : i + 1;
	}
	/* runs of four or more short unpunctuated lines with nothing good */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && f[j].cls != STRIP_CLS_GOOD && f[j].cls != STRIP_CLS_CAPTION &&
		    !(page->blocks[j].feat & (STRIP_FEAT_SENTENCE | EXPLAINED)) &&
		    f[j].chars < 120 && f[j].words >= 3)
			j++;
		if (j - i >= 4)
			for (size_t k = i; k < j; k++) {
				page->blocks[k].feat |= STRIP_FEAT_LIST;
				f[k].cls = STRIP_CLS_BAD;
			}
		i = j > i ? j : i + 1;
	}
}

/* The class of the nearest block before (dir -1) or after (+1) i that is
 * not short (nor near-good, when skip_near); the page's edges are bad. */
static int
neighbour(const bfeat *f, size_t n, size_t i, int dir, bool skip_near)
{
	for (size_t k = i;;) {
		if (dir < 0 ? k == 0 : k + 1 >= n)
			return STRIP_CLS_BAD;
		k = dir < 0 ? k - 1 : k + 1;
		int c = f[k].cls;
		if (c == STRIP_CLS_SHORT || c == STRIP_CLS_HEADING || c == STRIP_CLS_CAPTION)
			continue;
		if (skip_near && c == STRIP_CLS_NEAR)
			continue;
		return c;
	}
}

/* Pass 3b: context, as jusText does it. */
static void
smooth(bfeat *f, size_t n)
{
	int *next = news_xmalloc((n ? n : 1) * sizeof *next);

	for (size_t i = 0; i < n; i++) {
		next[i] = f[i].cls;
		if (f[i].cls != STRIP_CLS_SHORT && f[i].cls != STRIP_CLS_HEADING)
			continue;
		int p = neighbour(f, n, i, -1, true), q = neighbour(f, n, i, 1, true);
		if (p == STRIP_CLS_GOOD && q == STRIP_CLS_GOOD)
			next[i] = STRIP_CLS_GOOD;
		else if (p == STRIP_CLS_BAD && q == STRIP_CLS_BAD)
			next[i] = STRIP_CLS_BAD;
		else if ((p == STRIP_CLS_BAD && neighbour(f, n, i, -1, false) == STRIP_CLS_NEAR) ||
		    (q == STRIP_CLS_BAD && neighbour(f, n, i, 1, false) == STRIP_CLS_NEAR))
			next[i] = STRIP_CLS_GOOD;
		else if (f[i].cls == STRIP_CLS_HEADING && q == STRIP_CLS_GOOD)
			next[i] = STRIP_CLS_GOOD;      /* a heading opens what follows */
		else
			next[i] = STRIP_CLS_BAD;
	}
	for (size_t i = 0; i < n; i++)
		f[i].cls = next[i];
	for (size_t i = 0; i < n; i++) {
		next[i] = f[i].cls;
		if (f[i].cls != STRIP_CLS_NEAR)
			continue;
		int p = neighbour(f, n, i, -1, true), q = neighbour(f, n, i, 1, true);
		next[i] = p == STRIP_CLS_BAD && q == STRIP_CLS_BAD ? STRIP_CLS_BAD :
		    STRIP_CLS_GOOD;
	}
	for (size_t i = 0; i < n; i++)
		f[i].cls = next[i];
	free(next);
}

/* Pass 4: the article's region (maximum subarray of block weights). */
static void
region(strip_page *page, const bfeat *f, size_t *from, size_t *to)
{
	double best = 0, run = 0;
	size_t start = 0, bs = 0, be = 0;
	bool any = false;

	for (size_t i = 0; i < page->n; i++) {
		const strip_block *b = &page->blocks[i];
		double w;
		if (f[i].cls == STRIP_CLS_GOOD)
			w = f[i].chars < 2000 ? f[i].chars : 2000;
		else if (b->feat & STRIP_FEAT_SECTION)
			w = -1000;
		else if (b->feat & STRIP_FEAT_LIST)
			w = -(double)(f[i].chars < 300 ? f[i].chars : 300) - 40;
		else if (f[i].cls == STRIP_CLS_BAD)
			w = -(double)(f[i].chars < 200 ? f[i].chars : 200) * 0.5 - 10;
		else
			w = 0;
		if (b->hints & STRIP_HINT_ARTICLE)
			w += 50;
		if (run <= 0) {
			run = 0;
			start = i;
		}
		run += w;
		if (run > best) {
			best = run;
			bs = start;
			be = i + 1;
			any = true;
		}
	}
	/* an article broken by a box ("Related", a newsletter sign-up):
	 * prose just before the region, past a short stretch of furniture
	 * with one section heading in it, opened the article */
	if (any) {
		size_t i = bs, gap = 0, sections = 0;
		while (i > 0 && gap < 12 && f[i - 1].cls != STRIP_CLS_GOOD) {
			i--;
			gap++;
			sections += (page->blocks[i].feat & STRIP_FEAT_SECTION) != 0;
		}
		size_t lead = i, chars = 0, paras = 0;
		while (lead > 0 && f[lead - 1].cls == STRIP_CLS_GOOD &&
		    (page->blocks[lead - 1].feat & STRIP_FEAT_SENTENCE)) {
			lead--;
			chars += f[lead].chars;
			paras++;
		}
		if (sections == 1 && paras >= 2 && chars >= 200)
			bs = lead;
	}
	*from = any ? bs : 0;
	*to = any ? be : 0;
}

/* The author's note that closes an opinion piece or a feature ("Ganesh
 * Sitaraman is a professor at ..."): the last kept block, or the one
 * before a short last one ("Follow her on ..."), when it reads as one.
 * Earlier in the article such a sentence is about the story's people,
 * and stays. */
static void
drop_author_note(strip_page *page, const bfeat *f)
{
	size_t seen = 0;
	for (size_t i = page->n; i-- > 0;) {
		strip_block *b = &page->blocks[i];
		if (!b->keep)
			continue;
		if (b->feat & STRIP_FEAT_BIO) {
			b->keep = false;
			b->cls = STRIP_CLS_BAD;
		}
		if (++seen == 2 || f[i].words > 15)
			break;
	}
}

/* HTML pages whose markup showed the main content (STRIP_HINT_MAIN, see
 * strip_html_main.c): the container did what the region and the context
 * passes do for text, and did it with more evidence (the DOM, link text,
 * class names).  There, a block is article unless its own evidence says it
 * is furniture (a link-heavy block counts as furniture unless it reads as
 * a sentence); a short block goes with the nearest longer block before or
 * after it, and a heading with what follows it; a main content whose
 * captions say more than its other prose is a slideshow, whose captions
 * are the article.
 * Stopword density and the headline-list shape are not held against
 * blocks here: code, recipes, lists and tables inside an article have
 * little of either. */
#define HTML_BAD_FEATS (STRIP_FEAT_WIDGET | STRIP_FEAT_SECTION | \
	STRIP_FEAT_DATE | STRIP_FEAT_RELTIME | STRIP_FEAT_BYLINE | \
	STRIP_FEAT_CONTACT | STRIP_FEAT_NUMERIC | STRIP_FEAT_NAV)

static bool
has_html_main(const strip_page *page)
{
	for (size_t i = 0; i < page->n; i++)
		if (page->blocks[i].hints & STRIP_HINT_MAIN)
			return true;
	return false;
}

/* Whether a block that does not end as a sentence still starts with
 * one: a capital letter, words, a full stop, little link text ("The
 * <a>manual</a> has the answer for that. In short:"). */
static bool
opens_sentence(const strip_page *page, const strip_block *b, const bfeat *x)
{
	unsigned char c = (unsigned char)page->text.data[b->off];
	return x->sentences >= 1 && x->words >= 6 && b->link_density <= 0.4f &&
	    ((c >= 'A' && c <= 'Z') || c >= 0xC0);
}

static void
classify_html_main(strip_page *page, const strip_config *cfg, bfeat *f)
{
	size_t n = page->n;
	for (size_t i = 0; i < n; i++) {
		strip_block *b = &page->blocks[i];
		int c;
		if (!(b->hints & STRIP_HINT_MAIN) || (b->hints & STRIP_HINT_BOILER))
			c = STRIP_CLS_BAD;
		else if (b->tag == STRIP_PRE)   /* code and verse, as written */
			c = b->feat & STRIP_FEAT_LINKS ? STRIP_CLS_BAD : STRIP_CLS_GOOD;
		else if ((b->feat & HTML_BAD_FEATS) ||
		    ((b->feat & STRIP_FEAT_REPEATED) && f[i].chars < 50))
			c = STRIP_CLS_BAD;
		/* links: a sentence of prose may carry one ("As usual,
		 * <a>StackOverflow knows the answer</a>."), a teaser may not;
		 * nor may a quote, which is prose (a post embedded in the
		 * article, ending with its photo's link) */
		else if (b->link_density > 0.5f || ((b->feat & STRIP_FEAT_LINKS) &&
		    !(b->feat & STRIP_FEAT_SENTENCE) && !opens_sentence(page, b, &f[i]) &&
		    !(b->hints & STRIP_HINT_QUOTE)))
			c = STRIP_CLS_BAD;
		else if (b->feat & STRIP_FEAT_CAPTION)
			c = STRIP_CLS_CAPTION;
		/* a heading that reads as prose is a standfirst set in a
		 * heading element, not a section's heading */
		else if (b->tag >= STRIP_H1 && b->tag <= STRIP_H6 &&
		    !(f[i].words >= 14 || (f[i].chars >= 80 && (b->feat & STRIP_FEAT_SENTENCE))))
			c = STRIP_CLS_HEADING;
		else if (f[i].chars < cfg->min_length &&
		    !(b->feat & STRIP_FEAT_SENTENCE))
			c = STRIP_CLS_SHORT;
		else
			c = STRIP_CLS_GOOD;
		f[i].cls = c;
	}
	/* short blocks: with the longer block right before them, or the
	 * nearest longer one after them (a run of short lines opening after
	 * prose is its list; one closing before furniture is not); one pass
	 * each way, so long runs of short blocks stay linear */
	int last = STRIP_CLS_BAD;
	for (size_t i = 0; i < n; i++) {
		int c = f[i].cls;
		if (c == STRIP_CLS_SHORT)
			f[i].cls = last == STRIP_CLS_GOOD ? STRIP_CLS_NEAR : STRIP_CLS_SHORT;
		if (c != STRIP_CLS_HEADING && c != STRIP_CLS_CAPTION)
			last = c;
	}
	last = STRIP_CLS_BAD;
	for (size_t i = n; i-- > 0;) {
		int c = f[i].cls;
		if (c == STRIP_CLS_SHORT)
			f[i].cls = last == STRIP_CLS_GOOD ? STRIP_CLS_NEAR : STRIP_CLS_BAD;
		else if (c != STRIP_CLS_HEADING && c != STRIP_CLS_CAPTION &&
		    c != STRIP_CLS_NEAR)
			last = c;
	}
	for (size_t i = 0; i < n; i++)
		if (f[i].cls == STRIP_CLS_NEAR)
			f[i].cls = STRIP_CLS_GOOD;
	/* headings: with what follows (a run of headings goes with what
	 * follows the run) */
	last = STRIP_CLS_BAD;
	for (size_t i = n; i-- > 0;) {
		int c = f[i].cls;
		if (c == STRIP_CLS_HEADING)
			f[i].cls = last == STRIP_CLS_GOOD ? STRIP_CLS_GOOD : STRIP_CLS_BAD;
		else if (c != STRIP_CLS_CAPTION)
			last = c;
	}
	/* a slideshow: the article is its captions, when they say more than
	 * the prose around them */
	size_t good_chars = 0, caption_chars = 0;
	for (size_t i = 0; i < n; i++) {
		const strip_block *b = &page->blocks[i];
		if (f[i].cls == STRIP_CLS_GOOD)
			good_chars += f[i].chars;
		else if (f[i].cls == STRIP_CLS_CAPTION && (b->feat & STRIP_FEAT_SENTENCE) &&
		    f[i].chars >= cfg->min_length && !(b->feat & HTML_BAD_FEATS))
			caption_chars += f[i].chars;
	}
	for (size_t i = 0; i < n && caption_chars > good_chars; i++) {
		const strip_block *b = &page->blocks[i];
		if (f[i].cls == STRIP_CLS_CAPTION && (b->feat & STRIP_FEAT_SENTENCE) &&
		    f[i].chars >= cfg->min_length && !(b->feat & HTML_BAD_FEATS))
			f[i].cls = STRIP_CLS_GOOD;
	}
	for (size_t i = 0; i < n; i++) {
		strip_block *b = &page->blocks[i];
		int c = f[i].cls;
		if (!(b->hints & STRIP_HINT_MAIN))
			b->feat |= STRIP_FEAT_OUTSIDE;
		b->cls = (unsigned char)c;
		b->keep = c == STRIP_CLS_GOOD ||
		    (c == STRIP_CLS_CAPTION && cfg->keep_captions);
	}
	drop_author_note(page, f);
}

void
strip_classify(strip_page *page, const strip_config *cfg, const char *lang)
{
	size_t n = page->n;

	if (!n)
		return;
	scratch_reserve(n);
	bfeat *f = scratch.f;
	uint64_t lang_mask = strip_dicts_lang(cfg->dicts, lang);

	gather(page, cfg, lang_mask, f);
	float ref = reference_density(f, page);
	if (ref < 0 && (lang_mask || !lang))
		ref = 0.4f;     /* no prose-like block: judge by the usual scale */
	if (has_html_main(page)) {
		classify_html_main(page, cfg, f);
		return;
	}
	for (size_t i = 0; i < n; i++)
		f[i].cls = first_class(&page->blocks[i], &f[i], cfg, ref);
	mark_lists(page, f);
	smooth(f, n);

	size_t from, to, kept = 0;
	region(page, f, &from, &to);
	/* a standfirst above the byline and the share buttons: prose just
	 * before the region, with only short furniture in between */
	for (size_t i = from, leads = 0; i > 0 && leads < 2;) {
		i--;
		const strip_block *b = &page->blocks[i];
		if (b->feat & (STRIP_FEAT_LIST | STRIP_FEAT_SECTION | STRIP_FEAT_HEADLINE |
		    STRIP_FEAT_CAPTION) || (b->hints & STRIP_HINT_BOILER))
			break;
		if (f[i].cls == STRIP_CLS_GOOD && (b->feat & STRIP_FEAT_SENTENCE)) {
			from = i;
			leads++;
			continue;
		}
		if (f[i].cls == STRIP_CLS_GOOD || f[i].chars >= 60)
			break;
	}
	for (size_t i = 0; i < n; i++) {
		strip_block *b = &page->blocks[i];
		int c = f[i].cls;
		if (b->feat & STRIP_FEAT_CAPTION && c != STRIP_CLS_BAD)
			c = STRIP_CLS_CAPTION;
		if (i < from || i >= to) {
			if (c == STRIP_CLS_GOOD)
				b->feat |= STRIP_FEAT_OUTSIDE;
			if (c == STRIP_CLS_GOOD || c == STRIP_CLS_CAPTION)
				c = STRIP_CLS_BAD;
		}
		b->cls = (unsigned char)c;
		b->keep = c == STRIP_CLS_GOOD || (c == STRIP_CLS_CAPTION && cfg->keep_captions);
		kept += b->keep;
	}
	/* nothing long enough to judge on its own: a page of a sentence or
	 * two keeps its sentences, if nothing marks them as furniture */
	if (!kept)
		for (size_t i = 0; i < n; i++) {
			strip_block *b = &page->blocks[i];
			if ((b->feat & STRIP_FEAT_SENTENCE) && !(b->feat & (BAD_FEATS |
			    STRIP_FEAT_LIST | STRIP_FEAT_CAPTION)) && f[i].words >= 4 &&
			    !(b->hints & STRIP_HINT_BOILER)) {
				b->keep = true;
				b->cls = STRIP_CLS_GOOD;
			}
		}
	drop_author_note(page, f);
}
