/* strip_lang.c: the language of a text, with libexttextcat (the n-gram
 * classifier of LibreOffice, Debian's libexttextcat) and its language
 * models in /usr/share/libexttextcat.
 *
 * libexttextcat compares a text's n-gram profile with every model it has
 * loaded; making the profile and the comparisons cost about 0.5 ms for
 * 600 bytes against 75 models, more than all the rest of news-strip's
 * work on a text page.  So the guess is made cheap without changing who
 * decides:
 *
 * 1. The script comes first (strip_script.c): a text in Latin letters is
 *    compared only with the models of languages written in Latin letters
 *    (each model's script is read from its own n-grams), one in Cyrillic
 *    only with those in Cyrillic.  A script with one news language (Greek,
 *    Hebrew, Thai, Korean, Armenian, Georgian...) needs no comparison.
 * 2. The language a page declares (<html lang>, og:locale) is taken when
 *    the text agrees: it is written in that language's script and its
 *    words are that language's stopwords (a fifth of them or more, and no
 *    other language's list catches more).  Otherwise libexttextcat
 *    decides, among the languages of the script, as before.
 * 3. The sample is bounded (600 bytes), and the models are loaded once per
 *    process, per script, when a text in that script first comes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <textcat.h>
#include <unistd.h>

#include "news_err.h"
#include "strip.h"
#include "strip_dict.h"
#include "strip_script.h"

#ifndef STRIP_TEXTCAT_DIR
#define STRIP_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* How much of a text is looked at: a few hundred bytes decide; more only
 * costs time. */
#define SAMPLE_BYTES 600

/* The languages news is written in often enough to be worth a model, the
 * most common first (a model compared early makes the comparisons after
 * it stop sooner).  Loading these instead of all 160 of fpdb.conf also
 * keeps rare languages from winning on short texts. */
static const char *const news_langs[] = {
	"en", "es", "fr", "de", "pt", "ru", "ar", "zh", "it", "ja", "tr", "nl",
	"pl", "id", "ko", "fa", "uk", "hi", "vi", "sv", "ro", "cs", "hu", "el",
	"da", "fi", "nb", "nn", "he", "sk", "bg", "hr", "sr", "ca", "ms", "th",
	"bn", "ur", "ta", "lt", "lv", "et", "sl", "sq", "mk", "bs", "az", "kk",
	"uz", "ka", "hy", "be", "af", "sw", "tl", "is", "ga", "cy", "eu", "gl",
	"eo", "mr", "ne", "gu", "pa", "te", "kn", "ml", "si", "my", "km", "am",
	"ps", "so", "mn", NULL,
};

typedef struct lang_model {
	char line[128];         /* its fpdb.conf line: "en.lm en--utf8" */
	char code[8];           /* what it reports, as ISO 639-1: "en" */
	enum strip_script script;
	int rank;               /* position in news_langs */
} lang_model;

static lang_model *models;
static size_t n_models;
static char prefix[4096];
static bool loaded;
static void *handles[STRIP_SCRIPT_COUNT];
static bool tried[STRIP_SCRIPT_COUNT];
static void *all_handle;        /* when per-script files cannot be made */
static bool all_tried;

static int
news_lang_rank(const char *id, size_t len)
{
	for (int i = 0; news_langs[i]; i++)
		if (strlen(news_langs[i]) == len && memcmp(news_langs[i], id, len) == 0)
			return i;
	return -1;
}

/* The script of a model: the one most of its n-grams' letters are in. */
static enum strip_script
model_script(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return STRIP_SCRIPT_NONE;
	news_buf b = { 0 };
	char line[256];
	/* the first hundred n-grams are the language's commonest letters */
	for (int n = 0; n < 100 && fgets(line, sizeof line, f); n++) {
		size_t k = strcspn(line, "\t \n");
		news_buf_add(&b, line, k);
		news_buf_addc(&b, ' ');
	}
	fclose(f);
	enum strip_script s = strip_script_dominant(b.data ? b.data : "", b.len);
	news_buf_free(&b);
	return s;
}

/* "[en--utf8]" or "en--utf8" -> "en" */
static void
code_from_name(const char *name, char code[8])
{
	size_t len = 0;
	if (*name == '[')
		name++;
	while (name[len] && name[len] != '-' && name[len] != ']' && len < 7)
		len++;
	memcpy(code, name, len);
	code[len] = '\0';
}

/* fpdb.conf's models of news_langs, each with its script. */
static void
load_models(void)
{
	loaded = true;
	const char *dir = getenv("NEWS_TEXTCAT_DIR");
	if (!dir || !*dir)
		dir = STRIP_TEXTCAT_DIR;
	size_t n = strlen(dir);
	snprintf(prefix, sizeof prefix, "%s%s", dir, n && dir[n - 1] == '/' ? "" : "/");
	char conf[4200];
	snprintf(conf, sizeof conf, "%sfpdb.conf", prefix);
	FILE *in = fopen(conf, "r");
	if (!in)
		goto none;
	char line[512];
	size_t cap = 0;
	while (fgets(line, sizeof line, in)) {
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char file[256], name[256];
		if (sscanf(line, "%255s %255s", file, name) != 2)
			continue;
		/* "en.lm", "sr-Latn.lm": the language before '.', '-' or '_' */
		size_t k = strcspn(file, ".-_");
		int rank = news_lang_rank(file, k);
		if (rank < 0 || strlen(file) + strlen(name) + 2 > sizeof models->line)
			continue;
		char path[4500];
		snprintf(path, sizeof path, "%s%s", prefix, file);
		enum strip_script script = model_script(path);
		if (script == STRIP_SCRIPT_NONE)
			continue;
		if (n_models == cap) {
			cap = cap ? cap * 2 : 64;
			models = news_xrealloc(models, cap * sizeof *models);
		}
		lang_model *m = &models[n_models++];
		snprintf(m->line, sizeof m->line, "%s %s\n", file, name);
		code_from_name(name, m->code);
		m->script = script;
		m->rank = rank;
	}
	fclose(in);
	if (n_models)
		return;
none:
	news_warn("no language models in %s (Debian package libexttextcat-data): "
	    "\"lang\" will be null", prefix);
}

