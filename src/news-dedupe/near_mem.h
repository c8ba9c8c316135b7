/* near_mem.h: memory for the near-duplicate index's large tables.
 *
 * The index is read at random.  With 4 KB pages nearly every look-up in a
 * table of tens of megabytes also misses the TLB, and a prefetch that
 * misses the TLB may be dropped, so tables of 2 MB and more are mapped
 * with huge pages where the kernel allows them (MADV_HUGEPAGE; without,
 * they are ordinary pages).  Smaller ones come from malloc.  Memory is
 * zeroed; exits (status 3) when there is none. */
#ifndef NEAR_MEM_H
#define NEAR_MEM_H

#include <stddef.h>

void *near_mem_alloc(size_t bytes);
/* Resize, keeping the first min(old, bytes) bytes; the rest is zero. */
void *near_mem_resize(void *p, size_t old, size_t bytes);
void near_mem_free(void *p, size_t bytes);

#endif
