/* Writing JSON values into a news_buf. */
#include "news_json.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* One character that JSON must escape. */
static void
put_escape(news_buf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	switch (c) {
	case '"': news_buf_add(b, "\\\"", 2); break;
	case '\\': news_buf_add(b, "\\\\", 2); break;
	case '\n': news_buf_add(b, "\\n", 2); break;
	case '\r': news_buf_add(b, "\\r", 2); break;
	case '\t': news_buf_add(b, "\\t", 2); break;
	case '\b': news_buf_add(b, "\\b", 2); break;
	case '\f': news_buf_add(b, "\\f", 2); break;
	default: {
		char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
		news_buf_add(b, u, 6);
	}
	}
}

/* The index of the first byte at or after i that JSON escapes ('"', '\\',
 * control characters), or len.  Sixteen bytes at a time where SSE2 is
 * there: every byte of every text newsflow writes passes through here. */
static size_t
next_escape(const char *s, size_t len, size_t i)
{
#if defined(__SSE2__)
	const __m128i quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'),
	    ctl = _mm_set1_epi8(0x1F);
	while (i + 16 <= len) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
		    _mm_cmpeq_epi8(v, bs)),
		    _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));
		unsigned mask = (unsigned)_mm_movemask_epi8(m);
		if (mask)
			return i + (unsigned)__builtin_ctz(mask);
		i += 16;
	}
#endif
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '"' || c == '\\')
			break;
	}
	return i;
}

void
news_json_put_string(news_buf *b, const char *s, size_t len)
{
	size_t i = 0, run = 0;

	news_buf_reserve(b, len + 2);
	b->data[b->len++] = '"';
	while ((i = next_escape(s, len, i)) < len) {
		news_buf_add(b, s + run, i - run);
		put_escape(b, (unsigned char)s[i]);
		run = ++i;
	}
	news_buf_add(b, s + run, len - run);
	news_buf_addc(b, '"');
}

void
news_json_put_cstring(news_buf *b, const char *s)
{
	news_json_put_string(b, s, strlen(s));
}

void
news_json_put_key(news_buf *b, const char *key)
{
	news_json_put_string(b, key, strlen(key));
	news_buf_addc(b, ':');
}

/* Two digits at a time. */
char *
news_json_fmt_uint(char *p, uint64_t v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	    "8081828384858687888990919293949596979899";
	size_t digits = 1;
	for (uint64_t x = 10; digits < 20 && v >= x; x *= 10)
		digits++;
	char *e = p + digits, *q = e;
	while (v >= 100) {
		unsigned r = (unsigned)(v % 100);
		v /= 100;
		*--q = pairs[2 * r + 1];
		*--q = pairs[2 * r];
	}
	if (v >= 10) {
		*--q = pairs[2 * v + 1];
		*--q = pairs[2 * v];
	} else {
		*--q = (char)('0' + v);
	}
	return e;
}

void
news_json_put_uint(news_buf *b, uint64_t v)
{
	news_buf_reserve(b, 20);
	b->len = (size_t)(news_json_fmt_uint(b->data + b->len, v) - b->data);
}

void
news_json_put_int(news_buf *b, int64_t v)
{
	if (v < 0) {
		news_buf_addc(b, '-');
		news_json_put_uint(b, -(uint64_t)v);
	} else {
		news_json_put_uint(b, (uint64_t)v);
	}
}

void
news_json_put_double(news_buf *b, double v)
{
	char tmp[40];

	if (!isfinite(v)) {
		news_json_put_null(b);
		return;
	}
	/* Whole numbers as such (-10.0, not -1e+01); otherwise the shortest
	 * precision that reads back exactly. */
	if (v == (double)(long long)v && fabs(v) < 1e17) {
		news_buf_printf(b, "%.0f.0", v);
		return;
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	news_buf_adds(b, tmp);
	/* Keep it visibly a real number: 1.0, not 1. */
	if (!strpbrk(tmp, ".eE"))
		news_buf_add(b, ".0", 2);
}

void
news_json_put_bool(news_buf *b, bool v)
{
	if (v)
		news_buf_add(b, "true", 4);
	else
		news_buf_add(b, "false", 5);
}

void
news_json_put_null(news_buf *b)
{
	news_buf_add(b, "null", 4);
}
