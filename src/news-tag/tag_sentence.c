/* tag_sentence.c: one sentence through the passes, and the entity list. */
#include <stdio.h>
#include <stdlib.h>

#include "news_err.h"
#include "tag.h"

const char *const tag_type_names[TT_TYPES] = {
	"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "MONEY",
	"PERCENT", "ACTOR",
};

void
tag_sent_free(tag_sent *s)
{
	free(s->toks);
	free(s->ents);
	news_buf_free(&s->keys);
	news_buf_free(&s->scratch);
	memset(s, 0, sizeof *s);
}

/* A new entity over tokens [t0, t1), or NULL when one of them is taken. */
tag_entity *
tag_add_entity(tag_sent *s, int t0, int t1, int type, const char *code)
{
	if (t0 < 0 || t1 > (int)s->n || t0 >= t1)
		return NULL;
	for (int i = t0; i < t1; i++)
		if (s->toks[i].ent >= 0)
			return NULL;
	if (s->n_ents == s->cap_ents) {
		s->cap_ents = s->cap_ents ? s->cap_ents * 2 : 16;
		s->ents = news_xrealloc(s->ents, s->cap_ents * sizeof *s->ents);
	}
	int idx = (int)s->n_ents++;
	tag_entity *e = &s->ents[idx];
	memset(e, 0, sizeof *e);
	e->t0 = t0;
	e->t1 = t1;
	e->b = s->toks[t0].b;
	e->e = s->toks[t1 - 1].e;
	e->type = (uint8_t)type;
	if (code)
		tag_copy(e->code, sizeof e->code, code);
	for (int i = t0; i < t1; i++)
		s->toks[i].ent = idx;
	return e;
}

/* Title case: most words capitalised, including words that are plain
 * English words, so capitals say little about names. */
static bool
is_headline(const tag_sent *s, const tag_lex *lx)
{
	int words = 0, caps = 0, lower_content = 0;
	for (size_t i = 0; i < s->n; i++) {
		const tag_tok *t = &s->toks[i];
		if (!(t->f & TF_WORD))
			continue;
		words++;
		if (t->f & TF_CAP) {
			if (tag_tok_entry(lx, t, LK_COMMON))
				caps++;
		} else if (t->ke - t->kb > 3)
			lower_content++;
	}
	return words >= 3 && caps >= 2 && lower_content == 0;
}

void
tag_sentence(tag_sent *s, const tag_lex *lx, tag_doc *doc,
    const tag_opts *opts)
{
	s->n_ents = 0;
	s->headline = is_headline(s, lx);
	tag_find_dates(s, lx);
	tag_find_names(s, lx, doc, opts);
	tag_find_actors(s, lx, doc, opts);
}
