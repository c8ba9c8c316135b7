/* strip_html_elide.c: cut the bodies of script, style and svg elements and
 * comments out of a page before libxml2 sees it.
 *
 * Why: on typical news pages half the bytes are inline JavaScript, CSS and
 * SVG paths, none of it ever article text, and libxml2 2.9's HTML parser
 * walks such content one character at a time.  Finding where these
 * elements end is cheap with memchr, so we do it first; the tag structure
 * libxml2 then parses is unchanged (the elements stay, empty).  This also
 * ends a script where HTML says it ends (at "</script"), not at the first
 * "</" followed by a letter inside a string, where libxml2 2.9 would let
 * the rest of the code leak into the text.
 *
 * This is not a second HTML parser: it follows only what the HTML standard's
 * tokenizer does to find tag boundaries (quoted attribute values, comments,
 * raw-text elements) and leaves every decision about structure to libxml2.
 * Scripts of type application/ld+json are kept whole: they carry metadata. */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "strip_html_int.h"

static inline bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static inline bool
is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* The end of a tag starting at p[i] == '<': the index just past its '>',
 * honouring quoted attribute values; len when it never ends. */
static size_t
tag_end(const char *p, size_t len, size_t i)
{
	i++;
	while (i < len) {
		char c = p[i];
		if (c == '>')
			return i + 1;
		i++;
		if (c != '=')
			continue;
		/* an attribute value: quoted ones may hold '>' */
		while (i < len && is_space((unsigned char)p[i]))
			i++;
		if (i < len && (p[i] == '"' || p[i] == '\'')) {
			const char *q = memchr(p + i + 1, p[i], len - i - 1);
			if (!q)
				return len;
			i = (size_t)(q - p) + 1;
		}
	}
	return len;
}

/* Whether p[i..] is "</name" followed by space, '/' or '>'. */
static bool
is_end_tag(const char *p, size_t len, size_t i, const char *name, size_t nl)
{
	if (len - i < nl + 3 || p[i + 1] != '/')
		return false;
	if (strncasecmp(p + i + 2, name, nl) != 0)
		return false;
	unsigned char c = (unsigned char)p[i + 2 + nl];
	return is_space(c) || c == '>' || c == '/';
}

/* The start of the end tag "</name" at or after i, or len. */
static size_t
find_end_tag(const char *p, size_t len, size_t i, const char *name, size_t nl)
{
	while (i < len) {
		const char *lt = memchr(p + i, '<', len - i);
		if (!lt)
			return len;
		i = (size_t)(lt - p);
		if (is_end_tag(p, len, i, name, nl))
			return i;
		i++;
	}
	return len;
}

/* For svg, which nests: the end tag matching the open one. */
static size_t
find_svg_end(const char *p, size_t len, size_t i)
{
	int depth = 1;
	while (i < len) {
		const char *lt = memchr(p + i, '<', len - i);
		if (!lt)
			return len;
		i = (size_t)(lt - p);
		if (is_end_tag(p, len, i, "svg", 3)) {
			if (--depth == 0)
				return i;
		} else if (len - i > 4 && strncasecmp(p + i + 1, "svg", 3) == 0 &&
		    (is_space((unsigned char)p[i + 4]) || p[i + 4] == '>')) {
			depth++;
		}
		i++;
	}
	return len;
}

/* Which raw element a start tag at p[i] opens: its name length, or 0. */
static size_t
raw_element(const char *p, size_t len, size_t i, const char **name)
{
	static const char *const names[] = {"script", "style", "svg"};
	for (size_t k = 0; k < 3; k++) {
		size_t nl = strlen(names[k]);
		if (len - i > nl + 1 && strncasecmp(p + i + 1, names[k], nl) == 0) {
			unsigned char c = (unsigned char)p[i + 1 + nl];
			if (is_space(c) || c == '>' || c == '/') {
				*name = names[k];
				return nl;
			}
		}
	}
	return 0;
}

static bool
is_jsonld(const char *tag, size_t len)
{
	return memmem(tag, len, "ld+json", 7) != NULL;
}

size_t
strip_html_elide(char *p, size_t len)
{
	size_t i = 0, o = 0;
	while (i < len) {
		const char *lt = memchr(p + i, '<', len - i);
		size_t next = lt ? (size_t)(lt - p) : len;
		/* copy the text up to the '<' */
		if (o != i)
			memmove(p + o, p + i, next - i);
		o += next - i;
		i = next;
		if (i >= len)
			break;
		if (len - i >= 4 && memcmp(p + i, "<!--", 4) == 0) {
			/* a comment: dropped ("<!-->" and "<!--->" end at once) */
			const char *end = len - i >= 5 ? memmem(p + i + 2, len - i - 2,
			    "-->", 3) : NULL;
			i = end ? (size_t)(end - p) + 3 : len;
			continue;
		}
		size_t end;
		const char *name = NULL;
		size_t nl = 0;
		if (i + 1 < len && is_alpha((unsigned char)p[i + 1])) {
			nl = raw_element(p, len, i, &name);
			end = tag_end(p, len, i);
		} else if (i + 1 < len && (p[i + 1] == '/' || p[i + 1] == '!' ||
		    p[i + 1] == '?')) {
			end = tag_end(p, len, i);
		} else {
			end = i + 1;        /* a lone '<' is text */
		}
		/* copy the tag itself */
		if (o != i)
			memmove(p + o, p + i, end - i);
		o += end - i;
		bool self_closed = end - i >= 2 && p[end - 2] == '/';
		bool keep = name && name[1] == 'c' && is_jsonld(p + i, end - i);
		i = end;
		if (!nl || keep || (self_closed && name[1] == 'v'))
			continue;
		/* skip the raw element's content up to its end tag */
		i = name[1] == 'v' ? find_svg_end(p, len, i)
		    : find_end_tag(p, len, i, name, nl);
	}
	return o;
}
