/* news_hash.h: the one hash function of newsflow (xxHash's XXH3). */
#ifndef NEWS_HASH_H
#define NEWS_HASH_H

#include <stddef.h>
#include <stdint.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

static inline uint64_t
news_hash64(const void *p, size_t n)
{
	return XXH3_64bits(p, n);
}

static inline uint64_t
news_hash64_seed(const void *p, size_t n, uint64_t seed)
{
	return XXH3_64bits_withSeed(p, n, seed);
}

typedef struct news_hash128 {
	uint64_t lo, hi;
} news_hash128;

static inline news_hash128
news_hash128_of(const void *p, size_t n)
{
	XXH128_hash_t h = XXH3_128bits(p, n);
	return (news_hash128){ h.low64, h.high64 };
}

#endif
