/* strip_html_meta.c: title, date, byline, url and language from markup.
 *
 * Sources, best first:
 *   title:  og:title, the first <h1>, <title>; a site name after or before
 *           a separator (" | ", " - ", " — ") is cut off
 *   date:   article:published_time and kin in <meta>; JSON-LD datePublished;
 *           itemprop=datePublished or <time pubdate>; the first <time>
 *   byline: author <meta>; JSON-LD author; the text of <a rel=author>
 *   url:    <link rel=canonical>, og:url
 *   lang:   <html lang>, og:locale
 * and JSON-LD's articleBody, for pages that fill their article in with
 * scripts (strip_html.c). */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "news_err.h"
#include "strip_html_int.h"

static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

void
strip_html_meta_set(char **slot, const char *s, size_t len)
{
	if (*slot || !s)
		return;
	/* trim, and collapse inner white space */
	char *out = news_xmalloc(len + 1);
	size_t o = 0;
	bool space = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_space(c) || c == 0) {
			space = o > 0;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = false;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	if (o == 0) {
		free(out);
		return;
	}
	*slot = out;
}

void
strip_html_meta_free(strip_html_meta *m)
{
	free(m->og_title);
	free(m->title);
	free(m->site_name);
	for (size_t i = 0; i < 4; i++)
		free(m->date[i]);
	for (size_t i = 0; i < 3; i++)
		free(m->author[i]);
	free(m->canonical);
	free(m->og_url);
	free(m->lang);
	free(m->body);
	memset(m, 0, sizeof *m);
}

static const char *
attr(const char **attrs, const char *name)
{
	if (!attrs)
		return NULL;
	for (size_t i = 0; attrs[i]; i += 2)
		if (strcasecmp(attrs[i], name) == 0)
			return attrs[i + 1];
	return NULL;
}

static bool
is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
	    s[0] == '/';
}

static bool
key_in(const char *key, const char *const *list)
{
	/* the first letters first: a <meta> name is looked up in some forty */
	int k0 = tolower((unsigned char)key[0]);
	for (; *list; list++)
		if (tolower((unsigned char)(*list)[0]) == k0 &&
		    strcasecmp(key, *list) == 0)
			return true;
	return false;
}

/* The <meta> names read, besides og:title, og:site_name, og:url and
 * og:locale. */
static const char *const dates[] = {"article:published_time",
    "og:article:published_time", "og:published_time", "datePublished",
    "pubdate", "publishdate", "publish-date", "publish_date",
    "article.published", "article_date_original", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date",
    "parsely-pub-date", "originalpublicationdate", "cxenseparse:recs:publishtime",
    "pub_date", "release_date", NULL};
static const char *const authors[] = {"author", "article:author",
    "byl", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "citation_author", NULL};

bool
strip_html_meta_key_wanted(const char *key, size_t len)
{
	static const char *const og[] = {"og:title", "og:site_name", "og:url",
	    "og:locale", NULL};
	char k[64];
	if (len == 0 || len >= sizeof k)
		return false;
	memcpy(k, key, len);
	k[len] = '\0';
	return key_in(k, og) || key_in(k, dates) || key_in(k, authors);
}

void
strip_html_meta_tag(strip_html_meta *m, const char **attrs)
{
	const char *key = attr(attrs, "property");
	if (!key)
		key = attr(attrs, "name");
	if (!key)
		key = attr(attrs, "itemprop");
	const char *v = attr(attrs, "content");
	if (!key || !v)
		return;
	size_t vl = strlen(v);
	if (strcasecmp(key, "og:title") == 0)
		strip_html_meta_set(&m->og_title, v, vl);
	else if (strcasecmp(key, "og:site_name") == 0)
		strip_html_meta_set(&m->site_name, v, vl);
	else if (strcasecmp(key, "og:url") == 0)
		strip_html_meta_set(&m->og_url, v, vl);
	else if (strcasecmp(key, "og:locale") == 0 && !m->lang)
		strip_html_meta_set(&m->lang, v, vl);
	else if (key_in(key, dates))
		strip_html_meta_set(&m->date[0], v, vl);
	else if (key_in(key, authors) && !is_url(v)) {
		/* "By Jane Doe" in a byl meta */
		if (strncasecmp(v, "by ", 3) == 0) {
			v += 3;
			vl -= 3;
		}
		strip_html_meta_set(&m->author[0], v, vl);
	}
}

