/* news-strip's date parser (strip_date_find) on arbitrary text: the dates
 * of datelines, date lines and <meta> values in any of the forms and
 * languages its dictionaries know.  What it returns must be a real
 * calendar date inside the text it was given. */
#include "strip_fuzz_common.h"
#include "strip_dict.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char out[11];
	size_t start = 0;
	news_buf s = { 0 };

	if (size < 1)
		return 0;
	/* what the program hands it is always valid UTF-8 */
	news_utf8_repair((const char *)data + 1, size - 1, &s);
	const strip_config *cfg = fuzz_strip_config(false);
	char *copy = malloc(s.len ? s.len : 1);
	memcpy(copy, s.data ? s.data : "", s.len);
	memset(out, 'x', sizeof out);
	size_t end = strip_date_find(cfg->dicts, copy, s.len, data[0] & 1, out,
	    &start);
	if (end) {
		assert(end <= s.len && start < end);
		assert(out[10] == '\0');
		fuzz_check_date(out);
		assert(out[0]);
	}
	strip_date d;
	if (strip_date_scan(cfg->dicts, copy, s.len, data[0] & 1, data[0] & 2, &d)) {
		assert(d.start < d.end && d.end <= s.len);
		assert(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
	}
	free(copy);
	news_buf_free(&s);
	return 0;
}
