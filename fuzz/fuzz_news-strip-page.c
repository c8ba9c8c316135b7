/* news-strip's HTML path on one page, set up once: charset detection and
 * conversion, the parser and block builder (strip_html_blocks_cs), the
 * classifier, metadata and language (strip_document), and --explain.
 *
 * The first byte picks the options: bit 0 --keep-captions, bits 1-3 the
 * charset a transport declared (none, or one of a few), bit 4 whether the
 * page came as a JSON string (always UTF-8). */
#include "strip_fuzz_common.h"
#include "strip_html.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const declared[8] = {
		NULL, NULL, "utf-8", "windows-1252", "iso-8859-1", "shift_jis",
		"utf-16", "x-no-such-charset",
	};
	strip_page page;

	if (size < 1)
		return 0;
	unsigned flags = data[0];
	const strip_config *cfg = fuzz_strip_config(flags & 1);
	const char *cs = flags & 16 ? "UTF-8" : declared[(flags >> 1) & 7];
	/* a copy of exactly the page's bytes, so ASan sees any read past them */
	char *html = malloc(size - 1 ? size - 1 : 1);
	memcpy(html, data + 1, size - 1);
	strip_page_init(&page);
	strip_html_blocks_cs(html, size - 1, cs, &page);
	fuzz_strip_document(&page, cfg, flags & 32 ? 2022 : 0);
	strip_page_free(&page);
	free(html);
	return 0;
}
