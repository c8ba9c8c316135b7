/* strip_date.c: reading calendar dates in the forms news pages print.
 *
 *   2022-01-20, 2022/01/20, 2022.01.20, 2022-01-20T21:19:00+09:00
 *   20.01.2022, 20/01/2022, 01/20/2022 (day and month told apart by their
 *   values, else by the page's convention), 20-01-2022
 *   January 20, 2022; Jan. 20 2022; 20 January 2022; 20. Januar 2022;
 *   20 de enero de 2022 (month names from the [months] dictionary)
 *   2022년 1월 20일, 2022年1月20日
 *
 * Month and day without a year ("SEOUL, Jan. 20 (Yonhap)") are read when
 * the caller asks, for datelines. */
#include <stdio.h>
#include <string.h>

#include "strip_dict.h"

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
valid_ymd(int y, int m, int d)
{
	static const int days[13] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y && (y < 1900 || y > 2100))
		return false;
	if (m < 1 || m > 12 || d < 1 || d > days[m])
		return false;
	if (y && m == 2 && d == 29 && !((y % 4 == 0 && y % 100) || y % 400 == 0))
		return false;
	return true;
}

/* A run of digits at s[i]: its value and length (at most 4 digits, not
 * part of a longer number). */
static int
number_at(const char *s, size_t len, size_t i, size_t *n)
{
	size_t j = i;
	int v = 0;

	if (i > 0 && is_digit(s[i - 1]))
		return -1;
	while (j < len && is_digit(s[j]) && j - i < 5) {
		v = v * 10 + (s[j] - '0');
		j++;
	}
	*n = j - i;
	if (*n == 0 || *n > 4)
		return -1;
	return v;
}

/* The numeric forms, with the same separator twice. */
static bool
numeric_date(const char *s, size_t len, size_t i, bool dmy, strip_date *out)
{
	size_t n1, n2, n3;
	int a = number_at(s, len, i, &n1);
	if (a < 0 || i + n1 >= len)
		return false;
	char sep = s[i + n1];
	if (sep != '-' && sep != '/' && sep != '.')
		return false;
	size_t j = i + n1 + 1;
	int b = j < len ? number_at(s, len, j, &n2) : -1;
	if (b < 0 || n2 > 2 || j + n2 >= len || s[j + n2] != sep)
		return false;
	size_t k = j + n2 + 1;
	int c = k < len ? number_at(s, len, k, &n3) : -1;
	if (c < 0)
		return false;
	size_t end = k + n3;
	if (end < len && (is_digit(s[end]) || (s[end] == sep && end + 1 < len &&
	    is_digit(s[end + 1]))))
		return false;   /* a version number or an IP address */
	int y, m, d;
	if (n1 == 4 && n3 <= 2) {
		y = a; m = b; d = c;
	} else if (n3 == 4 && n1 <= 2) {
		y = c;
		if (a > 12)
			dmy = true;
		else if (b > 12)
			dmy = false;
		else if (sep != '/')
			dmy = true;
		m = dmy ? b : a;
		d = dmy ? a : b;
	} else
		return false;
	if (!valid_ymd(y, m, d))
		return false;
	out->year = y; out->month = m; out->day = d;
	out->start = i; out->end = end;
	return true;
}

/* CJK "2022年1月20日" / "2022년 1월 20일". */
static bool
cjk_date(const char *s, size_t len, size_t i, strip_date *out)
{
	static const char *const marks[2][3] = {
		{ "\xE5\xB9\xB4", "\xE6\x9C\x88", "\xE6\x97\xA5" },    /* 年 月 日 */
		{ "\xEB\x85\x84", "\xEC\x9B\x94", "\xEC\x9D\xBC" },    /* 년 월 일 */
	};
	int v[3];
	size_t p = i, n;

	for (int f = 0; f < 2; f++) {
		p = i;
		int k;
		for (k = 0; k < 3; k++) {
			while (k && p < len && s[p] == ' ')
				p++;
			v[k] = p < len ? number_at(s, len, p, &n) : -1;
			if (v[k] < 0 || (k == 0 && n != 4))
				break;
			p += n;
			while (p < len && s[p] == ' ')
				p++;
			if (p + 3 > len || memcmp(s + p, marks[f][k], 3) != 0)
				break;
			p += 3;
		}
		if (k == 3 && valid_ymd(v[0], v[1], v[2])) {
			out->year = v[0]; out->month = v[1]; out->day = v[2];
			out->start = i; out->end = p;
			return true;
		}
	}
	return false;
}

/* Tokens for the month-name forms. */
typedef struct dtok {
	int kind;               /* 'n' number, 'm' month, 'w' other word */
	int val, digits;
	size_t start, end;
} dtok;

#define MAX_DTOK 4096

