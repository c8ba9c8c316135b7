/* strip_html_elide.c: cut what news-strip never reads out of a page before
 * libxml2 sees it: script, style and svg elements, images and other void
 * elements without text, <meta> and <link> tags we do not read, comments,
 * runs of white space, and the attributes of start tags that say nothing
 * to us; class and id values become the one digit of what their words say
 * (strip_html_class.c).
 *
 * Why: on typical news pages half the bytes are inline JavaScript, CSS and
 * SVG paths, and of the rest three quarters are start tags, mostly long
 * attributes (srcset, data-*, inline styles, tracking URLs).  None of it is
 * ever article text, and libxml2 2.9's HTML parser walks it one character
 * at a time.  Finding where these things end is cheap with memchr, so we do
 * it first; the tag structure libxml2 then parses is unchanged (the
 * elements stay, empty, with the attributes we read).  This also
 * ends a script where HTML says it ends (at "</script"), not at the first
 * "</" followed by a letter inside a string, where libxml2 2.9 would let
 * the rest of the code leak into the text.
 *
 * This is not a second HTML parser: it follows only what the HTML standard's
 * tokenizer does to find tag boundaries (quoted attribute values, comments,
 * raw-text elements) and leaves every decision about structure to libxml2.
 * Scripts of type application/ld+json are kept whole: they carry metadata. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "strip_html_int.h"

/* the scratch tag grows by at most this per attribute: " nfc=N" */
#define CODE_LEN 6

static inline bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static inline bool
is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

#ifdef __SSE2__
/* A bit for each of p[0..16) that is white space; *nl (when not NULL)
 * gets those that are line feeds. */
static inline unsigned
space_bits(const char *p, unsigned *nl)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i lf = _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'));
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
	    lf), _mm_or_si128(_mm_or_si128(
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\r'))),
	    _mm_cmpeq_epi8(x, _mm_set1_epi8('\f'))));
	if (nl)
		*nl = (unsigned)_mm_movemask_epi8(lf);
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The first of bytes a and b in p[i..len), or len. */
static inline size_t
find2(const char *p, size_t i, size_t len, char a, char b)
{
#ifdef __SSE2__
	const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
	for (; i + 16 <= len; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	while (i < len && p[i] != a && p[i] != b)
		i++;
	return i;
}

/* The end of a tag starting at p[i] == '<': the index just past its '>',
 * honouring quoted attribute values; len when it never ends. */
static size_t
tag_end(const char *p, size_t len, size_t i)
{
	i++;
	while (i < len) {
		i = find2(p, i, len, '>', '=');
		if (i >= len)
			break;
		if (p[i++] == '>')
			return i;
		/* an attribute value: quoted ones may hold '>' */
		while (i < len && is_space((unsigned char)p[i]))
			i++;
		if (i < len && (p[i] == '"' || p[i] == '\'')) {
			const char *q = memchr(p + i + 1, p[i], len - i - 1);
			if (!q)
				return len;
			i = (size_t)(q - p) + 1;
		}
	}
	return len;
}

/* Whether a[0..n) equals the lower-case name (letters, '-' and ':'),
 * ignoring case. */
static inline bool
same_ci(const char *a, const char *name, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)(a[i] | 0x20) != (unsigned char)name[i] ||
		    (unsigned char)a[i] < 0x21)
			return false;
	return true;
}

/* Whether p[i..] is "</name" followed by space, '/' or '>'. */
static bool
is_end_tag(const char *p, size_t len, size_t i, const char *name, size_t nl)
{
	if (len - i < nl + 3 || p[i + 1] != '/')
		return false;
	if (!same_ci(p + i + 2, name, nl))
		return false;
	unsigned char c = (unsigned char)p[i + 2 + nl];
	return is_space(c) || c == '>' || c == '/';
}

/* The start of the end tag "</name" at or after i, or len. */
static size_t
find_end_tag(const char *p, size_t len, size_t i, const char *name, size_t nl)
{
	while (i < len) {
		const char *lt = memchr(p + i, '<', len - i);
		if (!lt)
			return len;
		i = (size_t)(lt - p);
		if (is_end_tag(p, len, i, name, nl))
			return i;
		i++;
	}
	return len;
}

