/* tag_actors.c: CAMEO-style actor codes from context.
 *
 * - A person with no code of the right kind takes it from a role beside
 *   the name: "his Chinese counterpart Wang Yi" (CHN + GOV), "South
 *   Korea's envoy to North Korea, Kim Gunn" (KOR + GOV), "Kim Gunn, South
 *   Korea's envoy" (the same after the name).
 * - A role or body named without a name becomes an ACTOR entity when its
 *   country is known: "South Korea's foreign ministry" (KORGOV), "Chinese
 *   troops" (CHNMIL), "the ministry" after a ministry of known country.
 * - A capital stands for its government unless it is where something is:
 *   "Seoul said" KORGOV, "talks with Pyongyang" PRKGOV, "in Seoul" KOR. */
#include <stdio.h>

#include "tag.h"

static const char *const role_adjectives[] = {
	"senior", "top", "deputy", "special", "vice", "nuclear", "chief", "new",
	"acting", "first", "foreign", "defense", "defence", "interim", "then",
	"outgoing", "incoming", "current", "own", "the", "his", "her", "their",
	"its", "a", "an", "two", "three", "high-ranking", "ranking", "longtime",
	"veteran", "powerful", "de", "facto", NULL,
};

static bool
capitalised_tok(const tag_sent *s, int i)
{
	return (s->toks[i].f & (TF_CAP | TF_UPPER)) != 0;
}

static bool
tok_in(const tag_sent *s, int i, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (tag_tok_word(s, i, words[k]))
			return true;
	return false;
}

/* The country a role's head noun ("ministry") had when last named. */
static const tag_alias *
head_alias(const tag_doc *doc, const char *k, size_t n)
{
	char key[64];
	if (n + 1 >= sizeof key)
		return NULL;
	key[0] = '#';
	memcpy(key + 1, k, n);
	return tag_doc_find_alias(doc, key, n + 1);
}

static const tag_entity *
ent_at(const tag_sent *s, int i)
{
	if (i < 0 || (size_t)i >= s->n || s->toks[i].ent < 0)
		return NULL;
	const tag_entity *e = &s->ents[s->toks[i].ent];
	return e->dropped ? NULL : e;
}

/* Codes that name a sector and no country: "MED" (a news agency), "BUS",
 * "LEG" (a parliament of no country yet). */
static bool
sector_only(const char *code)
{
	/* one string of them all, three letters each (a country's code is
	 * never one of these) */
	static const char sectors[] =
	    "GOVMILCOPJUDLEGREBINSSEPOPPPTYMEDBUSCVLLABEDUREFHLHSPYBNKELIAGRCRMUAFREL";
	if (!code[0] || !code[1] || !code[2])
		return code[0] != 0;
	for (const char *p = sectors; *p; p += 3)
		if (p[0] == code[0] && p[1] == code[1] && p[2] == code[2])
			return true;
	return false;
}

/* A country code usable as a modifier: "KOR" from KOR, KORGOV; an IGO
 * code whole. */
static bool
country_of(const tag_entity *e, char out[12])
{
	if (!e || !e->code[0] || sector_only(e->code))
		return false;
	if (e->type != TT_GPE && e->type != TT_NORP && e->type != TT_ORG &&
	    e->type != TT_LOC)
		return false;
	if (memcmp(e->code, "IGO", 3) == 0 || memcmp(e->code, "NGO", 3) == 0) {
		tag_copy(out, 12, e->code);
		return true;
	}
	if (strlen(e->code) < 3)
		return false;
	tag_copy(out, 4, e->code);
	return true;
}

/* A role phrase ending exactly at `end` (exclusive), started at most four
 * tokens before and not inside an entity before token `floor`: its start,
 * or -1; the sector in sector[]. */
static int
role_ending_at(tag_sent *s, const tag_lex *lx, int end, int floor,
    char sector[12], bool *person_role)
{
	news_buf *key = &s->scratch;
	for (int r = end - 1; r >= 0 && r >= end - 4; r--) {
		if (s->toks[r].ent >= 0 && r < floor)
			break;
		if (!((s->toks[r].kinds | s->toks[r].pkinds) & (1u << LK_SECTOR)))
			continue;
		tag_key_of(s, r, end, key);
		int32_t id = tag_lex_find(lx, key->data, key->len);
		const tag_entry *e = tag_lex_kind(lx, id, LK_SECTOR);
		if (!e)
			continue;
		tag_copy(sector, 12, e->code);
		*person_role = (e->flags & LF_PERSON) != 0;
		/* prefer the longest: keep looking further left */
		int best = r;
		for (int r2 = r - 1; r2 >= 0 && r2 >= end - 4; r2--) {
			if (s->toks[r2].ent >= 0 && r2 < floor)
				break;
			if (!(s->toks[r2].pkinds & (1u << LK_SECTOR)))
				continue;
			tag_key_of(s, r2, end, key);
			const tag_entry *e2 = tag_lex_kind(lx,
			    tag_lex_find(lx, key->data, key->len), LK_SECTOR);
			if (e2) {
				best = r2;
				tag_copy(sector, 12, e2->code);
				*person_role = (e2->flags & LF_PERSON) != 0;
			}
		}
		return best;
	}
	return -1;
}

/* The country before a role starting at r: "South Korea's", "Chinese",
 * "his Chinese", "the U.N.'s".  Sets *former for "former". */
