/* strip_html.c: an HTML page to strip_page blocks, through libxml2's HTML
 * parser in SAX mode.
 *
 * libxml2's HTML parser is the one trafilatura and jusText sit on: it takes
 * whatever the web serves (unclosed tags, stray end tags, bad nesting) and
 * reports a balanced stream of start and end events.  We listen to that
 * stream instead of building a tree: text is collected into blocks at block
 * element boundaries, with white space collapsed, link text counted and the
 * markup's evidence (class names, <article>, <nav>...) noted, and a light
 * list of container nodes is kept for finding the main content afterwards
 * (strip_html_main.c).  Element content that is never article (script,
 * style, forms, hidden text...) is skipped as it streams by.
 *
 * Before libxml2 sees a page, it is converted to UTF-8 (strip_charset.c)
 * and stripped of what is never read (strip_html_elide.c: script and style
 * bodies, comments, unread attributes; class and id values judged). */
#include <libxml/HTMLparser.h>
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "news_err.h"
#include "news_utf8.h"
#include "strip_charset.h"
#include "strip_html.h"
#include "strip_html_int.h"

/* What an element is to us. */
enum {
	EL_BLOCK = 1 << 0,      /* starts and ends a block of text */
	EL_SKIP = 1 << 1,       /* its content is never article */
	EL_BOILER = 1 << 2,     /* nav, aside, footer...: page furniture */
	EL_ARTICLE = 1 << 3,    /* article, main */
	EL_LINK = 1 << 4,       /* a */
	EL_BREAK = 1 << 5,      /* br: a line break; two make a paragraph break */
	EL_PRE = 1 << 6,        /* keeps its line breaks */
	EL_NOCLASS = 1 << 7,    /* html, body: class names say nothing */
};

/* Elements with metadata or captures of their own. */
enum { SP_NONE, SP_META, SP_LINK, SP_HTML, SP_TITLE, SP_SCRIPT, SP_TIME,
	SP_HEADER };

typedef struct elem_kind {
	const char *name;
	unsigned flags;
	strip_tag tag;          /* STRIP_DIV for generic blocks */
	unsigned char special;  /* SP_* */
} elem_kind;

/* Sorted by name for bsearch.  Elements not listed are treated as generic
 * blocks: most unknown elements on real pages are layout containers
 * (custom elements, AMP components). */
