/* near_text.c: a document's text -> its signature (see near.h).
 *
 * Speed matters here (every byte of every document passes through), so
 * ASCII is tokenised from a table and hashed as is; only words holding
 * other characters go through Unicode normalisation. */
#include "near.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "news_norm.h"
#include "news_utf8.h"

enum { C_SEP, C_WORD, C_BREAK, C_MULTI };

/* ASCII classes; bytes >= 0x80 start or continue a multi-byte character. */
static unsigned char ascii_class[256];
static unsigned char ascii_lower[256];

static void
init_tables(void)
{
	if (ascii_lower['A'] == 'a')
		return;
	for (int c = 0; c < 256; c++) {
		ascii_lower[c] = (unsigned char)c;
		ascii_class[c] = c >= 0x80 ? C_MULTI : C_SEP;
	}
	for (int c = '0'; c <= '9'; c++)
		ascii_class[c] = C_WORD;
	for (int c = 'a'; c <= 'z'; c++) {
		ascii_class[c] = C_WORD;
		ascii_class[c - 32] = C_WORD;
		ascii_lower[c - 32] = (unsigned char)c;
	}
	/* Lines and table or menu cells ("Home | World | Sports") bound
	 * shingles: a template's pieces then stay the same shingles whatever
	 * story they frame. */
	ascii_class['\n'] = ascii_class['\r'] = ascii_class['|'] = C_BREAK;
}

/* Scripts written without spaces: each character is a word of its own, so
 * shingles are character bigrams. */
static bool
unspaced(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||        /* kana */
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) ||
	    (cp >= 0x0E00 && cp <= 0x0EFF) ||           /* Thai, Lao */
	    (cp >= 0x1000 && cp <= 0x109F) ||           /* Myanmar */
	    (cp >= 0x1780 && cp <= 0x17FF);             /* Khmer */
}

