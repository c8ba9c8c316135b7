/* news_buf.h: a growable byte buffer, the unit every program builds output in.
 *
 * A zero-initialised news_buf is empty and valid.  The bytes are not
 * NUL-terminated unless news_buf_cstr() is called. */
#ifndef NEWS_BUF_H
#define NEWS_BUF_H

#include <stddef.h>
#include <string.h>

typedef struct news_buf {
	char *data;
	size_t len;
	size_t cap;
} news_buf;

/* Make room for at least `extra` more bytes. */
void news_buf_grow(news_buf *b, size_t extra);
void news_buf_free(news_buf *b);
/* NUL-terminate (not counted in len) and return the data. */
char *news_buf_cstr(news_buf *b);
void news_buf_printf(news_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline void
news_buf_reserve(news_buf *b, size_t extra)
{
	if (b->cap - b->len < extra)
		news_buf_grow(b, extra);
}

static inline void
news_buf_add(news_buf *b, const void *p, size_t n)
{
	news_buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
}

static inline void
news_buf_addc(news_buf *b, char c)
{
	news_buf_reserve(b, 1);
	b->data[b->len++] = c;
}

static inline void
news_buf_adds(news_buf *b, const char *s)
{
	news_buf_add(b, s, strlen(s));
}

static inline void
news_buf_clear(news_buf *b)
{
	b->len = 0;
}

#endif
