/* ev_geo.c: where an event happened.  Cities come from libgeonames (about
 * 24,000 cities with country and coordinates, compiled into the library);
 * its query matches name prefixes, so we take an exact name (or the name
 * followed by a qualifier, "Washington D.C."), the most populous first.
 * Answers are cached by name: a document names the same places again. */
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
	for (size_t i = 0; i < ev_iso3166_count; i++)
		if (strcasecmp(ev_iso3166[i][0], alpha2) == 0)
			return ev_iso3166[i][1];
	return NULL;
}

#define CACHE_SLOTS 4096

typedef struct cached {
	char *name;
	bool found;
	ev_place place;
} cached;

static cached cache[CACHE_SLOTS];

static bool
query(const char *name, ev_place *out)
{
	guint n = 0;
	gint *hits = geonames_query_cities_sync(name, GEONAMES_QUERY_DEFAULT, &n,
	    NULL, NULL);
	size_t len = strlen(name);
	bool found = false;
	guint best_pop = 0;
	for (guint i = 0; i < n && i < 50; i++) {
		GeonamesCity *city = geonames_get_city(hits[i]);
		if (!city)
			continue;
		const char *cn = geonames_city_get_name(city);
		bool exact = cn && strcasecmp(cn, name) == 0;
		bool qualified = cn && strncasecmp(cn, name, len) == 0 && cn[len] == ' ' &&
		    cn[len + 1] >= 'A' && cn[len + 1] <= 'Z' && strchr(cn + len + 1, '.');
		guint pop = geonames_city_get_population(city);
		if ((exact || qualified) && (!found || pop > best_pop)) {
			const char *iso3 = ev_iso3(geonames_city_get_country_code(city));
			snprintf(out->country, sizeof out->country, "%s", iso3 ? iso3 : "");
			out->lat = geonames_city_get_latitude(city);
			out->lon = geonames_city_get_longitude(city);
			out->has_coords = true;
			best_pop = pop;
			found = true;
		}
		geonames_city_free(city);
	}
	g_free(hits);
	return found;
}

bool
ev_geo_lookup(const char *name, size_t len, ev_place *out)
{
	if (len == 0 || len > 100)
		return false;
	char buf[128];
	memcpy(buf, name, len);
	buf[len] = 0;
	size_t slot = news_hash64(buf, len) % CACHE_SLOTS;
	cached *c = &cache[slot];
	if (c->name && strcmp(c->name, buf) == 0) {
		*out = c->place;
		return c->found;
	}
	ev_place p;
	memset(&p, 0, sizeof p);
	bool found = query(buf, &p);
	free(c->name);
	c->name = news_xstrdup(buf);
	c->found = found;
	c->place = p;
	*out = p;
	return found;
}

void
ev_geo_free(void)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		free(cache[i].name);
		cache[i].name = NULL;
	}
}