static bool
modifier_before(const tag_sent *s, int r, char country[12], bool *former,
    int *mod_start)
{
	int k = r - 1;
	*former = false;
	while (k >= 0 && (tok_in(s, k, role_adjectives) || tag_tok_is(s, k, "former") ||
	    tag_tok_is(s, k, "ex"))) {
		if (tag_tok_is(s, k, "former") || tag_tok_is(s, k, "ex"))
			*former = true;
		if (tag_tok_is(s, k, "the") || tag_tok_is(s, k, "his") ||
		    tag_tok_is(s, k, "her") || tag_tok_is(s, k, "their"))
			break;
		k--;
	}
	/* k is now the word before the adjectives (or a determiner) */
	for (int j = k; j >= 0 && j >= k - 1; j--) {
		if (j >= 0 && (s->toks[j].f & TF_POSS)) {
			const tag_entity *e = ent_at(s, j - 1);
			if (e && country_of(e, country)) {
				*mod_start = e->t0;
				return true;
			}
			/* "Maduro's government": the country of a coded person */
			if (e && e->type == TT_PERSON && strlen(e->code) >= 3 &&
			    !sector_only(e->code) && memcmp(e->code, "IGO", 3) != 0 &&
			    memcmp(e->code, "NGO", 3) != 0) {
				tag_copy(country, 4, e->code);
				*mod_start = j;         /* the person stays its own entity */
				return true;
			}
			return false;
		}
		const tag_entity *e = ent_at(s, j);
		if (e && e->t1 == j + 1 && (e->type == TT_NORP || e->type == TT_GPE) &&
		    country_of(e, country)) {
			*mod_start = e->t0;
			return true;
		}
		if (!tag_tok_is(s, j, "the") && !tag_tok_is(s, j, "his") &&
		    !tag_tok_is(s, j, "her") && !tag_tok_is(s, j, "their"))
			break;
	}
	return false;
}

/* The organisation a role at r belongs to: "Kremlin spokesman", "the
 * Taliban's chief spokesman", "foreign ministry spokeswoman" (an ACTOR). */
static const tag_entity *
owner_org(const tag_sent *s, int r)
{
	static const char *const determiners[] = {
		"the", "his", "her", "their", "its", "a", "an", NULL,
	};
	int k = r - 1;
	while (k >= 0 && tok_in(s, k, role_adjectives) && !tok_in(s, k, determiners))
		k--;
	const tag_entity *o;
	if (k >= 1 && (s->toks[k].f & TF_POSS))
		o = ent_at(s, k - 1);
	else if ((o = ent_at(s, k)) && o->t1 != k + 1)
		o = NULL;
	if (!o || (o->type != TT_ORG && o->type != TT_ACTOR) || !o->code[0] ||
	    sector_only(o->code) || strlen(o->code) < 6)
		return NULL;
	return o;
}

/* "its forces", "their troops": the country of what the sentence named
 * before token t that can own them (a country, an organisation, an
 * actor). */
static bool
owner_before(const tag_sent *s, int t, char country[12])
{
	const tag_entity *best = NULL;
	for (size_t i = 0; i < s->n_ents; i++) {
		const tag_entity *e = &s->ents[i];
		char c[12];
		if (e->dropped || e->t1 > t || e->type == TT_PERSON || !country_of(e, c) ||
		    memcmp(c, "IGO", 3) == 0 || memcmp(c, "NGO", 3) == 0)
			continue;
		if (!best || e->t1 > best->t1)
			best = e;
	}
	return best && country_of(best, country);
}

/* Where a role's complement ("to North Korea", "for Korean Peninsula
 * Affairs") ends before token p, the role ends at the returned index. */
static int
skip_complement(const tag_sent *s, int p)
{
	for (int j = p - 1; j >= 0 && j >= p - 8; j--) {
		if (tag_tok_is(s, j, "to") || tag_tok_is(s, j, "for") ||
		    tag_tok_is(s, j, "on") || tag_tok_is(s, j, "in") ||
		    tag_tok_is(s, j, "at"))
			return j;
		const tag_tok *t = &s->toks[j];
		if (t->ent >= 0 || (t->f & (TF_CAP | TF_UPPER)) ||
		    tag_tok_is(s, j, "the") || tag_tok_is(s, j, "and"))
			continue;
		break;
	}
	return p;
}

/* The role and country a person gets from the words before it; a role
 * without a country leaves its sector in code[] and returns false. */
static bool
role_before_person(tag_sent *s, const tag_lex *lx, int p, char code[12])
{
	code[0] = 0;
	int end = p;
	if (tag_tok_is(s, end - 1, ","))
		end--;
	char sector[12], country[12];
	bool person_role, former;
	int mod;
	for (int attempt = 0; attempt < 3; attempt++) {
		int r = role_ending_at(s, lx, end, end - 1, sector, &person_role);
		if (r >= 0 && person_role) {
			/* "Kremlin spokesman", "NATO Secretary-General", "the
			 * Taliban's chief spokesman": the role is the
			 * organisation's, and so is the code */
			const tag_entity *o = owner_org(s, r);
			if (o) {
				tag_copy(code, 12, o->code);
				return true;
			}
			if (modifier_before(s, r, country, &former, &mod)) {
				if (former || memcmp(country, "IGO", 3) == 0)
					tag_copy(code, 12, country);
				else
					tag_code_join(code, country, sector);
				return true;
			}
			if (former)
				return false;
			if (!code[0])
				tag_copy(code, 12, sector);
			/* "Pakistan's army chief, Gen. Asim Munir": a title
			 * before the name, an apposition before the title */
			if (!tag_tok_is(s, r - 1, ","))
				return false;
			end = r - 1;
			continue;
		}
		int c = skip_complement(s, end);
		if (c == end)
			break;
		end = c;
	}
	return false;
}

/* The longest role phrase for one person ("foreign minister", "envoy")
 * starting at token k, or NULL. */
static const tag_entry *
person_role_at(tag_sent *s, const tag_lex *lx, int k)
{
	for (int len = 4; len >= 1; len--) {
		if ((size_t)(k + len) > s->n ||
		    !((s->toks[k].kinds | s->toks[k].pkinds) & (1u << LK_SECTOR)))
			continue;
		tag_key_of(s, k, k + len, &s->scratch);
		const tag_entry *r = tag_lex_kind(lx,
		    tag_lex_find(lx, s->scratch.data, s->scratch.len), LK_SECTOR);
		if (r && (r->flags & LF_PERSON))
			return r;
	}
	return NULL;
}

