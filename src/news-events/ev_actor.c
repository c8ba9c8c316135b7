/* ev_actor.c: noun phrases around actors, and what the document knows.
 *
 * A phrase is a run of words that can sit in a noun phrase (determiners,
 * adjectives, nouns, names, 's) holding zero or more entities.  Its actor
 * is the name at its head (a person or organisation before a country
 * adjective: "his Chinese counterpart Wang Yi" is Wang Yi).  A bare country
 * with a role noun after it takes a sector ("South Korea's envoy" is
 * KORGOV, "Russian troops" RUSMIL).  Around a phrase: appositions ("the
 * envoy, Kim Gunn,"), prepositional modifiers ("the envoy for North
 * Korea" is about the envoy), coordination ("Seoul, Tokyo, and
 * Washington"), pronouns and "the two sides" (from the document). */
#include <string.h>
#include <strings.h>

#include "events.h"
#include "news_err.h"

bool
ev_same_country(const ev_actor *a, const ev_actor *b)
{
	return strlen(a->code) >= 3 && strlen(b->code) >= 3 &&
	    memcmp(a->code, b->code, 3) == 0;
}

static bool
np_word(const ev_unit *u)
{
	if (u->ucls & (U_ACTOR | U_PLACE | U_OTHERENT | U_POSS_S))
		return true;
	if (!(u->ucls & U_WORD))
		return false;
	uint64_t w = u->wcls;
	if (w & (W_DET | W_POSS | W_ADJ | W_NOUN | W_ROLE | W_MILROLE | W_SELF |
	    W_PAIR | W_BAD | W_GENERIC))
		return true;
	if (w & (W_PREP | W_CONJ | W_SUB | W_THAT | W_TO | W_AUX | W_FUT | W_SPEC |
	    W_MUST | W_SHOULD | W_NEG | W_VERB | W_SPEECH | W_PRON | W_ADV | W_COND |
	    W_COMPLEMENT | W_NEGVERB))
		return false;
	return true;
}

static bool
is_named(const ev_sent *s, int u)
{
	const ev_entity *e = &s->ents[s->units[u].ent];
	return strcmp(e->type, "PERSON") == 0 || strcmp(e->type, "ORG") == 0 ||
	    strcmp(e->type, "ACTOR") == 0;
}

static bool
is_person(const ev_sent *s, int u)
{
	return s->units[u].ent >= 0 &&
	    strcmp(s->ents[s->units[u].ent].type, "PERSON") == 0;
}

/* A name, or a role noun for one person: what "he" and "him" refer to. */
static bool
person_like(const ev_sent *s, int u)
{
	return (s->units[u].ucls & U_PERSON) != 0;
}

bool
ev_unit_actor(const ev_sent *s, int u, ev_actor *out)
{
	const ev_unit *un = &s->units[u];
	if (!(un->ucls & U_ACTOR))
		return false;
	const ev_entity *e = &s->ents[un->ent];
	memset(out, 0, sizeof *out);
	out->text = e->text;
	out->len = e->len;
	ev_strlcpy(out->code, sizeof out->code, e->code);
	out->unit = u;
	out->person = strcmp(e->type, "PERSON") == 0 || strcmp(e->type, "ACTOR") == 0;
	return true;
}

static void
add_sector(ev_actor *a, const char *sector)
{
	size_t n = strlen(sector);
	if (n && strlen(a->code) == 3 && 3 + n < sizeof a->code)
		memcpy(a->code + 3, sector, n + 1);
}

/* The sector a role noun in units [from, to] gives, or "". */
static const char *
role_sector(const ev_sent *s, int from, int to)
{
	for (int u = from; u <= to; u++) {
		if (s->units[u].wcls & W_ROLE)
			return "GOV";
		if (s->units[u].wcls & W_MILROLE)
			return "MIL";
	}
	return "";
}

static bool
word_is(const ev_sent *s, int u, const char *w)
{
	const ev_unit *un = &s->units[u];
	size_t n = strlen(w);
	return un->b1 - un->b0 == n && strncasecmp(s->text + un->b0, w, n) == 0;
}

