/* near_index.c: joining signatures into groups of near-duplicates.
 *
 * Memory per document: NEAR_K sample values (4 bytes each: the top 32 of
 * their 40 bits, which keep their order), its bound, group and
 * boilerplate mask (17 bytes), and an index entry per value (a 16-byte
 * slot in a table at most half full, plus 12 bytes a further posting).
 * Postings per value are capped and a boilerplate value drops its
 * postings, so a lookup costs O(1) and a document O(NEAR_K).
 *
 * The index is larger than the caches, so a document's look-ups are
 * cache misses; near_index_prefetch() starts them early (the caller does
 * other work meanwhile), and the slots a document's look-ups found are
 * reused when it is added, so each costs one miss at most.  A value's
 * home slot is given by the top bits of its hash, so that the values keep
 * their order when the table doubles: it doubles in place. */
#include "near.h"

#include <stdlib.h>
#include <string.h>

#include "near_mem.h"
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
/* First sizes: one huge page (2 MB) each for the slots and the samples,
 * which is room for a few thousand documents.  Growing costs more than
 * the rehashing: memory comes zeroed from the kernel, and faulting in
 * small pages costs more than anything done with them. */
#define INITIAL_BITS 17
#define INITIAL_DOCS 8192

/* A value's slot: 16 bytes, with the newest posting inline (most values
 * have one), so that a lookup costs one cache miss.  Its first word holds
 * the value and what is known of it: */
#define VALUE_MASK ((1ULL << NEAR_VALUE_BITS) - 1)
#define USED (1ULL << 40)
#define COMMON (1ULL << 41)     /* boilerplate: ignored from now on */
#define KEY_MASK (VALUE_MASK | USED)
#define POSTS_SHIFT 42          /* 4 bits: documents posted, <= POSTS_MAX */
#define GROUPS_SHIFT 46         /* 8 bits: groups seen with it (saturating) */
#define POS_SHIFT 54            /* 6 bits: its place in the newest posting's
                                 * sample */

typedef struct vslot {
	uint64_t w;
	uint32_t first;         /* the newest posting's document */
	uint32_t rest;          /* the older postings, or NONE */
} vslot;

static inline unsigned
field(uint64_t w, unsigned shift, unsigned bits)
{
	return (unsigned)(w >> shift) & ((1u << bits) - 1);
}

static inline uint64_t
set_field(uint64_t w, unsigned shift, unsigned bits, unsigned v)
{
	const uint64_t m = (((uint64_t)1 << bits) - 1) << shift;
	return (w & ~m) | ((uint64_t)v << shift & m);
}

/* An older posting: a document and the value's place in its sample (so
 * that a value turning boilerplate is masked without a search). */
typedef struct posting {
	uint32_t doc;
	uint32_t next;
	uint8_t pos;
} posting;

typedef struct cand {
	uint32_t doc;
	uint32_t hits;
} cand;

struct near_index {
	near_params p;
	vslot *slots;
	size_t cap, used;
	unsigned bits;          /* cap == 1 << bits */
	posting *posts;
	size_t n_posts, cap_posts;
	uint32_t free_post;
	/* documents */
	uint32_t *vals;         /* NEAR_K a document, as sample32() */
	uint32_t *tau;          /* as sample32() */
	uint32_t *root;
	uint64_t *cmask;        /* sample positions that became boilerplate */
	uint8_t *len;
	size_t n_docs, cap_docs;
	/* the slot each kept value of the document being added was found in
	 * (or the free slot its look-up ended at) */
	size_t at[NEAR_K];
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
	ix->bits = INITIAL_BITS;
	ix->cap = (size_t)1 << ix->bits;
	ix->slots = near_mem_alloc(ix->cap * sizeof *ix->slots);
	ix->free_post = NONE;
	return ix;
}