/* For svg, which nests: the end tag matching the open one. */
static size_t
find_svg_end(const char *p, size_t len, size_t i)
{
	int depth = 1;
	while (i < len) {
		const char *lt = memchr(p + i, '<', len - i);
		if (!lt)
			return len;
		i = (size_t)(lt - p);
		if (is_end_tag(p, len, i, "svg", 3)) {
			if (--depth == 0)
				return i;
		} else if (len - i > 4 && same_ci(p + i + 1, "svg", 3) &&
		    (is_space((unsigned char)p[i + 4]) || p[i + 4] == '>')) {
			depth++;
		}
		i++;
	}
	return len;
}

/* Which raw element a start tag at p[i] opens: its name length, or 0. */
static size_t
raw_element(const char *p, size_t len, size_t i, const char **name)
{
	static const char *const names[] = {"script", "style", "svg"};
	if ((p[i + 1] | 0x20) != 's')
		return 0;
	for (size_t k = 0; k < 3; k++) {
		size_t nl = strlen(names[k]);
		if (len - i > nl + 1 && same_ci(p + i + 1, names[k], nl)) {
			unsigned char c = (unsigned char)p[i + 1 + nl];
			if (is_space(c) || c == '>' || c == '/') {
				*name = names[k];
				return nl;
			}
		}
	}
	return 0;
}

static bool
is_jsonld(const char *tag, size_t len)
{
	return memmem(tag, len, "ld+json", 7) != NULL;
}

/* Void elements news-strip never reads: dropped whole. */
static bool
dropped_void(const char *name, size_t n)
{
	static const struct { const char *name; size_t len; } names[] = {
		{"img", 3}, {"source", 6}, {"input", 5}, {"wbr", 3}, {"track", 5},
		{"param", 5}, {"area", 4}, {"embed", 5}, {"base", 4}, {"col", 3},
		{"keygen", 6},
	};
	if (n < 3 || n > 6)
		return false;
	/* most tags are div, a, li, span, p: none starts like these */
	unsigned char c = (unsigned char)(name[0] | 0x20);
	if (c != 'i' && c != 's' && c != 'w' && c != 't' && c != 'p' &&
	    c != 'a' && c != 'e' && c != 'b' && c != 'c' && c != 'k')
		return false;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if (names[k].len == n && names[k].name[0] == c &&
		    same_ci(name, names[k].name, n))
			return true;
	return false;
}

/* Inline elements that mean nothing to news-strip unless hidden (or
 * carrying a date): their class matters only when it says hidden, their
 * id never, and one with no attribute left around plain text is dropped
 * with its end tag (libxml2 then has fewer elements to walk, the text is
 * the same).  Not <a> (link text), <time> (dates), <br>. */
static bool
plain_inline(const char *name, size_t n)
{
	/* the name packed into an integer, lower case: one compare a name */
#define PACK2(a, b) ((uint64_t)(a) | (uint64_t)(b) << 8)
#define PACK3(a, b, c) (PACK2(a, b) | (uint64_t)(c) << 16)
#define PACK4(a, b, c, d) (PACK3(a, b, c) | (uint64_t)(d) << 24)
#define PACK5(a, b, c, d, e) (PACK4(a, b, c, d) | (uint64_t)(e) << 32)
#define PACK6(a, b, c, d, e, f) (PACK5(a, b, c, d, e) | (uint64_t)(f) << 40)
	if (n == 0 || n > 6)
		return false;
	uint64_t v = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)name[k];
		if (!is_alpha(c))
			return false;
		v |= (uint64_t)(c | 0x20) << (8 * k);
	}
	switch (n) {
	case 1:
		return v == 'b' || v == 'i' || v == 'q' || v == 's' || v == 'u';
	case 2:
		return v == PACK2('e', 'm') || v == PACK2('t', 't');
	case 3:
		return v == PACK3('b', 'i', 'g') || v == PACK3('b', 'd', 'i') ||
		    v == PACK3('b', 'd', 'o') || v == PACK3('d', 'e', 'l') ||
		    v == PACK3('d', 'f', 'n') || v == PACK3('i', 'n', 's') ||
		    v == PACK3('k', 'b', 'd') || v == PACK3('s', 'u', 'b') ||
		    v == PACK3('s', 'u', 'p') || v == PACK3('v', 'a', 'r');
	case 4:
		return v == PACK4('s', 'p', 'a', 'n') || v == PACK4('a', 'b', 'b', 'r') ||
		    v == PACK4('c', 'i', 't', 'e') || v == PACK4('c', 'o', 'd', 'e') ||
		    v == PACK4('d', 'a', 't', 'a') || v == PACK4('f', 'o', 'n', 't') ||
		    v == PACK4('m', 'a', 'r', 'k') || v == PACK4('n', 'o', 'b', 'r') ||
		    v == PACK4('s', 'a', 'm', 'p');
	case 5:
		return v == PACK5('l', 'a', 'b', 'e', 'l') ||
		    v == PACK5('s', 'm', 'a', 'l', 'l');
	default:
		return v == PACK6('s', 't', 'r', 'i', 'k', 'e') ||
		    v == PACK6('s', 't', 'r', 'o', 'n', 'g');
	}