static bool
mem_get(const ev_mem *m, ev_actor *out)
{
	if (!m->have)
		return false;
	*out = m->a;
	out->unit = -1;
	return true;
}

static bool
dyad_get(const ev_docctx *d, ev_actors *out)
{
	if (!d || !d->dyad[0].have || !d->dyad[1].have)
		return false;
	mem_get(&d->dyad[0], &out->a[0]);
	mem_get(&d->dyad[1], &out->a[1]);
	out->n = 2;
	out->pair = true;
	return true;
}

/* A pronoun at unit u: its antecedent from the document. */
static bool
resolve_pronoun(const ev_sent *s, const ev_docctx *d, int u, ev_actors *out)
{
	out->pronoun = true;
	if (!d)
		return false;
	static const char *const personal[] = { "he", "she", "him", "his", "her", 0 };
	static const char *const group[] = { "it", "its", 0 };
	static const char *const plural[] = { "they", "them", "their", 0 };
	for (int i = 0; personal[i]; i++)
		if (word_is(s, u, personal[i])) {
			/* "Macron pressed him": an object is not its own clause's
			 * subject ("him", and "her" with no noun after it) */
			bool object = word_is(s, u, "him") || (word_is(s, u, "her") &&
			    (u + 1 >= (int)s->n_units || !np_word(&s->units[u + 1])));
			bool same_clause = true;
			for (int k = u - 1; k >= 0; k--) {
				const ev_unit *un = &s->units[k];
				if ((un->ucls & (U_COMMA | U_BOUND | U_END | U_QUOTE)) ||
				    (un->wcls & (W_SUB | W_THAT | W_CONJ | W_SPEECH)))
					same_clause = false;
				if (object && same_clause)
					continue;
				if (person_like(s, k) && (un->ucls & U_ACTOR))
					return ev_unit_actor(s, k, &out->a[0]) && (out->n = 1);
			}
			return mem_get(&d->person, &out->a[0]) && (out->n = 1);
		}
	for (int i = 0; group[i]; i++)
		if (word_is(s, u, group[i])) {
			/* not a place where something happened: "in Gaza" */
			for (int k = u - 1; k >= 0; k--)
				if ((s->units[k].ucls & U_ACTOR) && !is_person(s, k) &&
				    strcmp(s->ents[s->units[k].ent].type, "NORP") != 0 &&
				    !(k > 0 && (s->units[k - 1].wcls & W_LOCPREP)))
					return ev_unit_actor(s, k, &out->a[0]) && (out->n = 1);
			return mem_get(&d->group, &out->a[0]) && (out->n = 1);
		}
	for (int i = 0; plural[i]; i++)
		if (word_is(s, u, plural[i]))
			return dyad_get(d, out);
	return false;
}

static void
clear(ev_actors *out)
{
	out->n = 0;
	out->start = out->end = -1;
	out->pair = out->pronoun = out->in_pp = false;
	out->has_role = false;
	out->of_sector[0] = 0;
}

/* The sector of a phrase that names a role and no one ("the leaders",
 * "the foreign ministers", news-tag's ACTOR), or NULL. */
static const char *
bare_role(const ev_sent *s, const ev_actors *head, char *buf, size_t cap)
{
	if (head->start < 0)
		return NULL;
	if (head->n == 1 && head->a[0].unit >= 0 &&
	    s->units[head->a[0].unit].ent >= 0 &&     /* not a tagged entity */
	    strcmp(s->ents[s->units[head->a[0].unit].ent].type, "ACTOR") == 0) {
		const char *c = head->a[0].code;
		if (strlen(c) <= 3)
			return NULL;
		ev_strlcpy(buf, cap, c + 3);
		return buf;
	}
	if (head->n == 0) {
		const char *sec = role_sector(s, head->start, head->end);
		if (sec[0]) {
			ev_strlcpy(buf, cap, sec);
			return buf;
		}
	}
	return NULL;
}