static const elem_kind elems[] = {
	{"a", EL_LINK, 0, 0},
	{"abbr", 0, 0, 0},
	{"address", EL_BLOCK, STRIP_DIV, 0},
	{"applet", EL_SKIP, 0, 0},
	{"area", 0, 0, 0},
	{"article", EL_BLOCK | EL_ARTICLE, STRIP_DIV, 0},
	{"aside", EL_BLOCK | EL_BOILER, STRIP_DIV, 0},
	{"audio", EL_SKIP, 0, 0},
	{"b", 0, 0, 0},
	{"base", 0, 0, 0},
	{"bdi", 0, 0, 0},
	{"bdo", 0, 0, 0},
	{"big", 0, 0, 0},
	{"blockquote", EL_BLOCK, STRIP_QUOTE, 0},
	{"body", EL_BLOCK | EL_NOCLASS, STRIP_DIV, 0},
	{"br", EL_BREAK, 0, 0},
	{"button", EL_SKIP, 0, 0},
	{"canvas", EL_SKIP, 0, 0},
	{"caption", EL_BLOCK, STRIP_CAPTION, 0},
	{"center", EL_BLOCK, STRIP_DIV, 0},
	{"cite", 0, 0, 0},
	{"code", 0, 0, 0},
	{"col", 0, 0, 0},
	{"colgroup", 0, 0, 0},
	{"data", 0, 0, 0},
	{"datalist", EL_SKIP, 0, 0},
	{"dd", EL_BLOCK, STRIP_DIV, 0},
	{"del", 0, 0, 0},
	{"details", EL_BLOCK, STRIP_DIV, 0},
	{"dfn", 0, 0, 0},
	{"dialog", EL_SKIP, 0, 0},
	{"dir", EL_BLOCK, STRIP_DIV, 0},
	{"div", EL_BLOCK, STRIP_DIV, 0},
	{"dl", EL_BLOCK, STRIP_DIV, 0},
	{"dt", EL_BLOCK, STRIP_DIV, 0},
	{"em", 0, 0, 0},
	{"embed", EL_SKIP, 0, 0},
	{"fieldset", EL_BLOCK, STRIP_DIV, 0},
	{"figcaption", EL_BLOCK, STRIP_CAPTION, 0},
	{"figure", EL_BLOCK, STRIP_DIV, 0},
	{"font", 0, 0, 0},
	{"footer", EL_BLOCK | EL_BOILER, STRIP_DIV, 0},
	{"form", EL_BLOCK, STRIP_DIV, 0},
	{"frame", EL_SKIP, 0, 0},
	{"frameset", EL_SKIP, 0, 0},
	{"h1", EL_BLOCK, STRIP_H1, 0},
	{"h2", EL_BLOCK, STRIP_H2, 0},
	{"h3", EL_BLOCK, STRIP_H3, 0},
	{"h4", EL_BLOCK, STRIP_H4, 0},
	{"h5", EL_BLOCK, STRIP_H5, 0},
	{"h6", EL_BLOCK, STRIP_H6, 0},
	{"head", EL_SKIP, 0, 0},
	{"header", EL_BLOCK | EL_BOILER, STRIP_DIV, SP_HEADER},
	{"hgroup", EL_BLOCK, STRIP_DIV, 0},
	{"hr", EL_BLOCK, STRIP_DIV, 0},
	{"html", EL_BLOCK | EL_NOCLASS, STRIP_DIV, SP_HTML},
	{"i", 0, 0, 0},
	{"iframe", EL_SKIP, 0, 0},
	{"img", 0, 0, 0},
	{"input", EL_SKIP, 0, 0},
	{"ins", 0, 0, 0},
	{"kbd", 0, 0, 0},
	{"label", 0, 0, 0},
	{"legend", EL_BLOCK, STRIP_DIV, 0},
	{"li", EL_BLOCK, STRIP_LI, 0},
	{"link", 0, 0, SP_LINK},
	{"main", EL_BLOCK | EL_ARTICLE, STRIP_DIV, 0},
	{"map", 0, 0, 0},
	{"mark", 0, 0, 0},
	{"math", EL_SKIP, 0, 0},
	{"menu", EL_BLOCK | EL_BOILER, STRIP_DIV, 0},
	{"meta", 0, 0, SP_META},
	{"meter", EL_SKIP, 0, 0},
	{"nav", EL_BLOCK | EL_BOILER, STRIP_DIV, 0},
	{"nobr", 0, 0, 0},
	{"noembed", EL_SKIP, 0, 0},
	{"noframes", EL_SKIP, 0, 0},
	{"noscript", EL_BLOCK, STRIP_DIV, 0},
	{"object", EL_SKIP, 0, 0},
	{"ol", EL_BLOCK, STRIP_DIV, 0},
	{"optgroup", EL_SKIP, 0, 0},
	{"option", EL_SKIP, 0, 0},
	{"output", EL_SKIP, 0, 0},
	{"p", EL_BLOCK, STRIP_P, 0},
	{"param", 0, 0, 0},
	{"picture", 0, 0, 0},
	{"pre", EL_BLOCK | EL_PRE, STRIP_PRE, 0},
	{"progress", EL_SKIP, 0, 0},
	{"q", 0, 0, 0},
	{"rp", 0, 0, 0},
	{"rt", 0, 0, 0},
	{"ruby", 0, 0, 0},
	{"s", 0, 0, 0},
	{"samp", 0, 0, 0},
	{"script", EL_SKIP, 0, SP_SCRIPT},
	{"section", EL_BLOCK, STRIP_DIV, 0},
	{"select", EL_SKIP, 0, 0},
	{"small", 0, 0, 0},
	{"source", 0, 0, 0},
	{"span", 0, 0, 0},
	{"strike", 0, 0, 0},
	{"strong", 0, 0, 0},
	{"style", EL_SKIP, 0, 0},
	{"sub", 0, 0, 0},
	{"summary", EL_BLOCK, STRIP_DIV, 0},
	{"sup", 0, 0, 0},
	{"svg", EL_SKIP, 0, 0},
	{"table", EL_BLOCK, STRIP_DIV, 0},
	{"tbody", EL_BLOCK, STRIP_DIV, 0},
	{"td", EL_BLOCK, STRIP_TD, 0},
	{"template", EL_SKIP, 0, 0},
	{"textarea", EL_SKIP, 0, 0},
	{"tfoot", EL_BLOCK, STRIP_DIV, 0},
	{"th", EL_BLOCK, STRIP_TD, 0},
	{"thead", EL_BLOCK, STRIP_DIV, 0},
	{"time", 0, 0, SP_TIME},
	{"title", EL_SKIP, 0, SP_TITLE},
	{"tr", EL_BLOCK, STRIP_DIV, 0},
	{"track", 0, 0, 0},
	{"tt", 0, 0, 0},
	{"u", 0, 0, 0},
	{"ul", EL_BLOCK, STRIP_DIV, 0},
	{"var", 0, 0, 0},
	{"video", EL_SKIP, 0, 0},
	{"wbr", 0, 0, 0},
};

static const elem_kind unknown_elem = {"", EL_BLOCK, STRIP_DIV, 0};

static int
elem_cmp(const void *key, const void *e)
{
	return strcmp(key, ((const elem_kind *)e)->name);
}

static const elem_kind *
elem_search(const char *name)
{
	const elem_kind *e = bsearch(name, elems, sizeof elems / sizeof elems[0],
	    sizeof elems[0], elem_cmp);
	return e ? e : &unknown_elem;
}

/* Names of up to eight letters and digits packed into an integer, lower
 * case, for a quick table of the elements that start blocks; 0 for other
 * names. */
static uint64_t
pack_name(const char *name, size_t n)
{
	if (n == 0 || n > 8)
		return 0;
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i] | 0x20;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return 0;
		v |= (uint64_t)c << (8 * i);
	}
	return v;
}

