/* ev_code.c: from a sentence's units to events.
 *
 * Outline:
 *  1. find every dictionary pattern in the sentence, keep the most
 *     specific where matches overlap;
 *  2. for each trigger, read the verb group before it (negation,
 *     speculation, future, must/should), find its subject (leftwards,
 *     past appositions, parentheticals and coordinated verbs), and its
 *     target (the pattern's @T, else the first actor after it outside
 *     place and topic phrases); passives swap the two; a trigger in the
 *     infinitive of another ("urged X to halt") is that trigger's content;
 *  3. reported speech: "A said (that) CLAUSE" and quotations.  A clause
 *     whose subject is A's own country is A's own statement; a clause
 *     "B must ..." or "B should ..." is a demand or an appeal of A to B;
 *     "B is aggressive", "B's behaviour poses a threat" is A's charge
 *     against B (the only events coded without a dictionary trigger, and
 *     capped per sentence);
 *  4. a trigger without a target takes one from "In a meeting with B, ..."
 *     or from the person spoken to, or (for statements of a person) the
 *     other party of the document's last exchange;
 *  5. one event per source and target actor; none where source and
 *     target are the same; duplicates within the sentence go. */
#include <string.h>
#include <strings.h>

#include "events.h"

#define MAX_MATCHES 64

typedef struct match {
	const ev_pattern *p;
	int u0, u1;             /* units [u0, u1) */
	ev_actors S, T;
	bool has_S, has_T;
	bool dead;
	int gov;                /* the "agree+ to" whose infinitive this is, or -1 */
} match;

typedef struct coder {
	const ev_sent *s;
	const ev_lex *lx;
	ev_docctx *d;
	const ev_coder_opts *o;
	ev_result *r;
	match m[MAX_MATCHES];
	int n_m;
	int n_fallback;
	bool passive;           /* matching a trigger in the passive */
} coder;

static inline const ev_unit *
U(const coder *c, int i)
{
	return &c->s->units[i];
}

static inline int
last_unit(const coder *c)
{
	return (int)c->s->n_units - 1;
}

static bool
unit_is(const coder *c, int u, const char *w)
{
	const ev_unit *un = U(c, u);
	size_t n = strlen(w);
	return un->b1 - un->b0 == n && strncasecmp(c->s->text + un->b0, w, n) == 0;
}

static bool
is_word(const coder *c, int u)
{
	return (U(c, u)->ucls & U_WORD) != 0;
}

static bool
in_word_set(const ev_ptok *t, int32_t lex)
{
	for (uint32_t k = 0; k < t->n_words; k++)
		if ((int32_t)t->words[k] == lex)
			return true;
	return false;
}

typedef struct vgroup {
	uint64_t flags;         /* W_NEG W_SPEC W_FUT W_MUST W_SHOULD W_BE ... */
	int start;              /* first unit of the verb group */
	int governor;           /* "to VERB": the verb before "to", or -1 */
} vgroup;
static void read_verb_group(const coder *c, int t, vgroup *g);

/* ---- 1. patterns ---------------------------------------------------------- */

/* Units a pattern steps over between its words: a date ("agreed on
 * Friday to"), an adverb ("met again with"). */
static int
skip_filler(const coder *c, const ev_ptok *t, int u)
{
	int hi = last_unit(c);
	for (;;) {
		if (u > hi)
			return u;
		const ev_unit *un = U(c, u);
		if (un->ucls & U_DATE) {
			u++;
			continue;
		}
		/* "on Friday", "earlier this week" */
		if ((un->wcls & W_PREP) && u + 1 <= hi && (U(c, u + 1)->ucls & U_DATE) &&
		    !(t->kind == PT_WORDS && in_word_set(t, un->lex))) {
			u += 2;
			continue;
		}
		if ((un->ucls & U_WORD) && (un->wcls & W_ADV) && !(un->wcls & (W_PREP |
		    W_DET | W_CONJ | W_SUB | W_NEG | W_ADJ)) &&
		    !(t->kind == PT_WORDS && in_word_set(t, un->lex))) {
			u++;
			continue;
		}
		return u;
	}
}

/* A role noun news-tag made an entity ("the Russian ambassador") still
 * matches its word in a pattern: its last word. */
static bool
entity_word_in(const coder *c, int u, const ev_ptok *t)
{
	const ev_unit *un = U(c, u);
	if (!(un->ucls & U_ACTOR) || strcmp(c->s->ents[un->ent].type, "ACTOR") != 0)
		return false;
	const char *b = c->s->text + un->b0, *e = c->s->text + un->b1;
	const char *w = e;
	while (w > b && w[-1] != ' ')
		w--;
	char low[48];
	size_t n = (size_t)(e - w);
	if (n == 0 || n >= sizeof low)
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	return in_word_set(t, ev_lex_find(c->lx, low, n));
}

/* "a ceasefire and peace talks", "up to 38 percent": joining words a
 * gap may hold (nouns joined by and/or; "up to"). */
static bool adjectival_actor(const coder *c, int w);

static bool
gap_joiner(const coder *c, int w)
{
	const ev_unit *un = U(c, w);
	if ((un->wcls & W_TO) && w > 0 && unit_is(c, w - 1, "up"))
		return true;
	if (!(un->wcls & W_CONJ) || !(unit_is(c, w, "and") || unit_is(c, w, "or")))
		return false;
	if (w == 0 || w + 1 > last_unit(c))
		return false;
	/* "the U.S. and British accusations" */
	if (adjectival_actor(c, w - 1) && adjectival_actor(c, w + 1))
		return true;
	if (!(U(c, w - 1)->ucls & U_WORD))
		return false;
	const ev_unit *nx = U(c, w + 1);
	return (nx->ucls & U_WORD) && !(nx->wcls & (W_PRON | W_SUB | W_THAT | W_DET |
	    W_POSS | W_AUX | W_FUT | W_SPEC | W_NEG)) &&
	    (!(nx->wcls & W_VERB) || (nx->wcls & W_NOUN) || nx->form == F_S ||
	    nx->form == F_BASE);
}

/* An actor that modifies the noun after it: "Chinese (and Russian)
 * bomber flights", "the U.S. accusations".  A pattern's gap steps over
 * it; the target is then found among the words the gap held. */
static bool
adjectival_actor(const coder *c, int w)
{
	if (w < 0 || w >= last_unit(c) || !(U(c, w)->ucls & U_ACTOR))
		return false;
	const char *ty = c->s->ents[U(c, w)->ent].type;
	if (strcmp(ty, "NORP") != 0 && strcmp(ty, "GPE") != 0)
		return false;
	const ev_unit *nx = U(c, w + 1);
	if (unit_is(c, w + 1, "and") && w + 2 <= last_unit(c) && (U(c, w + 2)->ucls & U_ACTOR))
		return true;
	/* "U.S.-made missiles": a compound modifier */
	if ((nx->ucls & U_PUNCT) && c->s->text[nx->b0] == '-' && w + 2 <= last_unit(c) &&
	    (U(c, w + 2)->ucls & U_WORD))
		return true;
	return (nx->ucls & U_WORD) && !(nx->wcls & (W_PREP | W_CONJ | W_SUB | W_THAT | W_TO |
	    W_AUX | W_FUT | W_SPEC | W_NEG | W_PRON | W_DET | W_POSS | W_ADV)) &&
	    (!(nx->wcls & W_VERB) || (nx->wcls & (W_NOUN | W_ADJ)));
}