bool
ev_possessor(const ev_sent *s, const ev_docctx *d, int u, ev_actors *out)
{
	clear(out);
	out->start = out->end = u;
	if (!resolve_pronoun(s, d, u, out))
		out->n = 0;
	return out->n > 0;
}

/* The actors of the run [a, b] (no coordination, no apposition). */
static void
run_actors(const ev_sent *s, const ev_docctx *d, int a, int b, bool left,
    ev_actors *out)
{
	int best = -1;
	for (int u = a; u <= b; u++) {
		if (!(s->units[u].ucls & U_ACTOR))
			continue;
		if (best < 0 || is_named(s, u) || (left && !is_named(s, best)))
			if (!(best >= 0 && is_named(s, best) && !is_named(s, u)))
				best = u;
	}
	/* "Algeria's U.N. envoy": a country's envoy to the organisation */
	if (best >= 0 && strncmp(s->ents[s->units[best].ent].code, "IGO", 3) == 0 &&
	    role_sector(s, best + 1, b)[0])
		for (int u = a; u < best; u++)
			if ((s->units[u].ucls & U_ACTOR) &&
			    strcmp(s->ents[s->units[u].ent].type, "GPE") == 0) {
				best = u;
				break;
			}
	out->start = a;
	out->end = b;
	if (best >= 0) {
		ev_unit_actor(s, best, &out->a[0]);
		const char *sector = role_sector(s, best + 1, b);
		if (sector[0] && strlen(out->a[0].code) == 3) {
			add_sector(&out->a[0], sector);
			out->has_role = true;
		}
		/* news-tag's ACTOR is a role noun: "US diplomats" */
		if (strcmp(s->ents[s->units[best].ent].type, "ACTOR") == 0 &&
		    strlen(out->a[0].code) > 3)
			out->has_role = true;
		out->n = 1;
		return;
	}
	/* "the two sides", "both ministers" */
	for (int u = a; u <= b; u++)
		if (s->units[u].wcls & W_PAIR) {
			dyad_get(d, out);
			return;
		}
	/* "his country", "its government" */
	for (int u = a; u < b; u++)
		if ((s->units[u].wcls & W_POSS) && (s->units[u + 1].wcls & W_SELF)) {
			ev_actors p;
			clear(&p);
			if (resolve_pronoun(s, d, u, &p) && p.n == 1) {
				out->a[0] = p.a[0];
				out->a[0].code[3] = 0;
				out->a[0].unit = u;
				out->a[0].text = s->text + s->units[u].b0;
				out->a[0].len = s->units[u + 1].b1 - s->units[u].b0;
				out->pronoun = true;
				out->n = 1;
			}
			return;
		}
}

/* How far phrase_left() widens a phrase over modifiers and appositions
 * ("the envoy for North Korea, Kim Gunn" takes two): a sentence that is a
 * list of 100,000 names separated by commas recursed 100,000 deep (a
 * stack overflow) and in quadratic time. */
#define NP_MAX_DEPTH 4

/* A phrase ending at i: a run, widened over a prepositional modifier and
 * an apposition. */