#define BLOCK_SLOTS 512
static uint64_t block_keys[BLOCK_SLOTS];
static bool block_vals[BLOCK_SLOTS];

static size_t
block_slot(uint64_t key)
{
	size_t j = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 55) & (BLOCK_SLOTS - 1);
	while (block_keys[j] && block_keys[j] != key)
		j = (j + 1) & (BLOCK_SLOTS - 1);
	return j;
}

bool
strip_html_block_start(const char *name, size_t n)
{
	if (!block_keys[block_slot(pack_name("div", 3))]) {
		/* first call: the table of known elements */
		for (size_t i = 0; i < sizeof elems / sizeof elems[0]; i++) {
			uint64_t key = pack_name(elems[i].name, strlen(elems[i].name));
			if (!key)
				continue;
			size_t j = block_slot(key);
			block_keys[j] = key;
			block_vals[j] = (elems[i].flags & EL_BLOCK) != 0;
		}
		/* <html>, <head> and <body> again are ignored by libxml2 */
		block_vals[block_slot(pack_name("html", 4))] = false;
		block_vals[block_slot(pack_name("body", 4))] = false;
	}
	uint64_t key = pack_name(name, n);
	if (key) {
		size_t j = block_slot(key);
		if (block_keys[j])
			return block_vals[j];
	}
	/* a longer name or one we do not list */
	char low[16];
	if (n == 0 || n >= sizeof low)
		return n > 0;   /* no element we know: a block */
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(name[i] | 0x20);
	low[n] = '\0';
	return (elem_search(low)->flags & EL_BLOCK) != 0;
}

/* libxml2 interns element names in a dictionary of its parser context,
 * so within one page a name is known by its pointer: a cache of name
 * pointers, emptied before each page (a new context may reuse an address
 * for another name). */
static struct { const char *ptr; const elem_kind *kind; } elem_cache[256];

static const elem_kind *
elem_lookup(const char *name)
{
	size_t h = ((uintptr_t)name >> 3) & 255;
	if (elem_cache[h].ptr == name)
		return elem_cache[h].kind;
	const elem_kind *k = elem_search(name);
	elem_cache[h].ptr = name;
	elem_cache[h].kind = k;
	return k;
}

/* One open element. */
typedef struct frame {
	const elem_kind *kind;
	strip_tag btag;         /* the block tag its text gets */
	int node;               /* the innermost container node, inherited */
	unsigned char skip;     /* this element started skipping */
	unsigned char article;  /* ... counted in article_depth */
	unsigned char quote;    /* ... counted in quote_depth */
	unsigned char capture;  /* ... started a capture */
	unsigned char author;   /* ... an <a rel=author> */
} frame;

enum capture_kind { CAP_NONE, CAP_TITLE, CAP_JSONLD };

typedef struct html_state {
	strip_page *page;
	strip_nodes nodes;
	frame *stack;
	size_t depth, cap;
	int skip_depth;
	int article_depth;
	int quote_depth;        /* open <blockquote>s */
	int link_depth;
	int pre_depth;
	/* the block being collected */
	news_buf cur;
	size_t cur_link;        /* bytes of it inside <a> */
	bool space;             /* white space pending */
	int breaks;             /* <br>s since the last text */
	bool dropcap;           /* cur is a lone capital held for what follows */
	/* metadata */
	strip_html_meta meta;
	enum capture_kind capture;
	news_buf captured;
	bool title_seen;
	int author_depth;
	news_buf author;
	char *time_any;         /* the first <time datetime> */
	news_buf jsonld;        /* JSON-LD scripts: length (size_t), text; ... */
	/* the page's text runs (strip_html_text.c) */
	const strip_texts *texts;
	size_t next_text;       /* the run expected next */
	size_t h1_block;        /* first h1 block + 1, or 0 */
} html_state;

/* The attributes we read, gathered in one pass over a start tag's. */
typedef struct tag_attrs {
	const char *cls, *id, *role, *itemprop, *hidden, *aria_hidden, *style,
	    *type, *rel, *datetime, *content, *pubdate, *lang;
	const char *nfc, *nfi;  /* class and id already judged (strip_html_elide.c) */
} tag_attrs;

static void
gather(const char **attrs, tag_attrs *a)
{
	memset(a, 0, sizeof *a);
	if (!attrs)
		return;
	for (size_t i = 0; attrs[i]; i += 2) {
		const char *n = attrs[i];
		const char *v = attrs[i + 1] ? attrs[i + 1] : "";
		const char **slot = NULL;
		switch (n[0]) {
		case 'a': if (!strcmp(n, "aria-hidden")) slot = &a->aria_hidden; break;
		case 'c':
			if (!strcmp(n, "class")) slot = &a->cls;
			else if (!strcmp(n, "content")) slot = &a->content;
			break;
		case 'd': if (!strcmp(n, "datetime")) slot = &a->datetime; break;
		case 'h': if (!strcmp(n, "hidden")) slot = &a->hidden; break;
		case 'i':
			if (!strcmp(n, "id")) slot = &a->id;
			else if (!strcmp(n, "itemprop")) slot = &a->itemprop;
			break;
		case 'l': if (!strcmp(n, "lang")) slot = &a->lang; break;
		case 'n':
			if (!strcmp(n, "nfc")) slot = &a->nfc;
			else if (!strcmp(n, "nfi")) slot = &a->nfi;
			break;
		case 'p': if (!strcmp(n, "pubdate")) slot = &a->pubdate; break;
		case 'r':
			if (!strcmp(n, "role")) slot = &a->role;
			else if (!strcmp(n, "rel")) slot = &a->rel;
			break;
		case 's': if (!strcmp(n, "style")) slot = &a->style; break;
		case 't': if (!strcmp(n, "type")) slot = &a->type; break;
		case 'x': if (!strcmp(n, "xml:lang") && !a->lang) slot = &a->lang; break;
		}
		if (slot && !*slot)
			*slot = v;
	}
}