#undef PACK2
#undef PACK3
#undef PACK4
#undef PACK5
#undef PACK6
}

/* Whether the tag at p[i] ('<') is the end tag of the element named
 * name[0..n) (as written in its start tag). */
static bool
ends_element(const char *p, size_t len, size_t i, const char *name, size_t n)
{
	if (len - i < n + 3 || p[i + 1] != '/')
		return false;
	for (size_t k = 0; k < n; k++)
		if ((p[i + 2 + k] | 0x20) != (name[k] | 0x20))
			return false;
	unsigned char c = (unsigned char)p[i + 2 + n];
	return c == '>' || is_space(c);
}

/* The attributes strip_html*.c reads. */
static bool
wanted_attr(const char *a, size_t n)
{
	switch (n) {
	case 2: return same_ci(a, "id", 2);
	case 3: return same_ci(a, "rel", 3);
	case 4: return same_ci(a, "role", 4) || same_ci(a, "type", 4) ||
	    same_ci(a, "href", 4) || same_ci(a, "name", 4) || same_ci(a, "lang", 4);
	case 5: return same_ci(a, "class", 5) || same_ci(a, "style", 5);
	case 6: return same_ci(a, "hidden", 6);
	case 7: return same_ci(a, "content", 7) || same_ci(a, "charset", 7) ||
	    same_ci(a, "pubdate", 7);
	case 8: return same_ci(a, "itemprop", 8) || same_ci(a, "property", 8) ||
	    same_ci(a, "datetime", 8) || same_ci(a, "xml:lang", 8);
	case 10: return same_ci(a, "http-equiv", 10);
	case 11: return same_ci(a, "aria-hidden", 11);
	}
	return false;
}

/* Write the start tag p[i..end) at q + o with only the attributes we
 * read, each as written; returns the bytes written.  A rewrite that would
 * not be shorter copies the tag as it is.  *bare says the tag is a
 * plain_inline() one left without attributes. */