static bool
phrase_left(const ev_sent *s, const ev_docctx *d, int i, int lo, ev_actors *out,
    int depth)
{
	clear(out);
	if (i < lo)
		return false;
	if (s->units[i].wcls & W_PRON) {
		out->start = out->end = i;
		return resolve_pronoun(s, d, i, out);
	}
	int a = i;
	while (a >= lo && np_word(&s->units[a]))
		a--;
	a++;
	if (a > i)
		return false;
	run_actors(s, d, a, i, true, out);
	/* "the envoy for North Korea", "Britain's ambassador to the U.N.":
	 * the phrase is the envoy */
	if (depth < NP_MAX_DEPTH && a - 2 >= lo && (s->units[a - 1].wcls & W_PREP) &&
	    (!(s->units[a - 1].wcls & W_TO) || (s->units[a - 2].wcls & W_ROLE) ||
	    ((s->units[a - 2].ucls & U_ACTOR) &&
	    strcmp(s->ents[s->units[a - 2].ent].type, "ACTOR") == 0)) &&
	    np_word(&s->units[a - 2])) {
		ev_actors head;
		phrase_left(s, d, a - 2, lo, &head, depth + 1);
		/* "the leaders of Venezuela (and Guyana)": the countries, with
		 * the role's sector */
		char sec[8];
		if (word_is(s, a - 1, "of") && out->n == 1 && strlen(out->a[0].code) == 3 &&
		    bare_role(s, &head, sec, sizeof sec)) {
			add_sector(&out->a[0], sec);
			ev_strlcpy(out->of_sector, sizeof out->of_sector, sec);
			out->start = head.start;
			return true;
		}
		if (head.start >= 0) {
			*out = head;
			out->end = i;
			return out->n > 0;
		}
	}
	if (a - 1 >= lo && (s->units[a - 1].wcls & W_PREP))
		out->in_pp = true;
	/* apposition: "South Korea's envoy, Kim Gunn" */
	if (depth < NP_MAX_DEPTH && a - 2 >= lo && (s->units[a - 1].ucls & U_COMMA) &&
	    np_word(&s->units[a - 2])) {
		ev_actors first;
		phrase_left(s, d, a - 2, lo, &first, depth + 1);
		if (first.start >= 0 && !first.in_pp) {
			bool b_person = out->n == 1 && out->a[0].unit >= 0 &&
			    is_person(s, out->a[0].unit);
			if (b_person && (first.n == 0 || ev_same_country(&first.a[0], &out->a[0]) ||
			    first.has_role)) {
				if (first.n == 1 && ev_same_country(&first.a[0], &out->a[0]) &&
				    strlen(first.a[0].code) > strlen(out->a[0].code))
					snprintf(out->a[0].code, sizeof out->a[0].code, "%s",
					    first.a[0].code);
				out->start = first.start;
			} else if (out->n == 0 && first.n > 0) {
				int end = out->end;
				*out = first;
				out->end = end;
			}
		}
	}
	return out->n > 0;
}

/* Is unit k a hyphen between words ("Russia-Ukraine")? */
static bool
hyphen_at(const ev_sent *s, int k)
{
	return k >= 0 && (size_t)k < s->n_units && (s->units[k].ucls & U_PUNCT) &&
	    s->units[k].b1 - s->units[k].b0 == 1 && s->text[s->units[k].b0] == '-';
}

/* A verb that ends a clause's subject: a known verb in the past or
 * present, not a word that is also a noun or adjective. */
bool
ev_finite_verb(const ev_unit *u)
{
	return (u->ucls & U_WORD) && (u->wcls & W_VERB) &&
	    !(u->wcls & (W_NOUN | W_ADJ)) && (u->form == F_PAST || u->form == F_S);
}

/* Are the units [a, b) determiners ("the", "both")? */
static bool
only_determiners(const ev_sent *s, int a, int b)
{
	for (int u = a; u < b; u++)
		if (!(s->units[u].ucls & U_WORD) || !(s->units[u].wcls & W_DET))
			return false;
	return true;
}

