/* tag_doc.c: what one document has named so far.
 *
 * Later mentions take the entity and code of an earlier full mention:
 * "Park" after "Park Jin", "the North" after "North Korea".  The newest
 * mention of a word wins ("Kim" is whichever Kim was named last).  All of
 * it is forgotten when the next document starts. */
#include <stdio.h>
#include <stdlib.h>

#include "news_err.h"
#include "news_hash.h"
#include "tag.h"

void
tag_doc_reset(tag_doc *d)
{
	for (size_t i = 0; i < d->n_aliases; i++)
		free(d->aliases[i].key);
	d->n_aliases = 0;
	d->last_actor_country[0] = 0;
	d->home[0] = 0;
	d->north[0] = d->south[0] = 0;
	d->has_id = false;
	news_buf_clear(&d->id);
}

void
tag_doc_free(tag_doc *d)
{
	tag_doc_reset(d);
	free(d->aliases);
	news_buf_free(&d->id);
	memset(d, 0, sizeof *d);
}

void
tag_doc_add_alias(tag_doc *d, const char *key, size_t len, int type,
    const char *code)
{
	/* documents are short; a bound keeps a pathological one flat */
	if (d->n_aliases >= 4096)
		return;
	if (d->n_aliases == d->cap_aliases) {
		d->cap_aliases = d->cap_aliases ? d->cap_aliases * 2 : 16;
		d->aliases = news_xrealloc(d->aliases, d->cap_aliases * sizeof *d->aliases);
	}
	tag_alias *a = &d->aliases[d->n_aliases++];
	a->key = news_xstrndup(key, len);
	a->len = len;
	a->hash = news_hash64(key, len);
	a->type = (uint8_t)type;
	a->bare = false;
	tag_copy(a->code, sizeof a->code, code ? code : "");
}

void
tag_doc_note_word(tag_doc *d, const char *key, size_t len, int type,
    const char *code, bool bare)
{
	tag_alias *a = (tag_alias *)tag_doc_find_alias(d, key, len);
	if (!a) {
		size_t n = d->n_aliases;
		tag_doc_add_alias(d, key, len, type, code);
		if (d->n_aliases > n)
			d->aliases[n].bare = bare;
		return;
	}
	if (!a->bare || bare)
		return;
	a->type = (uint8_t)type;
	a->bare = false;
	tag_copy(a->code, sizeof a->code, code ? code : "");
}

const tag_alias *
tag_doc_find_alias(const tag_doc *d, const char *key, size_t len)
{
	if (!d->n_aliases)
		return NULL;
	uint64_t h = news_hash64(key, len);
	for (size_t i = d->n_aliases; i-- > 0;) {
		const tag_alias *a = &d->aliases[i];
		if (a->hash == h && a->len == len && memcmp(a->key, key, len) == 0)
			return a;
	}
	return NULL;
}
