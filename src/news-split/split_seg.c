/* The segmenter: one pass over the text, stopping only at bytes that may
 * matter (final marks, line breaks, brackets, and the lead bytes of
 * non-ASCII marks); at each final mark it looks at the word before and
 * the word after and decides.
 *
 * The rules, in the order they are tried at a period:
 *   - a paragraph break (a blank line) always ends a sentence;
 *   - no space after the mark: no boundary ("U.S.A", "3.5", "a.m.,"),
 *     except a word glued to the next sentence ("ended.Results");
 *   - inside a parenthetical remark that closes soon, or before an
 *     attribution ('"Why?" Kim asked.'): no boundary;
 *   - the word before is an abbreviation: by its kind (see split.h);
 *     single capitals are initials ("Maria T. Lopez"); dotted initialisms
 *     ("U.S.", "p.m.") and "end" abbreviations end a sentence only before
 *     a sentence starter ("lived in the U.S. How" but "the U.S. Army");
 *   - a lower-case word follows: no boundary ("Wow! no", "'...' she said"),
 *     except after a plain word in languages with option lower-starts;
 *   - otherwise a boundary.
 * Line breaks inside a paragraph are judged by on_newline().
 * Every look ahead is bounded (SPLIT_LOOKAHEAD), so text can be streamed. */
#include "split.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "news_utf8.h"
#include "split_chars.h"

/* Bytes that may start something to look at: ASCII marks, line breaks,
 * brackets, and the lead bytes of the non-ASCII marks, bullets and CJK
 * brackets in split_chars.h. */
static const unsigned char interesting[256] = {
	['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [':'] = 1, [';'] = 1,
	['('] = 1, [')'] = 1,
	[0xCD] = 1, [0xD5] = 1, [0xD6] = 1, [0xD7] = 1, [0xD8] = 1, [0xDB] = 1,
	[0xDC] = 1, [0xDF] = 1, [0xE0] = 1, [0xE1] = 1, [0xE2] = 1, [0xE3] = 1,
	[0xEA] = 1, [0xEF] = 1,
};

#define WORD_MAX 256            /* bytes looked back for the word before a mark */
#define RUN_MAX 64              /* bytes of a run of marks and closers */
#define SPACE_MAX 256           /* white space looked through */
#define PAREN_AHEAD 250         /* how far a closing parenthesis is looked for */

typedef struct seg {
	const split_lang *lang;
	const split_options *o;
	split_state *st;
	const char *s;
	size_t len;
	split_sentence_fn fn;
	void *user;
	size_t sent_start;      /* where the current sentence began */
	size_t last_run_end;    /* end of the last run of marks judged not final */
	int paren_depth;        /* '(' open in this sentence */
	int cjk_depth;          /* CJK brackets open in this sentence */
} seg;

void
split_state_init(split_state *st)
{
	st->list_num = -1;
	st->list_num_style = 0;
	st->list_letter = 0;
}

/* --- characters ------------------------------------------------------- */

/* Decode the code point at i (i < g->len). */
static inline size_t
dec(const seg *g, size_t i, int32_t *cp)
{
	unsigned char c = (unsigned char)g->s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return news_utf8_decode(g->s + i, g->len - i, cp);
}

/* Decode the code point that ends at i (i > lo); returns where it starts. */
static inline size_t
dec_back(const seg *g, size_t lo, size_t i, int32_t *cp)
{
	size_t p = i - 1;
	while (p > lo && ((unsigned char)g->s[p] & 0xC0) == 0x80 && i - p < 4)
		p--;
	news_utf8_decode(g->s + p, i - p, cp);
	return p;
}

static size_t
skip_space(const seg *g, size_t i, size_t end)
{
	while (i < end) {
		int32_t cp;
		size_t n = dec(g, i, &cp);
		if (!split_is_space(cp))
			break;
		i += n;
	}
	return i;
}

/* The end of s[lo..i) without its trailing white space. */
static size_t
trim_back(const seg *g, size_t lo, size_t i)
{
	while (i > lo) {
		int32_t cp;
		size_t p = dec_back(g, lo, i, &cp);
		if (!split_is_space(cp))
			break;
		i = p;
	}
	return i;
}

/* The start of the sentence's content: after white space and bullets
 * (looked for a little way only: every look stays bounded). */
static size_t
content_start(const seg *g, size_t end)
{
	size_t i = g->sent_start;
	if (end - i > SPACE_MAX)
		end = i + SPACE_MAX;
	while (i < end) {
		int32_t cp;
		size_t n = dec(g, i, &cp);
		if (!split_is_space(cp) && !split_is_bullet(cp))
			break;
		i += n;
	}
	return i;
}

/* --- sentences ---------------------------------------------------------- */

/* End the current sentence at byte `end`. */
static void
emit(seg *g, size_t end)
{
	size_t a = skip_space(g, g->sent_start, end);
	size_t b = trim_back(g, a, end);
	if (b > a)
		g->fn(g->user, a, b);
	g->sent_start = end;
	g->paren_depth = 0;
	g->cjk_depth = 0;
}

static void
reset_lists(seg *g)
{
	split_state_init(g->st);
}

/* --- the word before a mark ------------------------------------------- */

enum wkind {
	W_NORMAL,
	W_URL,                  /* a URL or e-mail address */
	W_TITLE,
	W_INNER,
	W_NUMBER_PREFIX,        /* No., p., Vol. */
	W_END,
	W_TIME,                 /* a.m., p.m. */
	W_INITIAL,              /* a single capital */
	W_NUMBER,               /* 12, 1,000, $100.00, 27.10.14 */
};

typedef struct word {
	size_t start, end;      /* bytes, end at the mark */
	enum wkind kind;
	bool lower_end;         /* ends in two lower-case letters */
	bool plain_int;         /* one to three digits: a list marker or an ordinal */
	bool roman;             /* a Roman numeral (where ordinals have dots) */
	bool single_lower;      /* one lower-case letter ("a." in a list) */
	long value;             /* of a plain_int, or the letter */
} word;

static bool
has_substr(const char *s, size_t n, const char *lit)
{
	size_t m = strlen(lit);
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(s + i, lit, m) == 0)
			return true;
	return false;
}

