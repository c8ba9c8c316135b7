/* ev_geo.c: where an event happened.  Cities come from libgeonames (about
 * 24,000 cities with country and coordinates, compiled into the library).
 * Its own query scans every city (0.2 s a query here, too slow for a
 * stream), so on the first look-up we index all cities once by lower-cased
 * name (0.1 s): a name is an exact city name, or one followed by a
 * qualifier ("Washington D.C."); of several cities so named, the most
 * populous. */
#include <geonames/geonames.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "events.h"
#include "news_err.h"
#include "news_hash.h"

extern const char *const ev_iso3166[][2];
extern const size_t ev_iso3166_count;

const char *
ev_iso3(const char *alpha2)
{
	static const char *by_code[26 * 26];
	static bool ready;
	if (!ready) {
		for (size_t i = 0; i < ev_iso3166_count; i++) {
			const char *a = ev_iso3166[i][0];
			if (a[0] >= 'A' && a[0] <= 'Z' && a[1] >= 'A' && a[1] <= 'Z' && !a[2])
				by_code[(a[0] - 'A') * 26 + (a[1] - 'A')] = ev_iso3166[i][1];
		}
		ready = true;
	}
	if (!alpha2 || !alpha2[0] || !alpha2[1] || alpha2[2])
		return NULL;
	int a = alpha2[0] & ~32, b = alpha2[1] & ~32;
	if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
		return NULL;
	return by_code[(a - 'A') * 26 + (b - 'A')];
}

typedef struct city {
	char *name;
	ev_place place;
	unsigned pop;
} city;

static city *cities;
static size_t n_slots;
static bool built;

static void
lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

static void
put(const char *name, size_t len, const ev_place *p, unsigned pop)
{
	char key[128];
	if (len == 0 || len >= sizeof key)
		return;
	memcpy(key, name, len);
	key[len] = 0;
	lower(key);
	size_t i = news_hash64(key, len) & (n_slots - 1);
	while (cities[i].name && strcmp(cities[i].name, key) != 0)
		i = (i + 1) & (n_slots - 1);
	if (cities[i].name && cities[i].pop >= pop)
		return;
	if (!cities[i].name)
		cities[i].name = news_xstrdup(key);
	cities[i].place = *p;
	cities[i].pop = pop;
}

static void
build(void)
{
	built = true;
	int n = geonames_get_n_cities();
	if (n <= 0)
		return;
	for (n_slots = 1; n_slots < (size_t)n * 3; n_slots *= 2)
		;
	cities = news_xcalloc(n_slots, sizeof *cities);
	for (int i = 0; i < n; i++) {
		GeonamesCity *c = geonames_get_city(i);
		if (!c)
			continue;
		const char *name = geonames_city_get_name(c);
		const char *iso3 = ev_iso3(geonames_city_get_country_code(c));
		ev_place p;
		memset(&p, 0, sizeof p);
		snprintf(p.country, sizeof p.country, "%s", iso3 ? iso3 : "");
		p.lat = geonames_city_get_latitude(c);
		p.lon = geonames_city_get_longitude(c);
		p.has_coords = true;
		unsigned pop = geonames_city_get_population(c);
		if (name) {
			put(name, strlen(name), &p, pop);
			/* "Washington D.C." is also Washington */
			const char *sp = strrchr(name, ' ');
			if (sp && sp[1] >= 'A' && sp[1] <= 'Z' && strchr(sp, '.'))
				put(name, (size_t)(sp - name), &p, pop);
		}
		geonames_city_free(c);
	}
}

bool
ev_geo_lookup(const char *name, size_t len, ev_place *out)
{
	if (!built)
		build();
	if (!cities || len == 0 || len >= 128)
		return false;
	char key[128];
	memcpy(key, name, len);
	key[len] = 0;
	lower(key);
	for (size_t i = news_hash64(key, len) & (n_slots - 1); cities[i].name;
	    i = (i + 1) & (n_slots - 1))
		if (strcmp(cities[i].name, key) == 0) {
			*out = cities[i].place;
			return true;
		}
	return false;
}

void
ev_geo_free(void)
{
	for (size_t i = 0; i < n_slots; i++)
		free(cities[i].name);
	free(cities);
	cities = NULL;
	n_slots = 0;
	built = false;
}
