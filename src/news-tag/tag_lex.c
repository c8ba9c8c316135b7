/* tag_lex.c: the lexicon, every phrase news-tag knows, in one hash table.
 *
 * Keys are the lower-case tokens of a phrase joined by single spaces (the
 * tokenizer makes them the same way for text and dictionaries).  A key has
 * a chain of entries (a city can also be a given name).  Every proper
 * prefix of a longer phrase gets an LK_PREFIX entry, so a longest-match
 * search can stop as soon as a key is unknown.
 *
 * Dictionary lines (see news-tag(1)):
 *
 *	PHRASE[|ALIAS...] [TAB KIND[:FLAG,...] [TAB CODE [TAB FROM [TAB TO]]]]
 *
 * and "@kind KIND[:FLAG,...]" sets the kind of lines that name none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news_dict.h"
#include "news_err.h"
#include "news_hash.h"
#include "tag.h"
#include "tag_tables.h"

extern const news_blob news_tag_dicts[];
extern const size_t news_tag_dicts_count;

typedef struct slot {
	uint64_t hash;
	uint32_t key_off, key_len;
	int32_t first;          /* entry chain; -1 for an empty slot */
	uint32_t kinds;         /* 1 << kind of its entries */
	uint32_t pkinds;        /* 1 << kind of the phrases it is a prefix of */
} slot;

struct tag_lex {
	slot *slots;
	size_t n_slots, used;
	news_buf keys;
	tag_entry *ents;
	size_t n_ents, cap_ents;
	tag_role *roles;
	size_t n_roles, cap_roles;
	int max_words;
	tag_sent tok;           /* for tokenizing phrases */
	news_buf key;
	/* alpha-2 -> alpha-3, for cities */
	char alpha3[26 * 26][4];
	/* a bit per hash of keys a lower-case word may need */
	uint64_t lower_bits[1024];
	/* known people by one word of their names, for "Foreign Minister
	 * Park": the first and the last word of every name of two or more */
	struct family {
		uint64_t hash;
		int32_t entry;          /* the LK_PERSON entry */
		bool first;             /* the name's first word (Park Jin) */
	} *families;
	size_t n_families, cap_families;
	bool families_sorted;
};

static const struct {
	const char *name;
	int kind;
	bool cased;
} kind_names[] = {
	{ "country", LK_COUNTRY, true }, { "norp", LK_NORP, true },
	{ "city", LK_CITY, true }, { "capital", LK_CITY, true },
	{ "region", LK_REGION, true }, { "place", LK_PLACE, true },
	{ "org", LK_ORG, true }, { "person", LK_PERSON, true },
	{ "given", LK_GIVEN, true }, { "surname", LK_SURNAME, true },
	{ "title", LK_TITLE, false }, { "sector", LK_SECTOR, false },
	{ "orgword", LK_ORGWORD, true }, { "locword", LK_LOCWORD, true },
	{ "miscword", LK_MISCWORD, true }, { "function", LK_FUNCTION, false },
	{ "placenoun", LK_PLACENOUN, false }, { "orgnoun", LK_ORGNOUN, false },
	{ "personnoun", LK_PERNOUN, false }, { "worknoun", LK_WORKNOUN, false },
	{ "particle", LK_PARTICLE, false }, { "noname", LK_NONAME, true },
	{ "common", LK_COMMON, false }, { "month", LK_MONTH, false },
	{ "weekday", LK_WEEKDAY, false }, { "dateword", LK_DATEWORD, false },
	{ "abbrev", LK_ABBREV, false },
};

tag_lex *
tag_lex_new(void)
{
	tag_lex *lx = news_xcalloc(1, sizeof *lx);
	lx->n_slots = 1 << 18;
	lx->slots = news_xmalloc(lx->n_slots * sizeof *lx->slots);
	for (size_t i = 0; i < lx->n_slots; i++)
		lx->slots[i].first = -1;
	lx->max_words = 1;
	return lx;
}

