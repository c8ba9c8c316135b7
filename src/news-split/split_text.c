/* --text: a whole input is one document, split as it streams in.
 *
 * The text is read in chunks; the segmenter reports the sentences it can
 * decide (those with SPLIT_LOOKAHEAD bytes after them) and the rest is kept
 * for the next chunk, so memory holds one chunk and one sentence however
 * long the input. */
#include <stdlib.h>
#include <string.h>

#include "news_err.h"
#include "news_io.h"
#include "news_json.h"
#include "news_run.h"
#include "news_utf8.h"
#include "split.h"

#define TEXT_CHUNK (1 << 20)

/* "pages/a.txt" -> "pages/a"; standard input is "stdin". */
static void
text_doc_id(const char *path, news_buf *out)
{
	news_buf_clear(out);
	if (strcmp(path, "-") == 0) {
		news_json_put_cstring(out, "stdin");
		return;
	}
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - path) : strlen(path);
	news_json_put_string(out, path, n);
}

/* Bytes at the end of p[0..n) that begin a UTF-8 sequence the next chunk
 * may complete. */
static size_t
incomplete_tail(const char *p, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++) {
		unsigned char c = (unsigned char)p[n - k];
		if ((c & 0xC0) == 0x80)
			continue;
		size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		return need > k ? k : 0;
	}
	return 0;
}

/* A sentence too long to keep: cut it at the last space before the bytes
 * the segmenter still needs to look at. */
static size_t
cut_long(splitter *sp, size_t from, size_t len)
{
	const char *s = sp->text;
	size_t limit = len - SPLIT_LOOKAHEAD, cut = limit;
	while (cut > from && s[cut - 1] != ' ' && s[cut - 1] != '\n' && limit - cut < 4096)
		cut--;
	if (cut == from || limit - cut >= 4096)
		for (cut = limit; cut > from && ((unsigned char)s[cut] & 0xC0) == 0x80;)
			cut--;
	size_t a = from, b = cut;
	while (a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t' || s[a] == '\r'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\n' || s[b - 1] == '\t' ||
	    s[b - 1] == '\r'))
		b--;
	if (b > a)
		split_put_sentence(sp, a, b);
	sp->cut++;
	return cut;
}

void
split_text_reader(splitter *sp, news_reader *r, const char *path)
{
	news_ctx *ctx = sp->ctx;
	news_buf id = { 0 }, text = { 0 };
	char *chunk = news_xmalloc(TEXT_CHUNK + 4);
	size_t carry = 0;
	uint64_t repairs = 0;

	text_doc_id(path, &id);
	split_template_set_plain(sp->tpl, id.data, id.len);
	split_state_init(&sp->state);
	sp->base_cp = 0;
	sp->sent = 0;
	for (;;) {
		long k = news_reader_read(r, chunk + carry, TEXT_CHUNK);
		if (k < 0)
			news_die(NEWS_EXIT_IO, "%s: read error: %s",
			    news_reader_name(r), news_reader_error(r));
		bool eof = k == 0 || news_stop_signal;
		size_t n = carry + (size_t)k;
		size_t tail = eof ? 0 : incomplete_tail(chunk, n);
		size_t good = news_utf8_valid_prefix(chunk, n - tail);
		news_buf_add(&text, chunk, good);
		if (good < n - tail)
			repairs += news_utf8_repair(chunk + good, n - tail - good, &text);
		memmove(chunk, chunk + n - tail, tail);
		carry = tail;

		sp->text = text.data ? text.data : "";
		news_cp_cursor_init(&sp->cursor, sp->text);
		size_t done = split_segment(sp->lang, &sp->state, sp->text, text.len,
		    eof, split_put_sentence, sp);
		if (eof)
			break;
		if (text.len - done > SPLIT_MAX_SENTENCE)
			done = cut_long(sp, done, text.len);
		sp->base_cp += news_cp_at(&sp->cursor, done);     /* forward only */
		if (done) {     /* (nothing read yet: text.data is NULL) */
			memmove(text.data, text.data + done, text.len - done);
			text.len -= done;
		}
	}
	if (repairs) {
		ctx->repairs += repairs;
		ctx->repaired_records++;
	}
	ctx->records++;
	news_buf_free(&id);
	news_buf_free(&text);
	free(chunk);
}
