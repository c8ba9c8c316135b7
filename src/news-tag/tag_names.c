/* tag_names.c: names of people, organisations and places.
 *
 * Runs of capitalised words (with the small words names contain: "of",
 * "van der", "bin") are cut into titles, modifiers and the name itself,
 * then classified: a dictionary phrase first (countries, cities, known
 * people and organisations), then the words at either end ("Durham
 * University" is an ORG, "Fort Lee Historic Park" a place), then the
 * first word (a given name or an East Asian family name makes a PERSON),
 * then the document so far ("Park" after "Park Jin"), then the context
 * ("in Tulsa" is a place, "Holt said" a person). */
#include <stdio.h>
#include <stdlib.h>

#include "tag.h"
#include "tag_tables.h"

static bool word_in(const tag_sent *s, int i, const char *const *words);
static bool org_headed(const tag_sent *s, const tag_lex *lx, int a, int b);

/* Entry kinds that name something by themselves. */
#define NAME_KINDS ((1u << LK_COUNTRY) | (1u << LK_NORP) | (1u << LK_CITY) | \
	(1u << LK_REGION) | (1u << LK_PLACE) | (1u << LK_ORG) | (1u << LK_PERSON))
#define TITLE_KINDS ((1u << LK_TITLE) | (1u << LK_SECTOR))

static bool
capitalised(const tag_tok *t)
{
	return (t->f & (TF_CAP | TF_UPPER)) != 0;
}

static bool
has_kind(const tag_lex *lx, const tag_tok *t, int kind)
{
	return tag_tok_entry(lx, t, kind) != NULL;
}

static bool
is_common(const tag_lex *lx, const tag_tok *t)
{
	return has_kind(lx, t, LK_COMMON);
}

/* "Don't", "We're": a contraction of ordinary words. */
static bool
is_contraction(const tag_sent *s, int i)
{
	size_t n;
	const char *k = tag_tok_key(s, i, &n);
	const char *ap = memchr(k, '\'', n);
	if (!ap)
		return false;
	size_t tail = n - (size_t)(ap - k);
	return (tail == 3 && (memcmp(ap, "'re", 3) == 0 || memcmp(ap, "'ll", 3) == 0 ||
	    memcmp(ap, "'ve", 3) == 0)) || (tail == 2 && (memcmp(ap, "'d", 2) == 0 ||
	    memcmp(ap, "'m", 2) == 0 || memcmp(ap, "'t", 2) == 0)) ||
	    (tail == 3 && memcmp(ap - 1, "n't", 3) == 0);
}

static bool
has_digit(const tag_sent *s, int i)
{
	for (uint32_t k = s->toks[i].b; k < s->toks[i].e; k++)
		if (s->text[k] >= '0' && s->text[k] <= '9')
			return true;
	return false;
}

/* "F-16", "MQ-9", "Su-27", "S-400", "F-35s": a weapon's or machine's
 * model (letters, a hyphen, a number), never a person's name. */
static bool
is_model(const tag_sent *s, int i)
{
	if (i < 0 || (size_t)i >= s->n)
		return false;
	const char *p = s->text + s->toks[i].b;
	size_t n = s->toks[i].e - s->toks[i].b, k = 0;
	if (n < 3 || p[0] < 'A' || p[0] > 'Z')
		return false;
	while (k < n && k < 4 && ((p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= 'a' && p[k] <= 'z')))
		k++;
	if (k == 0 || k >= n || p[k] != '-' || k + 1 >= n || p[k + 1] < '0' || p[k + 1] > '9')
		return false;
	return true;
}

/* "LibriVox", "YouTube": a capital after a lower-case letter inside. */
static bool
is_camel(const tag_sent *s, int i)
{
	const char *p = s->text + s->toks[i].b;
	size_t n = s->toks[i].e - s->toks[i].b;
	if (n < 5)
		return false;
	/* "McDonnell", "MacKenzie", "DeJesús", "LaGuardia", "O'Reilly"
	 * are family names */
	if ((p[0] == 'M' && p[1] == 'c') || (p[0] == 'M' && p[1] == 'a' && p[2] == 'c' &&
	    p[3] >= 'A' && p[3] <= 'Z') || ((p[0] == 'D' || p[0] == 'L') &&
	    (p[1] == 'e' || p[1] == 'a' || p[1] == 'i') && p[2] >= 'A' && p[2] <= 'Z'))
		return false;
	for (size_t k = 1; k + 1 < n; k++)
		if (p[k] >= 'a' && p[k] <= 'z' && p[k + 1] >= 'A' && p[k + 1] <= 'Z')
			return !(p[n - 1] == 's' && p[n - 2] >= 'A' && p[n - 2] <= 'Z');
	return false;
}

/* Higher is preferred when one phrase has several entries. */
static int
kind_rank(const tag_entry *e)
{
	if (e->flags & LF_USER)
		return 100;     /* a user's --dict entry wins */
	switch (e->kind) {
	case LK_PERSON:
		return 9;
	case LK_COUNTRY:
		return 8;
	case LK_ORG:
		return 7;
	case LK_CITY:
		return e->flags & LF_CAPITAL ? 6 : 4;
	case LK_REGION:
		return 5;
	case LK_PLACE:
		return 6;       /* "Asia" the continent, not the town */
	case LK_NORP:
		return 3;
	case LK_SECTOR:
		return 2;
	case LK_TITLE:
		return 1;
	default:
		return 0;
	}
}

/* The population of a city entry (York, England before York, PA). */
static unsigned
city_pop(const tag_entry *e)
{
	return e->kind == LK_CITY && e->city >= 0 ? tag_cities[e->city].population : 0;
}

/* "City", "Municipality", "Kingdom": a capitalised word before "of" and
 * a place's name that makes one place of them. */
static bool
division_word(const tag_sent *s, int i)
{
	static const char *const words[] = {
		"city", "municipality", "county", "province", "district",
		"region", "territory", "borough", "town", "village", "kingdom",
		"principality", "emirate", "sultanate", "commonwealth", "duchy",
		"prefecture", "governorate", "canton", "parish", NULL,
	};
	if (!(s->toks[i].f & TF_CAP))
		return false;
	return word_in(s, i, words);
}

/* "A64", "M1", "A1(M)", "B1234": a British road's number. */
static bool
is_road(const tag_sent *s, int i)
{
	const char *p = s->text + s->toks[i].b;
	size_t n = s->toks[i].e - s->toks[i].b, k = 1;
	if (n < 2 || n > 6 || (p[0] != 'A' && p[0] != 'M' && p[0] != 'B'))
		return false;
	while (k < n && p[k] >= '0' && p[k] <= '9')
		k++;
	if (k == 1 || k > 5)
		return false;
	return k == n || (k + 1 == n && p[k] == 'M');
}

/* "state", "province": a word after a province's name that says it is one. */
static bool
division_after(const tag_sent *s, int i)
{
	static const char *const words[] = {
		"state", "province", "region", "governorate", "district", "county",
		"department", "oblast", "prefecture", NULL,
	};
	return word_in(s, i, words);
}

/* Whether entry e may match tokens [i, i+n) as written. */
static bool
case_ok(const tag_sent *s, const tag_entry *e, int i, int n)
{
	const tag_tok *t = &s->toks[i];
	if ((e->flags & LF_WEAK) && !division_after(s, i + n))
		return false;
	if (e->flags & LF_ACRONYM)
		return (t->f & (TF_UPPER | TF_DOT)) && n == 1 &&
		    (t->f & (TF_UPPER)) ;
	if (!(e->flags & LF_CASED))
		return true;
	if (!capitalised(t) && !(t->f & TF_NUM))
		return false;
	/* "the States" but not "The states" */
	if (n > 1 && tag_tok_is(s, i, "the") && !capitalised(&s->toks[i + 1]))
		return false;
	return true;
}

/* The longest dictionary phrase of the given kinds starting at token i
 * and ending by token `limit`; its length, and its best entry in *best. */
static int
dict_match(tag_sent *s, const tag_lex *lx, int i, int limit, unsigned kinds,
    const tag_entry **best)
{
	int max = tag_lex_max_words(lx), found = 0;
	*best = NULL;
	if (i >= limit || !((s->toks[i].kinds | s->toks[i].pkinds) & kinds))
		return 0;
	/* a name phrase that starts with a small word goes on with a capital
	 * ("the States", "mainland China") */
	if (!(kinds & TITLE_KINDS) && !(s->toks[i].kinds & kinds) &&
	    !capitalised(&s->toks[i]) && (size_t)i + 1 < s->n && (s->toks[i + 1].f & TF_WORD) &&
	    !capitalised(&s->toks[i + 1]))
		return 0;
	news_buf *key = &s->scratch;
	news_buf_clear(key);
	for (int k = 0; k < max && i + k < limit; k++) {
		const tag_tok *t = &s->toks[i + k];
		if (t->ent >= 0)
			break;
		if (k)
			news_buf_addc(key, ' ');
		news_buf_add(key, s->keys.data + t->kb, t->ke - t->kb);
		uint32_t kk = t->kinds, pk = t->pkinds;
		int32_t id = k ? tag_lex_lookup(lx, key->data, key->len, &kk, &pk) : t->lex;
		if (id < 0)
			break;
		if (!(kk & kinds)) {
			if (!(pk & kinds))
				break;
			continue;
		}
		const tag_entry *pick = NULL;
		for (const tag_entry *e = tag_lex_entry(lx, id); e;
		    e = tag_lex_entry(lx, e->next)) {
			if (!((1u << e->kind) & kinds) || !case_ok(s, e, i, k + 1))
				continue;
			/* a people we list beats a province of the same name
			 * ("Somali", "Afar": Ethiopia's regions) */
			if (pick && ((e->kind == LK_NORP && pick->kind == LK_REGION) ||
			    (e->kind == LK_REGION && pick->kind == LK_NORP))) {
				if (e->kind == LK_NORP)
					pick = e;
				continue;
			}
			if (!pick || kind_rank(e) > kind_rank(pick) ||
			    (kind_rank(e) == kind_rank(pick) && city_pop(e) > city_pop(pick)))
				pick = e;
		}
		if (pick) {
			found = k + 1;
			*best = pick;
		}
	}
	return found;
}

/* Tokens that may sit inside a capitalised name between two capitalised
 * words: particles, "of" (and "of the"), "&", "de", "y". */
static int
connector_len(const tag_sent *s, const tag_lex *lx, int i)
{
	const tag_tok *t = &s->toks[i];
	if (tag_tok_is(s, i, "of")) {
		if (tag_tok_is(s, i + 1, "the"))
			return 2;
		return 1;
	}
	if (tag_tok_is(s, i, "&") || tag_tok_is(s, i, "for"))
		return 1;
	if (!capitalised(t) && has_kind(lx, t, LK_PARTICLE)) {
		/* "von der Leyen", "de la Cruz": particles in a row */
		int n = 1;
		while (n < 3 && (size_t)(i + n) < s->n && !capitalised(&s->toks[i + n]) &&
		    has_kind(lx, &s->toks[i + n], LK_PARTICLE))
			n++;
		return n;
	}
	return 0;
}

/* "II", "XV": a regnal number after a name ("Louis XV", "Norton I"). */
static bool
is_roman(const tag_sent *s, int i)
{
	const char *p = s->text + s->toks[i].b;
	size_t n = s->toks[i].e - s->toks[i].b;
	if (n == 0 || n > 5)
		return false;
	for (size_t k = 0; k < n; k++)
		if (p[k] != 'I' && p[k] != 'V' && p[k] != 'X')
			return false;
	return true;
}

static bool
name_word(const tag_sent *s, const tag_lex *lx, int i)
{
	const tag_tok *t = &s->toks[i];
	if (t->ent >= 0 || (t->f & TF_POSS))
		return false;
	if (!(t->f & TF_WORD) || !capitalised(t))
		return false;
	const tag_entry *nn = tag_tok_entry(lx, t, LK_NONAME);
	if (is_contraction(s, i) || (nn && !(nn->flags & LF_LONE)))
		return false;
	/* "From", "The" inside a run are a title's words, not a name's (but
	 * "Darnell Hurt": after a given name, a family name) */
	if (!(t->f & TF_START) && has_kind(lx, t, LK_FUNCTION) && !(t->f & TF_UPPER) &&
	    t->ke - t->kb <= 5 && !has_kind(lx, t, LK_GIVEN) &&
	    !has_kind(lx, t, LK_PROPER) && !(i > 0 && has_kind(lx, &s->toks[i - 1], LK_GIVEN) &&
	    (s->toks[i - 1].f & TF_CAP) && t->ke - t->kb >= 4))
		return false;
	if (s->headline && is_common(lx, t) && !has_kind(lx, t, LK_PROPER) &&
	    !has_kind(lx, t, LK_ORGWORD) && !has_kind(lx, t, LK_LOCWORD) &&
	    !has_kind(lx, t, LK_COUNTRY) && !has_kind(lx, t, LK_NORP) &&
	    !has_kind(lx, t, LK_CITY) && !has_kind(lx, t, LK_ORG) &&
	    !has_kind(lx, t, LK_PREFIX))
		return false;
	return true;
}

/* Does "and" at j join two halves of one organisation's name? Yes when
 * the run before it has an organisation word with "of" ("Academy of
 * Painting and ...") or the run after it ends in one ("... and Space
 * Administration"). */
static bool
and_in_org(const tag_sent *s, const tag_lex *lx, int i, int j)
{
	/* "British Library and Columbia University" are two */
	const tag_entry *before = tag_tok_entry(lx, &s->toks[j - 1], LK_ORGWORD);
	if (before && (before->flags & LF_HEAD))
		return false;
	/* "of Painting and Sculpture", but not "of Birmingham and London" */
	for (int k = i; k < j - 1; k++) {
		const tag_entry *o = tag_tok_entry(lx, &s->toks[k], LK_ORGWORD);
		if (o && (o->flags & (LF_LEAD | LF_HEAD)) &&
		    (tag_tok_is(s, k + 1, "of") || tag_tok_is(s, k + 1, "for")) &&
		    (is_common(lx, &s->toks[j + 1]) ||
		    has_kind(lx, &s->toks[j + 1], LK_NORP)) &&
		    !(s->toks[j + 1].kinds & NAME_KINDS & ~(1u << LK_NORP)))
			return true;
	}
	/* "University of Cape Town and Oxford University": a whole name
	 * of an institution before "and" and another after are two */
	if (j - i >= 3 && org_headed(s, lx, i, j))
		return false;
	/* "... and Space Administration": the words before "and" are
	 * ordinary words too ("Chinese President Xi Jinping and Vietnamese
	 * Communist Party" are two) */
	for (int w = i; w < j; w++)
		if (!is_common(lx, &s->toks[w]) && !has_kind(lx, &s->toks[w], LK_ORGWORD))
			return false;
	int k = j + 1;
	while ((size_t)k < s->n && k < j + 6 && name_word(s, lx, k))
		k++;
	const tag_entry *o = tag_tok_entry(lx, &s->toks[k - 1], LK_ORGWORD);
	return o && (o->flags & LF_HEAD) && k - 1 > j + 1;
}

/* "el-Sisi", "al-Assad", "d'Alembert": a family name written with its
 * particle, in lower case, joined to it. */
static bool
particle_name(const tag_sent *s, int i)
{
	const unsigned char *p = (const unsigned char *)s->text + s->toks[i].b;
	size_t n = s->toks[i].e - s->toks[i].b, k = 0;
	while (k < n && k < 4 && p[k] >= 'a' && p[k] <= 'z')
		k++;
	if (k == 0 || k == 4 || k + 1 >= n)
		return false;
	if (p[k] == '-' || p[k] == '\'')
		k++;
	else if (k + 3 < n && p[k] == 0xe2 && p[k + 1] == 0x80 && p[k + 2] == 0x99)
		k += 3;         /* ’ */
	else
		return false;
	return k < n && ((p[k] >= 'A' && p[k] <= 'Z') || p[k] >= 0xc3);
}

