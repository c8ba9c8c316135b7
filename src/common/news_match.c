/* Aho-Corasick over bytes: a trie of the patterns, failure links computed
 * breadth first, edges flattened into sorted arrays, and a full table for
 * the root (where most bytes of a text are looked up). */
#include "news_match.h"

#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "news_utf8.h"
#include <utf8proc.h>

#define NONE UINT32_MAX

typedef struct output {
	uint32_t id;
	uint32_t len;           /* pattern length, to find the start */
	uint32_t next;          /* next output of the same state, or NONE */
} output;

typedef struct node {
	/* building */
	uint32_t first_child;
	uint32_t next_sibling;
	unsigned char byte;
	/* matching */
	uint32_t fail;
	uint32_t dict;          /* nearest state on the fail chain with outputs */
	uint32_t out;           /* first output, or NONE */
	uint32_t edge_start;
	uint32_t edge_count;
} node;

struct news_match {
	unsigned flags;
	node *nodes;
	size_t n_nodes, cap_nodes;
	output *outs;
	size_t n_outs, cap_outs;
	unsigned char *edge_bytes;
	uint32_t *edge_targets;
	uint32_t root_next[256];
	bool compiled;
};

static inline unsigned char
fold(const news_match *m, unsigned char c)
{
	if ((m->flags & NEWS_MATCH_ASCII_NOCASE) && c >= 'A' && c <= 'Z')
		return (unsigned char)(c + 32);
	return c;
}

static uint32_t
new_node(news_match *m, unsigned char byte)
{
	if (m->n_nodes == m->cap_nodes) {
		m->cap_nodes = m->cap_nodes ? m->cap_nodes * 2 : 256;
		m->nodes = news_xrealloc(m->nodes, m->cap_nodes * sizeof *m->nodes);
	}
	node *n = &m->nodes[m->n_nodes];
	memset(n, 0, sizeof *n);
	n->first_child = n->next_sibling = NONE;
	n->byte = byte;
	n->out = NONE;
	return (uint32_t)m->n_nodes++;
}

news_match *
news_match_new(unsigned flags)
{
	news_match *m = news_xcalloc(1, sizeof *m);

	m->flags = flags;
	new_node(m, 0);         /* the root */
	return m;
}

void
news_match_free(news_match *m)
{
	if (!m)
		return;
	free(m->nodes);
	free(m->outs);
	free(m->edge_bytes);
	free(m->edge_targets);
	free(m);
}

size_t
news_match_count(const news_match *m)
{
	return m->n_outs;
}

void
news_match_add(news_match *m, const char *pat, size_t len, uint32_t id)
{
	uint32_t s = 0;

	if (m->compiled)
		news_die(NEWS_EXIT_IO, "news_match_add after compile");
	if (!len || len > UINT32_MAX)
		return;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = fold(m, (unsigned char)pat[i]);
		uint32_t child = m->nodes[s].first_child;
		while (child != NONE && m->nodes[child].byte != c)
			child = m->nodes[child].next_sibling;
		if (child == NONE) {
			child = new_node(m, c);
			m->nodes[child].next_sibling = m->nodes[s].first_child;
			m->nodes[s].first_child = child;
		}
		s = child;
	}
	if (m->n_outs == m->cap_outs) {
		m->cap_outs = m->cap_outs ? m->cap_outs * 2 : 64;
		m->outs = news_xrealloc(m->outs, m->cap_outs * sizeof *m->outs);
	}
	m->outs[m->n_outs] = (output){ id, (uint32_t)len, m->nodes[s].out };
	m->nodes[s].out = (uint32_t)m->n_outs++;
}

