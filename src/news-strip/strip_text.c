/* strip_text.c: a plain-text page split into blocks.
 *
 * Text dumps of news pages come in two layouts: one paragraph per line
 * (browsers' innerText, crawlers' text, copy and paste), with or without
 * blank lines between, and hard-wrapped paragraphs (lynx -dump, e-mail,
 * wire feeds) where a paragraph spans several lines of about the same
 * width.  The page's layout is found from its own lines: when most long
 * lines end near one width and lines often run on to the next, lines are
 * joined into paragraphs; otherwise every non-blank line is a block. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "news_utf8.h"
#include "strip.h"

typedef struct text_line {
	size_t start, end;      /* the content, white space trimmed */
	unsigned indent;        /* leading columns (a tab counts 4) */
	unsigned width;         /* code points of the content */
} text_line;

/* The length of a white space character at s (ASCII blanks, no-break and
 * typographic spaces, the ideographic space), else 0. */
static size_t
space_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*u == ' ' || *u == '\t' || *u == '\r' || *u == '\f' || *u == '\v')
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] <= 0x8A || u[2] == 0xAF))
		return 3;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F)
		return 3;
	if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

/* Characters that are dropped: zero width space, BOM, soft hyphen. */
static size_t
invisible_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B)
		return 3;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		return 3;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0xAD)
		return 2;
	return 0;
}

static void
scan_line(const char *text, size_t start, size_t end, text_line *l)
{
	unsigned indent = 0;
	size_t k;

	while (start < end && (k = space_at(text + start, end - start))) {
		indent += text[start] == '\t' ? 4 : 1;
		start += k;
	}
	/* trim the end: step back over trailing spaces */
	size_t e = end;
	for (;;) {
		size_t p = e;
		if (p > start && (text[p - 1] == ' ' || text[p - 1] == '\t' ||
		    text[p - 1] == '\r' || text[p - 1] == '\f' || text[p - 1] == '\v'))
			p--;
		else if (p >= start + 2 && space_at(text + p - 2, 2) == 2)
			p -= 2;
		else if (p >= start + 3 && space_at(text + p - 3, 3) == 3)
			p -= 3;
		if (p == e)
			break;
		e = p;
	}
	l->start = start;
	l->end = e;
	l->indent = indent;
	l->width = (unsigned)(news_utf8_count(text + start, e - start) & 0xFFFFFFFu);
}

/* A list marker at the start of a line: a bullet, or "1." / "1)" / "(a)",
 * followed by a space.  Returns its length, or 0. */
static size_t
list_marker(const char *s, size_t n)
{
	static const char *const bullets[] = {
		"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\xA3", "\xE2\x97\xA6",
		"\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x96\xBA", "\xE2\x96\xB6",
		"\xE2\x97\x8F", "\xE2\x80\x93", "-", "*", "+", ">", NULL,
	};
	for (int i = 0; bullets[i]; i++) {
		size_t k = strlen(bullets[i]);
		if (n > k && memcmp(s, bullets[i], k) == 0 &&
		    (s[k] == ' ' || s[k] == '\t' || (unsigned char)s[k] == 0xC2))
			return k;
		/* a bullet alone on its line ("•") is a marker too */
		if (n == k && memcmp(s, bullets[i], k) == 0 && i < 10)
			return k;
	}
	size_t i = 0;
	if (i < n && s[i] == '(')
		i++;
	size_t d = i;
	while (i < n && i - d < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == d && i < n && s[i] >= 'a' && s[i] <= 'z' && s[0] == '(')
		i++;
	if (i > d && i < n && (s[i] == '.' || s[i] == ')') && (i + 1 == n ||
	    s[i + 1] == ' '))
		return i + 1;
	return 0;
}

/* Whether line a visibly runs on into line b in a hard-wrapped page. */
static bool
runs_on(const char *text, const text_line *a, const text_line *b,
    unsigned wrap)
{
	if (a->width + 20 < wrap || a->width > wrap + 2)
		return false;
	if (list_marker(text + b->start, b->end - b->start))
		return false;
	if (b->indent > a->indent + 1)
		return false;
	return true;
}

/* Decide whether the page is hard-wrapped, and at which width: most lines
 * of 40 or more columns end within 20 columns of the widest typical line,
 * which is at most 100 columns, and many of them go on in the next line
 * with a lower-case letter or without a final stop. */
