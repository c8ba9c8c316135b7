/* strip_charset.c: detect an HTML page's charset and convert it to UTF-8. */
#include "strip_charset.h"

#include <ctype.h>
#include <stdio.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "news_err.h"
#include "news_utf8.h"

/* How far into a page the <meta> prescan looks.  The WHATWG says 1024
 * bytes; many real pages declare their charset after a long <head> of
 * scripts and links, so we look further. */
#define PRESCAN_BYTES 16384

static bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* A charset label as WHATWG's Encoding standard maps it, for iconv.  NULL
 * for labels we do not know (the caller falls back). */
static const char *
canonical(const char *label, size_t len)
{
	static const struct { const char *label, *name; } map[] = {
		{"utf-8", "UTF-8"}, {"utf8", "UTF-8"},
		{"unicode-1-1-utf-8", "UTF-8"}, {"x-unicode20utf8", "UTF-8"},
		/* Latin-1 and ASCII labels mean windows-1252 on the web */
		{"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
		{"iso_8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
		{"l1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
		{"ascii", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
		{"cp1252", "WINDOWS-1252"}, {"x-cp1252", "WINDOWS-1252"},
		{"cp819", "WINDOWS-1252"}, {"ibm819", "WINDOWS-1252"},
		{"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
		{"iso-8859-11", "WINDOWS-874"}, {"tis-620", "WINDOWS-874"},
		{"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"},
		{"utf-16be", "UTF-16BE"},
		{"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"gb18030", "GB18030"},
		{"x-gbk", "GB18030"}, {"chinese", "GB18030"},
		{"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"},
		{"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"},
		{"x-sjis", "CP932"}, {"windows-31j", "CP932"}, {"ms_kanji", "CP932"},
		{"euc-jp", "EUC-JP"}, {"iso-2022-jp", "ISO-2022-JP"},
		{"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"},
		{"windows-949", "CP949"}, {"koi8-r", "KOI8-R"}, {"koi8-u", "KOI8-U"},
	};
	char low[40];
	if (len == 0 || len >= sizeof low)
		return NULL;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)label[i]);
	low[len] = '\0';
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(low, map[i].label) == 0)
			return map[i].name;
	/* windows-125x, iso-8859-x and the like: iconv knows them by name */
	static const char *const prefixes[] = {"windows-", "iso-8859-", "cp", "koi8"};
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (strncmp(low, prefixes[i], strlen(prefixes[i])) == 0) {
			static char keep[40];  /* single-threaded program */
			for (size_t j = 0; j <= len; j++)
				keep[j] = (char)toupper((unsigned char)low[j]);
			return keep;
		}
	return NULL;
}

int
strip_charset_from_content_type(const char *v, size_t len, char *out,
    size_t outsz)
{
	for (size_t i = 0; i + 7 <= len; i++) {
		if (strncasecmp(v + i, "charset", 7) != 0)
			continue;
		size_t j = i + 7;
		while (j < len && is_space((unsigned char)v[j]))
			j++;
		if (j >= len || v[j] != '=')
			continue;
		j++;
		while (j < len && is_space((unsigned char)v[j]))
			j++;
		char quote = 0;
		if (j < len && (v[j] == '"' || v[j] == '\''))
			quote = v[j++];
		size_t start = j;
		while (j < len && v[j] != quote && v[j] != ';' &&
		    !(quote == 0 && is_space((unsigned char)v[j])))
			j++;
		size_t n = j - start;
		if (n == 0 || n >= outsz)
			return 0;
		memcpy(out, v + start, n);
		out[n] = '\0';
		return 1;
	}
	return 0;
}

/* One attribute of a tag in the prescan: returns the position after it, or
 * 0 at the tag's end ('>').  name/value spans point into p. */
static size_t
prescan_attr(const char *p, size_t len, size_t i, const char **name,
    size_t *nlen, const char **val, size_t *vlen)
{
	while (i < len && (is_space((unsigned char)p[i]) || p[i] == '/'))
		i++;
	if (i >= len || p[i] == '>')
		return 0;
	size_t s = i;
	while (i < len && p[i] != '=' && p[i] != '>' && p[i] != '/' &&
	    !is_space((unsigned char)p[i]))
		i++;
	*name = p + s;
	*nlen = i - s;
	*val = p + i;
	*vlen = 0;
	while (i < len && is_space((unsigned char)p[i]))
		i++;
	if (i >= len || p[i] != '=')
		return i;
	i++;
	while (i < len && is_space((unsigned char)p[i]))
		i++;
	if (i < len && (p[i] == '"' || p[i] == '\'')) {
		char q = p[i++];
		s = i;
		while (i < len && p[i] != q)
			i++;
		*val = p + s;
		*vlen = i - s;
		return i < len ? i + 1 : i;
	}
	s = i;
	while (i < len && p[i] != '>' && !is_space((unsigned char)p[i]))
		i++;
	*val = p + s;
	*vlen = i - s;
	return i;
}

static bool
span_is(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && strncasecmp(s, lit, n) == 0;
}

/* The WHATWG prescan, on <meta> tags only: returns the declared label. */
static bool
prescan(const char *p, size_t len, char *out, size_t outsz)
{
	if (len > PRESCAN_BYTES)
		len = PRESCAN_BYTES;
	size_t i = 0;
	while (i < len) {
		const char *lt = memchr(p + i, '<', len - i);
		if (!lt)
			break;
		i = (size_t)(lt - p);
		if (len - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
			const char *end = memmem(p + i + 4, len - i - 4, "-->", 3);
			if (!end)
				break;
			i = (size_t)(end - p) + 3;
			continue;
		}
		bool meta = len - i >= 6 && strncasecmp(p + i + 1, "meta", 4) == 0 &&
		    (is_space((unsigned char)p[i + 5]) || p[i + 5] == '/');
		bool tag = i + 1 < len && (isalpha((unsigned char)p[i + 1]) ||
		    p[i + 1] == '/');
		if (!tag) {
			/* <!DOCTYPE>, <?...>: skip to '>' */
			const char *gt = memchr(p + i + 1, '>', len - i - 1);
			if (!gt)
				break;
			i = (size_t)(gt - p) + 1;
			continue;
		}
		/* skip the tag name, then walk its attributes */
		i++;
		while (i < len && p[i] != '>' && !is_space((unsigned char)p[i]))
			i++;
		bool http_ct = false;
		const char *content = NULL, *charset = NULL;
		size_t content_len = 0, charset_len = 0;
		for (;;) {
			const char *n, *v;
			size_t nl, vl;
			size_t next = prescan_attr(p, len, i, &n, &nl, &v, &vl);
			if (next == 0 || next >= len) {
				i = next == 0 ? i : len;
				break;
			}
			i = next;
			if (!meta)
				continue;
			if (span_is(n, nl, "charset")) {
				charset = v;
				charset_len = vl;
			} else if (span_is(n, nl, "http-equiv")) {
				http_ct = span_is(v, vl, "content-type");
			} else if (span_is(n, nl, "content")) {
				content = v;
				content_len = vl;
			}
		}
		while (i < len && p[i] != '>')
			i++;
		i++;
		if (charset && charset_len && charset_len < outsz) {
			memcpy(out, charset, charset_len);
			out[charset_len] = '\0';
			return true;
		}
		if (http_ct && content &&
		    strip_charset_from_content_type(content, content_len, out, outsz))
			return true;
	}
	return false;
}

/* Whether p holds at least one valid multi-byte UTF-8 character. */
static bool
has_multibyte(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!((unsigned char)p[i] & 0x80))
			continue;
		size_t n = news_utf8_valid_prefix(p + i, len - i > 4 ? 4 : len - i);
		if (n >= 2)
			return true;
	}
	return false;
}

static bool
has_non_ascii(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)p[i] & 0x80)
			return true;
	return false;
}