static bool
is_roman(const char *s, size_t n)
{
	if (n < 2 || n > 7)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!s[i] || !strchr("IVXLCDM", s[i]))
			return false;
	return true;
}

/* Numbers as written in text: digits with separators, signs, units that
 * stick to them (12,000  $3.5  27.10.14  4°  %11). */
static bool
is_numberish(const seg *g, size_t a, size_t b)
{
	bool digit = false;
	for (size_t i = a; i < b;) {
		int32_t cp;
		size_t n = dec(g, i, &cp);
		if (split_is_digit(cp))
			digit = true;
		else if (!(cp < 0x80 ? cp && strchr(".,:/'%+-$#", (int)cp) != NULL :
		    cp == 0xB0 || cp == 0x20AC || cp == 0xA3 || cp == 0xA5 ||
		    cp == 0x2116 || cp == 0x2019))
			return false;
		i += n;
	}
	return digit;
}

/* Dotted initialisms: U.S, a.m, Ph.D, N.K, z.B -- segments of one to
 * three letters joined by periods. */
static bool
is_dotted(const seg *g, size_t a, size_t b)
{
	int seg_letters = 0, segments = 1;
	for (size_t i = a; i < b;) {
		int32_t cp;
		size_t n = dec(g, i, &cp);
		if (cp == '.') {
			if (!seg_letters)
				return false;
			segments++;
			seg_letters = 0;
		} else if (split_is_letter(cp)) {
			if (++seg_letters > 3)
				return false;
		} else {
			return false;
		}
		i += n;
	}
	return segments >= 2 && seg_letters > 0;
}

/* "SEN" -> "Sen" for ASCII words in capitals; 0 when s is not one. */
static size_t
caps_to_title(const char *s, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			out[i] = (char)(i ? s[i] + 32 : s[i]);
		else if (s[i] == '.' && i)
			out[i] = '.';
		else
			return 0;
	}
	return n;
}

static enum wkind
kind_of(enum split_kind k)
{
	switch (k) {
	case SPLIT_TITLE: return W_TITLE;
	case SPLIT_INNER: return W_INNER;
	case SPLIT_NUMBER: return W_NUMBER_PREFIX;
	case SPLIT_END: return W_END;
	case SPLIT_TIME: return W_TIME;
	default: return W_NORMAL;
	}
}