/* The end of the run of capitalised words starting at i. */
static int
chunk_end(const tag_sent *s, const tag_lex *lx, int i)
{
	int j = i + 1;
	for (;;) {
		/* names are short; a bound keeps long runs of capitals linear */
		if ((size_t)j >= s->n || j - i >= 16)
			break;
		if (name_word(s, lx, j) || (particle_name(s, j) && s->toks[j].ent < 0)) {
			j++;
			continue;
		}
		/* a regnal number closes a name: "Norton I", "Louis XV" */
		if (is_roman(s, j) && !(s->toks[j - 1].f & TF_UPPER) &&
		    ((size_t)j + 1 >= s->n || !(s->toks[j + 1].f & TF_WORD) ||
		    tag_tok_is(s, j + 1, "of") || tag_tok_is(s, j + 1, "and") ||
		    tag_tok_is(s, j + 1, "or") || tag_tok_is(s, j + 1, "in") ||
		    tag_tok_is(s, j + 1, "at") || tag_tok_is(s, j + 1, "from") ||
		    tag_tok_is(s, j + 1, "who") || tag_tok_is(s, j + 1, "whose"))) {
			j++;
			break;
		}
		/* "and" inside an organisation's name: "National Aeronautics and
		 * Space Administration", "Royal Academy of Painting and
		 * Sculpture" */
		if (tag_tok_is(s, j, "and") && (size_t)j + 1 < s->n &&
		    name_word(s, lx, j + 1) && and_in_org(s, lx, i, j)) {
			j++;
			continue;
		}
		/* a number after a name: "Apollo 11", "Norton I" */
		int c = connector_len(s, lx, j);
		if (c && (size_t)(j + c) < s->n && name_word(s, lx, j + c)) {
			/* "for" only inside organisation names and titles */
			if (tag_tok_is(s, j, "for")) {
				const tag_entry *be;
				bool org = false;
				for (int k = i; k < j; k++)
					if (has_kind(lx, &s->toks[k], LK_ORGWORD) ||
					    (dict_match((tag_sent *)s, lx, k, j, TITLE_KINDS, &be) &&
					    be->kind == LK_SECTOR))
						org = true;
				if (!org)
					break;
			}
			j += c;
			continue;
		}
		break;
	}
	return j;
}

/* ---- recording ----------------------------------------------------------- */

static int
type_of_entry(const tag_entry *e)
{
	switch (e->kind) {
	case LK_COUNTRY:
	case LK_CITY:
	case LK_REGION:
		return TT_GPE;
	case LK_PLACE:
		return TT_LOC;
	case LK_NORP:
		return TT_NORP;
	case LK_PERSON:
		return TT_PERSON;
	default:
		return TT_ORG;
	}
}

static void
code_of_entry(const tag_sent *s, const tag_lex *lx, const tag_entry *e,
    char out[12])
{
	if (e->kind == LK_PERSON)
		tag_lex_role(lx, e->person, s->date, out);
	else
		tag_copy(out, 12, e->code);
}

/* Words after which a name is a place: "in Tulsa", "from Łódź". */
static bool
place_context(const tag_sent *s, int i)
{
	static const char *const preps[] = {
		"in", "at", "near", "from", "to", "across", "around", "outside",
		"inside", "into", "throughout", "toward", "towards", "through",
		"via", "visit", "visited", "visiting", "of", "across", "between",
		"within", "reach", "reached", "leave", "left", "entered", "enter",
		"north", "south", "east", "west", "northern", "southern", "eastern",
		"western", "central", "downtown", NULL,
	};
	int k = i - 1;
	if (tag_tok_is(s, k, "the"))
		k--;
	return word_in(s, k, preps);
}

/* "North", "northeastern", "Central": a word that names a part of a
 * place before its name. */
static bool
compass_word(const tag_sent *s, int i)
{
	static const char *const words[] = {
		"north", "south", "east", "west", "northeast", "northwest",
		"southeast", "southwest", "northern", "southern", "eastern",
		"western", "northeastern", "northwestern", "southeastern",
		"southwestern", "central", "upper", "lower", NULL,
	};
	return word_in(s, i, words);
}

/* Words after a name that say it is a person. */
static bool
person_after(const tag_sent *s, int j)
{
	static const char *const verbs[] = {
		"said", "says", "told", "added", "asked", "wrote", "writes",
		"explained", "argued", "noted", "replied", "recalled", "thinks",
		"thought", "believes", "believed", "wanted", "wants", "felt",
		"feels", "died", "was born", "married", "retired", "who",
		"himself", "herself", "described", "announced", "stated", "insisted",
		"versus", "v.", "vs.", "explains", "argues", "recalls", "notes",
		"adds", "insists", "admits", "admitted", "denies", "denied", NULL,
	};
	return word_in(s, j, verbs);
}

/* "Goldsmith says", "Baker told": a singular noun that starts a sentence
 * with no article and speaks is a name. */
static bool
speaks(const tag_sent *s, const tag_lex *lx, int a)
{
	static const char *const verbs[] = {
		"said", "says", "told", "tells", "added", "argued", "argues",
		"explained", "explains", "wrote", "writes", "replied", "recalled",
		"insisted", "testified", "stated", "believes", "thinks", "noted",
		"notes", "claims", "claimed", "denied", "denies", "admitted",
		"admits", "acknowledged", "acknowledges", NULL,
	};
	const tag_tok *t = &s->toks[a];
	size_t n;
	const char *k = tag_tok_key(s, a, &n);
	if (n < 3 || k[n - 1] == 's' || has_kind(lx, t, LK_FUNCTION) ||
	    has_kind(lx, t, LK_SECTOR) || has_kind(lx, t, LK_TITLE) ||
	    has_kind(lx, t, LK_PERNOUN) || has_kind(lx, t, LK_NORP) ||
	    has_kind(lx, t, LK_DATEWORD) || (t->f & TF_UPPER))
		return false;
	int v = a + 1;
	if (tag_tok_is(s, v, "also") || tag_tok_is(s, v, "then") || tag_tok_is(s, v, "later"))
		v++;
	return word_in(s, v, verbs);
}

/* Register what later sentences of the document may call this entity. */
static void
remember(tag_sent *s, const tag_lex *lx, tag_doc *doc, const tag_entity *e)
{
	if (!doc)
		return;
	if (e->type == TT_PERSON && e->t1 - e->t0 >= 2) {
		size_t n;
		const char *k = tag_tok_key(s, e->t1 - 1, &n);
		tag_doc_add_alias(doc, k, n, TT_PERSON, e->code);
		if (has_kind(lx, &s->toks[e->t0], LK_SURNAME) ||
		    !has_kind(lx, &s->toks[e->t0], LK_GIVEN)) {
			k = tag_tok_key(s, e->t0, &n);
			if (!has_kind(lx, &s->toks[e->t0], LK_GIVEN) ||
			    has_kind(lx, &s->toks[e->t0], LK_SURNAME))
				tag_doc_add_alias(doc, k, n, TT_PERSON, e->code);
		}
	}
	/* the Republic of the Congo (Brazzaville) is "Congo" in its story;
	 * news otherwise means the Democratic Republic by it */
	size_t cn;
	const char *ck = tag_tok_key(s, e->t0, &cn);
	if (e->type == TT_GPE && strcmp(e->code, "COG") == 0 && cn >= 5 &&
	    (memcmp(ck, "congo", 5) == 0 || memcmp(ck, "republic", cn < 8 ? cn : 8) == 0) &&
	    !tag_doc_find_alias(doc, "congo", 5))
		tag_doc_add_alias(doc, "congo", 5, TT_GPE, "COG");
	/* a one-word name written mid-sentence: the same word starting a
	 * later sentence is that name too ("Marbles was born ...") */
	if (e->t1 - e->t0 == 1 && !(s->toks[e->t0].f & TF_START) &&
	    e->type != TT_NORP && e->type < TT_DATE) {
		size_t n;
		const char *k = tag_tok_key(s, e->t0, &n);
		tag_doc_note_word(doc, k, n, e->type, e->code, e->bare);
	}
	if (e->type == TT_GPE && e->t1 - e->t0 == 2) {
		/* "the North" after "North Korea" */
		size_t n;
		const char *k = tag_tok_key(s, e->t0, &n);
		if ((n == 5 && (memcmp(k, "north", 5) == 0 || memcmp(k, "south", 5) == 0)) ||
		    (n == 4 && (memcmp(k, "east", 4) == 0 || memcmp(k, "west", 4) == 0))) {
			tag_doc_add_alias(doc, k, n, TT_GPE, e->code);
			/* a story of North Korea calls the other Korea "the
			 * South" (and one of South Korea the North) */
			static const char *const opposite[][2] = {
				{ "north", "south" }, { "south", "north" },
				{ "east", "west" }, { "west", "east" },
			};
			size_t rn;
			const char *rest = tag_tok_key(s, e->t0 + 1, &rn);
			for (int o = 0; o < 4; o++) {
				size_t on = strlen(opposite[o][0]);
				if (on != n || memcmp(k, opposite[o][0], n) != 0)
					continue;
				const char *other = opposite[o][1];
				size_t m = strlen(other);
				char key[64];
				if (m + 1 + rn >= sizeof key ||
				    tag_doc_find_alias(doc, other, m))
					break;
				memcpy(key, other, m);
				key[m] = ' ';
				memcpy(key + m + 1, rest, rn);
				const tag_entry *c = tag_lex_kind(lx,
				    tag_lex_find(lx, key, m + 1 + rn), LK_COUNTRY);
				if (c && c->code[0])
					tag_doc_add_alias(doc, other, m, TT_GPE, c->code);
				break;
			}
		}
	}
}

/* Once the sentence is typed: a one-word guess that a list typed
 * ("Svendborg and Faaborg") replaces a bare guess the document kept. */
static void
remember_words(const tag_sent *s, tag_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < s->n_ents; i++) {
		const tag_entity *e = &s->ents[i];
		if (e->dropped || e->bare || e->t1 - e->t0 != 1 || e->type == TT_NORP ||
		    e->type >= TT_DATE || (s->toks[e->t0].f & TF_START))
			continue;
		size_t n;
		const char *k = tag_tok_key(s, e->t0, &n);
		tag_doc_note_word(doc, k, n, e->type, e->code, false);
	}
}

/* "Enjambment", "UV Radiation", "BAFTA Fellowship": a word made with a
 * suffix of abstract nouns ends no person's name (unless a list knows it
 * for a name: "Clement"). */
static bool
abstract_noun(const tag_sent *s, const tag_lex *lx, int i)
{
	static const char *const suffixes[] = {
		"ment", "ments", "tion", "tions", "sion", "sions", "ism",
		"isms", "ship", "ships", NULL,
	};
	static const char *const common_suffixes[] = { "ance", "ence", NULL };
	const tag_tok *t = &s->toks[i];
	size_t n;
	const char *k = tag_tok_key(s, i, &n);
	if (n < 7 || has_kind(lx, t, LK_GIVEN) || has_kind(lx, t, LK_SURNAME) ||
	    has_kind(lx, t, LK_PERSON) || has_kind(lx, t, LK_PROPER))
		return false;
	for (int w = 0; suffixes[w]; w++) {
		size_t m = strlen(suffixes[w]);
		if (memcmp(k + n - m, suffixes[w], m) == 0)
			return true;
	}
	for (int w = 0; common_suffixes[w]; w++)
		if (memcmp(k + n - 4, common_suffixes[w], 4) == 0 && is_common(lx, t))
			return true;
	return false;
}

/* Add a name; `bare` when nothing was said of it (see tag_entity). */
static tag_entity *
emit_as(tag_sent *s, const tag_lex *lx, tag_doc *doc, int t0, int t1, int type,
    const char *code, bool bare)
{
	if (type == TT_PERSON && !code && abstract_noun(s, lx, t1 - 1) &&
	    !(t1 - t0 >= 2 && has_kind(lx, &s->toks[t0], LK_GIVEN)))
		return NULL;
	/* a leading "the" is not part of the name (as GUM and news write),
	 * unless a place's name has it and is nothing without it ("The
	 * Hague", not "the United States") */
	const tag_entry *pe;
	unsigned places = (1u << LK_CITY) | (1u << LK_COUNTRY) | (1u << LK_REGION) |
	    (1u << LK_PLACE);
	while (t0 < t1 - 1 && (tag_tok_is(s, t0, "the")) &&
	    !(type == TT_GPE && (s->toks[t0].f & (TF_CAP | TF_UPPER)) &&
	    dict_match(s, lx, t0, t1, places, &pe) == t1 - t0 &&
	    dict_match(s, lx, t0 + 1, t1, places, &pe) != t1 - t0 - 1))
		t0++;
	/* "King Charles", "Queen Elizabeth", "Pope Francis" as the list
	 * writes them: the title is no part of the person's name */
	if (type == TT_PERSON && t1 - t0 >= 2 && (tag_tok_is(s, t0, "king") ||
	    tag_tok_is(s, t0, "queen") || tag_tok_is(s, t0, "pope")) &&
	    (s->toks[t0].f & TF_CAP) &&
	    (s->toks[t0 + 1].f & TF_CAP))
		t0++;
	tag_entity *e = tag_add_entity(s, t0, t1, type, code);
	if (e) {
		e->bare = bare;
		remember(s, lx, doc, e);
	}
	return e;
}

static tag_entity *
emit(tag_sent *s, const tag_lex *lx, tag_doc *doc, int t0, int t1, int type,
    const char *code)
{
	return emit_as(s, lx, doc, t0, t1, type, code, false);
}

/* ---- classifying a run ----------------------------------------------------- */

/* Does token i end in "-based", "-backed", "-led" ...: an adjective made
 * of a name ("Hong Kong-based"), unlike the syllables of a romanised name
 * ("Kim Jong-un"). */
static bool
adjective_suffix(const tag_sent *s, int i)
{
	static const char *const suffixes[] = {
		"-based", "-backed", "-led", "-owned", "-born", "-run", "-funded",
		"-made", "-controlled", "-held", "-bound", "-linked", "-allied",
		"-aligned", "-registered", "-flagged", "-headquartered", "-listed",
		"-style", "-supported", "-sponsored", "-occupied", "-ruled", NULL,
	};
	if (i < 0 || (size_t)i >= s->n || !(s->toks[i].f & TF_HYPHEN))
		return false;
	const char *w = s->text + s->toks[i].b;
	size_t n = s->toks[i].e - s->toks[i].b;
	for (int k = 0; suffixes[k]; k++) {
		size_t m = strlen(suffixes[k]);
		if (n > m && memcmp(w + n - m, suffixes[k], m) == 0)
			return true;
	}
	return false;
}

/* A title or role phrase at i within the run (President, Foreign
 * Minister, Mr.): its length, and its sector in *sector ("" if none). */
static int
title_at(tag_sent *s, const tag_lex *lx, int i, int limit, char sector[12])
{
	const tag_entry *e;
	int n = dict_match(s, lx, i, limit, TITLE_KINDS, &e);
	sector[0] = 0;
	if (!n)
		return 0;
	if (e->kind == LK_SECTOR && !(e->flags & LF_PERSON)) {
		/* "Foreign Ministry" is an organisation, not a title */
		return 0;
	}
	tag_copy(sector, 12, e->code);
	return n;
}

/* Is t a word that ends names of this kind (LK_ORGWORD, LK_LOCWORD)? */
static bool
head_of(const tag_lex *lx, const tag_tok *t, int kind)
{
	const tag_entry *e = tag_tok_entry(lx, t, kind);
	return e && (e->flags & LF_HEAD);
}

/* Does the run [a, b) end in an organisation word? */
static bool
org_headed(const tag_sent *s, const tag_lex *lx, int a, int b)
{
	/* every test below needs two words: and a run that is empty (the
	 * rest of a run a doubtful place covers whole) may end the sentence */
	if (b - a < 2)
		return false;
	const tag_entry *e = tag_tok_entry(lx, &s->toks[b - 1], LK_ORGWORD);
	if (e && (e->flags & LF_HEAD) && b - a >= 2)
		return true;
	/* "Brotherhood of Magicians", "Centre for Irish Studies" */
	for (int k = a; k < b - 1; k++) {
		if (!tag_tok_is(s, k + 1, "of") && !tag_tok_is(s, k + 1, "for"))
			continue;
		e = tag_tok_entry(lx, &s->toks[k], LK_ORGWORD);
		if (e && (e->flags & (LF_LEAD | LF_HEAD)))
			return true;
	}
	/* "École Normale", "Escola do Cérebro": an institution word of
	 * another language starts the name, with or without "of" */
	e = tag_tok_entry(lx, &s->toks[a], LK_ORGWORD);
	if (e && (e->flags & LF_LEAD) && b - a >= 2 && !is_common(lx, &s->toks[a]))
		return true;
	return false;
}