static bool
contains_ci(const char *s, const char *needle)
{
	return s && strcasestr(s, needle) != NULL;
}

/* The current block is complete: add it to the page. */
static void
flush(html_state *st)
{
	news_buf *b = &st->cur;
	st->space = false;
	st->breaks = 0;
	st->dropcap = false;
	if (b->len == 0)
		return;
	strip_tag tag = st->depth ? st->stack[st->depth - 1].btag : STRIP_DIV;
	/* a long text in a caption's place is a paragraph: slides, and class
	 * names like "article__body-text-image" */
	if (tag == STRIP_CAPTION && b->len >= 300)
		tag = STRIP_P;
	strip_block *blk = strip_page_add(st->page, b->data, b->len, tag);
	blk->link_density = (float)st->cur_link / (float)b->len;
	if (blk->link_density > 1)
		blk->link_density = 1;
	blk->depth = (int)st->depth;
	if (st->article_depth)
		blk->hints |= STRIP_HINT_ARTICLE;
	if (st->quote_depth)
		blk->hints |= STRIP_HINT_QUOTE;
	if (tag == STRIP_H1 && !st->h1_block)
		st->h1_block = st->page->n;
	strip_nodes *ns = &st->nodes;
	if (ns->nb == ns->cap_b) {
		ns->cap_b = ns->cap_b ? ns->cap_b * 2 : 256;
		ns->block_node = news_xrealloc(ns->block_node,
		    ns->cap_b * sizeof *ns->block_node);
	}
	ns->block_node[ns->nb++] = st->depth ? st->stack[st->depth - 1].node : -1;
	news_buf_clear(b);
	st->cur_link = 0;
}

/* A block boundary.  A drop cap ("<span class=cap>T</span><p>urkey ...")
 * is a lone capital letter in a block of its own: it is held, and joins
 * the next text when that goes on with a lower-case letter. */
static void
boundary(html_state *st)
{
	const news_buf *b = &st->cur;
	unsigned char c = b->len ? (unsigned char)b->data[0] : 0;
	bool capital = (b->len == 1 && c >= 'A' && c <= 'Z') ||
	    (b->len == 2 && (c == 0xC3 || c == 0xC4 || c == 0xC5) &&
	    (unsigned char)b->data[1] < 0x9F);    /* À-Þ, Ā-ş upper halves */
	if (capital && !st->cur_link) {
		st->dropcap = true;
		st->space = false;
		return;
	}
	flush(st);
}

static int
new_node(html_state *st, int parent, unsigned flags)
{
	strip_nodes *ns = &st->nodes;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 256;
		ns->v = news_xrealloc(ns->v, ns->cap * sizeof *ns->v);
	}
	ns->v[ns->n] = (strip_node){ .parent = parent, .flags = flags };
	return (int)ns->n++;
}

/* Attributes that hide an element from readers. */
static bool
is_hidden(const tag_attrs *at)
{
	if (at->hidden)
		return true;
	const char *a = at->aria_hidden;
	if (a && strcasecmp(a, "true") == 0)
		return true;
	const char *style = at->style;
	if (style && (strstr(style, "display:none") || strstr(style, "display: none") ||
	    strstr(style, "visibility:hidden") || strstr(style, "visibility: hidden")))
		return true;
	return false;
}

/* What class, id, role and itemprop say: STRIP_NODE_* flags, or -1 for
 * hidden. */