static unsigned
wrap_width(const char *text, const text_line *lines, size_t n)
{
	unsigned hist[102] = { 0 };
	size_t longish = 0, over = 0;

	for (size_t i = 0; i < n; i++) {
		if (lines[i].width < 40)
			continue;
		longish++;
		if (lines[i].width > 100)
			over++;
		else
			hist[lines[i].width]++;
	}
	if (longish < 4 || over * 10 > longish)
		return 0;
	/* the 90th percentile of the long lines' widths */
	size_t seen = 0;
	unsigned p90 = 100;
	for (unsigned w = 40; w <= 100; w++) {
		seen += hist[w];
		if (seen * 10 >= longish * 9) {
			p90 = w;
			break;
		}
	}
	size_t near = 0;
	for (unsigned w = p90 > 20 ? p90 - 20 : 0; w <= p90 + 2 && w <= 100; w++)
		near += hist[w];
	if (near * 10 < longish * 6)
		return 0;
	/* continuation evidence: a near-full line followed by a non-blank line
	 * that does not start a new sentence */
	size_t cont = 0, pairs = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		const text_line *a = &lines[i], *b = &lines[i + 1];
		if (a->width + 20 < p90 || a->width == 0 || b->width == 0)
			continue;
		pairs++;
		unsigned char last = (unsigned char)text[a->end - 1];
		unsigned char first = (unsigned char)text[b->start];
		if ((first >= 'a' && first <= 'z') || (last != '.' && last != '!' &&
		    last != '?' && last != ':' && last != '"'))
			cont++;
	}
	if (pairs < 3 || cont * 2 < pairs)
		return 0;
	return p90;
}

/* Append s with white space collapsed to single spaces and invisible
 * characters dropped; no space at either end. */
static void
add_collapsed(news_buf *out, const char *s, size_t n, bool *pending_space)
{
	size_t i = 0;

	while (i < n) {
		size_t k = space_at(s + i, n - i);
		if (k) {
			*pending_space = true;
			i += k;
			continue;
		}
		if ((k = invisible_at(s + i, n - i))) {
			i += k;
			continue;
		}
		if (*pending_space && out->len)
			news_buf_addc(out, ' ');
		*pending_space = false;
		/* copy up to the next byte that could start a space */
		size_t j = i + 1;
		while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\r' &&
		    (unsigned char)s[j] != 0xC2 && (unsigned char)s[j] != 0xE2 &&
		    (unsigned char)s[j] != 0xE3 && (unsigned char)s[j] != 0xEF &&
		    s[j] != '\f' && s[j] != '\v')
			j++;
		news_buf_add(out, s + i, j - i);
		i = j;
	}
}

void
strip_text_blocks(const char *text, size_t len, strip_page *page)
{
	text_line *lines = NULL;
	size_t n = 0, cap = 0;

	/* 1. lines (\n, \r\n, or a lone \r) */
	for (size_t p = 0; p < len;) {
		size_t e = p;
		while (e < len && text[e] != '\n' && text[e] != '\r')
			e++;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			lines = news_xrealloc(lines, cap * sizeof *lines);
		}
		scan_line(text, p, e, &lines[n++]);
		if (e < len && text[e] == '\r' && e + 1 < len && text[e + 1] == '\n')
			e++;
		p = e + 1;
	}

	/* 2. the indentation of body lines: the most common indent of long lines */
	unsigned indent_count[9] = { 0 };
	for (size_t i = 0; i < n; i++)
		if (lines[i].width >= 60)
			indent_count[lines[i].indent < 8 ? lines[i].indent : 8]++;
	unsigned body_indent = 0;
	for (unsigned k = 1; k < 9; k++)
		if (indent_count[k] > indent_count[body_indent])
			body_indent = k;

	/* 3. blocks: one per line, or runs of wrapped lines joined */
	unsigned wrap = wrap_width(text, lines, n);
	news_buf para = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (lines[i].width == 0)
			continue;
		size_t first = i;
		bool pending = false;
		news_buf_clear(&para);
		add_collapsed(&para, text + lines[i].start,
		    lines[i].end - lines[i].start, &pending);
		while (wrap && i + 1 < n && lines[i + 1].width &&
		    runs_on(text, &lines[i], &lines[i + 1], wrap)) {
			i++;
			pending = true;
			/* a word hyphenated across the break ("inter-\nnational")
			 * keeps its hyphen: it may be a real compound */
			add_collapsed(&para, text + lines[i].start,
			    lines[i].end - lines[i].start, &pending);
		}
		if (!para.len)
			continue;
		strip_block *b = strip_page_add(page, para.data, para.len, STRIP_LINE);
		if (first == 0 || lines[first - 1].width == 0)
			b->hints |= STRIP_HINT_BLANK_BEFORE;
		if (i + 1 >= n || lines[i + 1].width == 0)
			b->hints |= STRIP_HINT_BLANK_AFTER;
		if (list_marker(text + lines[first].start,
		    lines[first].end - lines[first].start))
			b->hints |= STRIP_HINT_LIST_ITEM;
		if (lines[first].indent > body_indent + 1)
			b->hints |= STRIP_HINT_INDENTED;
	}
	news_buf_free(&para);
	free(lines);
}