static bool
loc_headed(const tag_sent *s, const tag_lex *lx, int a, int b)
{
	if (b - a < 2)
		return false;   /* as in org_headed() */
	const tag_entry *e = tag_tok_entry(lx, &s->toks[b - 1], LK_LOCWORD);
	if (e && (e->flags & LF_HEAD) && b - a >= 2)
		return true;
	e = tag_tok_entry(lx, &s->toks[a], LK_LOCWORD);
	if (e && (e->flags & LF_LEAD) && b - a >= 2) {
		/* "New Julfa", "Upper Manhattan"; but "New Wave", "New Year",
		 * "North American": ordinary words or a nationality after an
		 * ordinary word name no place */
		if (!is_common(lx, &s->toks[a]) || !(compass_word(s, a) ||
		    tag_tok_is(s, a, "new") || tag_tok_is(s, a, "old") ||
		    tag_tok_is(s, a, "grand") || tag_tok_is(s, a, "great")))
			return true;
		for (int k = a + 1; k < b; k++)
			if (!is_common(lx, &s->toks[k]) && !has_kind(lx, &s->toks[k], LK_NORP))
				return true;
		return false;
	}
	return false;
}

/* The sector an organisation's last word gives it (Ministry: GOV). */
static const char *
org_sector(const tag_sent *s, const tag_lex *lx, int a, int b)
{
	const tag_entry *e;
	for (int k = a; k < b; k++) {
		int n = dict_match((tag_sent *)s, lx, k, b, 1u << LK_SECTOR, &e);
		if (n && k + n == b)
			return e->code;
	}
	return NULL;
}


/* "Fillmore's most noticed works", "Norton's proclamations": what a
 * person has, after a name and its possessive. */
static bool
personal_possessive(const tag_sent *s, int a)
{
	static const char *const personal[] = {
		"work", "works", "wife", "husband", "son", "daughter", "father",
		"mother", "brother", "sister", "death", "birth", "career",
		"biography", "memoir", "memoirs", "novel", "novels", "poems",
		"proclamation", "proclamations", "papers", "theory", NULL,
	};
	if ((size_t)a + 1 >= s->n || !(s->toks[a + 1].f & TF_POSS))
		return false;
	for (int j = a + 2; j < a + 6 && (size_t)j < s->n; j++) {
		if (!(s->toks[j].f & TF_WORD) || (s->toks[j].f & (TF_CAP | TF_UPPER)))
			return false;
		if (word_in(s, j, personal))
			return true;
	}
	return false;
}

/* A single word that the city list knows may still be a surname or an
 * ordinary word ("Holt", "Most"): small towns need a place's context. */

static bool
single_place_doubtful(const tag_sent *s, const tag_lex *lx, int a,
    const tag_entry *e)
{
	/* capitals, a user's cities and those of our own list (no index
	 * into the city table) are what they say */
	if (e->kind != LK_CITY || (e->flags & (LF_CAPITAL | LF_USER)) || e->city < 0)
		return false;
	unsigned pop = e->city >= 0 ? tag_cities[e->city].population : 0;
	/* "Fillmore's most noticed works", "Norton's proclamations" */
	if (personal_possessive(s, a))
		return pop < 100000;
	if (place_context(s, a))
		return false;
	const tag_tok *t = &s->toks[a];
	/* "Kennedy versus Green": a town's name in a case's name is a
	 * person's */
	if (tag_tok_is(s, a - 1, "versus") || tag_tok_is(s, a - 1, "v.") ||
	    tag_tok_is(s, a - 1, "vs."))
		return pop < 1000000;
	if (is_common(lx, t)) {
		/* "Phoenix is the capital of Arizona": a large city's name
		 * starting a sentence before a verb of being */
		static const char *const being[] = {
			"is", "was", "has", "had", "lies", "remains", "became",
			"offers", NULL,
		};
		if ((t->f & TF_START) && pop >= 1000000 && word_in(s, a + 1, being))
			return false;
		return pop < 500000 || (t->f & TF_START);
	}
	if (has_kind(lx, t, LK_GIVEN) || has_kind(lx, t, LK_SURNAME))
		return pop < 2000000;
	return pop < 100000;
}

static void
classify_rest(tag_sent *s, const tag_lex *lx, tag_doc *doc, int a, int b,
    const char *country, const char *sector, bool titled);

static bool
prev_in(const tag_sent *s, int a, const char *const *words)
{
	return word_in(s, a - 1, words);
}

/* A type of no entity: a work's title, a language. */
enum { NO_NAME = -2 };

/* The type a lower-case noun just before token a (or before "of" before
 * it) gives a name, NO_NAME for a work's title ("the film New York
 * Minute", "his book Hydrodynamica"), or -1. */
static int
noun_before(const tag_sent *s, const tag_lex *lx, int a)
{
	int k = a - 1;
	if (tag_tok_is(s, k, "like") || tag_tok_is(s, k, "of"))
		k--;
	if (k < 0 || !(s->toks[k].f & TF_WORD) || (s->toks[k].f & (TF_CAP | TF_UPPER)))
		return -1;
	const tag_tok *t = &s->toks[k];
	if (has_kind(lx, t, LK_PLACENOUN))
		return TT_GPE;
	if (k == a - 1 && has_kind(lx, t, LK_ORGNOUN))
		return TT_ORG;
	if (k == a - 1 && has_kind(lx, t, LK_PERNOUN))
		return TT_PERSON;
	if (k == a - 1 && has_kind(lx, t, LK_WORKNOUN))
		return NO_NAME;
	return -1;
}

/* "a professor at Harvard", "taught at Tsinghua", "an analyst at Nomura",
 * "a degree from Cambridge": where one studies or works is an
 * institution, even when a town has its name. */
static bool
institution_before(const tag_sent *s, int a)
{
	static const char *const at[] = {
		"professor", "professors", "lecturer", "lecturers", "researcher",
		"researchers", "scientist", "scientists", "economist", "economists",
		"analyst", "analysts", "strategist", "fellow", "fellows", "student",
		"students", "scholar", "dean", "studied", "studies", "studying",
		"taught", "teach", "teaches", "teaching", "educated", "enrolled",
		"lectured", "lecturing", "engineer", "engineers", "executive",
		"executives", "employee", "employees", "worked", "works", "working",
		"trader", "traders", "banker", "bankers", "research", "postdoctoral",
		"faculty", "professorship", "lectureship", "tenured", NULL,
	};
	static const char *const from[] = {
		"graduated", "graduating", "degree", "degrees", "doctorate",
		"diploma", "ph.d.", "phd", "masters", "bachelor", NULL,
	};
	/* "debuted for Boston", "24 games for Indianapolis": a team */
	static const char *const team[] = {
		"debuted", "debut", "played", "pitched", "game", "games", "innings",
		"appearances", "goals", "starts", NULL,
	};
	int k = a - 1;
	if (tag_tok_is(s, k, "the"))
		k--;
	const char *const *words = tag_tok_is(s, k, "at") ? at :
	    tag_tok_is(s, k, "from") ? from :
	    tag_tok_is(s, k, "for") || tag_tok_is(s, k, "with") ? team : NULL;
	if (!words)
		return false;
	if (word_in(s, k - 1, words))
		return true;
	/* "Professor of East Asian Studies at Harvard": a title's
	 * complement between */
	int j = k - 1;
	while (j > 0 && k - j < 8 && ((s->toks[j].f & TF_CAP) || tag_tok_is(s, j, "of") ||
	    tag_tok_is(s, j, "and")))
		j--;
	return j + 1 < k - 1 && (tag_tok_is(s, j + 1, "professor") ||
	    tag_tok_is(s, j + 1, "lecturer") || tag_tok_is(s, j + 1, "fellow"));
}

/* "the city of", "the province": a noun before a name (or before "of")
 * that makes it a settlement or a division, a GPE. */
static bool
settlement_before(const tag_sent *s, int a)
{
	static const char *const nouns[] = {
		"city", "cities", "town", "towns", "village", "villages", "capital",
		"province", "provinces", "state", "district", "districts", "county",
		"municipality", "commune", "hamlet", "settlement", "oblast",
		"prefecture", "port", "region", NULL,
	};
	int k = a - 1;
	if (tag_tok_is(s, k, "of"))
		k--;
	return word_in(s, k, nouns);
}

static bool
word_in(const tag_sent *s, int i, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (tag_tok_word(s, i, words[k]))
			return true;
	return false;
}

/* What the clause after a name at [.., b) says it is: "Temescal is a
 * neighborhood", "Socotra is a fairly new eco-tourism destination",
 * "Coron is in the province of", "Vava'u has a tropical climate",
 * "Eegimaa is a Jóola language".  TT_LOC, TT_ORG, TT_PERSON, NO_NAME for
 * a thing no entity names (a language, a film), or -1 when it says
 * nothing. */

static int
what_it_is(const tag_sent *s, const tag_lex *lx, int b)
{
	static const char *const copulas[] = {
		"is", "was", "are", "were", "remains", "remained", "became",
		"becomes", "'s", NULL,
	};
	static const char *const place_verbs[] = {
		"lies", "lay", "borders", "bordered", "located", "situated",
		"stretches", NULL,
	};
	static const char *const place_things[] = {
		"climate", "population", "coastline", "landscape", "coast",
		"beaches", "economy", "inhabitants", "residents", "streets",
		"downtown", "harbour", "harbor", "airport", "neighborhoods",
		"neighbourhoods", "skyline", NULL,
	};
	static const char *const fillers[] = {
		"also", "now", "still", "considered", "officially", "widely",
		"the", "a", "an", "one", "of", "largest", "main", "second", "third",
		"first", "only", "known", "as", "home", "to", "very", "fairly",
		"most", "more", "popular", "small", "large", "big", "new", "old",
		"major", "former", "historic", "famous", "beautiful", "tiny",
		"important", "local", "perfect", "and", "than", "less", "special",
		NULL,
	};
	static const char *const things[] = {
		"language", "languages", "dialect", "word", "term", "film", "movie",
		"book", "novel", "album", "song", "poem", "series", "show", "game",
		"mission", "capsule", "species", "genus", "drink", "cocktail",
		"software", "program", "tool", "method", "operator", "variety",
		"people", "tribe", NULL,
	};
	int k = b;
	if ((size_t)k >= s->n)
		return -1;
	if (s->toks[k].f & TF_POSS) {
		/* "Socotra's arid climate" */
		for (int j = k + 1; j < k + 4 && (size_t)j < s->n; j++)
			if (word_in(s, j, place_things))
				return TT_LOC;
		return -1;
	}
	/* "Rockridge, a neighborhood", "Bucha, a town near Kyiv": what an
	 * apposition says it is, in its first few words */
	if (tag_tok_is(s, k, ",") && (tag_tok_is(s, k + 1, "a") || tag_tok_is(s, k + 1, "an") ||
	    tag_tok_is(s, k + 1, "the"))) {
		for (int j = k + 2; j < k + 6 && (size_t)j < s->n; j++) {
			const tag_tok *t = &s->toks[j];
			if (!(t->f & TF_WORD) || tag_tok_is(s, j, "of"))
				return -1;
			if (word_in(s, j, things))
				return NO_NAME;
			if (has_kind(lx, t, LK_PLACENOUN))
				return TT_LOC;
			if (has_kind(lx, t, LK_ORGNOUN))
				return TT_ORG;
			if (has_kind(lx, t, LK_PERNOUN))
				return TT_PERSON;
		}
		return -1;
	}
	if (word_in(s, k, place_verbs) || (word_in(s, k + 1, place_verbs) &&
	    (tag_tok_is(s, k, "is") || tag_tok_is(s, k, "was"))))
		return TT_LOC;
	if (tag_tok_is(s, k, "has") || tag_tok_is(s, k, "had")) {
		for (int j = k + 1; j < k + 5 && (size_t)j < s->n; j++)
			if (word_in(s, j, place_things))
				return TT_LOC;
		return -1;
	}
	if (!word_in(s, k, copulas))
		return -1;
	k++;
	/* "is in the province of Palawan", "is on the north coast" (a
	 * person is in places too: "Shalev is in Levico Terme") */
	if ((tag_tok_is(s, k, "in") || tag_tok_is(s, k, "on")) && tag_tok_is(s, k + 1, "the") &&
	    (has_kind(lx, &s->toks[k + 2], LK_PLACENOUN) || compass_word(s, k + 2)))
		return TT_LOC;
	for (int j = k; j < k + 8 && (size_t)j < s->n; j++) {
		const tag_tok *t = &s->toks[j];
		if (t->f & TF_NUM)
			continue;
		if (!(t->f & TF_WORD))
			return -1;
		if (word_in(s, j, things))
			return NO_NAME;
		/* "a group of more than 50 islands": the noun after "of" */
		if (tag_tok_is(s, j, "group") && tag_tok_is(s, j + 1, "of"))
			continue;
		if (has_kind(lx, t, LK_PLACENOUN))
			return TT_LOC;
		if (has_kind(lx, t, LK_ORGNOUN))
			return TT_ORG;
		if (has_kind(lx, t, LK_PERNOUN))
			return TT_PERSON;
		bool filler = word_in(s, j, fillers);
		/* adjectives and names before the noun: "a Jóola language",
		 * "a fairly new eco-tourism destination" */
		if (!filler && !(t->f & (TF_CAP | TF_UPPER)) && has_kind(lx, t, LK_FUNCTION))
			return -1;
	}
	return -1;
}

/* Is the word after token a a verb it is the subject of?  A verb of the
 * past, an auxiliary, or a verb the function list knows in "-s". */
static int
verb_after(const tag_sent *s, const tag_lex *lx, int a)
{
	static const char *const singular[] = {
		"is", "was", "has", "does", "'s", NULL,
	};
	static const char *const aux[] = {
		"had", "did", "will", "would", "can", "could", "may", "might",
		"must", "should", NULL,
	};
	int v = a + 1;
	if (tag_tok_is(s, v, "also") || tag_tok_is(s, v, "then") ||
	    tag_tok_is(s, v, "later") || tag_tok_is(s, v, "never") ||
	    tag_tok_is(s, v, "still") || tag_tok_is(s, v, "once"))
		v++;
	if ((size_t)v >= s->n || !(s->toks[v].f & TF_WORD) ||
	    (s->toks[v].f & (TF_CAP | TF_UPPER)))
		return 0;
	if (word_in(s, v, singular))
		return 2;
	if (word_in(s, v, aux))
		return 1;       /* says nothing of number */
	size_t n;
	const char *k = tag_tok_key(s, v, &n);
	int32_t id = tag_lex_find(lx, k, n);
	bool fn = tag_lex_kind(lx, id, LK_FUNCTION) != NULL;
	if (n > 4 && k[n - 2] == 'e' && k[n - 1] == 'd' && (fn || tag_lex_kind(lx, id, LK_COMMON)))
		return 1;       /* past: says nothing of number */
	if (fn && n > 3 && k[n - 1] == 's' && k[n - 2] != 's' && k[n - 2] != 'u')
		return 3;       /* "hosts": singular, or a plural noun */
	return 0;
}

/* An ordinary word written with a capital that is a name: "In 2015,
 * Marbles became", "Goldsmith would", "Marbles is" (a plural noun with a
 * singular verb names one thing). */
static bool
common_as_name(const tag_sent *s, const tag_lex *lx, int a)
{
	static const char *const determiners[] = {
		"the", "a", "an", "this", "that", "these", "those", "his", "her",
		"its", "their", "our", "my", "your", "every", "each", "any", "some",
		"no", "all", "both", NULL,
	};
	const tag_tok *t = &s->toks[a];
	if (has_kind(lx, t, LK_FUNCTION) || has_kind(lx, t, LK_SECTOR) ||
	    has_kind(lx, t, LK_TITLE) || has_kind(lx, t, LK_PERNOUN) ||
	    has_kind(lx, t, LK_NORP) || has_kind(lx, t, LK_DATEWORD) ||
	    has_kind(lx, t, LK_MISCWORD) || has_kind(lx, t, LK_ORGWORD) ||
	    has_kind(lx, t, LK_LOCWORD) || has_kind(lx, t, LK_MONTH) ||
	    has_kind(lx, t, LK_WEEKDAY) || (t->f & (TF_UPPER | TF_HYPHEN)) ||
	    word_in(s, a - 1, determiners) || tag_tok_is(s, a - 1, "of") ||
	    (a > 0 && has_kind(lx, &s->toks[a - 1], LK_PARTICLE)))
		return false;
	size_t n;
	const char *k = tag_tok_key(s, a, &n);
	if (n < 4)
		return false;
	int v = verb_after(s, lx, a);
	if (!v)
		return false;
	bool plural = k[n - 1] == 's' && k[n - 2] != 's' && k[n - 2] != 'u' &&
	    k[n - 2] != 'i' && !(k[n - 3] == 'i' && k[n - 2] == 'c');
	if (t->f & TF_START)
		return plural && v == 2;
	return true;
}