/* "Kim Gunn, South Korea's envoy to North Korea" */
static bool
role_after_person(tag_sent *s, const tag_lex *lx, int q, char code[12])
{
	/* "appointed Michel Barnier as prime minister": the role and the
	 * country the sentence named before */
	if (tag_tok_is(s, q, "as")) {
		int k = q + 1;
		char country[12];
		while (tok_in(s, k, role_adjectives))
			k++;
		const tag_entry *r = person_role_at(s, lx, k);
		if (!r || !owner_before(s, q, country))
			return false;
		tag_code_join(code, country, r->code);
		return true;
	}
	if (!tag_tok_is(s, q, ","))
		return false;
	int k = q + 1;
	char country[12] = "";
	const tag_entity *e;
	if (tag_tok_is(s, k, "the"))
		k++;
	if ((e = ent_at(s, k)) && e->t0 == k) {
		if (!country_of(e, country))
			return false;
		k = e->t1;
		if ((size_t)k < s->n && (s->toks[k].f & TF_POSS))
			k++;
	}
	if (!country[0])
		return false;
	while (tok_in(s, k, role_adjectives))
		k++;
	const tag_entry *r = person_role_at(s, lx, k);
	if (!r)
		return false;
	if (memcmp(country, "IGO", 3) == 0)
		tag_copy(code, 12, country);
	else
		tag_code_join(code, country, r->code);
	return true;
}

static bool
has_sector(const char *code)
{
	return strlen(code) >= 6;
}

/* "The RSF, led by Dagalo", "a militia headed by X": the leader of a
 * coded organisation takes its code. */
static bool
led_by(const tag_sent *s, const tag_entity *e, char code[12])
{
	int k = e->t0 - 1;
	if (!tag_tok_is(s, k, "by") || !(tag_tok_is(s, k - 1, "led") ||
	    tag_tok_is(s, k - 1, "headed") || tag_tok_is(s, k - 1, "founded") ||
	    tag_tok_is(s, k - 1, "commanded")))
		return false;
	k -= 2;
	if (tag_tok_is(s, k, ","))
		k--;
	const tag_entity *o = ent_at(s, k);
	if (!o || o->t1 != k + 1 || (o->type != TT_ORG && o->type != TT_ACTOR) ||
	    strlen(o->code) < 6 || sector_only(o->code))
		return false;
	tag_copy(code, 12, o->code);
	return true;
}

/* The one country of the sentence's places and nationalities that `keep`
 * accepts (none when they name two or more). */
static bool
one_country(const tag_sent *s, char country[12],
    bool (*keep)(const tag_sent *, const tag_entity *))
{
	country[0] = 0;
	for (size_t i = 0; i < s->n_ents; i++) {
		const tag_entity *e = &s->ents[i];
		char c[12];
		if (e->dropped || (e->type != TT_GPE && e->type != TT_NORP) ||
		    !country_of(e, c) || memcmp(c, "IGO", 3) == 0 ||
		    memcmp(c, "NGO", 3) == 0 || (keep && !keep(s, e)))
			continue;
		if (country[0] && strcmp(country, c) != 0)
			return false;
		tag_copy(country, 4, c);
	}
	return country[0] != 0;
}

/* The one country the sentence names (places and nationalities; none
 * when it names two or more). */
static bool
sole_country(const tag_sent *s, char country[12])
{
	return one_country(s, country, NULL);
}

/* Is the role before the person at e one of an organisation of no
 * country ("Harvard University President")? */
static bool
org_role(tag_sent *s, const tag_lex *lx, const tag_entity *e)
{
	char sector[12];
	bool person_role;
	int r = role_ending_at(s, lx, e->t0, e->t0 - 1, sector, &person_role);
	const tag_entity *o = r > 0 ? ent_at(s, r - 1) : NULL;
	char c[12];
	return o && o->t1 == r && o->type == TT_ORG && !country_of(o, c);
}

/* The country of a person joined by "and" to the titled person at e:
 * "Chad's President Deby and Foreign Minister Koulamallah". */
static bool
coordinated_country(const tag_sent *s, const tag_entity *e, char country[12])
{
	int k = e->t0 - 1;
	while (k >= 0 && k >= e->t0 - 4 && s->toks[k].ent < 0 && capitalised_tok(s, k))
		k--;
	if (k == e->t0 - 1 || !tag_tok_is(s, k, "and"))
		return false;
	const tag_entity *p = ent_at(s, k - 1);
	if (!p || p->type != TT_PERSON || strlen(p->code) < 6 || sector_only(p->code) ||
	    memcmp(p->code, "IGO", 3) == 0 || memcmp(p->code, "NGO", 3) == 0)
		return false;
	tag_copy(country, 4, p->code);
	return true;
}