static bool
match_from(coder *c, match *m, uint32_t k, int u)
{
	const ev_pattern *p = m->p;
	int hi = last_unit(c);
	if (k == p->n_toks) {
		m->u1 = u;
		return true;
	}
	const ev_ptok *t = &p->toks[k];
	if (k > 0 && t->kind != PT_GAP)
		u = skip_filler(c, t, u);
	switch (t->kind) {
	case PT_WORDS:
		if (u <= hi && (U(c, u)->ucls & U_POSS_S) &&
		    in_word_set(t, ev_lex_find(c->lx, "'s", 2)))
			return match_from(c, m, k + 1, u + 1);
		if (k > 0 && u <= hi && entity_word_in(c, u, t))
			return match_from(c, m, k + 1, u + 1);
		if (u > hi || !is_word(c, u) || !in_word_set(t, U(c, u)->lex))
			return false;
		return match_from(c, m, k + 1, u + 1);
	case PT_ANY:
		if (u > hi || !is_word(c, u) ||
		    (U(c, u)->wcls & (W_CONJ | W_SUB | W_THAT)))
			return false;
		return match_from(c, m, k + 1, u + 1);
	case PT_GAP:
		for (int g = 0; g <= 5; g++) {
			if (g > 0) {
				int w = u + g - 1;
				/* "a state visit", "its working visit": a verb's word
				 * after a determiner is a noun's modifier */
				bool modifier = w > u && (U(c, w - 1)->wcls & (W_DET | W_POSS)) &&
				    !(U(c, w)->wcls & (W_SUB | W_THAT | W_CONJ | W_TO));
				bool compound = ((U(c, w)->ucls & U_PUNCT) && adjectival_actor(c, w - 1)) ||
				    (w >= 2 && (U(c, w - 1)->ucls & U_PUNCT) && adjectival_actor(c, w - 2));
				if (w > hi || (!(U(c, w)->ucls & (U_WORD | U_QUOTE | U_OTHERENT | U_DATE)) &&
				    !adjectival_actor(c, w) && !compound) ||
				    ((U(c, w)->wcls & (W_SUB | W_THAT | W_CONJ | W_SPEECH | W_TO)) &&
				    !gap_joiner(c, w) && !modifier) ||
				    ((U(c, w)->wcls & W_VERB) && !(U(c, w)->wcls & (W_NOUN | W_ADJ)) &&
				    !modifier && !compound))
					return false;
			}
			if (match_from(c, m, k + 1, u + g))
				return true;
		}
		return false;
	case PT_SLOT_S:
	case PT_SLOT_T: {
		ev_actors a;
		/* "Kyiv was attacked": the object is the subject now */
		if (t->kind == PT_SLOT_T && c->passive && !m->p->noun)
			return match_from(c, m, k + 1, u);
		/* "between @S and @T": the slot ends where the pattern's "and" is */
		bool next_conj = k + 1 < p->n_toks && p->toks[k + 1].kind == PT_WORDS &&
		    p->toks[k + 1].n_words && (ev_lex_class(c->lx,
		    (int32_t)p->toks[k + 1].words[0]) & W_CONJ);
		int v = u;
		while (v <= hi && (U(c, v)->ucls & U_QUOTE))
			v++;
		if (next_conj) {
			if (!ev_np_right(c->s, c->d, v, hi, &a) || a.n < 1)
				return false;
			if (a.n > 1) {  /* give back the coordinated rest */
				int e = a.a[1].unit - 1;
				while (e > v && !(U(c, e)->wcls & W_CONJ))
					e--;
				if (e <= v)
					return false;
				a.n = 1;
				a.end = e - 1;
			}
		} else if (!ev_np_right(c->s, c->d, v, hi, &a)) {
			return false;
		}
		/* "@T 's support": the slot is the possessor */
		if (k + 1 < p->n_toks && p->toks[k + 1].kind == PT_WORDS &&
		    in_word_set(&p->toks[k + 1], ev_lex_find(c->lx, "'s", 2)) &&
		    a.n == 1 && a.a[0].unit >= 0 && a.a[0].unit < a.end &&
		    (U(c, a.a[0].unit + 1)->ucls & U_POSS_S))
			a.end = a.a[0].unit;
		/* the phrase as long as it goes, else shorter, down to its
		 * last actor: "gave Niger's junta one week to" */
		int last = a.a[a.n > 0 ? a.n - 1 : 0].unit;
		int full_end = a.end;
		for (int e = full_end; e >= a.start; e--) {
			if (e < full_end && (last < 0 || e < last || k + 1 == p->n_toks))
				break;
			a.end = e;
			if (t->kind == PT_SLOT_S) {
				m->S = a;
				m->has_S = true;
			} else {
				m->T = a;
				m->has_T = true;
			}
			if (match_from(c, m, k + 1, e + 1))
				return true;
		}
		return false;
	}
	}
	return false;
}

static bool
better(const match *a, const match *b)
{
	if (a->p->n_lits != b->p->n_lits)
		return a->p->n_lits > b->p->n_lits;
	if (a->u1 - a->u0 != b->u1 - b->u0)
		return a->u1 - a->u0 > b->u1 - b->u0;
	/* "sent rescue teams and humanitarian aid": humanitarian aid (073)
	 * says more than aid (070) */
	bool ga = a->p->code[2] == '0' && !a->p->code[3];
	bool gb = b->p->code[2] == '0' && !b->p->code[3];
	if (ga != gb)
		return gb;
	return a->p < b->p;
}

static void
find_matches(coder *c)
{
	c->n_m = 0;
	for (int u = 0; u <= last_unit(c); u++) {
		if (!is_word(c, u) || U(c, u)->lex < 0)
			continue;
		uint32_t n;
		const uint32_t *ids = ev_lex_patterns(c->lx, U(c, u)->lex, &n);
		for (uint32_t i = 0; i < n; i++) {
			const ev_pattern *p = ev_lex_pattern(c->lx, ids[i]);
			/* a verb pattern needs the word used as a verb */
			if (!p->noun && !(U(c, u)->wcls & W_VERB))
				continue;
			match m;        /* no zeroing: the actor arrays are large */
			m.p = p;
			m.u0 = m.u1 = u;
			m.has_S = m.has_T = m.dead = false;
			m.gov = -1;
			c->passive = false;
			if (!p->noun && (U(c, u)->form == F_PAST || U(c, u)->form == F_PART)) {
				vgroup g;
				read_verb_group(c, u, &g);
				c->passive = (g.flags & W_BE) != 0;
			}
			if (!match_from(c, &m, 0, u))
				continue;
			/* overlapping matches: keep the more specific */
			bool keep = true;
			for (int k = 0; k < c->n_m && keep; k++) {
				match *o = &c->m[k];
				if (o->dead || o->u1 <= m.u0 || m.u1 <= o->u0)
					continue;
				/* a trigger inside another's slot is its own trigger */
				if (o->u0 != m.u0 && !(m.u0 < o->u0 + (int)o->p->n_lits &&
				    o->u0 < m.u0 + (int)m.p->n_lits))
					continue;
				/* "refused to engage in talks": the outer verb governs */
				if (o->u0 < m.u0 && !o->p->noun) {
					keep = false;
					break;
				}
				if (m.u0 < o->u0 && !m.p->noun)
					o->dead = true;
				else if (better(&m, o))
					o->dead = true;
				else
					keep = false;
			}
			if (keep && c->n_m < MAX_MATCHES)
				c->m[c->n_m++] = m;
		}
	}
}

/* ---- 2. verb groups and subjects ---------------------------------------------- */


/* Units between a subject and its verb: auxiliaries, adverbs, negation,
 * dates, quotation marks. */
static bool
verb_group_unit(const coder *c, int u)
{
	const ev_unit *un = U(c, u);
	if (un->ucls & (U_DATE | U_QUOTE))
		return true;
	return (un->ucls & U_WORD) && (un->wcls & (W_AUX | W_BE | W_ADV | W_NEG |
	    W_FUT | W_SPEC | W_MUST | W_SHOULD));
}

static void
read_verb_group(const coder *c, int t, vgroup *g)
{
	g->flags = 0;
	g->governor = -1;
	int j = t - 1;
	while (j >= 0 && verb_group_unit(c, j)) {
		g->flags |= U(c, j)->wcls;
		/* "on Sunday", "in July" */
		if ((U(c, j)->ucls & U_DATE) && j > 0 && (U(c, j - 1)->wcls & W_PREP))
			j--;
		j--;
	}
	g->start = j + 1;
	/* "refused to engage", "urged X to halt": the verb that governs */
	if (j >= 0 && (U(c, j)->wcls & W_TO)) {
		int k = j - 1;
		int limit = j - 12;
		while (k >= 0 && k > limit && !(U(c, k)->ucls & (U_BOUND | U_END | U_COMMA)) &&
		    !(U(c, k)->wcls & (W_VERB | W_SPEECH | W_COMPLEMENT | W_NEGVERB |
		    W_SUB | W_THAT | W_CAUSE)))
			k--;
		if (k >= 0 && k > limit && (U(c, k)->wcls & (W_VERB | W_SPEECH |
		    W_COMPLEMENT | W_NEGVERB | W_CAUSE)))
			g->governor = k;
	}
}

static bool find_subject(coder *c, int t, int lo, ev_actors *out, int depth);

/* The verb a coordinated verb phrase shares its subject with: the nearest
 * verb to the left in the same clause. */
static int
previous_verb(const coder *c, int j, int lo)
{
	for (int k = j; k >= lo && k > j - 30; k--) {
		const ev_unit *un = U(c, k);
		if (un->ucls & (U_BOUND | U_END))
			return -1;
		if (un->wcls & (W_SUB | W_THAT))
			return -1;
		if ((un->wcls & (W_VERB | W_SPEECH)) && !(un->wcls & W_BE) &&
		    un->form != F_ING && !(k > 0 && (U(c, k - 1)->wcls & W_TO)))
			return k;
	}
	return -1;
}