void
strip_html_link_tag(strip_html_meta *m, const char **attrs)
{
	const char *rel = attr(attrs, "rel");
	const char *href = attr(attrs, "href");
	if (rel && href && strcasecmp(rel, "canonical") == 0)
		strip_html_meta_set(&m->canonical, href, strlen(href));
}

/* --- JSON-LD --- */

static bool
is_article_type(json_t *type)
{
	static const char *const types[] = {"NewsArticle", "Article",
	    "BlogPosting", "ReportageNews", "AnalysisNewsArticle",
	    "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
	    "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle",
	    "WebPage", "SocialMediaPosting", "Blog", NULL};
	if (json_is_array(type)) {
		size_t i;
		json_t *t;
		json_array_foreach(type, i, t)
			if (is_article_type(t))
				return true;
		return false;
	}
	return json_is_string(type) && key_in(json_string_value(type), types);
}

static void
author_name(strip_html_meta *m, json_t *a)
{
	if (json_is_array(a))
		a = json_array_get(a, 0);
	if (json_is_object(a))
		a = json_object_get(a, "name");
	if (json_is_string(a) && !is_url(json_string_value(a)))
		strip_html_meta_set(&m->author[1], json_string_value(a),
		    json_string_length(a));
}

static void
walk_jsonld(strip_html_meta *m, json_t *v, int depth)
{
	if (depth > 8)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
			walk_jsonld(m, e, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	json_t *graph = json_object_get(v, "@graph");
	if (graph)
		walk_jsonld(m, graph, depth + 1);
	if (!is_article_type(json_object_get(v, "@type")))
		return;
	json_t *d = json_object_get(v, "datePublished");
	if (!json_is_string(d))
		d = json_object_get(v, "dateCreated");
	if (json_is_string(d))
		strip_html_meta_set(&m->date[1], json_string_value(d),
		    json_string_length(d));
	author_name(m, json_object_get(v, "author"));
	json_t *body = json_object_get(v, "articleBody");
	if (json_is_string(body) && json_string_length(body) > m->body_len) {
		free(m->body);
		m->body_len = json_string_length(body);
		m->body = news_xstrndup(json_string_value(body), m->body_len);
	}
}

void
strip_html_jsonld(strip_html_meta *m, const char *json, size_t len)
{
	json_t *v = json_loadb(json, len, JSON_DECODE_ANY, NULL);
	if (!v)
		return;
	walk_jsonld(m, v, 0);
	json_decref(v);
}

bool
strip_html_meta_wants_jsonld(const strip_html_meta *m)
{
	static const char *const nobody[] = { "unknown", "admin", "administrator",
	    "anonymous", NULL };
	return !m->date[0] || !m->author[0] || key_in(m->author[0], nobody);
}

/* --- the title --- */

/* Lower-cased letters and digits only, for comparing names. */
static size_t
squash(const char *s, size_t len, char *out, size_t outsz)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 1 < outsz; i++)
		if (isalnum((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80))
			out[o++] = (char)tolower((unsigned char)s[i]);
	out[o] = '\0';
	return o;
}

static bool
same_name(const char *a, size_t al, const char *b, size_t bl)
{
	char x[256], y[256];
	size_t xl = squash(a, al, x, sizeof x), yl = squash(b, bl, y, sizeof y);
	if (xl == 0 || yl == 0)
		return false;
	return strcmp(x, y) == 0 || (xl >= 4 && strstr(y, x)) ||
	    (yl >= 4 && strstr(x, y));
}