static void
code_people(tag_sent *s, const tag_lex *lx, tag_doc *doc)
{
	for (size_t i = 0; i < s->n_ents; i++) {
		tag_entity *e = &s->ents[i];
		if (e->type != TT_PERSON || e->dropped)
			continue;
		/* a listed person in office has his code; one out of office
		 * (ELI) takes what the sentence says he is now */
		bool elite = strlen(e->code) == 6 && strcmp(e->code + 3, "ELI") == 0;
		if (has_sector(e->code) && !elite)
			continue;
		char code[12], country[12];
		if (role_before_person(s, lx, e->t0, code) ||
		    role_after_person(s, lx, e->t1, code)) {
			tag_copy(e->code, sizeof e->code, code);
		} else if ((code[0] || e->sector[0]) && tag_tok_is(s, e->t1, "of") &&
		    country_of(ent_at(s, e->t1 + 1), country) &&
		    ent_at(s, e->t1 + 1)->type == TT_GPE) {
			/* "Foreign Minister Dara Vint of Chile" */
			tag_code_join(e->code, country, code[0] ? code : e->sector);
		} else if (e->code[0]) {
			/* a known person out of office keeps the country (an
			 * elite, ELI); a role the sentence gives replaces that
			 * ("opposition leader Friedrich Merz") */
			if (!code[0] || sector_only(e->code) || !(strlen(e->code) == 3 ||
			    (strlen(e->code) == 6 && strcmp(e->code + 3, "ELI") == 0)))
				continue;
			char pc[4];
			tag_copy(pc, sizeof pc, e->code);
			tag_code_join(e->code, pc, code);
		} else if (led_by(s, e, code)) {
			/* "The RSF, led by Mohamed Hamdan Dagalo" */
			tag_copy(e->code, sizeof e->code, code);
		} else if ((code[0] || e->sector[0]) && org_role(s, lx, e)) {
			/* "Harvard University President Claudine Gay": the
			 * role is the organisation's, of no country */
			continue;
		} else if ((code[0] || e->sector[0]) && coordinated_country(s, e, country)) {
			/* "Chad's President Deby and Foreign Minister X" */
			tag_code_join(e->code, country, code[0] ? code : e->sector);
		} else if ((code[0] || e->sector[0]) && s->scene[0]) {
			/* "In Ethiopia, Prime Minister Abiy Ahmed" */
			tag_code_join(e->code, s->scene, code[0] ? code : e->sector);
		} else if ((code[0] || e->sector[0]) && sole_country(s, country)) {
			/* "suspended Gabon after ... President Ali Bongo
			 * Ondimba": the one country the sentence names */
			tag_code_join(e->code, country, code[0] ? code : e->sector);
		} else if (code[0] && doc && doc->last_actor_country[0]) {
			tag_code_join(e->code, doc->last_actor_country, code);
		} else if (e->sector[0] && doc && doc->last_actor_country[0]) {
			/* "Minister Park" with no country: the document's */
			tag_code_join(e->code, doc->last_actor_country, e->sector);
		} else if ((code[0] || e->sector[0]) && doc && doc->home[0]) {
			/* the first actors of a story told from Berlin */
			tag_code_join(e->code, doc->home, code[0] ? code : e->sector);
		} else
			continue;
		/* "..., and Botchwey said": a later mention in this sentence */
		if (e->t1 - e->t0 >= 2) {
			size_t n, m;
			const char *k = tag_tok_key(s, e->t1 - 1, &n);
			for (size_t j = i + 1; j < s->n_ents; j++) {
				tag_entity *f = &s->ents[j];
				if (f->type != TT_PERSON || f->dropped || f->code[0] ||
				    f->t1 - f->t0 != 1)
					continue;
				const char *fk = tag_tok_key(s, f->t0, &m);
				if (m == n && memcmp(fk, k, n) == 0)
					tag_copy(f->code, sizeof f->code, e->code);
			}
		}
		/* later mentions of the name take the code */
		if (doc && e->t1 - e->t0 >= 1) {
			size_t n;
			const char *k = tag_tok_key(s, e->t1 - 1, &n);
			tag_doc_add_alias(doc, k, n, TT_PERSON, e->code);
			if (e->t1 - e->t0 >= 2) {
				k = tag_tok_key(s, e->t0, &n);
				if (tag_tok_entry(lx, &s->toks[e->t0], LK_SURNAME))
					tag_doc_add_alias(doc, k, n, TT_PERSON, e->code);
			}
		}
	}
}

/* Is a role word before `end` a modifier of what follows, not an actor:
 * "the official Korean Central News Agency", "military aircraft", "a
 * police station"? */
static bool
modifies_next(const tag_sent *s, const tag_lex *lx, int end)
{
	if ((size_t)end >= s->n)
		return false;
	const tag_tok *t = &s->toks[end];
	const tag_entity *e = ent_at(s, end);
	if (e && e->t0 == end && e->type != TT_PERSON && e->type != TT_DATE &&
	    e->type != TT_TIME)
		return true;
	if (!(t->f & TF_WORD) || (t->f & (TF_CAP | TF_UPPER)))
		return false;
	/* lower-case words are looked up only when an entry needs them */
	size_t n;
	const char *k = tag_tok_key(s, end, &n);
	int32_t id = tag_lex_find(lx, k, n);
	if (!tag_lex_kind(lx, id, LK_COMMON) || tag_lex_kind(lx, id, LK_FUNCTION) ||
	    tag_lex_kind(lx, id, LK_SECTOR) || tag_lex_kind(lx, id, LK_DATEWORD))
		return false;
	/* plural nouns a role word often modifies, whose -s is no verb's */
	static const char *const plural_nouns[] = {
		"operations", "exercises", "drills", "units", "bases", "sources",
		"ships", "vessels", "vehicles", "commanders", "positions",
		"installations", "facilities", "targets", "activities",
		"movements", "budgets", "ties", "reports", "stations", "patrols",
		"convoys", "deployments", "assets", "capabilities", "chiefs",
		"leaders", "aircraft", "helicopters", "jets", "drones", "academies",
		"courts", "ranks", "uniforms", "checkpoints", "barracks", NULL,
	};
	if (tok_in(s, end, plural_nouns))
		return true;
	/* a verb after the role makes it the subject: "police fired",
	 * "the army says" */
	if (n > 2 && ((k[n - 1] == 'd' && k[n - 2] == 'e') ||
	    (k[n - 1] == 's' && k[n - 2] != 's' && k[n - 2] != 'u' && k[n - 2] != 'i')))
		return false;
	return true;
}

/* Is a role at [r, end) followed by the person it titles? */
static bool
titles_a_person(const tag_sent *s, int end)
{
	int k = end;
	for (int hops = 0; hops < 10 && (size_t)k < s->n; hops++, k++) {
		const tag_entity *e = ent_at(s, k);
		if (e && e->type == TT_PERSON)
			return true;
		const tag_tok *t = &s->toks[k];
		if (tag_tok_is(s, k, ",") || tag_tok_is(s, k, "to") ||
		    tag_tok_is(s, k, "for") || tag_tok_is(s, k, "on") ||
		    tag_tok_is(s, k, "the") || tag_tok_is(s, k, "and") || e ||
		    (t->f & (TF_CAP | TF_UPPER)))
			continue;
		return false;
	}
	return false;
}