static bool
word_char(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

static inline uint64_t
fmix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* Every shingle value of the document is collected; the smallest are
 * selected at the end (quickselect: linear, where a heap kept along the
 * way costs a comparison chain per value).
 *
 * Short lines (fewer than LONG_LINE words) are mostly a page's furniture:
 * menus, bylines, datelines, "Share on Facebook", "Advertisement".  Their
 * shingles are set aside and used only when the long lines give fewer
 * than MIN_LONG, or fewer than half as many as the short ones: then the
 * short lines are the text, as in a short answer or a list.  Boilerplate
 * in long lines ("Sign up for our newsletter ...") is left to the index,
 * which learns it from its document frequency. */
#define LONG_LINE 6
#define MIN_LONG 16

typedef struct stream {
	news_buf *vals;         /* uint64_t values of long lines */
	news_buf *short_vals;   /* and of short ones */
	size_t seg_start;       /* where the current segment's values begin */
	uint64_t prev;
	unsigned words;         /* in the current segment */
} stream;

static inline void
offer(stream *st, uint64_t shingle)
{
	uint64_t v = shingle >> (64 - NEAR_VALUE_BITS);
	news_buf_add(st->vals, &v, sizeof v);
}

static inline void
add_word(stream *st, uint64_t h)
{
	if (st->words++)
		offer(st, fmix64(st->prev * 0x9E3779B97F4A7C15ULL + h));
	st->prev = h;
}

static inline void
end_segment(stream *st)
{
	/* a one-word line ("Advertisement", "Yes.") is a shingle of its own */
	if (st->words == 1)
		offer(st, fmix64(st->prev ^ 0x6A09E667F3BCC909ULL));
	if (st->words && st->words < LONG_LINE) {
		news_buf_add(st->short_vals, st->vals->data + st->seg_start,
		    st->vals->len - st->seg_start);
		st->vals->len = st->seg_start;
	}
	st->seg_start = st->vals->len;
	st->words = 0;
}

/* A word's hash, 8 bytes at a time.  It is a function of the word's
 * normalised form: an ASCII word is hashed with 0x20 or-ed into each byte,
 * which lowercases letters and leaves digits alone, so it hashes as its
 * normalised (case folded) form does; "Seoul" and "Ｓｅｏｕｌ" hash alike.
 * `end` bounds the readable memory. */
static inline uint64_t
word_hash(const unsigned char *s, size_t n, const unsigned char *end,
    uint64_t fold)
{
	uint64_t h = n * 0x9E3779B97F4A7C15ULL, x;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&x, s, 8);
		h = (h ^ (x | fold)) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	if (n) {
		uint64_t keep = (1ULL << (8 * n)) - 1;
		if (end - s >= 8) {
			memcpy(&x, s, 8);
		} else {
			x = 0;
			for (size_t i = 0; i < n; i++)
				x |= (uint64_t)s[i] << (8 * i);
		}
		h = (h ^ ((x | fold) & keep)) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	return h;
}

#define FOLD_ASCII 0x2020202020202020ULL

/* word_hash(s, n, end, FOLD_ASCII) of a word of 1 to 16 bytes with 16
 * readable bytes at s, with one branch (words of up to 8 bytes or more),
 * which English text predicts well, where the loop mispredicts often. */
static inline uint64_t
short_word_hash(const unsigned char *s, size_t n)
{
	const uint64_t mul = 0xff51afd7ed558ccdULL;
	uint64_t x1, x2, h = n * 0x9E3779B97F4A7C15ULL;

	memcpy(&x1, s, 8);
	if (n <= 8) {
		h = (h ^ ((x1 | FOLD_ASCII) & (~0ULL >> (64 - 8 * n)))) * mul;
		return h ^ h >> 32;
	}
	memcpy(&x2, s + 8, 8);
	h = (h ^ (x1 | FOLD_ASCII)) * mul;
	h ^= h >> 32;
	h = (h ^ ((x2 | FOLD_ASCII) & (~0ULL >> (128 - 8 * n)))) * mul;
	return h ^ h >> 32;
}

static inline uint64_t
ascii_word_hash(const unsigned char *s, size_t n, const unsigned char *end)
{
	if (n <= 16 && end - s >= 16)
		return short_word_hash(s, n);
	return word_hash(s, n, end, FOLD_ASCII);
}

static uint64_t
hash_unicode_word(near_tok *t, const char *s, size_t n)
{
	news_buf_clear(&t->norm);
	news_normalize(s, n, &t->norm);
	news_buf_reserve(&t->norm, 8);
	const unsigned char *w = (const unsigned char *)t->norm.data;
	return word_hash(w, t->norm.len, w + t->norm.len, 0);
}

/* Decode the character at s, and say what kind it is. */
static int
classify(const char *s, size_t len, size_t *k, int32_t *cp)
{
	*k = news_utf8_decode(s, len, cp);
	if (unspaced(*cp))
		return 'u';
	if (word_char(*cp))
		return 'w';
	if (*cp == 0x2028 || *cp == 0x2029 || *cp == 0x85)
		return 'b';
	return 's';
}

/* Drop repeated values from v[0..n), keeping the first of each, through
 * a hash set that grows with the distinct values (a text repeating one
 * line a million times costs a million look-ups in a tiny set).  Returns
 * the number left. */
static size_t
distinct(near_tok *t, uint64_t *v, size_t n)
{
	const uint64_t empty = UINT64_MAX;      /* values have 40 bits */
	size_t bits = 9, cap = (size_t)1 << bits, count = 0, m = 0;

	news_buf_clear(&t->sort);
	news_buf_reserve(&t->sort, cap * sizeof(uint64_t));
	uint64_t *set = (uint64_t *)(void *)t->sort.data;
	memset(set, 0xff, cap * sizeof *set);
	for (size_t i = 0; i < n; i++) {
		size_t h = (size_t)((v[i] * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
		while (set[h] != empty && set[h] != v[i])
			h = (h + 1) & (cap - 1);
		if (set[h] == v[i])
			continue;
		set[h] = v[i];
		v[m++] = v[i];
		if (++count * 2 > cap) {
			/* grow: the values kept so far are v[0..m) */
			bits++;
			cap *= 2;
			news_buf_clear(&t->sort);
			news_buf_reserve(&t->sort, cap * sizeof(uint64_t));
			set = (uint64_t *)(void *)t->sort.data;
			memset(set, 0xff, cap * sizeof *set);
			for (size_t j = 0; j < m; j++) {
				size_t g = (size_t)((v[j] * 0x9E3779B97F4A7C15ULL) >>
				    (64 - bits));
				while (set[g] != empty)
					g = (g + 1) & (cap - 1);
				set[g] = v[j];
			}
		}
	}
	return m;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Sort hash values, uniform below bound and few of them repeated: a
 * counting pass into about as many buckets as values leaves them nearly
 * sorted, and an insertion sort finishes in about linear time.  Many
 * values (which only a text crafted against the hash gives) go through
 * qsort instead. */
static void
sort_below(near_tok *t, uint64_t *v, size_t n, uint64_t bound)
{
	if (n < 2)
		return;
	if (n > 16 * NEAR_SIG_MAX) {
		qsort(v, n, sizeof *v, cmp_u64);
		return;
	}
	unsigned shift = 0;
	while (((bound - 1) >> shift) >= 2 * n)
		shift++;
	size_t nb = (size_t)((bound - 1) >> shift) + 1;
	news_buf_clear(&t->sort);
	news_buf_reserve(&t->sort, n * sizeof(uint64_t) +
	    (nb + 1) * sizeof(uint32_t));
	uint64_t *out = (uint64_t *)(void *)t->sort.data;
	uint32_t *count = (uint32_t *)(void *)(out + n);
	memset(count, 0, (nb + 1) * sizeof *count);
	for (size_t i = 0; i < n; i++)
		count[(v[i] >> shift) + 1]++;
	for (size_t b = 1; b <= nb; b++)
		count[b] += count[b - 1];
	for (size_t i = 0; i < n; i++)
		out[count[v[i] >> shift]++] = v[i];
	for (size_t i = 0; i < n; i++) {
		uint64_t x = out[i];
		size_t j = i;
		while (j && out[j - 1] > x) {
			out[j] = out[j - 1];
			j--;
		}
		out[j] = x;
	}
	memcpy(v, out, n * sizeof *v);
}

/* The NEAR_SIG_MAX smallest distinct values, ascending.  Hash values are
 * uniform, so a bound that about 1.5 * NEAR_SIG_MAX of them fall under
 * picks the candidates in one branch-free pass; an unlucky bound (or a
 * text repeating itself) is raised. */
static void
smallest(near_tok *t, const uint64_t *v, size_t n, near_sig *out)
{
	const uint64_t top = 1ULL << NEAR_VALUE_BITS;
	const size_t want = NEAR_SIG_MAX + NEAR_SIG_MAX / 2;
	uint64_t bound = n <= want ? top : top / n * want;

	news_buf_clear(&t->cand);
	news_buf_reserve(&t->cand, (n + 1) * sizeof *v);
	uint64_t *w = (uint64_t *)(void *)t->cand.data;
	for (;;) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			w[m] = v[i];
			m += v[i] < bound;
		}
		/* far more than expected: a text repeating itself */
		if (m > 4 * want)
			m = distinct(t, w, m);
		sort_below(t, w, m, bound);
		size_t k = 0;
		for (size_t i = 0; i < m; i++)
			if (!k || w[i] != w[k - 1])
				w[k++] = w[i];
		m = k;
		if (m >= NEAR_SIG_MAX || bound == top) {
			out->n = m < NEAR_SIG_MAX ? (unsigned)m : NEAR_SIG_MAX;
			memcpy(out->v, w, out->n * sizeof *w);
			out->complete = bound == top && m <= NEAR_SIG_MAX;
			return;
		}
		/* few values under the bound: far fewer when the text repeats */
		uint64_t raise = m < NEAR_SIG_MAX / 4 ? 64 : 4;
		bound = bound >= top / raise ? top : bound * raise;
	}
}

/* Tokenise p[0..end) one byte at a time (and character by character
 * outside ASCII). */
static void
scan_scalar(near_tok *t, stream *st, const unsigned char *p,
    const unsigned char *end, const unsigned char *limit)
{
	while (p < end) {
		int kind = ascii_class[*p];
		if (kind == C_SEP) {
			p++;
			continue;
		}
		if (kind == C_BREAK) {
			end_segment(st);
			p++;
			continue;
		}
		/* a word, or a character outside ASCII */
		const unsigned char *start = p;
		size_t k;
		int32_t cp;
		bool unicode = false;
		for (;;) {
			while (p < end && ascii_class[*p] == C_WORD)
				p++;
			if (p >= end || ascii_class[*p] != C_MULTI)
				break;
			if (classify((const char *)p, (size_t)(end - p), &k, &cp) != 'w')
				break;
			unicode = true;
			p += k;
		}
		if (p > start)
			add_word(st, unicode ? hash_unicode_word(t,
			    (const char *)start, (size_t)(p - start)) :
			    word_hash(start, (size_t)(p - start), limit, FOLD_ASCII));
		if (p >= end || ascii_class[*p] != C_MULTI)
			continue;
		/* a character that is not part of a word */
		switch (classify((const char *)p, (size_t)(end - p), &k, &cp)) {
		case 'u':       /* its own word */
			add_word(st, hash_unicode_word(t, (const char *)p, k));
			break;
		case 'b':
			end_segment(st);
			break;
		}
		p += k;
	}
}

#if defined(__SSE2__) && !defined(NEAR_SCALAR)
#include <emmintrin.h>

/* Bit masks over the text, a bit a byte: word bytes (ASCII letters and
 * digits, and every byte outside ASCII), bytes outside ASCII, and line
 * or cell breaks.  Runs of word bits are then found 64 bytes at a time. */
static void
block_masks(const unsigned char *p, uint64_t *word, uint64_t *high,
    uint64_t *brk)
{
	const __m128i fold = _mm_set1_epi8(0x20);
	const __m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
	const __m128i d1 = _mm_set1_epi8('0' - 1), d9 = _mm_set1_epi8('9' + 1);
	const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
	const __m128i bar = _mm_set1_epi8('|');
	uint64_t w = 0, h = 0, b = 0;

	for (int i = 0; i < 4; i++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
		__m128i low = _mm_or_si128(v, fold);
		__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(low, a1),
		    _mm_cmpgt_epi8(z1, low));
		__m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, d1),
		    _mm_cmpgt_epi8(d9, v));
		__m128i br = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl),
		    _mm_cmpeq_epi8(v, cr)), _mm_cmpeq_epi8(v, bar));
		uint64_t hi = (uint32_t)_mm_movemask_epi8(v);
		w |= ((uint32_t)_mm_movemask_epi8(_mm_or_si128(letter, digit)) |
		    hi) << (16 * i);
		h |= hi << (16 * i);
		b |= (uint64_t)(uint32_t)_mm_movemask_epi8(br) << (16 * i);
	}
	*word = w;
	*high = h;
	*brk = b;
}

