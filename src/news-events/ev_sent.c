/* ev_sent.c: a sentence as units: words, punctuation, and entities (an
 * entity, however many words, is one unit).  Word classes come from the
 * lexicon, with a few spelling cues for words it lacks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "events.h"
#include "news_err.h"
#include "news_json.h"
#include "news_utf8.h"

void
ev_sent_init(ev_sent *s)
{
	memset(s, 0, sizeof *s);
}

void
ev_sent_free(ev_sent *s)
{
	free(s->ents);
	free(s->units);
	news_buf_free(&s->lower);
}

/* ---- entities ----------------------------------------------------------- */

static void
copy_field(const news_json_member *m, char *out, size_t cap, news_buf *scratch)
{
	const char *t;
	size_t n = news_json_string(m, &t, scratch);
	if (n >= cap)
		n = cap - 1;
	/* keep whole UTF-8 characters */
	while (n && (t[n] & 0xC0) == 0x80)
		n--;
	memcpy(out, t, n);
	out[n] = 0;
}

/* Byte offset of code point cp, or (size_t)-1 when beyond the text.  The
 * cursor makes increasing offsets cheap; ASCII steps without decoding. */
static size_t
byte_at(const char *text, size_t len, news_cp_cursor *c, size_t cp)
{
	if (cp < c->cp) {
		c->byte = 0;
		c->cp = 0;
	}
	while (c->cp < cp) {
		if (c->byte >= len)
			return (size_t)-1;
		if ((unsigned char)text[c->byte] < 0x80) {
			c->byte++;
		} else {
			int32_t ch;
			c->byte += news_utf8_decode(text + c->byte, len - c->byte, &ch);
		}
		c->cp++;
	}
	return c->byte <= len ? c->byte : (size_t)-1;
}

/* An offset: news_json_to_int64 with plain digits read directly (strtoll
 * took a tenth of reading the entities). */
static void
offset_value(const char *v, size_t n, int64_t *out)
{
	if (n > 0 && n <= 18) {
		int64_t x = 0;
		size_t i = 0;
		for (; i < n && v[i] >= '0' && v[i] <= '9'; i++)
			x = x * 10 + (v[i] - '0');
		if (i == n) {
			*out = x;
			return;
		}
	}
	news_json_to_int64(v, n, out);
}

void
ev_sent_entities(ev_sent *s, const char *json, size_t len, size_t *bad)
{
	news_json_iter it;
	const char *val;
	size_t vlen;
	news_json_type type;
	news_buf scratch = { 0 };
	news_cp_cursor cur;

	s->n_ents = 0;
	news_cp_cursor_init(&cur, s->text);
	news_json_iter_init(&it, json, len);
	for (;;) {
		/* an object is read member by member straight from the array,
		 * not skipped over first: one pass over the entities */
		const char *p = it.p;
		while (p < it.end && (*p == ' ' || *p == '\t' || *p == '\n' ||
		    *p == '\r' || *p == ','))
			p++;
		if (p >= it.end || *p != '{') {
			if (!news_json_array_next(&it, &val, &vlen, &type))
				break;
			(*bad)++;
			continue;
		}
		ev_entity e;
		memset(&e, 0, sizeof e);
		int64_t start = -1, end = -1;
		news_json_iter mi = { .p = p + 1, .end = it.end };
		news_json_member m;
		for (;;) {
			const char *before = mi.p;
			if (!news_json_object_next(&mi, &m)) {
				/* the object's '}' */
				while (before < it.end && *before != '}')
					before++;
				it.p = before < it.end ? before + 1 : it.end;
				break;
			}
			if (m.key_len == 4 && memcmp(m.key, "type", 4) == 0 &&
			    m.type == NEWS_JSON_STRING)
				copy_field(&m, e.type, sizeof e.type, &scratch);
			else if (m.key_len == 4 && memcmp(m.key, "code", 4) == 0 &&
			    m.type == NEWS_JSON_STRING) {
				copy_field(&m, e.code, sizeof e.code, &scratch);
				/* actor codes are ASCII letters and digits, cut
				 * and joined by the byte ("KOR" + "GOV"): anything
				 * else is no code, or the cuts would split a
				 * character and write invalid UTF-8 */
				for (const char *c = e.code; *c; c++)
					if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' &&
					    *c <= 'z') || (*c >= '0' && *c <= '9')))
						e.code[0] = 0;
				e.has_code = e.code[0] != 0;
			} else if (m.key_len == 5 && memcmp(m.key, "value", 5) == 0 &&
			    m.type == NEWS_JSON_STRING)
				copy_field(&m, e.value, sizeof e.value, &scratch);
			else if (m.key_len == 5 && memcmp(m.key, "start", 5) == 0 &&
			    m.type == NEWS_JSON_NUMBER)
				offset_value(m.val, m.val_len, &start);
			else if (m.key_len == 3 && memcmp(m.key, "end", 3) == 0 &&
			    m.type == NEWS_JSON_NUMBER)
				offset_value(m.val, m.val_len, &end);
		}
		if (start < 0 || end <= start) {
			(*bad)++;
			continue;
		}
		size_t b0 = byte_at(s->text, s->len, &cur, (size_t)start);
		size_t b1 = b0 == (size_t)-1 ? b0 : byte_at(s->text, s->len, &cur, (size_t)end);
		if (b0 == (size_t)-1 || b1 == (size_t)-1) {
			(*bad)++;
			continue;
		}
		e.b0 = b0;
		e.b1 = b1;
		e.text = s->text + b0;
		e.len = b1 - b0;
		if (s->n_ents == s->cap_ents) {
			s->cap_ents = s->cap_ents ? s->cap_ents * 2 : 16;
			s->ents = news_xrealloc(s->ents, s->cap_ents * sizeof *s->ents);
		}
		s->ents[s->n_ents++] = e;
	}
	news_buf_free(&scratch);
}

