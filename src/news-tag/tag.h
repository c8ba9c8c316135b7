/* tag.h: the parts of news-tag and how they fit.
 *
 * A sentence is split into tokens (tag_token.c); dates and amounts are
 * found first (tag_dates.c), then names: dictionary phrases and runs of
 * capitalised words (tag_names.c), classified by the lexicon (tag_lex.c)
 * and their context; actor codes come from the dictionaries, titles,
 * appositions and the document seen so far (tag_actors.c, tag_doc.c). */
#ifndef TAG_H
#define TAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "news_buf.h"

/* ---- tokens ------------------------------------------------------------ */

enum {
	TF_WORD = 1 << 0,       /* starts with a letter */
	TF_NUM = 1 << 1,        /* starts with a digit */
	TF_PUNCT = 1 << 2,
	TF_CAP = 1 << 3,        /* first letter upper case */
	TF_UPPER = 1 << 4,      /* all letters upper case, two or more */
	TF_POSS = 1 << 5,       /* the possessive 's (its own token) */
	TF_SPACE = 1 << 6,      /* white space before it */
	TF_DOT = 1 << 7,        /* ends in '.' (Jan., U.S., J.) */
	TF_HYPHEN = 1 << 8,     /* contains '-' */
	TF_INITIAL = 1 << 9,    /* one capital and a dot: "J." */
	TF_START = 1 << 10,     /* first word of the sentence or a quote */
	TF_NOLEX = 1 << 11,     /* not looked up: no entry it could use */
};

typedef struct tag_tok {
	uint32_t b, e;          /* bytes of the sentence text */
	uint32_t kb, ke;        /* its lower-case key in tag_sent.keys */
	uint32_t f;             /* TF_* */
	int32_t lex;            /* lexicon entries of the key alone, or -1 */
	uint32_t kinds;         /* 1 << kind of each of them */
	uint32_t pkinds;        /* 1 << kind of the longer phrases it starts */
	uint64_t hash;          /* of its key */
	int ent;                /* index of the entity covering it, or -1 */
} tag_tok;

/* ---- the lexicon ---------------------------------------------------------- */

/* What a dictionary entry says about a phrase. */
enum tag_kind {
	LK_NONE = 0,
	LK_COUNTRY,     /* GPE; code = country */
	LK_NORP,        /* nationality or group adjective; code = country */
	LK_CITY,        /* GPE; code = country; capital when flag set */
	LK_REGION,      /* state, province: GPE; code = country */
	LK_PLACE,       /* other place: continent, sea, region (LOC) */
	LK_ORG,         /* an organisation, maybe with a code (IGOs) */
	LK_PERSON,      /* a known person (roles in tag_person) */
	LK_GIVEN,       /* a given name */
	LK_SURNAME,     /* a family name that comes first (Kim, Wang) */
	LK_TITLE,       /* a title before a name: President, Mr. */
	LK_SECTOR,      /* a noun naming an actor: foreign ministry, police */
	LK_ORGWORD,     /* a word that ends (or starts) an organisation name */
	LK_LOCWORD,     /* a word that ends (or starts) a place name */
	LK_MISCWORD,    /* a word that ends an event's, law's or work's name */
	LK_FUNCTION,    /* a function word or common verb */
	LK_PLACENOUN,   /* "village": a noun before a place's name */
	LK_ORGNOUN,     /* "publisher": a noun before an organisation's name */
	LK_PERNOUN,     /* "novelist": a noun before a person's name */
	LK_WORKNOUN,    /* "film": a noun before a work's title (no entity) */
	LK_PARTICLE,    /* van, der, bin, al: inside names */
	LK_NONAME,      /* capitalised but never a name on its own */
	LK_COMMON,      /* an ordinary lower-case English word */
	LK_PROPER,      /* a proper noun of the English word list */
	LK_MONTH,       /* value = month 1-12 */
	LK_WEEKDAY,     /* value = 0 Monday .. 6 Sunday */
	LK_DATEWORD,    /* today, yesterday, week, month ... */
	LK_ABBREV,      /* a word written with a final dot: Jan., Mr. */
	LK_PREFIX,      /* a proper prefix of a longer phrase */
	LK_KINDS
};

/* Flags of an entry. */
enum {
	LF_CASED = 1 << 0,      /* only when capitalised in the text */
	LF_CAPITAL = 1 << 1,    /* a capital city: may stand for the government */
	LF_HEAD = 1 << 2,       /* ORG/LOC word that ends a name ("University") */
	LF_LEAD = 1 << 3,       /* ORG/LOC word that starts one ("Lake", "Mount") */
	LF_PERSON = 1 << 4,     /* a sector word naming a person (minister) */
	LF_USER = 1 << 5,       /* from a --dict file */
	LF_PLURAL = 1 << 6,     /* a sector word in the plural (troops) */
	LF_ACRONYM = 1 << 7,    /* written in capitals: only so in the text */
	LF_WEAK = 1 << 8,       /* an ordinary word too: "Plateau" only in
				 * "Plateau state" */
	LF_LONE = 1 << 9,       /* noname: only when alone ("Mars", not
				 * "Bruno Mars") */
};