static bool
subject_from(coder *c, int t, int j, int lo, ev_actors *out, int depth)
{
	if (j < lo || depth > 4)
		return false;
	const ev_unit *un = U(c, j);
	if (un->wcls & W_TO) {
		vgroup g;
		read_verb_group(c, t, &g);
		/* "prompting Algeria to withdraw": Algeria withdraws */
		if (g.governor >= 0 && (U(c, g.governor)->wcls & W_CAUSE) && j - 1 > g.governor)
			return ev_np_left(c->s, c->d, j - 1, g.governor + 1, out) && !out->in_pp;
		return g.governor >= 0 && find_subject(c, g.governor, lo, out, depth + 1);
	}
	if ((un->wcls & W_CONJ) && !(un->ucls & (U_ACTOR))) {
		int v = previous_verb(c, j - 1, lo);
		return v >= 0 && find_subject(c, v, lo, out, depth + 1);
	}
	if (un->ucls & U_COMMA) {
		/* ", saying that": the subject of the clause before */
		if (U(c, t)->form == F_ING) {
			int v = previous_verb(c, j - 1, lo);
			return v >= 0 && find_subject(c, v, lo, out, depth + 1);
		}
		if (ev_np_left(c->s, c->d, j - 1, lo, out) && !out->in_pp)
			return true;
		/* "Park, for his part, requested"; "Noh, special envoy for X, talked" */
		for (int k = j - 1; k >= lo && k > j - 14; k--) {
			const ev_unit *v = U(c, k);
			if (v->ucls & (U_BOUND | U_END))
				return false;
			if ((v->wcls & (W_VERB | W_SPEECH | W_SUB | W_THAT)) && !(v->ucls & U_ACTOR))
				return false;
			if (v->ucls & U_COMMA)
				return ev_np_left(c->s, c->d, k - 1, lo, out) && !out->in_pp;
		}
		return false;
	}
	/* "North Korea, which fired ..." */
	if ((un->wcls & W_SUB) && (unit_is(c, j, "which") || unit_is(c, j, "who"))) {
		int k = j - 1;
		if (k >= lo && (U(c, k)->ucls & U_COMMA))
			k--;
		return ev_np_left(c->s, c->d, k, lo, out) && !out->in_pp;
	}
	if (un->wcls & W_PRON || (un->ucls & (U_ACTOR | U_WORD | U_OTHERENT | U_PLACE | U_POSS_S))) {
		if (!ev_np_left(c->s, c->d, j, lo, out))
			return false;
		return !out->in_pp;
	}
	return false;
}

static bool
find_subject(coder *c, int t, int lo, ev_actors *out, int depth)
{
	vgroup g;
	read_verb_group(c, t, &g);
	out->n = 0;
	out->pair = out->pronoun = out->in_pp = out->has_role = false;
	out->of_sector[0] = 0;
	out->start = out->end = -1;
	/* "EU sanctions targeting Russian energy": a participle after a thing,
	 * not after an actor, has no actor as its subject */
	if (U(c, t)->form == F_ING && !(g.flags & W_BE) && g.start == t && t > 0) {
		const ev_unit *p = U(c, t - 1);
		if ((p->ucls & U_WORD) && (p->wcls & W_NOUN) &&
		    !(p->wcls & (W_ROLE | W_MILROLE | W_PRON | W_PLURAL | W_PAIR)))
			return false;
	}
	if (subject_from(c, t, g.start - 1, lo, out, depth))
		return true;
	out->n = 0;     /* "the ambassador to the U.N. said": not the U.N. */
	return false;
}

/* ---- targets ---------------------------------------------------------------------- */

/* The first actor after unit `from` in the same clause, outside place and
 * topic phrases. */
static bool
find_object(coder *c, int from, ev_actors *out)
{
	int hi = last_unit(c);
	for (int k = from; k <= hi && k < from + 16; ) {
		const ev_unit *un = U(c, k);
		if (un->ucls & (U_BOUND | U_END | U_COMMA))
			return false;
		if (un->wcls & (W_SUB | W_THAT | W_CONJ | W_SPEECH))
			return false;
		if ((un->wcls & W_VERB) && !(k > from && (U(c, k - 1)->wcls & W_TO)) &&
		    un->form != F_ING && !(un->wcls & (W_NOUN | W_ADJ)))
			return false;
		if (un->wcls & (W_LOCPREP | W_TOPIC)) {
			/* skip the phrase: "in Busan", "on the North's tests" */
			ev_actors skip;
			int e = k + 1;
			ev_np_right(c->s, c->d, e, hi, &skip);
			k = skip.end >= e ? skip.end + 1 : e;
			/* "on the sidelines of the ASEAN meeting" */
			while (k < hi && unit_is(c, k, "of")) {
				ev_np_right(c->s, c->d, k + 1, hi, &skip);
				k = skip.end >= k + 1 ? skip.end + 1 : k + 1;
			}
			continue;
		}
		if ((un->ucls & (U_ACTOR | U_WORD | U_OTHERENT | U_PLACE)) &&
		    !(un->wcls & (W_PREP | W_TO | W_AUX | W_ADV | W_NEG | W_VERB))) {
			if (ev_np_right(c->s, c->d, k, hi, out) && out->n > 0)
				return true;
			k = out->end >= k ? out->end + 1 : k + 1;
			continue;
		}
		k++;
	}
	return false;
}

/* "Pakistani air strikes killed eight people in Afghanistan", "missiles
 * struck energy facilities across Ukraine", "a school in Gaza City":
 * violence with no actor as its object is against the country where it
 * happened. */
static bool
place_target(coder *c, int from, ev_actors *out)
{
	int hi = last_unit(c);
	for (int k = from; k < hi && k < from + 14; k++) {
		const ev_unit *un = U(c, k);
		if ((un->ucls & (U_BOUND | U_END)) || (un->wcls & (W_THAT | W_SPEECH | W_SUB)))
			return false;
		if (!(un->wcls & W_LOCPREP) || !(unit_is(c, k, "in") ||
		    unit_is(c, k, "across") || unit_is(c, k, "near")))
			continue;
		/* "in the north of", no; "across southern and eastern Lebanon" */
		int e = k + 1;
		while (e <= hi && e < k + 6 && (U(c, e)->ucls & U_WORD) &&
		    ((U(c, e)->wcls & (W_DET | W_ADJ)) || (unit_is(c, e, "and") &&
		    e > k + 1 && (U(c, e - 1)->wcls & W_ADJ))))
			e++;
		if (e <= hi && (U(c, e)->ucls & (U_ACTOR | U_PLACE)) &&
		    (strcmp(c->s->ents[U(c, e)->ent].type, "GPE") == 0 ||
		    strcmp(c->s->ents[U(c, e)->ent].type, "LOC") == 0) &&
		    strlen(c->s->ents[U(c, e)->ent].code) >= 3) {
			ev_actor *a = &out->a[0];
			memset(a, 0, sizeof *a);
			const ev_entity *en = &c->s->ents[U(c, e)->ent];
			a->text = en->text;
			a->len = en->len;
			memcpy(a->code, en->code, 3);
			a->code[3] = 0;
			a->unit = e;
			out->n = 1;
			out->start = out->end = e;
			return true;
		}
	}
	return false;
}

/* "In a (separate) meeting with B, A ...": B, for a trigger at t. */
static bool
opening_partner(coder *c, int t, ev_actors *out)
{
	for (int k = 0; k < t && k < 12; k++) {
		if (U(c, k)->ucls & (U_COMMA | U_BOUND))
			return false;
		if (unit_is(c, k, "with") && ev_np_right(c->s, c->d, k + 1, t - 1, out))
			return true;
	}
	return false;
}

/* Is unit t in the clause that opens the sentence: no comma, clause
 * boundary or finite verb before it? */
static bool
opening_clause(const coder *c, int t)
{
	for (int k = 0; k < t; k++) {
		const ev_unit *un = U(c, k);
		if (un->ucls & (U_COMMA | U_BOUND | U_END))
			return false;
		if ((un->wcls & (W_VERB | W_SPEECH)) && !(un->wcls & W_NOUN) &&
		    un->form != F_ING)
			return false;
	}
	return true;
}

/* A word in -ing ("Following", and participles of verbs that no pattern
 * inflects). */
