/* news_match.h: many fixed strings found in one pass (Aho-Corasick).
 *
 * For dictionaries of phrases (gazetteers, widget phrases, trigger words):
 * add the patterns, compile once, then scan any number of texts in time
 * linear in the text plus the matches reported.  Matching is on bytes of
 * UTF-8; with NEWS_MATCH_ASCII_NOCASE, A-Z match a-z.  Word boundaries are
 * the caller's business (news_match_is_word_boundary helps).
 *
 *	news_match *m = news_match_new(NEWS_MATCH_ASCII_NOCASE);
 *	news_match_add(m, "south korea", 11, KOR);
 *	news_match_compile(m);
 *	news_match_scan(m, text, len, on_hit, ctx);   // on_hit(ctx, id, start, end)
 */
#ifndef NEWS_MATCH_H
#define NEWS_MATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	NEWS_MATCH_ASCII_NOCASE = 1 << 0,
};

typedef struct news_match news_match;

news_match *news_match_new(unsigned flags);
void news_match_free(news_match *m);

/* Add a pattern (not copied beyond this call) with a caller's id.  The same
 * string may be added with several ids; each is reported.  Empty patterns
 * are ignored.  Not allowed after news_match_compile(). */
void news_match_add(news_match *m, const char *pat, size_t len, uint32_t id);

/* Build the automaton.  Adding is over; scanning may begin. */
void news_match_compile(news_match *m);

size_t news_match_count(const news_match *m);

/* Called for each occurrence, in order of its end; [start, end) are byte
 * offsets.  Return non-zero to stop the scan. */
typedef int (*news_match_fn)(void *ctx, uint32_t id, size_t start, size_t end);

/* Returns the non-zero value that stopped the scan, or 0. */
int news_match_scan(const news_match *m, const char *text, size_t len,
    news_match_fn fn, void *ctx);

/* Whether offset i of text is between two words (or at either end):
 * the characters on both sides are not both letters/digits. */
bool news_match_is_word_boundary(const char *text, size_t len, size_t i);

#endif
