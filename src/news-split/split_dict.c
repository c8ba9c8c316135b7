/* Language rules from plain-text dictionaries: abbreviations by kind,
 * sentence starters, and per-language options.
 *
 * Format (one directive a line, '#' starts a comment line):
 *
 *	lang de                 following lines are for German only
 *	option ordinal-dots     a switch (see split_options)
 *	title Dr Prof Hr        abbreviations, written without their period
 *	starter Der Die Das     words that often begin a sentence
 *
 * Lines before the first "lang" line apply to every language.  An entry
 * that starts with a lower-case letter also matches with that letter in
 * upper case (a sentence may begin with it: "approx." and "Approx."). */
#include "split.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "news_dict.h"
#include "news_err.h"
#include "news_hash.h"
#include "news_utf8.h"

extern const news_blob news_split_dicts[];
extern const size_t news_split_dicts_count;

#define MAX_LANGS 64

typedef struct entry {
	uint64_t hash;
	uint32_t off, len;      /* the word in the table's arena */
	uint8_t kind;           /* enum split_kind of the abbreviation, or 0 */
	uint8_t words;          /* bits 1 << (kind - SPLIT_STARTER) of the word
	                         * kinds (starter, timeword, speech) */
	uint8_t used;
} entry;

typedef struct table {
	entry *slots;
	size_t cap, n;          /* cap is a power of two */
	size_t max_len;         /* of the words: longer ones are not looked up */
	news_buf words;
} table;

struct split_lang {
	char code[16];
	table t;
	split_options opts;
	const split_lang *common;       /* the every-language rules, or NULL */
};

struct split_rules {
	split_lang all;         /* every language; also the generic rules */
	split_lang *langs[MAX_LANGS];
	size_t n_langs;
};

static entry *
find_slot(const table *t, uint64_t h, const char *w, size_t len)
{
	size_t i = (size_t)h & (t->cap - 1);

	for (;;) {
		entry *e = &t->slots[i];
		if (!e->used)
			return e;
		if (e->hash == h && e->len == len &&
		    memcmp(t->words.data + e->off, w, len) == 0)
			return e;
		i = (i + 1) & (t->cap - 1);
	}
}

static void
table_grow(table *t)
{
	table bigger = { .cap = t->cap ? t->cap * 2 : 256, .words = t->words };

	bigger.slots = news_xcalloc(bigger.cap, sizeof *bigger.slots);
	for (size_t i = 0; i < t->cap; i++) {
		const entry *e = &t->slots[i];
		if (e->used)
			*find_slot(&bigger, e->hash, t->words.data + e->off, e->len) = *e;
	}
	free(t->slots);
	bigger.n = t->n;
	*t = bigger;
}

static void
table_put(table *t, const char *w, size_t len, enum split_kind kind)
{
	if ((t->n + 1) * 2 > t->cap)
		table_grow(t);
	uint64_t h = news_hash64(w, len);
	entry *e = find_slot(t, h, w, len);
	if (!e->used) {
		e->used = 1;
		e->hash = h;
		e->off = (uint32_t)t->words.len;
		e->len = (uint32_t)len;
		news_buf_add(&t->words, w, len);
		t->n++;
	}
	if (kind >= SPLIT_STARTER)
		e->words |= (uint8_t)(1u << (kind - SPLIT_STARTER));
	else
		e->kind = (uint8_t)kind;
}

static const entry *
table_get_hashed(const table *t, uint64_t h, const char *w, size_t len)
{
	if (!t->cap)
		return NULL;
	const entry *e = find_slot(t, h, w, len);
	return e->used ? e : NULL;
}

static const entry *
table_get(const table *t, const char *w, size_t len)
{
	return table_get_hashed(t, news_hash64(w, len), w, len);
}

static void
table_free(table *t)
{
	free(t->slots);
	news_buf_free(&t->words);
	memset(t, 0, sizeof *t);
}

