/* ev_emit.c: event records.  Each event is the sentence record with
 * `entities` removed, `id` replaced by DOC:SENT:N, `date` by the event's
 * date, and the event's fields appended. */
#include <string.h>

#include "ev_emit.h"
#include "news_json.h"

static void
put_actor(news_buf *b, const ev_actor *a)
{
	news_buf_addc(b, '{');
	news_json_put_key(b, "text");
	news_json_put_string(b, a->text, a->len);
	news_buf_addc(b, ',');
	news_json_put_key(b, "code");
	news_json_put_cstring(b, a->code);
	news_buf_addc(b, '}');
}

/* A coordinate, written once per place by ev_geo.c (formatting a double
 * took a tenth of the time on news). */
static void
put_coord(news_buf *b, const ev_place *p, double v, const char *json)
{
	if (!p->has_coords)
		news_json_put_null(b);
	else if (json[0])
		news_buf_adds(b, json);
	else
		news_json_put_double(b, v);
}

static void
put_location(news_buf *b, const ev_sent *s, int ent, bool lookup)
{
	if (ent < 0) {
		news_json_put_null(b);
		return;
	}
	const ev_entity *e = &s->ents[ent];
	ev_place p;
	memset(&p, 0, sizeof p);
	bool found = lookup && ev_geo_lookup(e->text, e->len, &p);
	if (!found && e->has_code && strlen(e->code) >= 3)
		snprintf(p.country, sizeof p.country, "%.3s", e->code);
	news_buf_addc(b, '{');
	news_json_put_key(b, "text");
	news_json_put_string(b, e->text, e->len);
	news_buf_addc(b, ',');
	news_json_put_key(b, "country");
	if (p.country[0])
		news_json_put_cstring(b, p.country);
	else
		news_json_put_null(b);
	news_buf_addc(b, ',');
	news_json_put_key(b, "lat");
	put_coord(b, &p, p.lat, p.lat_json);
	news_buf_addc(b, ',');
	news_json_put_key(b, "lon");
	put_coord(b, &p, p.lon, p.lon_json);
	news_buf_addc(b, '}');
}

static int
quad_of(int root)
{
	return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

void
ev_emit(news_ctx *ctx, news_record *rec, const ev_sent *s, const ev_result *r,
    const char *base, size_t base_len, const ev_emit_opts *o)
{
	news_buf id = { 0 };
	for (int i = 0; i < r->n; i++) {
		const ev_event *e = &r->ev[i];
		news_record_clear_edits(rec);
		news_record_delete(rec, "entities");

		news_buf_clear(&id);
		news_buf_add(&id, base, base_len);
		news_buf_addc(&id, ':');
		news_json_put_uint(&id, (uint64_t)i);
		news_record_set_string(rec, "id", id.data, id.len);

		if (e->date_ent >= 0) {
			const char *v = s->ents[e->date_ent].value;
			news_record_set_string(rec, "date", v, strlen(v));
		} else {
			const news_json_member *d = news_record_get(rec, "date");
			if (!d || d->type != NEWS_JSON_STRING)
				news_record_set_null(rec, "date");
		}

		news_buf *b = news_record_set_begin(rec, "source");
		put_actor(b, &e->src);
		news_record_set_end(rec);
		b = news_record_set_begin(rec, "target");
		put_actor(b, &e->tgt);
		news_record_set_end(rec);

		news_record_set_string(rec, "code", e->code, strlen(e->code));
		news_record_set_string(rec, "root", e->code, 2);
		int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
		char quad = (char)('0' + quad_of(root));
		news_record_set_raw(rec, "quad", &quad, 1);
		const ev_cameo *cm = ev_cameo_find(e->code);
		b = news_record_set_begin(rec, "goldstein");
		if (cm)
			news_buf_add(b, cm->goldstein_json, strlen(cm->goldstein_json));
		else
			news_json_put_double(b, 0.0);
		news_record_set_end(rec);

		size_t t0 = s->units[e->trig0].b0;
		size_t t1 = s->units[e->trig1 > e->trig0 ? e->trig1 - 1 : e->trig0].b1;
		news_record_set_string(rec, "trigger", s->text + t0, t1 - t0);

		b = news_record_set_begin(rec, "location");
		put_location(b, s, e->place_ent, o->locations);
		news_record_set_end(rec);

		news_record_set_string(rec, "rule", e->rule, strlen(e->rule));
		if (o->plover) {
			if (cm && cm->plover)
				news_record_set_string(rec, "plover", cm->plover,
				    strlen(cm->plover));
			else
				news_record_set_null(rec, "plover");
		}
		news_record_emit(rec, news_ctx_out(ctx));
		news_ctx_end_record(ctx);
	}
	news_buf_free(&id);
}
