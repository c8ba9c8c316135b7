/* strip_meta.c: title, publication date and byline of a classified page.
 *
 * Title: the headline element the markup marked, else the markup's title,
 * else the best headline-shaped block above the article (the "top zone",
 * after any teaser section): several words, title case or function words,
 * standing alone, not a menu, date, byline or site name.  A page whose
 * text starts with its first paragraph has no title.
 *
 * Date: the markup's date, else a date line between the title and the
 * article ("All News 21:19 January 20, 2022", "23.02.2024 23:27"), a line
 * labelled "Published"/"Updated", or the dateline of the first paragraph
 * ("SEOUL, Jan. 20 (Yonhap) --"), whose year comes from the page's other
 * dates or the caller.  Dates above the title (a site header's clock) do
 * not count unless labelled.
 *
 * Byline: "By ...", "Reporting by ...", in the top zone or just after the
 * article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "news_utf8.h"
#include "strip_dict.h"

static const char *
btext(const strip_page *p, size_t i)
{
	return p->text.data + p->blocks[i].off;
}

/* Score a title candidate; below 2 it is not a title. */
static int
title_score(const strip_page *page, size_t i, const strip_dicts *d,
    uint64_t lang_mask, strip_words *ws)
{
	const strip_block *b = &page->blocks[i];
	const char *s = btext(page, i);

	if (b->feat & (STRIP_FEAT_WIDGET | STRIP_FEAT_SECTION | STRIP_FEAT_DATE |
	    STRIP_FEAT_RELTIME | STRIP_FEAT_BYLINE | STRIP_FEAT_CONTACT |
	    STRIP_FEAT_NUMERIC | STRIP_FEAT_NAV | STRIP_FEAT_CAPTION |
	    STRIP_FEAT_LINKS | STRIP_FEAT_LIST))
		return -10;
	if (b->hints & STRIP_HINT_BOILER)
		return -10;
	/* over 1,000 bytes is over 250 characters (below): not scanned, which
	 * would cost ten times the text for a huge block */
	if (b->len > 4 * 250)
		return -10;
	strip_words_scan(s, b->len, ws);
	size_t chars = news_utf8_count(s, b->len);
	if (ws->cjk ? chars < 6 : ws->n < 3)
		return -10;
	if (chars > 250 || chars < 10 || b->len == 0 || s[b->len - 1] == ':')
		return -10;
	int score = 0;
	if (b->tag == STRIP_H1)
		score += 3;
	else if (b->tag == STRIP_H2)
		score += 1;
	if (b->feat & STRIP_FEAT_HEADLINE)
		score += 1;
	if ((b->hints & STRIP_HINT_BLANK_BEFORE) && (b->hints & STRIP_HINT_BLANK_AFTER))
		score += 1;
	if (ws->n >= 5 || (ws->cjk && chars >= 12))
		score += 1;
	size_t stops = 0, caps_seen = 0;
	for (size_t k = 0; k < ws->n; k++) {
		uint64_t m = strip_dicts_stop(d, ws->w[k].h);
		stops += lang_mask ? (m & lang_mask) != 0 : m != 0;
		caps_seen += ws->w[k].cap;
	}
	if (stops)
		score += 1;
	if (b->feat & STRIP_FEAT_SENTENCE)
		score -= 2;
	if (chars > 160)
		score -= 1;
	/* a site name: a domain in it */
	for (size_t k = 0; k + 1 < b->len; k++)
		if (s[k] == '.' && (s[k + 1] | 0x20) >= 'a' && (s[k + 1] | 0x20) <= 'z' &&
		    k > 0 && s[k - 1] != ' ' && s[k - 1] != '.' &&
		    (k + 4 >= b->len || s[k + 2] != '.')) {
			/* "Haberler.Com", "example.co.uk", but not "U.S." */
			size_t e = k + 1;
			while (e < b->len && s[e] != ' ' && s[e] != '.')
				e++;
			if (e - k - 1 >= 2 && (e == b->len || s[e] == ' ' || s[e] == '.'))
				score -= 2;
			break;
		}
	/* the same word twice in a row: "News News", a list of sections */
	for (size_t k = 1; k < ws->n; k++)
		if (ws->w[k].h == ws->w[k - 1].h && !ws->cjk) {
			score -= 1;
			break;
		}
	if (b->feat & STRIP_FEAT_REPEATED)
		score -= 1;
	(void)caps_seen;
	return score;
}

