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
#define MIN_CONTAINED 8         /* values of the shorter text that containment
                                 * is judged on: fewer are too noisy, as when
                                 * a short page's only shared lines are its
                                 * template's */
#define MAX_VERIFY 24           /* candidates compared per document */
#define HIT_SLOTS 2048          /* > 2 * NEAR_K * POSTS_MAX */

/* A value's slot: 16 bytes, with the newest posting inline (most values
 * have one), so that a lookup costs one cache miss. */
typedef struct vslot {
	uint64_t value : NEAR_VALUE_BITS;
	uint64_t used : 1;
	uint64_t common : 1;    /* boilerplate: ignored from now on */
	uint64_t posts : 4;     /* documents posted, at most POSTS_MAX */
	uint64_t groups : 8;    /* groups seen with this value (saturating) */
	uint32_t first;         /* the newest posting's document */
	uint32_t rest;          /* the older postings, or NONE */
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
	uint64_t *cmask;        /* sample positions that became boilerplate */
	uint8_t *len;
	size_t n_docs, cap_docs;
	/* scratch: hits per candidate document, in a table stamped with the
	 * query's number so that it never needs clearing */
	uint32_t hit_doc[HIT_SLOTS];
	uint32_t hit_stamp[HIT_SLOTS];
	uint32_t hit_count[HIT_SLOTS];
	uint32_t stamp;
	cand cands[HIT_SLOTS];
	size_t n_cands;
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
home(uint64_t v, size_t cap)
{
	return (size_t)((v * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
}

static vslot *
lookup(const near_index *ix, uint64_t v)
{
	for (size_t i = home(v, ix->cap);; i = (i + 1) & (ix->cap - 1)) {
		if (!ix->slots[i].used)
			return NULL;
		if (ix->slots[i].value == v)
			return &ix->slots[i];
	}
}

static void
grow_slots(near_index *ix)
{
	size_t cap = ix->cap * 2;
	vslot *slots = news_xcalloc(cap, sizeof *slots);

	for (size_t i = 0; i < ix->cap; i++) {
		if (!ix->slots[i].used)
			continue;
		size_t j = home(ix->slots[i].value, cap);
		while (slots[j].used)
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
	size_t i = home(v, ix->cap);
	while (ix->slots[i].used && ix->slots[i].value != v)
		i = (i + 1) & (ix->cap - 1);
	vslot *s = &ix->slots[i];
	if (!s->used) {
		s->value = v;
		s->used = 1;
		s->first = s->rest = NONE;
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
		ix->cmask[d] |= 1ULL << lo;
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
	bool same = s->posts && ix->root[s->first] == g;
	for (uint32_t p = s->rest; p != NONE && !same; p = ix->posts[p].next)
		same = ix->root[ix->posts[p].doc] == g;
	if (!same && s->groups < 255)
		s->groups++;
	if (s->groups >= ix->p.boilerplate) {
		/* seen around unrelated stories: a template's, not a story's */
		if (s->posts)
			mask_value(ix, s->first, v);
		for (uint32_t p = s->rest, next; p != NONE; p = next) {
			next = ix->posts[p].next;
			mask_value(ix, ix->posts[p].doc, v);
			ix->posts[p].next = ix->free_post;
			ix->free_post = p;
		}
		mask_value(ix, d, v);
		s->first = s->rest = NONE;
		s->posts = 0;
		s->common = 1;
		return;
	}
	if (s->posts < POSTS_MAX) {
		if (s->posts)
			s->rest = new_posting(ix, s->first, s->rest);
		s->first = d;
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

static inline void
add_hit(near_index *ix, uint32_t doc)
{
	size_t i = (size_t)(doc * 0x9E3779B1u) & (HIT_SLOTS - 1);

	while (ix->hit_stamp[i] == ix->stamp && ix->hit_doc[i] != doc)
		i = (i + 1) & (HIT_SLOTS - 1);
	if (ix->hit_stamp[i] != ix->stamp) {
		ix->hit_stamp[i] = ix->stamp;
		ix->hit_doc[i] = doc;
		ix->hit_count[i] = 0;
		/* .hits holds the slot until the counting is done */
		ix->cands[ix->n_cands++] = (cand){ doc, (uint32_t)i };
	}
	ix->hit_count[i]++;
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
	uint64_t mask = ix->cmask[d];

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
	*con = small >= MIN_CONTAINED ? (double)both / small : 0;
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
	ix->n_cands = 0;
	if (++ix->stamp == 0) {
		memset(ix->hit_stamp, 0, sizeof ix->hit_stamp);
		ix->stamp = 1;
	}
	/* the lookups miss the cache: start them all at once */
	for (unsigned i = 0; i < sig->n && i < NEAR_K + NEAR_K / 4; i++)
		__builtin_prefetch(&ix->slots[home(sig->v[i], ix->cap)]);
	for (unsigned i = 0; i < sig->n && s->n < NEAR_K; i++) {
		const vslot *slot = lookup(ix, sig->v[i]);
		if (slot && slot->common)
			continue;
		s->v[s->n++] = sig->v[i];
		if (!slot || !slot->posts)
			continue;
		add_hit(ix, slot->first);
		for (uint32_t p = slot->rest; p != NONE; p = ix->posts[p].next)
			add_hit(ix, ix->posts[p].doc);
	}
	if (s->n == NEAR_K)
		s->tau = s->v[NEAR_K - 1];
	else if (sig->complete || !sig->n)
		s->tau = UINT64_MAX;
	else
		s->tau = sig->v[sig->n - 1];

	/* compare the documents that share the most values */
	size_t n_cands = ix->n_cands;
	for (size_t c = 0; c < n_cands; c++)
		ix->cands[c].hits = ix->hit_count[ix->cands[c].hits];
	if (n_cands > 1)
		qsort(ix->cands, n_cands, sizeof *ix->cands, cmp_cand);
	/* A duplicate shares at least two values, unless its sample is
	 * tiny; the many documents that share one common phrase by chance
	 * are not worth a look. */
	uint32_t min_hits = s->n < MIN_SAMPLE ? 1 : 2;
	size_t n_verify = 0;
	while (n_verify < n_cands && n_verify < MAX_VERIFY &&
	    ix->cands[n_verify].hits >= min_hits)
		n_verify++;
	for (size_t c = 0; c < n_verify; c++)
		__builtin_prefetch(ix->vals + (size_t)ix->cands[c].doc * NEAR_K);
	long best = -1;
	double best_res = -1, best_con = -1;
	for (size_t c = 0; c < n_verify; c++) {
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
			if (res >= 1.0)
				break;  /* the same sample: none can be closer */
		}
	}
	uint32_t d = near_index_put(ix, s, best < 0 ? (uint32_t)ix->n_docs :
	    (uint32_t)best);
	*root = ix->root[d];
	return d;
}
