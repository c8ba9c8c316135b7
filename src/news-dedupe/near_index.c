/* near_index.c: joining signatures into groups of near-duplicates.
 *
 * Memory per document: NEAR_K sample values (8 bytes each), its bound,
 * group and boilerplate mask (17 bytes), and an index entry per value
 * (16 bytes a slot at most half full, plus 8 bytes a posting): about
 * 1.3 KB.  Postings per value are capped and a boilerplate value drops
 * its postings, so a lookup costs O(1) and a document O(NEAR_K). */
#include "near.h"

#include <stdlib.h>
#include <string.h>

#include "news_err.h"

#define NONE UINT32_MAX
#define POSTS_MAX 8             /* documents remembered per value */
#define MIN_SAMPLE 4            /* below this, only identical samples match */
#define MAX_VERIFY 24           /* candidates compared per document */

typedef struct vslot {
	uint64_t key;           /* value + 1; 0 is an empty slot */
	uint32_t head;          /* first posting, or NONE */
	uint16_t groups;        /* groups seen with this value */
	uint8_t posts;
	uint8_t common;         /* boilerplate: ignored from now on */
} vslot;

typedef struct posting {
	uint32_t doc;
	uint32_t next;
} posting;

typedef struct cand {
	uint32_t doc;
	uint32_t hits;
} cand;

struct near_index {
	near_params p;
	vslot *slots;
	size_t cap, used;
	posting *posts;
	size_t n_posts, cap_posts;
	uint32_t free_post;
	/* documents */
	uint64_t *vals;         /* NEAR_K a document */
	uint64_t *tau;
	uint32_t *root;
	uint32_t *cmask;        /* sample positions that became boilerplate */
	uint8_t *len;
	size_t n_docs, cap_docs;
	/* scratch */
	uint32_t *hits;
	size_t n_hits, cap_hits;
	cand *cands;
	size_t cap_cands;
};

near_index *
near_index_new(const near_params *p)
{
	near_index *ix = news_xcalloc(1, sizeof *ix);

	ix->p = *p;
	ix->cap = 1 << 12;
	ix->slots = news_xcalloc(ix->cap, sizeof *ix->slots);
	ix->free_post = NONE;
	return ix;
}

void
near_index_free(near_index *ix)
{
	if (!ix)
		return;
	free(ix->slots);
	free(ix->posts);
	free(ix->vals);
	free(ix->tau);
	free(ix->root);
	free(ix->cmask);
	free(ix->len);
	free(ix->hits);
	free(ix->cands);
	free(ix);
}

uint32_t
near_index_count(const near_index *ix)
{
	return (uint32_t)ix->n_docs;
}

size_t
near_index_memory(const near_index *ix)
{
	return ix->cap * sizeof *ix->slots + ix->cap_posts * sizeof *ix->posts +
	    ix->cap_docs * (NEAR_K * 8 + 8 + 4 + 4 + 1);
}

static inline size_t
home(uint64_t key, size_t cap)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
}

static vslot *
lookup(const near_index *ix, uint64_t v)
{
	uint64_t key = v + 1;

	for (size_t i = home(key, ix->cap);; i = (i + 1) & (ix->cap - 1)) {
		if (ix->slots[i].key == key)
			return &ix->slots[i];
		if (!ix->slots[i].key)
			return NULL;
	}
}

static void
grow_slots(near_index *ix)
{
	size_t cap = ix->cap * 2;
	vslot *slots = news_xcalloc(cap, sizeof *slots);

	for (size_t i = 0; i < ix->cap; i++) {
		if (!ix->slots[i].key)
			continue;
		size_t j = home(ix->slots[i].key, cap);
		while (slots[j].key)
			j = (j + 1) & (cap - 1);
		slots[j] = ix->slots[i];
	}
	free(ix->slots);
	ix->slots = slots;
	ix->cap = cap;
}

static vslot *
lookup_or_add(near_index *ix, uint64_t v)
{
	if ((ix->used + 1) * 2 > ix->cap)
		grow_slots(ix);
	uint64_t key = v + 1;
	size_t i = home(key, ix->cap);
	while (ix->slots[i].key && ix->slots[i].key != key)
		i = (i + 1) & (ix->cap - 1);
	vslot *s = &ix->slots[i];
	if (!s->key) {
		s->key = key;
		s->head = NONE;
		ix->used++;
	}
	return s;
}