/* The longest role phrase starting at token i, not crossing an entity:
 * its length, its entry in *be. */
static int
sector_at(tag_sent *s, const tag_lex *lx, int i, const tag_entry **be)
{
	int best = 0;
	*be = NULL;
	if ((size_t)i >= s->n || s->toks[i].ent >= 0 || !(s->toks[i].f & TF_WORD) ||
	    !((s->toks[i].kinds | s->toks[i].pkinds) & (1u << LK_SECTOR)))
		return 0;
	for (int len = 1; len <= 4 && (size_t)(i + len) <= s->n; len++) {
		if (s->toks[i + len - 1].ent >= 0)
			break;
		tag_key_of(s, i, i + len, &s->scratch);
		int32_t id = tag_lex_find(lx, s->scratch.data, s->scratch.len);
		if (id < 0)
			break;
		const tag_entry *e = tag_lex_kind(lx, id, LK_SECTOR);
		if (e)
			best = len, *be = e;
	}
	return best;
}

static const char *const compass_adjectives[] = {
	"north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "central", "downtown", "northeast", "northwest", "southeast",
	"southwest", "northeastern", "northwestern", "southeastern",
	"southwestern", "suburban", "greater", NULL,
};

/* Is e a place the sentence says something happened in: "in northern
 * Burkina Faso", "near Goma", "in the north of Sudan"?  A place that is
 * the object of a verb ("shelled Kharkiv") is a target, not where the
 * actor comes from. */
static bool
after_locative(const tag_sent *s, const tag_entity *e)
{
	static const char *const where[] = {
		"in", "near", "at", "across", "outside", "around", "throughout",
		"inside", "within", "off", NULL,
	};
	static const char *const parts[] = {
		"north", "south", "east", "west", "northeast", "northwest",
		"southeast", "southwest", "outskirts", "centre", "center", "coast",
		"coasts", NULL,
	};
	if (e->type != TT_GPE)
		return false;
	int k = e->t0 - 1;
	while (k >= 0 && (tok_in(s, k, compass_adjectives) || tag_tok_is(s, k, "the")))
		k--;
	/* "in the north of Sudan", "rebels north of Goma" */
	return tok_in(s, k, where) || (tag_tok_is(s, k, "of") && tok_in(s, k - 1, parts));
}

/* The one country of the places where the sentence says it happened. */
static bool
located_country(const tag_sent *s, char country[12])
{
	return one_country(s, country, after_locative);
}

/* Sectors whose unnamed actors belong to where they act: forces, police,
 * rebels, gunmen, gangs, crowds and civilians ("Rebels attacked ... in
 * Darfur"). */
static bool
street_sector(const char *code)
{
	static const char *const sectors[] = {
		"MIL", "REB", "INS", "SEP", "COP", "OPP", "CVL", "UAF", "CRM", NULL,
	};
	for (int k = 0; sectors[k]; k++)
		if (strcmp(code, sectors[k]) == 0)
			return true;
	return false;
}

/* The police, crowds and civilians of a story are as a rule the
 * country's own, wherever they stand in the sentence. */
static bool
local_sector(const char *code)
{
	return strcmp(code, "COP") == 0 || strcmp(code, "OPP") == 0 ||
	    strcmp(code, "CVL") == 0;
}

/* "government forces", "regime troops": the forces of the state where
 * they fight, wherever they stand in the sentence. */
static bool
state_forces(const tag_sent *s, int i)
{
	return tag_tok_is(s, i, "government") || tag_tok_is(s, i, "regime") ||
	    tag_tok_is(s, i, "pro-government");
}

static const char *const owners[] = {
	"his", "her", "their", "its", "our", "my", "your", NULL,
};

/* Does a clause start at the role at i ("Rebels attacked", "after
 * soldiers detained", "NAIROBI (Reuters) - Police fired")? */
static bool
subject_at(const tag_sent *s, int i)
{
	static const char *const openers[] = {
		"as", "while", "after", "when", "before", "and", "but", "that",
		"where", "because", "since", "though", "although", "until",
		"whereas", NULL,
	};
	int k = i - 1;
	if (tag_tok_is(s, k, "the"))
		k--;
	return k < 0 || (s->toks[k].f & TF_PUNCT) || tok_in(s, k, openers);
}

static bool actor_before(const tag_sent *s, int t, char country[12]);

/* ", the foreign ministry said": a role that says what the story reports
 * is the source's, the story's country, not the last actor's. */
static bool
speech_after(const tag_sent *s, int end)
{
	static const char *const verbs[] = {
		"said", "says", "added", "told", "reported", "announced", "stated",
		NULL,
	};
	return tok_in(s, end, verbs);
}