static char *
trimmed_copy(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '-' || s[n - 1] == '|' ||
	    s[n - 1] == ',' || s[n - 1] == '*'))
		n--;
	while (n && (*s == ' ' || *s == '*' || *s == '.' || *s == ':' || *s == '-' ||
	    *s == '|')) {
		s++;
		n--;
	}
	return n ? news_xstrndup(s, n) : NULL;
}

/* The name in a byline block: what follows the byline phrase, up to a
 * separator. */
static char *
byline_name(const strip_page *page, size_t i, const strip_dicts *d,
    strip_words *ws)
{
	const strip_block *b = &page->blocks[i];
	const char *s = btext(page, i);
	size_t ends[STRIP_PH_KINDS];

	strip_words_scan(s, b->len, ws);
	strip_dicts_prefix(d, ws->w, ws->n, ends);
	size_t e = ends[STRIP_PH_BYLINE];
	if (e > ws->n)
		return NULL;
	size_t from;
	if (!e) {
		/* a byline phrase further in: "Posted on 14 June 2021 by X" */
		for (size_t k = 1; k + 1 < ws->n && !e; k++) {
			strip_dicts_prefix(d, ws->w + k, ws->n - k, ends);
			if (ends[STRIP_PH_BYLINE] && k + ends[STRIP_PH_BYLINE] < ws->n)
				e = k + ends[STRIP_PH_BYLINE];
		}
		if (!e)
			return NULL;
	}
	if (e == ws->n) {
		/* "... 기자": the name comes first */
		from = 0;
		size_t to = ws->w[ws->n - 1].off;
		return trimmed_copy(s, to);
	}
	from = ws->w[e - 1].off + ws->w[e - 1].len;
	size_t to = b->len;
	for (size_t k = from; k < b->len; k++)
		if (s[k] == ';' || s[k] == '|' || (s[k] == ' ' && k + 2 < b->len &&
		    (s[k + 1] == '-' || s[k + 1] == '|') && s[k + 2] == ' ')) {
			to = k;
			break;
		}
	return trimmed_copy(s + from, to - from);
}

static bool
in_region(const strip_block *b)
{
	return b->keep;
}

/* Complete a month and day with the year of a later full date on the page
 * (a header's clock) or the caller's hint: the latest such day not after it. */
static int
year_for(int month, int day, const strip_date *ref, int year_hint)
{
	if (ref && ref->year) {
		int y = ref->year;
		if (month > ref->month || (month == ref->month && day > ref->day))
			y--;
		return y;
	}
	return year_hint;
}