static int
markup_verdict(const elem_kind *k, const tag_attrs *at)
{
	unsigned flags = 0;
	/* class and id come judged from strip_html_elide(), or as written
	 * when a tag was kept whole */
	int kc = at->nfc ? at->nfc[0] - '0' : at->cls ?
	    (int)strip_html_class_of(at->cls, strlen(at->cls)) : 0;
	/* inline elements only matter when hidden ("<span class=sr-only>");
	 * their ids, mostly unique anchors, are not looked at */
	if (!(k->flags & EL_BLOCK))
		return kc == STRIP_CLASS_HIDDEN ? -1 : 0;
	int ki = at->nfi ? at->nfi[0] - '0' : at->id ?
	    (int)strip_html_class_of(at->id, strlen(at->id)) : 0;
	enum strip_class_kind ck = (enum strip_class_kind)(kc > ki ? kc : ki);
	const char *v = at->role;
	if (v) {
		if (!strcmp(v, "navigation") || !strcmp(v, "banner") ||
		    !strcmp(v, "contentinfo") || !strcmp(v, "complementary") ||
		    !strcmp(v, "search") || !strcmp(v, "menu") ||
		    !strcmp(v, "menubar") || !strcmp(v, "toolbar"))
			flags |= STRIP_NODE_BOILER;
		else if (!strcmp(v, "dialog") || !strcmp(v, "alertdialog"))
			flags |= STRIP_NODE_STRONG;
		else if (!strcmp(v, "main") || !strcmp(v, "article"))
			flags |= STRIP_NODE_ARTICLE;
	}
	v = at->itemprop;
	if (v && (strcasecmp(v, "articleBody") == 0 || strcasecmp(v, "text") == 0))
		flags |= STRIP_NODE_ARTICLE;
	if (k->flags & EL_NOCLASS)
		return (int)flags;
	if (ck == STRIP_CLASS_HIDDEN)
		return -1;
	/* <article> and <main> are what they say unless the class says
	 * comment or share: comments are often <article> elements; and a
	 * <blockquote> quotes, whatever its class ("twitter-tweet",
	 * "instagram-media": posts embedded in the article) */
	if (ck == STRIP_CLASS_STRONG)
		flags |= STRIP_NODE_STRONG | STRIP_NODE_BOILER;
	else if (ck == STRIP_CLASS_BOILER && !(k->flags & EL_ARTICLE) &&
	    k->tag != STRIP_QUOTE)
		flags |= STRIP_NODE_BOILER;
	else if (ck == STRIP_CLASS_CONTENT)
		flags |= STRIP_NODE_CONTENT;
	else if (ck == STRIP_CLASS_CAPTION)
		flags |= STRIP_NODE_CAPTION;
	return (int)flags;
}

static void
push(html_state *st, frame f)
{
	if (st->depth == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 64;
		st->stack = news_xrealloc(st->stack, st->cap * sizeof *st->stack);
	}
	st->stack[st->depth++] = f;
}

static void
on_start(void *user, const xmlChar *xname, const xmlChar **xattrs)
{
	html_state *st = user;
	const char **attrs = (const char **)xattrs;
	const elem_kind *k = elem_lookup((const char *)xname);
	const frame *top = st->depth ? &st->stack[st->depth - 1] : NULL;
	frame f = {
		.kind = k,
		.btag = top ? top->btag : STRIP_DIV,
		.node = top ? top->node : -1,
	};

	tag_attrs at;
	gather(attrs, &at);
	/* metadata lives in <head>, which we otherwise skip */
	if (k->special == SP_META) {
		strip_html_meta_tag(&st->meta, attrs);
	} else if (k->special == SP_LINK) {
		strip_html_link_tag(&st->meta, attrs);
	} else if (k->special == SP_HTML && at.lang) {
		strip_html_meta_set(&st->meta.lang, at.lang, strlen(at.lang));
	}

	/* <title> and JSON-LD are read wherever they are, <head> included */
	if (k->special == SP_TITLE && !st->title_seen && !st->capture) {
		st->title_seen = true;
		st->capture = CAP_TITLE;
		f.capture = 1;
		news_buf_clear(&st->captured);
	} else if (k->special == SP_SCRIPT && !st->capture &&
	    contains_ci(at.type, "ld+json")) {
		st->capture = CAP_JSONLD;
		f.capture = 1;
		news_buf_clear(&st->captured);
	}

	if (st->skip_depth) {
		f.skip = 1;
		st->skip_depth++;
		push(st, f);
		return;
	}

	if (k->flags & EL_BREAK) {
		/* one <br> breaks a line within a paragraph; two or more end
		 * the paragraph, as pages without <p> use them */
		if (++st->breaks >= 2)
			flush(st);
		push(st, f);
		return;
	}

	if (k->flags & EL_SKIP) {
		f.skip = 1;
		st->skip_depth++;
		if (k->flags & EL_BLOCK)
			flush(st);
		push(st, f);
		return;
	}

	int verdict = markup_verdict(k, &at);
	if (verdict < 0 || is_hidden(&at)) {
		/* hidden text is skipped like a script */
		if (k->flags & EL_BLOCK)
			flush(st);
		f.skip = 1;
		st->skip_depth++;
		push(st, f);
		return;
	}
	unsigned flags = (unsigned)verdict;

	/* dates and bylines marked up in the body */
	if (at.itemprop && strcasecmp(at.itemprop, "datePublished") == 0) {
		const char *v = at.datetime ? at.datetime : at.content;
		if (v)
			strip_html_meta_set(&st->meta.date[2], v, strlen(v));
	}
	if (k->special == SP_TIME) {
		const char *v = at.datetime;
		if (v && (at.pubdate || contains_ci(at.cls, "publish")))
			strip_html_meta_set(&st->meta.date[2], v, strlen(v));
		if (v)
			strip_html_meta_set(&st->time_any, v, strlen(v));
	}

	if (k->flags & EL_BLOCK) {
		boundary(st);
		/* <header> in an <article> holds its headline and standfirst */
		if ((k->flags & EL_BOILER) && !(k->special == SP_HEADER &&
		    st->article_depth))
			flags |= STRIP_NODE_BOILER;
		if (k->flags & EL_ARTICLE)
			flags |= STRIP_NODE_ARTICLE;
		f.node = new_node(st, f.node, flags);
		/* the block tag: the element's own, but a caption stays a
		 * caption ("<figcaption><p>...") */
		if (f.btag != STRIP_CAPTION && (k->tag != STRIP_DIV ||
		    f.btag == STRIP_DIV || f.btag == STRIP_LINE))
			f.btag = k->tag;
		if (flags & STRIP_NODE_CAPTION)
			f.btag = STRIP_CAPTION;
		if (flags & STRIP_NODE_ARTICLE) {
			f.article = 1;
			st->article_depth++;
		}
		if (k->flags & EL_PRE)
			st->pre_depth++;
		if (k->tag == STRIP_QUOTE) {
			f.quote = 1;
			st->quote_depth++;
		}
	} else if (k->flags & EL_LINK) {
		st->link_depth++;
		if (contains_ci(at.rel, "author") && !st->author_depth) {
			f.author = 1;
			st->author_depth = 1;
			news_buf_clear(&st->author);
		}
	}
	push(st, f);
}

