/* Sentence records, fast: the document's record is cut once into literal
 * pieces and holes (id, text, doc, sent, start, end), and each sentence is
 * the pieces with its values in the holes.  The result is what news_record
 * edits would give (replaced fields in place, new ones appended in this
 * order), without looking fields up again for every sentence. */
#include "split.h"

#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "news_json.h"


enum hole { H_ID, H_TEXT, H_DOC, H_SENT, H_START, H_END, H_COUNT };

static const char *const hole_keys[H_COUNT] = {
	"id", "text", "doc", "sent", "start", "end",
};

typedef struct piece {
	size_t off, len;        /* literal bytes in t->lit */
	int hole;               /* then this value, or -1 */
} piece;

/* What a sentence record is made of once the document's own values (the
 * id's prefix, doc) are folded into the literal bytes. */
enum op { OP_LIT, OP_SENT, OP_TEXT, OP_START, OP_END };

typedef struct step {
	enum op op;
	size_t off, len;        /* OP_LIT: bytes in t->code */
} step;

struct split_template {
	news_buf lit;           /* literal bytes of all pieces */
	piece pieces[2 * H_COUNT + 2];
	size_t n;
	news_buf doc;           /* the document id, JSON string */
	news_buf id_prefix;     /* the id's escaped text, for "ID:N" */
	news_buf code;          /* literal bytes of the steps */
	step steps[4 * H_COUNT + 4];
	size_t n_steps;
};

split_template *
split_template_new(void)
{
	return news_xcalloc(1, sizeof(split_template));
}

void
split_template_free(split_template *t)
{
	if (!t)
		return;
	news_buf_free(&t->lit);
	news_buf_free(&t->doc);
	news_buf_free(&t->id_prefix);
	news_buf_free(&t->code);
	free(t);
}

static void
add_piece(split_template *t, const char *p, size_t len, int hole)
{
	piece *pc = &t->pieces[t->n++];
	pc->off = t->lit.len;
	pc->len = len;
	pc->hole = hole;
	news_buf_add(&t->lit, p, len);
}

static void
add_step(split_template *t, enum op op, size_t *lit_start)
{
	if (t->code.len > *lit_start)
		t->steps[t->n_steps++] = (step){ OP_LIT, *lit_start,
		    t->code.len - *lit_start };
	if (op != OP_LIT)
		t->steps[t->n_steps++] = (step){ op, 0, 0 };
	*lit_start = t->code.len;
}

/* Pieces and holes into steps: the id becomes its prefix, the sentence
 * number and a quote; doc its value. */
static void
compile(split_template *t)
{
	size_t lit_start = 0;

	news_buf_clear(&t->code);
	t->n_steps = 0;
	for (size_t i = 0; i < t->n; i++) {
		const piece *p = &t->pieces[i];
		news_buf_add(&t->code, t->lit.data + p->off, p->len);
		switch (p->hole) {
		case H_ID:
			news_buf_add(&t->code, t->id_prefix.data, t->id_prefix.len);
			news_buf_addc(&t->code, ':');
			add_step(t, OP_SENT, &lit_start);
			news_buf_addc(&t->code, '"');
			break;
		case H_DOC:
			news_buf_add(&t->code, t->doc.data, t->doc.len);
			break;
		case H_TEXT:
			add_step(t, OP_TEXT, &lit_start);
			break;
		case H_SENT:
			add_step(t, OP_SENT, &lit_start);
			break;
		case H_START:
			add_step(t, OP_START, &lit_start);
			break;
		case H_END:
			add_step(t, OP_END, &lit_start);
			break;
		}
	}
	add_step(t, OP_LIT, &lit_start);
	/* copies of short pieces may read sixteen bytes past one */
	news_buf_reserve(&t->code, 16);
}

static void
set_doc(split_template *t, const char *doc_json, size_t doc_len)
{
	news_buf_clear(&t->doc);
	news_buf_add(&t->doc, doc_json, doc_len);
	/* the id of sentence N is the document id's text with ":N": a string
	 * without its closing quote, or a number as a string */
	news_buf_clear(&t->id_prefix);
	if (doc_len >= 2 && doc_json[0] == '"') {
		news_buf_add(&t->id_prefix, doc_json, doc_len - 1);
	} else {
		news_buf_addc(&t->id_prefix, '"');
		news_buf_add(&t->id_prefix, doc_json, doc_len);
	}
}