void
strip_meta_find(strip_page *page, const strip_config *cfg, const char *lang,
    int year_hint, strip_meta *out)
{
	const strip_dicts *d = cfg->dicts;
	uint64_t lang_mask = strip_dicts_lang(d, lang);
	bool dmy = !(lang && strcmp(lang, "en") == 0);
	static strip_words ws;
	size_t n = page->n;

	memset(out, 0, sizeof *out);
	/* the article: first and last kept blocks */
	size_t first = n, last = 0;
	for (size_t i = 0; i < n; i++)
		if (in_region(&page->blocks[i])) {
			if (first == n)
				first = i;
			last = i + 1;
		}
	/* the top zone starts after the last section heading above the article */
	size_t zone = 0;
	for (size_t i = 0; i < first && i < n; i++)
		if (page->blocks[i].feat & STRIP_FEAT_SECTION)
			zone = i + 1;

	/* --- title --- */
	size_t title = n;
	for (size_t i = 0; i < n && title == n; i++)
		if (page->blocks[i].hints & STRIP_HINT_TITLE)
			title = i;
	if (title == n && page->meta_title && *page->meta_title) {
		out->title = news_xstrdup(page->meta_title);
		/* the block repeating it, if any, is not article text */
		size_t tl = strlen(page->meta_title);
		for (size_t i = 0; i < n && title == n; i++)
			if (page->blocks[i].len == tl &&
			    memcmp(btext(page, i), page->meta_title, tl) == 0)
				title = i;
	}
	if (title == n && !out->title && first < n) {
		int best = 1;
		/* the zone, and the article's first block when it is no sentence:
		 * a headline the classifier took for the article's first line */
		size_t end = first;
		if (first < n && !(page->blocks[first].feat & STRIP_FEAT_SENTENCE))
			end = first + 1;
		for (size_t i = zone; i < end && i < n; i++) {
			int sc = title_score(page, i, d, lang_mask, &ws);
			if (sc > best) {
				best = sc;
				title = i;
			}
		}
	}
	if (title < n) {
		strip_block *b = &page->blocks[title];
		if (!out->title)
			out->title = trimmed_copy(btext(page, title), b->len);
		b->cls = STRIP_CLS_TITLE;
		b->keep = false;
		if (first == title)
			while (first < n && !page->blocks[first].keep)
				first++;
	}

	/* --- date --- */
	strip_date dt = { 0 };
	bool have = false;
	if (page->meta_date && *page->meta_date)
		have = strip_date_scan(d, page->meta_date, strlen(page->meta_date), dmy,
		    false, &dt);
	/* a full date anywhere near the top, for datelines without a year */
	strip_date ref = { 0 };
	bool have_ref = false;
	size_t from = title < n ? title + 1 : (first > 4 ? first - 4 : 0);
	if (from < zone)
		from = zone;
	size_t to = first < n ? first + 1 : n;
	for (size_t i = from; !have && i < to && i < n; i++) {
		strip_block *b = &page->blocks[i];
		if (b->keep && !(b->feat & STRIP_FEAT_DATE))
			continue;
		if (!(b->feat & STRIP_FEAT_DATE) && b->len > 200)
			continue;
		if (strip_date_scan(d, btext(page, i), b->len, dmy, false, &dt)) {
			have = true;
			if (b->feat & STRIP_FEAT_DATE) {
				b->cls = STRIP_CLS_META;
				b->keep = false;
			}
		}
	}
	/* a labelled date line anywhere ("Published: ...") */
	for (size_t i = 0; !have && i < n; i++) {
		strip_block *b = &page->blocks[i];
		if (!(b->feat & STRIP_FEAT_DATE) || b->len > 200)
			continue;
		strip_words_scan(btext(page, i), b->len, &ws);
		size_t ends[STRIP_PH_KINDS];
		if (!(strip_dicts_prefix(d, ws.w, ws.n, ends) & (1u << STRIP_PH_DATELABEL)))
			continue;
		if (strip_date_scan(d, btext(page, i), b->len, dmy, false, &dt)) {
			have = true;
			b->cls = STRIP_CLS_META;
			b->keep = false;
		}
	}
	/* the first paragraph's dateline */
	if (!have && first < n) {
		size_t len = page->blocks[first].len < 100 ? page->blocks[first].len : 100;
		strip_date dl;
		if (strip_date_scan(d, btext(page, first), len, dmy, true, &dl) &&
		    dl.start < 60) {
			for (size_t i = 0; i < first && !have_ref; i++)
				if (page->blocks[i].feat & STRIP_FEAT_DATE)
					have_ref = strip_date_scan(d, btext(page, i),
					    page->blocks[i].len, dmy, false, &ref);
			if (!dl.year)
				dl.year = year_for(dl.month, dl.day, have_ref ? &ref : NULL,
				    year_hint);
			if (dl.year) {
				dt = dl;
				have = true;
			}
		}
	}
	if (have)
		snprintf(out->date, sizeof out->date, "%04d-%02d-%02d", dt.year,
		    dt.month, dt.day);

	/* --- byline --- */
	if (page->meta_byline && *page->meta_byline)
		out->byline = news_xstrdup(page->meta_byline);
	size_t stop = last + 4 < n ? last + 4 : n;
	for (size_t i = zone; i < stop; i++) {
		strip_block *b = &page->blocks[i];
		if (!(b->feat & STRIP_FEAT_BYLINE))
			continue;
		if (!out->byline)
			out->byline = byline_name(page, i, d, &ws);
		b->cls = STRIP_CLS_META;
		b->keep = false;
		if (out->byline)
			break;
	}
	/* else one inside a date line above the article */
	for (size_t i = zone; !out->byline && i < first && i < n; i++) {
		strip_block *b = &page->blocks[i];
		if (b->feat & STRIP_FEAT_DATE)
			out->byline = byline_name(page, i, d, &ws);
	}
}

void
strip_meta_free(strip_meta *m)
{
	free(m->title);
	free(m->byline);
	m->title = m->byline = NULL;
}
