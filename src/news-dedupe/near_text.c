/* near_text.c: a document's text -> its signature (see near.h).
 *
 * Speed matters here (every byte of every document passes through), so
 * ASCII is tokenised from a table and hashed as is; only words holding
 * other characters go through Unicode normalisation. */
#include "near.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "news_hash.h"
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

/* The bottom-k selector: a max-heap of the smallest distinct values. */
typedef struct selector {
	uint64_t *heap;
	unsigned n;
	bool dropped;
} selector;

static bool
has(const selector *s, uint64_t v)
{
	for (unsigned i = 0; i < s->n; i++)
		if (s->heap[i] == v)
			return true;
	return false;
}

static void
sift_down(uint64_t *h, unsigned n, unsigned i)
{
	for (;;) {
		unsigned l = 2 * i + 1, r = l + 1, m = i;
		if (l < n && h[l] > h[m])
			m = l;
		if (r < n && h[r] > h[m])
			m = r;
		if (m == i)
			return;
		uint64_t t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static inline void
offer(selector *s, uint64_t shingle)
{
	uint64_t v = shingle >> (64 - NEAR_VALUE_BITS);

	if (s->n < NEAR_SIG_MAX) {
		if (has(s, v))
			return;
		unsigned i = s->n++;
		s->heap[i] = v;
		while (i && s->heap[(i - 1) / 2] < s->heap[i]) {
			uint64_t t = s->heap[i];
			s->heap[i] = s->heap[(i - 1) / 2];
			s->heap[(i - 1) / 2] = t;
			i = (i - 1) / 2;
		}
		return;
	}
	if (v >= s->heap[0]) {
		if (v > s->heap[0])
			s->dropped = true;
		return;
	}
	if (has(s, v))
		return;
	s->dropped = true;
	s->heap[0] = v;
	sift_down(s->heap, s->n, 0);
}

/* The state of the shingle stream within one segment. */
typedef struct stream {
	selector sel;
	uint64_t prev;
	unsigned words;         /* in the current segment */
} stream;

static inline void
add_word(stream *st, uint64_t h)
{
	if (st->words++)
		offer(&st->sel, fmix64(st->prev * 0x9E3779B97F4A7C15ULL + h));
	st->prev = h;
}

static inline void
end_segment(stream *st)
{
	/* a one-word line ("Advertisement", "Yes.") is a shingle of its own */
	if (st->words == 1)
		offer(&st->sel, fmix64(st->prev ^ 0x6A09E667F3BCC909ULL));
	st->words = 0;
}

static uint64_t
hash_word(near_tok *t, bool multi)
{
	if (!multi)
		return news_hash64(t->word.data, t->word.len);
	news_buf_clear(&t->norm);
	news_normalize(t->word.data, t->word.len, &t->norm);
	return news_hash64(t->norm.data ? t->norm.data : "", t->norm.len);
}

void
near_sig_of_text(near_tok *t, const char *text, size_t len, near_sig *out)
{
	const unsigned char *p = (const unsigned char *)text;
	stream st = { .sel = { .heap = out->v } };
	bool in_word = false, multi = false;

	init_tables();
	news_buf_reserve(&t->word, 64);
	for (size_t i = 0; i < len;) {
		unsigned char c = p[i];
		switch (ascii_class[c]) {
		case C_WORD:
			if (!in_word) {
				news_buf_clear(&t->word);
				in_word = true;
				multi = false;
			}
			news_buf_addc(&t->word, (char)ascii_lower[c]);
			i++;
			continue;
		case C_MULTI: {
			int32_t cp;
			size_t k = news_utf8_decode(text + i, len - i, &cp);
			if (unspaced(cp)) {
				if (in_word)
					add_word(&st, hash_word(t, multi));
				in_word = false;
				news_buf_clear(&t->word);
				news_buf_add(&t->word, text + i, k);
				add_word(&st, hash_word(t, true));
			} else if (word_char(cp)) {
				if (!in_word) {
					news_buf_clear(&t->word);
					in_word = true;
				}
				multi = true;
				news_buf_add(&t->word, text + i, k);
			} else {
				if (in_word)
					add_word(&st, hash_word(t, multi));
				in_word = false;
				if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
					end_segment(&st);
			}
			i += k;
			continue;
		}
		case C_BREAK:
			if (in_word)
				add_word(&st, hash_word(t, multi));
			in_word = false;
			end_segment(&st);
			i++;
			continue;
		default:
			if (in_word)
				add_word(&st, hash_word(t, multi));
			in_word = false;
			i++;
			continue;
		}
	}
	if (in_word)
		add_word(&st, hash_word(t, multi));
	end_segment(&st);
	/* text without a word: one value shared by all such texts */
	if (!st.sel.n)
		offer(&st.sel, fmix64(0xBB67AE8584CAA73BULL));

	/* heap -> ascending */
	for (unsigned n = st.sel.n; n > 1; n--) {
		uint64_t m = out->v[0];
		out->v[0] = out->v[n - 1];
		out->v[n - 1] = m;
		sift_down(out->v, n - 1, 0);
	}
	out->n = st.sel.n;
	out->complete = !st.sel.dropped;
}

void
near_tok_free(near_tok *t)
{
	news_buf_free(&t->word);
	news_buf_free(&t->norm);
}

void
near_sig_encode(const near_sig *s, news_buf *out)
{
	static const char hex[] = "0123456789abcdef";

	news_buf_reserve(out, 1 + 10 * (size_t)s->n);
	news_buf_addc(out, s->complete ? 'c' : 'p');
	for (unsigned i = 0; i < s->n; i++)
		for (int shift = NEAR_VALUE_BITS - 4; shift >= 0; shift -= 4)
			news_buf_addc(out, hex[(s->v[i] >> shift) & 15]);
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
