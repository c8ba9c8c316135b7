/* news_err.h: messages, exit statuses and checked allocation.
 *
 * Every message starts with the program name ("news-split: ...").  A format
 * ending in ':' gets ": " and strerror(errno) appended, as in sbase. */
#ifndef NEWS_ERR_H
#define NEWS_ERR_H

#include <stddef.h>

/* The one exit-status policy of newsflow (see newsflow(7)).  Never 126-255:
 * xargs treats 255 as "stop everything". */
enum news_exit {
	NEWS_EXIT_OK = 0,       /* all records fine */
	NEWS_EXIT_DATA = 1,     /* some input records were bad; the stream went on */
	NEWS_EXIT_USAGE = 2,    /* usage or configuration error */
	NEWS_EXIT_IO = 3,       /* I/O or system error */
};

/* Set once from main(); used as the prefix of every message. */
void news_set_progname(const char *argv0);
const char *news_progname(void);

void news_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void news_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A usage error: the message, then "Try 'PROG --help' ...", exit 2. */
_Noreturn void news_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Allocation that cannot fail: running out of memory exits with status 3. */
void *news_xmalloc(size_t n);
void *news_xcalloc(size_t count, size_t size);
void *news_xrealloc(void *p, size_t n);
char *news_xstrdup(const char *s);
char *news_xstrndup(const char *s, size_t n);

#endif