/* The word that ends at mark i, and what kind of word it is. */
static word
word_before(const seg *g, size_t i)
{
	word w = { .end = i, .kind = W_NORMAL, .value = -1 };
	/* within the sentence: "ended.Mr. Lee" after a glued boundary */
	size_t lo = i > WORD_MAX ? i - WORD_MAX : 0;
	if (lo < g->sent_start)
		lo = g->sent_start;
	int32_t cp;

	/* look through bidi marks between the word and its period */
	while (w.end > lo) {
		size_t p = dec_back(g, lo, w.end, &cp);
		if (!split_is_format(cp))
			break;
		w.end = p;
	}
	w.start = w.end;
	while (w.start > lo) {
		size_t p = dec_back(g, lo, w.start, &cp);
		if (split_is_space(cp))
			break;
		w.start = p;
	}
	if (w.start == lo && lo > g->sent_start)
		return w;       /* too long to be an abbreviation */
	/* leading quotes and brackets are not part of it */
	while (w.start < w.end) {
		size_t n = dec(g, w.start, &cp);
		if (!split_is_opener(cp) && !split_is_bullet(cp))
			break;
		w.start += n;
	}
	const char *s = g->s + w.start;
	size_t n = w.end - w.start;
	if (!n)
		return w;
	if (memchr(s, '@', n) || (memchr(s, ':', n) && has_substr(s, n, "://")) ||
	    (n > 4 && memcmp(s, "www.", 4) == 0)) {
		w.kind = W_URL;
		return w;
	}

	enum split_kind k = split_lookup(g->lang, s, n);
	if (k == SPLIT_NONE) {
		/* l'Avv.: the part after an apostrophe; Japan-U.S., Peru–U.S.:
		 * the part after a hyphen, a dash or a slash */
		for (size_t p = n; p-- > 0;) {
			bool apos = s[p] == '\'' ||
			    (p >= 2 && memcmp(s + p - 2, "\xE2\x80\x99", 3) == 0);
			bool dash = s[p] == '-' || s[p] == '/' || (p >= 2 &&
			    (memcmp(s + p - 2, "\xE2\x80\x93", 3) == 0 ||
			    memcmp(s + p - 2, "\xE2\x80\x94", 3) == 0));
			if (!apos && !dash)
				continue;
			if (p + 1 < n) {
				k = split_lookup(g->lang, s + p + 1, n - p - 1);
				if (k == SPLIT_NONE && dash &&
				    is_dotted(g, w.start + p + 1, w.end)) {
					w.kind = W_END;
					return w;
				}
			}
			break;
		}
	}

	if (k == SPLIT_NONE && n > 1 && n < 32 && s[1] >= 'A' && s[1] <= 'Z') {
		/* SEN., INC. in a headline in capitals: as Sen., Inc. */
		char low[32];
		size_t m = caps_to_title(s, n, low);
		if (m)
			k = split_lookup(g->lang, low, m);
		/* but EST, ETC are more likely acronyms than "est.", "etc." */
		if (k != SPLIT_TITLE && k != SPLIT_NUMBER && k != SPLIT_INNER)
			k = SPLIT_NONE;
	}

	size_t first_len = dec(g, w.start, &cp);
	bool one_char = first_len == n;
	if (one_char && split_is_lower(cp)) {
		w.single_lower = true;
		w.value = cp;
	}
	if (k != SPLIT_NONE && k != SPLIT_STARTER) {
		w.kind = kind_of(k);
		return w;
	}
	if (one_char && split_is_letter(cp)) {
		w.kind = split_is_upper(cp) ? W_INITIAL : W_INNER;
		return w;
	}
	if (is_dotted(g, w.start, w.end)) {
		w.kind = W_END;
		return w;
	}
	if (is_numberish(g, w.start, w.end)) {
		w.kind = W_NUMBER;
		/* "1." or the end of a range "1. -3." */
		size_t d = n > 1 && s[0] == '-' ? 1 : 0;
		w.plain_int = n - d <= 3;
		for (size_t p = d; p < n && w.plain_int; p++)
			w.plain_int = s[p] >= '0' && s[p] <= '9';
		if (w.plain_int) {
			w.value = 0;
			for (size_t p = d; p < n; p++)
				w.value = w.value * 10 + (s[p] - '0');
		}
		return w;
	}
	if (g->o->ordinal_dots && is_roman(s, n)) {
		w.kind = W_NUMBER;
		w.roman = true;
		return w;
	}
	/* two lower-case letters at the end, for glued sentences */
	size_t p = w.end;
	int lower = 0;
	while (p > w.start && lower < 2) {
		p = dec_back(g, w.start, p, &cp);
		if (!split_is_lower(cp))
			break;
		lower++;
	}
	w.lower_end = lower == 2;
	return w;
}

/* Words from the start of the sentence's content up to byte `end`,
 * counting no further than max. */
static int
words_between(const seg *g, size_t a, size_t end, int max)
{
	int words = 0;
	bool in = false;
	for (size_t i = a; i < end && words < max;) {
		int32_t cp;
		size_t n = dec(g, i, &cp);
		if (split_is_space(cp)) {
			in = false;
		} else if (!in) {
			in = true;
			words++;
		}
		i += n;
	}
	return words;
}

/* Headline capitals before byte `end`: "Chile Turns to U.S. Over
 * Copper".  Three or more capitalised words and no lower-case word longer
 * than three letters (at, of, the are lower case in headlines too). */
static bool
title_case(const seg *g, size_t end)
{
	size_t a = content_start(g, end);
	if (end - a > 300)
		a = end - 300;
	int caps = 0;
	bool start = true;
	for (size_t i = a; i < end;) {
		int32_t cp;
		size_t n = dec(g, i, &cp);
		if (split_is_space(cp)) {
			start = true;
		} else if (start) {
			start = false;
			if (split_is_upper(cp)) {
				caps++;
			} else if (split_is_lower(cp)) {
				size_t e = i, letters = 0;
				while (e < end && letters < 4) {
					int32_t c;
					size_t m = dec(g, e, &c);
					if (!split_is_letter(c))
						break;
					letters++;
					e += m;
				}
				if (letters > 3)
					return false;
			}
		}
		i += n;
	}
	return caps >= 3;
}

/* --- what follows a mark ------------------------------------------------ */

enum ncls {
	N_END,                  /* end of text */
	N_LOWER,
	N_UPPER,
	N_UNCASED,              /* a letter of a script without case */
	N_DIGIT,
	N_PUNCT,                /* what never begins a sentence: , ; : / ) */
	N_OTHER,
};