/* "a Picasso painting", "Zurbarán artworks": a name before works of art
 * is the artist's. */
static bool
artist_works(const tag_sent *s, int a)
{
	static const char *const works[] = {
		"painting", "paintings", "artwork", "artworks", "sculpture",
		"sculptures", "portrait", "portraits", "canvas", "canvases",
		"etching", "etchings", "fresco", "frescoes", "symphony", "symphonies",
		"sonata", "sonatas", NULL,
	};
	return !(s->toks[a].f & TF_UPPER) && word_in(s, a + 1, works);
}

/* "Vinita, OK", "Washington, D.C.": a US state's postal code after a
 * comma is the state of the place before it. */
static bool
us_state_code(const tag_sent *s, int i)
{
	static const char codes[] =
	    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI "
	    "MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT "
	    "VA WA WV WI WY ";
	if (i < 1 || (size_t)i >= s->n || !tag_tok_is(s, i - 1, ","))
		return false;
	const tag_tok *t = &s->toks[i];
	const char *p = s->text + t->b;
	size_t n = t->e - t->b;
	if (n == 4 && memcmp(p, "D.C.", 4) == 0)
		return true;
	if (n != 2 || p[0] < 'A' || p[0] > 'Z' || p[1] < 'A' || p[1] > 'Z')
		return false;
	for (const char *c = codes; *c; c += 3)
		if (c[0] == p[0] && c[1] == p[1])
			return true;
	return false;
}

/* "the CW series", "Sky One's fantasy-romance series", "the Netflix
 * biographical drama": a name before its own programme is a broadcaster.
 * The name is an acronym or takes a possessive; up to three lower-case
 * words come between. */
static bool
media_after(const tag_sent *s, int a)
{
	static const char *const media[] = {
		"series", "show", "network", "channel", "sitcom", "documentary",
		"broadcast", "programme", "miniseries", "podcast", NULL,
	};
	int j = a + 1;
	bool poss = (size_t)j < s->n && (s->toks[j].f & TF_POSS);
	if (poss)
		j++;
	if (!poss && !(s->toks[a].f & TF_UPPER))
		return false;
	for (int w = 0; w < 4 && (size_t)j < s->n; w++, j++) {
		const tag_tok *t = &s->toks[j];
		if (!(t->f & TF_WORD) || (t->f & (TF_CAP | TF_UPPER)))
			return false;
		if (word_in(s, j, media))
			return true;
	}
	return false;
}

/* "a Mets fan", "the second Pirates player": a plural name before a
 * word of sport is a team. */
static bool
team_before_noun(const tag_sent *s, int a)
{
	static const char *const team_nouns[] = {
		"fan", "fans", "player", "players", "coach", "manager", "pitcher",
		"roster", "affiliate", "quarterback", "jersey", NULL,
	};
	const tag_tok *t = &s->toks[a];
	size_t n;
	const char *k = tag_tok_key(s, a, &n);
	return n > 3 && k[n - 1] == 's' && k[n - 2] != 's' && !(t->f & TF_START) &&
	    !(t->f & TF_UPPER) && !tag_tok_is(s, a - 1, "of") &&
	    word_in(s, a + 1, team_nouns);
}

/* Is token i a match score: "2-0", "3–1"? */
static bool
is_score(const tag_sent *s, int i)
{
	if (i < 0 || (size_t)i >= s->n || !(s->toks[i].f & TF_NUM))
		return false;
	const unsigned char *w = (const unsigned char *)s->text + s->toks[i].b;
	size_t n = s->toks[i].e - s->toks[i].b, k = 0, d1 = 0, d2 = 0;
	while (k < n && w[k] >= '0' && w[k] <= '9')
		k++, d1++;
	if (k < n && w[k] == '-')
		k++;
	else if (k + 2 < n && w[k] == 0xe2 && w[k + 1] == 0x80 && w[k + 2] == 0x93)
		k += 3;
	else
		return false;
	size_t v2 = k;
	while (k < n && w[k] >= '0' && w[k] <= '9')
		k++, d2++;
	/* one digit each, below 6: a set of tennis ("6-3", "7-5") is no
	 * team's score */
	return k == n && d1 == 1 && d2 == 1 && w[0] < '6' && w[v2] < '6';
}

/* "Asante Kotoko beat Hearts of Oak 2-0", "rivals Vado United 1-1": a
 * name right before a score, or the subject of a win whose other side
 * is followed by one, is a team. */
static bool
team_by_score(const tag_sent *s, int b)
{
	static const char *const wins[] = {
		"beat", "beats", "defeated", "defeats", "edged", "thrashed",
		"routed", "stunned", "overcame", "held", "drew", "lost", NULL,
	};
	if (is_score(s, b))
		return true;
	if ((size_t)b >= s->n || (s->toks[b].f & (TF_CAP | TF_UPPER)) ||
	    !(s->toks[b].f & TF_WORD) || !word_in(s, b, wins))
		return false;
	for (int k = b + 1; k < b + 9 && (size_t)k < s->n; k++) {
		if (tag_tok_is(s, k, ".") || tag_tok_is(s, k, ";"))
			return false;
		if (is_score(s, k))
			return k == b + 1 || (s->toks[k - 1].f & TF_CAP) != 0;
	}
	return false;
}

/* "Commerzbank shares fell", "shares of Kovar", "agreed to buy Hess",
 * "the founder of FTX": a name news gives as a company's.  a and b are
 * the run. */
static bool
company_context(const tag_sent *s, const tag_lex *lx, int a, int b)
{
	static const char *const after[] = {
		"shares", "stock", "stocks", "shareholders", "stockholders",
		NULL,
	};
	static const char *const buyers[] = {
		"buy", "buys", "bought", "buying", "acquire", "acquires",
		"acquired", "acquiring", NULL,
	};
	static const char *const heads[] = {
		"shares", "founder", "co-founder", "cofounder", "ceo", "shareholders",
		"owner", "owners", "takeover", "acquisition", "stake", NULL,
	};
	/* "buy Anna a gift": a given name is a person's */
	if (has_kind(lx, &s->toks[a], LK_GIVEN))
		return false;
	if ((size_t)b < s->n && (s->toks[b].f & TF_WORD) &&
	    !(s->toks[b].f & (TF_CAP | TF_UPPER)) && word_in(s, b, after))
		return true;
	if (a < 1 || !(s->toks[a - 1].f & TF_WORD) || (s->toks[a - 1].f & (TF_CAP | TF_UPPER)))
		return false;
	if (word_in(s, a - 1, buyers))
		return true;
	return (tag_tok_is(s, a - 1, "of") || tag_tok_is(s, a - 1, "in")) &&
	    word_in(s, a - 2, heads) && (!(s->toks[a - 2].f & (TF_CAP | TF_UPPER)) ||
	    (s->toks[a - 2].f & TF_START));
}

/* "the Casamance region", "the Zagros mountains", "Coron waters": a
 * name before a noun of geography is the place's. */
static bool
geo_noun_after(const tag_sent *s, int a)
{
	static const char *const geo[] = {
		"region", "regions", "mountains", "mountain", "range", "river",
		"lake", "lakes", "sea", "valley", "district", "districts", "island",
		"islands", "peninsula", "desert", "waters", "coast", "province",
		"basin", "plateau", "delta", "archipelago", "highlands", "lowlands",
		"county", "counties", "governorate", "prefecture", "oblast",
		"municipality", "state", NULL,
	};
	return (size_t)a + 1 < s->n && (s->toks[a + 1].f & TF_WORD) &&
	    !(s->toks[a + 1].f & (TF_CAP | TF_UPPER)) && word_in(s, a + 1, geo);
}

/* The type of a capitalised word nothing else explains, from the words
 * around it; -1 for none. */
static int
guess_single(const tag_sent *s, const tag_lex *lx, int a, bool *bare)
{
	*bare = false;
	static const char *const person_prev[] = {
		"by", "with", "mr.", "mrs.", "ms.", "dr.", "prof.", "versus", "v.",
		"vs.", "says", "said", "according", "told", "asked", "thanked", NULL,
	};
	static const char *const place_prev[] = {
		"in", "at", "near", "from", "into", "across", "visited", "visit",
		"through", "along",
		"visiting", "outside", "around", "throughout", "toward", "towards",
		"via", "to", "of", "inside", "within", NULL,
	};
	const tag_tok *t = &s->toks[a];
	size_t n;
	const char *k = tag_tok_key(s, a, &n);
	/* "the Pirates", "the Mets": a plural ordinary word with a capital
	 * after "the" names a team or a band */
	if (tag_tok_is(s, a - 1, "the") && n > 3 && k[n - 1] == 's' &&
	    k[n - 2] != 's' && is_common(lx, t) && !(t->f & TF_START) &&
	    !has_kind(lx, t, LK_SECTOR) && !has_kind(lx, t, LK_MISCWORD))
		return TT_ORG;
	if (is_common(lx, t) && !has_kind(lx, t, LK_PROPER))
		return common_as_name(s, lx, a) ? TT_PERSON : -1;
	if (has_kind(lx, t, LK_MONTH) || has_kind(lx, t, LK_WEEKDAY) ||
	    has_kind(lx, t, LK_TITLE) || has_kind(lx, t, LK_SECTOR) ||
	    has_kind(lx, t, LK_ORGWORD) || has_kind(lx, t, LK_LOCWORD) ||
	    has_kind(lx, t, LK_MISCWORD))
		return -1;
	if (t->f & TF_HYPHEN) {
		/* "High-tech", "Mutation-based": a compound word */
		const char *h = memchr(s->text + t->b, '-', t->e - t->b);
		if (h && h[1] >= 'a' && h[1] <= 'z')
			return -1;
	}
	/* "Herrick explains", "Nida brings in": a verb of speech after it
	 * (no modifier of a noun) */
	if (person_after(s, a + 1) && !tag_tok_is(s, a - 1, "the"))
		return TT_PERSON;
	if (artist_works(s, a))
		return TT_PERSON;
	/* a name used as a modifier: "the Eegimaa language", "CoM position" */
	if ((size_t)a + 1 < s->n) {
		const tag_tok *nx = &s->toks[a + 1];
		if ((nx->f & TF_WORD) && !(nx->f & (TF_CAP | TF_UPPER)) &&
		    is_common(lx, nx) && !has_kind(lx, nx, LK_FUNCTION)) {
			size_t nn;
			const char *nk = tag_tok_key(s, a + 1, &nn);
			if (!(nn > 4 && memcmp(nk + nn - 2, "ed", 2) == 0) &&
			    !(nn > 3 && memcmp(nk + nn - 2, "ly", 2) == 0))
				return -1;
		}
	}
	/* "Formica fusca", "Beauveria bassiana": a genus before a Latin
	 * word that no English list knows is a species, no name */
	if ((size_t)a + 1 < s->n && (s->toks[a + 1].f & TF_WORD) &&
	    !(s->toks[a + 1].f & (TF_CAP | TF_UPPER)) && s->toks[a + 1].lex < 0 &&
	    !(s->toks[a + 1].f & TF_NOLEX) && s->toks[a + 1].ke - s->toks[a + 1].kb >= 4)
		return -1;
	/* a quoted word, or one alone in brackets or at the end: a title,
	 * a term, a nickname more often than a person */
	if (tag_tok_is(s, a - 1, "\"") || tag_tok_is(s, a + 1, "\"") ||
	    tag_tok_is(s, a - 1, "\xe2\x80\x9c") || tag_tok_is(s, a + 1, "\xe2\x80\x9d") ||
	    tag_tok_is(s, a + 1, ")"))
		return -1;
	bool poss = (size_t)a + 1 < s->n && (s->toks[a + 1].f & TF_POSS);
	/* "the villages Brin", "the village of Banjal", "publishing giant
	 * Elsevier", "novelist Stein" */
	int kind = noun_before(s, lx, a);
	if (kind >= 0 || kind == NO_NAME)
		return kind >= 0 ? kind : -1;
	/* "Temescal is a neighborhood", "Eegimaa is a Jóola language" */
	kind = what_it_is(s, lx, a + 1);
	if (kind >= 0 || kind == NO_NAME)
		return kind >= 0 ? kind : -1;
	if (prev_in(s, a, person_prev) || poss || person_after(s, a + 1))
		return TT_PERSON;
	/* "a letter to Chevalier", "awarded to Dvořák": to a person */
	static const char *const to_person[] = {
		"letter", "letters", "awarded", "given", "wrote", "written",
		"confided", "married", "spoke", "talked", "replied", "introduced",
		"belonged", "addressed", "dedicated", "thanks", "compared", "related",
		"engaged", "sold", "lent", "loyal", "close", "similar", NULL,
	};
	if (tag_tok_is(s, a - 1, "to") && prev_in(s, a - 1, to_person))
		return TT_PERSON;
	/* "the death of Petronios", "a successor to Pachomius", "a quote
	 * from Virgil": nouns of a person's life and work */
	static const char *const of_person[] = {
		"death", "birth", "help", "line", "lines", "quote", "quotes",
		"successor", "predecessor", "assistant", "favorite", "favourite",
		"behalf", "coverage", "portrait", "request", "wife", "husband", "son",
		"daughter", "friend", "friends", "student", "students", "disciple",
		"disciples", "followers", "memory", "honour", "honor", "legacy",
		"influence", "teachings", "reign", "views", "words", "poems",
		"letters", "obedience", "loyalty", "attributed", "devoted",
		"dedicated", "turned", "biography", "murder", "funeral", "wishes",
		"orders", "command", "supporters", "opponents", "critics", "aide",
		"aides", "rival", "rivals", "ally", "allies", NULL,
	};
	if ((tag_tok_is(s, a - 1, "of") || tag_tok_is(s, a - 1, "to") ||
	    tag_tok_is(s, a - 1, "from")) && prev_in(s, a - 1, of_person))
		return TT_PERSON;
	if (prev_in(s, a, place_prev))
		return TT_GPE;
	/* "Paramus, NJ": a town of a US state */
	if (us_state_code(s, a + 2))
		return TT_GPE;
	/* "Exeter, Devon": a name after a place and a comma is the region
	 * it is in */
	if (tag_tok_is(s, a - 1, ",") && a >= 2 && s->toks[a - 2].ent >= 0 &&
	    s->ents[s->toks[a - 2].ent].type == TT_GPE && !poss &&
	    ((size_t)a + 1 >= s->n || tag_tok_is(s, a + 1, ".") ||
	    tag_tok_is(s, a + 1, ";") || tag_tok_is(s, a + 1, ")")) && !is_common(lx, t))
		return TT_GPE;
	if (is_common(lx, t))
		return -1;
	if (tag_tok_is(s, a - 1, "the")) {
		/* "the Thais": a people, when the singular is a nationality */
		if (n > 3 && k[n - 1] == 's' &&
		    tag_lex_kind(lx, tag_lex_find(lx, k, n - 1), LK_NORP))
			return -1;
		return TT_LOC;
	}
	/* a word alone at the end is a title or a term, unless it ends a
	 * list ("in Timbuktu and Kidal.") */
	if (tag_tok_is(s, a + 1, ".") && (size_t)a + 2 >= s->n &&
	    !(tag_tok_is(s, a - 1, "and") || tag_tok_is(s, a - 1, "or")))
		return -1;
	*bare = true;
	return TT_PERSON;
}

/* A dictionary name at a that is more than a small town's name. */
static bool
strong_match_at(tag_sent *s, const tag_lex *lx, int a, int b)
{
	const tag_entry *e;
	int n = dict_match(s, lx, a, b, NAME_KINDS, &e);
	return n > 1 || (n == 1 && !single_place_doubtful(s, lx, a, e));
}

