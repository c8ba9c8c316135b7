/* dedupe_events.c: the one-a-day rule for event records, and --count.
 *
 * Events are duplicates when they share date, source code, target code and
 * event code (a null or missing date equals another).  --count holds each
 * group until its day closes and then writes its first event once, with
 * the number of events it stands for. */
#include "dedupe.h"

#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "news_norm.h"

static const char *const event_fields[] = { "source.code", "target.code",
	"code" };

/* Days since 1970-01-01 of a YYYY-MM-DD prefix, or DEDUPE_NO_DAY. */
int32_t
dedupe_day(const char *s, size_t len)
{
	int y = 0, m = 0, d = 0;

	if (len < 10 || s[4] != '-' || s[7] != '-')
		return DEDUPE_NO_DAY;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return DEDUPE_NO_DAY;
	}
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
	m = (s[5] - '0') * 10 + s[6] - '0';
	d = (s[8] - '0') * 10 + s[9] - '0';
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return DEDUPE_NO_DAY;
	/* days from civil (Howard Hinnant's algorithm) */
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

static void
add_value(const news_json_member *m, news_buf *scratch)
{
	news_buf_addc(scratch, (char)('0' + m->type));
	if (m->type == NEWS_JSON_STRING) {
		news_buf tmp = { 0 };
		news_json_decode_string(m->val, m->val_len, &tmp);
		news_normalize(tmp.data ? tmp.data : "", tmp.len, scratch);
		news_buf_free(&tmp);
	} else if (m->type != NEWS_JSON_NULL) {
		news_buf_add(scratch, m->val, m->val_len);
	}
	news_buf_addc(scratch, '\x1f');
}

bool
dedupe_event_key(const news_record *rec, news_buf *scratch, news_hash128 *out,
    int32_t *day, const char **missing)
{
	news_json_member m;

	news_buf_clear(scratch);
	*day = DEDUPE_NO_DAY;
	if (news_record_path(rec, "date", &m) && m.type != NEWS_JSON_NULL) {
		add_value(&m, scratch);
		if (m.type == NEWS_JSON_STRING && m.val_len >= 12)
			*day = dedupe_day(m.val + 1, m.val_len - 2);
	} else {
		news_buf_adds(scratch, "7\x1f");       /* null, as written */
	}
	for (size_t i = 0; i < sizeof event_fields / sizeof *event_fields; i++) {
		if (!news_record_path(rec, event_fields[i], &m)) {
			*missing = event_fields[i];
			return false;
		}
		add_value(&m, scratch);
	}
	*out = news_hash128_of(scratch->data, scratch->len);
	return true;
}

/* --count: the open groups, in the order they were opened. */
typedef struct egroup {
	news_hash128 key;
	int32_t day;
	uint64_t count;
	uint64_t seq;
	size_t line_off, line_len;      /* into lines */
	bool open;
} egroup;

struct event_groups {
	egroup *g;
	size_t n, cap;
	uint32_t *slots;        /* hash table of open groups: index + 1 */
	size_t n_slots;
	news_buf lines;
	uint64_t seq;
};

event_groups *
egroups_new(void)
{
	event_groups *e = news_xcalloc(1, sizeof *e);
	e->n_slots = 1024;
	e->slots = news_xcalloc(e->n_slots, sizeof *e->slots);
	return e;
}

void
egroups_free(event_groups *e)
{
	if (!e)
		return;
	free(e->g);
	free(e->slots);
	news_buf_free(&e->lines);
	free(e);
}

static void
rebuild(event_groups *e)
{
	/* drop closed groups, compact the lines, rehash */
	size_t k = 0;
	news_buf lines = { 0 };
	for (size_t i = 0; i < e->n; i++) {
		if (!e->g[i].open)
			continue;
		egroup g = e->g[i];
		news_buf_add(&lines, e->lines.data + g.line_off, g.line_len);
		g.line_off = lines.len - g.line_len;
		e->g[k++] = g;
	}
	news_buf_free(&e->lines);
	e->lines = lines;
	e->n = k;
	size_t want = 1024;
	while (want < 4 * (k + 1))
		want *= 2;
	free(e->slots);
	e->n_slots = want;
	e->slots = news_xcalloc(want, sizeof *e->slots);
	for (size_t i = 0; i < k; i++) {
		size_t j = (size_t)e->g[i].key.lo & (want - 1);
		while (e->slots[j])
			j = (j + 1) & (want - 1);
		e->slots[j] = (uint32_t)i + 1;
	}
}

static egroup *
find(event_groups *e, news_hash128 key)
{
	for (size_t j = (size_t)key.lo & (e->n_slots - 1);;
	    j = (j + 1) & (e->n_slots - 1)) {
		uint32_t s = e->slots[j];
		if (!s)
			return NULL;
		egroup *g = &e->g[s - 1];
		if (g->open && g->key.lo == key.lo && g->key.hi == key.hi)
			return g;
	}
}

bool
egroups_count(event_groups *e, news_hash128 key)
{
	egroup *g = find(e, key);
	if (!g)
		return false;
	g->count++;
	return true;
}

void
egroups_open(event_groups *e, news_hash128 key, int32_t day, const char *line,
    size_t len)
{
	if (4 * (e->n + 1) > e->n_slots)
		rebuild(e);
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 256;
		e->g = news_xrealloc(e->g, e->cap * sizeof *e->g);
	}
	egroup *g = &e->g[e->n];
	*g = (egroup){ .key = key, .day = day, .count = 1, .seq = e->seq++,
	    .line_off = e->lines.len, .line_len = len, .open = true };
	news_buf_add(&e->lines, line, len);
	size_t j = (size_t)key.lo & (e->n_slots - 1);
	while (e->slots[j])
		j = (j + 1) & (e->n_slots - 1);
	e->slots[j] = (uint32_t)++e->n;
}

static int
cmp_close(const void *a, const void *b)
{
	const egroup *x = *(egroup *const *)a, *y = *(egroup *const *)b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
egroups_close(event_groups *e, int64_t upto, egroup_emit_fn emit, void *user)
{
	egroup **closing;
	size_t n = 0;

	if (!e->n)
		return;
	closing = news_xmalloc(e->n * sizeof *closing);
	for (size_t i = 0; i < e->n; i++)
		if (e->g[i].open && (int64_t)e->g[i].day <= upto)
			closing[n++] = &e->g[i];
	if (!n) {
		free(closing);
		return;
	}
	qsort(closing, n, sizeof *closing, cmp_close);
	for (size_t i = 0; i < n; i++) {
		egroup *g = closing[i];
		emit(user, e->lines.data + g->line_off, g->line_len, g->count, g->key);
		g->open = false;
	}
	free(closing);
	rebuild(e);
}