typedef struct next_info {
	size_t ws_end;          /* after the white space */
	bool para;              /* the white space holds a blank line */
	bool newline;
	bool opener;            /* an opening quote came first */
	bool bracket;           /* an opening bracket came first */
	bool dash;              /* a dash came first ("? - he said") */
	bool ellipsis;          /* an ellipsis came first ("...and then") */
	enum ncls cls;
	size_t word;            /* where the first word starts */
	int32_t cp;             /* the first letter or digit */
} next_info;

static next_info
look_ahead(const seg *g, size_t j)
{
	next_info nx = { .ws_end = j, .cls = N_END };
	size_t cap = j + SPACE_MAX < g->len ? j + SPACE_MAX : g->len;
	int newlines = 0;
	int32_t cp;

	size_t i = j;
	while (i < cap) {
		size_t n = dec(g, i, &cp);
		if (cp == '\n')
			newlines++;
		else if (!split_is_space(cp))
			break;
		i += n;
	}
	nx.ws_end = i;
	nx.newline = newlines > 0;
	nx.para = newlines > 1 || (i == cap && cap < g->len);
	if (i >= g->len)
		return nx;
	/* openers, dashes and a leading ellipsis before the first word */
	for (int k = 0; k < 8 && i < g->len; k++) {
		size_t n = dec(g, i, &cp);
		if (split_is_dash(cp)) {
			nx.dash = true;
		} else if (cp == 0x2026 || (cp == '.' && i + 2 < g->len &&
		    g->s[i + 1] == '.' && g->s[i + 2] == '.')) {
			nx.ellipsis = true;
			while (i < cap && g->s[i] == '.')
				i++;
			if (cp == 0x2026)
				i += n;
			continue;
		} else if (cp == '(' || cp == '[' || cp == '{') {
			nx.bracket = true;
		} else if (split_is_opener(cp)) {
			nx.opener = true;
		} else if (!split_is_space(cp) && !split_is_format(cp)) {
			break;
		}
		i += n;
	}
	if (i >= g->len)
		return nx;
	dec(g, i, &cp);
	nx.cp = cp;
	if (g->len - i > 4 && (memcmp(g->s + i, "http", 4) == 0 ||
	    memcmp(g->s + i, "www.", 4) == 0)) {
		nx.cls = N_OTHER;       /* a URL begins something new */
	} else if (split_is_digit(cp)) {
		nx.cls = N_DIGIT;
	} else if (split_is_letter(cp)) {
		nx.cls = split_is_upper(cp) ? N_UPPER : split_is_lower(cp) ? N_LOWER :
		    N_UNCASED;
		/* Lm/Lo/M with no case: Arabic, CJK, Devanagari */
		nx.word = i;
	} else if (cp > 0 && cp < 0x80 && strchr(",;:/)]}%", (int)cp)) {
		nx.cls = N_PUNCT;
	} else {
		nx.cls = N_OTHER;
	}
	return nx;
}

/* The length of the letters of the word after a mark (looked at only when
 * an abbreviation needs to know). */
static size_t
next_word_len(const seg *g, const next_info *nx)
{
	size_t e = nx->word, cap = e + 64 < g->len ? e + 64 : g->len;
	while (e < cap) {
		int32_t cp;
		size_t m = dec(g, e, &cp);
		if (!split_is_letter(cp))
			break;
		e += m;
	}
	return e - nx->word;
}

static bool
next_is_starter(const seg *g, const next_info *nx)
{
	if (nx->cls != N_UPPER)
		return false;
	const char *w = g->s + nx->word;
	size_t n = next_word_len(g, nx);
	if (split_is_word(g->lang, SPLIT_STARTER, w, n))
		return true;
	/* titles begin sentences too: "... at 9 P.M. Mr. Lee then called" */
	return g->s[nx->word + n] == '.' && split_lookup(g->lang, w, n) == SPLIT_TITLE;
}

/* An attribution after a quotation: '"Why now?" Kim asked.', '"...," Mr.
 * Park said,' -- a verb listed as speech within the next three words,
 * ending the clause.  ('"It was fine." He said the team...' is no such.) */
static bool
attribution(const seg *g, size_t i)
{
	size_t cap = i + 80 < g->len ? i + 80 : g->len;
	for (int words = 0; words < 3 && i < cap; words++) {
		size_t w = i;
		int32_t cp = 0;
		while (i < cap) {
			size_t n = dec(g, i, &cp);
			if (!split_is_letter(cp))
				break;
			i += n;
		}
		if (i == w)
			return false;
		if (split_is_word(g->lang, SPLIT_SPEECH, g->s + w, i - w))
			/* "said Kim." as well as "Kim said." */
			return words == 0 || i >= g->len ||
			    (g->s[i] && strchr(".,;:!?\n", g->s[i]) != NULL);
		/* on to the next word: past "Mr.", "O'Neil", "Kim's" */
		while (i < cap && !split_is_space((unsigned char)g->s[i]))
			i++;
		while (i < cap && (g->s[i] == ' ' || g->s[i] == '\t'))
			i++;
	}
	return false;
}