/* The first position >= i whose bit is `want`, or n. */
static inline size_t
next_bit(const uint64_t *m, size_t i, size_t n, bool want)
{
	size_t w = i >> 6, nw = (n + 63) >> 6;
	uint64_t x;

	if (i >= n)
		return n;
	x = (want ? m[w] : ~m[w]) & (~0ULL << (i & 63));
	while (!x) {
		if (++w >= nw)
			return n;
		x = want ? m[w] : ~m[w];
	}
	size_t r = (w << 6) + (size_t)__builtin_ctzll(x);
	return r < n ? r : n;
}

static void
scan_text(near_tok *t, stream *st, const unsigned char *p, size_t n)
{
	size_t nw = (n + 63) >> 6;

	news_buf_clear(&t->masks);
	news_buf_reserve(&t->masks, 3 * nw * sizeof(uint64_t));
	uint64_t *word = (uint64_t *)(void *)t->masks.data;
	uint64_t *high = word + nw, *brk = high + nw;
	for (size_t w = 0; w < nw; w++) {
		if (64 * w + 64 <= n) {
			block_masks(p + 64 * w, &word[w], &high[w], &brk[w]);
		} else {
			unsigned char tail[64] = { 0 };
			memcpy(tail, p + 64 * w, n - 64 * w);
			block_masks(tail, &word[w], &high[w], &brk[w]);
		}
	}
	/* Each block's events in order: word starts (a word bit after a
	 * non-word bit) and breaks.  A word's end is the next non-word bit,
	 * in this block or a later one. */
	uint64_t carry = 0;     /* the last bit of the previous block's words */
	for (size_t w = 0; w < nw; w++) {
		const uint64_t wd = word[w], starts = wd & ~(wd << 1 | carry);
		carry = wd >> 63;
		for (uint64_t ev = starts | brk[w]; ev; ev &= ev - 1) {
			const unsigned bit = (unsigned)__builtin_ctzll(ev);
			if (brk[w] >> bit & 1) {
				end_segment(st);
				continue;
			}
			const size_t start = 64 * w + bit;
			const uint64_t after = ~wd & (~0ULL << bit);
			size_t end;
			bool ascii;
			if (after) {
				end = 64 * w + (size_t)__builtin_ctzll(after);
				ascii = !(high[w] & (after - 1) >> bit << bit);
			} else {
				end = next_bit(word, 64 * w + 64, n, false);
				ascii = next_bit(high, start, end, true) >= end;
			}
			if (end > n)
				end = n;
			if (ascii)
				add_word(st, ascii_word_hash(p + start, end - start,
				    p + n));
			else
				scan_scalar(t, st, p + start, p + end, p + n);
		}
	}
}
#else
static void
scan_text(near_tok *t, stream *st, const unsigned char *p, size_t n)
{
	scan_scalar(t, st, p, p + n, p + n);
}
#endif