static int
by_rank(const void *a, const void *b)
{
	return ((const lang_model *)a)->rank - ((const lang_model *)b)->rank;
}

/* All models in one classifier: what is used when an in-memory
 * configuration file cannot be made. */
static void *
all_languages(void)
{
	if (!all_tried) {
		all_tried = true;
		char conf[4200];
		snprintf(conf, sizeof conf, "%sfpdb.conf", prefix);
		all_handle = special_textcat_Init(conf, prefix);
	}
	return all_handle;
}

/* A classifier with the models of one script, most common language
 * first: their lines in an in-memory fpdb.conf that libexttextcat reads
 * by its /proc path. */
static void *
script_classifier(enum strip_script script)
{
	if (tried[script])
		return handles[script] ? handles[script] : all_languages();
	tried[script] = true;
	int fd = memfd_create("news-strip-fpdb", 0);
	if (fd < 0)
		return all_languages();
	FILE *out = fdopen(dup(fd), "w");
	for (size_t i = 0; out && i < n_models; i++)
		if (models[i].script == script)
			fputs(models[i].line, out);
	if (out && fclose(out) == 0) {
		char path[64];
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		handles[script] = special_textcat_Init(path, prefix);
	}
	close(fd);
	return handles[script] ? handles[script] : all_languages();
}

/* Whether the text's words agree with language `code`: its stopwords
 * are a fifth of the words or more, and no other language's list catches
 * more of them. */
static bool
stopwords_agree(const strip_dicts *d, const char *code, const char *text,
    size_t len)
{
	static strip_words words;
	uint64_t bit = d ? strip_dicts_lang(d, code) : 0;
	if (!bit)
		return false;
	strip_words_scan(text, len, &words);
	unsigned hits[64] = { 0 };
	for (size_t i = 0; i < words.n; i++)
		for (uint64_t m = strip_dicts_stop(d, words.w[i].h); m; m &= m - 1)
			hits[__builtin_ctzll(m)]++;
	unsigned own = hits[__builtin_ctzll(bit)];
	if (!words.n || own * 5 < words.n)
		return false;
	for (int k = 0; k < 64; k++)
		if (hits[k] > own)
			return false;
	return true;
}

/* "en-US", "en_GB", "EN" -> "en"; NULL when not a two-letter code. */
static bool
hint_code(const char *hint, char code[3])
{
	if (!hint)
		return false;
	char a = (char)(hint[0] | 0x20), b = a ? (char)(hint[1] | 0x20) : 0;
	if (a < 'a' || a > 'z' || b < 'a' || b > 'z' ||
	    (hint[2] && hint[2] != '-' && hint[2] != '_'))
		return false;
	code[0] = a;
	code[1] = b;
	code[2] = '\0';
	return true;
}

/* A stable pointer to the code textcat's answer names ("[en--utf8]..."). */
static const char *
code_of(const char *result)
{
	if (!result || result[0] != '[')
		return NULL;
	char code[8];
	code_from_name(result, code);
	for (size_t i = 0; i < n_models; i++)
		if (strcmp(models[i].code, code) == 0)
			return models[i].code;
	return NULL;
}

const char *
strip_lang_detect(const strip_dicts *d, const char *text, size_t len,
    const char *hint)
{
	if (!loaded) {
		load_models();
		qsort(models, n_models, sizeof *models, by_rank);
	}
	if (!n_models || !len)
		return NULL;
	if (len > SAMPLE_BYTES) {
		len = SAMPLE_BYTES;
		while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	enum strip_script script = strip_script_dominant(text, len);
	const lang_model *only = NULL, *hinted = NULL;
	size_t candidates = 0;
	char hc[3];
	bool has_hint = hint_code(hint, hc);
	for (size_t i = 0; i < n_models; i++) {
		if (models[i].script != script)
			continue;
		candidates++;
		only = &models[i];
		if (has_hint && !hinted && strcmp(models[i].code, hc) == 0)
			hinted = &models[i];
	}
	if (candidates == 0)
		return NULL;    /* letters of no news language's script, or none */
	if (candidates == 1)
		return only->code;
	if (hinted && stopwords_agree(d, hinted->code, text, len))
		return hinted->code;
	void *h = script_classifier(script);
	return h ? code_of(textcat_Classify(h, text, len)) : NULL;
}

void
strip_lang_cleanup(void)
{
	for (int s = 0; s < STRIP_SCRIPT_COUNT; s++) {
		if (handles[s])
			textcat_Done(handles[s]);
		handles[s] = NULL;
		tried[s] = false;
	}
	if (all_handle)
		textcat_Done(all_handle);
	all_handle = NULL;
	all_tried = false;
	free(models);
	models = NULL;
	n_models = 0;
	loaded = false;
}
