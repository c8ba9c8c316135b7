/* ev_geo.c: where an event happened.  Cities come from libgeonames (about
 * 24,000 cities with country and coordinates, compiled into the library).
 * Its own query scans every city (0.2 s a query here, too slow for a
 * stream), so on the first look-up we index all cities once by lower-cased
 * name (half of what reading every city's fields took; the fields of a
 * name are read when it is first asked for): a name is an exact city
 * name, or one followed by a qualifier ("Washington D.C."); of several
 * cities so named, the most populous. */
#include <geonames/geonames.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "events.h"
#include "news_err.h"
#include "news_hash.h"
#include "news_json.h"

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

/* A lower-cased name and the cities so named, in libgeonames' order
 * (cands[] from first); its place is read from libgeonames on the first
 * look-up of the name, since reading a city's fields costs more than
 * reading its name (most of the index's time went to fields never
 * asked for). */
typedef struct city {
	char *name;
	int first, last;        /* candidates: indices into cands[] */
	bool resolved, found;
	ev_place place;
} city;

typedef struct cand {
	int city;               /* libgeonames' index */
	int next;               /* the next candidate of the name, or -1 */
} cand;

static city *cities;
static size_t n_slots;
static cand *cands;
static size_t n_cands, cap_cands;
static bool built;

static void
lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

static void
put(const char *name, size_t len, int index)
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
	if (n_cands == cap_cands) {
		cap_cands = cap_cands ? cap_cands * 2 : 32768;
		cands = news_xrealloc(cands, cap_cands * sizeof *cands);
	}
	cands[n_cands] = (cand){ .city = index, .next = -1 };
	if (!cities[i].name) {
		cities[i].name = news_xstrdup(key);
		cities[i].first = (int)n_cands;
	} else {
		cands[cities[i].last].next = (int)n_cands;
	}
	cities[i].last = (int)n_cands++;
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
		if (name) {
			put(name, strlen(name), i);
			/* "Washington D.C." is also Washington */
			const char *sp = strrchr(name, ' ');
			if (sp && sp[1] >= 'A' && sp[1] <= 'Z' && strchr(sp, '.'))
				put(name, (size_t)(sp - name), i);
		}
		geonames_city_free(c);
	}
}

/* The coordinates as the output writes them, or "" (too long: written
 * at the time). */
static void
coord_json(double v, char *out, size_t cap)
{
	news_buf b = { 0 };
	news_json_put_double(&b, v);
	out[0] = 0;
	if (b.len < cap) {
		memcpy(out, b.data, b.len);
		out[b.len] = 0;
	}
	news_buf_free(&b);
}

/* Of the cities so named, the most populous (the first of equals). */
static void
resolve(city *ct)
{
	ct->resolved = true;
	int best = -1;
	unsigned best_pop = 0;
	for (int k = ct->first; k >= 0; k = cands[k].next) {
		GeonamesCity *c = geonames_get_city(cands[k].city);
		if (!c)
			continue;
		unsigned pop = geonames_city_get_population(c);
		if (best < 0 || pop > best_pop) {
			best = cands[k].city;
			best_pop = pop;
		}
		geonames_city_free(c);
	}
	GeonamesCity *c = best >= 0 ? geonames_get_city(best) : NULL;
	if (!c)
		return;
	ev_place *p = &ct->place;
	memset(p, 0, sizeof *p);
	const char *iso3 = ev_iso3(geonames_city_get_country_code(c));
	snprintf(p->country, sizeof p->country, "%s", iso3 ? iso3 : "");
	p->lat = geonames_city_get_latitude(c);
	p->lon = geonames_city_get_longitude(c);
	p->has_coords = true;
	coord_json(p->lat, p->lat_json, sizeof p->lat_json);
	coord_json(p->lon, p->lon_json, sizeof p->lon_json);
	ct->found = true;
	geonames_city_free(c);
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
			if (!cities[i].resolved)
				resolve(&cities[i]);
			if (!cities[i].found)
				return false;
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
	free(cands);
	cities = NULL;
	cands = NULL;
	n_slots = n_cands = cap_cands = 0;
	built = false;
}