typedef struct tag_entry {
	uint8_t kind;           /* tag_kind */
	uint16_t flags;
	int16_t value;          /* month, weekday; city: population rank */
	char code[12];          /* actor code or sector ("KOR", "IGOUNO", "GOV") */
	int32_t person;         /* index into the person roles, or -1 */
	int32_t city;           /* index into tag_cities, or -1 */
	int32_t next;           /* next entry of the same phrase, or -1 */
} tag_entry;

/* A date-restricted role: from/to as YYYYMMDD, 0 for open. */
typedef struct tag_role {
	char code[12];
	int32_t from, to;
	int32_t next;           /* next role of the same person, or -1 */
} tag_role;

typedef struct tag_lex tag_lex;

tag_lex *tag_lex_new(void);
void tag_lex_free(tag_lex *lx);
/* Load the built-in tables and dictionaries. */
void tag_lex_load_builtin(tag_lex *lx);
/* Load one dictionary text (built in or --dict); `source` for messages.
 * Exits 2 on a malformed line. */
void tag_lex_load_dict(tag_lex *lx, const char *name, const char *data,
    size_t len, const char *source, bool user);
/* The first entry of the phrase (lower-case key), or -1. */
int32_t tag_lex_find(const tag_lex *lx, const char *key, size_t len);
/* The same, with the kinds of its entries and of the longer phrases it
 * starts (bit 1 << kind). */
int32_t tag_lex_lookup(const tag_lex *lx, const char *key, size_t len,
    uint32_t *kinds, uint32_t *pkinds);
/* The same with the key's hash (news_hash64) already known, and a hint to
 * bring a hash's slot into the cache before it is looked up. */
int32_t tag_lex_lookup_hash(const tag_lex *lx, const char *key, size_t len,
    uint64_t hash, uint32_t *kinds, uint32_t *pkinds);
void tag_lex_prefetch(const tag_lex *lx, uint64_t hash);
/* False when no entry a lower-case word can use has this hash: no
 * function word, sector, title, date word or phrase start (the common
 * words aside), so the look-up can be skipped. */
bool tag_lex_maybe_lower(const tag_lex *lx, uint64_t hash);
const tag_entry *tag_lex_entry(const tag_lex *lx, int32_t i);
/* The first entry of kind k in the chain starting at i, or NULL. */
const tag_entry *tag_lex_kind(const tag_lex *lx, int32_t i, int kind);
/* Whether a key of n words might start a longer phrase. */
int tag_lex_max_words(const tag_lex *lx);
/* The code of person role chain `person` at date (YYYYMMDD, 0 unknown). */
const char *tag_lex_role(const tag_lex *lx, int32_t person, int32_t date,
    char out[12]);
/* After the last dictionary: index what needs all of them. */
void tag_lex_finish(tag_lex *lx);
/* The code of the one known person in office at `date` (YYYYMMDD; 0: the
 * most recent role) whose family name is `key`, of country and sector
 * when given ("" or NULL for any): "Foreign Minister Park" in 2023.
 * False when there is none or more than one. */
bool tag_lex_family(const tag_lex *lx, const char *key, size_t len,
    int32_t date, const char *country, const char *sector, char out[12]);
/* The country (alpha-3) of an ISO alpha-2 code, or NULL. */
const char *tag_lex_alpha3(const tag_lex *lx, const char *alpha2);

/* ---- entities ------------------------------------------------------------ */

enum tag_type {
	TT_PERSON, TT_ORG, TT_GPE, TT_LOC, TT_NORP, TT_FAC, TT_DATE, TT_TIME,
	TT_MONEY, TT_PERCENT, TT_ACTOR, TT_TYPES
};

extern const char *const tag_type_names[TT_TYPES];

typedef struct tag_entity {
	uint32_t b, e;          /* bytes of the sentence text */
	int t0, t1;             /* tokens [t0, t1) */
	uint8_t type;
	bool dropped;
	char code[12];          /* "" when none */
	char value[16];         /* DATE: YYYY-MM-DD, YYYY-MM or YYYY; else "" */
	bool capital;           /* a capital city (may stand for the government) */
	bool weak;              /* typed by default, not by evidence */
	bool guess;             /* a run of unknown names taken for a person */
	bool bare;              /* one unknown word typed with nothing said of it */
	char sector[8];         /* from a title, when no country was found */
} tag_entity;

/* ---- document context ----------------------------------------------------- */

typedef struct tag_alias {
	char *key;              /* lower-case word or phrase */
	size_t len;
	uint64_t hash;
	uint8_t type;
	bool bare;              /* from a name typed with no evidence: any later
				 * mention with evidence replaces it */
	char code[12];
} tag_alias;

typedef struct tag_doc {
	news_buf id;            /* the doc value (raw JSON), for comparison */
	bool has_id;
	tag_alias *aliases;
	size_t n_aliases, cap_aliases;
	char last_actor_country[4];     /* for "the ministry" */
	char home[4];           /* the country of the dateline ("SEOUL, Jan. 20") */
	char north[4], south[4];        /* "the North" after North Korea */
	int32_t date;           /* document date YYYYMMDD, or 0 */
} tag_doc;

