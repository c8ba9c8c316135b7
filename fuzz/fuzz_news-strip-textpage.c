/* news-strip's text path on one page, set up once: encoding detection and
 * conversion (strip_encoding_*), the block splitter (strip_text_blocks),
 * the classifier, metadata and language (strip_document).
 *
 * The first byte picks the options: bit 0 --keep-captions, bit 1 a year
 * hint (a record's date), bit 2 --encoding windows-1251 instead of
 * detection. */
#include "strip_fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	strip_page page;
	news_buf text = { 0 };
	size_t bom = 0;

	if (size < 1)
		return 0;
	unsigned flags = data[0];
	const strip_config *cfg = fuzz_strip_config(flags & 1);
	const char *raw = (const char *)data + 1;
	size_t len = size - 1;
	const char *enc = flags & 4 ? "WINDOWS-1251" :
	    strip_encoding_detect(raw, len, &bom);
	assert(bom <= len);
	strip_encoding_to_utf8(raw + bom, len - bom, enc, &text);
	assert(news_utf8_valid(text.data ? text.data : "", text.len));
	strip_page_init(&page);
	strip_text_blocks(text.data ? text.data : "", text.len, &page);
	fuzz_strip_document(&page, cfg, flags & 2 ? 2022 : 0);
	strip_page_free(&page);
	news_buf_free(&text);
	return 0;
}
