/* strip_html_text.c: the text runs of a page, carried beside libxml2.
 *
 * libxml2 2.9's HTML parser walks character data one character at a time
 * (about 90 instructions a byte on news pages: two fifths of its work
 * there), though news-strip only needs the structure from it.  So the
 * elide pass (strip_html_elide.c) takes each run of text between two tags
 * out of the page, decodes its character references here as libxml2 would
 * (with libxml2's own table of entities, htmlEntityLookup()), and leaves a
 * one-character mark in its place: libxml2 sees the same elements and the
 * same non-blank text where the text was, and the SAX text handler
 * (strip_html.c) puts each run back for its mark.
 *
 * A mark is a private-use character, U+E000 plus the run's number modulo
 * 4096; runs are numbered in document order, which is the order libxml2
 * reports text in, so a mark names its run even if libxml2 were to drop
 * some text.  Text that holds private-use characters of its own is
 * carried as runs too, so a mark in reported text is always ours. */
#include <libxml/HTMLparser.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "news_err.h"
#include "news_utf8.h"
#include "strip_html_int.h"

void
strip_texts_clear(strip_texts *t)
{
	news_buf_clear(&t->text);
	t->n = 0;
}

void
strip_texts_free(strip_texts *t)
{
	news_buf_free(&t->text);
	free(t->end);
	memset(t, 0, sizeof *t);
}

/* libxml2's IS_CHAR: what it lets through in character data. */
static inline bool
is_xml_char(int32_t c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	    (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static inline bool
name_start(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c == '_' || c == ':';
}

static inline bool
name_char(unsigned char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

static void
put_cp(news_buf *out, int32_t c)
{
	char enc[4];
	news_buf_add(out, enc, news_utf8_encode(c, enc));
}

/* A character reference at s[0] == '&', s[1] == '#', as libxml2's
 * htmlParseCharRef() reads it: digits up to ';' (taken) or any other
 * character (left); a value that is no XML character gives nothing.
 * Returns the bytes read. */
static size_t
char_ref(const char *s, size_t len, news_buf *out)
{
	size_t i = 2;
	uint32_t val = 0;
	bool hex = i < len && (s[i] == 'x' || s[i] == 'X');
	if (hex)
		i++;
	while (i < len && s[i] != ';') {
		unsigned char c = (unsigned char)s[i];
		int d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			break;
		if (val < 0x110000)
			val = val * (hex ? 16 : 10) + (uint32_t)d;
		i++;
	}
	if (i < len && s[i] == ';')
		i++;
	if (val < 0x110000 && is_xml_char((int32_t)val))
		put_cp(out, (int32_t)val);
	return i;
}

/* An entity reference at s[0] == '&', as libxml2's htmlParseReference()
 * reads it: a known name with ';' gives its character; an unknown name,
 * or one without ';', stays as written ("&name", the ';' following as
 * text); '&' without a name stays '&'.  Returns the bytes read. */
static size_t
entity_ref(const char *s, size_t len, news_buf *out)
{
	size_t i = 1;
	if (i >= len || !name_start((unsigned char)s[i])) {
		news_buf_addc(out, '&');
		return 1;
	}
	while (i < len && name_char((unsigned char)s[i]))
		i++;
	size_t nl = i - 1;
	if (i < len && s[i] == ';' && nl < 32) {
		char name[32];
		memcpy(name, s + 1, nl);
		name[nl] = '\0';
		const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
		if (e && e->value > 0) {
			put_cp(out, (int32_t)e->value);
			return i + 1;
		}
	}
	news_buf_add(out, s, i);
	return i;
}

/* The length of the start of s[0..len) that decode() copies as it is:
 * no '&', no control character but tab and line ends, no 0xEF (which
 * starts U+FFFE and U+FFFF, no XML characters). */
static size_t
plain_prefix(const char *s, size_t len)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i amp = _mm_set1_epi8('&'), ctl = _mm_set1_epi8(0x1F),
	    ef = _mm_set1_epi8((char)0xEF);
	for (; i + 16 <= len; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, amp),
		    _mm_cmpeq_epi8(x, ef)), _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '&' || c < 0x20 || c == 0xEF)
			break;
	}
	return i;
}

/* The run s[0..len) (white space collapsed already) decoded: character
 * references resolved, characters libxml2 drops dropped. */
static void
decode(const char *s, size_t len, news_buf *out)
{
	size_t i = 0;
	while (i < len) {
		size_t k = plain_prefix(s + i, len - i);
		if (k) {
			news_buf_add(out, s + i, k);
			i += k;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c == '&') {
			i += i + 1 < len && s[i + 1] == '#' ?
			    char_ref(s + i, len - i, out) : entity_ref(s + i, len - i, out);
			continue;
		}
		if (c < 0x80) {
			if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
				news_buf_addc(out, (char)c);
			i++;
			continue;
		}
		int32_t cp;
		size_t cl = news_utf8_decode(s + i, len - i, &cp);
		if (is_xml_char(cp))
			news_buf_add(out, s + i, cl);
		i += cl;
	}
}

size_t
strip_texts_add(strip_texts *t, const char *s, size_t len, char mark[4])
{
	decode(s, len, &t->text);
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->end = news_xrealloc(t->end, t->cap * sizeof *t->end);
	}
	t->end[t->n] = t->text.len;
	int32_t c = STRIP_TEXT_MARK + (int32_t)(t->n & 0xFFF);
	t->n++;
	return news_utf8_encode(c, mark);
}

void
strip_texts_mark_link(strip_texts *t)
{
	if (t->n)
		t->end[t->n - 1] |= STRIP_TEXT_LINK;
}

bool
strip_texts_get(const strip_texts *t, size_t *next, int32_t mark,
    const char **s, size_t *len, bool *link)
{
	size_t id = *next + (((size_t)(mark - STRIP_TEXT_MARK) - *next) & 0xFFF);
	if (id >= t->n)
		return false;
	size_t start = id ? t->end[id - 1] & ~STRIP_TEXT_LINK : 0;
	*len = (t->end[id] & ~STRIP_TEXT_LINK) - start;
	*s = *len ? t->text.data + start : "";  /* no text yet: data is NULL */
	*link = (t->end[id] & STRIP_TEXT_LINK) != 0;
	*next = id + 1;
	return true;
}