/* Has the document named this word before? */
static bool
known_in_doc(const tag_sent *s, const tag_doc *doc, int a)
{
	if (!doc)
		return false;
	size_t n;
	const char *k = tag_tok_key(s, a, &n);
	return tag_doc_find_alias(doc, k, n) != NULL;
}

/* Does a person's name start at token a (before b)?  A known person, a
 * given name, a family name that comes first, or a person the document
 * named: "Park Jin", "Park" (a Korean family name), "Blinken" after
 * "Antony Blinken". */
static bool
person_start(tag_sent *s, const tag_lex *lx, const tag_doc *doc, int a, int b)
{
	const tag_tok *t = &s->toks[a];
	if (has_kind(lx, t, LK_GIVEN) || has_kind(lx, t, LK_SURNAME))
		return true;
	const tag_entry *e;
	if (dict_match(s, lx, a, b, 1u << LK_PERSON, &e))
		return true;
	if (doc) {
		size_t n;
		const char *k = tag_tok_key(s, a, &n);
		const tag_alias *al = tag_doc_find_alias(doc, k, n);
		if (al && al->type == TT_PERSON)
			return true;
	}
	return false;
}

/* A year of a citation at k: "1989", "2011a", closing its reference. */
static bool
citation_year(const tag_sent *s, int k)
{
	if ((size_t)k >= s->n || !(s->toks[k].f & TF_NUM) || s->toks[k].e - s->toks[k].b < 4)
		return false;
	const char *p = s->text + s->toks[k].b;
	int year = 0;
	for (int i = 0; i < 4; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		year = year * 10 + (p[i] - '0');
	}
	size_t n = s->toks[k].e - s->toks[k].b;
	if (n > 5 || (n == 5 && (p[4] < 'a' || p[4] > 'z')))
		return false;
	return year >= 1500 && year <= 2099 && ((size_t)k + 1 >= s->n ||
	    tag_tok_is(s, k + 1, ")") || tag_tok_is(s, k + 1, ";") ||
	    tag_tok_is(s, k + 1, ",") || tag_tok_is(s, k + 1, ":"));
}

/* A word, comma or "&"/"and" of a list of authors. */
static bool
author_list_tok(const tag_sent *s, int i)
{
	const tag_tok *t = &s->toks[i];
	return tag_tok_is(s, i, ",") || tag_tok_is(s, i, "&") || tag_tok_is(s, i, "and") ||
	    ((t->f & TF_WORD) && capitalised(t));
}

/* "(Hein, Reich, Marks, & Grigorenko, 2016)": every name of a list of
 * authors between an opening bracket (or ';') and the year is a person,
 * ordinary words ("Marks", "Chin") too. */
static bool
in_author_list(const tag_sent *s, int a, int b)
{
	int i = a - 1, k = b;
	while (i >= 0 && a - i < 30 && author_list_tok(s, i) && !tag_tok_is(s, i, "and"))
		i--;
	/* (the first of the list only before a comma: "(Heidenreich &
	 * Turano, 2011)" is often named as one work) */
	if (i < 0 || !(tag_tok_is(s, i, "(") || tag_tok_is(s, i, ";")) ||
	    (i == a - 1 && !tag_tok_is(s, b, ",")))
		return false;
	while ((size_t)k < s->n && k - b < 30 && author_list_tok(s, k))
		k++;
	return k > b && tag_tok_is(s, k - 1, ",") && citation_year(s, k);
}

/* A name at [a, b) cited as an author: "Gibbons et al.", "(Baker,
 * 2015; Chambers, 2017)".  ("Stoker (2013)" is as often a film.) */
static bool
cites_author(const tag_sent *s, int a, int b)
{
	int k = b;
	if (tag_tok_is(s, k, "et") && (tag_tok_is(s, k + 1, "al.") || tag_tok_is(s, k + 1, "al")))
		return true;
	for (int i = a; i < b; i++)
		if (!(s->toks[i].f & TF_WORD))
			return false;
	if (in_author_list(s, a, b))
		return true;
	if (!tag_tok_is(s, k, ",") || !(tag_tok_is(s, a - 1, "(") || tag_tok_is(s, a - 1, ";")))
		return false;
	return citation_year(s, k + 1);
}

/* "Governor of Virginia": a title at [t, of) and "of" a name to the run's
 * end, with no person named after it ("Prime Minister of India Narendra
 * Modi" is Modi).  Emits the whole as a PERSON. */
static bool
office_of(tag_sent *s, const tag_lex *lx, tag_doc *doc, int t, int of, int b,
    const char *sector)
{
	int c = of + 1;
	if (tag_tok_is(s, c, "the"))
		c++;
	if (c >= b || !capitalised(&s->toks[c]) || has_kind(lx, &s->toks[b - 1], LK_MISCWORD))
		return false;       /* "Professor of Linguistics" names a chair */
	const tag_entry *e;
	int n = dict_match(s, lx, c, b, NAME_KINDS, &e);
	if (n && n < b - c)
		return false;
	for (int k = c + 1; k < b; k++)
		if (person_start(s, lx, doc, k, b) && !has_kind(lx, &s->toks[k], LK_ORGWORD))
			return false;
	char code[12] = "";
	if (n && e->kind != LK_PERSON && e->code[0]) {
		if (strncmp(e->code, "IGO", 3) == 0 || strncmp(e->code, "NGO", 3) == 0)
			tag_copy(code, sizeof code, e->code);
		else if (sector && sector[0])
			tag_code_join(code, e->code, sector);
		else
			tag_code_join(code, e->code, NULL);
	}
	emit(s, lx, doc, t, b, TT_PERSON, code[0] ? code : NULL);
	return true;
}

/* Does the run ending at b end in a plural ("Free Democrats")? */
static bool
ends_plural(const tag_sent *s, int b)
{
	size_t n;
	const char *k = tag_tok_key(s, b - 1, &n);
	return n > 3 && k[n - 1] == 's' && k[n - 2] != 's' && k[n - 2] != 'u';
}

/* Titles that are part of how a person is called, kept in the name. */
static bool
part_of_name(const tag_sent *s, int i)
{
	static const char *const titles[] = {
		"emperor", "empress", "tsar", "czar", "tsarina", "tsarevna",
		"kaiser", "miss", "dame", "mc", "dj", NULL,
	};
	return word_in(s, i, titles);
}

static bool common_as_name(const tag_sent *s, const tag_lex *lx, int a);