/* A closing parenthesis ahead, before a paragraph ends: the mark is inside
 * a parenthetical remark and the sentence goes on after it. */
static bool
paren_closes_ahead(const seg *g, size_t j)
{
	size_t cap = j + PAREN_AHEAD < g->len ? j + PAREN_AHEAD : g->len;
	for (size_t i = j; i < cap; i++) {
		char c = g->s[i];
		if (c == ')')
			return true;
		if (c == '(' || (c == '\n' && i + 1 < cap && g->s[i + 1] == '\n'))
			return false;
	}
	return false;
}

/* "2." or "2)" or "b." starting a list item: the next in a sequence whose
 * previous item began a sentence. */
static bool
list_continues(const seg *g, const word *w, int style)
{
	const split_state *st = g->st;
	if (w->plain_int)
		return st->list_num >= 0 && w->value == st->list_num + 1 &&
		    st->list_num_style == style;
	if (w->single_lower)
		return st->list_letter && w->value == st->list_letter + 1;
	return false;
}

static void
list_remember(seg *g, const word *w, int style)
{
	if (w->plain_int) {
		g->st->list_num = w->value;
		g->st->list_num_style = style;
	} else if (w->single_lower) {
		g->st->list_letter = (int)w->value;
	}
}

/* A list marker at the start of the sentence, or the next in a list (then
 * the sentence before ends in front of it).  Returns true when w is one. */
static bool
list_marker(seg *g, const word *w, int style, const next_info *nx)
{
	if (!w->plain_int && !w->single_lower)
		return false;
	size_t marker_end = w->end + (style == ')' + '.' ? 2 : 1);
	if (nx->ws_end == marker_end)
		return false;   /* no space after: "1.milk", "1)milk" */
	if (w->start == content_start(g, w->start)) {
		list_remember(g, w, style);
		return true;
	}
	if (nx->cls == N_LOWER || !list_continues(g, w, style))
		return false;
	int32_t cp;
	if (w->start > 0) {
		dec_back(g, 0, w->start, &cp);
		if (!split_is_space(cp) && !split_is_bullet(cp))
			return false;
	}
	emit(g, w->start);
	list_remember(g, w, style);
	return true;
}

/* --- final marks ------------------------------------------------------- */

enum rcls {
	R_PERIOD,
	R_DOUBLE,               /* "Nov.." an abbreviation and a full stop */
	R_ELLIPSIS,
	R_QUESTION,
	R_EXCLAIM,
	R_STRONG,
	R_COLON,                /* ':' where it ends sentences (Armenian) */
};

static enum split_term
term_at(const seg *g, size_t i, int32_t cp)
{
	if (cp == ':' && g->o->colon_ends)
		return TERM_PERIOD;
	if (cp == ';' && g->o->semicolon_asks)
		return TERM_QUESTION;
	enum split_term t = split_term_of(cp);
	if (t == TERM_STRONG_FULLWIDTH_DOT) {
		/* ３．２９ is a number */
		int32_t a = 0, b = 0;
		if (i > 0)
			dec_back(g, 0, i, &a);
		if (i + 3 < g->len)
			dec(g, i + 3, &b);
		t = split_is_digit(a) && split_is_digit(b) ? TERM_NONE : TERM_STRONG;
	}
	return t;
}

/* Glued sentences: "ended.Results", "2,000.That" -- but not "Min.Park@x.org",
 * "ASP.NET" or "1.Milk" (a list). */
static bool
glued(const seg *g, const word *w, size_t i)
{
	if (!(w->kind == W_NORMAL && w->lower_end) &&
	    !(w->kind == W_NUMBER && w->end - w->start >= 3))
		return false;
	int32_t a, b;
	if (i + 1 >= g->len)
		return false;
	size_t n = dec(g, i + 1, &a);
	if (!split_is_upper(a) || i + 1 + n >= g->len)
		return false;
	dec(g, i + 1 + n, &b);
	if (!split_is_letter(b) && b != ' ')       /* "Today", "I dag" */
		return false;
	size_t cap = i + 256 < g->len ? i + 256 : g->len;
	for (size_t p = i + 1; p < cap && !split_is_space((unsigned char)g->s[p]); p++)
		if (g->s[p] == '@' || g->s[p] == '/')
			return false;
	return true;
}

/* A reference "[12]" at j: where it ends, or 0. */
static size_t
citation(const seg *g, size_t j, size_t cap)
{
	size_t k = j + 1;
	while (k < cap && k - j <= 4 && g->s[k] >= '0' && g->s[k] <= '9')
		k++;
	return k > j + 1 && k < cap && g->s[k] == ']' ? k + 1 : 0;
}