static size_t
count_words(const char *s, size_t len)
{
	size_t n = 0;
	bool in = false;
	for (size_t i = 0; i < len; i++) {
		bool sp = s[i] == ' ';
		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

/* Cut a site name off a title: "Story headline | Site" or "Site: Story".
 * The part cut must name the site (og:site_name, or the canonical URL's
 * host), or be much shorter than the rest. */
static void
clean_title(char *t, const char *site, const char *url)
{
	static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ",
	    " · ", " • ", " « ", " » ", " : ", " ~ ", NULL};
	size_t len = strlen(t);
	char host[128] = "";
	if (url) {
		const char *h = strstr(url, "://");
		h = h ? h + 3 : url;
		if (strncmp(h, "www.", 4) == 0)
			h += 4;
		size_t hl = strcspn(h, "/:?#");
		const char *dot = memchr(h, '.', hl);
		if (dot)
			hl = (size_t)(dot - h);  /* "nytimes" of nytimes.com */
		if (hl < sizeof host) {
			memcpy(host, h, hl);
			host[hl] = '\0';
		}
	}
	for (const char *const *sep = seps; *sep; sep++) {
		size_t sl = strlen(*sep);
		/* suffix: the last separator */
		char *last = NULL;
		for (char *p = strstr(t, *sep); p; p = strstr(p + 1, *sep))
			last = p;
		if (last) {
			const char *tail = last + sl;
			size_t tl = strlen(tail), hl = (size_t)(last - t);
			bool named = (site && same_name(tail, tl, site, strlen(site))) ||
			    (host[0] && same_name(tail, tl, host, strlen(host)));
			if (named || (count_words(tail, tl) <= 4 &&
			    count_words(t, hl) >= 3 * count_words(tail, tl) &&
			    count_words(t, hl) >= 4)) {
				*last = '\0';
				len = hl;
				continue;
			}
		}
		/* prefix: "Site | Headline" */
		char *first = strstr(t, *sep);
		if (first) {
			size_t hl = (size_t)(first - t);
			bool named = (site && same_name(t, hl, site, strlen(site))) ||
			    (host[0] && same_name(t, hl, host, strlen(host)));
			if (named) {
				memmove(t, first + sl, len - hl - sl + 1);
				len -= hl + sl;
			}
		}
	}
}

static bool
plausible_title(const char *s, size_t len)
{
	return len >= 4 && len <= 400 && count_words(s, len) >= 1;
}

void
strip_html_meta_finish(strip_html_meta *m, strip_page *page,
    const char *h1, size_t h1_len)
{
	const char *url = m->canonical ? m->canonical : m->og_url;
	char *title = NULL;
	if (m->og_title) {
		title = news_xstrdup(m->og_title);
		clean_title(title, m->site_name, url);
	}
	if ((!title || !*title) && h1 && plausible_title(h1, h1_len)) {
		free(title);
		title = news_xstrndup(h1, h1_len);
	}
	if ((!title || !*title) && m->title) {
		free(title);
		title = news_xstrdup(m->title);
		clean_title(title, m->site_name, url);
	}
	if (title && !*title) {
		free(title);
		title = NULL;
	}
	/* the headline element is not body text: mark it */
	if (title) {
		for (size_t i = 0; i < page->n; i++) {
			strip_block *b = &page->blocks[i];
			if (b->tag < STRIP_H1 || b->tag > STRIP_H3)
				continue;
			const char *s = page->text.data + b->off;
			char x[256], y[256];
			squash(s, b->len, x, sizeof x);
			squash(title, strlen(title), y, sizeof y);
			if ((x[0] && strcmp(x, y) == 0) || (h1 && s == h1))
				b->hints |= STRIP_HINT_TITLE;
		}
	}
	if (!page->meta_title)
		page->meta_title = title;
	else
		free(title);
	for (size_t i = 0; i < 4 && !page->meta_date; i++)
		if (m->date[i])
			page->meta_date = news_xstrdup(m->date[i]);
	/* blog platforms' placeholders name no one (as in
	 * strip_html_meta_wants_jsonld()) */
	static const char *const nobody[] = { "unknown", "admin", "administrator",
	    "anonymous", NULL };
	for (size_t i = 0; i < 3 && !page->meta_byline; i++)
		if (m->author[i] && !key_in(m->author[i], nobody))
			page->meta_byline = news_xstrdup(m->author[i]);
	if (!page->meta_url && url)
		page->meta_url = news_xstrdup(url);
	if (!page->meta_lang && m->lang)
		page->meta_lang = news_xstrdup(m->lang);
}
