/* tag_token.c: a sentence into word, number and punctuation tokens.
 *
 * Words keep inner hyphens and apostrophes (Kim Jong-un, O'Reilly), dotted
 * abbreviations (U.S., U.N.) and a final dot when the lexicon lists the
 * word as an abbreviation (Jan., Mr.) or it is an initial (J.).  The
 * possessive 's is a token of its own, so "Wang's" gives the name "Wang".
 * Each token gets a lower-case key (’ as ') for dictionary look-ups. */
#include <utf8proc.h>

#include "news_err.h"
#include "news_hash.h"
#include "news_utf8.h"
#include "tag.h"

enum cclass { C_SPACE, C_LETTER, C_DIGIT, C_MARK, C_PUNCT };

static enum cclass
classify(int32_t cp, bool *upper)
{
	*upper = false;
	if (cp < 0x80) {
		if ((unsigned)((cp | 0x20) - 'a') < 26) {
			*upper = cp < 'a';
			return C_LETTER;
		}
		if ((unsigned)(cp - '0') < 10)
			return C_DIGIT;
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return C_SPACE;
		return C_PUNCT;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		*upper = true;
		return C_LETTER;
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ND:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_SPACE;
	default:
		return C_PUNCT;
	}
}

/* 1 for ASCII letters and digits, 2 for upper-case letters. */
static const unsigned char ascii_alnum[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
	['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3, ['G'] = 3,
	['H'] = 3, ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3,
	['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3, ['U'] = 3,
	['V'] = 3, ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3,
};

static inline size_t
decode(const char *s, size_t len, size_t i, int32_t *cp)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return news_utf8_decode(s + i, len - i, cp);
}

static bool
is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* The class of the code point at byte i, or C_SPACE past the end. */
static enum cclass
class_at(const char *s, size_t len, size_t i, int32_t *cp, size_t *n)
{
	bool up;
	if (i >= len) {
		*cp = 0;
		*n = 0;
		return C_SPACE;
	}
	*n = decode(s, len, i, cp);
	return classify(*cp, &up);
}

/* Lower case without accents, so "Kraków" finds "Krakow" and the other
 * way round: keys compare letters, not how a page spelt them. */
static void
fold_char(tag_sent *s, int32_t cp)
{
	utf8proc_int32_t out[8];
	int last = 0;
	char enc[4];
	switch (cp) {
	case 0x141: case 0x142: cp = 'l'; break;        /* Ł ł */
	case 0xD8: case 0xF8: cp = 'o'; break;          /* Ø ø */
	case 0x110: case 0x111: cp = 'd'; break;        /* Đ đ */
	case 0x131: cp = 'i'; break;                    /* ı */
	case 0xC6: case 0xE6:
		news_buf_add(&s->keys, "ae", 2);
		return;
	case 0x152: case 0x153:
		news_buf_add(&s->keys, "oe", 2);
		return;
	}
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, out, 8,
	    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &last);
	if (n <= 0 || n > 8) {
		news_buf_add(&s->keys, enc, news_utf8_encode(utf8proc_tolower(cp), enc));
		return;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++)
		news_buf_add(&s->keys, enc, news_utf8_encode(out[i], enc));
}

static void
append_key(tag_sent *s, const char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		if (c < 0x80) {
			/* a run of ASCII in one go */
			size_t j = i;
			while (j < n && (unsigned char)p[j] < 0x80)
				j++;
			news_buf_reserve(&s->keys, j - i);
			char *d = s->keys.data + s->keys.len;
			for (size_t k = i; k < j; k++) {
				char ch = p[k];
				d[k - i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
			}
			s->keys.len += j - i;
			i = j;
			continue;
		}
		int32_t cp;
		size_t k = news_utf8_decode(p + i, n - i, &cp);
		i += k;
		if (cp == 0x2019 || cp == 0x2018) {
			news_buf_addc(&s->keys, '\'');
			continue;
		}
		fold_char(s, cp);
	}
}

static tag_tok *
push_tok(tag_sent *s, size_t b, size_t e, uint32_t f)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->toks = news_xrealloc(s->toks, s->cap * sizeof *s->toks);
	}
	tag_tok *t = &s->toks[s->n++];
	t->b = (uint32_t)b;
	t->e = (uint32_t)e;
	t->f = f;
	t->lex = -1;
	t->ent = -1;
	t->kb = (uint32_t)s->keys.len;
	if (e - b == 1 && (unsigned char)s->text[b] < 0x80) {
		/* punctuation and one-letter words: the common short case */
		char c = s->text[b];
		news_buf_addc(&s->keys, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
	} else
		append_key(s, s->text + b, e - b);
	t->ke = (uint32_t)s->keys.len;
	return t;
}

