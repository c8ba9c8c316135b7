/* events.h: the parts of news-events and how they fit.
 *
 *   ev_lex.c     the lexicon: word classes, inflections, and the verb and
 *                noun patterns of the dictionaries (dict/ files, --dict)
 *   ev_cameo.c   the CAMEO code table: names, Goldstein values, PLOVER
 *   ev_sent.c    one sentence: tokens, entities, units (an entity is one unit)
 *   ev_actor.c   noun phrases around actors: subjects, objects, coordination,
 *                pronouns and "the two sides" from the document context
 *   ev_code.c    the coder: triggers, clauses, negation, modality, reported
 *                speech, and the events they give
 *   ev_geo.c     where an event happened (libgeonames)
 *   ev_emit.c    event records
 *   main.c       options and the record loop
 */
#ifndef EVENTS_H
#define EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "news_buf.h"

/* snprintf(dst, cap, "%s", src) without printf's cost (some 8% of all
 * the time on news): at most cap - 1 bytes, always terminated. */
static inline void
ev_strlcpy(char *dst, size_t cap, const char *src)
{
	size_t n = 0;
	while (n + 1 < cap && src[n])
		n++;
	memmove(dst, src, n);
	dst[n] = 0;
}

/* ---- word classes (a word may have several) -------------------------- */
#define W_DET (UINT64_C(1) << 0)  /* a the this these */
#define W_POSS (UINT64_C(1) << 1)  /* his her its their our my your */
#define W_PRON (UINT64_C(1) << 2)  /* he she it they we i (subject pronouns) */
#define W_PREP (UINT64_C(1) << 3)
#define W_LOCPREP (UINT64_C(1) << 4)  /* in at near: a place follows, not a target */
#define W_CONJ (UINT64_C(1) << 5)  /* and or but nor */
#define W_SUB (UINT64_C(1) << 6)  /* who which while because if ...: a clause starts */
#define W_THAT (UINT64_C(1) << 7)
#define W_TO (UINT64_C(1) << 8)
#define W_AUX (UINT64_C(1) << 9)  /* be, have, do */
#define W_BE (UINT64_C(1) << 10)
#define W_FUT (UINT64_C(1) << 11)  /* will would shall; plan, intend: intent, not fact */
#define W_SPEC (UINT64_C(1) << 12)  /* could may might: speculation, not coded */
#define W_MUST (UINT64_C(1) << 13)  /* must, have to: a demand in reported speech */
#define W_SHOULD (UINT64_C(1) << 14)  /* should, ought: an appeal in reported speech */
#define W_NEG (UINT64_C(1) << 15)  /* not never n't */
#define W_ADV (UINT64_C(1) << 16)  /* skipped between subject and verb */
#define W_VERB (UINT64_C(1) << 17)  /* a known verb form */
#define W_SPEECH (UINT64_C(1) << 18)  /* say tell add: reported speech follows */
#define W_ROLE (UINT64_C(1) << 19)  /* minister envoy diplomat: a government role */
#define W_PAIR (UINT64_C(1) << 20)  /* sides both two: the two parties of the document */
#define W_BAD (UINT64_C(1) << 21)  /* aggressive threat provocation: a charge */
#define W_PLURAL (UINT64_C(1) << 22)  /* they, ministers: refers to several actors */
#define W_COND (UINT64_C(1) << 23)  /* if unless whether: a condition, not fact */
#define W_NEGVERB (UINT64_C(1) << 24)  /* fail deny: what follows did not happen */
#define W_SELF (UINT64_C(1) << 25)  /* country government side: "his country" */
#define W_ADJ (UINT64_C(1) << 26)  /* words that modify a noun */
#define W_NOUN (UINT64_C(1) << 27)  /* known nouns: keep a noun phrase going */
#define W_COMPLEMENT (UINT64_C(1) << 28)  /* want hope seek try: "to VERB" after is intent */
#define W_TIME (UINT64_C(1) << 29)  /* words that belong to a time expression */
#define W_FIRST (UINT64_C(1) << 30)  /* I we: the speaker himself */
#define W_MILROLE (UINT64_C(1) << 31)  /* troops army forces: a military role */
#define W_TOPIC (UINT64_C(1) << 32)  /* on about over: a topic, not a target */
#define W_GENERIC (UINT64_C(1) << 33)  /* people experts analysts: no actor */
#define W_COPULA (UINT64_C(1) << 34)  /* be become remain pose: a characterisation follows */
#define W_CAUSE (UINT64_C(1) << 35)  /* prompt force compel: "prompting X to VERB", X acts */
#define W_PERSON (UINT64_C(1) << 36)  /* minister envoy counterpart: one person's role */
#define W_REACT (UINT64_C(1) << 37)  /* draw prompt spark: "drawing condemnation from C" */
#define W_SAMEPAST (UINT64_C(1) << 38)  /* hit cut put: a past the same as the base */

