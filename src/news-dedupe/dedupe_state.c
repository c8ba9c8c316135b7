/* dedupe_state.c: the seen-set in LMDB (see dedupe_state.h).
 *
 * One file (MDB_NOSUBDIR, plus LMDB's FILE-lock) with three databases:
 *   meta   "config" -> what the keys are made of; "sweep" -> where the
 *          last --ttl sweep stopped
 *   keys   128-bit key hash -> written (uint32 seconds, LE) + first id
 *   near   sequence number (uint64, big-endian) -> written + sample + id
 * Sizes: a key entry is 8 (node) + 16 + 4 + the id's bytes, in B-tree
 * pages about 70% full; a near entry 8 + 8 + 4 + 2 + 5 a value (at most
 * DSTATE_NEAR_K) + the id's bytes, appended in order into full pages. */
#include "dedupe_state.h"

#include <errno.h>
#include <lmdb.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "news_err.h"
#include "news_json.h"
#include "news_utf8.h"

struct dstate {
	const char *path;
	MDB_env *env;
	MDB_dbi meta, keys, near;
	MDB_txn *txn;
	size_t pending;
	struct timespec began;
	uint32_t ttl;           /* seconds; 0: never expire */
	uint32_t now;
	uint64_t last_seq;      /* the newest near entry this process knows */
	dstate_near_fn replay;
	void *replay_user;
	news_buf val;
};

static void replay_near(dstate *s);

static _Noreturn void
fail(const dstate *s, const char *what, int rc)
{
	news_die(3, "state %s: %s: %s", s->path, what, mdb_strerror(rc));
}

static void
check(const dstate *s, const char *what, int rc)
{
	if (rc)
		fail(s, what, rc);
}

/* An id read back goes into the output as raw JSON ("dup_of"): one that
 * is not a JSON value in UTF-8 means the file was damaged. */
static bool
valid_id(const char *id, size_t len)
{
	news_json_type type;
	news_json_error err;

	return news_utf8_valid(id, len) &&
	    news_json_validate(id, len, &type, &err) == 0;
}

static uint32_t
now_seconds(void)
{
	time_t t = time(NULL);
	return t < 0 ? 0 : (uint32_t)t;
}

static bool
expired(const dstate *s, uint32_t written)
{
	return s->ttl && s->now > written && s->now - written > s->ttl;
}

static void
put_u32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t
get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
put_seq(unsigned char *p, uint64_t seq)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(seq >> (56 - 8 * i));
}