void
tag_lex_free(tag_lex *lx)
{
	if (!lx)
		return;
	free(lx->slots);
	news_buf_free(&lx->keys);
	free(lx->ents);
	free(lx->roles);
	free(lx->families);
	tag_sent_free(&lx->tok);
	news_buf_free(&lx->key);
	free(lx);
}

/* Keys are short: a loop beats a call to memcmp. */
static inline bool
same_bytes(const char *a, const char *b, size_t n)
{
	if (n > 24)
		return memcmp(a, b, n) == 0;
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static slot *
find_slot(const tag_lex *lx, const char *key, size_t len, uint64_t h)
{
	size_t mask = lx->n_slots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		slot *s = &lx->slots[i];
		if (s->first < 0)
			return s;
		if (s->hash == h && s->key_len == len &&
		    same_bytes(lx->keys.data + s->key_off, key, len))
			return s;
	}
}

static void
grow(tag_lex *lx)
{
	slot *old = lx->slots;
	size_t n = lx->n_slots;
	lx->n_slots *= 2;
	lx->slots = news_xmalloc(lx->n_slots * sizeof *lx->slots);
	for (size_t i = 0; i < lx->n_slots; i++)
		lx->slots[i].first = -1;
	size_t mask = lx->n_slots - 1;
	for (size_t i = 0; i < n; i++) {
		if (old[i].first < 0)
			continue;
		size_t j = old[i].hash & mask;
		while (lx->slots[j].first >= 0)
			j = (j + 1) & mask;
		lx->slots[j] = old[i];
	}
	free(old);
}

int32_t
tag_lex_find(const tag_lex *lx, const char *key, size_t len)
{
	return find_slot(lx, key, len, news_hash64(key, len))->first;
}

bool
tag_lex_maybe_lower(const tag_lex *lx, uint64_t h)
{
	return (lx->lower_bits[(h >> 6) & 1023] >> (h & 63)) & 1;
}

void
tag_lex_prefetch(const tag_lex *lx, uint64_t hash)
{
	__builtin_prefetch(&lx->slots[hash & (lx->n_slots - 1)]);
}

int32_t
tag_lex_lookup(const tag_lex *lx, const char *key, size_t len, uint32_t *kinds,
    uint32_t *pkinds)
{
	return tag_lex_lookup_hash(lx, key, len, news_hash64(key, len), kinds, pkinds);
}

int32_t
tag_lex_lookup_hash(const tag_lex *lx, const char *key, size_t len,
    uint64_t hash, uint32_t *kinds, uint32_t *pkinds)
{
	const slot *s = find_slot(lx, key, len, hash);
	*kinds = s->first >= 0 ? s->kinds : 0;
	*pkinds = s->first >= 0 ? s->pkinds : 0;
	return s->first;
}

const tag_entry *
tag_lex_entry(const tag_lex *lx, int32_t i)
{
	return i >= 0 ? &lx->ents[i] : NULL;
}

const tag_entry *
tag_lex_kind(const tag_lex *lx, int32_t i, int kind)
{
	for (; i >= 0; i = lx->ents[i].next)
		if (lx->ents[i].kind == kind)
			return &lx->ents[i];
	return NULL;
}

int
tag_lex_max_words(const tag_lex *lx)
{
	return lx->max_words;
}

/* Add an entry to a key; returns it.  An entry of the same kind and code
 * already there is returned instead (dictionaries overlap). */