static void
nominal_actors(tag_sent *s, const tag_lex *lx, tag_doc *doc)
{
	for (int i = 0; (size_t)i < s->n; i++) {
		/* most words name no role: test their kind bits first */
		if (!((s->toks[i].kinds | s->toks[i].pkinds) & (1u << LK_SECTOR)))
			continue;
		const tag_entry *be, *be2;
		int best = sector_at(s, lx, i, &be);
		if (!be)
			continue;
		int end = i + best;
		const char *sector = be->code;
		unsigned flags = be->flags;
		/* "chief spokesman", "ministry official", "military
		 * spokesman": two role words make one role, of the sector of
		 * the first unless it only names a rank */
		int best2 = sector_at(s, lx, end, &be2);
		/* but "foreign ministry spokeswoman Pham Thu Hang": the
		 * ministry is an actor of its own, and hers */
		if (be2 && !(flags & LF_PERSON) && (be2->flags & LF_PERSON) &&
		    titles_a_person(s, end + best2))
			be2 = NULL;
		if (be2) {
			if (flags & LF_PERSON)
				sector = be2->code;
			flags = be2->flags;
			end += best2;
		}
		/* a plural role is followed by its verb ("officials accuse"),
		 * a singular one may modify a noun ("a police station") */
		size_t ln;
		const char *lk = tag_tok_key(s, end - 1, &ln);
		bool plural = (flags & LF_PLURAL) || (ln > 3 && lk[ln - 1] == 's' &&
		    lk[ln - 2] != 's');
		if (((flags & LF_PERSON) && titles_a_person(s, end)) ||
		    (!plural && modifies_next(s, lx, end))) {
			i = end - 1;
			continue;
		}
		/* "Houthi officials", "Hamas fighters": the group's own people,
		 * who the group's name already stands for */
		const tag_entity *owner = ent_at(s, i - 1);
		if (owner && owner->t1 == i && owner->type == TT_ORG &&
		    !(s->toks[i - 1].f & TF_POSS) && strlen(owner->code) >= 6 &&
		    !sector_only(owner->code)) {
			i = end - 1;
			continue;
		}
		char country[12] = "";
		bool former = false;
		int start = i;
		if (modifier_before(s, i, country, &former, &start)) {
			const tag_entity *m = ent_at(s, start);
			/* "South Korean foreign ministry": one actor; a possessive
			 * ("South Korea's") stays an entity of its own */
			if (m && m->type == TT_NORP && m->t1 <= i &&
			    !(s->toks[m->t1].f & TF_POSS)) {
				s->ents[s->toks[start].ent].dropped = true;
				for (int k = m->t0; k < m->t1; k++)
					s->toks[k].ent = -1;
			} else
				start = i;
		} else if (tag_tok_is(s, end, "of") && ent_at(s, end + 1) &&
		    country_of(ent_at(s, end + 1), country)) {
			/* "the foreign ministry of China" */
		} else if (tag_tok_is(s, end, "in") && ent_at(s, end + 1) &&
		    ent_at(s, end + 1)->type == TT_GPE && strcmp(sector, "MIL") != 0 &&
		    strcmp(sector, "MED") != 0 &&
		    country_of(ent_at(s, end + 1), country)) {
			/* "police in Mombasa", "officials in Kyiv" are local;
			 * troops in a country are often another's */
		} else if (tag_tok_is(s, i - 1, "its") && owner_before(s, i, country)) {
			/* "Azerbaijan's defence ministry said its forces" */
		} else if (s->scene[0] && (tag_tok_is(s, i - 1, "the") ||
		    tag_tok_is(s, i - 1, "its"))) {
			tag_copy(country, sizeof country, s->scene);
		} else if ((tag_tok_is(s, i - 1, "the") || tag_tok_is(s, i - 1, "its")) &&
		    !(flags & LF_PLURAL) && !speech_after(s, end) &&
		    actor_before(s, i, country)) {
			/* "Israeli Defense Minister Israel Katz said the army":
			 * the actor the sentence named before */
		} else if (doc && (tag_tok_is(s, i - 1, "the") || tag_tok_is(s, i - 1, "its")) &&
		    !(flags & LF_PLURAL)) {
			/* "the ministry": the country of the last ministry named,
			 * else of the dateline, else of the last actor */
			size_t hn;
			const char *hk = tag_tok_key(s, end - 1, &hn);
			const tag_alias *al = head_alias(doc, hk, hn);
			if (al)
				tag_copy(country, sizeof country, al->code);
			else if (doc->home[0])
				tag_copy(country, sizeof country, doc->home);
			else
				tag_copy(country, sizeof country, doc->last_actor_country);
		}
		/* "Rebels attacked ... in Darfur", "Police fired ..." (no
		 * determiner, no owner): the country where the sentence says
		 * it happened, else where the story is told from.  Only the
		 * forces and crowds of a conflict: "told reporters", "leaders
		 * from Sri Lanka", "his counterparts ... in Jakarta" are not
		 * the place's; "NATO peacekeepers" are the name's, "his
		 * forces" their leader's.  Troops only as a subject: those
		 * someone "visited" or "attacked in Gaza" may be anyone's;
		 * but "government forces" are the place's government's.
		 * The dateline's country only for a subject, or for police,
		 * crowds and civilians */
		if (!country[0] && !former && street_sector(sector) &&
		    (!(flags & LF_PERSON) || strcmp(sector, "UAF") == 0) &&
		    !ent_at(s, i - 1) && !tok_in(s, i - 1, owners) &&
		    (strcmp(sector, "MIL") != 0 || subject_at(s, i) || state_forces(s, i)) &&
		    !located_country(s, country) && doc && doc->home[0] &&
		    (local_sector(sector) || subject_at(s, i)))
			tag_copy(country, sizeof country, doc->home);
		if (!country[0] || former) {
			i = end - 1;
			continue;
		}
		char code[12];
		if (memcmp(country, "IGO", 3) == 0)
			tag_copy(code, sizeof code, country);
		else
			tag_code_join(code, country, sector);
		/* leading adjectives stay out; the span is modifier + role */
		if (tag_add_entity(s, start, end, TT_ACTOR, code) && doc &&
		    memcmp(country, "IGO", 3) != 0) {
			size_t hn;
			const char *hk = tag_tok_key(s, end - 1, &hn);
			char key[64];
			if (hn + 1 < sizeof key) {
				key[0] = '#';
				memcpy(key + 1, hk, hn);
				tag_doc_add_alias(doc, key, hn + 1, TT_ACTOR, country);
			}
		}
		i = end - 1;
	}
}

static const char *const locatives[] = {
	"in", "at", "near", "from", "to", "outside", "around", "into", "across",
	"visit", "visited", "visiting", "toward", "towards", "via", "inside",
	"leave", "left", "arrived", "reach", "reached", "throughout", "of",
	"through", "within", "over", "beyond", "along", NULL,
};

/* "travel to Cairo", "the first visit by a Chinese minister to Seoul",
 * "from Seoul to Tokyo": "to" at t ends a movement, so what follows is a
 * place; "assistance to Bamako", "a message to Pyongyang" go to a
 * government. */