/* Scan a word or number from byte i; returns its end. */
static size_t
scan_word(const char *s, size_t len, size_t i, bool *dotted, bool *hyphen)
{
	*hyphen = false;
	int32_t cp;
	size_t n;
	size_t start = i;
	size_t letters = 0;     /* in the current dot-separated part */
	*dotted = false;
	for (;;) {
		/* the common case: a run of ASCII letters and digits */
		while (i < len && ascii_alnum[(unsigned char)s[i]]) {
			i++;
			letters++;
		}
		enum cclass c = class_at(s, len, i, &cp, &n);
		if (c == C_LETTER || c == C_DIGIT || c == C_MARK) {
			i += n;
			letters++;
			continue;
		}
		if (c != C_PUNCT)
			break;
		int32_t cp2;
		size_t n2;
		enum cclass c2 = class_at(s, len, i + n, &cp2, &n2);
		bool next_alnum = c2 == C_LETTER || c2 == C_DIGIT;
		if (!next_alnum)
			break;
		if (is_apostrophe(cp)) {
			/* possessive 's stays apart: Wang's */
			if ((cp2 == 's' || cp2 == 'S')) {
				int32_t cp3;
				size_t n3;
				enum cclass c3 = class_at(s, len, i + n + n2, &cp3, &n3);
				if (c3 != C_LETTER && c3 != C_DIGIT)
					break;
			}
			i += n;
			continue;
		}
		if (cp == '-' || cp == 0x2011) {
			*hyphen = true;
			i += n;
			letters = 0;
			continue;
		}
		if (cp == '.') {
			/* U.S., e.g., 3.5 ; not "end.Next" */
			bool digit_before = i > start && s[i - 1] >= '0' && s[i - 1] <= '9';
			if ((letters == 1) || (digit_before && c2 == C_DIGIT)) {
				*dotted = letters == 1;
				i += n;
				letters = 0;
				continue;
			}
			break;
		}
		if (cp == '&' && i > start && s[i - 1] >= 'A' && s[i - 1] <= 'Z' &&
		    cp2 >= 'A' && cp2 <= 'Z') {
			i += n;
			continue;
		}
		break;
	}
	return i;
}

#define PLACE_KINDS ((1u << LK_COUNTRY) | (1u << LK_NORP) | (1u << LK_CITY) | \
	(1u << LK_REGION))

/* "U.S.-China", "Ukraine-Russia", "Korea-Japan": two places joined by a
 * hyphen are two tokens (and two entities), unless the whole is a name
 * ("Guinea-Bissau").  Returns where the first token ends. */
static size_t
split_pair(tag_sent *s, const tag_lex *lx, size_t b, size_t e, bool *dotted)
{
	const char *h = memchr(s->text + b, '-', e - b);
	if (!h || h == s->text + b || (size_t)(h - s->text) + 1 >= e)
		return e;
	unsigned char next = (unsigned char)h[1];
	if (!((next >= 'A' && next <= 'Z') || next >= 0xC0))
		return e;
	uint32_t kinds, pkinds;
	size_t k0 = s->keys.len;
	append_key(s, s->text + b, e - b);
	tag_lex_lookup(lx, s->keys.data + k0, s->keys.len - k0, &kinds, &pkinds);
	s->keys.len = k0;
	if (kinds & ((1u << LK_COUNTRY) | (1u << LK_CITY) | (1u << LK_REGION) |
	    (1u << LK_ORG) | (1u << LK_PERSON) | (1u << LK_NORP)))
		return e;
	size_t hb = (size_t)(h - s->text);
	append_key(s, s->text + b, hb - b);
	int32_t id = tag_lex_lookup(lx, s->keys.data + k0, s->keys.len - k0,
	    &kinds, &pkinds);
	s->keys.len = k0;
	const tag_entry *cap = tag_lex_kind(lx, id, LK_CITY);
	if (!(kinds & ((1u << LK_COUNTRY) | (1u << LK_NORP))) &&
	    !(cap && (cap->flags & LF_CAPITAL)))
		return e;
	/* and the right part is a place too, or starts the name of a
	 * country ("Japan-South Korea"): not "García-Paje" */
	const char *h2 = memchr(h + 1, '-', (size_t)(s->text + e - (h + 1)));
	size_t re = h2 ? (size_t)(h2 - s->text) : e;
	append_key(s, h + 1, re - (hb + 1));
	tag_lex_lookup(lx, s->keys.data + k0, s->keys.len - k0, &kinds, &pkinds);
	s->keys.len = k0;
	if (!(kinds & (PLACE_KINDS | (1u << LK_ORG))) && !(pkinds & (1u << LK_COUNTRY)))
		return e;
	*dotted = hb > b && s->text[hb - 1] == '.';
	return hb;
}

