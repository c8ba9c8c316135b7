/* strip_page.c: the block list a page becomes. */
#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "strip.h"

void
strip_page_init(strip_page *p)
{
	memset(p, 0, sizeof *p);
}

static void
free_meta(strip_page *p)
{
	free(p->meta_title);
	free(p->meta_date);
	free(p->meta_byline);
	free(p->meta_url);
	free(p->meta_lang);
	p->meta_title = p->meta_date = p->meta_byline = NULL;
	p->meta_url = p->meta_lang = NULL;
}

/* Empty the page for the next one, keeping its memory. */
void
strip_page_clear(strip_page *p)
{
	news_buf_clear(&p->text);
	p->n = 0;
	free_meta(p);
}

void
strip_page_free(strip_page *p)
{
	news_buf_free(&p->text);
	free(p->blocks);
	free_meta(p);
	memset(p, 0, sizeof *p);
}

strip_block *
strip_page_add(strip_page *p, const char *text, size_t len, strip_tag tag)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->blocks = news_xrealloc(p->blocks, p->cap * sizeof *p->blocks);
	}
	strip_block *b = &p->blocks[p->n++];
	memset(b, 0, sizeof *b);
	b->off = p->text.len;
	b->len = len;
	b->tag = tag;
	news_buf_add(&p->text, text, len);
	return b;
}
