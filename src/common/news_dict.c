#include "news_dict.h"

#include <string.h>

#include "news_err.h"
#include "news_io.h"
#include "news_utf8.h"

int
news_dict_lines(const char *data, size_t len, const char *source,
    news_dict_fn fn, void *user)
{
	const char *p = data, *end = data + len;
	unsigned long lineno = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *s = p;

		lineno++;
		p = nl ? nl + 1 : end;
		while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		const char *first = s;
		while (first < e && (*first == ' ' || *first == '\t'))
			first++;
		if (first == e || *first == '#')
			continue;
		int rc = fn(s, (size_t)(e - s), source, lineno, user);
		if (rc)
			return rc;
	}
	return 0;
}

const news_blob *
news_blob_find(const news_blob *blobs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(blobs[i].name, name) == 0)
			return &blobs[i];
	return NULL;
}

void
news_dict_read_file(const char *path, news_buf *out)
{
	news_reader *r = news_reader_open(path);

	if (!r)
		news_die(NEWS_EXIT_USAGE, "cannot read dictionary '%s':", path);
	if (news_reader_slurp(r, out, (size_t)1 << 31) != 0)
		news_die(NEWS_EXIT_USAGE, "cannot read dictionary '%s': %s", path,
		    news_reader_error(r));
	news_reader_close(r);
	size_t good = news_utf8_valid_prefix(out->data, out->len);
	if (good != out->len) {
		size_t line = 1;
		for (size_t i = 0; i < good; i++)
			line += out->data[i] == '\n';
		news_die(NEWS_EXIT_USAGE, "%s:%zu: invalid UTF-8 in dictionary",
		    path, line);
	}
}
