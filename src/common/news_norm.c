#include "news_norm.h"

#include <stdbool.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "news_utf8.h"

static bool
is_space(int32_t cp)
{
	if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
		return true;
	if (cp < 0x80)
		return false;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	    c == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

void
news_normalize(const char *s, size_t len, news_buf *out)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)len, &mapped, UTF8PROC_STABLE | UTF8PROC_COMPAT |
	    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	const char *p = n >= 0 ? (const char *)mapped : s;
	size_t plen = n >= 0 ? (size_t)n : len;
	bool space = false, any = false;

	news_buf_reserve(out, plen);
	for (size_t i = 0; i < plen;) {
		int32_t cp;
		size_t k = news_utf8_decode(p + i, plen - i, &cp);
		if (is_space(cp)) {
			space = any;
		} else {
			if (space)
				news_buf_addc(out, ' ');
			news_buf_add(out, p + i, k);
			space = false;
			any = true;
		}
		i += k;
	}
	free(mapped);
}