bool
ev_np_left(const ev_sent *s, const ev_docctx *d, int i, int lo, ev_actors *out)
{
	if (!phrase_left(s, d, i, lo, out, 0))
		return false;
	if (out->pair || out->in_pp)
		return true;
	/* coordination, right to left: "Seoul, Tokyo, and Washington" */
	bool saw_and = false;
	int st = out->start;
	while (out->n < EV_MAX_ACTORS) {
		int k = st - 1;
		bool sep = false;
		if (k >= lo && (s->units[k].wcls & W_CONJ) && !word_is(s, k, "but")) {
			saw_and = true;
			sep = true;
			k--;
			if (k >= lo && (s->units[k].ucls & U_COMMA))
				k--;
		} else if (k >= lo && saw_and && (s->units[k].ucls & U_COMMA)) {
			sep = true;
			k--;
		} else if (hyphen_at(s, k) && k - 1 >= lo && (s->units[k - 1].ucls & U_ACTOR)) {
			/* "the U.S.-Indian exercise" */
			sep = true;
			k--;
		}
		if (!sep)
			break;
		ev_actors c;
		if (!phrase_left(s, d, k, lo, &c, 0) || c.in_pp || c.pair || c.n != 1)
			break;
		/* "Israel bombed Gaza and Hezbollah fired": Gaza is the object
		 * of the clause before, not a subject */
		if (c.start > lo && ev_finite_verb(&s->units[c.start - 1]))
			break;
		/* "Chinese and US diplomats", "the Indian and Japanese defence
		 * ministers": the head noun is shared (only determiners may come
		 * before the first adjective) */
		if (out->has_role && c.a[0].unit == c.end && only_determiners(s, c.start, c.end))
			add_sector(&c.a[0], out->a[0].code + 3);
		memmove(&out->a[1], &out->a[0], (size_t)out->n * sizeof out->a[0]);
		out->a[0] = c.a[0];
		out->n++;
		out->start = st = c.start;
		if (c.of_sector[0]) {
			for (int j = 1; j < out->n; j++)
				add_sector(&out->a[j], c.of_sector);
			break;
		}
	}
	return true;
}

/* A phrase starting at i: a run, and an apposition after it. */
static bool
phrase_right(const ev_sent *s, const ev_docctx *d, int i, int hi, ev_actors *out)
{
	clear(out);
	if (i > hi)
		return false;
	/* "released her": "her" without a noun after it is the object */
	if ((s->units[i].wcls & W_PRON) || ((s->units[i].wcls & W_POSS) &&
	    (i + 1 > hi || !np_word(&s->units[i + 1])) &&
	    word_is(s, i, "her"))) {
		out->start = out->end = i;
		return resolve_pronoun(s, d, i, out);
	}
	int b = i;
	while (b <= hi && np_word(&s->units[b]))
		b++;
	b--;
	if (b < i)
		return false;
	/* the possessor of "his Chinese counterpart" is not the actor */
	run_actors(s, d, i, b, false, out);
	/* "the city of Kherson", "members of Hamas": a phrase without an
	 * actor stands for the actor of its "of" phrase */
	if (out->n == 0 && !out->pronoun && b + 2 <= hi && word_is(s, b + 1, "of") &&
	    !bare_role(s, out, (char[8]){ 0 }, 8)) {
		ev_actors of;
		if (phrase_right(s, d, b + 2, hi, &of) && of.n == 1 && !of.pair) {
			*out = of;
			out->start = i;
			return true;
		}
	}
	/* "the foreign ministers of Japan and Korea": the countries */
	char sec[8];
	if (b + 2 <= hi && word_is(s, b + 1, "of") && bare_role(s, out, sec, sizeof sec)) {
		ev_actors of;
		if (ev_np_right(s, d, b + 2, hi, &of) && of.n >= 1 && !of.pair) {
			bool countries = true;
			for (int k = 0; k < of.n; k++)
				countries = countries && strlen(of.a[k].code) == 3;
			if (countries) {
				*out = of;
				for (int k = 0; k < out->n; k++)
					add_sector(&out->a[k], sec);
				out->start = i;
				out->has_role = true;
				return true;
			}
		}
	}
	if (out->pronoun && out->n == 1 && (s->units[i].wcls & W_POSS) &&
	    !(s->units[i + 1 <= b ? i + 1 : i].wcls & W_SELF))
		out->n = 0;
	/* apposition: "his American counterpart, Sung Kim," */
	if (b + 2 <= hi && (s->units[b + 1].ucls & U_COMMA) &&
	    (s->units[b + 2].ucls & U_ACTOR) && is_person(s, b + 2)) {
		int e = b + 2;
		while (e + 1 <= hi && np_word(&s->units[e + 1]))
			e++;
		bool closed = e + 1 > hi || (s->units[e + 1].ucls & (U_COMMA | U_END | U_BOUND));
		if (closed && (out->n == 0 || out->has_role)) {
			ev_actor p;
			ev_unit_actor(s, b + 2, &p);
			if (out->n == 1 && ev_same_country(&out->a[0], &p) &&
			    strlen(out->a[0].code) > strlen(p.code))
				ev_strlcpy(p.code, sizeof p.code, out->a[0].code);
			out->a[0] = p;
			out->n = 1;
			out->end = e;
		}
	}
	return out->n > 0;
}