/* Classify the run [a, b) of capitalised words. */
static void
classify_run(tag_sent *s, const tag_lex *lx, tag_doc *doc, int a, int b)
{
	const tag_entry *e;
	char country[12] = "", sector[12] = "";
	bool titled = false;

	/* "Typhoon Yagi", "Hurricane Milton", "Storm Boris": a storm's
	 * name is an event's, nobody's and nowhere */
	{
		static const char *const storms[] = {
			"typhoon", "hurricane", "cyclone", "storm", "tornado", NULL,
		};
		if (b - a >= 2 && (s->toks[a].f & TF_CAP) && word_in(s, a, storms))
			return;
	}
	/* "Mars's surface", "Earth's orbit": a planet's (or a lone
	 * noname's) word alone is nobody, whatever context follows */
	if (b - a == 1 && (e = tag_tok_entry(lx, &s->toks[a], LK_NONAME)) &&
	    (e->flags & LF_LONE))
		return;
	/* "a Hong Kong-based shipper", "Iran-backed militias": an
	 * adjective made of a name; its place lies inside a word, where an
	 * entity cannot start or end */
	if (adjective_suffix(s, b - 1))
		return;
	/* "Rahul Gandhi of the Congress party", "Anna Kessel of the Red
	 * Cross": a person's two or three names and where the person
	 * belongs, not one organisation's name */
	for (int k = a + 2; k <= a + 3 && k < b - 2; k++) {
		const tag_tok *w = &s->toks[k - 1];
		if (!(w->f & TF_CAP) || (w->f & TF_UPPER) || is_common(lx, w) ||
		    has_kind(lx, w, LK_ORGWORD) || has_kind(lx, w, LK_LOCWORD) ||
		    has_kind(lx, w, LK_TITLE) || has_kind(lx, w, LK_MISCWORD) ||
		    has_kind(lx, w, LK_COUNTRY) || has_kind(lx, w, LK_CITY))
			break;
		if (tag_tok_is(s, k, "of") && tag_tok_is(s, k + 1, "the") &&
		    !is_common(lx, &s->toks[a]) && !has_kind(lx, &s->toks[a], LK_FUNCTION)) {
			classify_run(s, lx, doc, a, k);
			classify_run(s, lx, doc, k + 2, b);
			return;
		}
	}
	/* "the ruling Georgian Dream party", "the Kenya Power company": a
	 * name before such a word is the party's, the firm's (a lone
	 * nationality or place before it, "the Republican party", "a Tokyo
	 * firm", stays what it is) */
	static const char *const org_nouns_after[] = {
		"party", "parties", "company", "firm", "militia", NULL,
	};
	if ((size_t)b < s->n && !(s->toks[b].f & (TF_CAP | TF_UPPER)) &&
	    (s->toks[b].f & TF_WORD) && word_in(s, b, org_nouns_after) &&
	    !(b - a == 1 && (has_kind(lx, &s->toks[a], LK_NORP) ||
	    has_kind(lx, &s->toks[a], LK_COUNTRY) || has_kind(lx, &s->toks[a], LK_CITY) ||
	    has_kind(lx, &s->toks[a], LK_REGION))) &&
	    !(s->toks[b - 1].f & TF_POSS) && !has_kind(lx, &s->toks[a], LK_PERSON) &&
	    !has_kind(lx, &s->toks[b - 1], LK_MISCWORD)) {
		/* "Her Tolvo party", "Engineers of the Vardan Power company":
		 * a small word or an ordinary noun and "of" starting the
		 * sentence are not the name */
		while (a < b - 1 && (s->toks[a].f & TF_START) && has_kind(lx, &s->toks[a], LK_FUNCTION))
			a++;
		if (b - a >= 3 && (s->toks[a].f & TF_START) && is_common(lx, &s->toks[a]) &&
		    !has_kind(lx, &s->toks[a], LK_ORGWORD) && tag_tok_is(s, a + 1, "of"))
			a += tag_tok_is(s, a + 2, "the") && b - a >= 4 ? 3 : 2;
		/* a listed party keeps its code: "her Morena party" */
		const tag_entry *pe;
		char pcode[12] = "";
		if (dict_match(s, lx, a, b, 1u << LK_ORG, &pe) == b - a)
			code_of_entry(s, lx, pe, pcode);
		emit(s, lx, doc, a, b, TT_ORG, pcode[0] ? pcode : NULL);
		return;
	}
	if (b - a >= 2 && adjective_suffix(s, a)) {
		/* "the Iran-backed Houthis": the name after it */
		classify_run(s, lx, doc, a + 1, b);
		return;
	}
	/* "Stardust @ home", "Folding @ home": a project's or a handle's
	 * name, nobody's */
	if (b - a == 1 && tag_tok_is(s, b, "@") && (size_t)b + 1 < s->n &&
	    (s->toks[b + 1].f & TF_WORD) && !capitalised(&s->toks[b + 1]))
		return;
	/* "CFLs", "NGOs": an acronym in the plural is a common noun */
	if (b - a == 1) {
		const tag_tok *t = &s->toks[a];
		const char *p = s->text + t->b;
		size_t n = t->e - t->b, caps = 0;
		while (caps < n && p[caps] >= 'A' && p[caps] <= 'Z')
			caps++;
		if (caps >= 2 && caps + 1 == n && p[caps] == 's')
			return;
	}
	/* "from March to August 2011": a month opening a range of months is
	 * no town named so */
	if (b - a == 1 && has_kind(lx, &s->toks[a], LK_MONTH) &&
	    (tag_tok_is(s, b, "to") || tag_tok_is(s, b, "through") ||
	    tag_tok_is(s, b, "until") || tag_tok_is(s, b, "till") ||
	    tag_tok_is(s, b, "and") || tag_tok_is(s, b, "or")) &&
	    (size_t)b + 1 < s->n && has_kind(lx, &s->toks[b + 1], LK_MONTH))
		return;

	/* "(Baker, 2015; Chambers, 2017)", "Gibbons et al.": an author */
	if (b - a <= 3 && cites_author(s, a, b) && !strong_match_at(s, lx, a, b) &&
	    !org_headed(s, lx, a, b) && !has_kind(lx, &s->toks[b - 1], LK_ORGWORD)) {
		emit(s, lx, doc, a, b, TT_PERSON, NULL);
		return;
	}

	/* a sentence-initial ordinary word is not a name ("However", "White
	 * settlers"), unless a dictionary phrase starts with it */
	while (a < b && (s->toks[a].f & TF_START) && is_common(lx, &s->toks[a]) &&
	    !strong_match_at(s, lx, a, b) && !known_in_doc(s, doc, a) &&
	    (!has_kind(lx, &s->toks[a], LK_GIVEN) || (has_kind(lx, &s->toks[a], LK_FUNCTION) &&
	    b - a == 1)) &&
	    !(tag_tok_entry(lx, &s->toks[a], LK_LOCWORD) && b - a > 1) &&
	    !(tag_tok_entry(lx, &s->toks[a], LK_ORGWORD) && b - a > 1 &&
	    tag_tok_is(s, a + 1, "of")) &&
	    !title_at(s, lx, a, b, sector) && !(b - a == 1 && speaks(s, lx, a)) &&
	    /* "Air Canada flies": an airline */
	    !(b - a >= 2 && tag_tok_is(s, a, "air") && (has_kind(lx, &s->toks[a + 1], LK_COUNTRY) ||
	    has_kind(lx, &s->toks[a + 1], LK_NORP) || has_kind(lx, &s->toks[a + 1], LK_CITY))) &&
	    !(b - a == 1 && common_as_name(s, lx, a)) &&
	    /* "Goldsmith's test": a word that is also a family name, with
	     * a possessive */
	    !(b - a == 1 && has_kind(lx, &s->toks[a], LK_PROPER) &&
	    !has_kind(lx, &s->toks[a], LK_FUNCTION) && !is_contraction(s, a) &&
	    (size_t)a + 1 < s->n && (s->toks[a + 1].f & TF_POSS)) &&
	    !(b - a >= 3 && (org_headed(s, lx, a, b) || loc_headed(s, lx, a, b))) &&
	    /* "Main Street is", "Lattice Lab, CNRS": two words and a head */
	    !(b - a == 2 && !has_kind(lx, &s->toks[a], LK_FUNCTION) &&
	    !strong_match_at(s, lx, a + 1, b) &&
	    (head_of(lx, &s->toks[a + 1], LK_ORGWORD) ||
	    head_of(lx, &s->toks[a + 1], LK_LOCWORD))))
		a++;
	/* "Shares of BHP Group", "Thousands of Gaza residents": a
	 * quantity before "of" starts no name */
	{
		static const char *const quantities[] = {
			"shares", "stocks", "thousands", "hundreds", "millions",
			"dozens", "tens", "members", "supporters", "residents",
			"officials", "leaders", "employees", "workers", "some", "many",
			"most", "all", "none", "each", "part", "parts", "much",
			"engineers", "doctors", "scientists", "researchers", "students",
			"soldiers", "troops", "delegates", "representatives", "lawmakers",
			"executives", "fans", "relatives", "families", "victims",
			"survivors", "citizens", "protesters", "staff", "investors",
			"analysts", "experts", "critics", "rescuers", "volunteers",
			"farmers", "teachers", "nurses", "villagers", NULL,
		};
		while (b - a >= 3 && ((s->toks[a].f & TF_START) || a == 0 ||
		    !(s->toks[a - 1].f & TF_WORD)) && word_in(s, a, quantities) &&
		    tag_tok_is(s, a + 1, "of"))
			a += 2;
	}
	/* no name starts with a small word: "Most of Argentina"; and an
	 * ordinary word and "&" start no name of their own ("Baron &
	 * Beresford" cites two authors) */
	while (a < b && (tag_tok_is(s, a, "the") || tag_tok_is(s, a, "a") ||
	    tag_tok_is(s, a, "an") || connector_len(s, lx, a))) {
		if (tag_tok_is(s, a, "&"))
			return;
		a++;
	}
	if (a >= b)
		return;
	/* "the film New York Minute", "his book Hydrodynamica": a title */
	if (noun_before(s, lx, a) == NO_NAME)
		return;
	/* "Troy Patterson of Slate Magazine": a person and where they work
	 * are two names */
	char tsecp[12];
	/* "Dr. Amina Bello of Kesh University": a title first makes the
	 * names after it a person's (looked up only when "of" is near) */
	int tt = 0;
	for (int k = a + 2; k <= a + 5 && k + 2 <= b; k++)
		if (tag_tok_is(s, k, "of")) {
			tt = title_at(s, lx, a, b, tsecp);
			break;
		}
	int p0 = a + tt;
	for (int k = p0 + 2; k <= p0 + 3 && k + 2 <= b; k++) {
		char tsec0[12];
		if (!tag_tok_is(s, k, "of"))
			continue;
		if ((!tt && !has_kind(lx, &s->toks[p0], LK_GIVEN)) ||
		    title_at(s, lx, p0, k, tsec0) ||
		    org_headed(s, lx, p0, k) || loc_headed(s, lx, p0, k))
			break;
		const tag_entry *oe;
		if (org_headed(s, lx, k + 1, b) ||
		    (dict_match(s, lx, k + 1, b, 1u << LK_ORG, &oe) == b - k - 1)) {
			classify_run(s, lx, doc, a, k);
			classify_run(s, lx, doc, k + 1, b);
			return;
		}
		break;
	}
	/* "Lagrange's Mécanique Analytique", "Shaw's Pygmalion": what a
	 * person's possessive names with unknown words is a work of theirs */
	if (a >= 2 && (s->toks[a - 1].f & TF_POSS) && s->toks[a - 2].ent >= 0 &&
	    s->ents[s->toks[a - 2].ent].type == TT_PERSON && !strong_match_at(s, lx, a, b) &&
	    !ends_plural(s, b) &&
	    !has_kind(lx, &s->toks[a], LK_GIVEN) && !org_headed(s, lx, a, b) &&
	    !loc_headed(s, lx, a, b) && !title_at(s, lx, a, b, sector))
		return;

	/* a regnal name: "Norton I", "Shah Abbas I", "Louis XV" */
	if (b - a >= 2 && is_roman(s, b - 1) && !is_roman(s, b - 2) &&
	    !org_headed(s, lx, a, b) && !(s->toks[a].f & TF_UPPER) &&
	    !has_kind(lx, &s->toks[b - 2], LK_MISCWORD) &&
	    !has_kind(lx, &s->toks[a], LK_MISCWORD)) {
		int t = a;
		char tsec[12];
		int tn = title_at(s, lx, a, b - 1, tsec);
		if (tn && a + tn < b - 1 && !part_of_name(s, a))
			t = a + tn;
		emit(s, lx, doc, t, b, TT_PERSON, NULL);
		return;
	}
	/* the whole run is a dictionary phrase */
	int n = dict_match(s, lx, a, b, NAME_KINDS, &e);
	char tsec[12];
	if (institution_before(s, a) && !title_at(s, lx, a, b, tsec) &&
	    (n == 0 || e->kind == LK_CITY || e->kind == LK_PLACE || e->kind == LK_REGION ||
	    (e->kind == LK_ORG && n == b - a)) &&
	    !(n == 0 && b - a >= 2 && has_kind(lx, &s->toks[a], LK_GIVEN))) {
		const char *code = n == b - a && e->kind == LK_ORG && e->code[0] ? e->code : NULL;
		emit(s, lx, doc, a, b, TT_ORG, code);
		return;
	}
	if (n == b - a && !(n == 1 && single_place_doubtful(s, lx, a, e))) {
		char code[12];
		code_of_entry(s, lx, e, code);
		/* "Congo" in a story of the Republic of the Congo is that one */
		const tag_alias *al;
		if (doc && n == 1 && e->kind == LK_COUNTRY && strcmp(code, "COD") == 0) {
			size_t kn;
			const char *k = tag_tok_key(s, a, &kn);
			if ((al = tag_doc_find_alias(doc, k, kn)) && al->type == TT_GPE &&
			    al->code[0])
				tag_copy(code, sizeof code, al->code);
		}
		tag_entity *ent = emit(s, lx, doc, a, b, type_of_entry(e), code);
		if (ent && e->kind == LK_CITY && (e->flags & LF_CAPITAL))
			ent->capital = true;
		return;
	}
	/* "Jordan Bardella", "Chad Michael Murray": a country's name that is
	 * also a given name, before names that are no words */
	if (n == 1 && e->kind == LK_COUNTRY && b - a >= 2 && b - a <= 3 &&
	    (tag_tok_is(s, a, "jordan") || tag_tok_is(s, a, "chad") ||
	    tag_tok_is(s, a, "georgia") || tag_tok_is(s, a, "israel"))) {
		bool names = true;
		for (int k = a + 1; k < b && names; k++) {
			const tag_tok *t = &s->toks[k];
			names = (t->f & TF_CAP) && !(t->f & TF_UPPER) && !is_common(lx, t) &&
			    ((t->kinds & ((1u << LK_GIVEN) | (1u << LK_SURNAME))) ||
			    !(t->kinds & ((1u << LK_COUNTRY) | (1u << LK_CITY) |
			    (1u << LK_REGION) | (1u << LK_ORG) | (1u << LK_NORP) |
			    (1u << LK_ORGWORD) | (1u << LK_LOCWORD) | (1u << LK_MISCWORD) |
			    (1u << LK_TITLE))));
		}
		if (names) {
			emit(s, lx, doc, a, b, TT_PERSON, NULL);
			return;
		}
	}
	/* a leading country or nationality: "South Korean President Yoon",
	 * "Chinese Foreign Ministry", "U.S. Army", "Pittsburgh Pirates" */
	if (n && (e->kind == LK_NORP || e->kind == LK_COUNTRY ||
	    e->kind == LK_CITY || e->kind == LK_REGION)) {
		int rest = a + n;
		if (org_headed(s, lx, rest, b) || org_headed(s, lx, a, b)) {
			const char *sec = org_sector(s, lx, rest, b);
			char code[12] = "";
			/* "Chinese Foreign Ministry" is China's; "Durham University"
			 * is no actor of a country */
			if (e->kind == LK_NORP || e->kind == LK_COUNTRY)
				tag_code_join(code, e->code, sec);
			emit(s, lx, doc, a, b, TT_ORG, code[0] ? code : NULL);
			return;
		}
		char sec[12];
		int tn = title_at(s, lx, rest, b, sec);
		const char *secw = org_sector(s, lx, rest, b);
		if (tn || (secw && e->kind != LK_CITY)) {
			if (!tn) {
				/* "Chinese Foreign Ministry", "U.S. Navy" */
				char code[12];
				tag_code_join(code, e->code, secw);
				emit(s, lx, doc, a, b, TT_ORG, code);
				return;
			}
			char code[12];
			code_of_entry(s, lx, e, code);
			emit(s, lx, doc, a, a + n, type_of_entry(e), code);
			tag_copy(country, sizeof country, e->code);
			a = rest;
		} else if ((e->kind == LK_NORP || e->kind == LK_COUNTRY) && rest == b - 1 &&
		    tag_tok_is(s, rest, "state") && (s->toks[rest].f & TF_CAP)) {
			/* "the Argentine State": the country's government */
			char code[12];
			tag_code_join(code, e->code, e->code[0] ? "GOV" : NULL);
			emit(s, lx, doc, a, b, TT_ORG, code[0] ? code : NULL);
			return;
		} else if (e->kind == LK_NORP && b - rest == 1 && head_of(lx, &s->toks[rest], LK_LOCWORD) &&
		    !has_kind(lx, &s->toks[rest], LK_ORGWORD)) {
			/* "English Channel", "Arabian Sea", "Persian Gulf": a
			 * nationality before a water's or land's word names it */
			emit(s, lx, doc, a, b, TT_LOC, NULL);
			return;
		} else if (e->kind == LK_NORP && (!has_kind(lx, &s->toks[rest], LK_GIVEN) ||
		    b - rest >= 2)) {
			/* "Spanish Golden Age", "Chinese New Year": a NORP and
			 * more; "Australian Jessica Hull": a NORP and a person */
			emit(s, lx, doc, a, a + n, TT_NORP, e->code);
			classify_run(s, lx, doc, rest, b);
			return;
		} else if ((e->kind == LK_COUNTRY || e->kind == LK_NORP) && is_model(s, rest)) {
			/* "a U.S. F-16", "a Russian Su-27": the country's
			 * armed forces; the model is no entity we name */
			char code[12];
			tag_code_join(code, e->code, e->code[0] ? "MIL" : NULL);
			emit(s, lx, doc, a, a + n, type_of_entry(e), code);
			return;
		} else if (e->kind == LK_COUNTRY && rest < b && !person_start(s, lx, doc, rest, b)) {
			/* "Vietnam War", "US West Coast", "Guinea Bissau": a
			 * country naming something more; a place word makes a
			 * place of it, else it is no entity we name */
			if (has_kind(lx, &s->toks[b - 1], LK_LOCWORD) || compass_word(s, rest)) {
				emit(s, lx, doc, a, b, TT_LOC, e->code);
				return;
			}
			if (!has_kind(lx, &s->toks[b - 1], LK_MISCWORD))
				classify_run(s, lx, doc, rest, b);
			return;
		} else if (e->kind == LK_COUNTRY && rest < b) {
			emit(s, lx, doc, a, a + n, TT_GPE, e->code);
			classify_run(s, lx, doc, rest, b);
			return;
		}
	}
	/* "... Citation Index Professor Chomsky": a courtesy title inside
	 * the run starts a person's name of its own */
	for (int k = a + 2; k < b - 1; k++) {
		const tag_entry *te, *ow;
		int tn = dict_match(s, lx, k, b, 1u << LK_TITLE, &te);
		/* "Harvard University President Claudine Gay": a role
		 * after an organisation's name */
		if (!tn && (ow = tag_tok_entry(lx, &s->toks[k - 1], LK_ORGWORD)) &&
		    (ow->flags & LF_HEAD))
			tn = title_at(s, lx, k, b, tsec);
		/* "Banco de Mexico Governor Victoria Rodriguez": a role after
		 * an organisation the dictionaries name */
		if (!tn && dict_match(s, lx, a, k, 1u << LK_ORG, &ow) == k - a)
			tn = title_at(s, lx, k, b, tsec);
		if (!tn || k + tn >= b || title_at(s, lx, k - 1, k, tsec))
			continue;
		const tag_tok *nx = &s->toks[k + tn];
		if (is_common(lx, nx) && !has_kind(lx, nx, LK_GIVEN))
			continue;
		classify_run(s, lx, doc, a, k);
		classify_run(s, lx, doc, k, b);
		return;
	}
	/* "Air France", "Air India": an airline (not "Air Force", "Air
	 * Marshal") */
	if (b - a >= 2 && tag_tok_is(s, a, "air") && !tag_tok_is(s, a + 1, "force") &&
	    !tag_tok_is(s, a + 1, "forces") && !tag_tok_is(s, a + 1, "marshal") &&
	    !tag_tok_is(s, a + 1, "chief") && !tag_tok_is(s, a + 1, "vice") &&
	    !tag_tok_is(s, a + 1, "commodore")) {
		emit(s, lx, doc, a, b, TT_ORG, NULL);
		return;
	}
	/* "MQ-9 Reaper", "F-35 Lightning": a model and its name */
	if (is_model(s, a))
		return;
	/* titles: President, Foreign Minister, Mr., Gen. */
	int tn;
	char sec[12];
	/* "Lincoln Park" is a place, "Foreign Minister Park" a person: a
	 * title before a family name wins over the place word it also is */
	bool named_place = org_headed(s, lx, a, b) || loc_headed(s, lx, a, b);
	if (named_place && (tn = title_at(s, lx, a, b, sec)) > 0 && a + tn < b &&
	    person_start(s, lx, doc, a + tn, b))
		named_place = false;
	int title_start = a, kept = -1;
	while (a < b && !named_place && (tn = title_at(s, lx, a, b, sec)) > 0) {
		/* "Prime Minister Sheikh Hasina": a known person's name that
		 * starts with a title word is the name */
		const tag_entry *pe;
		if (dict_match(s, lx, a, b, 1u << LK_PERSON, &pe) > tn)
			break;
		/* "Major League Baseball": a title word starting another name,
		 * unless a person's name follows ("Minister Park Jin") */
		if (a + tn < b && (has_kind(lx, &s->toks[a + tn], LK_ORGWORD) ||
		    has_kind(lx, &s->toks[a + tn], LK_MISCWORD) ||
		    has_kind(lx, &s->toks[a + tn], LK_LOCWORD)) &&
		    !person_start(s, lx, doc, a + tn, b))
			break;
		if (a + tn >= b) {
			/* a title alone ("the President"): the actor pass decides */
			return;
		}
		if (sec[0])
			tag_copy(sector, sizeof sector, sec);
		titled = true;
		/* "Emperor Norton", "Miss Chaworth", "MC Hammer": a title that
		 * is the way the person is called stays in the name */
		if (tn == 1 && kept < 0 && a == title_start && part_of_name(s, a))
			kept = a;
		a += tn;
		/* "Governor of Virginia", "Emperor of Russia", "President of
		 * the Linguistic Society of America": the office is the
		 * person's name; its country and the title give the code */
		if (tag_tok_is(s, a, "of") && office_of(s, lx, doc, title_start, a, b, sector))
			return;
		/* a complement ends the title: "Special Representative for
		 * Korean Peninsula Affairs" names no person */
		if (tag_tok_is(s, a, "of") || tag_tok_is(s, a, "for") ||
		    tag_tok_is(s, a, "to") || tag_tok_is(s, a, "on")) {
			classify_run(s, lx, doc, a + 1, b);
			return;
		}
	}
	classify_rest(s, lx, doc, a, b, country, sector, titled);
	if (kept >= 0 && a < b && s->toks[a].ent >= 0) {
		tag_entity *pe = &s->ents[s->toks[a].ent];
		if (pe->type == TT_PERSON && pe->t0 == a && !pe->dropped) {
			for (int k = kept; k < a; k++)
				s->toks[k].ent = s->toks[a].ent;
			pe->t0 = kept;
			pe->b = s->toks[kept].b;
		}
	}
}

