/* ev_lex.c: the lexicon (word -> classes, forms, patterns) and the
 * dictionary format that fills it.
 *
 * A dictionary is plain text in sections:
 *
 *   [words]      CLASS WORD...       ("speech say+ tell+ state+")
 *   [irregular]  BASE PAST PARTICIPLE [MORE FORMS...]  ("meet met met")
 *   [verbs]      CODE PATTERN        ("042 visit+ @T")
 *   [nouns]      CODE PATTERN        ("043 visit+ by @S to @T")
 *
 * A pattern is words to match in order: "word" itself, "word+" the word
 * and its inflections, "a|an|the" alternatives, "*" any one word, "..."
 * up to five words, "@T" the target's phrase and "@S" the source's.
 * See news-events(1) for the whole story. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "news_dict.h"
#include "news_err.h"
#include "news_hash.h"

typedef struct lex_word {
	char *text;
	uint32_t len;
	uint64_t cls;
	uint8_t form;
	uint32_t *pats;         /* patterns whose first token matches */
	uint32_t n_pats, cap_pats;
} lex_word;

typedef struct irregular {
	char *base;
	char **forms;           /* past, participle, then more */
	int n;
} irregular;

struct ev_lex {
	lex_word *words;
	uint32_t n_words, cap_words;
	int32_t *slots;         /* open addressing: word ids, -1 empty */
	size_t n_slots;
	ev_pattern *pats;
	uint32_t n_pats, cap_pats;
	irregular *irr;
	size_t n_irr, cap_irr;
};

static const struct { const char *name; uint64_t bit; } class_names[] = {
	{ "det", W_DET }, { "poss", W_POSS }, { "pron", W_PRON },
	{ "prep", W_PREP }, { "locprep", W_LOCPREP }, { "conj", W_CONJ },
	{ "sub", W_SUB }, { "that", W_THAT }, { "to", W_TO }, { "aux", W_AUX },
	{ "be", W_BE }, { "future", W_FUT }, { "spec", W_SPEC },
	{ "must", W_MUST }, { "should", W_SHOULD }, { "neg", W_NEG },
	{ "adv", W_ADV }, { "verb", W_VERB }, { "speech", W_SPEECH },
	{ "role", W_ROLE }, { "pair", W_PAIR }, { "bad", W_BAD },
	{ "plural", W_PLURAL }, { "cond", W_COND }, { "negverb", W_NEGVERB },
	{ "self", W_SELF }, { "adj", W_ADJ }, { "noun", W_NOUN },
	{ "complement", W_COMPLEMENT }, { "time", W_TIME }, { "first", W_FIRST },
	{ "milrole", W_MILROLE }, { "topic", W_TOPIC }, { "generic", W_GENERIC }, { "copula", W_COPULA },
	{ "cause", W_CAUSE }, { "person", W_PERSON }, { "react", W_REACT },
	{ "samepast", W_SAMEPAST },
};

ev_lex *
ev_lex_new(void)
{
	ev_lex *lx = news_xcalloc(1, sizeof *lx);
	lx->n_slots = 4096;
	lx->slots = news_xmalloc(lx->n_slots * sizeof *lx->slots);
	memset(lx->slots, 0xff, lx->n_slots * sizeof *lx->slots);
	return lx;
}

void
ev_lex_free(ev_lex *lx)
{
	if (!lx)
		return;
	for (uint32_t i = 0; i < lx->n_words; i++) {
		free(lx->words[i].text);
		free(lx->words[i].pats);
	}
	for (uint32_t i = 0; i < lx->n_pats; i++) {
		for (uint32_t j = 0; j < lx->pats[i].n_toks; j++)
			free(lx->pats[i].toks[j].words);
		free(lx->pats[i].toks);
		free(lx->pats[i].rule);
	}
	for (size_t i = 0; i < lx->n_irr; i++) {
		free(lx->irr[i].base);
		for (int j = 0; j < lx->irr[i].n; j++)
			free(lx->irr[i].forms[j]);
		free(lx->irr[i].forms);
	}
	free(lx->irr);
	free(lx->pats);
	free(lx->words);
	free(lx->slots);
	free(lx);
}