static uint64_t
get_seq(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

/* The configuration check: a state made for other keys would silently
 * match nothing, or the wrong things. */
static void
check_config(dstate *s, const char *config)
{
	MDB_val k = { 6, "config" }, v;
	int rc = mdb_get(s->txn, s->meta, &k, &v);

	if (rc == MDB_NOTFOUND) {
		v.mv_size = strlen(config);
		v.mv_data = (void *)config;
		check(s, "write", mdb_put(s->txn, s->meta, &k, &v, 0));
		return;
	}
	check(s, "read", rc);
	if (v.mv_size != strlen(config) || memcmp(v.mv_data, config, v.mv_size)) {
		news_warn("state %s was made for '%.*s', not '%s'", s->path,
		    (int)v.mv_size, (const char *)v.mv_data, config);
		mdb_txn_abort(s->txn);
		mdb_env_close(s->env);
		exit(2);
	}
}

/* Near entries are written in time order: expired ones are at the start. */
static void
expire_near(dstate *s)
{
	MDB_cursor *c;
	MDB_val k, v;

	check(s, "cursor", mdb_cursor_open(s->txn, s->near, &c));
	while (mdb_cursor_get(c, &k, &v, MDB_FIRST) == 0 && v.mv_size >= 4 &&
	    expired(s, get_u32(v.mv_data)))
		check(s, "delete", mdb_cursor_del(c, 0));
	mdb_cursor_close(c);
}

dstate *
dstate_open(const char *path, const char *config, double ttl_days)
{
	dstate *s = news_xcalloc(1, sizeof *s);
	int rc;

	s->path = path;
	if (ttl_days > 0) {
		double secs = ttl_days * 86400.0;
		s->ttl = secs < 1 ? 1 : secs > 4e9 ? 4000000000u : (uint32_t)secs;
	}
	check(s, "open", mdb_env_create(&s->env));
	mdb_env_set_maxdbs(s->env, 4);
	/* address space, not disk: the file grows as it is used */
	size_t map = sizeof(size_t) >= 8 ? (size_t)1 << 40 : (size_t)1 << 30;
	check(s, "open", mdb_env_set_mapsize(s->env, map));
	rc = mdb_env_open(s->env, path, MDB_NOSUBDIR, 0644);
	if (rc) {
		const char *msg = rc > 0 ? strerror(rc) : mdb_strerror(rc);
		news_die(3, "state %s: %s", path, msg);
	}
	int dead;
	mdb_reader_check(s->env, &dead);        /* slots of killed readers */
	s->now = now_seconds();
	check(s, "begin", mdb_txn_begin(s->env, NULL, 0, &s->txn));
	check(s, "open", mdb_dbi_open(s->txn, "meta", MDB_CREATE, &s->meta));
	check(s, "open", mdb_dbi_open(s->txn, "keys", MDB_CREATE, &s->keys));
	check(s, "open", mdb_dbi_open(s->txn, "near", MDB_CREATE, &s->near));
	check_config(s, config);
	if (s->ttl)
		expire_near(s);
	check(s, "commit", mdb_txn_commit(s->txn));
	s->txn = NULL;
	return s;
}

bool
dstate_begin(dstate *s)
{
	if (s->txn)
		return false;
	int rc = mdb_txn_begin(s->env, NULL, 0, &s->txn);
	check(s, "begin", rc);
	clock_gettime(CLOCK_MONOTONIC, &s->began);
	s->now = now_seconds();
	s->pending = 0;
	if (s->replay)
		replay_near(s);
	return true;
}

bool
dstate_active(const dstate *s)
{
	return s->txn != NULL;
}

bool
dstate_batch_due(const dstate *s)
{
	if (!s->txn)
		return false;
	if (s->pending >= DSTATE_BATCH)
		return true;
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	long ms = (t.tv_sec - s->began.tv_sec) * 1000 +
	    (t.tv_nsec - s->began.tv_nsec) / 1000000;
	return ms >= DSTATE_BATCH_MS;
}

/* --ttl: delete expired keys, a stretch at a time, resuming where the
 * last sweep stopped, so the work stays in proportion to the input. */
static void
sweep_keys(dstate *s, size_t budget)
{
	MDB_val mk = { 5, "sweep" }, pos, k, v;
	MDB_cursor *c;
	unsigned char at[16];
	size_t at_len = 0;
	int rc;

	if (mdb_get(s->txn, s->meta, &mk, &pos) == 0 && pos.mv_size <= 16) {
		memcpy(at, pos.mv_data, pos.mv_size);
		at_len = pos.mv_size;
	}
	check(s, "cursor", mdb_cursor_open(s->txn, s->keys, &c));
	k.mv_size = at_len;
	k.mv_data = at;
	rc = at_len ? mdb_cursor_get(c, &k, &v, MDB_SET_RANGE) :
	    mdb_cursor_get(c, &k, &v, MDB_FIRST);
	while (rc == 0 && budget--) {
		if (v.mv_size >= 4 && expired(s, get_u32(v.mv_data))) {
			check(s, "delete", mdb_cursor_del(c, 0));
			/* after a delete, NEXT yields the entry that followed */
			rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
			continue;
		}
		rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
	}
	if (rc == 0 && k.mv_size <= 16) {
		memcpy(at, k.mv_data, k.mv_size);
		at_len = k.mv_size;
	} else {
		at_len = 0;     /* the end: start over next time */
	}
	mdb_cursor_close(c);
	pos.mv_size = at_len;
	pos.mv_data = at;
	check(s, "write", mdb_put(s->txn, s->meta, &mk, &pos, 0));
}

void
dstate_commit(dstate *s)
{
	if (!s->txn)
		return;
	if (s->ttl && s->pending)
		sweep_keys(s, 2 * s->pending + 64);
	int rc = mdb_txn_commit(s->txn);
	s->txn = NULL;
	check(s, "commit", rc);
}

void
dstate_close(dstate *s)
{
	if (!s)
		return;
	dstate_commit(s);
	mdb_env_close(s->env);
	news_buf_free(&s->val);
	free(s);
}

static void
key_bytes(news_hash128 key, unsigned char kb[16])
{
	for (int i = 0; i < 8; i++) {
		kb[i] = (unsigned char)(key.lo >> (8 * i));
		kb[8 + i] = (unsigned char)(key.hi >> (8 * i));
	}
}

bool
dstate_seen(dstate *s, news_hash128 key)
{
	unsigned char kb[16];
	MDB_val k = { 16, kb }, v;

	dstate_begin(s);
	key_bytes(key, kb);
	int rc = mdb_get(s->txn, s->keys, &k, &v);
	if (rc && rc != MDB_NOTFOUND)
		fail(s, "read", rc);
	return rc == 0 && v.mv_size >= 4 && !expired(s, get_u32(v.mv_data));
}

bool
dstate_check_insert(dstate *s, news_hash128 key, const char *id,
    size_t id_len, news_buf *first)
{
	unsigned char kb[16];
	MDB_val k = { 16, kb }, v;

	dstate_begin(s);
	s->pending++;
	key_bytes(key, kb);
	int rc = mdb_get(s->txn, s->keys, &k, &v);
	if (rc == 0 && v.mv_size >= 4 && !expired(s, get_u32(v.mv_data))) {
		if (!valid_id((const char *)v.mv_data + 4, v.mv_size - 4))
			news_die(3, "state %s: a damaged entry", s->path);
		news_buf_clear(first);
		news_buf_add(first, (const char *)v.mv_data + 4, v.mv_size - 4);
		return false;
	}
	if (rc && rc != MDB_NOTFOUND)
		fail(s, "read", rc);
	news_buf_clear(&s->val);
	news_buf_reserve(&s->val, 4 + id_len);
	put_u32((unsigned char *)s->val.data, s->now);
	s->val.len = 4;
	news_buf_add(&s->val, id, id_len);
	v.mv_size = s->val.len;
	v.mv_data = s->val.data;
	check(s, "write", mdb_put(s->txn, s->keys, &k, &v, 0));
	return true;
}

/* near entry: written (4), flags (1: bit 0 = tau follows the values),
 * n (1), n values of 5 bytes, [tau (8)], id */
void
dstate_near_append(dstate *s, const near_sample *smp, const char *id,
    size_t id_len)
{
	unsigned n = smp->n < DSTATE_NEAR_K ? smp->n : DSTATE_NEAR_K;
	uint64_t tau = smp->n > DSTATE_NEAR_K ? smp->v[DSTATE_NEAR_K - 1] :
	    smp->tau;
	bool tau_explicit = !n || tau != smp->v[n - 1];
	unsigned char kb[8];
	MDB_val k = { 8, kb }, v;

	dstate_begin(s);
	news_buf_clear(&s->val);
	news_buf_reserve(&s->val, 6 + 5 * n + 8 + id_len);
	unsigned char *p = (unsigned char *)s->val.data;
	put_u32(p, s->now);
	p[4] = tau_explicit;
	p[5] = (unsigned char)n;
	p += 6;
	for (unsigned i = 0; i < n; i++)
		for (int b = 0; b < 5; b++)
			*p++ = (unsigned char)(smp->v[i] >> (8 * b));
	if (tau_explicit)
		for (int b = 0; b < 8; b++)
			*p++ = (unsigned char)(tau >> (8 * b));
	s->val.len = (size_t)(p - (unsigned char *)s->val.data);
	news_buf_add(&s->val, id, id_len);
	s->pending++;
	put_seq(kb, ++s->last_seq);
	v.mv_size = s->val.len;
	v.mv_data = s->val.data;
	check(s, "write", mdb_put(s->txn, s->near, &k, &v, MDB_APPEND));
}

static bool
decode_near(const MDB_val *v, near_sample *smp, const char **id,
    size_t *id_len)
{
	const unsigned char *p = v->mv_data, *end = p + v->mv_size;

	if (v->mv_size < 6 || p[5] > DSTATE_NEAR_K)
		return false;
	bool tau_explicit = p[4] & 1;
	if (p[5] == 0 && !tau_explicit)
		return false;   /* no value to take tau from */
	smp->n = p[5];
	p += 6;
	if ((size_t)(end - p) < 5 * smp->n + (tau_explicit ? 8 : 0))
		return false;
	for (unsigned i = 0; i < smp->n; i++, p += 5) {
		smp->v[i] = 0;
		for (int b = 4; b >= 0; b--)
			smp->v[i] = smp->v[i] << 8 | p[b];
	}
	if (tau_explicit) {
		smp->tau = 0;
		for (int b = 7; b >= 0; b--)
			smp->tau = smp->tau << 8 | p[b];
		p += 8;
	} else {
		smp->tau = smp->v[smp->n - 1];
	}
	*id = (const char *)p;
	*id_len = (size_t)(end - p);
	return valid_id(*id, *id_len);
}

static void
replay_near(dstate *s)
{
	MDB_cursor *c;
	MDB_val k, v;
	unsigned char kb[8];
	int rc;

	check(s, "cursor", mdb_cursor_open(s->txn, s->near, &c));
	put_seq(kb, s->last_seq + 1);
	k.mv_size = 8;
	k.mv_data = kb;
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0;
	    rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		near_sample smp;
		const char *id;
		size_t id_len;
		if (k.mv_size != 8)
			continue;
		s->last_seq = get_seq(k.mv_data);
		if (v.mv_size >= 4 && expired(s, get_u32(v.mv_data)))
			continue;
		if (!decode_near(&v, &smp, &id, &id_len))
			news_die(3, "state %s: a damaged near-duplicate entry",
			    s->path);
		s->replay(s->replay_user, &smp, id, id_len);
	}
	if (rc != MDB_NOTFOUND)
		fail(s, "read", rc);
	mdb_cursor_close(c);
}

void
dstate_near_attach(dstate *s, dstate_near_fn fn, void *user)
{
	s->replay = fn;
	s->replay_user = user;
	dstate_begin(s);        /* reads what earlier runs wrote */
}