static inline uint32_t
go(const news_match *m, uint32_t s, unsigned char c)
{
	if (s == 0)
		return m->root_next[c];
	const node *n = &m->nodes[s];
	const unsigned char *b = m->edge_bytes + n->edge_start;
	uint32_t lo = 0, hi = n->edge_count;

	if (hi <= 8) {
		for (uint32_t i = 0; i < hi; i++)
			if (b[i] == c)
				return m->edge_targets[n->edge_start + i];
		return NONE;
	}
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (b[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n->edge_count && b[lo] == c ? m->edge_targets[n->edge_start + lo] : NONE;
}

static int
cmp_byte(const void *a, const void *b)
{
	const uint32_t *x = a, *y = b;
	return (int)(x[0]) - (int)(y[0]);
}

void
news_match_compile(news_match *m)
{
	size_t n_edges = m->n_nodes ? m->n_nodes - 1 : 0;
	uint32_t *pairs = news_xmalloc(2 * 256 * sizeof *pairs);
	uint32_t *queue = news_xmalloc(m->n_nodes * sizeof *queue);
	size_t e = 0, head = 0, tail = 0;

	m->edge_bytes = news_xmalloc(n_edges + 1);
	m->edge_targets = news_xmalloc((n_edges + 1) * sizeof *m->edge_targets);
	/* Flatten each node's children into a sorted edge run. */
	for (size_t s = 0; s < m->n_nodes; s++) {
		size_t k = 0;
		for (uint32_t c = m->nodes[s].first_child; c != NONE;
		    c = m->nodes[c].next_sibling) {
			pairs[2 * k] = m->nodes[c].byte;
			pairs[2 * k + 1] = c;
			k++;
		}
		qsort(pairs, k, 2 * sizeof *pairs, cmp_byte);
		m->nodes[s].edge_start = (uint32_t)e;
		m->nodes[s].edge_count = (uint32_t)k;
		for (size_t i = 0; i < k; i++, e++) {
			m->edge_bytes[e] = (unsigned char)pairs[2 * i];
			m->edge_targets[e] = pairs[2 * i + 1];
		}
	}
	for (int c = 0; c < 256; c++)
		m->root_next[c] = NONE;
	for (uint32_t i = 0; i < m->nodes[0].edge_count; i++)
		m->root_next[m->edge_bytes[i]] = m->edge_targets[i];
	/* Failure and dictionary links, breadth first. */
	m->nodes[0].fail = 0;
	m->nodes[0].dict = NONE;
	for (uint32_t i = 0; i < m->nodes[0].edge_count; i++) {
		uint32_t v = m->edge_targets[i];
		m->nodes[v].fail = 0;
		m->nodes[v].dict = NONE;
		queue[tail++] = v;
	}
	while (head < tail) {
		uint32_t u = queue[head++];
		const node *un = &m->nodes[u];
		for (uint32_t i = 0; i < un->edge_count; i++) {
			uint32_t v = m->edge_targets[un->edge_start + i];
			unsigned char c = m->edge_bytes[un->edge_start + i];
			uint32_t f = m->nodes[u].fail, t;
			for (;;) {
				t = go(m, f, c);
				if (t != NONE || f == 0)
					break;
				f = m->nodes[f].fail;
			}
			node *vn = &m->nodes[v];
			vn->fail = t != NONE ? t : 0;
			vn->dict = m->nodes[vn->fail].out != NONE ? vn->fail :
			    m->nodes[vn->fail].dict;
			queue[tail++] = v;
		}
	}
	free(queue);
	free(pairs);
	m->compiled = true;
}

int
news_match_scan(const news_match *m, const char *text, size_t len,
    news_match_fn fn, void *ctx)
{
	uint32_t s = 0;

	if (!m->compiled || m->n_outs == 0)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = fold(m, (unsigned char)text[i]);
		uint32_t t;
		for (;;) {
			t = go(m, s, c);
			if (t != NONE || s == 0)
				break;
			s = m->nodes[s].fail;
		}
		s = t != NONE ? t : 0;
		if (s == 0)
			continue;
		uint32_t u = m->nodes[s].out != NONE ? s : m->nodes[s].dict;
		for (; u != NONE; u = m->nodes[u].dict) {
			for (uint32_t o = m->nodes[u].out; o != NONE; o = m->outs[o].next) {
				int rc = fn(ctx, m->outs[o].id, i + 1 - m->outs[o].len, i + 1);
				if (rc)
					return rc;
			}
		}
	}
	return 0;
}

/* A letter, combining mark or digit in any script (utf8proc categories
 * L*, M* and N*, which are contiguous). */
static bool
is_word_char(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

bool
news_match_is_word_boundary(const char *text, size_t len, size_t i)
{
	int32_t before = 0, after = 0;

	if (i == 0 || i >= len)
		return true;
	size_t j = i;
	do
		j--;
	while (j > 0 && ((unsigned char)text[j] & 0xC0) == 0x80);
	news_utf8_decode(text + j, i - j, &before);
	news_utf8_decode(text + i, len - i, &after);
	return !(is_word_char(before) && is_word_char(after));
}