static bool
motion_before(const tag_sent *s, int t)
{
	static const char *const motion[] = {
		"travel", "travels", "traveled", "travelled", "traveling",
		"travelling", "trip", "trips", "visit", "visits", "visited",
		"visiting", "flew", "fly", "flies", "flying", "flight", "flights",
		"went", "go", "goes", "going", "gone", "came", "come", "comes",
		"coming", "return", "returns", "returned", "returning", "back",
		"arrive", "arrived", "move", "moved", "moving", "head", "heads",
		"headed", "heading", "relocate", "relocated", "fled", "flee",
		"fleeing", "deported", "deport", "deployed", "deploy", "route",
		"road", "journey", "way", "bound", "sail", "sailed", "drove",
		"drive", "driven", "walked", "marched", "crossed", "from",
		"moved", "tour", "toured", "transferred", "shipped", NULL,
	};
	for (int k = t - 1; k >= 0 && k >= t - 6; k--) {
		if (tag_tok_is(s, k, ",") || tag_tok_is(s, k, ";"))
			break;
		if (tok_in(s, k, motion))
			return true;
	}
	return false;
}

/* A capital not named as a place stands for its government. */
/* "SEOUL, Jan. 20 (Yonhap) --", "WASHINGTON (AP) --": where the story is
 * told from, the country unnamed roles ("the foreign ministry") most
 * likely belong to. */
static void
dateline(tag_sent *s, tag_doc *doc)
{
	if (!doc || doc->home[0] || !s->n_ents)
		return;
	for (size_t i = 0; i < s->n_ents; i++) {
		const tag_entity *e = &s->ents[i];
		if (e->dropped || e->type != TT_GPE || e->t0 > 2 || strlen(e->code) < 3)
			continue;
		if (!(s->toks[e->t0].f & TF_UPPER) || !(tag_tok_is(s, e->t1, ",") ||
		    tag_tok_is(s, e->t1, "(")))
			continue;
		memcpy(doc->home, e->code, 3);
		doc->home[3] = 0;
		return;
	}
}

static void
capitals(tag_sent *s)
{
	for (size_t i = 0; i < s->n_ents; i++) {
		tag_entity *e = &s->ents[i];
		if (!e->capital || e->dropped || strlen(e->code) != 3)
			continue;
		/* "in Seoul", "in east London", "the capital Sanaa", "the
		 * Yemeni capital, Sanaa": where, not who */
		int l = e->t0 - 1;
		while (l >= 0 && tok_in(s, l, compass_adjectives))
			l--;
		/* "central London", "eastern Kinshasa": a part of the city */
		if (l < e->t0 - 1 && !tag_tok_is(s, e->t0 - 1, "east") &&
		    !tag_tok_is(s, e->t0 - 1, "west"))
			continue;
		if ((tok_in(s, l, locatives) && (!tag_tok_is(s, l, "to") || motion_before(s, l))) ||
		    tag_tok_is(s, e->t0 - 1, "capital") ||
		    (tag_tok_is(s, e->t0 - 1, ",") && tag_tok_is(s, e->t0 - 2, "capital")))
			continue;
		/* a dateline: "SEOUL, Jan. 20 (Yonhap) --" */
		if ((s->toks[e->t0].f & TF_UPPER) || (e->t0 == 0 &&
		    tag_tok_is(s, e->t1, ",") && ent_at(s, e->t1 + 1) &&
		    ent_at(s, e->t1 + 1)->type == TT_DATE))
			continue;
		/* in a list, a capital is what the first of the list is:
		 * "Seoul, Tokyo, and Washington would" are governments, "the
		 * University of Birmingham and London" a place */
		l = e->t0 - 1;
		if ((tag_tok_is(s, l, "and") || tag_tok_is(s, l, "or") ||
		    tag_tok_is(s, l, ",")) && !speech_after(s, e->t1)) {
			if (tag_tok_is(s, l - 1, ","))
				l--;
			const tag_entity *prev = ent_at(s, l - 1);
			if (!prev || !prev->capital || strlen(prev->code) != 6)
				continue;
		}
		strcat(e->code, "GOV");
	}
}

/* "In Ethiopia, ...", "In neighbouring Sudan, ...": the country the
 * sentence is set in, for roles it names without one. */
static void
find_scene(tag_sent *s)
{
	s->scene[0] = 0;
	if (!tag_tok_is(s, 0, "in"))
		return;
	for (int k = 1; k <= 3 && (size_t)k < s->n; k++) {
		const tag_entity *e = ent_at(s, k);
		if (e) {
			if (e->t0 == k && e->type == TT_GPE && strlen(e->code) >= 3 &&
			    tag_tok_is(s, e->t1, ","))
				tag_copy(s->scene, sizeof s->scene, e->code);
			return;
		}
		if (capitalised_tok(s, k) || !(s->toks[k].f & TF_WORD))
			return;
	}
}

static bool
state_sector(const char *code)
{
	static const char *const sectors[] = {
		"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "BNK", NULL,
	};
	for (int k = 0; sectors[k]; k++)
		if (strcmp(code, sectors[k]) == 0)
			return true;
	return false;
}

/* The country of the last actor with a country and a sector named before
 * token t in the sentence. */
static bool
actor_before(const tag_sent *s, int t, char country[12])
{
	const tag_entity *best = NULL;
	for (size_t i = 0; i < s->n_ents; i++) {
		const tag_entity *e = &s->ents[i];
		if (e->dropped || e->t1 > t || strlen(e->code) < 6 || sector_only(e->code) ||
		    memcmp(e->code, "IGO", 3) == 0 || memcmp(e->code, "NGO", 3) == 0 ||
		    (e->type != TT_PERSON && e->type != TT_ORG && e->type != TT_ACTOR))
			continue;
		if (!best || e->t1 > best->t1)
			best = e;
	}
	if (!best)
		return false;
	tag_copy(country, 4, best->code);
	return true;
}

