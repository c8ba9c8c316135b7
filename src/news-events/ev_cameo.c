/* ev_cameo.c: the CAMEO code table (dict/cameo.txt): Goldstein values and
 * PLOVER categories, looked up by code with the nearest parent code as
 * the fallback ("0214" -> "021" -> "02"). */
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "news_dict.h"
#include "news_err.h"
#include "news_json.h"

static ev_cameo *table;
static size_t n_table, cap_table;
/* codes of two to four digits (all of CAMEO's) -> table index + 1; every
 * event looks its code up, and a scan of the table was 1.5% of the time
 * on news */
enum { DIGIT_SLOTS = 100 + 1000 + 10000 };
static uint32_t *by_digits;
static bool indexed;

static int
digit_slot(const char *code, size_t n)
{
	if (n < 2 || n > 4)
		return -1;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (code[i] < '0' || code[i] > '9')
			return -1;
		v = v * 10 + (code[i] - '0');
	}
	return (n == 2 ? 0 : n == 3 ? 100 : 1100) + v;
}

static void
build_index(void)
{
	if (!by_digits)
		by_digits = news_xcalloc(DIGIT_SLOTS, sizeof *by_digits);
	memset(by_digits, 0, DIGIT_SLOTS * sizeof *by_digits);
	for (size_t i = 0; i < n_table; i++) {
		int slot = digit_slot(table[i].code, table[i].code_len);
		if (slot >= 0 && !by_digits[slot])
			by_digits[slot] = (uint32_t)i + 1;
	}
	indexed = true;
}

static int
cameo_line(const char *line, size_t len, const char *source,
    unsigned long lineno, void *user)
{
	char buf[256], code[8], gold[16], plover[64];
	if (len >= sizeof buf)
		news_die(NEWS_EXIT_USAGE, "%s:%lu: line too long", source, lineno);
	memcpy(buf, line, len);
	buf[len] = 0;
	if (sscanf(buf, "%7s %15s %63s", code, gold, plover) != 3)
		news_die(NEWS_EXIT_USAGE, "%s:%lu: expected CODE GOLDSTEIN PLOVER",
		    source, lineno);
	if (n_table == cap_table) {
		cap_table = cap_table ? cap_table * 2 : 512;
		table = news_xrealloc(table, cap_table * sizeof *table);
	}
	indexed = false;
	ev_cameo *c = &table[n_table++];
	memset(c, 0, sizeof *c);
	snprintf(c->code, sizeof c->code, "%s", code);
	c->code_len = strlen(c->code);
	if (strcmp(gold, "-") == 0) {
		const ev_cameo *parent = NULL;
		for (size_t k = strlen(code) - 1; k >= 2 && !parent; k--) {
			char pre[8];
			snprintf(pre, sizeof pre, "%.*s", (int)k, code);
			for (size_t i = 0; i + 1 < n_table; i++)
				if (strcmp(table[i].code, pre) == 0)
					parent = &table[i];
		}
		c->goldstein = parent ? parent->goldstein : 0;
	} else {
		char *end;
		c->goldstein = strtod(gold, &end);
		if (*end)
			news_die(NEWS_EXIT_USAGE, "%s:%lu: bad Goldstein value", source,
			    lineno);
	}
	c->plover = strcmp(plover, "-") == 0 ? NULL : news_xstrdup(plover);
	/* written once here, not for every event */
	news_buf g = { 0 };
	news_json_put_double(&g, c->goldstein);
	snprintf(c->goldstein_json, sizeof c->goldstein_json, "%.*s", (int)g.len, g.data);
	news_buf_free(&g);
	return 0;
}

void
ev_cameo_load(const char *data, size_t len, const char *source)
{
	news_dict_lines(data, len, source, cameo_line, NULL);
}

const ev_cameo *
ev_cameo_find(const char *code)
{
	if (!indexed)
		build_index();
	size_t n = strlen(code);
	for (; n >= 2; n--) {
		int slot = digit_slot(code, n);
		if (slot >= 0) {
			if (by_digits[slot])
				return &table[by_digits[slot] - 1];
			continue;
		}
		for (size_t i = 0; i < n_table; i++)
			if (table[i].code_len == n && table[i].code[1] == code[1] &&
			    memcmp(table[i].code, code, n) == 0)
				return &table[i];
	}
	return NULL;
}

void
ev_cameo_free(void)
{
	for (size_t i = 0; i < n_table; i++)
		free((char *)table[i].plover);
	free(table);
	free(by_digits);
	by_digits = NULL;
	indexed = false;
	table = NULL;
	n_table = cap_table = 0;
}