static bool
ends_ing(const coder *c, int u)
{
	const ev_unit *un = U(c, u);
	return un->form == F_ING || (un->b1 - un->b0 > 5 &&
	    strncasecmp(c->s->text + un->b1 - 3, "ing", 3) == 0);
}

/* "After meeting B,", "Speaking after talks with B,", "Having met B,": a
 * trigger in an opening clause whose only words before it are
 * conjunctions, prepositions, adverbs, "having" or participles. */
static bool
opening_participle(const coder *c, int t)
{
	/* after a preposition ("after talks with B") any form is a noun's */
	if (t > 3 || !(ends_ing(c, t) ||
	    (t > 0 && (U(c, t - 1)->wcls & (W_SUB | W_PREP))) ||
	    (t > 0 && unit_is(c, t - 1, "having"))))
		return false;
	for (int k = 0; k < t; k++) {
		const ev_unit *un = U(c, k);
		if (!(un->ucls & U_WORD) || (un->ucls & U_ACTOR))
			return false;
		if (!(un->wcls & (W_SUB | W_PREP | W_ADV | W_AUX)) && !ends_ing(c, k))
			return false;
	}
	return true;
}

/* The subject of the main clause after the opening clause that ends at
 * the first comma from unit `from` on ("In talks with B, A said"). */
static bool
main_clause_subject(coder *c, int from, ev_actors *out)
{
	for (int j = from; j <= last_unit(c); j++)
		if (U(c, j)->ucls & (U_COMMA | U_BOUND | U_END)) {
			if ((U(c, j)->ucls & U_COMMA) &&
			    ev_np_right(c->s, c->d, j + 1, last_unit(c), out) &&
			    out->end + 1 <= last_unit(c) &&
			    !(U(c, out->end + 1)->ucls & (U_COMMA | U_END)))
				return true;
			out->n = 0;
			return false;
		}
	return false;
}

/* Nouns of an armed attack, for "killed in a Russian strike". */
static bool
attack_noun(const coder *c, int u)
{
	static const char *const w[] = { "strike", "strikes", "airstrike",
	    "airstrikes", "air", "attack", "attacks", "raid", "raids", "bombing",
	    "bombardment", "shelling", "drone", "missile", "rocket", "ambush",
	    "assault", "offensive" };
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (unit_is(c, u, w[i]))
			return true;
	return false;
}

/* "was killed in an Israeli strike", "wounded during a Russian drone
 * attack": the actor before the attack noun, within a few units of the
 * passive trigger ending at `from`. */
static bool
attack_nationality(coder *c, int from, ev_actors *out)
{
	int hi = last_unit(c);
	for (int k = from; k <= hi && k < from + 4; k++) {
		if (U(c, k)->ucls & (U_COMMA | U_BOUND | U_END))
			return false;
		if (!unit_is(c, k, "in") && !unit_is(c, k, "during") && !unit_is(c, k, "by"))
			continue;
		int j = k + 1;
		if (j <= hi && (U(c, j)->wcls & W_DET))
			j++;
		if (j <= hi && (U(c, j)->wcls & W_ADJ))
			j++;
		if (j + 1 > hi || !(U(c, j)->ucls & U_ACTOR) || !attack_noun(c, j + 1))
			return false;
		ev_actor a;
		if (!ev_unit_actor(c->s, j, &a))
			return false;
		out->a[0] = a;
		out->n = 1;
		out->start = out->end = j;
		return true;
	}
	return false;
}

/* The "by" agent of a passive in a when/as/after clause right after a
 * passive trigger ending at `from` ("were killed on Monday when their bus
 * was hit by a Russian drone"). */
static bool
deep_agent(coder *c, int from, ev_actors *out)
{
	int hi = last_unit(c);
	bool in_clause = false;
	for (int k = from; k <= hi && k < from + 24; k++) {
		const ev_unit *un = U(c, k);
		if (un->ucls & (U_COMMA | U_BOUND | U_END | U_QUOTE))
			return false;
		if (un->wcls & (W_THAT | W_SPEECH))
			return false;
		if (un->wcls & W_SUB) {
			if (in_clause || !(unit_is(c, k, "when") || unit_is(c, k, "as") ||
			    unit_is(c, k, "after")))
				return false;
			in_clause = true;
			continue;
		}
		if (in_clause && unit_is(c, k, "by") && k > 0 && !(U(c, k - 1)->wcls & W_SUB)) {
			/* the passive: a past form right before (an adverb between) */
			int v = k - 1;
			while (v > from && (U(c, v)->wcls & W_ADV))
				v--;
			if (!(U(c, v)->wcls & W_VERB) || (U(c, v)->form != F_PAST &&
			    U(c, v)->form != F_PART && !(v > 0 && (U(c, v - 1)->wcls & W_BE))))
				return false;
			int j = k + 1;
			if (j <= hi && (U(c, j)->wcls & W_DET))
				j++;
			return ev_np_right(c->s, c->d, j, hi, out) && out->n > 0;
		}
	}
	return false;
}

/* ---- 3. reported speech ---------------------------------------------------------- */

typedef struct frame {
	bool have;
	ev_actors speaker, addressee;
	bool has_addressee;
	int clause;             /* the first unit of the reported clause */
	int verb;
} frame;

/* The frame of a speech verb at v whose clause starts at `clause`. */
static bool
frame_at(coder *c, int v, int clause, frame *f)
{
	memset(f, 0, sizeof *f);
	f->verb = v;
	f->clause = clause;
	/* '..., said Kim' */
	if (v > 0 && (U(c, v - 1)->ucls & (U_COMMA | U_QUOTE)) && v + 1 <= last_unit(c) &&
	    ev_np_right(c->s, c->d, v + 1, last_unit(c), &f->speaker)) {
		f->have = true;
		return true;
	}
	if (!find_subject(c, v, 0, &f->speaker, 0))
		return false;
	f->have = true;
	if (clause > v + 1 && ev_np_right(c->s, c->d, v + 1, clause - 1, &f->addressee))
		f->has_addressee = true;
	return true;
}

/* The speech frame unit t is reported in, if any. */
static bool
speech_frame(coder *c, int t, frame *f)
{
	memset(f, 0, sizeof *f);
	for (int k = t - 1; k >= 0; k--) {
		const ev_unit *un = U(c, k);
		if (un->ucls & (U_BOUND | U_END))
			break;
		if (un->wcls & W_THAT) {
			/* "said that", "told Wang that" */
			int v = k - 1;
			while (v >= 0 && v > k - 8 && !(U(c, v)->wcls & (W_SPEECH | W_VERB)) &&
			    !(U(c, v)->ucls & (U_BOUND | U_END)))
				v--;
			if (v >= 0 && (U(c, v)->wcls & W_SPEECH))
				return frame_at(c, v, k + 1, f);
			return false;
		}
		if (un->wcls & W_SPEECH) {
			/* 'said his country will', 'stated, "..."' */
			int cl = k + 1;
			while (cl <= t && (U(c, cl)->ucls & (U_COMMA | U_QUOTE | U_DATE)))
				cl++;
			if (cl < t)
				return frame_at(c, k, cl, f);
		}
	}
	/* '"...," said Kim' and '"...," Kim said': a quotation before the verb */
	int q = -1;
	for (int k = t + 1; k <= last_unit(c); k++)
		if (U(c, k)->ucls & U_QUOTE) {
			q = k;
			break;
		}
	if (q < 0)
		return false;
	for (int k = q + 1; k <= last_unit(c) && k < q + 10; k++) {
		if (U(c, k)->ucls & (U_BOUND | U_END | U_QUOTE))
			break;
		if (U(c, k)->wcls & W_SPEECH) {
			bool ok = frame_at(c, k, t, f);
			f->clause = 0;
			return ok;
		}
	}
	return false;
}

/* ---- 4. events ------------------------------------------------------------------- */

static int
root_of(const char *code)
{
	return (code[0] - '0') * 10 + (code[1] - '0');
}

/* "will impose sanctions" is a threat, "will send aid" a promise. */
static void
intent_code(const char *code, char *out, size_t cap)
{
	int r = root_of(code);
	const char *to = NULL;
	if (r == 4)
		to = "036";
	else if (r == 5)
		to = strncmp(code, "057", 3) == 0 ? "030" : "032";
	else if (r == 6)
		to = "031";
	else if (r == 7)
		to = "033";
	else if (r == 8)
		to = "035";
	else if (r == 16 || r == 17)
		to = strncmp(code, "163", 3) == 0 ? "1312" : "131";
	else if (r == 14)
		to = "133";
	else if (r >= 15)
		to = "138";
	ev_strlcpy(out, cap, to ? to : code);
}

