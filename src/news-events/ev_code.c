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
	switch (t->kind) {
	case PT_WORDS:
		if (u <= hi && (U(c, u)->ucls & U_POSS_S) &&
		    in_word_set(t, ev_lex_find(c->lx, "'s", 2)))
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
		for (int g = 0; g <= 4; g++) {
			if (g > 0) {
				int w = u + g - 1;
				if (w > hi || !(U(c, w)->ucls & (U_WORD | U_QUOTE | U_OTHERENT | U_DATE)) ||
				    (U(c, w)->wcls & (W_SUB | W_THAT | W_CONJ | W_SPEECH | W_TO)) ||
				    ((U(c, w)->wcls & W_VERB) && !(U(c, w)->wcls & (W_NOUN | W_ADJ))))
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
		if (t->kind == PT_SLOT_S) {
			m->S = a;
			m->has_S = true;
		} else {
			m->T = a;
			m->has_T = true;
		}
		return match_from(c, m, k + 1, a.end + 1);
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
		    W_SUB | W_THAT)))
			k--;
		if (k >= 0 && k > limit && (U(c, k)->wcls & (W_VERB | W_SPEECH |
		    W_COMPLEMENT | W_NEGVERB)))
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
	out->start = out->end = -1;
	return subject_from(c, t, g.start - 1, lo, out, depth);
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
	if (r == 6)
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
	snprintf(out, cap, "%s", to ? to : code);
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