/* A run of final marks starting at i: decide, and return where to go on. */
static size_t
on_mark(seg *g, size_t i)
{
	size_t cap = i + RUN_MAX < g->len ? i + RUN_MAX : g->len;
	size_t j = i, first_dot_end = 0;
	int dots = 0, closers = 0, cjk_closes = 0, paren_closes = 0, quotes = 0;
	int marks = 0;
	bool spaced = false, ell = false, q = false, ex = false, strong = false;
	bool colon = false;
	int32_t cp;

	while (j < cap) {
		size_t n = dec(g, j, &cp);
		enum split_term t = term_at(g, j, cp);
		if (t == TERM_PERIOD) {
			if (cp == ':')
				colon = true;
			else if (++dots == 1)
				first_dot_end = j + 1;
		} else if (t == TERM_ELLIPSIS) {
			ell = true;
		} else if (t == TERM_QUESTION) {
			q = true;
			marks++;
		} else if (t == TERM_EXCLAIM) {
			ex = true;
			marks++;
		} else if (t == TERM_STRONG) {
			strong = true;
		} else if (cp == ' ' && dots && !closers && !q && !ex &&
		    j + 1 < cap && g->s[j + 1] == '.' &&
		    (j + 2 >= cap || g->s[j + 2] != '.')) {
			spaced = true;  /* ". . .", but not ". ...and then" */
		} else if (cp == '[' && dots + q + ex + ell && citation(g, j, cap)) {
			j = citation(g, j, cap);
			continue;
		} else if (split_is_closer(cp)) {
			closers++;
			cjk_closes += split_cjk_bracket(cp) < 0;
			paren_closes += cp == ')';
			quotes += cp == '"' || cp == '\'' || (cp >= 0x80 &&
			    utf8proc_category(cp) != UTF8PROC_CATEGORY_PE);
		} else if (!split_is_format(cp)) {
			break;
		}
		j += n;
	}
	if (j == i)
		return i + 1;

	enum rcls cls = strong ? R_STRONG : q && !ex ? R_QUESTION : ex ? R_EXCLAIM :
	    ell || dots >= 3 ? R_ELLIPSIS : dots == 2 ? R_DOUBLE :
	    dots == 1 ? R_PERIOD : colon ? R_COLON : R_PERIOD;

	int32_t before = 0;
	if (i > 0)
		dec_back(g, 0, i, &before);
	bool detached = i == 0 || split_is_space(before);
	/* "[...]" and "(...)" leave words out; they end nothing */
	if ((before == '[' || before == '(') && (cls == R_ELLIPSIS || cls == R_PERIOD))
		return j;

	next_info nx = look_ahead(g, j);
	bool boundary = false;
	size_t at = j;

	if (nx.ws_end == j && j < g->len) {
		/* no space after the marks */
		if (cls == R_STRONG) {
			boundary = g->cjk_depth - cjk_closes <= 0;
		} else if (cls == R_PERIOD && !closers) {
			/* only a capital can begin a glued sentence: look at the
			 * word before only then (3.5, U.S.A, x.com are common) */
			int32_t c;
			dec(g, j, &c);
			if (split_is_upper(c)) {
				word w = word_before(g, i);
				boundary = glued(g, &w, i);
			}
		}
		if (boundary)
			emit(g, at);
		else
			g->last_run_end = j;
		return j;
	}
	if (nx.para || nx.cls == N_END) {
		emit(g, j);
		return j;
	}
	if (nx.cls == N_PUNCT) {
		g->last_run_end = j;
		return j;
	}
	if ((g->paren_depth - paren_closes > 0 && cls != R_STRONG &&
	    paren_closes_ahead(g, j)) ||
	    (quotes && nx.cls == N_UPPER && !nx.newline && attribution(g, nx.word))) {
		g->last_run_end = j;
		return j;
	}

	switch (cls) {
	case R_STRONG:
		boundary = g->cjk_depth - cjk_closes <= 0;
		break;
	case R_QUESTION:
	case R_EXCLAIM:
		if (nx.cls == N_LOWER) {
			/* "Wow! no", "'Why?' she asked" -- but a bare question
			 * before a line break or another question ends one, and in
			 * informal English "...loved it!! the staff" */
			boundary = nx.newline || (cls == R_QUESTION && !closers &&
			    !nx.dash && !nx.opener && !attribution(g, nx.word));
			if (!boundary && cls == R_EXCLAIM && g->o->lower_starts &&
			    !closers && !nx.dash) {
				word w = word_before(g, i);
				int32_t c0 = 0;
				if (w.end > w.start)
					dec(g, w.start, &c0);
				boundary = (marks > 1 || (w.kind == W_NORMAL &&
				    w.lower_end && split_is_lower(c0))) &&
				    !attribution(g, nx.word);     /* "Stop! she shouted." */
			}
		} else {
			boundary = true;
		}
		break;
	case R_ELLIPSIS:
		if (spaced && detached && dots == 3) {
			boundary = false;       /* "is . . . I don't" leaves out words */
		} else if (spaced && !detached && dots >= 4) {
			/* "talks. . . . The": a full stop, then an ellipsis
			 * that begins the next sentence */
			if (nx.cls == N_UPPER || nx.cls == N_UNCASED) {
				boundary = true;
				at = first_dot_end;
			}
		} else if (detached && dots <= 3) {
			boundary = false;       /* "quite ... well" */
		} else if (nx.cls == N_LOWER) {
			boundary = nx.newline;
		} else {
			boundary = nx.cls != N_DIGIT || dots >= 4;
		}
		break;
	case R_DOUBLE:
	case R_COLON:
		boundary = nx.cls != N_LOWER || nx.newline;
		break;
	case R_PERIOD: {
		word w = word_before(g, i);
		int style = closers == 1 && g->s[i + 1] == ')' ? ')' + '.' : '.';
		if (list_marker(g, &w, style, &nx))
			break;
		switch (w.kind) {
		case W_TITLE:
		case W_INNER:
		case W_INITIAL:
			boundary = false;
			break;
		case W_END:
			/* "...in the U.S.\nOfficials said": a line that ends in
			 * one ends a sentence (news puts a paragraph on a line) */
			/* but "WASHINGTON, D.C. — The president" is a dateline */
			boundary = !(nx.dash && !nx.newline) &&
			    (next_is_starter(g, &nx) ||
			    (nx.newline && nx.cls != N_LOWER) ||
			    (nx.opener && !nx.bracket && nx.cls == N_UPPER)) &&
			    words_between(g, content_start(g, w.start), w.start, 3) >= 3 &&
			    !title_case(g, w.start);
			break;
		case W_TIME:
			/* "at 3 p.m. Officials" but "at 10 a.m. Monday", "5 a.m. GMT" */
			boundary = (nx.newline && nx.cls != N_LOWER) ||
			    (!nx.dash && (nx.cls == N_UPPER || nx.cls == N_UNCASED ||
			    (nx.opener && !nx.bracket)) && !nx.bracket &&
			    !split_is_word(g->lang, SPLIT_TIMEWORD, g->s + nx.word,
			    next_word_len(g, &nx)) &&
			    words_between(g, content_start(g, w.start), w.start, 3) >= 3);
			break;
		case W_NUMBER_PREFIX:
			if (nx.cls == N_DIGIT)
				break;
			/* "said No. The": an ordinary word */
			/* fall through */
		case W_NORMAL:
		case W_URL:
			/* a whole word and a period: even a lower-case word
			 * begins a sentence ("...a good deal. he said") */
			boundary = nx.cls != N_LOWER || nx.newline || nx.ellipsis ||
			    (g->o->lower_starts && !closers &&
			    (w.lower_end || w.kind == W_URL || (detached && dots == 1)));
			break;
		case W_NUMBER:
			if (nx.cls == N_LOWER)
				boundary = nx.newline;
			else if (g->o->ordinal_dots && (w.plain_int || w.roman))
				/* "am 3. Mai", "XII. Armee" but "auf Seite 7. Dort" */
				boundary = next_is_starter(g, &nx) || nx.cls == N_UNCASED;
			else
				boundary = true;
			break;
		}
		break;
	}
	}
	if (boundary)
		emit(g, at);
	else
		g->last_run_end = j;
	return j;
}