bool
ev_np_right(const ev_sent *s, const ev_docctx *d, int i, int hi, ev_actors *out)
{
	if (!phrase_right(s, d, i, hi, out)) {
		/* "between Kim and Putin" with Kim unknown: the actors there are */
		int e = out->end;
		if (out->pronoun || e < i || e + 2 > hi || !(s->units[e].ucls & U_OTHERENT) ||
		    !word_is(s, e + 1, "and") || !phrase_right(s, d, e + 2, hi, out))
			return false;
	}
	if (out->pair)
		return true;
	/* coordination: "Seoul and the United States", "A, B and C" */
	while (out->n < EV_MAX_ACTORS) {
		int k = out->end + 1;
		if (k > hi)
			break;
		bool comma = false;
		/* "a U.S.-Indian exercise": actors joined by a hyphen */
		if (hyphen_at(s, k) && k + 1 <= hi && (s->units[k + 1].ucls & U_ACTOR) &&
		    out->a[out->n - 1].unit == k - 1) {
			ev_actors c;
			if (!phrase_right(s, d, k + 1, hi, &c) || c.pair || c.n != 1)
				break;
			out->a[out->n++] = c.a[0];
			out->end = c.end;
			continue;
		}
		if (s->units[k].ucls & U_COMMA) {
			comma = true;
			k++;
		}
		bool conj = false;
		if (k <= hi && (s->units[k].wcls & W_CONJ) && !word_is(s, k, "but")) {
			conj = true;
			k++;
		}
		if (!comma && !conj)
			break;
		ev_actors c;
		if (k > hi || !phrase_right(s, d, k, hi, &c) || c.pair || c.n != 1)
			break;
		/* "A, B and C": a comma alone joins only in a list "and" ends */
		if (!conj) {
			int e = c.end + 1;
			bool list = e <= hi && (((s->units[e].wcls & W_CONJ) &&
			    !word_is(s, e, "but")) || ((s->units[e].ucls & U_COMMA) &&
			    e + 1 <= hi && (s->units[e + 1].wcls & W_CONJ)));
			if (!list)
				break;
		}
		/* "his American and Chinese counterparts": a shared head noun */
		int last = out->n - 1;
		if (c.has_role && out->a[last].unit == out->end)
			add_sector(&out->a[last], c.a[0].code + 3);
		out->a[out->n++] = c.a[0];
		out->end = c.end;
	}
	return true;
}

/* ---- the document ----------------------------------------------------------- */

void
ev_doc_reset(ev_docctx *d)
{
	d->n_names = 0;
	d->person.have = d->group.have = false;
	d->dyad[0].have = d->dyad[1].have = false;
}

void
ev_doc_free(ev_docctx *d)
{
	news_buf_free(&d->doc);
}

static void
remember(ev_mem *m, const ev_actor *a)
{
	ev_mem tmp;     /* a may point into m itself */
	tmp.a = *a;
	size_t n = a->len < sizeof tmp.buf ? a->len : sizeof tmp.buf - 1;
	while (n < a->len && n && (a->text[n] & 0xC0) == 0x80)
		n--;
	memcpy(tmp.buf, a->text, n);
	tmp.a.len = n;
	*m = tmp;
	m->a.text = m->buf;
	m->a.unit = -1;
	m->have = true;
}

void
ev_doc_set_dyad(ev_docctx *d, const ev_actor *a, const ev_actor *b)
{
	ev_mem ma, mb;
	/* "Wang met Park" then "Wang's visit to Seoul": still Wang and Park */
	const ev_actor *in[2] = { a, b };
	for (int i = 0; i < 2; i++)
		for (int k = 0; k < 2; k++)
			if (d->dyad[k].have && ev_same_country(&d->dyad[k].a, in[i]) &&
			    strlen(d->dyad[k].a.code) > strlen(in[i]->code))
				in[i] = &d->dyad[k].a;
	a = in[0];
	b = in[1];
	remember(&ma, a);
	remember(&mb, b);
	d->dyad[0] = ma;
	d->dyad[0].a.text = d->dyad[0].buf;
	d->dyad[1] = mb;
	d->dyad[1].a.text = d->dyad[1].buf;
}