static void
on_end(void *user, const xmlChar *xname)
{
	html_state *st = user;
	if (st->depth == 0)
		return;
	frame f = st->stack[--st->depth];
	const elem_kind *k = f.kind;
	if (f.capture) {
		if (st->capture == CAP_TITLE)
			strip_html_meta_set(&st->meta.title, st->captured.data, st->captured.len);
		else if (st->capture == CAP_JSONLD) {
			/* kept for later: JSON-LD is parsed only when its
			 * values are wanted (parse_jsonld()) */
			size_t n = st->captured.len;
			news_buf_add(&st->jsonld, (const char *)&n, sizeof n);
			news_buf_add(&st->jsonld, st->captured.data, n);
		}
		st->capture = CAP_NONE;
	}
	if (f.skip) {
		st->skip_depth--;
		return;
	}
	if (st->skip_depth)
		return;
	if (k->flags & EL_BLOCK) {
		/* the block's text belongs to the element it ends in */
		st->depth++;
		boundary(st);
		st->depth--;
		if (k->flags & EL_PRE)
			st->pre_depth--;
	} else if (k->flags & EL_LINK) {
		st->link_depth--;
		if (f.author) {
			st->author_depth = 0;
			strip_html_meta_set(&st->meta.author[2], st->author.data,
			    st->author.len);
		}
	}
	if (f.article)
		st->article_depth--;
	if (f.quote)
		st->quote_depth--;
}

static inline bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* The end of the run of bytes from s[i] that on_text() copies as they
 * are: anything but white space and control bytes (0x00-0x20) and the
 * lead bytes 0xC2, 0xE2 and 0xEF. */
static inline size_t
plain_run(const char *s, size_t i, size_t len)
{
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(0x20), c2 = _mm_set1_epi8((char)0xC2),
	    e2 = _mm_set1_epi8((char)0xE2), ef = _mm_set1_epi8((char)0xEF);
	for (; i + 16 <= len; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, sp), x),
		    _mm_cmpeq_epi8(x, c2)), _mm_or_si128(_mm_cmpeq_epi8(x, e2),
		    _mm_cmpeq_epi8(x, ef)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c == 0xC2 || c == 0xE2 || c == 0xEF)
			break;
	}
	return i;
}

static void
put_text(html_state *st, const char *s, size_t len)
{
	if (st->skip_depth) {
		if (st->capture != CAP_NONE)
			news_buf_add(&st->captured, s, len);
		return;
	}
	if (st->author_depth)
		news_buf_add(&st->author, s, len);
	if (st->dropcap) {
		size_t i = 0;
		while (i < len && is_ws((unsigned char)s[i]))
			i++;
		if (i == len)
			return;         /* white space between the cap and its word */
		unsigned char c = (unsigned char)s[i];
		if (c >= 'a' && c <= 'z') {
			st->dropcap = false;
			st->space = false;
			st->breaks = 0;
			s += i;
			len -= i;
		} else {
			flush(st);      /* a one-letter block after all */
		}
	}
	news_buf *b = &st->cur;
	news_buf_reserve(b, len + 1);
	size_t before = b->len;
	for (size_t i = 0; i < len; i++) {
		/* a run of bytes that need no look (not white space, not the
		 * lead byte of a no-break or zero-width space or a BOM) goes in
		 * whole */
		size_t j = plain_run(s, i, len);
		if (j > i) {
			if (st->breaks && b->len) {
				news_buf_reserve(b, len - i + 1);
				b->data[b->len++] = '\n';
			} else if (st->space) {
				news_buf_reserve(b, len - i + 1);
				b->data[b->len++] = ' ';
			}
			st->space = false;
			st->breaks = 0;
			memcpy(b->data + b->len, s + i, j - i);
			b->len += j - i;
			i = j - 1;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		if (is_ws(c)) {
			if (c == '\n' && st->pre_depth) {
				/* a <pre> keeps its lines, in one block */
				if (b->len)
					st->breaks = 1;
				continue;
			}
			if (b->len)
				st->space = true;
			continue;
		}
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
			/* no-break space */
			i++;
			if (b->len)
				st->space = true;
			continue;
		}
		if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBB &&
		    (unsigned char)s[i + 2] == 0xBF) {
			i += 2;         /* a byte order mark inside the text */
			continue;
		}
		if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x8B || (unsigned char)s[i + 2] == 0x8C ||
		    (unsigned char)s[i + 2] == 0x8D)) {
			/* zero-width space and joiners: layout hints */
			i += 2;
			continue;
		}
		if (st->breaks && b->len) {
			news_buf_reserve(b, len - i + 1);
			b->data[b->len++] = '\n';
			st->space = false;
		} else if (st->space) {
			news_buf_reserve(b, len - i + 1);
			b->data[b->len++] = ' ';
			st->space = false;
		}
		st->breaks = 0;
		b->data[b->len++] = (char)c;
	}
	if (st->link_depth)
		st->cur_link += b->len - before;
}