void
split_template_set(split_template *t, const news_record *rec,
    const char *doc_json, size_t doc_len, const char *text_key)
{
	const news_json_object *o = &rec->obj;
	const news_json_member *m[H_COUNT];
	bool placed[H_COUNT] = { 0 };

	news_buf_clear(&t->lit);
	t->n = 0;
	set_doc(t, doc_json, doc_len);
	const char *keys[H_COUNT];
	for (int h = 0; h < H_COUNT; h++) {
		keys[h] = h == H_TEXT ? text_key : hole_keys[h];
		m[h] = news_json_find(o, keys[h], strlen(keys[h]));
	}

	/* Walk the members in order; each of ours (the last of its name, as
	 * news_json_find and news_record see it) becomes a hole. */
	const char *cursor = o->start;
	for (size_t i = 0; i < o->n; i++) {
		int hole = -1;
		for (int h = 0; h < H_COUNT; h++)
			if (m[h] == &o->m[i])
				hole = h;
		if (hole < 0)
			continue;
		add_piece(t, cursor, (size_t)(o->m[i].val - cursor), hole);
		cursor = o->m[i].val + o->m[i].val_len;
		placed[hole] = true;
	}
	/* the rest of the object without its '}', then the appended fields */
	const char *close = o->end - 1;
	size_t kept = o->n;
	news_buf tail = { 0 };
	news_buf_add(&tail, cursor, (size_t)(close - cursor));
	for (int h = 0; h < H_COUNT; h++) {
		if (placed[h])
			continue;
		if (kept++)
			news_buf_addc(&tail, ',');
		news_json_put_key(&tail, keys[h]);
		add_piece(t, tail.data, tail.len, h);
		news_buf_clear(&tail);
	}
	news_buf_add(&tail, "}\n", 2);
	add_piece(t, tail.data, tail.len, -1);
	news_buf_free(&tail);
	compile(t);
}

void
split_template_set_plain(split_template *t, const char *doc_json, size_t doc_len)
{
	news_buf_clear(&t->lit);
	t->n = 0;
	set_doc(t, doc_json, doc_len);
	add_piece(t, "{\"id\":", 6, H_ID);
	add_piece(t, ",\"text\":", 8, H_TEXT);
	add_piece(t, ",\"doc\":", 7, H_DOC);
	add_piece(t, ",\"sent\":", 8, H_SENT);
	add_piece(t, ",\"start\":", 9, H_START);
	add_piece(t, ",\"end\":", 7, H_END);
	add_piece(t, "}\n", 2, -1);
	compile(t);
}

/* memcpy(dst, src, n), for the short pieces of a record: with 16 bytes
 * readable after src + n and writable after dst + n, without a call. */
static inline void
copy_short(char *dst, const char *src, size_t n)
{
	if (n <= 16) {
		char tmp[16];
		memcpy(tmp, src, 16);
		memcpy(dst, tmp, 16);
	} else if (n <= 32) {
		char a[16], b[16];
		memcpy(a, src, 16);
		memcpy(b, src + n - 16, 16);
		memcpy(dst, a, 16);
		memcpy(dst + n - 16, b, 16);
	} else {
		memcpy(dst, src, n);
	}
}

void
split_template_emit(const split_template *t, news_buf *out, uint64_t sent,
    const char *text, size_t text_len, uint64_t start, uint64_t end)
{
	/* room for everything but the text's escapes, checked once; short
	 * pieces are copied sixteen bytes at a time, a little past their end */
	size_t room = t->code.len + 4 * 20 + 16;
	news_buf_reserve(out, room + text_len + 2);
	char *p = out->data + out->len;

	for (size_t i = 0; i < t->n_steps; i++) {
		const step *s = &t->steps[i];
		switch (s->op) {
		case OP_LIT:
			copy_short(p, t->code.data + s->off, s->len);
			p += s->len;
			break;
		case OP_SENT:
			p = news_json_fmt_uint(p, sent);
			break;
		case OP_START:
			p = news_json_fmt_uint(p, start);
			break;
		case OP_END:
			p = news_json_fmt_uint(p, end);
			break;
		case OP_TEXT:
			out->len = (size_t)(p - out->data);
			news_json_put_string(out, text, text_len);
			news_buf_reserve(out, room);
			p = out->data + out->len;
			break;
		}
	}
	out->len = (size_t)(p - out->data);
}
