/* tag_tables.h: tables generated at build time from Debian packages
 * (src/news-tag/gen/tag_gen.c): ISO 3166-1 countries (iso-codes), cities
 * (libgeonames) and the English word list (wamerican). */
#ifndef TAG_TABLES_H
#define TAG_TABLES_H

#include <stddef.h>

typedef struct tag_country {
	const char *alpha2;
	const char *alpha3;
	const char *name;               /* "Korea, Republic of" */
	const char *common_name;        /* "South Korea", or NULL */
	const char *official_name;      /* or NULL */
} tag_country;

typedef struct tag_city {
	const char *name;
	const char *state;              /* first-level division */
	const char *country;            /* ISO 3166-1 alpha-2 */
	double lat, lon;
	unsigned population;
} tag_city;

extern const tag_country tag_countries[];
extern const size_t tag_countries_count;
extern const tag_city tag_cities[];
extern const size_t tag_cities_count;

/* Words separated by '\n': lower-case common words, and capitalised
 * proper nouns. */
extern const char tag_words_common[];
extern const size_t tag_words_common_count;
extern const char tag_words_proper[];
extern const size_t tag_words_proper_count;

#endif