static tag_entry *
add_key(tag_lex *lx, const char *key, size_t len, int kind, unsigned flags,
    const char *code, int prefix_of)
{
	if ((lx->used + 1) * 2 > lx->n_slots)
		grow(lx);
	uint64_t h = news_hash64(key, len);
	slot *s = find_slot(lx, key, len, h);
	if (s->first < 0) {
		s->hash = h;
		s->key_off = (uint32_t)lx->keys.len;
		s->key_len = (uint32_t)len;
		news_buf_add(&lx->keys, key, len);
		lx->used++;
		s->kinds = s->pkinds = 0;
	}
	if (kind == LK_PREFIX)
		s->pkinds |= 1u << prefix_of;
	else
		s->kinds |= 1u << kind;
	if (kind != LK_COMMON && (kind == LK_PREFIX || !(flags & LF_CASED)))
		lx->lower_bits[(h >> 6) & 1023] |= 1ull << (h & 63);
	for (int32_t i = s->first; i >= 0; i = lx->ents[i].next) {
		tag_entry *e = &lx->ents[i];
		if (e->kind == kind && strcmp(e->code, code ? code : "") == 0) {
			e->flags |= flags;
			return e;
		}
	}
	if (lx->n_ents == lx->cap_ents) {
		lx->cap_ents = lx->cap_ents ? lx->cap_ents * 2 : 1 << 16;
		lx->ents = news_xrealloc(lx->ents, lx->cap_ents * sizeof *lx->ents);
	}
	int32_t idx = (int32_t)lx->n_ents++;
	tag_entry *e = &lx->ents[idx];
	memset(e, 0, sizeof *e);
	e->kind = (uint8_t)kind;
	e->flags = (uint16_t)flags;
	e->person = -1;
	e->city = -1;
	tag_copy(e->code, sizeof e->code, code ? code : "");
	/* prefixes go last in the chain; later real entries (a user's) first */
	if (kind == LK_PREFIX && s->first >= 0) {
		int32_t i = s->first;
		while (lx->ents[i].next >= 0)
			i = lx->ents[i].next;
		e->next = -1;
		lx->ents[i].next = idx;
	} else {
		e->next = s->first;
		s->first = idx;
	}
	return e;
}