/* ---- tokens --------------------------------------------------------------- */

static inline bool
is_space_at(const char *p, size_t n, size_t *skip)
{
	unsigned char c = (unsigned char)p[0];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
		*skip = 1;
		return true;
	}
	if (c == 0xC2 && n > 1 && (unsigned char)p[1] == 0xA0) {    /* NBSP */
		*skip = 2;
		return true;
	}
	if (c == 0xE2 && n > 2 && (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] <= 0x8B || (unsigned char)p[2] == 0xAF)) {
		*skip = 3;      /* U+2000..U+200B, U+202F */
		return true;
	}
	if (c == 0xE3 && n > 2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x80) {
		*skip = 3;      /* ideographic space */
		return true;
	}
	return false;
}

/* Punctuation outside ASCII: quotes, dashes, ellipsis.  Returns its length
 * and the unit class, or 0. */
static inline size_t
unicode_punct(const char *p, size_t n, uint32_t *ucls)
{
	const unsigned char *u = (const unsigned char *)p;
	if (n > 2 && u[0] == 0xE2 && u[1] == 0x80) {
		switch (u[2]) {
		case 0x98: case 0x99: case 0x9C: case 0x9D: case 0x9E: case 0xB9:
		case 0xBA:
			*ucls = U_QUOTE;
			return 3;
		case 0x93: case 0x94: case 0x95:
			*ucls = U_BOUND;
			return 3;
		case 0xA6:
			*ucls = U_PUNCT;
			return 3;
		}
	}
	if (n > 1 && u[0] == 0xC2 && (u[1] == 0xAB || u[1] == 0xBB)) {
		*ucls = U_QUOTE;
		return 2;
	}
	return 0;
}

static inline bool
is_apostrophe(const char *p, size_t n, size_t *alen)
{
	if (p[0] == '\'') {
		*alen = 1;
		return true;
	}
	if (n > 2 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x99) {
		*alen = 3;
		return true;
	}
	return false;
}

static inline bool
word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80 || c == '_' || c == '#' || c == '@';
}

static inline void
push_unit(ev_sent *s, size_t b0, size_t b1, uint32_t ucls)
{
	if (s->n_units == s->cap_units) {
		s->cap_units = s->cap_units ? s->cap_units * 2 : 64;
		s->units = news_xrealloc(s->units, s->cap_units * sizeof *s->units);
	}
	ev_unit *u = &s->units[s->n_units++];
	u->b0 = (uint32_t)b0;
	u->b1 = (uint32_t)b1;
	u->wcls = 0;
	u->ucls = ucls;
	u->lex = -1;
	u->ent = -1;
	u->form = F_BASE;
}