/* Add w, and its capitalised form when it starts with a lower-case letter. */
static void
put_word(table *t, const char *w, size_t len, enum split_kind kind)
{
	int32_t cp;
	size_t n = news_utf8_decode(w, len, &cp);

	table_put(t, w, len, kind);
	if (len > t->max_len)
		t->max_len = len;
	if (utf8proc_category(cp) != UTF8PROC_CATEGORY_LL)
		return;
	char enc[4];
	int32_t up = utf8proc_toupper(cp);
	size_t m = news_utf8_encode(up, enc);
	news_buf tmp = { 0 };
	news_buf_add(&tmp, enc, m);
	news_buf_add(&tmp, w + n, len - n);
	/* the capitalised form never overrides an entry of its own */
	if (!table_get(t, tmp.data, tmp.len) || kind >= SPLIT_STARTER)
		table_put(t, tmp.data, tmp.len, kind);
	news_buf_free(&tmp);
}

split_rules *
split_rules_new(void)
{
	return news_xcalloc(1, sizeof(split_rules));
}

void
split_rules_free(split_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_langs; i++) {
		table_free(&r->langs[i]->t);
		free(r->langs[i]);
	}
	table_free(&r->all.t);
	free(r);
}

static split_lang *
lang_get(split_rules *r, const char *code, size_t len, bool make)
{
	for (size_t i = 0; i < r->n_langs; i++)
		if (strlen(r->langs[i]->code) == len &&
		    memcmp(r->langs[i]->code, code, len) == 0)
			return r->langs[i];
	if (!make)
		return NULL;
	if (r->n_langs == MAX_LANGS)
		news_die(NEWS_EXIT_USAGE, "more than %d languages in the dictionaries",
		    MAX_LANGS);
	split_lang *l = news_xcalloc(1, sizeof *l);
	memcpy(l->code, code, len);
	l->common = &r->all;
	r->langs[r->n_langs++] = l;
	return l;
}

typedef struct parse_ctx {
	split_rules *rules;
	split_lang *lang;       /* where entries go now */
} parse_ctx;

static const struct {
	const char *name;
	enum split_kind kind;
} kinds[] = {
	{ "title", SPLIT_TITLE },
	{ "inner", SPLIT_INNER },
	{ "number", SPLIT_NUMBER },
	{ "end", SPLIT_END },
	{ "time", SPLIT_TIME },
	{ "starter", SPLIT_STARTER },
	{ "timeword", SPLIT_TIMEWORD },
	{ "speech", SPLIT_SPEECH },
};

static bool
word_is(const char *w, size_t len, const char *lit)
{
	return strlen(lit) == len && memcmp(w, lit, len) == 0;
}

static bool
set_option(split_options *o, const char *w, size_t len)
{
	if (word_is(w, len, "ordinal-dots"))
		o->ordinal_dots = true;
	else if (word_is(w, len, "colon-ends"))
		o->colon_ends = true;
	else if (word_is(w, len, "semicolon-asks"))
		o->semicolon_asks = true;
	else if (word_is(w, len, "lower-starts"))
		o->lower_starts = true;
	else
		return false;
	return true;
}