/* Unit classes beyond words (ev_unit.ucls). */
enum {
	U_WORD = 1 << 0,
	U_ACTOR = 1 << 1,       /* an entity with an actor code */
	U_DATE = 1 << 2,
	U_PLACE = 1 << 3,       /* a place that is not an actor here */
	U_OTHERENT = 1 << 4,    /* MONEY, PERCENT, an entity without a code */
	U_COMMA = 1 << 5,
	U_BOUND = 1 << 6,       /* ; : ( ) -- : the clause ends */
	U_QUOTE = 1 << 7,
	U_POSS_S = 1 << 8,      /* 's */
	U_PUNCT = 1 << 9,       /* other punctuation */
	U_CAP = 1 << 10,        /* a capitalised word */
	U_END = 1 << 11,        /* . ! ? */
	U_PERSON = 1 << 12,     /* an entity that is a person: a name, or a role
	                         * noun for one ("his Iranian counterpart") */
};

/* Inflected forms. */
enum { F_BASE, F_S, F_PAST, F_PART, F_ING };

/* ---- the lexicon ------------------------------------------------------- */
typedef struct ev_lex ev_lex;

/* One token of a pattern. */
enum { PT_WORDS, PT_ANY, PT_GAP, PT_SLOT_S, PT_SLOT_T };
typedef struct ev_ptok {
	int kind;
	uint32_t *words;        /* lexicon ids that match (PT_WORDS) */
	uint32_t n_words;
} ev_ptok;

typedef struct ev_pattern {
	char code[8];           /* CAMEO code, "041" */
	bool noun;              /* from [nouns]: the source is not the subject */
	bool intent;            /* =intent: only under will, pledge, reported speech */
	bool force;             /* =force: only with an armed source ("troops entered") */
	bool pair;              /* =pair: only after a hyphenated pair ("Russia-Ukraine talks") */
	ev_ptok *toks;
	uint32_t n_toks;
	uint32_t n_lits;        /* literal tokens: more is more specific */
	char *rule;             /* "verbs:57 meet+ with @T": for the output */
} ev_pattern;

ev_lex *ev_lex_new(void);
void ev_lex_free(ev_lex *lx);
/* Load one dictionary text ([words], [irregular], [verbs], [nouns]
 * sections).  Exits 2 with FILE:LINE on a bad line. */
void ev_lex_load(ev_lex *lx, const char *data, size_t len, const char *source);
/* After loading: index the patterns by their first word. */
void ev_lex_finish(ev_lex *lx);

/* The id of a lower-cased word, or -1. */
int32_t ev_lex_find(const ev_lex *lx, const char *w, size_t len);
uint64_t ev_lex_class(const ev_lex *lx, int32_t id);
int ev_lex_form(const ev_lex *lx, int32_t id);
/* Patterns whose first token matches word id. */
const uint32_t *ev_lex_patterns(const ev_lex *lx, int32_t id, uint32_t *n);
const ev_pattern *ev_lex_pattern(const ev_lex *lx, uint32_t i);
size_t ev_lex_n_patterns(const ev_lex *lx);

/* ---- the CAMEO table ----------------------------------------------------- */
typedef struct ev_cameo {
	char code[8];
	size_t code_len;
	double goldstein;
	char goldstein_json[24];        /* the value as the output writes it */
	const char *plover;     /* NULL when PLOVER has no category */
	const char *name;
} ev_cameo;

void ev_cameo_load(const char *data, size_t len, const char *source);
/* The entry for code, else for its longest known prefix, else NULL. */
const ev_cameo *ev_cameo_find(const char *code);
void ev_cameo_free(void);

/* ---- a sentence -------------------------------------------------------- */
typedef struct ev_entity {
	const char *text;       /* in the sentence text */
	size_t len;
	char type[16];
	char code[24];
	char value[16];         /* DATE: YYYY-MM-DD, YYYY-MM or YYYY */
	size_t b0, b1;          /* byte span in the sentence text */
	bool has_code;
} ev_entity;

typedef struct ev_unit {
	uint32_t b0, b1;        /* byte span in the sentence text */
	uint64_t wcls;          /* W_* */
	uint32_t ucls;          /* U_* */
	int32_t lex;            /* lexicon id or -1 */
	int32_t ent;            /* entity index or -1 */
	uint8_t form;
} ev_unit;

typedef struct ev_sent {
	const char *text;
	size_t len;
	ev_entity *ents;
	size_t n_ents, cap_ents;
	ev_unit *units;
	size_t n_units, cap_units;
	news_buf lower;         /* scratch for lower-casing */
} ev_sent;

void ev_sent_init(ev_sent *s);
void ev_sent_free(ev_sent *s);
/* Parse the entities array (raw JSON) of a sentence.  Entities that are
 * malformed or out of range are skipped and counted in *bad. */