int32_t
ev_lex_find(const ev_lex *lx, const char *w, size_t len)
{
	size_t mask = lx->n_slots - 1;
	for (size_t i = news_hash64(w, len) & mask;; i = (i + 1) & mask) {
		int32_t id = lx->slots[i];
		if (id < 0)
			return -1;
		const lex_word *lw = &lx->words[id];
		if (lw->len == len && memcmp(lw->text, w, len) == 0)
			return id;
	}
}

static void
rehash(ev_lex *lx)
{
	free(lx->slots);
	lx->n_slots *= 2;
	lx->slots = news_xmalloc(lx->n_slots * sizeof *lx->slots);
	memset(lx->slots, 0xff, lx->n_slots * sizeof *lx->slots);
	size_t mask = lx->n_slots - 1;
	for (uint32_t id = 0; id < lx->n_words; id++) {
		size_t i = news_hash64(lx->words[id].text, lx->words[id].len) & mask;
		while (lx->slots[i] >= 0)
			i = (i + 1) & mask;
		lx->slots[i] = (int32_t)id;
	}
}

/* The id of w, added when new.  w is lower case already. */
static int32_t
intern(ev_lex *lx, const char *w, size_t len, int form)
{
	int32_t id = ev_lex_find(lx, w, len);
	if (id >= 0)
		return id;
	if ((lx->n_words + 1) * 2 > lx->n_slots)
		rehash(lx);
	if (lx->n_words == lx->cap_words) {
		lx->cap_words = lx->cap_words ? lx->cap_words * 2 : 1024;
		lx->words = news_xrealloc(lx->words, lx->cap_words * sizeof *lx->words);
	}
	lex_word *lw = &lx->words[lx->n_words];
	memset(lw, 0, sizeof *lw);
	lw->text = news_xstrndup(w, len);
	lw->len = (uint32_t)len;
	lw->form = (uint8_t)form;
	size_t mask = lx->n_slots - 1;
	size_t i = news_hash64(w, len) & mask;
	while (lx->slots[i] >= 0)
		i = (i + 1) & mask;
	lx->slots[i] = (int32_t)lx->n_words;
	return (int32_t)lx->n_words++;
}

uint64_t
ev_lex_class(const ev_lex *lx, int32_t id)
{
	return id < 0 ? 0 : lx->words[id].cls;
}

int
ev_lex_form(const ev_lex *lx, int32_t id)
{
	return id < 0 ? F_BASE : lx->words[id].form;
}

const uint32_t *
ev_lex_patterns(const ev_lex *lx, int32_t id, uint32_t *n)
{
	if (id < 0) {
		*n = 0;
		return NULL;
	}
	*n = lx->words[id].n_pats;
	return lx->words[id].pats;
}

const ev_pattern *
ev_lex_pattern(const ev_lex *lx, uint32_t i)
{
	return &lx->pats[i];
}

size_t
ev_lex_n_patterns(const ev_lex *lx)
{
	return lx->n_pats;
}

/* ---- inflection ------------------------------------------------------------ */

typedef struct forms {
	char w[12][64];
	int form[12];
	int n;
} forms;

static void
add_form(forms *f, const char *w, int form)
{
	if (f->n == 12 || strlen(w) >= 64)
		return;
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->w[i], w) == 0)
			return;
	strcpy(f->w[f->n], w);
	f->form[f->n++] = form;
}

static bool
is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static const irregular *
find_irregular(const ev_lex *lx, const char *base)
{
	for (size_t i = 0; i < lx->n_irr; i++)
		if (strcmp(lx->irr[i].base, base) == 0)
			return &lx->irr[i];
	return NULL;
}

/* The forms of a verb or noun written "word+".  Regular rules make both the
 * doubled and the plain form where English hesitates (banned, visited):
 * the form that is not a word never occurs in text, so it costs nothing. */
