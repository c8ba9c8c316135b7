/* Exact-mode keys: field values normalised, then hashed together. */
#include "dedupe.h"

#include <string.h>

#include "news_norm.h"

bool
dedupe_key(const news_record *rec, const char *const *keys, size_t n_keys,
    news_buf *scratch, news_hash128 *out, const char **missing)
{
	news_buf_clear(scratch);
	for (size_t i = 0; i < n_keys; i++) {
		news_json_member m;
		if (!news_record_path(rec, keys[i], &m)) {
			*missing = keys[i];
			return false;
		}
		/* A type tag keeps "1" (string) apart from 1 (number); the
		 * separator keeps ("ab","c") apart from ("a","bc"). */
		news_buf_addc(scratch, (char)('0' + m.type));
		if (m.type == NEWS_JSON_STRING) {
			news_buf tmp = { 0 };
			news_json_decode_string(m.val, m.val_len, &tmp);
			news_normalize(tmp.data ? tmp.data : "", tmp.len, scratch);
			news_buf_free(&tmp);
		} else {
			news_buf_add(scratch, m.val, m.val_len);
		}
		news_buf_addc(scratch, '\x1f');
	}
	*out = news_hash128_of(scratch->data, scratch->len);
	return true;
}