const char *
strip_charset_detect(const char *p, size_t len, const char *declared,
    size_t *bom, bool *valid)
{
	*bom = 0;
	*valid = false;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		*bom = 3;
		*valid = news_utf8_valid(p + 3, len - 3);
		return "UTF-8";
	}
	if (len >= 2 && memcmp(p, "\xFF\xFE", 2) == 0) {
		*bom = 2;
		return "UTF-16LE";
	}
	if (len >= 2 && memcmp(p, "\xFE\xFF", 2) == 0) {
		*bom = 2;
		return "UTF-16BE";
	}
	char label[40];
	const char *name = NULL;
	if (declared)
		name = canonical(declared, strlen(declared));
	if (!name && prescan(p, len, label, sizeof label)) {
		name = canonical(label, strlen(label));
		/* a meta tag read as ASCII cannot be in UTF-16 */
		if (name && strncmp(name, "UTF-16", 6) == 0)
			name = "UTF-8";
	}
	bool utf8 = news_utf8_valid(p, len);
	*valid = utf8;
	/* declared UTF-8 but written in a legacy charset: invalid bytes and
	 * not one valid multi-byte character */
	if (name && strcmp(name, "UTF-8") == 0)
		return utf8 || has_multibyte(p, len) ? name : "WINDOWS-1252";
	if (!name)
		return utf8 ? "UTF-8" : "WINDOWS-1252";
	/* mislabelled UTF-8: a single-byte charset declared, valid UTF-8 seen */
	bool single_byte = strncmp(name, "WINDOWS-", 8) == 0 ||
	    strncmp(name, "ISO-8859-", 9) == 0 || strncmp(name, "KOI8", 4) == 0;
	if (single_byte && utf8 && has_non_ascii(p, len))
		return "UTF-8";
	return name;
}

static void
add_replacement(news_buf *out)
{
	news_buf_add(out, NEWS_UTF8_REPLACEMENT, 3);
}

size_t
strip_charset_to_utf8(const char *p, size_t len, const char *charset,
    bool valid, news_buf *out)
{
	if (strcmp(charset, "UTF-8") == 0) {
		if (!valid)
			return news_utf8_repair(p, len, out);
		news_buf_add(out, p, len);
		return 0;
	}
	/* One converter at a time is kept open: pages of a crawl mostly share
	 * one charset. */
	static iconv_t cd = (iconv_t)-1;
	static char cd_name[40];
	if (cd == (iconv_t)-1 || strcmp(cd_name, charset) != 0) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		cd = iconv_open("UTF-8", charset);
		if (cd == (iconv_t)-1) {
			charset = "WINDOWS-1252";
			cd = iconv_open("UTF-8", charset);
			if (cd == (iconv_t)-1)
				return news_utf8_repair(p, len, out);
		}
		snprintf(cd_name, sizeof cd_name, "%s", charset);
	}
	iconv(cd, NULL, NULL, NULL, NULL);
	size_t bad = 0;
	char *in = (char *)p;
	size_t inleft = len;
	while (inleft > 0) {
		news_buf_reserve(out, inleft * 2 + 64);
		char *o = out->data + out->len;
		size_t oleft = out->cap - out->len;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		out->len = (size_t)(o - out->data);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ: a byte that does not convert; EINVAL: a sequence cut
		 * off at the end */
		add_replacement(out);
		bad++;
		if (errno == EINVAL)
			break;
		in++;
		inleft--;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	return bad;
}
