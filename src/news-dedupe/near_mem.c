/* near_mem.c: large tables in huge pages (see near_mem.h). */
#include "near_mem.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "news_err.h"

#define HUGE_PAGE ((size_t)2 << 20)

static bool
mapped(size_t bytes)
{
	return bytes >= HUGE_PAGE;
}

static size_t
round_up(size_t bytes)
{
	return (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

/* Whole huge pages, aligned so that the kernel can back them with huge
 * pages from the start. */
static void *
map(size_t bytes)
{
	size_t len = round_up(bytes);
	char *p = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		news_die(3, "out of memory (%zu bytes)", bytes);
	char *start = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1));
	if (start > p)
		munmap(p, (size_t)(start - p));
	if (start + len < p + len + HUGE_PAGE)
		munmap(start + len, (size_t)(p + len + HUGE_PAGE - (start + len)));
#ifdef MADV_HUGEPAGE
	madvise(start, len, MADV_HUGEPAGE);     /* a hint: failure is fine */
#endif
	return start;
}

static void
unmap(void *p, size_t bytes)
{
	munmap(p, round_up(bytes));
}

void *
near_mem_alloc(size_t bytes)
{
	return mapped(bytes) ? map(bytes) : news_xcalloc(1, bytes ? bytes : 1);
}

void *
near_mem_resize(void *p, size_t old, size_t bytes)
{
	if (!p)
		return near_mem_alloc(bytes);
	if (!mapped(old) && !mapped(bytes)) {
		p = news_xrealloc(p, bytes ? bytes : 1);
		if (bytes > old)
			memset((char *)p + old, 0, bytes - old);
		return p;
	}
	if (mapped(old) && mapped(bytes)) {
		/* the pages move as they are: nothing is copied or faulted in
		 * again (the new ones may lose their huge pages if the mapping
		 * moves to an address not aligned for them) */
		size_t ol = round_up(old), nl = round_up(bytes);
		if (nl == ol)
			return p;
		char *q = mremap(p, ol, nl, MREMAP_MAYMOVE);
		if (q == MAP_FAILED)
			news_die(3, "out of memory (%zu bytes)", bytes);
#ifdef MADV_HUGEPAGE
		if (nl > ol)
			madvise(q + ol, nl - ol, MADV_HUGEPAGE);
#endif
		return q;
	}
	void *q = near_mem_alloc(bytes);
	memcpy(q, p, old < bytes ? old : bytes);
	near_mem_free(p, old);
	return q;
}

void
near_mem_free(void *p, size_t bytes)
{
	if (!p)
		return;
	if (mapped(bytes))
		unmap(p, bytes);
	else
		free(p);
}