static int
parse_line(const char *line, size_t len, const char *source,
    unsigned long lineno, void *user)
{
	parse_ctx *pc = user;
	const char *p = line, *end = line + len;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	const char *head = p;
	while (p < end && *p != ' ' && *p != '\t')
		p++;
	size_t head_len = (size_t)(p - head);

	if (word_is(head, head_len, "lang")) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		size_t n = (size_t)(end - p);
		if (n == 0 || n >= sizeof pc->lang->code || memchr(p, ' ', n))
			news_die(NEWS_EXIT_USAGE, "%s:%lu: 'lang' needs one language "
			    "code", source, lineno);
		pc->lang = lang_get(pc->rules, p, n, true);
		return 0;
	}
	if (word_is(head, head_len, "option")) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (!set_option(&pc->lang->opts, p, (size_t)(end - p)))
			news_die(NEWS_EXIT_USAGE, "%s:%lu: unknown option '%.*s'",
			    source, lineno, (int)(end - p), p);
		return 0;
	}
	enum split_kind kind = SPLIT_NONE;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (word_is(head, head_len, kinds[i].name))
			kind = kinds[i].kind;
	if (kind == SPLIT_NONE)
		news_die(NEWS_EXIT_USAGE, "%s:%lu: unknown directive '%.*s' (expected "
		    "lang, option, title, inner, number, end, time, starter, timeword or speech)", source,
		    lineno, (int)head_len, head);
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		const char *w = p;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
		size_t n = (size_t)(p - w);
		if (!n)
			break;
		/* "Dr." and "Dr" mean the same: the period is not part of it */
		if (kind < SPLIT_STARTER && n > 1 && w[n - 1] == '.')
			n--;
		put_word(&pc->lang->t, w, n, kind);
	}
	return 0;
}

void
split_rules_add(split_rules *r, const char *text, size_t len, const char *source)
{
	parse_ctx pc = { .rules = r, .lang = &r->all };

	news_dict_lines(text, len, source, parse_line, &pc);
}

void
split_rules_add_builtin(split_rules *r)
{
	/* common.txt first, so each language's files can refine it */
	const news_blob *common = news_blob_find(news_split_dicts,
	    news_split_dicts_count, "common");
	if (common)
		split_rules_add(r, common->data, common->len, "common.txt");
	for (size_t i = 0; i < news_split_dicts_count; i++) {
		const news_blob *b = &news_split_dicts[i];
		if (b != common)
			split_rules_add(r, b->data, b->len, b->name);
	}
}

const split_lang *
split_rules_lang(const split_rules *r, const char *code, size_t len)
{
	/* "en-US", "pt_BR": the language part decides */
	size_t n = 0;
	while (n < len && code[n] != '-' && code[n] != '_')
		n++;
	char low[16];
	if (n == 0 || n >= sizeof low)
		return &r->all;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ? code[i] + 32 : code[i]);
	const split_lang *l = lang_get((split_rules *)r, low, n, false);
	return l ? l : &r->all;
}

bool
split_rules_known(const split_rules *r, const char *code)
{
	return split_rules_lang(r, code, strlen(code)) != &r->all;
}

const split_options *
split_lang_options(const split_lang *l)
{
	return &l->opts;
}

/* Both of a language's tables, hashing once. */
static const entry *
lookup(const split_lang *l, const char *w, size_t len)
{
	size_t max = l->t.max_len;
	if (l->common && l->common->t.max_len > max)
		max = l->common->t.max_len;
	if (len > max)
		return NULL;
	uint64_t h = news_hash64(w, len);
	const entry *e = table_get_hashed(&l->t, h, w, len);
	if ((!e || !e->kind) && l->common) {
		const entry *c = table_get_hashed(&l->common->t, h, w, len);
		if (c && c->kind)
			return c;
	}
	return e;
}

enum split_kind
split_lookup(const split_lang *l, const char *w, size_t len)
{
	const entry *e = lookup(l, w, len);
	return e ? (enum split_kind)e->kind : SPLIT_NONE;
}

bool
split_is_word(const split_lang *l, enum split_kind kind, const char *w,
    size_t len)
{
	size_t max = l->t.max_len;
	if (l->common && l->common->t.max_len > max)
		max = l->common->t.max_len;
	if (len > max)
		return false;
	uint64_t h = news_hash64(w, len);
	unsigned bit = 1u << (kind - SPLIT_STARTER);
	const entry *e = table_get_hashed(&l->t, h, w, len);
	if (e && (e->words & bit))
		return true;
	if (l->common) {
		e = table_get_hashed(&l->common->t, h, w, len);
		return e && (e->words & bit);
	}
	return false;
}