void tag_doc_reset(tag_doc *d);
void tag_doc_free(tag_doc *d);
void tag_doc_add_alias(tag_doc *d, const char *key, size_t len, int type,
    const char *code);
/* Remember a one-word name typed in this sentence: added if new; a bare
 * guess remembered earlier gives way to one with evidence. */
void tag_doc_note_word(tag_doc *d, const char *key, size_t len, int type,
    const char *code, bool bare);
const tag_alias *tag_doc_find_alias(const tag_doc *d, const char *key,
    size_t len);

/* ---- a sentence in work ----------------------------------------------------- */

typedef struct tag_sent {
	const char *text;
	size_t len;
	tag_tok *toks;
	size_t n, cap;
	news_buf keys;          /* lower-case token keys */
	news_buf scratch;
	tag_entity *ents;
	size_t n_ents, cap_ents;
	int32_t date;           /* the sentence's date YYYYMMDD, or 0 */
	bool headline;          /* title case: capitals say little */
	bool keys_only;         /* tokenize for keys, without look-ups */
	char scene[4];          /* "In Ethiopia, ...": the sentence's country */
} tag_sent;

typedef struct tag_opts {
	bool nominals;          /* emit ACTOR entities (default on) */
} tag_opts;

void tag_sent_free(tag_sent *s);
void tag_tokenize(tag_sent *s, const tag_lex *lx, const char *text, size_t len);
/* Find all entities of the tokenized sentence. */
void tag_sentence(tag_sent *s, const tag_lex *lx, tag_doc *doc,
    const tag_opts *opts);

/* Helpers shared between the passes. */
tag_entity *tag_add_entity(tag_sent *s, int t0, int t1, int type,
    const char *code);
/* Lower-case key of tokens [t0, t1) joined by single spaces into out. */
void tag_key_of(const tag_sent *s, int t0, int t1, news_buf *out);
void tag_find_dates(tag_sent *s, const tag_lex *lx);
void tag_find_names(tag_sent *s, const tag_lex *lx, tag_doc *doc,
    const tag_opts *opts);
void tag_find_actors(tag_sent *s, const tag_lex *lx, tag_doc *doc,
    const tag_opts *opts);

/* Whether token i's key is `word` (of n bytes). */
static inline bool
tag_tok_isn(const tag_sent *s, int i, const char *word, size_t n)
{
	if (i < 0 || (size_t)i >= s->n)
		return false;
	const tag_tok *t = &s->toks[i];
	if (t->ke - t->kb != n)
		return false;
	const char *k = s->keys.data + t->kb;
	for (size_t j = 0; j < n; j++)
		if (k[j] != word[j])
			return false;
	return true;
}

/* The same for a word in a variable; tag_tok_is() for a string literal
 * lets the compiler know its length. */
static inline bool
tag_tok_word(const tag_sent *s, int i, const char *word)
{
	/* most words differ in their first letter: no strlen for those */
	if (i < 0 || (size_t)i >= s->n || s->toks[i].ke == s->toks[i].kb ||
	    s->keys.data[s->toks[i].kb] != word[0])
		return false;
	return tag_tok_isn(s, i, word, strlen(word));
}

#define tag_tok_is(s, i, lit) tag_tok_isn((s), (i), "" lit "", sizeof(lit) - 1)

static inline const char *
tag_tok_key(const tag_sent *s, int i, size_t *len)
{
	*len = s->toks[i].ke - s->toks[i].kb;
	return s->keys.data + s->toks[i].kb;
}

/* Copy a code (or other short string) into a buffer of cap bytes. */
static inline void
tag_copy(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strnlen(src, cap - 1) : 0;
	memcpy(dst, src ? src : "", n);
	dst[n] = 0;
}

/* An actor code: the country part of `country` (its first three letters,
 * or all of an IGO/NGO code) and then `sector`, cut to 11 bytes. */
static inline void
tag_code_join(char out[12], const char *country, const char *sector)
{
	size_t n = 0;
	/* a role of one country's ("House Speaker": USALEG) is whole */
	if (sector && strlen(sector) >= 6) {
		tag_copy(out, 12, sector);
		return;
	}
	size_t cmax = (strncmp(country, "IGO", 3) == 0 ||
	    strncmp(country, "NGO", 3) == 0) ? 11 : 3;
	for (size_t i = 0; country[i] && i < cmax && n < 11; i++)
		out[n++] = country[i];
	for (size_t i = 0; sector && sector[i] && n < 11; i++)
		out[n++] = sector[i];
	out[n] = 0;
}

/* The token's own entry of a kind, or NULL (its kinds bits say whether to
 * look). */
static inline const tag_entry *
tag_tok_entry(const tag_lex *lx, const tag_tok *t, int kind)
{
	return (t->kinds >> kind) & 1 ? tag_lex_kind(lx, t->lex, kind) : NULL;
}

/* Dates as YYYYMMDD integers. */
int32_t tag_parse_iso_date(const char *s, size_t len);

#endif