void
near_index_free(near_index *ix)
{
	if (!ix)
		return;
	near_mem_free(ix->slots, ix->cap * sizeof *ix->slots);
	near_mem_free(ix->posts, ix->cap_posts * sizeof *ix->posts);
	near_mem_free(ix->vals, ix->cap_docs * NEAR_K * sizeof *ix->vals);
	near_mem_free(ix->tau, ix->cap_docs * sizeof *ix->tau);
	near_mem_free(ix->root, ix->cap_docs * sizeof *ix->root);
	near_mem_free(ix->cmask, ix->cap_docs * sizeof *ix->cmask);
	near_mem_free(ix->len, ix->cap_docs);
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
	    ix->cap_docs * (NEAR_K * sizeof *ix->vals + 4 + 4 + 8 + 1);
}

/* A sample value as kept per document: its top 32 bits (values have
 * NEAR_VALUE_BITS), which keep the order; two values of two documents'
 * samples that differ only in the low bits are too rare to matter. */
static inline uint32_t
sample32(uint64_t v)
{
	v >>= NEAR_VALUE_BITS - 32;
	return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static inline size_t
home(uint64_t v, unsigned bits)
{
	return (size_t)((v * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}

void
near_index_prefetch(const near_index *ix, const near_sig *sig)
{
	for (unsigned i = 0; i < sig->n; i++)
		__builtin_prefetch(&ix->slots[home(sig->v[i], ix->bits)]);
}

/* The slot holding v, or the free slot where its look-up ended; linear
 * probing from `from`, v's home or a slot a look-up of v passed (slots
 * only fill up, and the table has not grown since). */
static inline size_t
find(const near_index *ix, size_t from, uint64_t v)
{
	const uint64_t key = v | USED;
	size_t i = from;

	for (;;) {
		const uint64_t w = ix->slots[i].w;
		if (!((w ^ key) & KEY_MASK) | !(w & USED))
			return i;
		i = (i + 1) & (ix->cap - 1);
	}
}

/* Doubling in place, so that no table is thrown away (fresh memory costs
 * the kernel more to clear than anything done with it).  The values go to
 * the front, in the order of their new homes (home() keeps the order of the
 * top bits, so they are nearly in order already), and are then placed from
 * the last to the first: in that order the k-th lands at or above slot k,
 * above every value not yet placed. */
static void
double_slots(near_index *ix, unsigned bits)
{
	const size_t old_cap = ix->cap, cap = (size_t)1 << bits;
	vslot *slots = near_mem_resize(ix->slots, old_cap * sizeof *slots,
	    cap * sizeof *slots);

	/* the values that wrapped around from the end go last */
	size_t run = 0;
	while (run < old_cap && (slots[run].w & USED))
		run++;
	vslot *tail = news_xmalloc((run ? run : 1) * sizeof *tail);
	size_t n = 0, n_tail = 0;
	for (size_t i = 0; i < old_cap; i++) {
		if (!(slots[i].w & USED))
			continue;
		if (i < run && home(slots[i].w & VALUE_MASK, ix->bits) > i)
			tail[n_tail++] = slots[i];
		else
			slots[n++] = slots[i];
	}
	memcpy(slots + n, tail, n_tail * sizeof *tail);
	n += n_tail;
	free(tail);
	memset(slots + n, 0, (old_cap - n) * sizeof *slots);

	/* order by new home: a few values of a cluster change places */
	for (size_t i = 1; i < n; i++) {
		const vslot x = slots[i];
		const size_t h = home(x.w & VALUE_MASK, bits);
		size_t j = i;
		while (j > 0 && home(slots[j - 1].w & VALUE_MASK, bits) > h) {
			slots[j] = slots[j - 1];
			j--;
		}
		slots[j] = x;
	}

	/* where linear probing puts them in that order (as distances from
	 * their homes, which are short); those that run off the end wrap
	 * around to the front once the others are in place */
	uint32_t *dist = news_xmalloc((n ? n : 1) * sizeof *dist);
	size_t fit = n;
	for (size_t k = 0, at = 0; k < n; k++) {
		const size_t h = home(slots[k].w & VALUE_MASK, bits);
		at = k == 0 || h > at ? h : at + 1;
		if (at >= cap) {
			fit = k;
			break;
		}
		if (at - h >= UINT32_MAX)
			news_die(3, "near-duplicate index full");
		dist[k] = (uint32_t)(at - h);
	}
	const size_t over = n - fit;
	vslot *wrapped = news_xmalloc((over ? over : 1) * sizeof *wrapped);
	memcpy(wrapped, slots + fit, over * sizeof *wrapped);
	memset(slots + fit, 0, over * sizeof *slots);
	/* the k-th goes to slot k or above, where no value yet to be placed
	 * is: every one of them is below it */
	for (size_t k = fit; k-- > 0;) {
		const size_t to = home(slots[k].w & VALUE_MASK, bits) + dist[k];
		if (to != k) {
			slots[to] = slots[k];
			slots[k] = (vslot){ 0, 0, 0 };
		}
	}
	free(dist);
	for (size_t k = 0, j = 0; k < over; k++, j++) {
		while (slots[j].w & USED)
			j++;
		slots[j] = wrapped[k];
	}
	free(wrapped);
	ix->slots = slots;
	ix->cap = cap;
	ix->bits = bits;
}

/* Room for n more values without growing (so that slots found stay put). */
static void
reserve_slots(near_index *ix, size_t n)
{
	if ((ix->used + n) * 2 <= ix->cap)
		return;
	unsigned bits = ix->bits;
	while ((ix->used + n) * 2 > (size_t)1 << bits)
		bits++;
	while (ix->bits < bits)
		double_slots(ix, ix->bits + 1);
}

static uint32_t
new_posting(near_index *ix, uint32_t doc, unsigned pos, uint32_t next)
{
	uint32_t i;

	if (ix->free_post != NONE) {
		i = ix->free_post;
		ix->free_post = ix->posts[i].next;
	} else {
		if (ix->n_posts == ix->cap_posts) {
			size_t cap = ix->cap_posts ? 2 * ix->cap_posts : 1024;
			if (cap >= NONE)
				news_die(3, "near-duplicate index full");
			ix->posts = near_mem_resize(ix->posts,
			    ix->cap_posts * sizeof *ix->posts, cap * sizeof *ix->posts);
			ix->cap_posts = cap;
		}
		i = (uint32_t)ix->n_posts++;
	}
	ix->posts[i].doc = doc;
	ix->posts[i].pos = (uint8_t)pos;
	ix->posts[i].next = next;
	return i;
}

/* Mark the value at position pos of document d's sample as boilerplate. */
static inline void
mask_value(near_index *ix, uint32_t d, unsigned pos)
{
	ix->cmask[d] |= 1ULL << pos;
}

/* Record that document d (group g) has its value v at position pos of
 * its sample; `from` is where a look-up of v ended, or its home. */
static void
post(near_index *ix, size_t from, uint64_t v, uint32_t d, unsigned pos,
    uint32_t g)
{
	vslot *s = &ix->slots[find(ix, from, v)];
	uint64_t w = s->w;

	if (!(w & USED)) {
		/* most values are new: one posting, one group */
		s->w = v | USED | (1ULL << POSTS_SHIFT) | (1ULL << GROUPS_SHIFT) |
		    (uint64_t)pos << POS_SHIFT;
		s->first = d;
		s->rest = NONE;
		ix->used++;
		return;
	}
	if (w & COMMON) {
		mask_value(ix, d, pos);
		return;
	}
	unsigned posts = field(w, POSTS_SHIFT, 4);
	unsigned groups = field(w, GROUPS_SHIFT, 8);
	bool same = ix->root[s->first] == g;
	for (uint32_t p = s->rest; p != NONE && !same; p = ix->posts[p].next)
		same = ix->root[ix->posts[p].doc] == g;
	if (!same && groups < 255)
		groups++;
	if (groups >= ix->p.boilerplate) {
		/* seen around unrelated stories: a template's, not a story's */
		mask_value(ix, s->first, field(w, POS_SHIFT, 6));
		for (uint32_t p = s->rest, next; p != NONE; p = next) {
			next = ix->posts[p].next;
			mask_value(ix, ix->posts[p].doc, ix->posts[p].pos);
			ix->posts[p].next = ix->free_post;
			ix->free_post = p;
		}
		mask_value(ix, d, pos);
		s->first = s->rest = NONE;
		s->w = (w & KEY_MASK) | COMMON |
		    (uint64_t)groups << GROUPS_SHIFT;
		return;
	}
	if (posts < POSTS_MAX) {
		s->rest = new_posting(ix, s->first, field(w, POS_SHIFT, 6),
		    s->rest);
		s->first = d;
		w = set_field(w, POS_SHIFT, 6, pos);
		posts++;
	}
	w = set_field(w, POSTS_SHIFT, 4, posts);
	s->w = set_field(w, GROUPS_SHIFT, 8, groups);
}

/* A new document's number, with its sample copied in. */
static uint32_t
new_doc(near_index *ix, const near_sample *smp, uint32_t root)
{
	if (ix->n_docs == ix->cap_docs) {
		size_t cap = ix->cap_docs ? 2 * ix->cap_docs : INITIAL_DOCS;
		if (cap >= NONE)
			news_die(3, "near-duplicate index full");
		size_t old = ix->cap_docs;
		ix->vals = near_mem_resize(ix->vals, old * NEAR_K * sizeof *ix->vals,
		    cap * NEAR_K * sizeof *ix->vals);
		ix->tau = near_mem_resize(ix->tau, old * sizeof *ix->tau,
		    cap * sizeof *ix->tau);
		ix->root = near_mem_resize(ix->root, old * sizeof *ix->root,
		    cap * sizeof *ix->root);
		ix->cmask = near_mem_resize(ix->cmask, old * sizeof *ix->cmask,
		    cap * sizeof *ix->cmask);
		ix->len = near_mem_resize(ix->len, old, cap);
		ix->cap_docs = cap;
	}
	uint32_t d = (uint32_t)ix->n_docs++;
	uint32_t *vals = ix->vals + (size_t)d * NEAR_K;
	for (unsigned i = 0; i < smp->n; i++)
		vals[i] = sample32(smp->v[i]);
	ix->tau[d] = sample32(smp->tau);
	ix->root[d] = root < d ? ix->root[root] : d;
	ix->cmask[d] = 0;
	ix->len[d] = (uint8_t)smp->n;
	return d;
}

uint32_t
near_index_put(near_index *ix, const near_sample *smp, uint32_t root)
{
	reserve_slots(ix, smp->n);
	uint32_t d = new_doc(ix, smp, root);
	for (unsigned i = 0; i < smp->n; i++)
		post(ix, home(smp->v[i], ix->bits), smp->v[i], d, i, ix->root[d]);
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

/* The candidates worth comparing: those sharing at least min_hits values,
 * the MAX_VERIFY sharing the most (the oldest first among equals), in
 * that order at the front of ix->cands.  Returns how many. */
static size_t
best_candidates(near_index *ix, uint32_t min_hits)
{
	size_t n = 0;

	for (size_t c = 0; c < ix->n_cands; c++) {
		const cand x = { ix->cands[c].doc, ix->hit_count[ix->cands[c].hits] };
		if (x.hits < min_hits)
			continue;
		/* insert into the sorted front (usually a handful) */
		size_t j = n < MAX_VERIFY ? n++ : MAX_VERIFY;
		while (j > 0 && (ix->cands[j - 1].hits < x.hits ||
		    (ix->cands[j - 1].hits == x.hits && ix->cands[j - 1].doc > x.doc))) {
			if (j < MAX_VERIFY)
				ix->cands[j] = ix->cands[j - 1];
			j--;
		}
		if (j < MAX_VERIFY)
			ix->cands[j] = x;
	}
	return n;
}

/* Resemblance and containment of a sample (values and bound as
 * sample32()) and document d, both taken below the smaller bound, so that
 * each is a uniform sample of the same shingles.  False when too little
 * is left to judge. */
static bool
compare(const near_index *ix, const uint32_t *a, unsigned la, uint32_t ta,
    uint32_t d, double *res, double *con)
{
	const uint32_t *b = ix->vals + (size_t)d * NEAR_K;
	const uint32_t tau = ta < ix->tau[d] ? ta : ix->tau[d];
	unsigned i = 0, j = 0, na = 0, nb = 0, both = 0;
	const unsigned lb = ix->len[d];
	const uint64_t mask = ix->cmask[d];

	while (i < la || j < lb) {
		if (j < lb && (mask >> j & 1)) {
			j++;
			continue;
		}
		/* past the end: above every bound */
		uint64_t x = i < la ? a[i] : UINT64_MAX;
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

	/* the slots found below stay valid until the document is added */
	reserve_slots(ix, NEAR_K);
	/* keep the smallest values that are not boilerplate; gather the
	 * documents that share them */
	s->n = 0;
	ix->n_cands = 0;
	if (++ix->stamp == 0) {
		memset(ix->hit_stamp, 0, sizeof ix->hit_stamp);
		ix->stamp = 1;
	}
	/* The home slots first, all at once: the loads do not wait for one
	 * another (most miss the cache), where a loop that decides on each
	 * slot before loading the next would wait for them one by one. */
	size_t at_home[NEAR_SIG_MAX];
	uint64_t w_home[NEAR_SIG_MAX];
	for (unsigned i = 0; i < sig->n; i++) {
		at_home[i] = home(sig->v[i], ix->bits);
		w_home[i] = ix->slots[at_home[i]].w;
	}
	for (unsigned i = 0; i < sig->n && s->n < NEAR_K; i++) {
		const uint64_t v = sig->v[i], w = w_home[i];
		const size_t at = !((w ^ (v | USED)) & KEY_MASK) || !(w & USED) ?
		    at_home[i] : find(ix, (at_home[i] + 1) & (ix->cap - 1), v);
		const vslot *slot = &ix->slots[at];
		if (slot->w & COMMON)
			continue;
		ix->at[s->n] = at;
		s->v[s->n++] = v;
		if (!(slot->w & USED))
			continue;
		/* a value in use and not boilerplate has a posting */
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

	/* compare the documents that share the most values.  A duplicate
	 * shares at least two, unless its sample is tiny; the many documents
	 * that share one common phrase by chance are not worth a look. */
	size_t n_verify = best_candidates(ix, s->n < MIN_SAMPLE ? 1 : 2);
	for (size_t c = 0; c < n_verify; c++)
		__builtin_prefetch(ix->vals + (size_t)ix->cands[c].doc * NEAR_K);
	uint32_t a[NEAR_K];
	for (unsigned i = 0; i < s->n; i++)
		a[i] = sample32(s->v[i]);
	long best = -1;
	double best_res = -1, best_con = -1;
	for (size_t c = 0; c < n_verify; c++) {
		double res, con;
		uint32_t d = ix->cands[c].doc;
		if (!compare(ix, a, s->n, sample32(s->tau), d, &res, &con))
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

	/* add it, through the slots its look-ups found */
	uint32_t d = new_doc(ix, s, best < 0 ? (uint32_t)ix->n_docs :
	    (uint32_t)best);
	for (unsigned i = 0; i < s->n; i++)
		post(ix, ix->at[i], s->v[i], d, i, ix->root[d]);
	*root = ix->root[d];
	return d;
}
