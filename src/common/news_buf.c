#include "news_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "news_err.h"

void
news_buf_grow(news_buf *b, size_t extra)
{
	size_t need = b->len + extra;
	size_t cap = b->cap ? b->cap : 256;

	if (need < b->len)
		news_die(NEWS_EXIT_IO, "buffer size overflow");
	while (cap < need)
		cap = cap * 2 > cap ? cap * 2 : need;
	b->data = news_xrealloc(b->data, cap);
	b->cap = cap;
}

void
news_buf_free(news_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *
news_buf_cstr(news_buf *b)
{
	news_buf_reserve(b, 1);
	b->data[b->len] = '\0';
	return b->data;
}

void
news_buf_printf(news_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->data ? b->data + b->len : NULL, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		news_buf_reserve(b, (size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}
