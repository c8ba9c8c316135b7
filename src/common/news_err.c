#include "news_err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *progname = "newsflow";

void
news_set_progname(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

	if (argv0 && *argv0)
		progname = slash ? slash + 1 : argv0;
}

const char *
news_progname(void)
{
	return progname;
}

static void
vwarn(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t len = strlen(fmt);

	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (len && fmt[len - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
news_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
news_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

void
news_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	exit(NEWS_EXIT_USAGE);
}

void *
news_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		news_die(NEWS_EXIT_IO, "out of memory allocating %zu bytes", n);
	return p;
}

void *
news_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		news_die(NEWS_EXIT_IO, "out of memory allocating %zu x %zu bytes",
		    count, size);
	return p;
}

void *
news_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		news_die(NEWS_EXIT_IO, "out of memory allocating %zu bytes", n);
	return q;
}

char *
news_xstrdup(const char *s)
{
	return news_xstrndup(s, strlen(s));
}

char *
news_xstrndup(const char *s, size_t n)
{
	char *p = news_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
