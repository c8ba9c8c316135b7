/* Writing JSON values into a news_buf. */
#include "news_json.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

static inline bool
needs_escape8(const char *p)
{
	uint64_t w, q, b;

	memcpy(&w, p, 8);
	q = w ^ (ONES * '"');
	b = w ^ (ONES * '\\');
	return (((q - ONES) & ~q) | ((b - ONES) & ~b) |
	    ((w - ONES * 0x20) & ~w)) & HIGHS;
}

void
news_json_put_string(news_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run = 0;

	news_buf_reserve(b, len + 2);
	b->data[b->len++] = '"';
	while (i < len) {
		if (len - i >= 8 && !needs_escape8(s + i)) {
			i += 8;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\') {
			i++;
			continue;
		}
		news_buf_add(b, s + run, i - run);
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

void
news_json_put_int(news_buf *b, int64_t v)
{
	news_buf_printf(b, "%" PRId64, v);
}

void
news_json_put_uint(news_buf *b, uint64_t v)
{
	news_buf_printf(b, "%" PRIu64, v);
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