void
near_sig_of_text(near_tok *t, const char *text, size_t len, near_sig *out)
{
	stream st = { .vals = &t->vals, .short_vals = &t->short_vals };

	init_tables();
	news_buf_clear(&t->vals);
	news_buf_clear(&t->short_vals);
	news_buf_reserve(&t->vals, len / 2 + 64);
	scan_text(t, &st, (const unsigned char *)text, len);
	end_segment(&st);
	if (t->vals.len < MIN_LONG * sizeof(uint64_t) ||
	    2 * t->vals.len < t->short_vals.len)
		news_buf_add(&t->vals, t->short_vals.data, t->short_vals.len);
	/* text without a word: one value shared by all such texts */
	if (!t->vals.len)
		offer(&st, fmix64(0xBB67AE8584CAA73BULL));
	smallest(t, (const uint64_t *)(void *)t->vals.data,
	    t->vals.len / sizeof(uint64_t), out);
}

void
near_tok_free(near_tok *t)
{
	news_buf_free(&t->vals);
	news_buf_free(&t->short_vals);
	news_buf_free(&t->masks);
	news_buf_free(&t->cand);
	news_buf_free(&t->sort);
	news_buf_free(&t->norm);
}

void
near_sig_encode(const near_sig *s, news_buf *out)
{
	static const char hex[] = "0123456789abcdef";

	news_buf_reserve(out, 1 + 10 * (size_t)s->n);
	char *p = out->data + out->len;
	*p++ = s->complete ? 'c' : 'p';
	for (unsigned i = 0; i < s->n; i++)
		for (int shift = NEAR_VALUE_BITS - 4; shift >= 0; shift -= 4)
			*p++ = hex[(s->v[i] >> shift) & 15];
	out->len = (size_t)(p - out->data);
}

bool
near_sig_decode(const char *s, size_t len, near_sig *out)
{
	if (len < 1 || (s[0] != 'c' && s[0] != 'p') || (len - 1) % 10 ||
	    (len - 1) / 10 > NEAR_SIG_MAX)
		return false;
	out->complete = s[0] == 'c';
	out->n = (unsigned)((len - 1) / 10);
	for (unsigned i = 0; i < out->n; i++) {
		uint64_t v = 0;
		for (int k = 0; k < 10; k++) {
			char c = s[1 + 10 * i + k];
			int d = c >= '0' && c <= '9' ? c - '0' :
			    c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
			if (d < 0)
				return false;
			v = v << 4 | (uint64_t)d;
		}
		if (i && v <= out->v[i - 1])
			return false;
		out->v[i] = v;
	}
	return true;
}