static int
date_near(const coder *c, int t)
{
	int best = -1, bestd = 1 << 30;
	for (int u = 0; u <= last_unit(c); u++) {
		const ev_unit *un = U(c, u);
		if (!(un->ucls & U_DATE) || !c->s->ents[un->ent].value[0])
			continue;
		int dist = u > t ? u - t : t - u;
		if (dist < bestd) {
			bestd = dist;
			best = un->ent;
		}
	}
	return best;
}

/* "in Busan", "in South Korea's port city of Busan": the place named last. */
static int
place_near(const coder *c, int t)
{
	int best = -1, bestd = 1 << 30;
	for (int u = 0; u < last_unit(c); u++) {
		if (!(U(c, u)->wcls & W_LOCPREP))
			continue;
		int pick = -1;
		for (int k = u + 1; k <= last_unit(c) && k < u + 10; k++) {
			const ev_unit *un = U(c, k);
			if (un->ucls & (U_PLACE | U_ACTOR)) {
				const char *ty = c->s->ents[un->ent].type;
				if (strcmp(ty, "GPE") == 0 || strcmp(ty, "LOC") == 0 ||
				    strcmp(ty, "FAC") == 0)
					pick = un->ent;
				else
					break;
				continue;
			}
			if ((un->ucls & (U_WORD | U_POSS_S)) && !(un->wcls & (W_VERB | W_CONJ |
			    W_SUB | W_THAT | W_TO)) && (!(un->wcls & W_PREP) || unit_is(c, k, "of")))
				continue;
			break;
		}
		if (pick >= 0) {
			int dist = u > t ? u - t : t - u;
			if (dist < bestd) {
				bestd = dist;
				best = pick;
			}
		}
	}
	return best;
}

/* Is the actor's code of an armed group that is not a state's? */
static bool
nonstate_armed(const ev_actor *a)
{
	const char *sec = strlen(a->code) > 3 ? a->code + 3 : "";
	return strncmp(a->code, "IMG", 3) == 0 || strncmp(sec, "REB", 3) == 0 ||
	    strncmp(sec, "INS", 3) == 0 || strncmp(sec, "SEP", 3) == 0 ||
	    strncmp(sec, "CRM", 3) == 0 || strstr(a->code, "UAF") != NULL;
}

/* An armed actor: a state's forces or an armed group. */
static bool
armed(const ev_actor *a)
{
	return nonstate_armed(a) || (strlen(a->code) > 3 && (strncmp(a->code + 3, "MIL", 3) == 0 ||
	    strncmp(a->code + 3, "COP", 3) == 0 || strncmp(a->code + 3, "SPY", 3) == 0));
}

static bool
is_place(const coder *c, const ev_actor *a)
{
	if (a->unit < 0 || c->s->units[a->unit].ent < 0)
		return false;
	const char *ty = c->s->ents[c->s->units[a->unit].ent].type;
	/* "Pakistan aid workers": the country only modifies the noun */
	int nx = a->unit + 1;
	if (nx <= last_unit(c) && (U(c, nx)->ucls & U_WORD) && !(U(c, nx)->wcls &
	    (W_PREP | W_CONJ | W_SUB | W_THAT | W_TO | W_ADV)))
		return false;
	return strcmp(ty, "GPE") == 0 || strcmp(ty, "LOC") == 0 || strcmp(ty, "FAC") == 0;
}

/* What the actors say about the code: an arrest by rebels is an abduction
 * (CAMEO 181), seizing or capturing a place is occupying it (192). */
static void
refine_code(const coder *c, const ev_actor *src, const ev_actor *tgt,
    const char *code, char *out, size_t cap)
{
	if (strncmp(code, "173", 3) == 0 && nonstate_armed(src))
		code = "181";
	/* "troops stormed the camp" is fighting, "protesters stormed" a riot */
	if (strcmp(code, "145") == 0 && armed(src))
		code = strncmp(src->code + 3, "COP", 3) == 0 ? "170" : "190";
	/* "Seoul protested against Tokyo's textbooks": a government's protest
	 * is an official complaint, not a demonstration */
	if (strncmp(code, "14", 2) == 0 && strlen(src->code) >= 6 &&
	    strncmp(src->code + 3, "GOV", 3) == 0 && !ev_same_country(src, tgt))
		code = "114";
	if ((strcmp(code, "181") == 0 || strcmp(code, "173") == 0) && is_place(c, tgt) &&
	    strcmp(c->s->ents[c->s->units[tgt->unit].ent].type, "NORP") != 0)
		code = "192";
	ev_strlcpy(out, cap, code);
}

/* An armed actor of a country that is not its state: rebels,
 * insurgents, separatists, gangs, unidentified gunmen (protesters who
 * storm a building are not at war with their country). */
static bool
non_state(const ev_actor *a)
{
	static const char *const sectors[] = {
		"REB", "INS", "SEP", "CRM", "UAF", NULL,
	};
	if (strlen(a->code) < 6)
		return false;
	for (int k = 0; sectors[k]; k++)
		if (memcmp(a->code + 3, sectors[k], 3) == 0)
			return true;
	return false;
}

static void
add_event(coder *c, const ev_actor *src, const ev_actor *tgt, const char *code0,
    const char *rule, int t0, int t1)
{
	if (!src->code[0] || !tgt->code[0])
		return;
	char code[8];
	refine_code(c, src, tgt, code0, code, sizeof code);
	/* no event of an actor with itself; but rebels, militants and gangs
	 * fighting their own country ("the RSF attacked the city of El
	 * Fasher", SDNREB -> SDN) are not the state */
	if (strcmp(src->code, tgt->code) == 0 ||
	    (ev_same_country(src, tgt) && (strlen(src->code) == 3 || strlen(tgt->code) == 3) &&
	    !(root_of(code) >= 14 && (non_state(src) || non_state(tgt)))))
		return;
	for (int i = 0; i < c->r->n; i++) {
		const ev_event *e = &c->r->ev[i];
		if (strcmp(e->src.code, src->code) == 0 && strcmp(e->tgt.code, tgt->code) == 0 &&
		    memcmp(e->code, code, 2) == 0)
			return;
	}
	if (c->r->n == EV_MAX_EVENTS)
		return;
	ev_event *e = &c->r->ev[c->r->n++];
	e->src = *src;
	e->tgt = *tgt;
	/* an actor from the document context: its text may change later */
	ev_actor *own[2] = { &e->src, &e->tgt };
	for (int k = 0; k < 2; k++) {
		ev_actor *a = own[k];
		if (a->text >= c->s->text && a->text <= c->s->text + c->s->len)
			continue;
		size_t n = a->len < sizeof e->text_buf[k] ? a->len : sizeof e->text_buf[k] - 1;
		memcpy(e->text_buf[k], a->text, n);
		a->text = e->text_buf[k];
		a->len = n;
	}
	ev_strlcpy(e->code, sizeof e->code, code);
	e->rule = rule;
	e->trig0 = t0;
	e->trig1 = t1;
	e->date_ent = date_near(c, t0);
	e->place_ent = place_near(c, t0);
}

/* Replace a bare country by the more specific actor of the same country:
 * "Park told Wang that South Korea ..." is Park's own statement. */
static void
specific(ev_actor *a, const ev_actors *by)
{
	if (!by || by->n != 1)
		return;
	const ev_actor *b = &by->a[0];
	if (ev_same_country(a, b) && strlen(a->code) == 3 && strlen(b->code) > 3)
		*a = *b;
}

static void
emit_all(coder *c, const ev_actors *S, const ev_actors *T, const char *code,
    const char *rule, int t0, int t1)
{
	for (int i = 0; i < S->n; i++)
		for (int j = 0; j < T->n; j++)
			add_event(c, &S->a[i], &T->a[j], code, rule, t0, t1);
	/* "the two sides", "Seoul and Tokyo": the parties of an exchange */
	int root = root_of(code);
	if (root < 3 || root > 6)
		;
	else if (T->n == 2)
		ev_doc_set_dyad(c->d, &T->a[0], &T->a[1]);
	else if (S->n == 2 && T->n == 0)
		ev_doc_set_dyad(c->d, &S->a[0], &S->a[1]);
	else if (S->n >= 1 && T->n >= 1)
		ev_doc_set_dyad(c->d, &S->a[0], &T->a[0]);
}

/* Codes two subjects can do with each other without an object: agree,
 * meet, cooperate, sign, trade, exchange prisoners, cease fire, fight. */