static uint32_t
new_posting(near_index *ix, uint32_t doc, uint32_t next)
{
	uint32_t i;

	if (ix->free_post != NONE) {
		i = ix->free_post;
		ix->free_post = ix->posts[i].next;
	} else {
		if (ix->n_posts == ix->cap_posts) {
			ix->cap_posts = ix->cap_posts ? 2 * ix->cap_posts : 1024;
			if (ix->cap_posts >= NONE)
				news_die(3, "near-duplicate index full");
			ix->posts = news_xrealloc(ix->posts,
			    ix->cap_posts * sizeof *ix->posts);
		}
		i = (uint32_t)ix->n_posts++;
	}
	ix->posts[i].doc = doc;
	ix->posts[i].next = next;
	return i;
}

/* Mark v as boilerplate in document d's sample. */
static void
mask_value(near_index *ix, uint32_t d, uint64_t v)
{
	const uint64_t *a = ix->vals + (size_t)d * NEAR_K;
	unsigned lo = 0, hi = ix->len[d];

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		if (a[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->len[d] && a[lo] == v)
		ix->cmask[d] |= 1u << lo;
}

/* Record that document d (group g) has value v. */
static void
post(near_index *ix, uint64_t v, uint32_t d, uint32_t g)
{
	vslot *s = lookup_or_add(ix, v);

	if (s->common) {
		mask_value(ix, d, v);
		return;
	}
	bool same = false;
	for (uint32_t p = s->head; p != NONE; p = ix->posts[p].next)
		if (ix->root[ix->posts[p].doc] == g) {
			same = true;
			break;
		}
	if (!same && s->groups < UINT16_MAX)
		s->groups++;
	if (s->groups >= ix->p.boilerplate) {
		/* seen around unrelated stories: a template's, not a story's */
		for (uint32_t p = s->head, next; p != NONE; p = next) {
			next = ix->posts[p].next;
			mask_value(ix, ix->posts[p].doc, v);
			ix->posts[p].next = ix->free_post;
			ix->free_post = p;
		}
		mask_value(ix, d, v);
		s->head = NONE;
		s->posts = 0;
		s->common = 1;
		return;
	}
	if (s->posts < POSTS_MAX) {
		s->head = new_posting(ix, d, s->head);
		s->posts++;
	}
}

uint32_t
near_index_put(near_index *ix, const near_sample *smp, uint32_t root)
{
	if (ix->n_docs == ix->cap_docs) {
		size_t cap = ix->cap_docs ? 2 * ix->cap_docs : 1024;
		if (cap >= NONE)
			news_die(3, "near-duplicate index full");
		ix->vals = news_xrealloc(ix->vals, cap * NEAR_K * sizeof *ix->vals);
		ix->tau = news_xrealloc(ix->tau, cap * sizeof *ix->tau);
		ix->root = news_xrealloc(ix->root, cap * sizeof *ix->root);
		ix->cmask = news_xrealloc(ix->cmask, cap * sizeof *ix->cmask);
		ix->len = news_xrealloc(ix->len, cap);
		ix->cap_docs = cap;
	}
	uint32_t d = (uint32_t)ix->n_docs++;
	memcpy(ix->vals + (size_t)d * NEAR_K, smp->v, smp->n * sizeof *smp->v);
	ix->tau[d] = smp->tau;
	ix->root[d] = root < d ? ix->root[root] : d;
	ix->cmask[d] = 0;
	ix->len[d] = (uint8_t)smp->n;
	for (unsigned i = 0; i < smp->n; i++)
		post(ix, smp->v[i], d, ix->root[d]);
	return d;
}

static void
add_hit(near_index *ix, uint32_t doc)
{
	if (ix->n_hits == ix->cap_hits) {
		ix->cap_hits = ix->cap_hits ? 2 * ix->cap_hits : 256;
		ix->hits = news_xrealloc(ix->hits, ix->cap_hits * sizeof *ix->hits);
	}
	ix->hits[ix->n_hits++] = doc;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

static int
cmp_cand(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	if (x->hits != y->hits)
		return x->hits < y->hits ? 1 : -1;
	return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Resemblance and containment of a sample and document d, both taken
 * below the smaller bound, so that each is a uniform sample of the same
 * shingles.  False when too little is left to judge. */
static bool
compare(const near_index *ix, const near_sample *a, uint32_t d, double *res,
    double *con)
{
	const uint64_t *b = ix->vals + (size_t)d * NEAR_K;
	uint64_t tau = a->tau < ix->tau[d] ? a->tau : ix->tau[d];
	unsigned i = 0, j = 0, na = 0, nb = 0, both = 0;
	unsigned lb = ix->len[d];
	uint32_t mask = ix->cmask[d];

	while (i < a->n || j < lb) {
		if (j < lb && (mask >> j & 1)) {
			j++;
			continue;
		}
		uint64_t x = i < a->n ? a->v[i] : UINT64_MAX;
		uint64_t y = j < lb ? b[j] : UINT64_MAX;
		if (x > tau && y > tau)
			break;
		if (x == y) {
			both++, na++, nb++, i++, j++;
		} else if (x < y) {
			na++, i++;
		} else {
			nb++, j++;
		}
	}
	if (!na || !nb)
		return false;
	unsigned small = na < nb ? na : nb;
	if (small < MIN_SAMPLE) {
		*res = *con = both == na && both == nb ? 1.0 : 0.0;
		return true;
	}
	*res = (double)both / (na + nb - both);
	*con = (double)both / small;
	return true;
}

uint32_t
near_index_add(near_index *ix, const near_sig *sig, uint32_t *root,
    near_sample *kept)
{
	near_sample *s = kept;

	/* keep the smallest values that are not boilerplate; gather the
	 * documents that share them */
	s->n = 0;
	ix->n_hits = 0;
	for (unsigned i = 0; i < sig->n && s->n < NEAR_K; i++) {
		const vslot *slot = lookup(ix, sig->v[i]);
		if (slot && slot->common)
			continue;
		s->v[s->n++] = sig->v[i];
		if (slot)
			for (uint32_t p = slot->head; p != NONE;
			    p = ix->posts[p].next)
				add_hit(ix, ix->posts[p].doc);
	}
	if (s->n == NEAR_K)
		s->tau = s->v[NEAR_K - 1];
	else if (sig->complete || !sig->n)
		s->tau = UINT64_MAX;
	else
		s->tau = sig->v[sig->n - 1];

	/* count shared values per document; compare the best-sharing ones */
	size_t n_cands = 0;
	if (ix->n_hits) {
		qsort(ix->hits, ix->n_hits, sizeof *ix->hits, cmp_u32);
		if (ix->cap_cands < ix->n_hits) {
			ix->cap_cands = ix->n_hits;
			ix->cands = news_xrealloc(ix->cands,
			    ix->cap_cands * sizeof *ix->cands);
		}
		for (size_t i = 0; i < ix->n_hits;) {
			size_t j = i;
			while (j < ix->n_hits && ix->hits[j] == ix->hits[i])
				j++;
			ix->cands[n_cands++] = (cand){ ix->hits[i], (uint32_t)(j - i) };
			i = j;
		}
		qsort(ix->cands, n_cands, sizeof *ix->cands, cmp_cand);
	}
	long best = -1;
	double best_res = -1, best_con = -1;
	for (size_t c = 0; c < n_cands && c < MAX_VERIFY; c++) {
		double res, con;
		uint32_t d = ix->cands[c].doc;
		if (!compare(ix, s, d, &res, &con))
			continue;
		bool dup = res >= ix->p.resemblance ||
		    (ix->p.containment > 0 && con >= ix->p.containment);
		if (dup && (res > best_res || (res == best_res && con > best_con))) {
			best = d;
			best_res = res;
			best_con = con;
		}
	}
	uint32_t d = near_index_put(ix, s, best < 0 ? (uint32_t)ix->n_docs :
	    (uint32_t)best);
	*root = ix->root[d];
	return d;
}
