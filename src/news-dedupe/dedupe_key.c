/* Exact-mode keys: field values normalised, then hashed together. */
#include "dedupe.h"

#include <string.h>

#include "news_norm.h"

/* news_normalize(), word by word: ASCII words are lowercased here, and
 * only words with other characters go through Unicode normalisation,
 * which is costly on whole documents.  Splitting at ASCII white space
 * changes nothing: NFKC composes nothing across a space. */
static void
normalize_fast(const char *s, size_t len, news_buf *out)
{
	size_t start = out->len;

	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || (c >= '\t' && c <= '\r')) {
			i++;
			continue;
		}
		size_t j = i;
		bool ascii = true;
		while (j < len) {
			unsigned char d = (unsigned char)s[j];
			if (d == ' ' || (d >= '\t' && d <= '\r'))
				break;
			ascii &= d < 0x80;
			j++;
		}
		size_t before = out->len;
		if (out->len > start)
			news_buf_addc(out, ' ');
		size_t at = out->len;
		if (ascii) {
			news_buf_reserve(out, j - i);
			for (size_t k = i; k < j; k++) {
				unsigned char d = (unsigned char)s[k];
				out->data[out->len++] = (char)(d >= 'A' && d <= 'Z' ? d + 32 : d);
			}
		} else {
			news_normalize(s + i, j - i, out);
			if (out->len == at)
				out->len = before;      /* it normalised to nothing */
		}
		i = j;
	}
}

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
			normalize_fast(tmp.data ? tmp.data : "", tmp.len, scratch);
			news_buf_free(&tmp);
		} else {
			news_buf_add(scratch, m.val, m.val_len);
		}
		news_buf_addc(scratch, '\x1f');
	}
	*out = news_hash128_of(scratch->data, scratch->len);
	return true;
}
