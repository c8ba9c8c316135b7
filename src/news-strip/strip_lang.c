/* strip_lang.c: the language of a text, with libexttextcat (the n-gram
 * classifier of LibreOffice, Debian's libexttextcat) and its language
 * models in /usr/share/libexttextcat. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

#include "news_err.h"
#include "strip.h"

#ifndef STRIP_TEXTCAT_DIR
#define STRIP_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

static void *handle;
static bool tried;

static void *
classifier(void)
{
	if (tried)
		return handle;
	tried = true;
	const char *dir = getenv("NEWS_TEXTCAT_DIR");
	char conf[4096];
	if (!dir || !*dir)
		dir = STRIP_TEXTCAT_DIR;
	size_t n = strlen(dir);
	const char *slash = n && dir[n - 1] == '/' ? "" : "/";
	snprintf(conf, sizeof conf, "%s%sfpdb.conf", dir, slash);
	char prefix[4096];
	snprintf(prefix, sizeof prefix, "%s%s", dir, slash);
	handle = special_textcat_Init(conf, prefix);
	if (!handle)
		news_warn("no language models in %s (Debian package libexttextcat-data): "
		    "\"lang\" will be null", prefix);
	return handle;
}

/* "[en--utf8][de--utf8]" -> "en".  The codes are few and fixed, so they
 * are kept in a small table to hand out stable pointers. */
static const char *
code_of(const char *result)
{
	static char codes[256][8];
	static size_t n_codes;

	if (!result || result[0] != '[')
		return NULL;
	const char *p = result + 1;
	size_t len = 0;
	while (p[len] && p[len] != '-' && p[len] != ']' && len < 7)
		len++;
	if (!len)
		return NULL;
	for (size_t i = 0; i < n_codes; i++)
		if (strlen(codes[i]) == len && memcmp(codes[i], p, len) == 0)
			return codes[i];
	if (n_codes == 256)
		return NULL;
	memcpy(codes[n_codes], p, len);
	codes[n_codes][len] = '\0';
	return codes[n_codes++];
}

const char *
strip_lang_detect(const char *text, size_t len)
{
	void *h = classifier();
	if (!h || !len)
		return NULL;
	/* a few hundred bytes decide; more only costs time (cut at a
	 * character boundary) */
	if (len > 1000) {
		len = 1000;
		while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	return code_of(textcat_Classify(h, text, len));
}

void
strip_lang_cleanup(void)
{
	if (handle)
		textcat_Done(handle);
	handle = NULL;
	tried = false;
}
