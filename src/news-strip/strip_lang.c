/* strip_lang.c: the language of a text, with libexttextcat (the n-gram
 * classifier of LibreOffice, Debian's libexttextcat) and its language
 * models in /usr/share/libexttextcat. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <textcat.h>
#include <unistd.h>

#include "news_err.h"
#include "strip.h"

#ifndef STRIP_TEXTCAT_DIR
#define STRIP_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

static void *handle;

/* The languages news is written in often enough to be worth a model: the
 * guesser compares a text with every model it loads, so loading these
 * instead of all 160 of fpdb.conf makes it three to four times faster and
 * keeps rare languages from winning on short texts. */
static const char *const news_langs[] = {
	"af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da",
	"de", "el", "en", "eo", "es", "et", "eu", "fa", "fi", "fr", "ga", "gl",
	"gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk",
	"km", "kn", "ko", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "my", "ne",
	"nl", "nb", "nn", "pa", "pl", "ps", "pt", "ro", "ru", "si", "sk", "sl",
	"so", "sq", "sr", "sv", "sw", "ta", "te", "th", "tl", "tr", "uk", "ur",
	"uz", "vi", "zh", NULL,
};

static bool
news_lang(const char *id, size_t len)
{
	for (int i = 0; news_langs[i]; i++)
		if (strlen(news_langs[i]) == len && memcmp(news_langs[i], id, len) == 0)
			return true;
	return false;
}

/* Load only the models of news_langs: fpdb.conf filtered into an
 * in-memory file that libexttextcat reads by its /proc path. */
static void *
restricted_init(const char *conf, const char *prefix)
{
	FILE *in = fopen(conf, "r");
	if (!in)
		return NULL;
	int fd = memfd_create("news-strip-fpdb", 0);
	if (fd < 0) {
		fclose(in);
		return NULL;
	}
	FILE *out = fdopen(dup(fd), "w");
	char line[512];
	size_t kept = 0;
	while (out && fgets(line, sizeof line, in)) {
		/* "en.lm  en--utf8": the model file's language, before '.', '-' or '_' */
		size_t k = 0;
		while (line[k] && line[k] != '.' && line[k] != '-' && line[k] != '_' &&
		    line[k] != ' ' && line[k] != '\t' && line[k] != '#' && line[k] != '\n')
			k++;
		if (k && line[0] != '#' && news_lang(line, k)) {
			fputs(line, out);
			kept++;
		}
	}
	fclose(in);
	void *h = NULL;
	if (out && fclose(out) == 0 && kept) {
		char path[64];
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		h = special_textcat_Init(path, prefix);
	}
	close(fd);
	return h;
}
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
	handle = restricted_init(conf, prefix);
	if (!handle)
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
