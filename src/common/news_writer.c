/* Output in whole records, with every write error caught. */
#include "news_io.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "news_err.h"

#define FLUSH_AT (64 * 1024)

void
news_writer_init(news_writer *w, int fd, const char *name)
{
	w->fd = fd;
	w->name = name;
	w->buf = (news_buf){ 0 };
	w->flush_at = FLUSH_AT;
	w->line_buffered = isatty(fd) == 1;
	w->failed = false;
}

void
news_writer_open(news_writer *w, const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

	if (fd < 0)
		news_die(NEWS_EXIT_IO, "cannot open '%s' for writing:", path);
	news_writer_init(w, fd, path);
}

/* The reader of our output went away: end as cat does, killed by SIGPIPE
 * and silent, even if SIGPIPE was ignored by whoever started us. */
_Noreturn static void
die_of_sigpipe(void)
{
	sigset_t set;

	signal(SIGPIPE, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGPIPE);
	_exit(NEWS_EXIT_IO);
}

static void
write_all(news_writer *w, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(w->fd, p, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK) {
				struct pollfd pfd = { .fd = w->fd, .events = POLLOUT };
				poll(&pfd, 1, -1);
				continue;
			}
			if (errno == EPIPE)
				die_of_sigpipe();
			w->failed = true;
			news_die(NEWS_EXIT_IO, "write error: %s:", w->name);
		}
		p += k;
		n -= (size_t)k;
	}
}

void
news_writer_flush(news_writer *w)
{
	if (w->buf.len) {
		write_all(w, w->buf.data, w->buf.len);
		w->buf.len = 0;
	}
}

void
news_writer_end_record(news_writer *w)
{
	if (w->line_buffered || w->buf.len >= w->flush_at)
		news_writer_flush(w);
}

void
news_writer_close(news_writer *w)
{
	news_writer_flush(w);
	news_buf_free(&w->buf);
	if (w->fd >= 0 && close(w->fd) < 0 && errno != EINTR)
		news_die(NEWS_EXIT_IO, "write error: %s:", w->name);
	w->fd = -1;
}