static bool
mutual_code(const char *code)
{
	int r = root_of(code);
	return (r >= 3 && r <= 6) || strncmp(code, "0841", 4) == 0 ||
	    strncmp(code, "0871", 4) == 0 || r == 19;
}

/* A pair of subjects without a target: one event between them. */
static void
emit_pair(coder *c, const ev_actors *S, const char *code, const char *rule,
    int t0, int t1)
{
	for (int i = 0; i < S->n; i++)
		for (int j = i + 1; j < S->n; j++)
			add_event(c, &S->a[i], &S->a[j], code, rule, t0, t1);
	if (S->n == 2)
		ev_doc_set_dyad(c->d, &S->a[0], &S->a[1]);
}

/* The other party of the document's last exchange, for a statement by a
 * (specific) actor that names no one. */
static bool
dyad_partner(const coder *c, const ev_actor *src, ev_actors *out)
{
	const ev_docctx *d = c->d;
	if (!d->dyad[0].have || !d->dyad[1].have)
		return false;
	/* a person or an official, not a country */
	if (!src->person && src->unit >= 0)
		return false;
	for (int i = 0; i < 2; i++) {
		const ev_actor *a = &d->dyad[i].a, *b = &d->dyad[1 - i].a;
		if (ev_same_country(a, src) && !ev_same_country(b, src)) {
			out->a[0] = *b;
			out->a[0].unit = -1;
			out->n = 1;
			return true;
		}
	}
	return false;
}

static bool
units_between(const coder *c, int a, int b, uint32_t ucls, uint64_t wcls)
{
	for (int k = a; k < b; k++)
		if ((U(c, k)->ucls & ucls) || (U(c, k)->wcls & wcls))
			return true;
	return false;
}

/* Is the trigger at t the content of an earlier trigger in its clause
 * ("urged North Korea to halt", "refused to engage in dialogue")? */
static bool
inside_other(const coder *c, int mi, int t)
{
	for (int k = 0; k < c->n_m; k++) {
		const match *o = &c->m[k];
		if (k == mi || o->dead || o->u0 >= t)
			continue;
		if (units_between(c, o->u0, t, U_BOUND | U_END, W_THAT | W_SUB))
			continue;
		if (units_between(c, o->u0, t, 0, W_TO)) {
			/* "ordered X to leave, accusing Paris", "backed X,
			 * prompting Y to withdraw": a comma ends it */
			if (!units_between(c, o->u0, t, U_COMMA, 0))
				return true;
		}
		/* a noun in the phrase a verb acts on: "condemned attacks on X" */
		if (c->m[mi].p->noun && !o->p->noun && t - o->u1 < 8 &&
		    !units_between(c, o->u1, t, U_COMMA, W_VERB))
			return true;
	}
	return false;
}

static bool
conditional(const coder *c, int t)
{
	for (int k = t - 1; k >= 0 && k > t - 14; k--) {
		if (U(c, k)->ucls & (U_BOUND | U_END | U_COMMA))
			return false;
		if (U(c, k)->wcls & W_COND)
			return true;
	}
	return false;
}

/* The code of a trigger in the infinitive of a generic "agree+ to",
 * "threaten+ to", "refuse+ to" (outer): "agreed to resume talks" is an
 * intent to meet, "refused to meet" a rejection of talks.  False when the
 * outer verb says more than the trigger ("threatened to meet"). */
static bool
governed_code(const char *outer, const char *inner, char *out, size_t cap)
{
	int ro = root_of(outer), ri = root_of(inner);
	if (ro == 3 || (ro == 13 && ri >= 9)) {
		intent_code(inner, out, cap);
		return true;
	}
	if (ro == 12) {
		const char *to = ri == 4 ? "125" : ri == 6 ? "121" : ri == 7 ? "122" :
		    ri == 8 ? "124" : ri <= 5 ? "120" : NULL;
		if (!to)
			return false;
		ev_strlcpy(out, cap, to);
		return true;
	}
	return false;
}

/* The generic "X to" match whose infinitive the verb match mi is, or -1:
 * a pattern without slots that ends in "to" right before mi's verb group. */
static int
governing_match(const coder *c, int mi)
{
	const match *m = &c->m[mi];
	if (m->p->noun || m->dead)
		return -1;
	vgroup g;
	read_verb_group(c, m->u0, &g);
	if (g.start < 1 || !(U(c, g.start - 1)->wcls & W_TO))
		return -1;
	for (int k = 0; k < c->n_m; k++) {
		const match *o = &c->m[k];
		const ev_pattern *op = o->p;
		if (k == mi || o->dead || op->noun || o->has_S || o->has_T ||
		    o->u1 != g.start || op->toks[op->n_toks - 1].kind != PT_WORDS)
			continue;
		const ev_ptok *last = &op->toks[op->n_toks - 1];
		if (last->n_words == 1 && (ev_lex_class(c->lx, (int32_t)last->words[0]) & W_TO)) {
			char tmp[8];
			return governed_code(op->code, m->p->code, tmp, sizeof tmp) ? k : -1;
		}
	}
	return -1;
}

/* "no longer" in the units [a, b). */
static bool
no_longer(const coder *c, int a, int b)
{
	for (int k = a; k + 1 < b; k++)
		if (unit_is(c, k, "no") && unit_is(c, k + 1, "longer"))
			return true;
	return false;
}

/* "the Russia-Ukraine talks", "a U.S.-Japan-South Korea summit": the
 * actors joined by hyphens right before the noun at t (past adjectives:
 * "the Israel-Hamas ceasefire talks"); false unless there are two. */
static bool
hyphen_pair(const coder *c, int t, ev_actors *out)
{
	int k = t - 1;
	while (k >= 0 && k > t - 4 && (U(c, k)->ucls & U_WORD) &&
	    ((U(c, k)->wcls & (W_ADJ | W_NOUN)) || !(U(c, k)->wcls & (W_VERB | W_PREP |
	    W_CONJ | W_DET | W_POSS | W_SUB | W_THAT | W_TO | W_PRON | W_AUX | W_ADV |
	    W_SPEECH | W_NEG | W_FUT | W_SPEC))))
		k--;
	if (k < 2 || !(U(c, k)->ucls & U_ACTOR) || !(U(c, k - 1)->ucls & U_PUNCT) ||
	    c->s->text[U(c, k - 1)->b0] != '-')
		return false;
	int first = k;
	while (first >= 2 && (U(c, first - 1)->ucls & U_PUNCT) &&
	    c->s->text[U(c, first - 1)->b0] == '-' && (U(c, first - 2)->ucls & U_ACTOR) &&
	    k - first < 2 * (EV_MAX_ACTORS - 1))
		first -= 2;
	if (first == k)
		return false;
	out->n = 0;
	for (int u = first; u <= k; u += 2)
		if (ev_unit_actor(c->s, u, &out->a[out->n]))
			out->n++;
	out->start = first;
	out->end = k;
	return out->n >= 2;
}

static void
trim_clause(const coder *c, ev_actors *T)
{
	if (T->n < 2 || T->end < 0 || T->end + 1 > last_unit(c))
		return;
	int v = T->end + 1;
	while (v < last_unit(c) && (U(c, v)->wcls & (W_ADV | W_AUX | W_FUT | W_SPEC | W_NEG)) &&
	    !(U(c, v)->wcls & W_VERB))
		v++;
	bool clause = ev_finite_verb(U(c, v)) || (v > T->end + 1 &&
	    (U(c, T->end + 1)->wcls & (W_AUX | W_FUT | W_SPEC)));
	const ev_actor *last = &T->a[T->n - 1];
	if (!clause || last->unit < 1 || !(U(c, last->unit - 1)->wcls & W_CONJ))
		return;
	T->n--;
	T->end = last->unit - 2;
}

/* ", drawing condemnation": what drew it is the clause before the comma,
 * and its target that clause's subject, the phrase the clause opens with
 * when a verb follows it ("Russia blocked a U.N. panel ..., drawing"). */
static bool
clause_subject(coder *c, int v, ev_actors *out)
{
	if (U(c, v)->form != F_ING || v < 2 || !(U(c, v - 1)->ucls & U_COMMA))
		return false;
	int start = v - 1;
	while (start > 0 && !(U(c, start - 1)->ucls & (U_BOUND | U_END | U_QUOTE)))
		start--;
	if (!ev_np_right(c->s, c->d, start, v - 2, out) || out->n == 0 || out->pair ||
	    out->end + 1 >= v - 1)
		return false;
	const ev_unit *nx = U(c, out->end + 1);
	if (!(nx->ucls & U_WORD) || (nx->wcls & (W_PREP | W_CONJ | W_SUB | W_THAT | W_TO |
	    W_NOUN | W_DET | W_POSS | W_PRON))) {
		out->n = 0;
		return false;
	}
	return true;
}

