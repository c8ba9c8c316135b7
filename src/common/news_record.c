#include "news_record.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "news_err.h"

void
news_record_init(news_record *r)
{
	memset(r, 0, sizeof *r);
	r->open_edit = -1;
}

void
news_record_free(news_record *r)
{
	news_json_object_free(&r->obj);
	free(r->edits);
	news_buf_free(&r->vals);
	news_buf_free(&r->scratch);
	news_record_init(r);
}

int
news_record_parse(news_record *r, const char *line, size_t len,
    news_json_error *err)
{
	r->line = line;
	r->len = len;
	r->n_edits = 0;
	r->open_edit = -1;
	news_buf_clear(&r->vals);
	return news_json_scan_object(&r->obj, line, len, err);
}

const news_json_member *
news_record_get(const news_record *r, const char *key)
{
	return news_json_find(&r->obj, key, strlen(key));
}

bool
news_record_path(const news_record *r, const char *path, news_json_member *m)
{
	const char *dot = strchr(path, '.');
	size_t seg = dot ? (size_t)(dot - path) : strlen(path);
	const news_json_member *top = news_json_find(&r->obj, path, seg);

	if (!top)
		return false;
	*m = *top;
	while (dot) {
		path = dot + 1;
		dot = strchr(path, '.');
		seg = dot ? (size_t)(dot - path) : strlen(path);
		if (m->type != NEWS_JSON_OBJECT)
			return false;
		news_json_iter it;
		news_json_member child;
		bool found = false;
		news_json_iter_init(&it, m->val, m->val_len);
		while (news_json_object_next(&it, &child)) {
			/* later duplicates win, as at the top level */
			if (!child.key_escaped && child.key_len == seg &&
			    memcmp(child.key, path, seg) == 0) {
				*m = child;
				found = true;
			}
		}
		if (!found)
			return false;
	}
	return true;
}

int
news_record_string(news_record *r, const char *key, const char **text,
    size_t *len)
{
	const news_json_member *m = news_record_get(r, key);

	if (!m)
		return 0;
	if (m->type != NEWS_JSON_STRING)
		return -1;
	*len = news_json_string(m, text, &r->scratch);
	return 1;
}

void
news_record_clear_edits(news_record *r)
{
	for (size_t i = 0; i < r->obj.n; i++)
		r->obj.m[i].edit = -1;
	r->n_edits = 0;
	r->open_edit = -1;
	news_buf_clear(&r->vals);
}

/* The edit for key, made if need be, linked to its member. */
static news_edit *
edit_for(news_record *r, const char *key)
{
	size_t key_len = strlen(key);

	assert(r->open_edit < 0);
	for (size_t i = 0; i < r->n_edits; i++)
		if (r->edits[i].key_len == key_len &&
		    memcmp(r->edits[i].key, key, key_len) == 0)
			return &r->edits[i];
	if (r->n_edits == r->cap_edits) {
		r->cap_edits = r->cap_edits ? r->cap_edits * 2 : 8;
		r->edits = news_xrealloc(r->edits, r->cap_edits * sizeof *r->edits);
	}
	news_edit *e = &r->edits[r->n_edits];
	memset(e, 0, sizeof *e);
	e->key = key;
	e->key_len = key_len;
	const news_json_member *m = news_json_find(&r->obj, key, key_len);
	if (m)
		r->obj.m[m - r->obj.m].edit = (int)r->n_edits;
	else
		e->appended = true;
	r->n_edits++;
	return e;
}

news_buf *
news_record_set_begin(news_record *r, const char *key)
{
	news_edit *e = edit_for(r, key);

	e->deleted = false;
	e->val_off = r->vals.len;
	r->open_edit = (int)(e - r->edits);
	return &r->vals;
}

void
news_record_set_end(news_record *r)
{
	assert(r->open_edit >= 0);
	news_edit *e = &r->edits[r->open_edit];
	e->val_len = r->vals.len - e->val_off;
	r->open_edit = -1;
}

void
news_record_set_raw(news_record *r, const char *key, const char *json,
    size_t len)
{
	news_buf_add(news_record_set_begin(r, key), json, len);
	news_record_set_end(r);
}

void
news_record_set_string(news_record *r, const char *key, const char *s,
    size_t len)
{
	news_json_put_string(news_record_set_begin(r, key), s, len);
	news_record_set_end(r);
}

void
news_record_set_int(news_record *r, const char *key, int64_t v)
{
	news_json_put_int(news_record_set_begin(r, key), v);
	news_record_set_end(r);
}

void
news_record_set_null(news_record *r, const char *key)
{
	news_record_set_raw(r, key, "null", 4);
}

void
news_record_delete(news_record *r, const char *key)
{
	news_edit *e = edit_for(r, key);

	e->deleted = true;
	e->val_len = 0;
}

static inline void
copy_span(news_buf *out, const char *from, const char *to)
{
	if (to > from)
		news_buf_add(out, from, (size_t)(to - from));
}

/* Copy the input between edits, so untouched members keep their exact
 * bytes and their order. */
void
news_record_emit(const news_record *r, news_buf *out)
{
	const news_json_object *o = &r->obj;
	const char *cursor = o->start, *last_kept_end = NULL;
	size_t kept = 0;

	assert(r->open_edit < 0);
	news_buf_reserve(out, (size_t)(o->end - o->start) + r->vals.len + 64);
	for (size_t i = 0; i < o->n; i++) {
		const news_json_member *m = &o->m[i];
		const char *m_end = m->val + m->val_len;

		if (m->edit < 0) {
			kept++;
			last_kept_end = m_end;
			continue;
		}
		const news_edit *e = &r->edits[m->edit];
		if (!e->deleted) {
			copy_span(out, cursor, m->val);
			news_buf_add(out, r->vals.data + e->val_off, e->val_len);
			cursor = m_end;
			kept++;
			last_kept_end = m_end;
		} else if (kept) {
			/* drop ',"key":value' after the last kept member */
			copy_span(out, cursor, last_kept_end);
			if (cursor < m_end)
				cursor = m_end;
		} else {
			/* drop '"key":value,' at the front */
			copy_span(out, cursor, m->key - 1);
			cursor = i + 1 < o->n ? o->m[i + 1].key - 1 : m_end;
		}
	}
	copy_span(out, cursor, o->end - 1);
	for (size_t i = 0; i < r->n_edits; i++) {
		const news_edit *e = &r->edits[i];
		if (!e->appended || e->deleted)
			continue;
		if (kept++)
			news_buf_addc(out, ',');
		news_json_put_string(out, e->key, e->key_len);
		news_buf_addc(out, ':');
		news_buf_add(out, r->vals.data + e->val_off, e->val_len);
	}
	news_buf_add(out, "}\n", 2);
}