static void
add_event(coder *c, const ev_actor *src, const ev_actor *tgt, const char *code,
    const char *rule, int t0, int t1)
{
	if (!src->code[0] || !tgt->code[0])
		return;
	/* no event of an actor with itself */
	if (strcmp(src->code, tgt->code) == 0 ||
	    (ev_same_country(src, tgt) && (strlen(src->code) == 3 || strlen(tgt->code) == 3)))
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
	snprintf(e->code, sizeof e->code, "%s", code);
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
		if (units_between(c, o->u0, t, 0, W_TO))
			return true;
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

static void
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
	snprintf(code, sizeof code, "%s", p->code);

	if (inside_other(c, mi, t))
		return;
	if ((g.flags & (W_NEG | W_SPEC)) || conditional(c, t))
		return;
	/* "efforts to engage", "a plan to visit": a noun's infinitive */
	if (g.start >= 2 && (U(c, g.start - 1)->wcls & W_TO) &&
	    (U(c, g.start - 2)->ucls & U_WORD) &&
	    !(U(c, g.start - 2)->wcls & (W_VERB | W_SPEECH | W_COMPLEMENT | W_NEGVERB |
	    W_PRON | W_ADV | W_AUX)))
		return;
	if (g.governor >= 0) {
		uint64_t gw = U(c, g.governor)->wcls;
		if (gw & W_NEGVERB)
			return;
		vgroup gg;
		read_verb_group(c, g.governor, &gg);
		if (gg.flags & (W_NEG | W_SPEC))
			return;
		if (gw & W_COMPLEMENT)
			g.flags |= W_FUT;
		g.flags |= gg.flags & (W_FUT | W_MUST | W_SHOULD);
	}

	ev_actors S = { .n = 0 }, T = { .n = 0 };
	S.start = S.end = T.start = T.end = -1;
	bool passive = !p->noun && (g.flags & W_BE) &&
	    (U(c, t)->form == F_PAST || U(c, t)->form == F_PART);

	if (m->has_S) {
		S = m->S;
		if (m->has_T)
			T = m->T;
		else
			find_subject(c, t, 0, &T, 0);
	} else if (p->noun) {
		/* "Seoul's proposal to ...": the possessor; else the clause's subject */
		if (t >= 2 && (U(c, t - 1)->ucls & U_POSS_S))
			ev_np_left(c->s, c->d, t - 2, 0, &S);
		else {
			int k = t - 1;
			while (k >= 0 && (U(c, k)->wcls & (W_DET | W_ADJ | W_POSS)) &&
			    !(U(c, k)->wcls & W_VERB))
				k--;
			if (k >= 0 && (U(c, k)->wcls & W_VERB) && !(U(c, k)->wcls & W_SPEECH))
				find_subject(c, k, 0, &S, 0);
			else if (k >= 0 && (U(c, k)->wcls & W_PREP)) {
				/* "In a meeting with B, A said": the main clause's subject */
				for (int j = m->u1; j <= last_unit(c); j++)
					if (U(c, j)->ucls & (U_COMMA | U_BOUND | U_END)) {
						if ((U(c, j)->ucls & U_COMMA) &&
						    ev_np_right(c->s, c->d, j + 1, last_unit(c), &S) &&
						    S.end + 1 <= last_unit(c) &&
						    !(U(c, S.end + 1)->ucls & (U_COMMA | U_END)))
							break;
						S.n = 0;
						break;
					}
			}
		}
		T = m->T;
	} else if (passive) {
		/* "X was attacked by Y" */
		find_subject(c, t, 0, &T, 0);
		for (int k = m->u1; k <= last_unit(c) && k < m->u1 + 6; k++)
			if (unit_is(c, k, "by")) {
				ev_np_right(c->s, c->d, k + 1, last_unit(c), &S);
				break;
			}
	} else {
		find_subject(c, t, 0, &S, 0);
		if (m->has_T)
			T = m->T;
		else
			find_object(c, m->u1, &T);
	}

	/* reported speech */
	frame f;
	bool framed = speech_frame(c, t, &f) && f.speaker.n > 0;
	if (framed) {
		for (int i = 0; i < S.n; i++)
			if (S.pronoun && S.start >= 0 && (U(c, S.start)->wcls & W_FIRST))
				S.a[i] = f.speaker.a[0];
		if (S.n == 0 && S.start >= 0 && (U(c, S.start)->wcls & W_FIRST))
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
			return;
		}
	}
	if (g.flags & (W_MUST | W_SHOULD))
		return;
	if (p->intent && !(g.flags & W_FUT) && !framed)
		return;
	if (g.flags & W_FUT) {
		char ic[8];
		intent_code(code, ic, sizeof ic);
		snprintf(code, sizeof code, "%s", ic);
	}
	if (S.n == 0)
		return;
	/* the trigger's words: up to the first slot */
	int lit_end = m->u1;
	if (m->has_S && m->S.start > t && m->S.start < lit_end)
		lit_end = m->S.start;
	if (m->has_T && m->T.start > t && m->T.start < lit_end)
		lit_end = m->T.start;
	/* "Wang and Park met in July": a meeting of the two */
	if (S.n >= 2 && !m->has_T && root_of(code) == 4)
		T.n = 0;
	if (T.n == 0 && S.n >= 2) {
		emit_pair(c, &S, code, p->rule, t, lit_end);
		return;
	}
	if (T.n == 0 && !passive)
		opening_partner(c, t, &T);
	if (T.n == 0 && framed && f.has_addressee)
		T = f.addressee;
	if (T.n == 0 && root_of(code) <= 5 && S.n == 1)
		dyad_partner(c, &S.a[0], &T);
	if (T.n == 0)
		return;
	emit_all(c, &S, &T, code, p->rule, t, lit_end);
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
	coder c = { .s = s, .lx = lx, .d = d, .o = o, .r = r };
	r->n = 0;
	if (!s->n_units)
		return;
	bool any_actor = false;
	for (size_t u = 0; u < s->n_units && !any_actor; u++)
		any_actor = (s->units[u].ucls & U_ACTOR) != 0;
	if (!any_actor && !d->dyad[0].have && !d->person.have)
		return;
	find_matches(&c);
	for (int i = 0; i < c.n_m; i++)
		if (!c.m[i].dead)
			code_match(&c, i);
	code_reported(&c);
}
