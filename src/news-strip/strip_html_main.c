/* strip_html_main.c: find the container that holds a page's article.
 *
 * Each block's link text weighs as boilerplate, and the rest of its text
 * as prose when the block reads like prose (long, or a sentence).  Text
 * under a container whose class or tag says boilerplate (comments, share
 * bars, related stories, nav, aside) counts entirely as boilerplate for the
 * containers above it.  A container scores its prose times the share of
 * prose in what it holds, so the best one is the container that holds the
 * article's paragraphs together: a smaller one misses paragraphs, a larger
 * one dilutes them with menus and teasers.  Its blocks get STRIP_HINT_MAIN; blocks
 * below it in boilerplate containers get STRIP_HINT_BOILER.  Ancestors'
 * class names are not held against the main content: a wrapper called
 * "content-sidebar-wrap" says nothing about the article inside it. */
#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "strip_html_int.h"

/* Whether the text has a sentence end (". " or a final '.', '!', '?',
 * or CJK full stops). */
static bool
has_sentence_end(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if ((c == '.' || c == '!' || c == '?') &&
		    (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '"' ||
		    (unsigned char)s[i + 1] == 0xE2))
			return true;
		if ((unsigned char)c == 0xE3 && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x82)
			return true;
	}
	return false;
}

/* Prose (characters) that makes a container called boilerplate by its
 * class an article's container after all. */
#define PROSE_CONTAINER 500

static void
weigh(const strip_page *page, const strip_block *b, double *good, double *bad)
{
	double len = (double)b->len;
	double ld = b->link_density;
	*good = *bad = 0;
	if (b->hints & STRIP_HINT_BOILER) {
		*bad = len;
		return;
	}
	/* link text is boilerplate; the rest is prose when the block reads
	 * like prose, else neither */
	*bad = len * ld;
	if (ld >= 0.6 || (b->tag >= STRIP_H1 && b->tag <= STRIP_H6))
		return;
	const char *s = page->text.data + b->off;
	if (len >= 120 || (len >= 40 && has_sentence_end(s, b->len)))
		*good = len * (1 - ld);
}

void
strip_html_main(strip_page *page, strip_nodes *ns)
{
	size_t n = ns->n;
	if (n == 0)
		return;
	for (size_t i = 0; i < ns->nb && i < page->n; i++) {
		int nd = ns->block_node[i];
		if (nd < 0)
			continue;
		double g, b;
		weigh(page, &page->blocks[i], &g, &b);
		ns->v[nd].good += g;
		ns->v[nd].bad += b;
	}
	/* subtree sums: children come after their parents */
	for (size_t i = n; i-- > 1;) {
		strip_node *c = &ns->v[i];
		if (c->parent < 0)
			continue;
		strip_node *p = &ns->v[c->parent];
		if (c->flags & (STRIP_NODE_BOILER | STRIP_NODE_STRONG)) {
			p->bad += c->good + c->bad;
		} else {
			p->good += c->good;
			p->bad += c->bad;
		}
	}
	/* the best container; ties go to the deeper one (visited later) */
	int best = -1;
	double best_score = 0;
	for (size_t i = 0; i < n; i++) {
		strip_node *c = &ns->v[i];
		/* a class word is weaker evidence than the text: a container
		 * called a widget that holds paragraphs of prose and few links
		 * may still be the article's (page builders wrap the article's
		 * body in "...-widget-container") */
		if ((c->flags & STRIP_NODE_STRONG) || ((c->flags & STRIP_NODE_BOILER) &&
		    !(c->good >= PROSE_CONTAINER && c->good >= 4 * c->bad)))
			continue;
		/* prose, discounted by the share of boilerplate around it */
		double s = c->good * (1 - c->bad / (c->good + c->bad + 1));
		if (c->flags & (STRIP_NODE_ARTICLE | STRIP_NODE_CONTENT))
			s += 0.1 * c->good;
		c->score = s;
		if (s > 0 && s >= best_score) {
			best = (int)i;
			best_score = s;
		}
	}
	if (best < 0)
		return;

	/* which nodes lie in the main content, and which of those in
	 * boilerplate below it */
	unsigned char *in = news_xcalloc(n, 1);
	enum { IN_MAIN = 1, IN_BOILER = 2 };
	for (size_t i = (size_t)best; i < n; i++) {
		const strip_node *c = &ns->v[i];
		unsigned char m = 0;
		if ((int)i == best)
			m = IN_MAIN;
		else if (c->parent >= 0 && (in[c->parent] & IN_MAIN))
			m = in[c->parent];
		else
			continue;
		if ((int)i != best && (c->flags & (STRIP_NODE_BOILER | STRIP_NODE_STRONG)))
			m |= IN_BOILER;
		in[i] = m;
	}
	size_t first_main = page->n;
	for (size_t i = 0; i < ns->nb && i < page->n; i++) {
		int nd = ns->block_node[i];
		if (nd < 0 || !(in[nd] & IN_MAIN))
			continue;
		page->blocks[i].hints |= STRIP_HINT_MAIN;
		if (in[nd] & IN_BOILER)
			page->blocks[i].hints |= STRIP_HINT_BOILER;
		if (first_main == page->n)
			first_main = i;
	}
	free(in);

	/* The standfirst: prose between the headline and the main content
	 * often sits in the article's header, outside the container of the
	 * body.  It is part of the article when nothing but metadata lines
	 * stands between it and the headline. */
	size_t title = page->n;
	for (size_t i = 0; i < first_main; i++)
		if (page->blocks[i].hints & STRIP_HINT_TITLE)
			title = i;
	if (title == page->n || title >= ns->nb)
		return;
	/* the containers of the headline: a header holding both the headline
	 * and the standfirst is the article's header, whatever it is called */
	unsigned char *above = news_xcalloc(n, 1);
	for (int a = ns->block_node[title]; a >= 0; a = ns->v[a].parent)
		above[a] = 1;
	/* a standfirst is close to the headline: a few blocks, a few
	 * containers away (which also bounds the work on hostile pages) */
	for (size_t i = title + 1; i < first_main && i < ns->nb &&
	    i <= title + 32; i++) {
		strip_block *b = &page->blocks[i];
		if (b->len < 60)
			continue;       /* a byline, a date, a button */
		if (b->link_density >= 0.3f)
			break;          /* a list of links: no standfirst here */
		bool boiler = false;
		int steps = 0;
		for (int a = ns->block_node[i]; a >= 0 && !above[a] && !boiler;
		    a = ns->v[a].parent)
			boiler = (ns->v[a].flags & (STRIP_NODE_BOILER | STRIP_NODE_STRONG)) ||
			    ++steps > 64;
		if (!boiler && b->tag != STRIP_CAPTION)
			b->hints |= STRIP_HINT_MAIN;
	}
	free(above);
}
