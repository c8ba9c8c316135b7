/* strip_encoding.c: the character encoding of a raw text page, and its
 * conversion to UTF-8 with iconv.
 *
 * A byte order mark decides (UTF-8, UTF-16, UTF-32).  Without one, text
 * with NUL bytes at every other position is UTF-16; text that is valid
 * UTF-8 is UTF-8 (legacy 8-bit text almost never forms valid multi-byte
 * sequences).  Otherwise the high bytes are looked at: in Western text
 * (Latin-1, Windows-1252) they are accented letters inside words of ASCII
 * letters, or Windows-1252's quotes and dashes (0x80-0x9F, which Latin-1
 * leaves to control codes); in Cyrillic Windows-1251 text whole words are
 * high bytes.  What fits neither is read as Windows-1252, the encoding of
 * most mislabelled web text, and said so on stderr by the caller. */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "news_utf8.h"
#include "strip.h"

static bool
ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* The bytes 0x80-0x9F that Windows-1252 defines (the rest are unused). */
static bool
cp1252_defined(unsigned char c)
{
	return c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D;
}

const char *
strip_encoding_detect(const char *p, size_t len, size_t *bom)
{
	const unsigned char *u = (const unsigned char *)p;

	*bom = 0;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*bom = 3;
		return "UTF-8";
	}
	if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) {
		*bom = 4;
		return "UTF-32LE";
	}
	if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) {
		*bom = 4;
		return "UTF-32BE";
	}
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*bom = 2;
		return "UTF-16LE";
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*bom = 2;
		return "UTF-16BE";
	}
	/* UTF-16 without a mark: ASCII text has a NUL in every other byte */
	size_t sample = len < 4096 ? len : 4096, even0 = 0, odd0 = 0;
	for (size_t i = 0; i + 1 < sample; i += 2) {
		even0 += u[i] == 0 && u[i + 1] != 0;
		odd0 += u[i + 1] == 0 && u[i] != 0;
	}
	if (sample >= 8 && odd0 * 10 >= sample * 4)
		return "UTF-16LE";
	if (sample >= 8 && even0 * 10 >= sample * 4)
		return "UTF-16BE";
	if (news_utf8_valid(p, len))
		return "UTF-8";

	size_t high = 0, c1 = 0, c1_undefined = 0, in_latin_word = 0, in_high_run = 0;
	for (size_t i = 0; i < len; i++) {
		if (u[i] < 0x80)
			continue;
		high++;
		if (u[i] < 0xA0) {
			c1++;
			c1_undefined += !cp1252_defined(u[i]);
		}
		bool prev_ascii = i > 0 && ascii_letter(u[i - 1]);
		bool next_ascii = i + 1 < len && ascii_letter(u[i + 1]);
		bool prev_high = i > 0 && u[i - 1] >= 0xC0;
		bool next_high = i + 1 < len && u[i + 1] >= 0xC0;
		if (prev_ascii || next_ascii)
			in_latin_word++;
		if (u[i] >= 0xC0 && prev_high && next_high)
			in_high_run++;
	}
	/* whole words of high bytes: Cyrillic */
	if (in_high_run * 2 > high && in_latin_word * 4 < high)
		return "WINDOWS-1251";
	if (c1 && !c1_undefined)
		return "WINDOWS-1252";
	if (!c1)
		return "ISO-8859-1";
	return "WINDOWS-1252";
}

size_t
strip_encoding_to_utf8(const char *p, size_t len, const char *enc,
    news_buf *out)
{
	size_t replaced = 0;

	if (strcmp(enc, "UTF-8") == 0)
		return news_utf8_repair(p, len, out);
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1) {
		/* an encoding this system's iconv lacks: keep what is UTF-8 */
		return news_utf8_repair(p, len, out);
	}
	size_t unit = strncmp(enc, "UTF-32", 6) == 0 ? 4 :
	    strncmp(enc, "UTF-16", 6) == 0 ? 2 : 1;
	char *in = (char *)p;
	size_t left = len;
	while (left) {
		news_buf_reserve(out, left * 2 + 16);
		char *dst = out->data + out->len;
		size_t room = out->cap - out->len;
		size_t rc = iconv(cd, &in, &left, &dst, &room);
		out->len = (size_t)(dst - out->data);
		if (rc != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or a truncated sequence at the end: one replacement */
		news_buf_add(out, NEWS_UTF8_REPLACEMENT, 3);
		replaced++;
		size_t skip = unit < left ? unit : left;
		in += skip;
		left -= skip;
	}
	iconv_close(cd);
	return replaced;
}