static void
classify_rest(tag_sent *s, const tag_lex *lx, tag_doc *doc, int a, int b,
    const char *country, const char *sector, bool titled)
{
	const tag_entry *e;
	char code[12] = "";
	if (a >= b)
		return;
	int n = dict_match(s, lx, a, b, NAME_KINDS, &e);
	if (n == b - a && !(n == 1 && !titled && single_place_doubtful(s, lx, a, e))) {
		if (titled && e->kind != LK_PERSON) {
			/* "President Washington", "Mr. Chase": a person */
			goto person;
		}
		code_of_entry(s, lx, e, code);
		tag_entity *ent = emit(s, lx, doc, a, b, type_of_entry(e), code);
		if (ent && e->kind == LK_CITY && (e->flags & LF_CAPITAL))
			ent->capital = true;
		return;
	}
	/* a part of a known place is in it: "Northeast Asia" (ASA),
	 * "Eastern Ukraine" (UKR) */
	if (!titled && b - a >= 2 && compass_word(s, a)) {
		const tag_entry *pe;
		if (dict_match(s, lx, a + 1, b, (1u << LK_CITY) | (1u << LK_REGION) |
		    (1u << LK_COUNTRY) | (1u << LK_PLACE), &pe) == b - a - 1) {
			emit(s, lx, doc, a, b, TT_LOC, pe->code);
			return;
		}
	}
	if (!titled && org_headed(s, lx, a, b)) {
		/* "African Union Commission": a body of a known organisation
		 * has its code */
		emit(s, lx, doc, a, b, TT_ORG, n && e->kind == LK_ORG &&
		    (strncmp(e->code, "IGO", 3) == 0 || strncmp(e->code, "NGO", 3) == 0) ?
		    e->code : NULL);
		return;
	}
	/* "Joint Chiefs of Staff", "Foreign Ministry": a body named by its
	 * role alone (tag_actors finds its country) */
	{
		const tag_entry *se;
		if (!titled && b - a > 1 && dict_match(s, lx, a, b, 1u << LK_SECTOR, &se) == b - a &&
		    !(se->flags & LF_PERSON)) {
			emit(s, lx, doc, a, b, TT_ORG, NULL);
			return;
		}
	}
	/* "St. Louis Cardinals": a city that starts with a place word and a
	 * plural is a team, not a place */
	if (!titled && n >= 2 && n < b - a && (e->kind == LK_CITY || e->kind == LK_REGION) &&
	    ends_plural(s, b) && !has_kind(lx, &s->toks[b - 1], LK_LOCWORD) &&
	    !has_kind(lx, &s->toks[b - 1], LK_CITY) && !has_kind(lx, &s->toks[b - 1], LK_PLACE)) {
		emit(s, lx, doc, a, b, TT_ORG, NULL);
		return;
	}
	if (!titled && loc_headed(s, lx, a, b)) {
		emit(s, lx, doc, a, b, TT_LOC, NULL);
		return;
	}
	/* events, laws, works: "World War II", "Marriage Act", "Figure 3" */
	{
		const tag_entry *m = tag_tok_entry(lx, &s->toks[b - 1], LK_MISCWORD);
		const tag_entry *m0 = tag_tok_entry(lx, &s->toks[a], LK_MISCWORD);
		if ((m && (m->flags & LF_HEAD)) || (m0 && (m0->flags & LF_LEAD)))
			return;
		/* a run ending in a number or a roman numeral after such a word */
		if (b - a >= 2 && (s->toks[b - 1].f & TF_NUM) && m0)
			return;
	}

	/* "Theodorus of Tabennese", "Hilary of Poitiers", "Louis XV of
	 * France": one name and where it is from name one person ("Dara
	 * Vint of Chile" is a person and a country) */
	{
		int k = a + 1;
		if (k < b && is_roman(s, k))
			k++;
		const tag_tok *t = &s->toks[a];
		const tag_entry *pe;
		if (tag_tok_is(s, k, "of") && k + 1 < b && b - (k + 1) <= 2 &&
		    (has_kind(lx, t, LK_GIVEN) || (!is_common(lx, t) &&
		    !(t->kinds & NAME_KINDS) && !has_kind(lx, t, LK_ORGWORD) &&
		    !has_kind(lx, t, LK_LOCWORD) && !has_kind(lx, t, LK_MISCWORD) &&
		    !(t->f & TF_UPPER))) &&
		    !has_kind(lx, &s->toks[b - 1], LK_ORGWORD) &&
		    !has_kind(lx, &s->toks[b - 1], LK_LOCWORD) &&
		    (dict_match(s, lx, k + 1, b, NAME_KINDS & ~(1u << LK_PERSON), &pe) == b - (k + 1) ||
		    !is_common(lx, &s->toks[k + 1]))) {
			char pcode[12] = "";
			if (titled && country[0] && sector[0])
				tag_code_join(pcode, country, sector);
			emit(s, lx, doc, a, b, TT_PERSON, pcode[0] ? pcode : NULL);
			return;
		}
	}
	/* "City of Cleveland", "Municipality of Culion", "Kingdom of Saudi
	 * Arabia": a division and its name are one place */
	if (!titled && b - a >= 3 && tag_tok_is(s, a + 1, "of") && division_word(s, a)) {
		const tag_entry *pe;
		int c = a + 2;
		if (tag_tok_is(s, c, "the"))
			c++;
		int pn = c < b ? dict_match(s, lx, c, b, NAME_KINDS & ~(1u << LK_PERSON), &pe) : 0;
		if (c < b && (pn == b - c || (!pn && !person_start(s, lx, doc, c, b)))) {
			emit(s, lx, doc, a, b, TT_GPE, pn ? pe->code : NULL);
			return;
		}
	}
	/* a name and a place joined by "of" otherwise stay apart */
	for (int k = a + 1; k < b - 1; k++) {
		if (tag_tok_is(s, k, "of") || tag_tok_is(s, k, "for") ||
		    tag_tok_is(s, k, "&")) {
			if (tag_tok_is(s, k, "&") && !titled) {
				/* "Marsden & Mackey, 2014" cites authors */
				if (tag_tok_is(s, b, ",") || tag_tok_is(s, b, "(") ||
				    (s->toks[b < (int)s->n ? b : a].f & TF_NUM))
					return;
				/* "Tempe & Mesa", "Priest & Washington": two places */
				if (strong_match_at(s, lx, k + 1, b) || strong_match_at(s, lx, a, k) ||
				    has_kind(lx, &s->toks[k - 1], LK_LOCWORD)) {
					classify_run(s, lx, doc, a, k);
					classify_run(s, lx, doc, k + 1, b);
					return;
				}
				emit(s, lx, doc, a, b, TT_ORG, NULL);
				return;
			}
			classify_rest(s, lx, doc, a, k, country, sector, titled);
			int r = k + 1;
			if (tag_tok_is(s, r, "the"))
				r++;
			classify_run(s, lx, doc, r, b);
			return;
		}
	}
	/* a dictionary phrase at the start and something after it (but
	 * "Mary Chaworth" and "Douglas Babstock" are people) */
	if (n && n < b - a && !titled && !(has_kind(lx, &s->toks[a], LK_GIVEN) && n == 1 &&
	    e->kind != LK_COUNTRY && e->kind != LK_PERSON && e->kind != LK_ORG)) {
		/* "NASA Discovery mission", "UNESCO World Heritage Site": an
		 * organisation naming something else is no entity of its own,
		 * unless a role or a person follows ("NATO Secretary-General
		 * Jens Stoltenberg") */
		char tsec[12];
		if (e->kind == LK_ORG && !person_start(s, lx, doc, a + n, b) &&
		    !title_at(s, lx, a + n, b, tsec)) {
			classify_run(s, lx, doc, a + n, b);
			return;
		}
		if (e->kind == LK_PERSON || e->kind == LK_ORG) {
			code_of_entry(s, lx, e, code);
			emit(s, lx, doc, a, a + n, type_of_entry(e), code);
			classify_run(s, lx, doc, a + n, b);
			return;
		}
		if (e->kind == LK_CITY || e->kind == LK_REGION || e->kind == LK_COUNTRY ||
		    e->kind == LK_PLACE) {
			/* a person's name after the place: "Korean Peninsula
			 * Affairs Liu Xiaoming" ends in a name of its own */
			for (int k = a + n; k < b - 1; k++) {
				const tag_entry *pe;
				if (has_kind(lx, &s->toks[k], LK_SURNAME) ||
				    has_kind(lx, &s->toks[k], LK_GIVEN) ||
				    dict_match(s, lx, k, b, 1u << LK_PERSON, &pe) == b - k) {
					classify_run(s, lx, doc, a, k);
					classify_run(s, lx, doc, k, b);
					return;
				}
			}
			/* "New York City", "Tulsa Oklahoma": one place; a city and
			 * a plural: a team ("Boston Red Sox") */
			const tag_tok *last = &s->toks[b - 1];
			size_t kl;
			const char *lk = tag_tok_key(s, b - 1, &kl);
			if (kl > 3 && lk[kl - 1] == 's' && !has_kind(lx, last, LK_CITY)) {
				emit(s, lx, doc, a, b, TT_ORG, NULL);
				return;
			}
			/* what follows the place says what the whole is:
			 * place words ("Bergen Blvd", "Tulsa Oklahoma") make
			 * one place; ordinary words name something of it ("Best
			 * Actor", "Brooklyn Paper", "Arctic Tern"), no place;
			 * a word no list knows ("Amos Hochstein", "Martínez
			 * Cantón") a person */
			bool placelike = true, ordinary = true;
			for (int k = a + n; k < b; k++) {
				const tag_tok *t = &s->toks[k];
				bool pl = has_kind(lx, t, LK_LOCWORD) ||
				    (t->kinds & ((1u << LK_CITY) | (1u << LK_REGION) |
				    (1u << LK_COUNTRY) | (1u << LK_PLACE)));
				placelike = placelike && pl;
				ordinary = ordinary && (pl || is_common(lx, t));
			}
			if (!has_kind(lx, &s->toks[a + n], LK_GIVEN)) {
				if (placelike || (ordinary && place_context(s, a))) {
					emit(s, lx, doc, a, b, type_of_entry(e), e->code);
					return;
				}
				if (ordinary)
					return;
			}
		}
	}
	/* a place word before or after: "North Oakland" */
	if (!titled && b - a == 2 && tag_tok_entry(lx, &s->toks[a], LK_LOCWORD) &&
	    dict_match(s, lx, a + 1, b, (1u << LK_CITY) | (1u << LK_REGION) |
	    (1u << LK_COUNTRY), &e) == 1) {
		emit(s, lx, doc, a, b, TT_LOC, NULL);
		return;
	}
	/* "Roman Catholic", "French-born American": a group */
	if (!titled && b - a >= 2 && has_kind(lx, &s->toks[b - 1], LK_NORP)) {
		const tag_entry *ne = tag_tok_entry(lx, &s->toks[b - 1], LK_NORP);
		emit(s, lx, doc, a, b, TT_NORP, ne ? ne->code : NULL);
		return;
	}
person:;
	int len = b - a;
	const tag_tok *first = &s->toks[a];
	bool person = titled, guess = false;
	if (!person && len >= 2 && (has_kind(lx, first, LK_GIVEN) ||
	    has_kind(lx, first, LK_SURNAME) || (first->f & TF_INITIAL)))
		person = true;
	/* the document: "Park" after "Park Jin" */
	const tag_alias *al = NULL;
	if (doc && len == 1) {
		size_t kn;
		const char *k = tag_tok_key(s, a, &kn);
		al = tag_doc_find_alias(doc, k, kn);
	}
	/* a bare guess of an earlier sentence gives way to what this
	 * sentence says of the word */
	if (al && (!titled || al->type == TT_PERSON) && !(al->bare && !titled)) {
		emit(s, lx, doc, a, b, al->type, al->code);
		return;
	}
	if (len == 1 && !titled) {
		size_t kn;
		tag_tok_key(s, a, &kn);
		/* "MARRAKECH, Morocco --": a dateline's town, in capitals
		 * before its country and the dash or the agency */
		const tag_entry *ce;
		int cn;
		if (a == 0 && (first->f & TF_UPPER) && kn > 2 && tag_tok_is(s, 1, ",") &&
		    (cn = dict_match(s, lx, 2, (int)s->n, (1u << LK_COUNTRY) |
		    (1u << LK_REGION), &ce)) > 0 && (size_t)(2 + cn) < s->n &&
		    (tag_tok_is(s, 2 + cn, "(") || tag_tok_is(s, 2 + cn, "-") ||
		    tag_tok_is(s, 2 + cn, "--") || tag_tok_is(s, 2 + cn, "\xe2\x80\x94") ||
		    tag_tok_is(s, 2 + cn, "\xe2\x80\x93"))) {
			emit(s, lx, doc, a, b, TT_GPE, ce->code[0] ? ce->code : NULL);
			return;
		}
		/* "the A64", "the M1": a British road */
		if (is_road(s, a) && (tag_tok_is(s, a - 1, "the") || place_context(s, a)) &&
		    !((size_t)b < s->n && has_kind(lx, &s->toks[b], LK_SECTOR))) {
			emit(s, lx, doc, a, b, TT_LOC, NULL);
			return;
		}
		if (us_state_code(s, a) && a >= 2 && s->toks[a - 2].ent >= 0 &&
		    s->ents[s->toks[a - 2].ent].type == TT_GPE) {
			emit(s, lx, doc, a, b, TT_GPE, "USA");
			return;
		}
		if (has_digit(s, a) || kn == 1 || (first->f & TF_INITIAL))
			return;
		if (n == 1 && !single_place_doubtful(s, lx, a, e)) {
			code_of_entry(s, lx, e, code);
			tag_entity *ent = emit(s, lx, doc, a, b, type_of_entry(e), code);
			if (ent && e->kind == LK_CITY && (e->flags & LF_CAPITAL))
				ent->capital = true;
			return;
		}
		if (has_kind(lx, first, LK_NONAME) || has_kind(lx, first, LK_MISCWORD))
			return;
		if (team_before_noun(s, a) || media_after(s, a) || team_by_score(s, b) ||
		    company_context(s, lx, a, b)) {
			emit(s, lx, doc, a, b, TT_ORG, NULL);
			return;
		}
		if (is_camel(s, a)) {
			emit(s, lx, doc, a, b, TT_ORG, NULL);
			return;
		}
		/* "Computing Research Association (CRA)": an acronym takes the
		 * type of the name it abbreviates, or none */
		if ((first->f & TF_UPPER) && tag_tok_is(s, a - 1, "(") &&
		    tag_tok_is(s, b, ")")) {
			const tag_tok *pt = a >= 2 ? &s->toks[a - 2] : NULL;
			if (pt && pt->ent >= 0) {
				const tag_entity *pe = &s->ents[pt->ent];
				emit(s, lx, doc, a, b, pe->type, pe->code[0] ? pe->code : NULL);
			}
			if (pt && (pt->f & (TF_CAP | TF_UPPER)))
				return;
		}
		if ((first->f & TF_UPPER) && !has_kind(lx, first, LK_GIVEN)) {
			/* an acronym: an organisation where the context says so,
			 * and not when it modifies a noun ("the GIS domain") */
			if ((size_t)b < s->n && (s->toks[b].f & TF_WORD) &&
			    !capitalised(&s->toks[b]) && is_common(lx, &s->toks[b]) &&
			    !has_kind(lx, &s->toks[b], LK_FUNCTION))
				return;
			/* ("the SUT", "the CFL" name things as often) */
			if (kn >= 2 && kn <= 6 && (tag_tok_is(s, a - 1, "at") ||
			    tag_tok_is(s, a - 1, "by") || tag_tok_is(s, a - 1, "with") ||
			    person_after(s, b) || (tag_tok_is(s, a - 1, "the") &&
			    (s->toks[a - 1].f & TF_START))))
				emit(s, lx, doc, a, b, TT_ORG, NULL);
			return;
		}
		/* "the Court", "this Court", "the Cathedral": a capitalised
		 * institution or place */
		if (!(first->f & TF_START) && (tag_tok_is(s, a - 1, "the") ||
		    tag_tok_is(s, a - 1, "this") || tag_tok_is(s, a - 1, "our"))) {
			const tag_entry *ow = tag_tok_entry(lx, first, LK_ORGWORD);
			const tag_entry *lw = tag_tok_entry(lx, first, LK_LOCWORD);
			if (ow && (ow->flags & LF_HEAD)) {
				emit(s, lx, doc, a, b, TT_ORG, NULL);
				return;
			}
			if (lw && (lw->flags & LF_HEAD)) {
				emit(s, lx, doc, a, b, TT_LOC, NULL);
				return;
			}
		}
		if (n == 1 && place_context(s, a) && !(single_place_doubtful(s, lx, a, e) &&
		    personal_possessive(s, a))) {
			emit(s, lx, doc, a, b, type_of_entry(e), e->code);
			return;
		}
		if (has_kind(lx, first, LK_GIVEN)) {
			emit(s, lx, doc, a, b, TT_PERSON, NULL);
			return;
		}
		/* "the West", "the South": a region */
		{
			size_t kn2;
			const char *k2 = tag_tok_key(s, a, &kn2);
			static const char *const compass[] = {
				"north", "south", "east", "west", "northeast", "northwest",
				"southeast", "southwest", "midwest", NULL,
			};
			for (int c = 0; compass[c]; c++)
				if (strlen(compass[c]) == kn2 && memcmp(k2, compass[c], kn2) == 0 &&
				    (tag_tok_is(s, a - 1, "the") || !is_common(lx, first))) {
					emit(s, lx, doc, a, b, TT_LOC, NULL);
					return;
				}
		}
		/* "most Thais", "the Tatars": a people, when the singular is
		 * a nationality */
		{
			size_t pn;
			const char *pk = tag_tok_key(s, a, &pn);
			const tag_entry *ne;
			if (pn > 3 && pk[pn - 1] == 's' && !(first->f & TF_UPPER) &&
			    (ne = tag_lex_kind(lx, tag_lex_find(lx, pk, pn - 1), LK_NORP))) {
				emit(s, lx, doc, a, b, TT_NORP, ne->code[0] ? ne->code : NULL);
				return;
			}
		}
		if (geo_noun_after(s, a) && !(first->f & TF_UPPER) &&
		    !is_common(lx, first) && !has_kind(lx, first, LK_GIVEN)) {
			emit(s, lx, doc, a, b, TT_LOC, NULL);
			return;
		}
		bool bare;
		int type = guess_single(s, lx, a, &bare);
		if (type >= 0 && bare && al) {
			emit(s, lx, doc, a, b, al->type, al->code);
			return;
		}
		if (type >= 0) {
			tag_entity *ent = emit_as(s, lx, doc, a, b, type, NULL, bare);
			if (ent)
				ent->weak = true;
		}
		return;
	}
	if (!person && !titled) {
		/* "novelist Gertrude Stein", "the publisher Pacific Standard" */
		int nb = noun_before(s, lx, a);
		if (nb == TT_PERSON)
			person = true;
		else if (nb >= 0) {
			/* "the city of Wad Madani" is a GPE, "the Kamobeul Bolon
			 * river" a place */
			emit(s, lx, doc, a, b, nb == TT_GPE && !settlement_before(s, a) ?
			    TT_LOC : nb, NULL);
			return;
		}
		if (team_by_score(s, b) || company_context(s, lx, a, b)) {
			emit(s, lx, doc, a, b, TT_ORG, NULL);
			return;
		}
		/* "Edil Cilento, a local builder", "Tolvan Brisk, a village":
		 * what an apposition says a name of no ordinary words is (a
		 * given name first made it a person above) */
		bool plain = true;
		for (int k = a; k < b; k++)
			if (is_common(lx, &s->toks[k]))
				plain = false;
		int wi = plain && tag_tok_is(s, b, ",") ? what_it_is(s, lx, b) : -1;
		if (wi == TT_PERSON)
			person = true;
		else if (wi == TT_ORG || wi == TT_LOC) {
			emit(s, lx, doc, a, b, wi, NULL);
			return;
		}
	}
	if (!person) {
		/* unknown capitalised words: names (none an ordinary word) are
		 * most often a person's; ordinary words all, a concept or a
		 * title ("Natural Language Processing"); a mix, an organisation */
		int commons = 0;
		/* "Osama bin Laden", "Ludwig van Beethoven" */
		for (int k = a + 1; k < b - 1; k++)
			if (!capitalised(&s->toks[k]) && has_kind(lx, &s->toks[k], LK_PARTICLE))
				person = true;
		for (int k = a; k < b; k++)
			if (is_common(lx, &s->toks[k]) && !has_kind(lx, &s->toks[k], LK_GIVEN) &&
			    !tag_tok_is(s, k, "of") && !has_kind(lx, &s->toks[k], LK_PARTICLE))
				commons++;
		/* "in Levico Terme", "through Asia Minor": no person is in or
		 * through anything */
		static const char *const inside[] = {
			"in", "near", "into", "through", "throughout", "across",
			"outside", "inside", "via", "toward", "towards", NULL,
		};
		bool in_place = prev_in(s, a, inside) && !has_kind(lx, first, LK_GIVEN) &&
		    !(s->toks[b - 1].f & TF_POSS) &&
		    !((size_t)b < s->n && (s->toks[b].f & TF_POSS));
		if (commons == 0 && len <= 4)
			person = guess = true;
		else if (commons == len || s->headline)
			return;
		else if (len == 2 && (!is_common(lx, first) ||
		    !is_common(lx, &s->toks[a + 1])))
			person = guess = true;     /* "Brook Taylor", "Sue Atkins" */
		if (person && in_place) {
			emit(s, lx, doc, a, b, TT_GPE, NULL);
			return;
		}
		/* "the Transbay Tube", "the Jóola Búluf area": a person's
		 * name takes no article; unknown names after one are a thing,
		 * a work, a language more often than anything we type */
		if (person && guess && tag_tok_is(s, a - 1, "the") &&
		    !has_kind(lx, first, LK_GIVEN) && !(first->f & TF_DOT))
			return;
	}
	if (!person) {
		/* a mix of names and ordinary words ending in a plural is a
		 * team or a firm ("Black Robin Freighters"), or where one is
		 * ("homes in Pacific Palisades") a place; other mixes are
		 * titles, works, events more often than organisations */
		static const char *const homes_in[] = {
			"in", "near", "outside", "toward", "towards", NULL,
		};
		size_t ln;
		const char *lk = tag_tok_key(s, b - 1, &ln);
		if (ln > 3 && lk[ln - 1] == 's' && lk[ln - 2] != 's')
			emit(s, lx, doc, a, b, prev_in(s, a, homes_in) &&
			    !(s->toks[b - 1].f & TF_POSS) ? TT_GPE : TT_ORG, NULL);
		return;
	}
	/* a person: the code from the dictionary, else title and modifier */
	if (titled && len == 1 && !(al && al->code[0]) &&
	    tag_lex_family(lx, s->keys.data + first->kb, first->ke - first->kb,
	    s->date, country, sector, code))
		;       /* "Foreign Minister Park": the one in office then */
	else if (country[0] && sector[0])
		tag_code_join(code, country, sector);
	else if (country[0])
		tag_copy(code, sizeof code, country);
	else if (strlen(sector) >= 6)
		tag_code_join(code, "", sector);       /* "House Speaker" */
	tag_entity *ent = emit(s, lx, doc, a, b, TT_PERSON, code[0] ? code : NULL);
	if (ent && guess && !code[0])
		ent->guess = true;
	if (ent && !code[0] && sector[0]) {
		/* a sector without a country: tag_actors looks further */
		tag_copy(ent->sector, sizeof ent->sector, sector);
	}
}

