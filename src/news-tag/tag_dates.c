/* tag_dates.c: DATE, TIME, MONEY and PERCENT entities.
 *
 * Dates get a `value` resolved against the sentence's date (the document
 * date): "Thursday" is the last Thursday on or before it, "Jan. 20" the
 * 20 January nearest to it, "last week" the day a week before, "on the
 * 9th" the 9th of its month (or of the month before, when the 9th is still
 * to come).  A value is YYYY-MM-DD, YYYY-MM or YYYY, as the text allows. */
#include <stdio.h>
#include <stdlib.h>

#include "tag.h"

/* ---- calendar arithmetic (days since 1970-01-01, proleptic Gregorian) ---- */

static long
days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int32_t
tag_parse_iso_date(const char *s, size_t len)
{
	int y = 0, m = 0, d = 0;
	size_t i = 0;
	for (int k = 0; k < 4; k++, i++) {
		if (i >= len || s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (i < len && s[i] == '-') {
		if (i + 3 > len || s[i + 1] < '0' || s[i + 1] > '9' ||
		    s[i + 2] < '0' || s[i + 2] > '9')
			return -1;
		m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
		i += 3;
		if (m < 1 || m > 12)
			return -1;
		if (i < len && s[i] == '-') {
			if (i + 3 > len || s[i + 1] < '0' || s[i + 1] > '9' ||
			    s[i + 2] < '0' || s[i + 2] > '9')
				return -1;
			d = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
			i += 3;
			if (d < 1 || d > days_in_month(y, m))
				return -1;
		}
	}
	/* a time may follow a full date: 2022-01-20T10:00:00Z */
	if (i < len && !(d && (s[i] == 'T' || s[i] == ' ')))
		return -1;
	return y * 10000 + m * 100 + d;
}

static void
set_ymd(tag_entity *e, int y, int m, int d)
{
	if (y < 1 || y > 9999)
		return;
	if (d)
		snprintf(e->value, sizeof e->value, "%04d-%02d-%02d", y, m, d);
	else if (m)
		snprintf(e->value, sizeof e->value, "%04d-%02d", y, m);
	else
		snprintf(e->value, sizeof e->value, "%04d", y);
}

static void
set_days(tag_entity *e, long days)
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	set_ymd(e, y, m, d);
}

/* ---- token helpers ------------------------------------------------------ */

static bool
free_tok(const tag_sent *s, int i)
{
	return i >= 0 && (size_t)i < s->n && s->toks[i].ent < 0;
}

static const tag_entry *
tok_kind(const tag_sent *s, const tag_lex *lx, int i, int kind)
{
	if (i < 0 || (size_t)i >= s->n)
		return NULL;
	return tag_tok_entry(lx, &s->toks[i], kind);
}

/* A number token: its value, or -1.  Ordinals (9th, 1st) allowed when
 * ordinal is set, and say so in *was_ordinal. */
static long
num_value(const tag_sent *s, int i, bool ordinal, bool *was_ordinal)
{
	if (i < 0 || (size_t)i >= s->n || !(s->toks[i].f & TF_NUM))
		return -1;
	size_t n;
	const char *k = tag_tok_key(s, i, &n);
	long v = 0;
	size_t j = 0;
	for (; j < n && k[j] >= '0' && k[j] <= '9'; j++) {
		v = v * 10 + (k[j] - '0');
		if (v > 100000000)
			return -1;
	}
	if (was_ordinal)
		*was_ordinal = false;
	if (j == n)
		return v;
	if (ordinal && n - j == 2 && (memcmp(k + j, "st", 2) == 0 ||
	    memcmp(k + j, "nd", 2) == 0 || memcmp(k + j, "rd", 2) == 0 ||
	    memcmp(k + j, "th", 2) == 0)) {
		if (was_ordinal)
			*was_ordinal = true;
		return v;
	}
	return -1;
}

static bool
is_punct(const tag_sent *s, int i, char c)
{
	if (i < 0 || (size_t)i >= s->n || !(s->toks[i].f & TF_PUNCT))
		return false;
	return s->toks[i].e - s->toks[i].b == 1 && s->text[s->toks[i].b] == c;
}

static bool
is_year(long v)
{
	return v >= 1000 && v <= 2100;
}

static tag_entity *
add(tag_sent *s, int t0, int t1, int type)
{
	return tag_add_entity(s, t0, t1, type, NULL);
}

/* The year that puts month m (and day d) nearest to the reference date. */
static int
nearest_year(int32_t ref, int m, int d)
{
	int ry = ref / 10000, rm = ref / 100 % 100, rd = ref % 100;
	if (!d)
		d = 15;
	long r = days_from_civil(ry, rm, rd ? rd : 15);
	int best = ry;
	long gap = -1;
	for (int y = ry - 1; y <= ry + 1; y++) {
		int dd = d > days_in_month(y, m) ? days_in_month(y, m) : d;
		long g = labs(days_from_civil(y, m, dd) - r);
		if (gap < 0 || g < gap)
			gap = g, best = y;
	}
	return best;
}

/* "will meet on Thursday", "is expected to vote in January": a verb of
 * the future a few words before token i, so a date without its year or
 * week is the next one, not the last. */
static bool
future_before(const tag_sent *s, int i)
{
	static const char *const words[] = {
		"will", "'ll", "shall", "expected", "scheduled", "due", "plans",
		"planned", "upcoming", "set", "going", "intends", "aims", NULL,
	};
	for (int k = i - 1; k >= 0 && k >= i - 8; k--) {
		if (tag_tok_is(s, k, ",") || tag_tok_is(s, k, ";") || tag_tok_is(s, k, "said") ||
		    tag_tok_is(s, k, "says"))
			return false;
		for (int w = 0; words[w]; w++)
			if (tag_tok_word(s, k, words[w]))
				return true;
	}
	return false;
}

/* ---- the patterns -------------------------------------------------------- */

/* MONTH [DAY[,] [YEAR]] | MONTH [,] YEAR | DAY MONTH [YEAR] at i. */
static int
try_month(tag_sent *s, const tag_lex *lx, int i)
{
	const tag_entry *me = tok_kind(s, lx, i, LK_MONTH);
	int t0 = i, t1, mon, day = 0, year = 0;
	bool ord;
	if (!me) {
		/* DAY MONTH [YEAR] */
		long d = num_value(s, i, true, &ord);
		const tag_entry *m2 = tok_kind(s, lx, i + 1, LK_MONTH);
		if (d < 1 || d > 31 || !m2 || !(s->toks[i + 1].f & TF_CAP) ||
		    !free_tok(s, i + 1))
			return 0;
		mon = m2->value;
		day = (int)d;
		t1 = i + 2;
		long y = num_value(s, t1, false, NULL);
		if (is_year(y) && free_tok(s, t1))
			year = (int)y, t1++;
	} else {
		if (!(s->toks[i].f & TF_CAP))
			return 0;
		mon = me->value;
		t1 = i + 1;
		long d = num_value(s, t1, true, &ord);
		if (d >= 1 && d <= 31 && free_tok(s, t1)) {
			day = (int)d;
			t1++;
			int k = t1;
			if (is_punct(s, k, ','))
				k++;
			long y = num_value(s, k, false, NULL);
			if (is_year(y) && free_tok(s, k))
				year = (int)y, t1 = k + 1;
		} else {
			int k = t1;
			if (is_punct(s, k, ','))
				k++;
			long y = num_value(s, k, false, NULL);
			if (is_year(y) && free_tok(s, k))
				year = (int)y, t1 = k + 1;
		}
		/* "May" and "March" alone are too often words */
		if (t1 == i + 1) {
			size_t n;
			const char *k = tag_tok_key(s, i, &n);
			if ((n == 3 && memcmp(k, "may", 3) == 0) ||
			    (n == 5 && memcmp(k, "march", 5) == 0)) {
				if (!tag_tok_is(s, i - 1, "in") && !tag_tok_is(s, i - 1, "since") &&
				    !tag_tok_is(s, i - 1, "until") && !tag_tok_is(s, i - 1, "early") &&
				    !tag_tok_is(s, i - 1, "late") && !tag_tok_is(s, i - 1, "mid") &&
				    !tag_tok_is(s, i - 1, "last") && !tag_tok_is(s, i - 1, "next") &&
				    !tag_tok_is(s, i - 1, "of"))
					return 0;
			}
			if ((s->toks[i].f & TF_DOT) && !tag_tok_is(s, i - 1, "in"))
				return 0;
			/* "Dong Jun", "Jan Egeland": a short month beside a name
			 * is part of it */
			if (n == 3 && !(s->toks[i].f & TF_DOT) &&
			    ((i > 0 && (s->toks[i - 1].f & TF_WORD) &&
			    (s->toks[i - 1].f & (TF_CAP | TF_UPPER)) && !(s->toks[i - 1].f & TF_START)) ||
			    ((size_t)i + 1 < s->n && (s->toks[i + 1].f & TF_WORD) &&
			    (s->toks[i + 1].f & TF_CAP))))
				return 0;
		}
	}
	if (day && day > days_in_month(year ? year : 2000, mon))
		return 0;
	tag_entity *e = add(s, t0, t1, TT_DATE);
	if (!e)
		return 0;
	if (year)
		set_ymd(e, year, mon, day);
	else if (s->date) {
		int y = s->date / 10000;
		if (day)
			y = nearest_year(s->date, mon, day);
		else if (future_before(s, t0)) {
			if (mon < s->date / 100 % 100)
				y++;    /* "will vote in January", said in November */
		} else if (mon > s->date / 100 % 100)
			y--;    /* "in November", said in January: the last one */
		set_ymd(e, y, mon, day);
	}
	return t1 - t0;
}

/* [last|next|this|on] WEEKDAY */
static int
try_weekday(tag_sent *s, const tag_lex *lx, int i)
{
	const tag_entry *we = tok_kind(s, lx, i, LK_WEEKDAY);
	if (!we || !(s->toks[i].f & TF_CAP))
		return 0;
	size_t n;
	tag_tok_key(s, i, &n);
	if (n <= 4 && !(s->toks[i].f & TF_DOT))
		return 0;       /* "Sun", "Wed" alone */
	int t0 = i, dir = future_before(s, i) ? 1 : -1;
	if (tag_tok_is(s, i - 1, "last") && free_tok(s, i - 1))
		t0 = i - 1, dir = -2;
	else if (tag_tok_is(s, i - 1, "next") && free_tok(s, i - 1))
		t0 = i - 1, dir = 2;
	else if (tag_tok_is(s, i - 1, "this") && free_tok(s, i - 1))
		t0 = i - 1, dir = 1;
	tag_entity *e = add(s, t0, i + 1, TT_DATE);
	if (!e || !s->date)
		return 1;
	int y = s->date / 10000, m = s->date / 100 % 100, d = s->date % 100;
	long today = days_from_civil(y, m, d);
	int wd = (int)((today % 7 + 7 + 3) % 7);     /* 1970-01-01 was a Thursday */
	int delta;
	if (dir < 0) {
		delta = -((wd - we->value + 7) % 7);
		if (dir == -2 && delta == 0)
			delta = -7;
	} else {
		delta = (we->value - wd + 7) % 7;
		if (dir == 2 && delta == 0)
			delta = 7;
	}
	set_days(e, today + delta);
	return i + 1 - t0;
}

/* today, yesterday, [this|last|next|past] week|month|year, ... */
static int
try_relative(tag_sent *s, const tag_lex *lx, int i)
{
	if (!tok_kind(s, lx, i, LK_DATEWORD))
		return 0;
	int y = s->date / 10000, m = s->date / 100 % 100, d = s->date % 100;
	long today = s->date ? days_from_civil(y, m, d) : 0;
	tag_entity *e;
	if (tag_tok_is(s, i, "today") || tag_tok_is(s, i, "tonight")) {
		if (!(e = add(s, i, i + 1, TT_DATE)))
			return 0;
		if (s->date)
			set_days(e, today);
		return 1;
	}
	if (tag_tok_is(s, i, "yesterday") || tag_tok_is(s, i, "tomorrow")) {
		if (!(e = add(s, i, i + 1, TT_DATE)))
			return 0;
		if (s->date)
			set_days(e, today + (tag_tok_is(s, i, "yesterday") ? -1 : 1));
		return 1;
	}
	/* a modifier before week/month/year */
	int dir;
	if (tag_tok_is(s, i, "last") || tag_tok_is(s, i, "past") ||
	    tag_tok_is(s, i, "previous"))
		dir = -1;
	else if (tag_tok_is(s, i, "this") || tag_tok_is(s, i, "current"))
		dir = 0;
	else if (tag_tok_is(s, i, "next") || tag_tok_is(s, i, "coming"))
		dir = 1;
	else
		return 0;
	int unit = tag_tok_is(s, i + 1, "week") ? 1 : tag_tok_is(s, i + 1, "month") ? 2 :
	    tag_tok_is(s, i + 1, "year") ? 3 : tag_tok_is(s, i + 1, "weekend") ? 4 : 0;
	if (!unit || !free_tok(s, i + 1))
		return 0;
	int t0 = i;
	if (tag_tok_is(s, i - 1, "earlier") || tag_tok_is(s, i - 1, "later"))
		t0 = i - 1;
	if (!(e = add(s, t0, i + 2, TT_DATE)))
		return 0;
	if (!s->date)
		return i + 2 - t0;
	switch (unit) {
	case 1:
	case 4:
		set_days(e, today + 7 * dir);
		break;
	case 2:
		m += dir;
		if (m < 1)
			m = 12, y--;
		if (m > 12)
			m = 1, y++;
		set_ymd(e, y, m, 0);
		break;
	case 3:
		set_ymd(e, y + dir, 0, 0);
		break;
	}
	return i + 2 - t0;
}

/* "on the 9th": the day of the document's month (or the one before). */
static int
try_ordinal_day(tag_sent *s, int i)
{
	bool ord;
	long d = num_value(s, i, true, &ord);
	if (d < 1 || d > 31 || !ord || !tag_tok_is(s, i - 1, "the") ||
	    !tag_tok_is(s, i - 2, "on"))
		return 0;
	if (free_tok(s, i + 1) && (s->toks[i + 1].f & TF_WORD) &&
	    !tag_tok_is(s, i + 1, "and"))
		return 0;       /* "on the 9th floor" */
	tag_entity *e = add(s, i - 1, i + 1, TT_DATE);
	if (!e || !s->date)
		return 1;
	int y = s->date / 10000, m = s->date / 100 % 100;
	if (d > s->date % 100) {
		if (--m < 1)
			m = 12, y--;
	}
	if (d <= days_in_month(y, m))
		set_ymd(e, y, m, (int)d);
	return 1;
}

static const char *const year_before[] = {
	"in", "since", "until", "till", "by", "from", "to", "during", "before",
	"after", "around", "circa", "c.", "of", "year", "early", "late", "mid",
	"between", "and", "through", "(", "[", ",", "-", "\xe2\x80\x93", "summer",
	"winter", "spring", "autumn", "fall", NULL,
};

/* A year alone: 1968, (1821), 2000: 103 */
static int
try_year(tag_sent *s, int i)
{
	long y = num_value(s, i, false, NULL);
	size_t n;
	tag_tok_key(s, i, &n);
	if (!is_year(y) || n != 4)
		return 0;
	bool ok = false;
	for (int k = 0; year_before[k]; k++)
		if (tag_tok_word(s, i - 1, year_before[k]))
			ok = true;
	if (!ok && (size_t)i + 1 < s->n) {
		const tag_tok *nx = &s->toks[i + 1];
		ok = (nx->f & TF_PUNCT) || (nx->f & TF_POSS);
	} else if ((size_t)i + 1 == s->n)
		ok = true;
	if (!ok && i > 0 && (s->toks[i - 1].f & TF_CAP) &&
	    (size_t)i + 1 < s->n && !(s->toks[i + 1].f & TF_WORD))
		ok = true;
	if (!ok)
		return 0;
	tag_entity *e = add(s, i, i + 1, TT_DATE);
	if (e)
		set_ymd(e, (int)y, 0, 0);
	return 1;
}

/* 2022-01-20 */
static int
try_iso(tag_sent *s, int i)
{
	size_t n;
	const char *k = tag_tok_key(s, i, &n);
	if (n != 10 || !(s->toks[i].f & TF_NUM))
		return 0;
	int32_t v = tag_parse_iso_date(k, n);
	if (v <= 0 || v % 100 == 0)
		return 0;
	tag_entity *e = add(s, i, i + 1, TT_DATE);
	if (e)
		set_ymd(e, v / 10000, v / 100 % 100, v % 100);
	return 1;
}

/* 3 p.m., 10:30, noon */
static int
try_time(tag_sent *s, int i)
{
	long h = num_value(s, i, false, NULL);
	if (h < 0 || h > 24)
		return 0;
	int t1 = i + 1;
	if (is_punct(s, t1, ':') && num_value(s, t1 + 1, false, NULL) >= 0 &&
	    !(s->toks[t1].f & TF_SPACE)) {
		size_t n;
		tag_tok_key(s, t1 + 1, &n);
		if (n != 2)
			return 0;
		t1 += 2;
	}
	if (tag_tok_is(s, t1, "a.m.") || tag_tok_is(s, t1, "p.m.") ||
	    tag_tok_is(s, t1, "am") || tag_tok_is(s, t1, "pm") ||
	    tag_tok_is(s, t1, "a.m") || tag_tok_is(s, t1, "p.m"))
		t1++;
	else if (t1 == i + 1)
		return 0;
	return add(s, i, t1, TT_TIME) ? t1 - i : 0;
}

static const char *const scales[] = {
	"hundred", "thousand", "million", "billion", "trillion", "mn", "bn", NULL,
};
static const char *const currencies[] = {
	"dollars", "dollar", "euros", "euro", "pounds", "yen", "yuan", "won",
	"rubles", "roubles", "rupees", NULL,
};

static bool
tok_in(const tag_sent *s, int i, const char *const *words)
{
	for (int k = 0; words[k]; k++)
		if (tag_tok_word(s, i, words[k]))
			return true;
	return false;
}

/* $5 million, 10 billion won, 5%, 5 percent */
static int
try_amount(tag_sent *s, int i)
{
	int t0 = i;
	bool cur = false;
	size_t n;
	const char *k = tag_tok_key(s, i, &n);
	if ((s->toks[i].f & TF_PUNCT) && (k[0] == '$' ||
	    (n >= 2 && (memcmp(k, "\xe2\x82\xac", 3 <= n ? 3 : n) == 0 ||
	    memcmp(k, "\xc2\xa3", 2) == 0 || memcmp(k, "\xc2\xa5", 2) == 0 ||
	    memcmp(k, "\xe2\x82\xa9", 3 <= n ? 3 : n) == 0)))) {
		cur = true;
		i++;
	}
	if (!free_tok(s, i) || !(s->toks[i].f & TF_NUM))
		return 0;
	int t1 = i + 1;
	/* 1,000,000 is three tokens: 1 , 000 */
	while (is_punct(s, t1, ',') && !(s->toks[t1].f & TF_SPACE) &&
	    (size_t)t1 + 1 < s->n && (s->toks[t1 + 1].f & TF_NUM) &&
	    !(s->toks[t1 + 1].f & TF_SPACE))
		t1 += 2;
	if (tok_in(s, t1, scales))
		t1++;
	if (!cur && tok_in(s, t1, currencies))
		return add(s, t0, t1 + 1, TT_MONEY) ? t1 + 1 - t0 : 0;
	if (cur)
		return add(s, t0, t1, TT_MONEY) ? t1 - t0 : 0;
	if (is_punct(s, t1, '%'))
		return add(s, t0, t1 + 1, TT_PERCENT) ? t1 + 1 - t0 : 0;
	if (tag_tok_is(s, t1, "percent") || tag_tok_is(s, t1, "pct"))
		return add(s, t0, t1 + 1, TT_PERCENT) ? t1 + 1 - t0 : 0;
	if (tag_tok_is(s, t1, "per") && tag_tok_is(s, t1 + 1, "cent"))
		return add(s, t0, t1 + 2, TT_PERCENT) ? t1 + 2 - t0 : 0;
	return 0;
}

void
tag_find_dates(tag_sent *s, const tag_lex *lx)
{
	for (int i = 0; (size_t)i < s->n; i++) {
		if (!free_tok(s, i))
			continue;
		/* each pattern adds its entity or nothing; the first that
		 * matches wins */
		const tag_tok *t = &s->toks[i];
		if (t->f & TF_WORD) {
			if (!(t->kinds & ((1u << LK_MONTH) | (1u << LK_WEEKDAY) |
			    (1u << LK_DATEWORD))))
				continue;
			if (!try_month(s, lx, i) && !try_weekday(s, lx, i))
				try_relative(s, lx, i);
		} else if (t->f & TF_NUM) {
			if (!try_iso(s, i) && !try_month(s, lx, i) && !try_amount(s, i) &&
			    !try_time(s, i) && !try_ordinal_day(s, i))
				try_year(s, i);
		} else if (t->f & TF_PUNCT)
			try_amount(s, i);
	}
}