static size_t
rewrite_start_tag(const char *p, char *q, size_t i, size_t end, size_t o,
    bool *bare)
{
	static char *scratch;
	static size_t cap;
	size_t tl = end - i;
	*bare = false;
	if (p[end - 1] != '>')
		goto verbatim;          /* cut off by the end of the page */
	/* a rewrite may grow a little before it is known to be shorter:
	 * a separator and CODE_LEN per attribute at most */
	if (cap < 2 * tl + CODE_LEN) {
		cap = 2 * tl + CODE_LEN < 4096 ? 4096 : 2 * tl + CODE_LEN;
		free(scratch);
		scratch = malloc(cap);
		if (!scratch) {
			cap = 0;
			goto verbatim;
		}
	}
	size_t w = 0, j = i + 1;
	while (j < end && !is_space((unsigned char)p[j]) && p[j] != '/' &&
	    p[j] != '>')
		j++;
	size_t nl = j - i - 1;
	if (dropped_void(p + i + 1, nl))
		return 0;
	bool is_link = nl == 4 && same_ci(p + i + 1, "link", 4);
	bool is_meta = nl == 4 && same_ci(p + i + 1, "meta", 4);
	bool is_time = nl == 4 && same_ci(p + i + 1, "time", 4);
	bool plain = plain_inline(p + i + 1, nl);
	/* an <a> is inline too: its class counts only when it hides it,
	 * its id never (strip_html.c, markup_verdict()) */
	bool inline_el = plain || (nl == 1 && (p[i + 1] | 0x20) == 'a');
	/* a <meta> is kept when it names a charset or a field we read, a
	 * <link> when it is the canonical one */
	bool wanted = !(is_link || is_meta);
	memcpy(scratch, p + i, j - i);
	w = j - i;
	for (;;) {
		while (j < end && (is_space((unsigned char)p[j]) || p[j] == '/'))
			j++;
		if (j >= end || p[j] == '>')
			break;
		size_t a0 = j;
		j++;    /* a name may start with '=' */
		while (j < end && !is_space((unsigned char)p[j]) && p[j] != '/' &&
		    p[j] != '>' && p[j] != '=')
			j++;
		size_t a1 = j, v0 = j;
		while (j < end && is_space((unsigned char)p[j]))
			j++;
		if (j < end && p[j] == '=') {
			j++;
			while (j < end && is_space((unsigned char)p[j]))
				j++;
			v0 = j;
			if (j < end && (p[j] == '"' || p[j] == '\'')) {
				const char *close = memchr(p + j + 1, p[j], end - j - 1);
				j = close ? (size_t)(close - p) + 1 : end - 1;
			} else {
				while (j < end && !is_space((unsigned char)p[j]) &&
				    p[j] != '>')
					j++;
			}
		} else {
			j = a1;
		}
		/* class and id are replaced by what their words say: a digit
		 * (enum strip_class_kind) in nfc= and nfi=, none when nothing */
		bool is_class = a1 - a0 == 5 && same_ci(p + a0, "class", 5);
		bool is_id = a1 - a0 == 2 && same_ci(p + a0, "id", 2);
		if (is_id && inline_el)
			continue;
		if ((is_class && !is_time) || is_id) {
			const char *v = p + v0;
			size_t vl = j - v0;
			if (vl >= 2 && (v[0] == '"' || v[0] == '\'')) {
				v++;
				vl -= 2;
			}
			enum strip_class_kind k = strip_html_class_of(v, vl);
			if (k != STRIP_CLASS_NONE && (!inline_el || k == STRIP_CLASS_HIDDEN)) {
				memcpy(scratch + w, is_class ? " nfc=" : " nfi=", 5);
				scratch[w + 5] = (char)('0' + k);
				w += 6;
			}
			continue;
		}
		if (!wanted_attr(p + a0, a1 - a0))
			continue;
		if (is_meta || is_link) {
			const char *v = p + v0;
			size_t vl = j - v0;
			if (vl >= 2 && (v[0] == '"' || v[0] == '\'')) {
				v++;
				vl -= 2;
			}
			size_t al = a1 - a0;
			bool names = (al == 4 && same_ci(p + a0, "name", 4)) ||
			    (al == 8 && same_ci(p + a0, "property", 8)) ||
			    (al == 8 && same_ci(p + a0, "itemprop", 8));
			if (is_meta && ((al == 7 && same_ci(p + a0, "charset", 7)) ||
			    (al == 10 && same_ci(p + a0, "http-equiv", 10)) ||
			    (names && strip_html_meta_key_wanted(v, vl))))
				wanted = true;
			if (is_link && al == 3 && same_ci(p + a0, "rel", 3) &&
			    memmem(v, vl, "canonical", 9))
				wanted = true;
		}
		/* href matters on <link rel=canonical> only; inline styles only
		 * when they hide the element */
		if (a1 - a0 == 4 && same_ci(p + a0, "href", 4) && !is_link)
			continue;
		if (a1 - a0 == 5 && same_ci(p + a0, "style", 5) &&
		    !memmem(p + v0, j - v0, "none", 4) &&
		    !memmem(p + v0, j - v0, "hidden", 6))
			continue;
		scratch[w++] = ' ';
		memcpy(scratch + w, p + a0, j - a0);
		w += j - a0;
	}
	if (!wanted)
		return 0;
	*bare = plain && w == nl + 1;
	if (end - i >= 2 && p[end - 2] == '/')
		scratch[w++] = '/';
	scratch[w++] = '>';
	if (w > tl)
		goto verbatim;
	memcpy(q + o, scratch, w);
	return w;
verbatim:
	memcpy(q + o, p + i, tl);
	return tl;
}

/* Copy p[i..next) to q + o with every run of white space made one
 * character (a line break when the run holds one); returns bytes written.
 * news-strip collapses white space anyway, <pre> included, but for its
 * line breaks.  q has 16 bytes to spare after what is written. */
