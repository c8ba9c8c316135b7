/* The in-memory seen-set: open addressing over 128-bit key hashes.
 * Memory: 32 bytes a slot (at most 50% full) plus the first record's id. */
#include "dedupe.h"

#include <stdlib.h>
#include <string.h>

#include "news_err.h"

typedef struct slot {
	news_hash128 h;
	uint32_t id_off;        /* into ids; UINT32_MAX when unused */
	uint32_t id_len;
	uint64_t used;
} slot;

struct seen_set {
	slot *slots;
	size_t cap;             /* a power of two */
	size_t n;
	news_buf ids;
};

seen_set *
seen_new(void)
{
	seen_set *s = news_xcalloc(1, sizeof *s);

	s->cap = 1024;
	s->slots = news_xcalloc(s->cap, sizeof *s->slots);
	return s;
}

void
seen_free(seen_set *s)
{
	if (!s)
		return;
	free(s->slots);
	news_buf_free(&s->ids);
	free(s);
}

static slot *
find(slot *slots, size_t cap, news_hash128 h)
{
	size_t i = (size_t)h.lo & (cap - 1);

	while (slots[i].used && (slots[i].h.lo != h.lo || slots[i].h.hi != h.hi))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static void
grow(seen_set *s)
{
	size_t cap = s->cap * 2;
	slot *slots = news_xcalloc(cap, sizeof *slots);

	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].used)
			*find(slots, cap, s->slots[i].h) = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

const char *
seen_insert(seen_set *s, news_hash128 h, const char *first_id,
    size_t first_id_len, size_t *id_len)
{
	if ((s->n + 1) * 2 > s->cap)
		grow(s);
	slot *e = find(s->slots, s->cap, h);
	if (e->used) {
		*id_len = e->id_len;
		return e->id_len ? s->ids.data + e->id_off : "";
	}
	if (s->ids.len + first_id_len > UINT32_MAX)
		first_id_len = 0;       /* ids beyond 4 GiB are not kept */
	e->used = 1;
	e->h = h;
	e->id_off = (uint32_t)s->ids.len;
	e->id_len = (uint32_t)first_id_len;
	news_buf_add(&s->ids, first_id, first_id_len);
	s->n++;
	return NULL;
}