/* --- line breaks ------------------------------------------------------- */

/* Digits and '.' or ')' and a space: "2. " "10) " */
static bool
numbered_line(const seg *g, size_t j)
{
	size_t i = j;
	while (i < g->len && i - j < 3 && g->s[i] >= '0' && g->s[i] <= '9')
		i++;
	return i > j && i + 1 < g->len && (g->s[i] == '.' || g->s[i] == ')') &&
	    (g->s[i + 1] == ' ' || g->s[i + 1] == '\t');
}

static size_t
on_newline(seg *g, size_t i)
{
	size_t cap = i + SPACE_MAX < g->len ? i + SPACE_MAX : g->len;
	size_t j = i;
	int newlines = 0;
	int32_t cp;

	while (j < cap) {
		size_t n = dec(g, j, &cp);
		if (cp == '\n')
			newlines++;
		else if (!split_is_space(cp))
			break;
		j += n;
	}
	bool para = newlines > 1 || (j == cap && cap < g->len);
	size_t last = trim_back(g, g->sent_start, i);
	if (last == g->sent_start || last <= skip_space(g, g->sent_start, last)) {
		if (para)
			reset_lists(g);
		g->sent_start = j;      /* nothing in this sentence yet */
		return j;
	}
	if (para || j >= g->len) {
		emit(g, i);
		if (para)
			reset_lists(g);
		return j;
	}

	/* A single line break: a new line item, or a line wrapped? */
	int32_t next, prev;
	size_t n = dec(g, j, &next);
	dec_back(g, g->sent_start, last, &prev);
	bool trailing_space = i > 0 && (g->s[i - 1] == ' ' || g->s[i - 1] == '\t');
	bool item = split_is_bullet(next) || numbered_line(g, j) ||
	    (split_is_dash(next) && j + n < g->len && g->s[j + n] == ' ');
	bool split;

	if (item)
		split = true;
	else if (last == g->last_run_end)
		split = false;  /* the marks before it were judged already */
	else if (split_is_cjk(prev) && split_is_cjk(next))
		split = false;  /* CJK lines wrap anywhere */
	else if (trailing_space && prev != ':')
		split = false;  /* a soft wrap, as text from PDFs has */
	else if (split_is_lower(next)) {
		/* a wrapped line, unless it is a short item of a list */
		size_t line = last;
		while (line > g->sent_start && g->s[line - 1] != '\n' && last - line < 200)
			line--;
		split = prev == ':' || (words_between(g, line, last, 3) < 3 &&
		    prev != ',' && prev != ';' && prev != '&' && prev != '/' &&
		    prev != '(' && !split_is_dash(prev));
	} else
		split = true;   /* a heading, a byline, a line of its own: news
		                 * puts each paragraph on a line */
	if (split)
		emit(g, i);
	return j;
}