static void
inflect(const ev_lex *lx, const char *base, forms *f)
{
	size_t n = strlen(base);
	char buf[64];

	add_form(f, base, F_BASE);
	if (n == 0 || n > 50)
		return;
	char last = base[n - 1], prev = n > 1 ? base[n - 2] : 0;
	bool cvc = n >= 3 && !is_vowel(last) && is_vowel(prev) &&
	    !is_vowel(base[n - 3]) && last != 'w' && last != 'x' && last != 'y';
	/* third person / plural */
	if (last == 's' || last == 'x' || last == 'z' ||
	    (last == 'h' && (prev == 'c' || prev == 's')))
		snprintf(buf, sizeof buf, "%ses", base);
	else if (last == 'y' && !is_vowel(prev))
		snprintf(buf, sizeof buf, "%.*sies", (int)(n - 1), base);
	else
		snprintf(buf, sizeof buf, "%ss", base);
	add_form(f, buf, F_S);
	const irregular *irr = find_irregular(lx, base);
	if (irr) {
		for (int i = 0; i < irr->n; i++) {
			/* the more forms: "meets" and "meeting" */
			size_t fl = strlen(irr->forms[i]);
			bool ing = fl > 4 && strcmp(irr->forms[i] + fl - 3, "ing") == 0;
			add_form(f, irr->forms[i], i == 0 ? F_PAST : i == 1 ? F_PART :
			    ing ? F_ING : F_S);
		}
	} else {
		if (last == 'e')
			snprintf(buf, sizeof buf, "%sd", base);
		else if (last == 'y' && !is_vowel(prev))
			snprintf(buf, sizeof buf, "%.*sied", (int)(n - 1), base);
		else
			snprintf(buf, sizeof buf, "%sed", base);
		add_form(f, buf, F_PAST);
		if (cvc) {
			snprintf(buf, sizeof buf, "%s%ced", base, last);
			add_form(f, buf, F_PAST);
		}
	}
	/* -ing */
	if (n > 2 && last == 'e' && prev == 'i')
		snprintf(buf, sizeof buf, "%.*sying", (int)(n - 2), base);
	else if (n > 2 && last == 'e' && prev != 'e')
		snprintf(buf, sizeof buf, "%.*sing", (int)(n - 1), base);
	else
		snprintf(buf, sizeof buf, "%sing", base);
	add_form(f, buf, F_ING);
	if (cvc) {
		snprintf(buf, sizeof buf, "%s%cing", base, last);
		add_form(f, buf, F_ING);
	}
}

/* ---- loading ----------------------------------------------------------------- */

enum { SEC_NONE, SEC_WORDS, SEC_IRREGULAR, SEC_VERBS, SEC_NOUNS };

typedef struct load_state {
	ev_lex *lx;
	int section;
	const char *source;
} load_state;

_Noreturn static void
bad_line(const char *source, unsigned long lineno, const char *what)
{
	news_die(NEWS_EXIT_USAGE, "%s:%lu: %s", source, lineno, what);
}

