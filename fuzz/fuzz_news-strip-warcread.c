/* news-strip's WARC reader on arbitrary bytes, plain or gzipped: record
 * headers, Content-Length, the HTTP response inside (status, headers,
 * chunked transfer coding, gzip/deflate content coding), and the charset
 * of each payload.  The pages themselves are fuzzed by fuzz_news-strip-page. */
#include <assert.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "news_io.h"
#include "news_utf8.h"
#include "strip_charset.h"
#include "strip_warc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
inside(const char *p, size_t n, const news_buf *b)
{
	return b->data && p >= b->data && n <= b->len &&
	    (size_t)(p - b->data) <= b->len - n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz-warc", 0);
	strip_warc w;
	strip_warc_record rec;
	news_buf utf8 = { 0 };

	if (fd < 0)
		return 0;
	if (size && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	lseek(fd, 0, SEEK_SET);
	news_reader *r = news_reader_fdopen(fd, "fuzz");
	/* a small --max-record, so that the oversized path is taken too */
	strip_warc_init(&w, r, 4096);
	while (strip_warc_next(&w, &rec) == 1) {
		assert(memchr(rec.type, '\0', sizeof rec.type));
		assert(memchr(rec.content_type, '\0', sizeof rec.content_type));
		assert(memchr(rec.charset, '\0', sizeof rec.charset));
		if (strcmp(rec.type, "oversized") == 0)
			continue;
		assert(rec.body_len == 0 || inside(rec.body, rec.body_len, &w.block) ||
		    inside(rec.body, rec.body_len, &w.decoded));
		if (!strip_warc_is_html(&rec))
			continue;
		size_t bom;
		bool valid;
		const char *cs = strip_charset_detect(rec.body, rec.body_len,
		    rec.charset[0] ? rec.charset : NULL, &bom, &valid);
		assert(bom <= rec.body_len);
		news_buf_clear(&utf8);
		strip_charset_to_utf8(rec.body + bom, rec.body_len - bom, cs, valid,
		    &utf8);
		assert(news_utf8_valid(utf8.data ? utf8.data : "", utf8.len));
	}
	news_buf_free(&utf8);
	strip_warc_free(&w);
	news_reader_close(r);
	close(fd);
	return 0;
}
