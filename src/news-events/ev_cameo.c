/* ev_cameo.c: the CAMEO code table (dict/cameo.txt): Goldstein values and
 * PLOVER categories, looked up by code with the nearest parent code as
 * the fallback ("0214" -> "021" -> "02"). */
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "news_dict.h"
#include "news_err.h"

static ev_cameo *table;
static size_t n_table, cap_table;

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
	ev_cameo *c = &table[n_table++];
	memset(c, 0, sizeof *c);
	snprintf(c->code, sizeof c->code, "%s", code);
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
	size_t n = strlen(code);
	for (; n >= 2; n--)
		for (size_t i = 0; i < n_table; i++)
			if (strlen(table[i].code) == n &&
			    memcmp(table[i].code, code, n) == 0)
				return &table[i];
	return NULL;
}

void
ev_cameo_free(void)
{
	for (size_t i = 0; i < n_table; i++)
		free((char *)table[i].plover);
	free(table);
	table = NULL;
	n_table = cap_table = 0;
}
