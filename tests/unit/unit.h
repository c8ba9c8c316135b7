/* unit.h: a minimal harness for C unit tests of src/common. */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failures;

#define CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		unit_failures++; \
	} \
} while (0)

#define CHECK_STR(got, got_len, want) do { \
	size_t want_len_ = strlen(want); \
	if ((got_len) != want_len_ || memcmp((got), (want), want_len_) != 0) { \
		fprintf(stderr, "%s:%d: got '%.*s', want '%s'\n", __FILE__, __LINE__, \
		    (int)(got_len), (got), (want)); \
		unit_failures++; \
	} \
} while (0)

#define UNIT_END() do { \
	if (unit_failures) \
		fprintf(stderr, "%d check(s) failed\n", unit_failures); \
	return unit_failures ? 1 : 0; \
} while (0)

#endif