void
tag_tokenize(tag_sent *s, const tag_lex *lx, const char *text, size_t len)
{
	s->text = text;
	s->len = len;
	s->n = 0;
	news_buf_clear(&s->keys);
	size_t i = 0;
	bool space = true;
	while (i < len) {
		int32_t cp;
		size_t n;
		bool upper;
		if (text[i] == ' ') {
			space = true;
			i++;
			continue;
		}
		n = decode(text, len, i, &cp);
		enum cclass c = classify(cp, &upper);
		if (c == C_SPACE) {
			space = true;
			i += n;
			continue;
		}
		uint32_t f = space ? TF_SPACE : 0;
		space = false;
		if (c == C_PUNCT || c == C_MARK) {
			/* the possessive: 's or ’s after a word */
			if (is_apostrophe(cp) && s->n && !(f & TF_SPACE) &&
			    (s->toks[s->n - 1].f & (TF_WORD | TF_NUM)) && i + n < len &&
			    (text[i + n] == 's' || text[i + n] == 'S')) {
				int32_t cp3;
				size_t n3;
				enum cclass c3 = class_at(text, len, i + n + 1, &cp3, &n3);
				if (c3 != C_LETTER && c3 != C_DIGIT) {
					push_tok(s, i, i + n + 1, f | TF_POSS);
					i += n + 1;
					continue;
				}
			}
			/* "Galois' biographers": the possessive of a name in -s */
			if (is_apostrophe(cp) && s->n && !(f & TF_SPACE) &&
			    (s->toks[s->n - 1].f & TF_CAP) && i > 0 &&
			    (text[i - 1] == 's' || text[i - 1] == 'z' || text[i - 1] == 'x') &&
			    (i + n >= len || text[i + n] == ' ')) {
				push_tok(s, i, i + n, f | TF_POSS);
				i += n;
				continue;
			}
			push_tok(s, i, i + n, f | TF_PUNCT);
			i += n;
			continue;
		}
		/* the common case first: a word of ASCII letters and digits that
		 * ends at a space or a plain punctuation mark; its key is made
		 * in the same pass */
		if (cp < 0x80) {
			size_t j = i, k0 = s->keys.len;
			unsigned up = 0, low = 0;
			news_buf_reserve(&s->keys, 64);
			char *d = s->keys.data + k0;
			while (j < len && j - i < 64) {
				unsigned char a = (unsigned char)text[j];
				unsigned char cl = ascii_alnum[a];
				if (!cl)
					break;
				up += cl == 3;
				low += cl == 1 && a >= 'a';
				d[j - i] = (char)(cl == 3 ? a + 32 : a);
				j++;
			}
			unsigned char nx = j < len ? (unsigned char)text[j] : ' ';
			if (j - i < 64 && (nx == ' ' || nx == ',' || nx == ';' ||
			    nx == ':' || nx == ')' || nx == '"' || nx == '?' ||
			    nx == '!' || nx == '\n' || nx == '\t')) {
				if (s->n == s->cap) {
					s->cap = s->cap ? s->cap * 2 : 64;
					s->toks = news_xrealloc(s->toks, s->cap * sizeof *s->toks);
				}
				f |= c == C_DIGIT ? TF_NUM : TF_WORD;
				if (c == C_LETTER && upper) {
					f |= TF_CAP;
					if (up >= 2 && !low)
						f |= TF_UPPER;
				}
				tag_tok *t = &s->toks[s->n++];
				t->b = (uint32_t)i;
				t->e = (uint32_t)j;
				t->f = f;
				t->lex = -1;
				t->ent = -1;
				t->kb = (uint32_t)k0;
				s->keys.len = k0 + (j - i);
				t->ke = (uint32_t)s->keys.len;
				i = j;
				continue;
			}
		}
		bool dotted, hyphen;
		size_t e = scan_word(text, len, i, &dotted, &hyphen);
		if (hyphen && !s->keys_only)
			e = split_pair(s, lx, i, e, &dotted);
		f |= c == C_DIGIT ? TF_NUM : TF_WORD;
		if (c == C_LETTER && upper)
			f |= TF_CAP;
		/* all capitals (two letters or more) */
		if ((f & TF_CAP) && e - i >= 2) {
			size_t letters = 0, lower = 0;
			for (size_t k = i; k < e && !lower;) {
				unsigned char a = (unsigned char)text[k];
				if (a < 0x80) {
					unsigned char cl = ascii_alnum[a];
					letters += cl == 3;
					lower += cl == 1 && a >= 'a';
					k++;
					continue;
				}
				int32_t q;
				bool up;
				k += decode(text, e, k, &q);
				if (classify(q, &up) == C_LETTER) {
					letters++;
					lower += !up;
				}
			}
			if (letters >= 2 && !lower)
				f |= TF_UPPER;
		}
		if (hyphen && memchr(text + i, '-', e - i))
			f |= TF_HYPHEN;
		/* a final dot: U.S. (dotted), J. (an initial), Jan. (listed) */
		if (e < len && text[e] == '.') {
			bool take = dotted && e > i && text[e - 1] != '.';
			if (!take && (f & TF_CAP) && e - i == 1)
				take = true, f |= TF_INITIAL;
			if (!take && (f & TF_WORD)) {
				size_t k0 = s->keys.len;
				append_key(s, text + i, e - i);
				int32_t id = tag_lex_find(lx, s->keys.data + k0, s->keys.len - k0);
				s->keys.len = k0;
				take = id >= 0 && tag_lex_kind(lx, id, LK_ABBREV) != NULL;
			}
			if (take) {
				e++;
				f |= TF_DOT;
			}
		} else if (dotted)
			f |= TF_DOT;
		push_tok(s, i, e, f);
		i = e;
	}
	if (s->keys_only)
		return;
	/* hash every word's key and ask for its slot, so the look-ups below
	 * wait for memory in parallel rather than one after another */
	for (size_t k = 0; k < s->n; k++) {
		tag_tok *t = &s->toks[k];
		if (!(t->f & TF_WORD))
			continue;
		t->hash = news_hash64(s->keys.data + t->kb, t->ke - t->kb);
		/* a lower-case word away from capitals needs its entries only
		 * when it is a function word, a role, a date word ... */
		if (!(t->f & (TF_CAP | TF_UPPER)) && !tag_lex_maybe_lower(lx, t->hash) &&
		    !(k > 0 && (s->toks[k - 1].f & (TF_CAP | TF_UPPER))) &&
		    !(k + 1 < s->n && (s->toks[k + 1].f & (TF_CAP | TF_UPPER))))
			t->f |= TF_NOLEX;
		else
			tag_lex_prefetch(lx, t->hash);
	}
	/* sentence starts, and each token's own lexicon entries */
	for (size_t k = 0; k < s->n; k++) {
		tag_tok *t = &s->toks[k];
		if (k == 0)
			t->f |= TF_START;
		else if (t->f & (TF_WORD | TF_NUM)) {
			const tag_tok *p = &s->toks[k - 1];
			if (p->f & TF_PUNCT) {
				size_t pl;
				const char *pk = tag_tok_key(s, (int)k - 1, &pl);
				if ((pl == 1 && strchr("\"(:[.!?*", pk[0])) ||
				    (pl == 3 && (memcmp(pk, "\xe2\x80\x9c", 3) == 0 ||
				    memcmp(pk, "\xe2\x80\x94", 3) == 0 ||
				    memcmp(pk, "\xe2\x80\xa2", 3) == 0 ||
				    memcmp(pk, "\xe2\x80\x98", 3) == 0)))
					t->f |= TF_START;
				if (k == 1 && pl == 1 && strchr("'\"-", pk[0]))
					t->f |= TF_START;
				/* after a dateline: "DERNA, Libya -- Bodies washed
				 * up", "KINSHASA (AFP) - Fighting flared" */
				if ((pl == 2 && memcmp(pk, "--", 2) == 0) ||
				    (pl == 1 && pk[0] == '-' && k >= 2 &&
				    (tag_tok_is(s, (int)k - 2, "-") ||
				    tag_tok_is(s, (int)k - 2, ")"))) ||
				    (pl == 3 && memcmp(pk, "\xe2\x80\x93", 3) == 0))
					t->f |= TF_START;
			}
		}
		t->kinds = t->pkinds = 0;
		if ((t->f & TF_WORD) && !(t->f & TF_NOLEX)) {
			t->lex = tag_lex_lookup_hash(lx, s->keys.data + t->kb, t->ke - t->kb,
			    t->hash, &t->kinds, &t->pkinds);
			/* "Jan." is "jan" to the lexicon, unless listed with its dot */
			if (t->lex < 0 && (t->f & TF_DOT) && !(t->f & TF_INITIAL) &&
			    t->ke - t->kb > 1)
				t->lex = tag_lex_lookup(lx, s->keys.data + t->kb,
				    t->ke - t->kb - 1, &t->kinds, &t->pkinds);
		}
	}
}

void
tag_key_of(const tag_sent *s, int t0, int t1, news_buf *out)
{
	news_buf_clear(out);
	for (int i = t0; i < t1; i++) {
		if (i > t0)
			news_buf_addc(out, ' ');
		news_buf_add(out, s->keys.data + s->toks[i].kb,
		    s->toks[i].ke - s->toks[i].kb);
	}
}