/* Text as libxml2 reports it: white space and a lone '<' as they are,
 * and each run of text as its mark (strip_html_text.c). */
static void
on_text(void *user, const xmlChar *xs, int n)
{
	html_state *st = user;
	const char *s = (const char *)xs, *end = s + n;
	while (s < end) {
		/* a mark is U+E000-U+EFFF: 0xEE, then 0x80-0xBF twice */
		const char *m = memchr(s, 0xEE, (size_t)(end - s));
		while (m && !(end - m >= 3 && ((unsigned char)m[1] & 0xC0) == 0x80))
			m = memchr(m + 1, 0xEE, (size_t)(end - m - 1));
		if (!m) {
			put_text(st, s, (size_t)(end - s));
			return;
		}
		if (m > s)
			put_text(st, s, (size_t)(m - s));
		int32_t cp = (((unsigned char)m[1] & 0x3F) << 6 | ((unsigned char)m[2] & 0x3F)) +
		    0xE000;
		const char *run;
		size_t rl;
		bool link;
		if (strip_texts_get(st->texts, &st->next_text, cp, &run, &rl, &link)) {
			/* a link's text whose <a> and </a> were dropped before
			 * parsing counts as inside it */
			st->link_depth += link;
			put_text(st, run, rl);
			st->link_depth -= link;
		}
		s = m + 3;
	}
}

/* Script content (JSON-LD): as it is. */
static void
on_cdata(void *user, const xmlChar *s, int n)
{
	put_text(user, (const char *)s, (size_t)n);
}

static void
quiet(void *user, const char *msg, ...)
{
}

/* The text of the page's first <h1> block, for the title. */
static const char *
first_h1(const html_state *st, size_t *len)
{
	if (!st->h1_block)
		return NULL;
	const strip_block *b = &st->page->blocks[st->h1_block - 1];
	*len = b->len;
	return st->page->text.data + b->off;
}

/* The page's JSON-LD scripts, read into st->meta. */
static void
parse_jsonld(html_state *st)
{
	for (size_t i = 0; i + sizeof(size_t) <= st->jsonld.len;) {
		size_t n;
		memcpy(&n, st->jsonld.data + i, sizeof n);
		i += sizeof n;
		strip_html_jsonld(&st->meta, st->jsonld.data + i, n);
		i += n;
	}
	news_buf_clear(&st->jsonld);
}

/* The length of the main content's text (STRIP_HINT_MAIN, not
 * boilerplate). */
static size_t
main_len(const strip_page *page)
{
	size_t n = 0;
	for (size_t i = 0; i < page->n; i++)
		if ((page->blocks[i].hints & STRIP_HINT_MAIN) &&
		    !(page->blocks[i].hints & STRIP_HINT_BOILER))
			n += page->blocks[i].len;
	return n;
}

/* A page whose article is filled in by scripts shows little of it in its
 * markup, but many such pages carry the whole text in JSON-LD's
 * articleBody.  When that is much longer than the main content found, its
 * paragraphs are the main content instead. */
static void
use_jsonld_body(strip_page *page, const strip_html_meta *m)
{
	if (!m->body || m->body_len < 1000 || memchr(m->body, '<', m->body_len))
		return;
	if (main_len(page) * 2 >= m->body_len)
		return;
	for (size_t i = 0; i < page->n; i++)
		page->blocks[i].hints &= ~(unsigned)STRIP_HINT_MAIN;
	/* paragraphs at line breaks, white space collapsed */
	news_buf para = {0};
	const char *s = m->body, *end = m->body + m->body_len;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		news_buf_clear(&para);
		bool space = false;
		for (const char *c = s; c < e; c++) {
			unsigned char ch = (unsigned char)*c;
			if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f') {
				space = para.len > 0;
				continue;
			}
			if (space)
				news_buf_addc(&para, ' ');
			space = false;
			news_buf_addc(&para, (char)ch);
		}
		if (para.len) {
			strip_block *b = strip_page_add(page, para.data, para.len, STRIP_P);
			b->hints |= STRIP_HINT_MAIN | STRIP_HINT_ARTICLE;
		}
		s = e + 1;
	}
	news_buf_free(&para);
}