/* Look a word up in lower case, with curly apostrophes made straight
 * (into s->lower, which the caller reads after). */
static int32_t
lookup(ev_sent *s, const ev_lex *lx, size_t b0, size_t b1)
{
	news_buf *lw = &s->lower;
	news_buf_clear(lw);
	news_buf_reserve(lw, b1 - b0);
	char *o = lw->data;
	size_t n = 0;
	for (size_t i = b0; i < b1; i++) {
		unsigned char c = (unsigned char)s->text[i];
		if (c == 0xE2 && i + 2 < b1 + 0 && (unsigned char)s->text[i + 1] == 0x80 &&
		    (unsigned char)s->text[i + 2] == 0x99) {
			o[n++] = '\'';
			i += 2;
			continue;
		}
		o[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	lw->len = n;
	return ev_lex_find(lx, lw->data, lw->len);
}

/* Letters after an apostrophe that keep a word whole: not a contraction
 * or a possessive ('s 't 'll 're 've 'd 'm). */
static bool
inner_apostrophe(const char *p, size_t n)
{
	size_t k = 0;
	while (k < n && ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z')))
		k++;
	if (k == 0)
		return false;
	static const char *const clitic[] = { "s", "t", "ll", "re", "ve", "d", "m", 0 };
	for (int i = 0; clitic[i]; i++)
		if (strlen(clitic[i]) == k && strncasecmp(p, clitic[i], k) == 0)
			return false;
	return true;
}

/* edge[b]: an entity starts or ends at byte b.  "Russia-Ukraine" with
 * two entities is two words (and a hyphen), one for each. */
static uint8_t *
entity_edges(const ev_sent *s)
{
	static uint8_t *edge;
	static size_t cap;      /* reused: reachable, so not a leak */
	if (s->len + 1 > cap) {
		cap = (s->len + 1) * 2;
		edge = news_xrealloc(edge, cap);
	}
	memset(edge, 0, s->len + 1);
	for (size_t e = 0; e < s->n_ents; e++) {
		if (s->ents[e].b0 <= s->len)
			edge[s->ents[e].b0] = 1;
		if (s->ents[e].b1 <= s->len)
			edge[s->ents[e].b1] = 1;
	}
	return edge;
}

static void
tokenize(ev_sent *s)
{
	const char *t = s->text;
	size_t n = s->len, i = 0;
	const uint8_t *edge = entity_edges(s);

	while (i < n) {
		size_t skip;
		uint32_t ucls;
		if (is_space_at(t + i, n - i, &skip)) {
			i += skip;
			continue;
		}
		size_t plen = unicode_punct(t + i, n - i, &ucls);
		size_t alen;
		if (plen && !(ucls == U_QUOTE && is_apostrophe(t + i, n - i, &alen) &&
		    i + alen < n && (t[i + alen] == 's' || t[i + alen] == 'S') &&
		    (i + alen + 1 >= n || !word_byte((unsigned char)t[i + alen + 1])))) {
			push_unit(s, i, i + plen, ucls);
			i += plen;
			continue;
		}
		if (is_apostrophe(t + i, n - i, &alen)) {
			/* 's after a word: the possessive (or "is") */
			if (i + alen < n && (t[i + alen] == 's' || t[i + alen] == 'S') &&
			    (i + alen + 1 >= n || !word_byte((unsigned char)t[i + alen + 1]))) {
				push_unit(s, i, i + alen + 1, U_POSS_S);
				i += alen + 1;
				continue;
			}
			push_unit(s, i, i + alen, U_QUOTE);
			i += alen;
			continue;
		}
		unsigned char c = (unsigned char)t[i];
		if (!word_byte(c)) {
			if (c == '-' && i + 1 < n && t[i + 1] == '-') {
				size_t j = i;
				while (j < n && t[j] == '-')
					j++;
				push_unit(s, i, j, U_BOUND);
				i = j;
				continue;
			}
			uint32_t cls = c == ',' ? U_COMMA :
			    (c == ';' || c == ':' || c == '(' || c == ')' || c == '[' ||
			    c == ']') ? U_BOUND :
			    (c == '"' || c == '`') ? U_QUOTE :
			    (c == '.' || c == '!' || c == '?') ? U_END : U_PUNCT;
			push_unit(s, i, i + 1, cls);
			i++;
			continue;
		}
		/* a word: letters and digits, with - . ' inside */
		size_t j = i;
		while (j < n) {
			unsigned char d = (unsigned char)t[j];
			if (d >= 0x80) {
				uint32_t pc;
				size_t sk;
				if (unicode_punct(t + j, n - j, &pc) || is_space_at(t + j, n - j, &sk))
					break;
				j++;
				continue;
			}
			if (word_byte(d)) {
				j++;
				continue;
			}
			/* "38,000" */
			if (d == ',' && j > i && t[j - 1] >= '0' && t[j - 1] <= '9' &&
			    j + 1 < n && t[j + 1] >= '0' && t[j + 1] <= '9') {
				j++;
				continue;
			}
			if ((d == '-' || d == '.' || d == '&') && j + 1 < n &&
			    word_byte((unsigned char)t[j + 1]) && t[j + 1] != '-' &&
			    !(d == '-' && (edge[j] || edge[j + 1]))) {
				j++;
				continue;
			}
			/* "d'affaires", "O'Brien", "Côte d'Ivoire"; not "Iran's", "don't" */
			if (d == '\'' && j > i && j + 1 < n && inner_apostrophe(t + j + 1, n - j - 1)) {
				j++;
				continue;
			}
			break;
		}
		/* "don't" -> "do" "n't"; "won't" -> "wo" "n't" */
		if (j + 3 <= n && j > i + 1 && (t[j - 1] == 'n' || t[j - 1] == 'N') &&
		    is_apostrophe(t + j, n - j, &alen) && j + alen < n &&
		    (t[j + alen] == 't' || t[j + alen] == 'T')) {
			push_unit(s, i, j - 1, U_WORD);
			push_unit(s, j - 1, j + alen + 1, U_WORD);
			i = j + alen + 1;
			continue;
		}
		push_unit(s, i, j, U_WORD);
		i = j;
	}
}

/* ---- units -------------------------------------------------------------- */

static bool
ends_with(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n > k + 1 && memcmp(w + n - k, suf, k) == 0;
}

/* Entities that can act: people, organisations, countries, nationalities,
 * and news-tag's ACTOR (a role without a name: "the foreign minister"). */
static bool
actor_type(const ev_entity *e)
{
	return strcmp(e->type, "PERSON") == 0 || strcmp(e->type, "ORG") == 0 ||
	    strcmp(e->type, "GPE") == 0 || strcmp(e->type, "NORP") == 0 ||
	    strcmp(e->type, "ACTOR") == 0;
}

/* "three", "500": a count before a noun. */
static bool
number_word(const ev_sent *s, const ev_unit *u)
{
	static const char *const small[] = { "two", "three", "four", "five", "six",
		"seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", 0 };
	if (!(u->ucls & (U_WORD | U_OTHERENT)))
		return false;
	const char *w = s->text + u->b0;
	size_t n = u->b1 - u->b0;
	if (n && w[0] >= '0' && w[0] <= '9')
		return true;
	for (int i = 0; small[i]; i++)
		if (strlen(small[i]) == n && strncasecmp(small[i], w, n) == 0)
			return true;
	return false;
}

/* "Israeli" in "Israeli strikes": a nationality used as an adjective (not
 * "Israelis", the people). */
static bool
adjectival_norp(const ev_sent *s, const ev_unit *u)
{
	if (u->ent < 0 || !(u->ucls & U_ACTOR))
		return false;
	const ev_entity *e = &s->ents[u->ent];
	return strcmp(e->type, "NORP") == 0 && e->len > 1 && e->text[e->len - 1] != 's';
}

/* Is unit i preceded by a determiner and up to three words that modify
 * a noun (unknown words, adjectives, nouns, nationalities)? */
static bool
after_determiner(const ev_sent *s, size_t i)
{
	for (size_t k = i; k > 0 && k + 4 > i; k--) {
		const ev_unit *p = &s->units[k - 1];
		if ((p->wcls & (W_DET | W_POSS)) || (p->ucls & U_POSS_S))
			return k < i;
		if (p->ucls & U_ACTOR) {
			if (p->ent >= 0 && strcmp(s->ents[p->ent].type, "PERSON") == 0)
				return false;
			continue;
		}
		if (!(p->ucls & U_WORD) || (p->wcls & ~(W_ADJ | W_NOUN | W_TIME)))
			return false;
	}
	return false;
}

/* The first unit whose first byte is at b or after (units are in text
 * order). */
static size_t
unit_at(const ev_sent *s, size_t b)
{
	size_t lo = 0, hi = s->n_units;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->units[mid].b0 < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
next_free(size_t *next, size_t i)
{
	size_t r = i;
	while (next[r] != r)
		r = next[r];
	while (next[i] != r) {
		size_t t = next[i];
		next[i] = r;
		i = t;
	}
	return r;
}

/* owner[i]: the first entity, in input order, that covers the first byte
 * of unit i, or -1.  Entities are laid over the units they cover in input
 * order, each unit keeping the first; a skip list over the units already
 * taken keeps this near linear however many entities there are and
 * however they overlap (a loop over all entities for every unit took
 * minutes for a sentence of 100,000 names). */
static void
unit_owners(const ev_sent *s, int *owner, size_t *next)
{
	for (size_t i = 0; i <= s->n_units; i++) {
		next[i] = i;
		if (i < s->n_units)
			owner[i] = -1;
	}
	for (size_t e = 0; e < s->n_ents; e++) {
		if (s->ents[e].b1 <= s->ents[e].b0)
			continue;
		size_t hi = unit_at(s, s->ents[e].b1);
		for (size_t i = next_free(next, unit_at(s, s->ents[e].b0)); i < hi;
		    i = next_free(next, i + 1)) {
			owner[i] = (int)e;
			next[i] = i + 1;
		}
	}
}

void
ev_sent_units(ev_sent *s, const ev_lex *lx)
{
	static int *owner;
	static size_t *next, cap;       /* reused: reachable, so not a leak */

	s->n_units = 0;
	tokenize(s);

	/* entities: the tokens an entity covers become one unit */
	if (s->n_units + 1 > cap) {
		cap = (s->n_units + 1) * 2;
		owner = news_xrealloc(owner, cap * sizeof *owner);
		next = news_xrealloc(next, cap * sizeof *next);
	}
	unit_owners(s, owner, next);
	size_t w = 0;
	for (size_t i = 0; i < s->n_units; i++) {
		ev_unit u = s->units[i];
		int ent = owner[i];
		if (ent >= 0) {
			const ev_entity *e = &s->ents[ent];
			if (w > 0 && s->units[w - 1].ent == ent) {
				if (u.b1 > s->units[w - 1].b1)
					s->units[w - 1].b1 = u.b1;
				continue;
			}
			u.ent = ent;
			u.b0 = (uint32_t)e->b0 < u.b0 ? (uint32_t)e->b0 : u.b0;
			if (strcmp(e->type, "DATE") == 0 || strcmp(e->type, "TIME") == 0)
				u.ucls = U_DATE;
			else if (e->has_code && actor_type(e))
				u.ucls = U_ACTOR;
			else if (strcmp(e->type, "GPE") == 0 || strcmp(e->type, "LOC") == 0 ||
			    strcmp(e->type, "FAC") == 0)
				u.ucls = U_PLACE;
			else
				u.ucls = U_OTHERENT;
			/* a place is also where an event happened: keep GPE actors
			 * after "in" usable as places (see ev_code.c) */
		}
		s->units[w++] = u;
	}
	s->n_units = w;

	/* people: names, and role nouns for one person ("his counterpart") */
	for (size_t i = 0; i < s->n_units; i++) {
		ev_unit *u = &s->units[i];
		if (!(u->ucls & U_ACTOR))
			continue;
		const ev_entity *e = &s->ents[u->ent];
		if (strcmp(e->type, "PERSON") == 0) {
			u->ucls |= U_PERSON;
		} else if (strcmp(e->type, "ACTOR") == 0) {
			const char *last = e->text + e->len;
			while (last > e->text && last[-1] != ' ')
				last--;
			int32_t id = lookup(s, lx, (size_t)(last - s->text), e->b1);
			if (ev_lex_class(lx, id) & W_PERSON)
				u->ucls |= U_PERSON;
		}
	}

	/* word classes */
	for (size_t i = 0; i < s->n_units; i++) {
		ev_unit *u = &s->units[i];
		if (u->ucls != U_WORD)
			continue;
		u->lex = lookup(s, lx, u->b0, u->b1);
		u->wcls = ev_lex_class(lx, u->lex);
		u->form = (uint8_t)ev_lex_form(lx, u->lex);
		const char *wt = s->lower.data;
		size_t wn = s->lower.len;
		unsigned char c0 = (unsigned char)s->text[u->b0];
		if (c0 >= 'A' && c0 <= 'Z' && i > 0)
			u->ucls |= U_CAP;
		if (u->lex < 0) {
			if (ends_with(wt, wn, "ly"))
				u->wcls |= W_ADV;
			else if (ends_with(wt, wn, "ed") && wn > 4) {
				u->form = F_PAST;
				u->wcls |= W_VERB;
			} else if (ends_with(wt, wn, "ing") && wn > 5)
				u->form = F_ING;
		}
	}
	/* a verb form after a determiner is a noun or an adjective ("the agreed plan") */
	for (size_t i = 1; i < s->n_units; i++) {
		ev_unit *u = &s->units[i];
		/* "the talks", "his visit", "in talks with": nouns */
		const ev_unit *prev = &s->units[i - 1];
		if ((u->wcls & W_VERB) && ((prev->wcls & (W_DET | W_POSS)) ||
		    (prev->ucls & U_POSS_S) || ((prev->wcls & W_PREP) &&
		    !(prev->wcls & W_TO) && u->form != F_ING)))
			u->wcls &= ~W_VERB;
		/* "sell arms", "new sanctions", "three attacks": a plural after
		 * a verb, an adjective or a number is a noun; so is a verb form
		 * after a nationality ("Israeli strikes", "a Russian attack") */
		if ((u->wcls & W_VERB) && (u->ucls & U_WORD) && u->form == F_S &&
		    (((prev->wcls & (W_VERB | W_SPEECH)) && !(prev->wcls & (W_AUX | W_BE |
		    W_FUT | W_SPEC | W_MUST | W_SHOULD | W_COMPLEMENT))) ||
		    number_word(s, prev)))
			u->wcls &= ~W_VERB;
		/* "a surprise visit", "the EU support": a singular verb form at
		 * the end of a phrase that starts with a determiner; but "the
		 * military hit Hezbollah targets": a named actor right after
		 * makes it the verb, and so does one right before a verb whose
		 * past is its base ("Congo's government cut ties") */
		if ((u->wcls & W_VERB) && (u->ucls & U_WORD) && u->form == F_BASE &&
		    after_determiner(s, i) && !(i + 1 < s->n_units &&
		    (s->units[i + 1].ucls & U_ACTOR)) &&
		    !((u->wcls & W_SAMEPAST) && (prev->ucls & U_ACTOR)))
			u->wcls &= ~W_VERB;
		/* "humanitarian aid", "new sanctions" */
		if ((u->wcls & W_VERB) && (u->ucls & U_WORD) && (u->form == F_S ||
		    u->form == F_BASE) && (prev->ucls & U_WORD) && (prev->wcls & W_ADJ) &&
		    !(prev->wcls & (W_ADV | W_VERB)))
			u->wcls &= ~W_VERB;
		if ((u->wcls & W_VERB) && (u->form == F_S || u->form == F_BASE) &&
		    adjectival_norp(s, prev))
			u->wcls &= ~W_VERB;
		/* "to block EU sanctions", "the U.S. talks": a name inside an
		 * object phrase modifies the plural after it */
		if ((u->wcls & W_VERB) && u->form == F_S && (prev->ucls & U_ACTOR) && i >= 2 &&
		    strcmp(s->ents[prev->ent].type, "PERSON") != 0) {
			const ev_unit *pp = &s->units[i - 2];
			if (((pp->wcls & (W_VERB | W_PREP | W_DET | W_POSS)) &&
			    !(pp->wcls & (W_SPEECH | W_AUX | W_BE | W_SUB | W_CONJ))) ||
			    (pp->ucls & U_POSS_S))
				u->wcls &= ~W_VERB;
		}
	}
}
