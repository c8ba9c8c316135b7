#include "news_utf8.h"

#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Eight ASCII bytes at a time: the common case in news text. */
static inline bool
ascii8(const char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
	return (w & 0x8080808080808080ULL) == 0;
}

/* Length of the valid multi-byte sequence at s, or 0 when invalid
 * (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
static size_t
sequence_len(const unsigned char *s, size_t len)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return len >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;       /* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;       /* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;       /* overlong */
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;       /* above U+10FFFF */
		return 4;
	}
	return 0;
}

size_t
news_utf8_valid_prefix(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
#ifdef __SSE2__
		/* sixteen ASCII bytes at a time (no high bit set) */
		while (len - i >= 16 && !_mm_movemask_epi8(_mm_loadu_si128(
		    (const __m128i *)(const void *)(s + i))))
			i += 16;
		if (i == len)
			break;  /* no byte left to look at */
#endif
		if (len - i >= 8 && ascii8(s + i)) {
			i += 8;
			continue;
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = sequence_len(u + i, len - i);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

/* Bytes in the maximal ill-formed subpart at u (Unicode's "substitution of
 * maximal subparts", as browsers and Python repair): a valid lead byte
 * followed by the continuation bytes that could still have completed it. */
static size_t
invalid_span(const unsigned char *u, size_t len)
{
	unsigned char c = u[0], lo = 0x80, hi = 0xBF;
	size_t want, i = 1;

	if (c >= 0xC2 && c <= 0xDF)
		want = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		want = 3;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		want = 4;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else
		return 1;
	if (i < len && u[i] >= lo && u[i] <= hi) {
		i++;
		while (i < want && i < len && (u[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

size_t
news_utf8_repair(const char *s, size_t len, news_buf *out)
{
	size_t fixed = 0;

	news_buf_reserve(out, len);
	while (len) {
		size_t good = news_utf8_valid_prefix(s, len);

		news_buf_add(out, s, good);
		s += good;
		len -= good;
		if (!len)
			break;
		size_t bad = invalid_span((const unsigned char *)s, len);
		news_buf_add(out, NEWS_UTF8_REPLACEMENT, 3);
		s += bad;
		len -= bad;
		fixed++;
	}
	return fixed;
}

size_t
news_utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n;

	if (!len) {
		*cp = 0xFFFD;
		return 0;
	}
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	n = sequence_len(u, len);
	switch (n) {
	case 2:
		*cp = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	case 3:
		*cp = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		return 3;
	case 4:
		*cp = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) |
		    ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
		return 4;
	default:
		*cp = 0xFFFD;
		return 1;
	}
}

size_t
news_utf8_encode(int32_t cp, char out[4])
{
	utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);

	if (n <= 0) {
		memcpy(out, NEWS_UTF8_REPLACEMENT, 3);
		return 3;
	}
	return (size_t)n;
}

size_t
news_utf8_count(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 0, i = 0;

	for (; i + 8 <= len; i += 8) {
		if (ascii8(s + i)) {
			n += 8;
			continue;
		}
		for (size_t k = 0; k < 8; k++)
			n += (u[i + k] & 0xC0) != 0x80;
	}
	for (; i < len; i++)
		n += (u[i] & 0xC0) != 0x80;
	return n;
}

size_t
news_cp_at(news_cp_cursor *c, size_t byte)
{
	if (byte < c->byte) {
		c->byte = 0;
		c->cp = 0;
	}
	c->cp += news_utf8_count(c->base + c->byte, byte - c->byte);
	c->byte = byte;
	return c->cp;
}

size_t
news_utf8_byte_at(const char *s, size_t len, size_t cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len && cp) {
		i++;
		while (i < len && (u[i] & 0xC0) == 0x80)
			i++;
		cp--;
	}
	return i;
}