static bool
named_date(const strip_dicts *d, const char *s, size_t len, bool allow_no_year,
    strip_date *out)
{
	static strip_words words;   /* reused: reachable, so not a leak */
	strip_words_scan(s, len, &words);
	bool any_month = false;
	for (size_t i = 0; i < words.n && !any_month; i++)
		any_month = strip_dicts_month(d, words.w[i].h) != 0;
	if (!any_month)
		return false;

	/* merge words and numbers in order of position */
	dtok toks[64];
	size_t nt = 0, wi = 0;
	bool found = false;
	strip_date best = { 0 };
	for (size_t i = 0; i <= len && !found;) {
		bool flush = nt == 64 || i == len;
		if (!flush) {
			size_t n;
			if (wi < words.n && words.w[wi].off == i) {
				const strip_word *w = &words.w[wi++];
				int m = strip_dicts_month(d, w->h);
				toks[nt++] = (dtok){ m ? 'm' : 'w', m, 0, i, i + w->len };
				i += w->len;
				continue;
			}
			if (is_digit(s[i])) {
				int v = number_at(s, len, i, &n);
				size_t j = i;
				while (j < len && is_digit(s[j]))
					j++;
				if (v >= 0)
					toks[nt++] = (dtok){ 'n', v, (int)n, i, j };
				i = j;
				continue;
			}
			if (wi < words.n && words.w[wi].off < i)
				wi++;
			i++;
			continue;
		}
		/* look for the patterns in toks[0..nt) */
		for (size_t t = 0; t < nt && !found; t++) {
			if (toks[t].kind != 'm')
				continue;
			int m = toks[t].val;
			/* Month D, YYYY  /  Month D */
			if (t + 1 < nt && toks[t + 1].kind == 'n' && toks[t + 1].digits <= 2 &&
			    toks[t + 1].start - toks[t].end <= 3) {
				int dd = toks[t + 1].val;
				if (t + 2 < nt && toks[t + 2].kind == 'n' && toks[t + 2].digits == 4 &&
				    toks[t + 2].start - toks[t + 1].end <= 3 &&
				    valid_ymd(toks[t + 2].val, m, dd)) {
					best = (strip_date){ toks[t + 2].val, m, dd, toks[t].start,
					    toks[t + 2].end };
					found = true;
				} else if (allow_no_year && valid_ymd(0, m, dd) &&
				    (t + 2 >= nt || toks[t + 2].kind != 'n')) {
					best = (strip_date){ 0, m, dd, toks[t].start, toks[t + 1].end };
					found = true;
				}
			}
			/* D Month YYYY, D. Month YYYY, D de Month de YYYY */
			if (!found && t >= 1) {
				size_t dt = t - 1;
				if (toks[dt].kind == 'w' && toks[dt].end - toks[dt].start <= 3 && dt >= 1)
					dt--;   /* "de", "of" */
				size_t yt = t + 1;
				if (yt < nt && toks[yt].kind == 'w' &&
				    toks[yt].end - toks[yt].start <= 3)
					yt++;
				if (toks[dt].kind == 'n' && toks[dt].digits <= 2 &&
				    toks[t].start - toks[dt].end <= 6 && yt < nt &&
				    toks[yt].kind == 'n' && toks[yt].digits == 4 &&
				    toks[yt].start - toks[t].end <= 6 &&
				    valid_ymd(toks[yt].val, m, toks[dt].val)) {
					best = (strip_date){ toks[yt].val, m, toks[dt].val,
					    toks[dt].start, toks[yt].end };
					found = true;
				} else if (!found && allow_no_year && toks[dt].kind == 'n' &&
				    toks[dt].digits <= 2 && toks[t].start - toks[dt].end <= 3 &&
				    valid_ymd(0, m, toks[dt].val) &&
				    (t + 1 >= nt || toks[t + 1].kind != 'n')) {
					best = (strip_date){ 0, m, toks[dt].val, toks[dt].start,
					    toks[t].end };
					found = true;
				}
			}
		}
		if (i == len)
			break;
		/* keep the last few tokens so a date across the flush is seen */
		size_t keep = nt > 4 ? 4 : nt;
		memmove(toks, toks + nt - keep, keep * sizeof *toks);
		nt = keep;
	}
	if (found)
		*out = best;
	return found;
}

bool
strip_date_scan(const strip_dicts *d, const char *s, size_t len, bool dmy,
    bool allow_no_year, strip_date *out)
{
	strip_date named;
	bool have_named = named_date(d, s, len, allow_no_year, &named);

	for (size_t i = 0; i < len; i++) {
		if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])))
			continue;
		if (have_named && i >= named.start)
			break;
		if (numeric_date(s, len, i, dmy, out) || cjk_date(s, len, i, out))
			return true;
	}
	if (have_named)
		*out = named;
	return have_named;
}

size_t
strip_date_find(const strip_dicts *d, const char *s, size_t len, bool dmy,
    char out[11], size_t *start)
{
	strip_date dt;

	if (!strip_date_scan(d, s, len, dmy, false, &dt))
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", dt.year, dt.month, dt.day);
	if (start)
		*start = dt.start;
	return dt.end;
}