static size_t
copy_text(const char *p, char *q, size_t i, size_t next, size_t o)
{
	size_t o0 = o;
	while (i < next) {
#ifdef __SSE2__
		/* 16 bytes at a time up to a byte that may be white space
		 * (one of 0x00-0x20) */
		const __m128i sp = _mm_set1_epi8(0x20);
		while (i + 16 <= next) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			_mm_storeu_si128((__m128i *)(void *)(q + o), x);
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
			    _mm_min_epu8(x, sp), x));
			if (m) {
				size_t k = (size_t)__builtin_ctz(m);
				i += k;
				o += k;
				break;
			}
			i += 16;
			o += 16;
		}
		if (i >= next)
			break;
#endif
		unsigned char c = (unsigned char)p[i];
		if (!is_space(c)) {
			q[o++] = (char)c;
			i++;
			continue;
		}
		size_t k = i;
		bool nl = false;
#ifdef __SSE2__
		for (unsigned lf; k + 16 <= next; k += 16) {
			unsigned m = space_bits(p + k, &lf);
			if (m != 0xFFFF) {
				unsigned run = (unsigned)__builtin_ctz(~m);
				nl |= (lf & ((1u << run) - 1)) != 0;
				k += run;
				break;
			}
			nl |= lf != 0;
		}
#endif
		while (k < next && is_space((unsigned char)p[k])) {
			nl |= p[k] == '\n';
			k++;
		}
		q[o++] = nl ? '\n' : c == '\r' ? '\n' : ' ';
		i = k;
	}
	return o - o0;
}

/* Whether libxml2 makes the element of a start tag name[0..n) its
 * current one (not a void element, nor <html>, <head> or <body>, which it
 * takes once), and it is not an <a>.
 *
 * Why: an <a> without attributes around plain text ("<li><a>Home</a>")
 * is dropped with its end tag before parsing, its text marked as a
 * link's (strip_texts_mark_link()): a sixth of a page's elements, and
 * libxml2's cost is by the element.  libxml2's start tag <a> closes the
 * current element only when that is an <a> (in every other element it
 * only opens the link, and </a> right after the text closes it), so the
 * drop is safe when the last tag written opened an element we know is
 * no <a>. */
static bool
pushes_element(const char *name, size_t n)
{
	static const struct { const char *name; size_t len; } names[] = {
		{"a", 1}, {"br", 2}, {"hr", 2}, {"img", 3}, {"col", 3},
		{"wbr", 3}, {"area", 4}, {"base", 4}, {"link", 4}, {"meta", 4},
		{"html", 4}, {"head", 4}, {"body", 4}, {"embed", 5}, {"frame", 5},
		{"input", 5}, {"param", 5}, {"track", 5}, {"source", 6},
		{"keygen", 6}, {"isindex", 7}, {"basefont", 8},
	};
	if (n == 0)
		return false;
	if (n > 8)
		return true;
	/* the first letters first: most tags are div, li, p, span */
	unsigned char c = (unsigned char)(name[0] | 0x20);
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if (names[k].len == n && (unsigned char)names[k].name[0] == c &&
		    same_ci(name, names[k].name, n))
			return false;
	return true;
}

/* The length of the element name after p[i] == '<', or 0. */
static size_t
tag_name_len(const char *p, size_t len, size_t i)
{
	size_t j = i + 1;
	if (j >= len || !is_alpha((unsigned char)p[j]))
		return 0;
	while (j < len && !is_space((unsigned char)p[j]) && p[j] != '/' &&
	    p[j] != '>')
		j++;
	return j < len ? j - i - 1 : 0;
}

static bool
all_space(const char *p, size_t i, size_t end)
{
#ifdef __SSE2__
	/* indentation runs long: 16 bytes at a time */
	for (; i + 16 <= end; i += 16)
		if (space_bits(p + i, NULL) != 0xFFFF)
			return false;
#endif
	for (; i < end; i++)
		if (!is_space((unsigned char)p[i]))
			return false;
	return true;
}