/* Remember the first and last words of a person's name ("Park Jin",
 * "Tony Blinken") for later mentions the tagger left untagged. */
static void
note_name(ev_docctx *d, const ev_entity *e)
{
	const char *t = e->text, *end = e->text + e->len;
	const char *sp = memchr(t, ' ', e->len);
	if (!sp)
		return;
	const char *last = end;
	while (last > t && last[-1] != ' ')
		last--;
	const char *part[2] = { t, last };
	size_t len[2] = { (size_t)(sp - t), (size_t)(end - last) };
	for (int k = 0; k < 2; k++) {
		if (len[k] < 3 || len[k] >= sizeof d->names[0].word)
			continue;
		int slot = -1;
		for (int i = 0; i < d->n_names; i++)
			if (strlen(d->names[i].word) == len[k] &&
			    memcmp(d->names[i].word, part[k], len[k]) == 0)
				slot = i;
		if (slot < 0) {
			if (d->n_names == EV_MAX_NAMES)
				continue;
			slot = d->n_names++;
			memcpy(d->names[slot].word, part[k], len[k]);
			d->names[slot].word[len[k]] = 0;
			ev_strlcpy(d->names[slot].code, sizeof d->names[slot].code, e->code);
		} else if (strcmp(d->names[slot].code, e->code) != 0) {
			d->names[slot].code[0] = 0;     /* two people: ambiguous */
		}
	}
}

void
ev_doc_names(const ev_docctx *d, ev_sent *s)
{
	if (!d->n_names)
		return;
	for (size_t u = 0; u < s->n_units; u++) {
		ev_unit *un = &s->units[u];
		if (!(un->ucls & U_WORD) || un->wcls || s->text[un->b0] < 'A' ||
		    s->text[un->b0] > 'Z')
			continue;
		/* not part of a longer capitalised name */
		if ((u + 1 < s->n_units && (s->units[u + 1].ucls & U_CAP)) ||
		    (u > 0 && (s->units[u - 1].ucls & U_CAP)))
			continue;
		size_t len = un->b1 - un->b0;
		for (int i = 0; i < d->n_names; i++) {
			if (!d->names[i].code[0] || strlen(d->names[i].word) != len ||
			    memcmp(d->names[i].word, s->text + un->b0, len) != 0)
				continue;
			if (s->n_ents == s->cap_ents) {
				s->cap_ents = s->cap_ents ? s->cap_ents * 2 : 16;
				s->ents = news_xrealloc(s->ents, s->cap_ents * sizeof *s->ents);
			}
			ev_entity *e = &s->ents[s->n_ents];
			memset(e, 0, sizeof *e);
			e->text = s->text + un->b0;
			e->len = len;
			snprintf(e->type, sizeof e->type, "PERSON");
			ev_strlcpy(e->code, sizeof e->code, d->names[i].code);
			e->has_code = true;
			e->b0 = un->b0;
			e->b1 = un->b1;
			un->ent = (int32_t)s->n_ents++;
			un->ucls = U_ACTOR | U_PERSON;
			un->lex = -1;
			break;
		}
	}
}

void
ev_doc_note(ev_docctx *d, const ev_sent *s)
{
	for (size_t u = 0; u < s->n_units; u++) {
		ev_actor a;
		if (!ev_unit_actor(s, (int)u, &a))
			continue;
		const ev_entity *e = &s->ents[s->units[u].ent];
		if (strcmp(e->type, "PERSON") == 0)
			note_name(d, e);
		if (strcmp(e->type, "PERSON") == 0)
			remember(&d->person, &a);
		else if (strcmp(e->type, "NORP") != 0)
			remember(&d->group, &a);
	}
}
