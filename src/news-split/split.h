/* split.h: news-split's pieces -- language rules from dictionaries, the
 * segmenter, and the sentence records main() writes. */
#ifndef SPLIT_H
#define SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"
#include "news_io.h"
#include "news_record.h"
#include "news_utf8.h"

/* What an abbreviation (the word before a period) tells about a boundary. */
enum split_kind {
	SPLIT_NONE = 0,
	SPLIT_TITLE,            /* comes before a name: never ends a sentence */
	SPLIT_INNER,            /* never ends a sentence (e.g., vs., z.B.) */
	SPLIT_NUMBER,           /* comes before a number (No. 2, p. 55); else a word */
	SPLIT_END,              /* may end a sentence: does when a starter follows */
	SPLIT_TIME,             /* a.m., p.m.: ends a sentence unless a time word
	                         * follows (Monday, GMT) */
	SPLIT_STARTER,          /* not an abbreviation: a word that often begins
	                         * a sentence (The, He) */
	SPLIT_TIMEWORD,         /* not an abbreviation: a word that goes on after
	                         * a time (Monday, GMT) */
	SPLIT_SPEECH,           /* not an abbreviation: a verb of an attribution
	                         * after a quote ("Why?" Kim asked.) */
};

/* One language's rules: its abbreviations and starters (plus those of every
 * language) and a few switches. */
typedef struct split_lang split_lang;

/* All languages known, from the built-in dictionaries and --dict files. */
typedef struct split_rules split_rules;

split_rules *split_rules_new(void);
void split_rules_free(split_rules *r);
/* Add a dictionary (the format of the files in dict/; see news-split(1)).  Lines
 * before any "lang" line apply to every language.  A bad line is a
 * configuration error: message and exit 2. */
void split_rules_add(split_rules *r, const char *text, size_t len,
    const char *source);
/* Load the built-in dictionaries. */
void split_rules_add_builtin(split_rules *r);
/* The rules for an ISO 639-1 code ("en", "de"), or the generic rules when
 * the language has none of its own.  Never NULL. */
const split_lang *split_rules_lang(const split_rules *r, const char *code,
    size_t len);
/* Whether there are rules for code (for --lang). */
bool split_rules_known(const split_rules *r, const char *code);

/* Dictionary look-ups (split_dict.c), used by the segmenter. */
enum split_kind split_lookup(const split_lang *l, const char *w, size_t len);
/* Whether w is listed as a word of kind SPLIT_STARTER, SPLIT_TIMEWORD or
 * SPLIT_SPEECH. */
bool split_is_word(const split_lang *l, enum split_kind kind, const char *w,
    size_t len);

/* Switches a language's dictionary sets with "option NAME". */
typedef struct split_options {
	bool ordinal_dots;      /* "3. Mai": a number with a period is an ordinal */
	bool colon_ends;        /* ':' ends a sentence (Armenian, Arabic) */
	bool semicolon_asks;    /* ';' is a question mark (Greek) */
	bool lower_starts;      /* a sentence may begin in lower case after a
	                         * word and a period (informal English); the
	                         * language's abbreviations must then be listed */
} split_options;

const split_options *split_lang_options(const split_lang *l);

/* The segmenter (split_seg.c).  Finds the sentences of s[0..len) and calls
 * fn with the byte span of each, white space trimmed, in order.
 *
 * For streaming, `final` false means more text follows: sentences are then
 * reported only while the rest of the buffer is long enough to decide, and
 * the return value is the byte offset where the first unreported sentence
 * starts (the caller keeps s[ret..len) and appends to it).  With `final`
 * true every sentence is reported and len is returned. */
typedef void (*split_sentence_fn)(void *user, size_t start, size_t end);

typedef struct split_state {
	long list_num;          /* the last "N." / "N)" list marker seen, or -1 */
	int list_num_style;
	int list_letter;        /* the last "a." list marker, or 0 */
} split_state;

void split_state_init(split_state *st);
size_t split_segment(const split_lang *l, split_state *st, const char *s,
    size_t len, bool final, split_sentence_fn fn, void *user);

/* How far ahead of a boundary the segmenter looks (bytes): a caller that
 * streams keeps at least this much beyond the last reported sentence. */
#define SPLIT_LOOKAHEAD 1024

/* In --text mode a sentence longer than this is cut at a space, so memory
 * stays flat whatever the input. */
#define SPLIT_MAX_SENTENCE (16 << 20)

/* Sentence records (split_emit.c).  A template made once per document from
 * the input record: its own bytes with holes where id, text, doc, sent,
 * start and end go (replaced in place, or appended). */
typedef struct split_template split_template;

split_template *split_template_new(void);
void split_template_free(split_template *t);
/* Make the template for rec; doc_json is the document id as JSON: a
 * string, or a number (kept as it is in "doc"; the ids are strings). */
void split_template_set(split_template *t, const news_record *rec,
    const char *doc_json, size_t doc_len, const char *text_key);
/* The same for a document that is not a record (--text): fields id, text,
 * doc, sent, start, end. */
void split_template_set_plain(split_template *t, const char *doc_json,
    size_t doc_len);
/* Append one sentence record (with its '\n') to out. */
void split_template_emit(const split_template *t, news_buf *out, uint64_t sent,
    const char *text, size_t text_len, uint64_t start, uint64_t end);

/* One run of news-split: the options and what documents share. */
struct news_ctx;

typedef struct splitter {
	split_rules *rules;
	const split_lang *lang;         /* --lang */
	const char *field;              /* --field: where the text is */
	struct news_ctx *ctx;
	split_template *tpl;
	split_state state;
	/* the document in hand */
	const char *text;               /* the text the offsets below are into */
	uint64_t base_cp;               /* code points before text (streaming) */
	news_cp_cursor cursor;
	uint64_t sent;                  /* sentences so far */
	uint64_t cut;                   /* sentences cut for length (--text) */
} splitter;

/* A sentence of sp->text: write its record (split_sentence_fn). */
void split_put_sentence(void *sp, size_t start, size_t end);

/* --text: the whole input r is one document, read and split as a stream
 * (split_text.c).  Its id is "stdin" for path "-", else the path without
 * its extension. */
void split_text_reader(splitter *sp, struct news_reader *r, const char *path);

#endif