void ev_sent_entities(ev_sent *s, const char *json, size_t len, size_t *bad);
/* Split text into units, an entity being one unit. */
void ev_sent_units(ev_sent *s, const ev_lex *lx);

/* ---- actors ---------------------------------------------------------------- */
typedef struct ev_actor {
	const char *text;       /* for the output */
	size_t len;
	char code[24];
	int unit;               /* where in the sentence, or -1 (from context) */
	bool person;
} ev_actor;

#define EV_MAX_ACTORS 8
typedef struct ev_actors {
	ev_actor a[EV_MAX_ACTORS];
	int n;
	int start, end;         /* the units of the phrase */
	bool pair;              /* from "the two sides" */
	bool pronoun;
	bool in_pp;             /* the object of a preposition */
	bool has_role;          /* a role noun gave the codes a sector */
	char of_sector[8];      /* "the leaders of A and B": the sector they share */
} ev_actors;

struct ev_result;

#define EV_MAX_NAMES 32

/* An actor the document mentioned, with its own copy of the text. */
typedef struct ev_mem {
	ev_actor a;
	char buf[128];
	bool have;
} ev_mem;

/* What the document has said so far. */
typedef struct ev_docctx {
	news_buf doc;           /* the doc id (raw JSON value) */
	bool have_doc;
	ev_mem person;          /* the last person: he, she, his */
	ev_mem group;           /* the last country or organisation: it, its */
	ev_mem dyad[2];         /* the last two parties: the two sides, they */
	struct {
		char word[32];  /* "Park" of "Park Jin" */
		char code[24];  /* "" when two people share the word */
	} names[EV_MAX_NAMES];
	int n_names;
} ev_docctx;

void ev_doc_reset(ev_docctx *d);
void ev_doc_free(ev_docctx *d);
/* Remember the actors of a coded sentence: its mentions, and the two
 * parties of its last event. */
void ev_doc_note(ev_docctx *d, const ev_sent *s);
/* Later mentions of a person by one part of the name ("Park" after "Park
 * Jin") that the tagger left untagged become that person. */
void ev_doc_names(const ev_docctx *d, ev_sent *s);
/* The two parties "the two sides" and "they" now refer to. */
void ev_doc_set_dyad(ev_docctx *d, const ev_actor *a, const ev_actor *b);

/* The actor of a unit (an entity with a code, with GOV added when a
 * government role noun follows a bare country). */
bool ev_unit_actor(const ev_sent *s, int u, ev_actor *out);
/* The phrase ending at unit i (going left) / starting at i (going right),
 * with its actors; false when it holds no actor.  Pronouns and "the two
 * sides" resolve through d. */
bool ev_np_left(const ev_sent *s, const ev_docctx *d, int i, int lo,
    ev_actors *out);
bool ev_np_right(const ev_sent *s, const ev_docctx *d, int i, int hi,
    ev_actors *out);
/* The actor a possessive pronoun at u ("his", "its", "their") refers to. */
bool ev_possessor(const ev_sent *s, const ev_docctx *d, int u, ev_actors *out);
/* A verb in the past or present that is not also a noun or adjective. */
bool ev_finite_verb(const ev_unit *u);
/* Same country: the first three letters of the codes. */
bool ev_same_country(const ev_actor *a, const ev_actor *b);

/* ---- events ------------------------------------------------------------- */
typedef struct ev_event {
	ev_actor src, tgt;
	char code[8];
	const char *rule;
	int trig0, trig1;       /* units of the trigger */
	int date_ent;           /* -1 or an entity */
	int place_ent;
	char text_buf[2][128];  /* actor text that is not in the sentence */
} ev_event;

#define EV_MAX_EVENTS 32
typedef struct ev_result {
	ev_event ev[EV_MAX_EVENTS];
	int n;
} ev_result;

typedef struct ev_coder_opts {
	bool allow_fallback;    /* reported-speech events without a trigger */
	int max_fallback;       /* at most this many per sentence */
	bool trace;             /* print the triggers found to stderr */
} ev_coder_opts;

/* Code one sentence; d is the document context, updated. */
void ev_code_sentence(const ev_sent *s, const ev_lex *lx, ev_docctx *d,
    const ev_coder_opts *o, ev_result *r);

/* ---- places ------------------------------------------------------------ */
typedef struct ev_place {
	char country[8];
	double lat, lon;
	bool has_coords;
	char lat_json[32], lon_json[32];        /* as written, or "" */
} ev_place;

/* Look up a place name (cached); false when unknown. */
bool ev_geo_lookup(const char *name, size_t len, ev_place *out);
/* ISO 3166 alpha-2 to alpha-3 ("KR" -> "KOR"), or NULL. */
const char *ev_iso3(const char *alpha2);
void ev_geo_free(void);

#endif