/* Split a line into lower-cased fields (in place in buf). */
static int
fields(char *buf, char **out, int max)
{
	int n = 0;
	for (char *save = NULL, *t = strtok_r(buf, " \t", &save); t && n < max;
	    t = strtok_r(NULL, " \t", &save)) {
		for (char *p = t; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		out[n++] = t;
	}
	return n;
}

static void
load_words(load_state *st, char **f, int n, unsigned long lineno)
{
	uint64_t bit = 0;
	for (size_t i = 0; i < sizeof class_names / sizeof *class_names; i++)
		if (strcmp(class_names[i].name, f[0]) == 0)
			bit = class_names[i].bit;
	if (!bit)
		bad_line(st->source, lineno, "unknown word class");
	for (int i = 1; i < n; i++) {
		size_t len = strlen(f[i]);
		if (len > 1 && f[i][len - 1] == '+') {
			f[i][len - 1] = 0;
			forms fs = { .n = 0 };
			inflect(st->lx, f[i], &fs);
			for (int k = 0; k < fs.n; k++) {
				int32_t id = intern(st->lx, fs.w[k], strlen(fs.w[k]), fs.form[k]);
				st->lx->words[id].cls |= bit;
			}
		} else {
			int32_t id = intern(st->lx, f[i], len, F_BASE);
			st->lx->words[id].cls |= bit;
		}
	}
}

static void
load_irregular(load_state *st, char **f, int n, unsigned long lineno)
{
	if (n < 3)
		bad_line(st->source, lineno, "an irregular verb needs BASE PAST PARTICIPLE");
	ev_lex *lx = st->lx;
	if (lx->n_irr == lx->cap_irr) {
		lx->cap_irr = lx->cap_irr ? lx->cap_irr * 2 : 64;
		lx->irr = news_xrealloc(lx->irr, lx->cap_irr * sizeof *lx->irr);
	}
	irregular *irr = &lx->irr[lx->n_irr++];
	irr->base = news_xstrdup(f[0]);
	irr->n = n - 1;
	irr->forms = news_xmalloc((size_t)irr->n * sizeof *irr->forms);
	for (int i = 1; i < n; i++)
		irr->forms[i - 1] = news_xstrdup(f[i]);
	/* the forms are verbs, whatever patterns use them */
	forms fs = { .n = 0 };
	inflect(lx, irr->base, &fs);
	for (int k = 0; k < fs.n; k++) {
		int32_t id = intern(lx, fs.w[k], strlen(fs.w[k]), fs.form[k]);
		lx->words[id].form = (uint8_t)fs.form[k];
		lx->words[id].cls |= W_VERB;
	}
}

static bool
valid_code(const char *c)
{
	size_t n = strlen(c);
	if (n < 2 || n > 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)c[i]))
			return false;
	int root = (c[0] - '0') * 10 + (c[1] - '0');
	return root >= 1 && root <= 20;
}

static void
load_pattern(load_state *st, char **f, int n, unsigned long lineno,
    const char *raw, size_t raw_len)
{
	ev_lex *lx = st->lx;
	if (n < 2)
		bad_line(st->source, lineno, "a pattern needs CODE and at least one word");
	if (!valid_code(f[0]))
		bad_line(st->source, lineno, "not a CAMEO code (01 to 20, 2 to 4 digits)");
	if (lx->n_pats == lx->cap_pats) {
		lx->cap_pats = lx->cap_pats ? lx->cap_pats * 2 : 512;
		lx->pats = news_xrealloc(lx->pats, lx->cap_pats * sizeof *lx->pats);
	}
	ev_pattern *p = &lx->pats[lx->n_pats];
	memset(p, 0, sizeof *p);
	snprintf(p->code, sizeof p->code, "%s", f[0]);
	p->noun = st->section == SEC_NOUNS;
	p->toks = news_xcalloc((size_t)(n - 1), sizeof *p->toks);
	bool has_s = false, has_t = false;
	for (int i = 1; i < n; i++) {
		if (strcmp(f[i], "=intent") == 0) {
			p->intent = true;
			continue;
		}
		if (strcmp(f[i], "=force") == 0) {
			p->force = true;
			continue;
		}
		if (strcmp(f[i], "=pair") == 0) {
			p->pair = true;
			continue;
		}
		if (f[i][0] == '=')
			bad_line(st->source, lineno, "unknown flag (=intent, =force and =pair are the ones there are)");
		ev_ptok *t = &p->toks[p->n_toks++];
		if (strcmp(f[i], "*") == 0) {
			t->kind = PT_ANY;
		} else if (strcmp(f[i], "...") == 0) {
			t->kind = PT_GAP;
		} else if (strcmp(f[i], "@s") == 0) {
			if (has_s)
				bad_line(st->source, lineno, "@S twice");
			has_s = true;
			t->kind = PT_SLOT_S;
		} else if (strcmp(f[i], "@t") == 0) {
			if (has_t)
				bad_line(st->source, lineno, "@T twice");
			has_t = true;
			t->kind = PT_SLOT_T;
		} else {
			t->kind = PT_WORDS;
			p->n_lits++;
			for (char *save = NULL, *alt = strtok_r(f[i], "|", &save); alt;
			    alt = strtok_r(NULL, "|", &save)) {
				size_t len = strlen(alt);
				forms fs = { .n = 0 };
				if (len > 1 && alt[len - 1] == '+') {
					alt[len - 1] = 0;
					inflect(lx, alt, &fs);
				} else {
					add_form(&fs, alt, F_BASE);
				}
				for (int k = 0; k < fs.n; k++) {
					int32_t id = intern(lx, fs.w[k], strlen(fs.w[k]), fs.form[k]);
					if (fs.form[k] != F_BASE && p->toks == t)
						lx->words[id].form = (uint8_t)fs.form[k];
					t->words = news_xrealloc(t->words,
					    (t->n_words + 1) * sizeof *t->words);
					t->words[t->n_words++] = (uint32_t)id;
				}
			}
			if (!t->n_words)
				bad_line(st->source, lineno, "empty alternative");
		}
	}
	if (p->toks[0].kind != PT_WORDS)
		bad_line(st->source, lineno, "a pattern must start with a word");
	/* first word of a verb pattern is a verb */
	if (!p->noun)
		for (uint32_t k = 0; k < p->toks[0].n_words; k++)
			lx->words[p->toks[0].words[k]].cls |= W_VERB;
	news_buf rule = { 0 };
	const char *base = strrchr(st->source, '/');
	base = base ? base + 1 : st->source;
	news_buf_printf(&rule, "%s:%lu %.*s", base, lineno, (int)raw_len, raw);
	p->rule = news_buf_cstr(&rule);
	lx->n_pats++;
}