/* --- the scan ---------------------------------------------------------- */

/* The next byte at or after i (before stop) that may matter.  Most text is
 * letters and spaces: with SSE2, sixteen bytes are checked at once. */
static inline size_t
next_interesting(const seg *g, size_t i, size_t stop)
{
	const unsigned char *u = (const unsigned char *)g->s;
#if defined(__SSE2__)
	/* ':' and ';' only where they end sentences (else '.' stands in) */
	const __m128i c0 = _mm_set1_epi8('\n'), c1 = _mm_set1_epi8('.'),
	    c2 = _mm_set1_epi8('!'), c3 = _mm_set1_epi8('?'),
	    c4 = _mm_set1_epi8('('), c5 = _mm_set1_epi8(')'),
	    c6 = _mm_set1_epi8(g->o->colon_ends ? ':' : '.'),
	    c7 = _mm_set1_epi8(g->o->semicolon_asks ? ';' : '.');
	while (i + 16 <= stop) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		__m128i m = _mm_or_si128(
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c0), _mm_cmpeq_epi8(v, c1)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, c3))),
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, c4), _mm_cmpeq_epi8(v, c5)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, c6), _mm_cmpeq_epi8(v, c7))));
		/* and every non-ASCII byte, sorted out by the table */
		unsigned mask = (unsigned)_mm_movemask_epi8(m) |
		    (unsigned)_mm_movemask_epi8(v);
		while (mask) {
			unsigned k = (unsigned)__builtin_ctz(mask);
			if (interesting[u[i + k]])
				return i + k;
			mask &= mask - 1;
		}
		i += 16;
	}
#endif
	while (i < stop && !interesting[u[i]])
		i++;
	return i;
}

size_t
split_segment(const split_lang *l, split_state *st, const char *s, size_t len,
    bool final, split_sentence_fn fn, void *user)
{
	seg g = {
		.lang = l, .o = split_lang_options(l), .st = st, .s = s, .len = len,
		.fn = fn, .user = user, .last_run_end = (size_t)-1,
	};
	size_t i = 0;
	size_t stop = final ? len : (len > SPLIT_LOOKAHEAD ? len - SPLIT_LOOKAHEAD : 0);

	while (i < stop) {
		const unsigned char *u = (const unsigned char *)s;
		i = next_interesting(&g, i, stop);
		if (i >= stop)
			break;
		int32_t cp;
		size_t n;
		switch (u[i]) {
		case '\n':
			i = on_newline(&g, i);
			continue;
		case '(':
			g.paren_depth += g.paren_depth < 100;
			i++;
			continue;
		case ')': {
			if (g.paren_depth > 0)
				g.paren_depth--;
			/* "1) The first item 2) The second item" */
			word w = word_before(&g, i);
			next_info nx = look_ahead(&g, i + 1);
			if ((w.plain_int || w.single_lower) && nx.ws_end > i + 1)
				list_marker(&g, &w, ')', &nx);
			i++;
			continue;
		}
		case '.': case '!': case '?':
			i = on_mark(&g, i);
			continue;
		case ':':
			i = g.o->colon_ends ? on_mark(&g, i) : i + 1;
			continue;
		case ';':
			i = g.o->semicolon_asks ? on_mark(&g, i) : i + 1;
			continue;
		}
		/* the punctuation of English text: ’ “ ” — – are nothing here */
		if (u[i] == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
		    u[i + 2] >= 0x90 && u[i + 2] <= 0x9F) {
			i += 3;
			continue;
		}
		n = dec(&g, i, &cp);
		if (term_at(&g, i, cp) != TERM_NONE) {
			i = on_mark(&g, i);
			continue;
		}
		if (split_is_bullet(cp)) {
			/* "• 9. The first item • 10. The second item" */
			size_t c = content_start(&g, i);
			if (c < i)
				emit(&g, i);
		} else {
			g.cjk_depth += split_cjk_bracket(cp);
		}
		i += n;
	}
	if (final) {
		emit(&g, len);
		return len;
	}
	return g.sent_start;
}