/* The verb that draws the reaction noun at t ("drawing (sharp)
 * condemnation", "drew a rebuke"), or -1. */
static int
reaction_verb(const coder *c, int t)
{
	for (int k = t - 1; k >= 0 && k > t - 5; k--) {
		const ev_unit *un = U(c, k);
		if (!(un->ucls & U_WORD))
			return -1;
		if (un->wcls & W_REACT)
			return k;
		if (!(un->wcls & (W_DET | W_ADJ | W_ADV)) && (un->wcls & (W_VERB | W_PREP |
		    W_CONJ | W_SUB | W_THAT | W_TO | W_PRON | W_POSS | W_NOUN)))
			return -1;
	}
	return -1;
}

/* Code match mi; returns the number of events it gave. */
static int
code_match(coder *c, int mi)
{
	match *m = &c->m[mi];
	if (c->o->trace)
		fprintf(stderr, "trace: [%d,%d) %s\n", m->u0, m->u1, m->p->rule);
	const ev_pattern *p = m->p;
	int t = m->u0;
	vgroup g;
	read_verb_group(c, t, &g);
	char code[8];
	ev_strlcpy(code, sizeof code, p->code);
	int before = c->r->n;

	if (m->gov >= 0) {
		governed_code(c->m[m->gov].p->code, p->code, code, sizeof code);
	} else if (inside_other(c, mi, t))
		return 0;
	/* "would no longer supply weapons to": cooperation ends */
	if ((g.flags & W_NEG) && !(g.flags & W_SPEC) && no_longer(c, g.start, t) &&
	    (root_of(code) == 6 || root_of(code) == 7)) {
		ev_strlcpy(code, sizeof code, root_of(code) == 7 ? "162" : "160");
		g.flags &= ~W_NEG;
	}
	if ((g.flags & (W_NEG | W_SPEC)) || conditional(c, t))
		return 0;
	/* "efforts to engage", "a plan to visit": a noun's infinitive */
	if (g.start >= 2 && (U(c, g.start - 1)->wcls & W_TO) &&
	    (U(c, g.start - 2)->ucls & U_WORD) &&
	    !(U(c, g.start - 2)->wcls & (W_VERB | W_SPEECH | W_COMPLEMENT | W_NEGVERB |
	    W_PRON | W_ADV | W_AUX)))
		return 0;
	if (g.governor >= 0) {
		uint64_t gw = U(c, g.governor)->wcls;
		if ((gw & W_NEGVERB) && m->gov < 0)
			return 0;
		vgroup gg;
		read_verb_group(c, g.governor, &gg);
		if (gg.flags & (W_NEG | W_SPEC))
			return 0;
		if ((gw & W_COMPLEMENT) && m->gov < 0)
			g.flags |= W_FUT;
		g.flags |= gg.flags & (W_FUT | W_MUST | W_SHOULD);
	}

	ev_actors S = { .n = 0 }, T = { .n = 0 };
	S.start = S.end = T.start = T.end = -1;
	bool passive = !p->noun && (g.flags & W_BE) &&
	    (U(c, t)->form == F_PAST || U(c, t)->form == F_PART);

	if (m->has_S && p->noun && !m->has_T) {
		/* "drawing condemnation from Seoul", "the move drew a sharp
		 * rebuke from C": the target is who drew it */
		int v = reaction_verb(c, t);
		if (v < 0)
			return 0;
		S = m->S;
		if (!clause_subject(c, v, &T))
			find_subject(c, v, 0, &T, 0);
	} else if (m->has_S) {
		S = m->S;
		if (m->has_T)
			T = m->T;
		else
			find_subject(c, t, 0, &T, 0);
	} else if (p->noun && hyphen_pair(c, t, &S)) {
		/* "the Russia-Ukraine talks", "a U.S.-Japan-South Korea summit":
		 * what the parties did together */
		if (!mutual_code(code) || m->has_T)
			return 0;
		emit_pair(c, &S, code, p->rule, t, m->u1);
		return c->r->n - before;
	} else if (p->pair) {
		return 0;
	} else if (p->noun) {
		/* "Seoul's proposal to ...": the possessor; "his visit to", "a
		 * Russian attack on": the possessive or the nationality before
		 * it; else the clause's subject */
		if (t >= 2 && (U(c, t - 1)->ucls & U_POSS_S))
			ev_np_left(c->s, c->d, t - 2, 0, &S);
		else {
			int k = t - 1;
			while (k >= 0 && !(U(c, k)->ucls & U_ACTOR) &&
			    (U(c, k)->ucls & U_WORD) && !(U(c, k)->wcls & (W_VERB | W_PREP |
			    W_CONJ | W_SUB | W_THAT | W_TO | W_SPEECH | W_PRON | W_AUX | W_NEG)) &&
			    !(U(c, k)->wcls & W_POSS) && k > t - 6)
				k--;
			int prep = -1;
			if (k >= 0 && (U(c, k)->wcls & W_POSS)) {
				ev_possessor(c->s, c->d, k, &S);
			} else if (k >= 0 && (U(c, k)->ucls & U_ACTOR)) {
				ev_actor a;
				if (ev_unit_actor(c->s, k, &a)) {
					S.a[0] = a;
					S.n = 1;
					S.start = S.end = k;
				}
			} else if (k >= 0 && (U(c, k)->wcls & W_VERB) && !(U(c, k)->wcls & W_SPEECH)) {
				find_subject(c, k, 0, &S, 0);
				/* "Following talks with B, A said" */
				if (S.n == 0 && opening_participle(c, k))
					main_clause_subject(c, m->u1, &S);
			} else if (k >= 0 && (U(c, k)->wcls & W_PREP))
				prep = k;
			/* "Speaking after talks with B, A said" */
			else if (k >= 0 && (U(c, k)->wcls & W_SUB) && opening_clause(c, k))
				prep = k;
			/* "A said during a visit to B", "A, in talks with B, said" */
			if (prep >= 0) {
				for (int v = prep - 1; v >= 0 && v > prep - 8; v--) {
					const ev_unit *vu = U(c, v);
					if ((vu->ucls & (U_BOUND | U_END | U_COMMA)) ||
					    (vu->wcls & (W_SUB | W_THAT)))
						break;
					if ((vu->wcls & (W_VERB | W_SPEECH)) && !(vu->wcls & W_NOUN)) {
						find_subject(c, v, 0, &S, 0);
						break;
					}
				}
			}
			/* "In a meeting with B, A said": the main clause's subject */
			if (prep >= 0 && S.n == 0)
				main_clause_subject(c, m->u1, &S);
		}
		/* "a Russian missile hit a school in Kharkiv": the object (a
		 * match without a target slot has no m->T to copy) */
		if (m->has_T)
			T = m->T;
		else if (S.n > 0)
			find_object(c, m->u1, &T);
	} else if (passive) {
		/* "X was attacked by Y" */
		find_subject(c, t, 0, &T, 0);
		for (int k = m->u1; k <= last_unit(c) && k < m->u1 + 6; k++)
			if (unit_is(c, k, "by")) {
				ev_np_right(c->s, c->d, k + 1, last_unit(c), &S);
				break;
			}
		/* "X was killed in an Israeli strike": the nationality of the attack */
		if (S.n == 0 && root_of(code) >= 18)
			attack_nationality(c, m->u1, &S);
		/* "X were killed when their position was hit by Russian
		 * artillery": the agent of the passive clause that says how */
		if (S.n == 0 && root_of(code) >= 18)
			deep_agent(c, m->u1, &S);
	} else {
		find_subject(c, t, 0, &S, 0);
		/* "After meeting B, A said": a participle opening the sentence */
		if (S.n == 0 && opening_participle(c, t))
			main_clause_subject(c, m->u1, &S);
		if (m->has_T)
			T = m->T;
		else
			find_object(c, m->u0 + 1, &T);
	}

	/* "Israel bombed Gaza and Hezbollah fired rockets": a coordinated
	 * actor that a verb follows is the next clause's subject */
	trim_clause(c, &T);

	/* reported speech */
	frame f;
	bool framed = speech_frame(c, t, &f) && f.speaker.n > 0;
	if (framed) {
		for (int i = 0; i < S.n; i++)
			if (S.pronoun && S.start >= 0 && (U(c, S.start)->wcls & W_FIRST))
				S.a[i] = f.speaker.a[0];
		if (S.n == 0 && S.start >= 0 && (U(c, S.start)->wcls & W_FIRST))
			S = f.speaker;
		/* "the Houthis said they had shot down", "police said they had
		 * arrested": a group speaks of itself (a person's "they" is
		 * others) */
		const ev_actor *sp = &f.speaker.a[0];
		bool group = sp->unit >= 0 ? !(U(c, sp->unit)->ucls & U_PERSON) : !sp->person;
		if (S.pronoun && S.start >= 0 && unit_is(c, S.start, "they") &&
		    group && f.speaker.start < S.start)
			S = f.speaker;
		for (int i = 0; i < S.n; i++)
			specific(&S.a[i], &f.speaker);
		for (int i = 0; i < T.n; i++)
			specific(&T.a[i], f.has_addressee ? &f.addressee : NULL);
		/* "North Korea must refrain from ...": a demand of the speaker */
		if ((g.flags & (W_MUST | W_SHOULD)) && S.n > 0) {
			const char *dc = (g.flags & W_MUST) ? "100" : "020";
			if (!ev_same_country(&S.a[0], &f.speaker.a[0]))
				emit_all(c, &f.speaker, &S, dc, (g.flags & W_MUST) ?
				    "speech:must" : "speech:should", t, m->u1);
			return c->r->n - before;
		}
	}
	if (g.flags & (W_MUST | W_SHOULD))
		return c->r->n - before;
	if (p->intent && !(g.flags & W_FUT) && !framed)
		return c->r->n - before;
	if (g.flags & W_FUT) {
		char ic[8];
		intent_code(code, ic, sizeof ic);
		ev_strlcpy(code, sizeof code, ic);
	}
	if (S.n == 0)
		return c->r->n - before;
	/* "troops entered Lebanon", not "refugees entered Poland" */
	if (p->force) {
		int n = 0;
		for (int i = 0; i < S.n; i++)
			if (armed(&S.a[i]))
				S.a[n++] = S.a[i];
		S.n = n;
		if (!n)
			return c->r->n - before;
	}
	/* the trigger's words: up to the first slot */
	int lit_end = m->u1;
	if (m->has_S && m->S.start > t && m->S.start < lit_end)
		lit_end = m->S.start;
	if (m->has_T && m->T.start > t && m->T.start < lit_end)
		lit_end = m->T.start;
	/* "Wang and Park met in July", "A and B signed a declaration on
	 * deterrence against C": what the two did together */
	if (S.n >= 2 && !m->has_T && mutual_code(code))
		T.n = 0;
	/* "Seoul and Tokyo agreed ...", "the two sides clashed": what two do
	 * together (cooperation, a ceasefire, fighting); "Seoul and Tokyo
	 * criticised ..." is not about each other */
	if (T.n == 0 && S.n >= 2) {
		if (mutual_code(code))
			emit_pair(c, &S, code, p->rule, t, lit_end);
		return c->r->n - before;
	}
	if (T.n == 0 && !passive)
		opening_partner(c, t, &T);
	if (T.n == 0 && framed && f.has_addressee)
		T = f.addressee;
	if (T.n == 0 && root_of(code) <= 5 && S.n == 1)
		dyad_partner(c, &S.a[0], &T);
	/* "a civilian was killed in Kherson when a bus was hit by a Russian
	 * drone": a passive's agent found, its victim named by no actor */
	if (T.n == 0 && root_of(code) >= 18)
		place_target(c, m->u1, &T);
	if (T.n == 0)
		return c->r->n - before;
	emit_all(c, &S, &T, code, p->rule, t, lit_end);
	return c->r->n - before;
}

