/* news_norm.h: text normalisation for comparing values.
 *
 * Unicode NFKC, case folding and white space collapsed to single spaces,
 * trimmed: "  Ｓｅｏｕｌ\n CITY" and "seoul city" normalise alike. */
#ifndef NEWS_NORM_H
#define NEWS_NORM_H

#include <stddef.h>

#include "news_buf.h"

/* Append the normalised form of valid UTF-8 s to out. */
void news_normalize(const char *s, size_t len, news_buf *out);

#endif