int
strip_html_blocks(const char *html, size_t len, strip_page *page)
{
	return strip_html_blocks_cs(html, len, NULL, page);
}

bool
strip_looks_like_html(const char *p, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && is_ws((unsigned char)p[i]))
		i++;
	if (i >= len || p[i] != '<')
		return false;
	i++;
	if (i < len && (p[i] == '!' || p[i] == '?'))
		return true;    /* <!DOCTYPE html>, <!-- -->, <?xml ?> */
	char name[16];
	size_t n = 0;
	while (i < len && n < sizeof name - 1 &&
	    ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
	    (p[i] >= '0' && p[i] <= '9')))
		name[n++] = (char)(p[i++] | 0x20);
	name[n] = '\0';
	if (n == 0 || i >= len || !(is_ws((unsigned char)p[i]) || p[i] == '>' ||
	    p[i] == '/'))
		return false;
	return elem_search(name) != &unknown_elem;
}

/* The page as UTF-8 without what is never read (strip_html_elide.c), in
 * a buffer kept from page to page.  `unicode`: html is valid UTF-8
 * already (a JSON string), whatever it declares. */
static const news_buf *
prepare(const char *html, size_t len, const char *charset, bool unicode,
    strip_page *page, strip_texts *texts)
{
	static news_buf conv, elided;
	size_t bom = 0;
	bool valid = unicode;
	const char *cs = "UTF-8";
	if (unicode) {
		if (len >= 3 && memcmp(html, "\xEF\xBB\xBF", 3) == 0)
			bom = 3;
	} else {
		cs = strip_charset_detect(html, len, charset, &bom, &valid);
	}
	page->charset = cs;
	const char *src = html + bom;
	size_t src_len = len - bom;
	if (strcmp(cs, "UTF-8") != 0 || !valid) {
		news_buf_clear(&conv);
		page->replaced += strip_charset_to_utf8(src, src_len, cs, valid, &conv);
		src = conv.data ? conv.data : "";
		src_len = conv.len;
	}
	news_buf_clear(&elided);
	news_buf_reserve(&elided, STRIP_ELIDE_ROOM(src_len));
	strip_texts_clear(texts);
	elided.len = strip_html_elide(src, src_len, elided.data, texts);
	return &elided;
}

static int
parse(const char *html, size_t len, const char *charset, bool unicode,
    strip_page *page)
{
	static htmlSAXHandler sax;
	if (!sax.startElement) {
		sax.startElement = on_start;
		sax.endElement = on_end;
		sax.characters = on_text;
		sax.ignorableWhitespace = on_text;
		sax.cdataBlock = on_cdata;
		sax.error = quiet;
		sax.warning = quiet;
	}
	static strip_texts texts;
	html_state st = { .page = page, .texts = &texts };
	const news_buf *utf8 = prepare(html, len, charset, unicode, page, &texts);
	memset(elem_cache, 0, sizeof elem_cache);
	/* libxml2 takes an int size */
	int n = utf8->len > INT32_MAX ? INT32_MAX : (int)utf8->len;

	htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(&sax, &st, NULL, 0,
	    NULL, XML_CHAR_ENCODING_UTF8);
	if (!ctxt)
		news_die(3, "out of memory");
	htmlCtxtUseOptions(ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_RECOVER |
	    XML_PARSE_HUGE);
	htmlParseChunk(ctxt, utf8->data ? utf8->data : "", n, 1);
	htmlFreeParserCtxt(ctxt);
	flush(&st);

	/* the metadata (which marks the headline), then the main content */
	size_t h1_len = 0;
	const char *h1 = first_h1(&st, &h1_len);
	if (!st.meta.date[3] && st.time_any) {
		st.meta.date[3] = st.time_any;
		st.time_any = NULL;
	}
	/* JSON-LD's date and author count only when the <meta> tags gave
	 * none, and its articleBody only when it could be more than twice
	 * the main content (its text is no longer than the scripts) */
	if (strip_html_meta_wants_jsonld(&st.meta))
		parse_jsonld(&st);
	strip_html_meta_finish(&st.meta, page, h1, h1_len);
	strip_html_main(page, &st.nodes);
	if (st.jsonld.len > 2 * main_len(page))
		parse_jsonld(&st);
	use_jsonld_body(page, &st.meta);

	strip_html_meta_free(&st.meta);
	free(st.time_any);
	free(st.stack);
	free(st.nodes.v);
	free(st.nodes.block_node);
	news_buf_free(&st.cur);
	news_buf_free(&st.captured);
	news_buf_free(&st.author);
	news_buf_free(&st.jsonld);
	return 0;
}

int
strip_html_blocks_utf8(const char *html, size_t len, strip_page *page)
{
	return parse(html, len, NULL, true, page);
}

int
strip_html_blocks_cs(const char *html, size_t len, const char *charset,
    strip_page *page)
{
	return parse(html, len, charset, false, page);
}