/* The clause a speech verb at v reports: after "that", a date, a comma or
 * quotation marks, and the person spoken to ("told Wang that").  -1 when
 * none follows. */
static int
reported_clause(const coder *c, int v)
{
	int hi = last_unit(c), k = v + 1;
	while (k <= hi && (U(c, k)->ucls & (U_DATE | U_COMMA | U_QUOTE)))
		k++;
	if (k <= hi && (U(c, k)->wcls & W_THAT))
		return k + 1;
	/* "told Wang that" */
	for (int j = k; j <= hi && j < k + 8; j++) {
		if (U(c, j)->wcls & W_THAT)
			return j + 1;
		if (U(c, j)->ucls & (U_BOUND | U_END) || (U(c, j)->wcls & (W_VERB | W_SUB)))
			break;
	}
	return k <= hi ? k : -1;
}

/* Reported speech without a dictionary trigger: "A said B must ..." (a
 * demand), "B should ..." (an appeal), "B is aggressive", "B's behaviour
 * posed a threat" (a charge; these are capped per sentence). */
static void
code_reported(coder *c)
{
	for (int v = 0; v <= last_unit(c); v++) {
		if (!(U(c, v)->wcls & W_SPEECH))
			continue;
		int cl = reported_clause(c, v);
		if (cl < 0)
			continue;
		ev_actors B;
		if (!ev_np_right(c->s, c->d, cl, last_unit(c), &B) || B.n < 1)
			continue;
		int k = B.end + 1;
		uint64_t flags = 0;
		while (k <= last_unit(c) && verb_group_unit(c, k) && !(U(c, k)->wcls & W_BE)) {
			flags |= U(c, k)->wcls;
			k++;
		}
		if (k > last_unit(c) || (flags & (W_NEG | W_SPEC)))
			continue;
		frame f;
		if (!frame_at(c, v, cl, &f) || f.speaker.n == 0)
			continue;
		if (flags & (W_MUST | W_SHOULD)) {
			if (units_between(c, cl, k + 1, 0, W_COND))
				continue;
			ev_actors T = B;
			int n = 0;
			for (int i = 0; i < B.n; i++)
				if (!ev_same_country(&B.a[i], &f.speaker.a[0]))
					T.a[n++] = B.a[i];
			T.n = n;
			if (!n)
				continue;
			bool must = flags & W_MUST;
			emit_all(c, &f.speaker, &T, must ? "100" : "020",
			    must ? "speech:must" : "speech:should", B.end + 1, k);
			continue;
		}
		if (!c->o->allow_fallback || c->n_fallback >= c->o->max_fallback ||
		    B.pair || B.n != 1)
			continue;
		if (!(U(c, k)->wcls & (W_COPULA | W_BE)))
			continue;
		int bad = -1;
		for (int j = k + 1; j <= last_unit(c) && j < k + 7; j++) {
			if (U(c, j)->ucls & (U_BOUND | U_END | U_COMMA) ||
			    (U(c, j)->wcls & (W_NEG | W_THAT | W_SUB)))
				break;
			if (U(c, j)->wcls & W_BAD) {
				bad = j;
				break;
			}
		}
		if (bad < 0)
			continue;
		/* a trigger of the clause says more than the charge */
		bool coded = false;
		for (int i = 0; i < c->n_m; i++)
			if (!c->m[i].dead && c->m[i].u0 >= cl && c->m[i].u0 <= bad)
				coded = true;
		if (coded || ev_same_country(&f.speaker.a[0], &B.a[0]))
			continue;
		int before = c->r->n;
		emit_all(c, &f.speaker, &B, "111", "speech:charge", k, bad + 1);
		if (c->r->n > before)
			c->n_fallback++;
	}
}

void
ev_code_sentence(const ev_sent *s, const ev_lex *lx, ev_docctx *d,
    const ev_coder_opts *o, ev_result *r)
{
	/* not an initializer: that would clear the 50 KB of match slots for
	 * every sentence */
	coder c;
	c.s = s;
	c.lx = lx;
	c.d = d;
	c.o = o;
	c.r = r;
	c.n_m = 0;
	c.n_fallback = 0;
	c.passive = false;
	r->n = 0;
	if (!s->n_units)
		return;
	bool any_actor = false;
	for (size_t u = 0; u < s->n_units && !any_actor; u++)
		any_actor = (s->units[u].ucls & U_ACTOR) != 0;
	if (!any_actor && !d->dyad[0].have && !d->person.have)
		return;
	find_matches(&c);
	/* "agreed to resume talks with B": the infinitive's trigger first,
	 * coded as the outer verb's intent (or refusal); the outer "agree+
	 * to" is coded only when the infinitive gave nothing */
	for (int i = 0; i < c.n_m; i++)
		c.m[i].gov = governing_match(&c, i);
	for (int i = 0; i < c.n_m; i++)
		if (!c.m[i].dead && c.m[i].gov >= 0 && code_match(&c, i) > 0)
			c.m[c.m[i].gov].dead = true;
	for (int i = 0; i < c.n_m; i++)
		if (!c.m[i].dead && c.m[i].gov < 0)
			code_match(&c, i);
	code_reported(&c);
}