size_t
strip_html_elide(const char *p, size_t len, char *q, strip_texts *texts)
{
	size_t i = 0, o = 0;
	size_t drop_end = (size_t)-1;  /* the end tag of a dropped plain_inline() */
	bool body = false;              /* <body> seen: text is in the body */
	size_t last_start = (size_t)-1; /* the last tag written, when a start tag */
	/* the last tag written opened an element other than <a>: libxml2's
	 * current element is not an <a> (see pushes_element()) */
	bool top_opened = false;
	bool link_text = false;         /* the run now is a dropped link's text */
	while (i < len) {
		const char *lt = memchr(p + i, '<', len - i);
		size_t next = lt ? (size_t)(lt - p) : len;
		/* copy the text up to the '<'; white space next to a block's
		 * start tag is dropped (the block starts afresh there, so it
		 * says nothing, and libxml2 is spared a text event) */
		if (next > i) {
			size_t n;
			bool space = all_space(p, i, next);
			if (space && ((last_start != (size_t)-1 &&
			    (n = tag_name_len(p, len, last_start)) != 0 &&
			    strip_html_block_start(p + last_start + 1, n)) ||
			    (next < len && (n = tag_name_len(p, len, next)) != 0 &&
			    strip_html_block_start(p + next + 1, n)))) {
				/* dropped */
			} else if (texts && !space) {
				/* a run of text: beside libxml2, its mark in place */
				size_t w = copy_text(p, q, i, next, o);
				o += strip_texts_add(texts, q + o, w, q + o);
				if (link_text)
					strip_texts_mark_link(texts);
				last_start = (size_t)-1;
			} else {
				o += copy_text(p, q, i, next, o);
				last_start = (size_t)-1;
			}
		}
		i = next;
		if (i >= len)
			break;
		if (i == drop_end) {
			i = tag_end(p, len, i);
			drop_end = (size_t)-1;
			link_text = false;
			continue;
		}
		if (len - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
			/* a comment: dropped ("<!-->" and "<!--->" end at once) */
			const char *end = len - i >= 5 ? memmem(p + i + 2, len - i - 2,
			    "-->", 3) : NULL;
			i = end ? (size_t)(end - p) + 3 : len;
			continue;
		}
		size_t end;
		const char *name = NULL;
		size_t nl = 0;
		if (i + 1 < len && is_alpha((unsigned char)p[i + 1])) {
			nl = raw_element(p, len, i, &name);
			end = tag_end(p, len, i);
		} else if (i + 1 < len && (p[i + 1] == '/' || p[i + 1] == '!' ||
		    p[i + 1] == '?')) {
			end = tag_end(p, len, i);
		} else {
			end = i + 1;        /* a lone '<' is text */
		}
		bool self_closed = end - i >= 2 && p[end - 2] == '/';
		bool keep = name && name[1] == 'c' && is_jsonld(p + i, end - i);
		/* copy the tag itself; a script (but JSON-LD), style or svg
		 * goes whole, tags and all */
		if (nl && !keep) {
			/* nothing */
		} else if (i + 1 < len && is_alpha((unsigned char)p[i + 1])) {
			bool bare;
			size_t w = rewrite_start_tag(p, q, i, end, o, &bare);
			last_start = w ? i : (size_t)-1;
			/* a bare inline element around plain text (no tag inside)
			 * in the body: only its text goes on.  (In <head>, text
			 * alone would make libxml2 open a paragraph.) */
			bool link = !bare && texts && top_opened && w == 3 &&
			    (q[o + 1] | 0x20) == 'a';
			const char *lt2 = (bare || link) && body ?
			    memchr(p + end, '<', len - end) : NULL;
			if (lt2 && ends_element(p, len, (size_t)(lt2 - p), p + i + 1, w - 2)) {
				drop_end = (size_t)(lt2 - p);
				link_text = link;
			} else {
				o += w;
				if (w) {
					size_t n = tag_name_len(p, len, i);
					top_opened = !self_closed && pushes_element(p + i + 1, n);
				}
			}
			if (!body && w >= 5 && same_ci(p + i + 1, "body", 4) &&
			    (p[i + 5] == '>' || is_space((unsigned char)p[i + 5])))
				body = true;
		} else {
			memcpy(q + o, p + i, end - i);
			o += end - i;
			last_start = (size_t)-1;
			top_opened = false;
		}
		i = end;
		if (!nl || (self_closed && name[1] == 'v'))
			continue;
		/* the raw element's content, up to its end tag: JSON-LD is
		 * copied as it is, the rest skipped */
		size_t stop = name[1] == 'v' ? find_svg_end(p, len, i)
		    : find_end_tag(p, len, i, name, nl);
		if (keep) {
			memcpy(q + o, p + i, stop - i);
			o += stop - i;
			i = stop;
			continue;
		}
		/* and its end tag */
		i = stop < len ? tag_end(p, len, stop) : len;
	}
	return o;
}