/* Organisations named by a role: "Taiwan's Defense Ministry", "the
 * Royal Navy", "South Korea's Joint Chiefs of Staff", "the Foreign
 * Office".  The role gives the sector; the country comes from the words
 * before or after, or from the document, as for "the ministry". */
static void
org_codes(tag_sent *s, const tag_lex *lx, tag_doc *doc, bool fallback)
{
	static const char *const institutional[] = {
		"royal", "national", "federal", "metropolitan", "state", "central",
		"supreme", "imperial", "armed", "people's", "high", "constitutional",
		"foreign", "home", "interior", "defense", "defence", "naval", NULL,
	};
	for (size_t i = 0; i < s->n_ents; i++) {
		tag_entity *e = &s->ents[i];
		if (e->dropped || e->type != TT_ORG)
			continue;
		/* "Venezuela's Supreme Court", "Peru's Congress": an office of
		 * the state that news names for one country most often is
		 * another's when the sentence says so */
		if (strlen(e->code) >= 6 && !sector_only(e->code) && state_sector(e->code + 3) &&
		    memcmp(e->code, "IGO", 3) != 0 && memcmp(e->code, "NGO", 3) != 0) {
			char country[12];
			bool former;
			int start;
			if (modifier_before(s, e->t0, country, &former, &start) &&
			    strlen(country) == 3 && memcmp(country, e->code, 3) != 0 &&
			    memcmp(country, "IGO", 3) != 0 && memcmp(country, "NGO", 3) != 0) {
				char sector[12];
				tag_copy(sector, sizeof sector, e->code + 3);
				tag_code_join(e->code, country, sector);
			}
			continue;
		}
		if (e->code[0] && !sector_only(e->code))
			continue;
		/* a role word in it, or a code of a sector alone */
		bool role = e->code[0] != 0;
		for (int k = e->t0; k < e->t1 && !role; k++)
			role = ((s->toks[k].kinds | s->toks[k].pkinds) & (1u << LK_SECTOR)) != 0;
		if (!role)
			continue;
		/* the sector phrase at its end, with only institutional words
		 * before it */
		char sector[12] = "";
		bool person_role = false;
		int r = role_ending_at(s, lx, e->t1, e->t0, sector, &person_role);
		if (r < e->t0 || person_role)
			sector[0] = 0;
		for (int k = e->t0; sector[0] && k < r; k++)
			if (!tok_in(s, k, institutional))
				sector[0] = 0;
		/* a parliament, a court, a cabinet of no country yet ("LEG");
		 * news agencies ("MED") serve the world */
		if (!sector[0] && e->code[0] && state_sector(e->code))
			tag_copy(sector, 4, e->code);
		if (!sector[0])
			continue;
		char country[12] = "";
		bool former = false;
		int start;
		const tag_entity *of = tag_tok_is(s, e->t1, "of") ? ent_at(s, e->t1 + 1) : NULL;
		if (modifier_before(s, e->t0, country, &former, &start)) {
			;
		} else if (of && of->type == TT_GPE && country_of(of, country)) {
			;       /* "the Supreme Court of India" */
		} else if (s->scene[0]) {
			tag_copy(country, sizeof country, s->scene);
		} else if (!fallback) {
			continue;       /* after the people are coded */
		} else if (actor_before(s, e->t0, country)) {
			;       /* "Defence Secretary Grant Shapps said the Royal Navy" */
		} else if (doc) {
			size_t hn;
			const char *hk = tag_tok_key(s, e->t1 - 1, &hn);
			const tag_alias *al = head_alias(doc, hk, hn);
			if (al)
				tag_copy(country, sizeof country, al->code);
			else if (doc->home[0])
				tag_copy(country, sizeof country, doc->home);
			else
				tag_copy(country, sizeof country, doc->last_actor_country);
		}
		if (!country[0] || memcmp(country, "IGO", 3) == 0 ||
		    memcmp(country, "NGO", 3) == 0)
			continue;
		tag_code_join(e->code, country, sector);
	}
}

void
tag_find_actors(tag_sent *s, const tag_lex *lx, tag_doc *doc,
    const tag_opts *opts)
{
	dateline(s, doc);
	find_scene(s);
	capitals(s);
	org_codes(s, lx, doc, false);
	/* unnamed actors first: "foreign ministry spokeswoman Pham Thu Hang"
	 * takes the ministry's code */
	if (opts->nominals)
		nominal_actors(s, lx, doc);
	code_people(s, lx, doc);
	org_codes(s, lx, doc, true);
	/* "the ministry" after "the Chinese Foreign Ministry" */
	if (doc) {
		for (size_t i = 0; i < s->n_ents; i++) {
			const tag_entity *e = &s->ents[i];
			if (e->dropped || e->type != TT_ORG || strlen(e->code) < 6 ||
			    memcmp(e->code, "IGO", 3) == 0 || memcmp(e->code, "NGO", 3) == 0)
				continue;
			size_t hn;
			const char *hk = tag_tok_key(s, e->t1 - 1, &hn);
			char key[64], country[4];
			if (hn + 1 >= sizeof key)
				continue;
			key[0] = '#';
			memcpy(key + 1, hk, hn);
			memcpy(country, e->code, 3);
			country[3] = 0;
			tag_doc_add_alias(doc, key, hn + 1, TT_ACTOR, country);
		}
	}
	/* the last actor's country, for "the ministry" in later sentences */
	if (doc) {
		for (size_t i = 0; i < s->n_ents; i++) {
			const tag_entity *e = &s->ents[i];
			if (e->dropped || strlen(e->code) < 6 ||
			    memcmp(e->code, "IGO", 3) == 0 || memcmp(e->code, "NGO", 3) == 0)
				continue;
			if (e->type == TT_ACTOR || e->type == TT_ORG || e->type == TT_PERSON)
				tag_copy(doc->last_actor_country,
				    sizeof doc->last_actor_country, e->code);
		}
	}
}