static int
load_line(const char *line, size_t len, const char *source,
    unsigned long lineno, void *user)
{
	load_state *st = user;
	while (len && (*line == ' ' || *line == '\t'))
		line++, len--;
	if (line[0] == '[') {
		if (len == 7 && memcmp(line, "[words]", 7) == 0)
			st->section = SEC_WORDS;
		else if (len == 11 && memcmp(line, "[irregular]", 11) == 0)
			st->section = SEC_IRREGULAR;
		else if (len == 7 && memcmp(line, "[verbs]", 7) == 0)
			st->section = SEC_VERBS;
		else if (len == 7 && memcmp(line, "[nouns]", 7) == 0)
			st->section = SEC_NOUNS;
		else
			bad_line(source, lineno, "unknown section (expected [words], "
			    "[irregular], [verbs] or [nouns])");
		return 0;
	}
	/* a trailing "# comment" is not part of the entry */
	const char *hash = memchr(line, '#', len);
	size_t used = hash ? (size_t)(hash - line) : len;
	while (used && (line[used - 1] == ' ' || line[used - 1] == '\t'))
		used--;
	if (!used)
		return 0;
	char *buf = news_xstrndup(line, used);
	char *f[64];
	int n = fields(buf, f, 64);
	switch (st->section) {
	case SEC_WORDS:
		load_words(st, f, n, lineno);
		break;
	case SEC_IRREGULAR:
		load_irregular(st, f, n, lineno);
		break;
	case SEC_VERBS:
	case SEC_NOUNS: {
		/* the rule text shown in the output: the pattern after the code */
		const char *pat = line;
		while (pat < line + used && *pat != ' ' && *pat != '\t')
			pat++;
		while (pat < line + used && (*pat == ' ' || *pat == '\t'))
			pat++;
		load_pattern(st, f, n, lineno, pat, (size_t)(line + used - pat));
		break;
	}
	default:
		free(buf);
		bad_line(source, lineno, "entry before any [section]");
	}
	free(buf);
	return 0;
}

void
ev_lex_load(ev_lex *lx, const char *data, size_t len, const char *source)
{
	load_state st = { .lx = lx, .section = SEC_NONE, .source = source };
	news_dict_lines(data, len, source, load_line, &st);
}

void
ev_lex_finish(ev_lex *lx)
{
	for (uint32_t i = 0; i < lx->n_pats; i++) {
		const ev_ptok *t = &lx->pats[i].toks[0];
		for (uint32_t k = 0; k < t->n_words; k++) {
			lex_word *w = &lx->words[t->words[k]];
			if (w->n_pats == w->cap_pats) {
				w->cap_pats = w->cap_pats ? w->cap_pats * 2 : 4;
				w->pats = news_xrealloc(w->pats, w->cap_pats * sizeof *w->pats);
			}
			w->pats[w->n_pats++] = i;
		}
	}
}