/* Add a phrase: tokenized like text, with its prefixes. */
static tag_entry *
add_phrase(tag_lex *lx, const char *p, size_t n, int kind, unsigned flags,
    const char *code)
{
	while (n && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (!n)
		return NULL;
	tag_sent *t = &lx->tok;
	t->keys_only = true;
	tag_tokenize(t, lx, p, n);
	if (!t->n)
		return NULL;
	int words = (int)t->n;
	if (words > lx->max_words)
		lx->max_words = words;
	for (int k = 1; k < words; k++) {
		tag_key_of(t, 0, k, &lx->key);
		add_key(lx, lx->key.data, lx->key.len, LK_PREFIX, 0, NULL, kind);
	}
	tag_key_of(t, 0, words, &lx->key);
	/* "UN", "WHO": only in capitals */
	if (words == 1 && (t->toks[0].f & TF_UPPER) && !(t->toks[0].f & TF_DOT) &&
	    (flags & LF_CASED))
		flags |= LF_ACRONYM;
	return add_key(lx, lx->key.data, lx->key.len, kind, flags, code, 0);
}

/* A single lower-case word: faster than add_phrase for the word list. */
static void
add_word(tag_lex *lx, const char *p, size_t n, int kind, unsigned flags)
{
	news_buf_clear(&lx->key);
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		news_buf_addc(&lx->key, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
	}
	add_key(lx, lx->key.data, lx->key.len, kind, flags, NULL, 0);
}

static int32_t
parse_date_field(const char *s, size_t n)
{
	if (n == 0 || (n == 1 && *s == '-'))
		return 0;
	return tag_parse_iso_date(s, n);
}

static int32_t
add_role(tag_lex *lx, const char *code, int32_t from, int32_t to, int32_t next)
{
	if (lx->n_roles == lx->cap_roles) {
		lx->cap_roles = lx->cap_roles ? lx->cap_roles * 2 : 1024;
		lx->roles = news_xrealloc(lx->roles, lx->cap_roles * sizeof *lx->roles);
	}
	tag_role *r = &lx->roles[lx->n_roles];
	tag_copy(r->code, sizeof r->code, code);
	r->from = from;
	r->to = to ? to : 99991231;
	r->next = next;
	return (int32_t)lx->n_roles++;
}

const char *
tag_lex_role(const tag_lex *lx, int32_t person, int32_t date, char out[12])
{
	const tag_role *best = NULL, *base = NULL, *nearest = NULL;
	int32_t gap = INT32_MAX;
	for (int32_t i = person; i >= 0; i = lx->roles[i].next) {
		const tag_role *r = &lx->roles[i];
		if (r->from == 0 && r->to == 99991231) {
			base = r;
			continue;
		}
		if (!date) {
			if (!best || r->from > best->from)
				best = r;
			continue;
		}
		if (r->from <= date && date <= r->to) {
			if (!best || r->from > best->from)
				best = r;
			continue;
		}
		int32_t g = date < r->from ? r->from - date : date - r->to;
		if (g < gap)
			gap = g, nearest = r;
	}
	if (best)
		return tag_copy(out, 12, best->code), out;
	if (base)
		return tag_copy(out, 12, base->code), out;
	if (nearest && strncmp(nearest->code, "IGO", 3) != 0 &&
	    strncmp(nearest->code, "NGO", 3) != 0) {
		/* out of office: one of the country's elites (CAMEO's ELI:
		 * former officials), no longer its government */
		tag_copy(out, 4, nearest->code);
		if (strlen(out) == 3)
			memcpy(out + 3, "ELI", 4);
		return out;
	}
	out[0] = 0;
	return out;
}

static void
add_family(tag_lex *lx, const char *key, size_t len, int32_t entry, bool first)
{
	if (lx->n_families == lx->cap_families) {
		lx->cap_families = lx->cap_families ? lx->cap_families * 2 : 512;
		lx->families = news_xrealloc(lx->families,
		    lx->cap_families * sizeof *lx->families);
	}
	lx->families[lx->n_families++] = (struct family){
		news_hash64(key, len), entry, first };
	lx->families_sorted = false;
}

static int
cmp_family(const void *a, const void *b)
{
	const struct family *x = a, *y = b;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

void
tag_lex_finish(tag_lex *lx)
{
	if (lx->n_families > 1)
		qsort(lx->families, lx->n_families, sizeof *lx->families, cmp_family);
	lx->families_sorted = true;
}

/* Whether a dated role of the chain holds `date`; its code in out. */
static bool
role_in_office(const tag_lex *lx, int32_t person, int32_t date, char out[12])
{
	const tag_role *best = NULL;
	for (int32_t i = person; i >= 0; i = lx->roles[i].next) {
		const tag_role *r = &lx->roles[i];
		if (r->from == 0 && r->to == 99991231)
			continue;
		bool holds = !date || (r->from <= date && date <= r->to);
		if (holds && (!best || r->from > best->from))
			best = r;
	}
	if (best)
		tag_copy(out, 12, best->code);
	return best != NULL;
}

bool
tag_lex_family(const tag_lex *lx, const char *key, size_t len, int32_t date,
    const char *country, const char *sector, char out[12])
{
	if (!lx->n_families || !lx->families_sorted)
		return false;
	uint64_t h = news_hash64(key, len);
	size_t lo = 0, hi = lx->n_families;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (lx->families[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* a first word counts only when it is a family name that comes first */
	int32_t id = tag_lex_find(lx, key, len);
	bool surname = tag_lex_kind(lx, id, LK_SURNAME) != NULL;
	char found[12] = "";
	for (size_t i = lo; i < lx->n_families && lx->families[i].hash == h; i++) {
		const struct family *f = &lx->families[i];
		if (f->first && !surname)
			continue;
		char code[12];
		if (!role_in_office(lx, lx->ents[f->entry].person, date, code))
			continue;
		if (country && country[0] && strncmp(code, country, 3) != 0)
			continue;
		if (sector && sector[0] && strlen(code) > 3 && strcmp(code + 3, sector) != 0)
			continue;
		if (found[0] && strcmp(found, code) != 0)
			return false;   /* two people it could be */
		tag_copy(found, sizeof found, code);
	}
	if (!found[0])
		return false;
	tag_copy(out, 12, found);
	return true;
}

const char *
tag_lex_alpha3(const tag_lex *lx, const char *a2)
{
	if (!a2 || a2[0] < 'A' || a2[0] > 'Z' || a2[1] < 'A' || a2[1] > 'Z')
		return NULL;
	const char *c = lx->alpha3[(a2[0] - 'A') * 26 + (a2[1] - 'A')];
	return c[0] ? c : NULL;
}

/* ---- dictionary text ------------------------------------------------------ */

typedef struct load_state {
	tag_lex *lx;
	int kind;
	unsigned flags;
	bool user;
} load_state;

static _Noreturn void
bad_line(const char *source, unsigned long lineno, const char *what)
{
	news_die(NEWS_EXIT_USAGE, "%s:%lu: %s", source, lineno, what);
}

/* "kind[:flag,flag]" into kind and flags; false when unknown. */
static bool
parse_kind(const char *s, size_t n, int *kind, unsigned *flags)
{
	const char *colon = memchr(s, ':', n);
	size_t kn = colon ? (size_t)(colon - s) : n;
	size_t i;
	for (i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
		if (strlen(kind_names[i].name) == kn &&
		    memcmp(kind_names[i].name, s, kn) == 0)
			break;
	if (i == sizeof kind_names / sizeof kind_names[0])
		return false;
	*kind = kind_names[i].kind;
	*flags = kind_names[i].cased ? LF_CASED : 0;
	if (strcmp(kind_names[i].name, "capital") == 0)
		*flags |= LF_CAPITAL;
	const char *p = colon ? colon + 1 : s + n, *end = s + n;
	while (p < end) {
		const char *q = memchr(p, ',', (size_t)(end - p));
		size_t fl = q ? (size_t)(q - p) : (size_t)(end - p);
		if (fl == 4 && memcmp(p, "head", 4) == 0)
			*flags |= LF_HEAD;
		else if (fl == 4 && memcmp(p, "lead", 4) == 0)
			*flags |= LF_LEAD;
		else if (fl == 6 && memcmp(p, "person", 6) == 0)
			*flags |= LF_PERSON;
		else if (fl == 6 && memcmp(p, "plural", 6) == 0)
			*flags |= LF_PLURAL;
		else if (fl == 4 && memcmp(p, "lone", 4) == 0)
			*flags |= LF_LONE;
		else if (fl == 5 && memcmp(p, "cased", 5) == 0)
			*flags |= LF_CASED;
		else if (fl == 7 && memcmp(p, "capital", 7) == 0)
			*flags |= LF_CAPITAL;
		else if (fl == 7 && memcmp(p, "nocased", 7) == 0)
			*flags &= ~(unsigned)LF_CASED;
		else
			return false;
		p = q ? q + 1 : end;
	}
	return true;
}

static int
load_line(const char *line, size_t len, const char *source,
    unsigned long lineno, void *user)
{
	load_state *st = user;
	tag_lex *lx = st->lx;

	if (line[0] == '@') {
		if (len > 6 && memcmp(line, "@kind ", 6) == 0 &&
		    parse_kind(line + 6, len - 6, &st->kind, &st->flags))
			return 0;
		bad_line(source, lineno, "unknown directive (expected '@kind KIND')");
	}
	/* split on tabs */
	const char *f[6];
	size_t fl[6];
	int nf = 0;
	const char *p = line, *end = line + len;
	while (nf < 6) {
		const char *t = memchr(p, '\t', (size_t)(end - p));
		f[nf] = p;
		fl[nf] = t ? (size_t)(t - p) : (size_t)(end - p);
		nf++;
		if (!t)
			break;
		p = t + 1;
		while (p < end && *p == '\t')
			p++;
	}
	int kind = st->kind;
	unsigned flags = st->flags;
	if (nf >= 2 && fl[1] && !parse_kind(f[1], fl[1], &kind, &flags))
		bad_line(source, lineno, "unknown kind");
	if (kind == LK_NONE)
		bad_line(source, lineno, "no kind (a second column, or '@kind' before)");
	char code[12] = "";
	if (nf >= 3) {
		if (fl[2] >= sizeof code)
			bad_line(source, lineno, "code too long (at most 11 bytes)");
		memcpy(code, f[2], fl[2]);
		code[fl[2]] = 0;
	}
	int32_t from = 0, to = 0;
	if (nf >= 4 && (from = parse_date_field(f[3], fl[3])) < 0)
		bad_line(source, lineno, "bad FROM date (YYYY-MM-DD, YYYY-MM or YYYY)");
	if (nf >= 5 && (to = parse_date_field(f[4], fl[4])) < 0)
		bad_line(source, lineno, "bad TO date (YYYY-MM-DD, YYYY-MM or YYYY)");
	if (to && to < 100000000 && to % 100 == 0) {
		/* an end given as YYYY-MM or YYYY runs to the end of it */
		to += to % 10000 == 0 ? 1231 : 31;
	}
	if (st->user)
		flags |= LF_USER;
	int value = 0;
	if (kind == LK_MONTH || kind == LK_WEEKDAY) {
		value = atoi(code);
		code[0] = 0;
	}
	/* each alias */
	const char *a = f[0], *aend = f[0] + fl[0];
	while (a < aend) {
		const char *bar = memchr(a, '|', (size_t)(aend - a));
		size_t an = bar ? (size_t)(bar - a) : (size_t)(aend - a);
		tag_entry *e = add_phrase(lx, a, an, kind, flags, kind == LK_PERSON ? NULL : code);
		if (e) {
			e->value = (int16_t)value;
			if (kind == LK_PERSON) {
				/* roles in a chain per person; a user line comes first */
				bool fresh = e->person < 0;
				e->person = add_role(lx, code, from, to, e->person);
				const tag_sent *t = &lx->tok;
				if (fresh && t->n >= 2) {
					int32_t idx = (int32_t)(e - lx->ents);
					size_t l = t->n - 1;
					add_family(lx, t->keys.data + t->toks[0].kb,
					    t->toks[0].ke - t->toks[0].kb, idx, true);
					/* "Ferdinand Marcos Jr.": the word before a suffix */
					if (l > 1 && (t->toks[l].f & TF_DOT))
						l--;
					add_family(lx, t->keys.data + t->toks[l].kb,
					    t->toks[l].ke - t->toks[l].kb, idx, false);
				}
			}
		}
		a = bar ? bar + 1 : aend;
	}
	return 0;
}

void
tag_lex_load_dict(tag_lex *lx, const char *name, const char *data, size_t len,
    const char *source, bool user)
{
	load_state st = { .lx = lx, .kind = LK_NONE, .user = user };
	news_dict_lines(data, len, source, load_line, &st);
}

/* ---- the generated tables -------------------------------------------------- */

static void
load_countries(tag_lex *lx)
{
	for (size_t i = 0; i < tag_countries_count; i++) {
		const tag_country *c = &tag_countries[i];
		char *slot3 = lx->alpha3[(c->alpha2[0] - 'A') * 26 + (c->alpha2[1] - 'A')];
		memcpy(slot3, c->alpha3, 4);
		const char *names[3] = { c->name, c->common_name, c->official_name };
		for (int k = 0; k < 3; k++) {
			if (!names[k] || strchr(names[k], ','))
				continue;
			add_phrase(lx, names[k], strlen(names[k]), LK_COUNTRY, LF_CASED, c->alpha3);
		}
	}
}

/* A one-word name that is also an ordinary word: "Central" (Ghana),
 * "Northeast" (Iceland), "Plateau" (Nigeria) name provinces, but in
 * English text they are most often the words: they count only in
 * "Plateau state" (LF_WEAK). */
static bool
common_word(tag_lex *lx, const char *name)
{
	if (strchr(name, ' ') || strchr(name, '-'))
		return false;
	news_buf_clear(&lx->key);
	for (const char *p = name; *p; p++)
		news_buf_addc(&lx->key, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
	int32_t id = tag_lex_find(lx, lx->key.data, lx->key.len);
	return tag_lex_kind(lx, id, LK_COMMON) != NULL;
}

/* "Central Region", "Northern Province", "North West": names many
 * countries give a province, so they say nothing of which. */
static bool
generic_division(const char *name)
{
	static const char *const words[] = {
		"North", "South", "East", "West", "Northern", "Southern", "Eastern",
		"Western", "Central", "Northeast", "Northwest", "Southeast",
		"Southwest", "Region", "Province", "District", "State", "Area",
		"Division", "Territory", "Governorate", "and", NULL,
	};
	for (const char *p = name; *p;) {
		size_t n = strcspn(p, " ");
		bool known = false;
		for (int k = 0; words[k] && !known; k++)
			known = strlen(words[k]) == n && memcmp(words[k], p, n) == 0;
		if (!known)
			return false;
		p += n;
		while (*p == ' ')
			p++;
	}
	return true;
}

static void
load_cities(tag_lex *lx)
{
	/* a province is named by many cities: add each (name, country) once */
	size_t SEEN = 1024;
	while (SEEN < 2 * tag_cities_count)
		SEEN *= 2;      /* never full: a probe always ends */
	uint64_t *seen = news_xcalloc(SEEN, sizeof *seen);
	for (size_t i = 0; i < tag_cities_count; i++) {
		const tag_city *c = &tag_cities[i];
		const char *cc = tag_lex_alpha3(lx, c->country);
		if (!cc)
			continue;
		char alt[256];
		const char *names[2] = { c->name, NULL };
		/* "Saint Petersburg" is also written "St. Petersburg" */
		if (strncmp(c->name, "Saint ", 6) == 0 || strncmp(c->name, "Saint-", 6) == 0) {
			snprintf(alt, sizeof alt, "St. %s", c->name + 6);
			names[1] = alt;
		}
		for (int k = 0; k < 2 && names[k]; k++) {
			tag_entry *e = add_phrase(lx, names[k], strlen(names[k]), LK_CITY,
			    LF_CASED, cc);
			if (e && (e->city < 0 || tag_cities[e->city].population < c->population))
				e->city = (int32_t)i;
		}
		if (!c->state || !*c->state || strcmp(c->state, c->name) == 0)
			continue;
		uint64_t h = news_hash64(c->state, strlen(c->state)) ^
		    ((uint64_t)(unsigned char)cc[0] << 16 | (uint64_t)(unsigned char)cc[1] << 8 |
		    (unsigned char)cc[2]);
		h |= 1;         /* 0 marks an empty slot */
		size_t j = h & (SEEN - 1);
		while (seen[j] && seen[j] != h)
			j = (j + 1) & (SEEN - 1);
		if (seen[j])
			continue;
		seen[j] = h;
		if (!generic_division(c->state))
			add_phrase(lx, c->state, strlen(c->state), LK_REGION, LF_CASED |
			    (common_word(lx, c->state) ? LF_WEAK : 0), cc);
	}
	free(seen);
}

static void
load_words(tag_lex *lx, const char *words, int kind, unsigned flags)
{
	for (const char *p = words; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n)
			add_word(lx, p, n, kind, flags);
		p += n + (nl != NULL);
	}
}

void
tag_lex_load_builtin(tag_lex *lx)
{
	/* abbreviations first: the tokenizer needs them for every phrase */
	const news_blob *ab = news_blob_find(news_tag_dicts, news_tag_dicts_count,
	    "abbrev");
	if (ab)
		tag_lex_load_dict(lx, ab->name, ab->data, ab->len, "abbrev.txt", false);
	load_words(lx, tag_words_common, LK_COMMON, 0);
	load_words(lx, tag_words_proper, LK_PROPER, LF_CASED);
	load_countries(lx);
	load_cities(lx);
	for (size_t i = 0; i < news_tag_dicts_count; i++) {
		const news_blob *b = &news_tag_dicts[i];
		if (b == ab)
			continue;
		char src[128];
		snprintf(src, sizeof src, "%s.txt", b->name);
		tag_lex_load_dict(lx, b->name, b->data, b->len, src, false);
	}
	tag_lex_finish(lx);
}