/* "Peter the Great", "Theodore the Sanctified": a person's one name and
 * "the" and a capitalised word are one name.  The person entity ends at
 * j; returns where the name now ends. */
static int
epithet(tag_sent *s, const tag_lex *lx, int j)
{
	if (j < 1 || (size_t)j + 1 >= s->n || s->toks[j - 1].ent < 0 ||
	    !tag_tok_is(s, j, "the"))
		return j;
	tag_entity *e = &s->ents[s->toks[j - 1].ent];
	const tag_tok *w = &s->toks[j + 1];
	if ((e->type != TT_PERSON && e->t1 - e->t0 > 1) || e->t1 != j || e->t1 - e->t0 > 2 ||
	    !(w->f & TF_CAP) || (w->f & TF_UPPER) || w->ent >= 0 || !is_common(lx, w) ||
	    (w->kinds & NAME_KINDS) || has_kind(lx, w, LK_ORGWORD) ||
	    has_kind(lx, w, LK_LOCWORD) || has_kind(lx, w, LK_MISCWORD) ||
	    ((size_t)j + 2 < s->n && (s->toks[j + 2].f & (TF_CAP | TF_UPPER))))
		return j;
	e->t1 = j + 2;
	e->e = w->e;
	e->type = TT_PERSON;
	e->code[0] = 0;
	s->toks[j].ent = s->toks[j + 1].ent = s->toks[j - 1].ent;
	return j + 2;
}

static bool
joiner(const tag_sent *s, int i)
{
	return tag_tok_is(s, i, "and") || tag_tok_is(s, i, "or") || tag_tok_is(s, i, ",");
}

/* A name typed by default takes the type of a name it is listed with:
 * "Svendborg and Faaborg", "Kraków, Warsaw and Wrocław".  Whether a name
 * changed. */
static bool
coordinate_pass(tag_sent *s)
{
	/* "Qelmont, Vardisk and northern Israel": a list of places may end
	 * in a part of one; the name after such a word is the next item */
	static const char *const part_of[] = {
		"northern", "southern", "eastern", "western", "central",
		"north-eastern", "north-western", "south-eastern", "south-western",
		"northeastern", "northwestern", "southeastern", "southwestern", NULL,
	};
	bool changed = false;
	for (size_t i = 0; i < s->n_ents; i++) {
		tag_entity *e = &s->ents[i];
		if (!(e->weak || e->guess) || e->dropped)
			continue;
		const tag_entity *other = NULL;
		int l = e->t0 - 1, r = e->t1;
		/* a comma joins a list only when the name is between separators
		 * ("A, B and C"), not "against the Astros, Holt became"; or
		 * when two more names follow ("in Levico Terme, Trento, Italy") */
		bool list_r = tag_tok_is(s, r, "and") || tag_tok_is(s, r, "or") ||
		    tag_tok_is(s, r, ",") || tag_tok_is(s, r, ".") || (size_t)r >= s->n;
		bool list_l = tag_tok_is(s, l, "and") || tag_tok_is(s, l, "or") ||
		    tag_tok_is(s, l, ",");
		if (!list_l && tag_tok_is(s, r, ",") && (size_t)r + 1 < s->n &&
		    s->toks[r + 1].ent >= 0) {
			const tag_entity *n1 = &s->ents[s->toks[r + 1].ent];
			int nx = n1->t1 + 1 + (word_in(s, n1->t1 + 1, part_of) ? 1 : 0);
			if (joiner(s, n1->t1) && (size_t)nx < s->n && s->toks[nx].ent >= 0)
				list_l = true;
		}
		if ((tag_tok_is(s, l, "and") || tag_tok_is(s, l, "or") ||
		    (tag_tok_is(s, l, ",") && list_r)) && l > 0 && s->toks[l - 1].ent >= 0)
			other = &s->ents[s->toks[l - 1].ent];
		if ((!other || other->weak) && (tag_tok_is(s, r, "and") ||
		    tag_tok_is(s, r, "or") || (tag_tok_is(s, r, ",") && list_l)) &&
		    (size_t)r + 1 < s->n && s->toks[r + 1].ent >= 0)
			other = &s->ents[s->toks[r + 1].ent];
		if ((!other || other->weak) && (tag_tok_is(s, r, "and") ||
		    tag_tok_is(s, r, "or") || tag_tok_is(s, r, ",")) &&
		    word_in(s, r + 1, part_of) && (size_t)r + 2 < s->n &&
		    s->toks[r + 2].ent >= 0 && (s->ents[s->toks[r + 2].ent].type == TT_GPE ||
		    s->ents[s->toks[r + 2].ent].type == TT_LOC))
			other = &s->ents[s->toks[r + 2].ent];
		if (!other || other->weak || other->dropped)
			continue;
		int t = other->type;
		/* a guessed person is only a place among places */
		if (!e->weak && t != TT_LOC && t != TT_GPE)
			continue;
		e->guess = false;
		if (t == TT_PERSON || t == TT_ORG || t == TT_LOC)
			e->type = (uint8_t)t;
		else if (t == TT_GPE)
			e->type = TT_GPE;
		e->weak = false;
		e->bare = false;
		changed = true;
	}
	return changed;
}

static void
coordinate(tag_sent *s, const tag_lex *lx)
{
	/* again while a name typed from its neighbour types the next one:
	 * "Edgewater, Englewood Cliffs, Cliffside Park and Fort Lee" */
	for (int round = 0; round < 8 && coordinate_pass(s); round++)
		;
	/* what is still a guess and has the shape of no name is dropped: a
	 * word before another capitalised word ("Jules et Jim", "Mon-Fri
	 * Sat"), and a plural "organisation" out of a list */
	for (size_t i = 0; i < s->n_ents; i++) {
		tag_entity *e = &s->ents[i];
		if (!e->weak || e->dropped)
			continue;
		const tag_tok *nx = (size_t)e->t1 < s->n ? &s->toks[e->t1] : NULL;
		int l = e->t0 - 1;
		/* "the Zócalo", "a Geofence", "on Broadway", "as Eve": words
		 * that start noun phrases; "X and Y" with no person in X */
		/* "to the Chathams", "in the Mekong": a place after "the" */
		static const char *const into[] = {
			"in", "to", "into", "near", "across", "around", "throughout",
			"through", "visit", "visited", "reach", "reached", NULL,
		};
		bool the_place = tag_tok_is(s, l, "the") && e->type == TT_LOC &&
		    prev_in(s, l, into) && !(nx && (nx->f & TF_WORD) &&
		    !(nx->f & (TF_CAP | TF_UPPER)) && is_common(lx, nx) &&
		    !has_kind(lx, nx, LK_FUNCTION));
		bool weak_left = (tag_tok_is(s, l, "the") && !the_place) || tag_tok_is(s, l, "a") ||
		    tag_tok_is(s, l, "an") || tag_tok_is(s, l, "on") ||
		    tag_tok_is(s, l, "as") || tag_tok_is(s, l, "but") ||
		    /* ", and Theodorus rushed": a new clause, no list */
		    (tag_tok_is(s, l, "and") && !tag_tok_is(s, l - 1, ",") &&
		    !(l > 0 && s->toks[l - 1].ent >= 0 &&
		    s->ents[s->toks[l - 1].ent].type == TT_PERSON));
		if (e->type == TT_PERSON && e->t1 - e->t0 == 1 && artist_works(s, e->t0))
			continue;
		if ((nx && (nx->f & (TF_CAP | TF_UPPER)) && !(nx->f & TF_POSS)) ||
		    e->type == TT_ORG || weak_left) {
			e->dropped = true;
			for (int k = e->t0; k < e->t1; k++)
				s->toks[k].ent = -1;
		}
	}
}

/* "Austen, Jane.", "Marx, Karl and Engels, Friedrich.": names written
 * family name first, as a list of works cites them.  The family name is
 * the person; the given names after the comma stay out. */
static void
inverted_names(tag_sent *s, const tag_lex *lx, tag_doc *doc)
{
	int i = 0;
	while ((size_t)i + 2 < s->n) {
		if (!(s->toks[i].f & TF_CAP) || !tag_tok_is(s, i + 1, ",") ||
		    !has_kind(lx, &s->toks[i + 2], LK_GIVEN) || s->toks[i].ent >= 0 ||
		    s->toks[i + 2].ent >= 0)
			return;
		int j = i + 3;
		while ((size_t)j < s->n && j < i + 6 && (s->toks[j].f & TF_CAP) && s->toks[j].ent < 0)
			j++;
		bool end = (size_t)j >= s->n || ((size_t)j + 1 == s->n && tag_tok_is(s, j, "."));
		if (!end && !tag_tok_is(s, j, "and"))
			return;
		emit(s, lx, doc, i, i + 1, TT_PERSON, NULL);
		tag_entity *g = tag_add_entity(s, i + 2, j, TT_PERSON, NULL);
		if (g)
			g->dropped = true;      /* keeps the given names out */
		if (end)
			return;
		i = j + 1;
	}
}

void
tag_find_names(tag_sent *s, const tag_lex *lx, tag_doc *doc,
    const tag_opts *opts)
{
	inverted_names(s, lx, doc);
	for (int i = 0; (size_t)i < s->n; i++) {
		const tag_tok *t = &s->toks[i];
		if (t->ent >= 0)
			continue;
		/* most words are neither capitalised nor start a name */
		if (!(t->f & (TF_CAP | TF_UPPER)) && !((t->kinds | t->pkinds) & NAME_KINDS))
			continue;
		/* dictionary phrases first: they may contain lower-case words
		 * ("Bosnia and Herzegovina", "the States") */
		const tag_entry *e;
		int n = dict_match(s, lx, i, (int)s->n, NAME_KINDS, &e);
		if (n > 1 || (n == 1 && !name_word(s, lx, i))) {
			int end = i + n;
			/* but a longer run of capitals wins: "New York Times" */
			/* (a phrase with an apostrophe, "Workers' Party", goes
			 * further than a run of capitals) */
			int j;
			if (name_word(s, lx, i) && end < (int)s->n && name_word(s, lx, end) &&
			    (j = chunk_end(s, lx, i)) > end) {
				classify_run(s, lx, doc, i, j);
				i = j - 1;
				continue;
			}
			if (tag_tok_is(s, i, "the") || capitalised(t) || (t->f & TF_NUM)) {
				char code[12];
				code_of_entry(s, lx, e, code);
				tag_entity *ent = emit(s, lx, doc, i, end, type_of_entry(e), code);
				if (ent && e->kind == LK_CITY && (e->flags & LF_CAPITAL))
					ent->capital = true;
				i = end - 1;
				continue;
			}
		}
		if (!name_word(s, lx, i))
			continue;
		/* "The Houthi rebels": no name starts with an article, and the
		 * next word may start a phrase that goes on in lower case */
		if ((t->f & TF_START) && (tag_tok_is(s, i, "the") || tag_tok_is(s, i, "a") ||
		    tag_tok_is(s, i, "an")))
			continue;
		int j = chunk_end(s, lx, i);
		classify_run(s, lx, doc, i, j);
		j = epithet(s, lx, j);
		i = j - 1;
	}
	coordinate(s, lx);
	remember_words(s, doc);
}
