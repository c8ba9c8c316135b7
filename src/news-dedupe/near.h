/* near.h: near-duplicate documents.
 *
 * A document is the set of its word bigrams ("shingles") taken within lines
 * and '|'-separated cells, after NFKC and case folding.  Its signature is
 * the NEAR_SIG_MAX smallest distinct shingle hashes (40-bit values), a
 * bottom-k sample: two signatures sampled below the same threshold are
 * uniform samples of the two shingle sets, so they estimate both
 * resemblance |A∩B|/|A∪B| and containment |A∩B|/min(|A|,|B|).
 *
 * Joining (near_index) keeps, per document, the NEAR_K smallest values that
 * are not boilerplate.  A value is boilerplate once it has been seen in
 * --boilerplate unrelated groups of documents: site templates (menus,
 * sign-up lines, copyright notices) repeat across stories, the story's own
 * text does not.  Values are looked up through an inverted index, so a
 * document is compared only with documents sharing a sampled shingle:
 * time is linear in the input. */
#ifndef NEAR_H
#define NEAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "news_buf.h"

#define NEAR_SIG_MAX 128        /* values a signature carries */
#define NEAR_K 64               /* values a joined document keeps */
#define NEAR_VALUE_BITS 40

typedef struct near_sig {
	uint64_t v[NEAR_SIG_MAX];       /* ascending, distinct */
	unsigned n;
	bool complete;                  /* every shingle is in v */
} near_sig;

/* Scratch memory for near_sig_of_text (zero-initialised is ready). */
typedef struct near_tok {
	news_buf vals, short_vals;
	news_buf masks;
	news_buf cand, sort;
	news_buf norm;
} near_tok;

void near_tok_free(near_tok *t);
/* The signature of valid UTF-8 text. */
void near_sig_of_text(near_tok *t, const char *text, size_t len, near_sig *out);

/* --signatures: "c" (complete) or "p", then 10 hex digits a value. */
void near_sig_encode(const near_sig *s, news_buf *out);
/* false when s is not a signature this version wrote */
bool near_sig_decode(const char *s, size_t len, near_sig *out);

typedef struct near_params {
	double resemblance;     /* --threshold */
	double containment;     /* --containment; 0 turns it off */
	unsigned boilerplate;   /* --boilerplate: groups that make a value common */
} near_params;

typedef struct near_index near_index;

near_index *near_index_new(const near_params *p);
void near_index_free(near_index *ix);

/* The kept sample of a document: values ascending, and tau, the bound
 * below which every non-boilerplate value of the document is kept. */
typedef struct near_sample {
	uint64_t v[NEAR_K];
	unsigned n;
	uint64_t tau;
} near_sample;

/* Find the group of a new document and add it.  Returns the document's
 * number; *root is the number of the first document of its group (itself
 * when it is new).  *kept receives the sample that was indexed. */
/* Start the memory reads a later near_index_add(ix, sig, ...) needs, so
 * that work done meanwhile hides their latency. */
void near_index_prefetch(const near_index *ix, const near_sig *sig);
uint32_t near_index_add(near_index *ix, const near_sig *sig, uint32_t *root,
    near_sample *kept);
/* Add a document decided elsewhere (read back from --state): its sample
 * and the number of its group's first document (or its own number, which
 * is near_index_count(ix) before the call). */
uint32_t near_index_put(near_index *ix, const near_sample *s, uint32_t root);
uint32_t near_index_count(const near_index *ix);
/* Bytes of memory in use, for the man page's numbers. */
size_t near_index_memory(const near_index *ix);

#endif
