/* news-strip: the article in a news page, with its title, date, byline
 * and language.  Pages come as files, as one page on standard input, or
 * as JSON Lines records with the page in a field. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "news_dict.h"
#include "news_err.h"
#include "news_hash.h"
#include "news_io.h"
#include "news_json.h"
#include "news_opts.h"
#include "news_run.h"
#include "strip_doc.h"
#include "strip_html.h"
#include "strip_warc.h"

extern const news_blob news_strip_dicts[];
extern const size_t news_strip_dicts_count;

enum {
	OPT_FIELD = 256, OPT_HTML, OPT_KEEP_CAPTIONS, OPT_MIN_LENGTH, OPT_DICT,
	OPT_NO_BUILTIN, OPT_ENCODING, OPT_EXPLAIN, OPT_WARC,
};

static const news_option options[] = {
	{ "field", 'f', required_argument, OPT_FIELD, "NAME",
	  "JSON Lines input: the field holding the page (default: html when a "
	  "record has one, else text)" },
	{ "html", 0, no_argument, OPT_HTML, NULL,
	  "the pages are HTML (default: told from the content, or from an html "
	  "field)" },
	{ "keep-captions", 0, no_argument, OPT_KEEP_CAPTIONS, NULL,
	  "keep photo captions that sit in the article" },
	{ "min-length", 0, required_argument, OPT_MIN_LENGTH, "N",
	  "blocks shorter than N characters are judged by their neighbours, not "
	  "alone (default 50)" },
	{ "dict", 'd', required_argument, OPT_DICT, "FILE",
	  "add the stopwords, phrases and month names in FILE (format in "
	  "news-strip(1)); may be repeated" },
	{ "no-builtin-dicts", 0, no_argument, OPT_NO_BUILTIN, NULL,
	  "use only the --dict files, not the built-in dictionaries" },
	{ "encoding", 'e', required_argument, OPT_ENCODING, "NAME",
	  "raw text pages are in encoding NAME (any name iconv knows), not "
	  "detected" },
	{ "warc", 0, no_argument, OPT_WARC, NULL,
	  "the inputs are WARC files (plain or gzipped): one document per HTML "
	  "response, with url and id from WARC-Target-URI and crawl_date from "
	  "WARC-Date" },
	{ "explain", 0, no_argument, OPT_EXPLAIN, NULL,
	  "add a \"blocks\" field: every block with its class, whether it was "
	  "kept, and the evidence" },
	{ 0 },
};

static const news_program program = {
	.name = "news-strip",
	.usage = "[OPTION]... [FILE]...",
	.summary = "Find the article in news pages: drop navigation, headline "
	    "lists, widgets, captions and bylines, keep the body, and find the "
	    "title, publication date, byline and language.  Each FILE is one page "
	    "(its id is the path without its extension); with no FILE, standard "
	    "input is one page, or JSON Lines with the page in a field.",
	.options = options,
	.details = "Output: one JSON object per page with id, url, title, date "
	    "(YYYY-MM-DD or null), byline, lang and text (paragraphs separated by "
	    "a blank line); JSON Lines input keeps its other fields.\n"
	    "Each block (line, paragraph or HTML element) is judged by its "
	    "length, stopword density, punctuation, list markers, dates, phrases "
	    "of the dictionaries and repetition, then by its neighbours; the "
	    "article is the run of blocks with the most prose.  news-strip(1) "
	    "explains the rules.",
	.shared = NEWS_OPT_INPUT_MODE,
};

typedef struct strip_state {
	strip_config cfg;
	strip_dicts *dicts;
	const char *field;
	const char *encoding;
	bool html;              /* --html */
	bool text_only;         /* --text: raw pages are text, never HTML */
	bool explain;
	bool warc;              /* --warc */
	bool builtin;
	const char **dict_files;
	size_t n_dict_files;
	const news_common_opts *common;
	strip_page page;
	strip_doc doc;
	news_buf raw, conv, id;
} strip_state;

static void
handle_option(int id, const char *arg, void *user)
{
	strip_state *st = user;

	switch (id) {
	case OPT_FIELD:
		if (!*arg)
			news_usage_error("--field needs a name");
		st->field = arg;
		break;
	case OPT_HTML:
		st->html = true;
		break;
	case OPT_KEEP_CAPTIONS:
		st->cfg.keep_captions = true;
		break;
	case OPT_MIN_LENGTH:
		st->cfg.min_length = (size_t)news_parse_number("min-length", arg, 0, 100000);
		break;
	case OPT_DICT:
		st->dict_files = news_xrealloc(st->dict_files,
		    (st->n_dict_files + 1) * sizeof *st->dict_files);
		st->dict_files[st->n_dict_files++] = arg;
		break;
	case OPT_NO_BUILTIN:
		st->builtin = false;
		break;
	case OPT_ENCODING:
		if (!*arg)
			news_usage_error("--encoding needs a name");
		st->encoding = arg;
		break;
	case OPT_EXPLAIN:
		st->explain = true;
		break;
	case OPT_WARC:
		st->warc = true;
		break;
	}
}

static void
load_dicts(strip_state *st)
{
	st->dicts = strip_dicts_new();
	if (st->builtin)
		for (size_t i = 0; i < news_strip_dicts_count; i++)
			strip_dicts_add(st->dicts, news_strip_dicts[i].data,
			    news_strip_dicts[i].len, news_strip_dicts[i].name);
	for (size_t i = 0; i < st->n_dict_files; i++) {
		news_buf b = { 0 };
		news_dict_read_file(st->dict_files[i], &b);
		strip_dicts_add(st->dicts, b.data, b.len, st->dict_files[i]);
		news_buf_free(&b);
	}
	st->cfg.dicts = st->dicts;
}

/* Whether a raw page is HTML: it starts with markup, or names <html>,
 * <body> or a few block elements near its start. */
static bool
looks_like_html(const char *p, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	if (i >= len || p[i] != '<')
		return false;
	static const char *const starts[] = {
		"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--",
		"<div", "<p>", "<p ", "<article", "<?xml", "<table", "<script", NULL,
	};
	for (int k = 0; starts[k]; k++)
		if (len - i >= strlen(starts[k]) &&
		    strncasecmp(p + i, starts[k], strlen(starts[k])) == 0)
			return true;
	/* any other known element ("<section>", "<h1 class=...>") */
	return strip_looks_like_html(p + i, len - i);
}

/* The one place where a page becomes blocks.  `unicode`: the page is
 * valid UTF-8 already (JSON strings are Unicode, whatever a page's <meta>
 * says); else its charset is told from the page. */
static int
page_blocks(strip_state *st, const char *p, size_t len, bool html,
    bool unicode)
{
	strip_page_clear(&st->page);
	if (html)
		return (unicode ? strip_html_blocks_utf8(p, len, &st->page) :
		    strip_html_blocks_cs(p, len, NULL, &st->page)) < 0 ? -1 : 0;
	strip_text_blocks(p, len, &st->page);
	return 0;
}

static void
put_opt_string(news_buf *out, const char *key, const char *s)
{
	news_buf_addc(out, ',');
	news_json_put_key(out, key);
	if (s && *s)
		news_json_put_cstring(out, s);
	else
		news_json_put_null(out);
}

/* The id of a page read from a file: the path without its extension
 * (and without .gz before that). */
static void
path_id(const char *path, news_buf *out)
{
	size_t n = strlen(path);
	const char *base = strrchr(path, '/');
	size_t b = base ? (size_t)(base - path) + 1 : 0;

	for (int round = 0; round < 2; round++) {
		size_t k = n;
		while (k > b && path[k - 1] != '.')
			k--;
		if (k <= b + 1)
			break;          /* no extension, or a dot file */
		bool gz = n - k == 2 && strncmp(path + k, "gz", 2) == 0;
		n = k - 1;
		if (!gz)
			break;
	}
	news_buf_clear(out);
	news_buf_add(out, path, n);
}

static void
hash_id(const char *p, size_t len, news_buf *out)
{
	news_buf_clear(out);
	news_buf_printf(out, "%016llx", (unsigned long long)news_hash64(p, len));
}

static int
year_of(const char *s, size_t len)
{
	if (len < 4)
		return 0;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	return y >= 1900 && y <= 2100 ? y : 0;
}

/* --- raw pages ------------------------------------------------------------ */

static void
emit_raw(news_ctx *ctx, strip_state *st, const char *id, size_t id_len,
    const char *url, const char *crawl_date)
{
	news_buf *out = news_ctx_out(ctx);
	const strip_doc *doc = &st->doc;

	news_buf_adds(out, "{\"id\":");
	news_json_put_string(out, id, id_len);
	put_opt_string(out, "url", url ? url : st->page.meta_url);
	if (crawl_date)
		put_opt_string(out, "crawl_date", crawl_date);
	put_opt_string(out, "title", doc->meta.title);
	put_opt_string(out, "date", doc->meta.date);
	put_opt_string(out, "byline", doc->meta.byline);
	put_opt_string(out, "lang", doc->lang);
	news_buf_adds(out, ",\"text\":");
	news_json_put_string(out, doc->text.data ? doc->text.data : "", doc->text.len);
	if (st->explain) {
		news_buf_adds(out, ",\"blocks\":");
		strip_explain(&st->page, out);
	}
	news_buf_adds(out, "}\n");
	news_ctx_end_record(ctx);
}

/* One raw page from `name` (a path, or NULL for standard input). */
static void
process_raw(news_ctx *ctx, strip_state *st, const char *name, const char *raw,
    size_t len)
{
	const char *shown = name ? name : "<stdin>";
	bool html = st->html || (!st->text_only && looks_like_html(raw, len));
	const char *text = raw;
	size_t text_len = len;

	if (name)
		path_id(name, &st->id);
	else
		hash_id(raw, len, &st->id);
	if (!html) {
		size_t bom = 0;
		const char *enc = st->encoding;
		if (!enc)
			enc = strip_encoding_detect(raw, len, &bom);
		news_buf_clear(&st->conv);
		size_t bad = strip_encoding_to_utf8(raw + bom, len - bom, enc, &st->conv);
		if (bad) {
			news_warn("%s: replaced %zu byte%s that are not %s with U+FFFD",
			    shown, bad, bad == 1 ? "" : "s", enc);
			news_ctx_status(ctx, NEWS_EXIT_DATA);
		}
		text = st->conv.data ? st->conv.data : "";
		text_len = st->conv.len;
	}
	int rc = page_blocks(st, text, text_len, html, false);
	if (html && st->page.replaced) {
		news_warn("%s: replaced %zu byte%s that are not %s with U+FFFD", shown,
		    st->page.replaced, st->page.replaced == 1 ? "" : "s",
		    st->page.charset ? st->page.charset : "UTF-8");
		news_ctx_status(ctx, NEWS_EXIT_DATA);
	}
	if (rc < 0) {
		news_warn("%s: the page cannot be parsed; skipped", shown);
		news_ctx_status(ctx, NEWS_EXIT_DATA);
		return;
	}
	strip_document(&st->page, &st->cfg, 0, true, &st->doc);
	if (!st->doc.text.len)
		news_warn("%s: %s", shown, st->page.n ? "no article text found" :
		    "empty page");
	emit_raw(ctx, st, st->id.data, st->id.len, NULL, NULL);
}

/* --- JSON Lines ------------------------------------------------------------ */

static bool
present(const news_record *rec, const char *key)
{
	const news_json_member *m = news_record_get(rec, key);
	return m && m->type != NEWS_JSON_NULL;
}

static int
process_jsonl(news_ctx *ctx, news_record *rec, void *user)
{
	strip_state *st = user;
	const char *field = st->field;
	const char *page;
	size_t len;

	if (!field)
		field = (st->html || news_record_get(rec, "html")) ? "html" : "text";
	int rc = news_record_string(rec, field, &page, &len);
	if (rc != 1) {
		news_reject(ctx, 0, rc == 0 ? "no field '%s'" :
		    "field '%s' is not a string", field);
		return 0;
	}
	bool html = st->html || strcmp(field, "html") == 0 ||
	    looks_like_html(page, len);
	/* the page may live in the record's scratch, which the next
	 * news_record_string() reuses: everything that reads it comes first */
	rc = page_blocks(st, page, len, html, true);
	if (rc < 0) {
		news_reject(ctx, 0, "the page in '%s' cannot be parsed", field);
		return 0;
	}
	if (!present(rec, "id"))
		hash_id(page, len, &st->id);
	int year_hint = 0;
	const char *date;
	size_t date_len;
	if (news_record_string(rec, "date", &date, &date_len) == 1)
		year_hint = year_of(date, date_len);
	/* the caller's own lang is kept: no need to guess one */
	strip_document(&st->page, &st->cfg, year_hint, !present(rec, "lang"),
	    &st->doc);
	if (!st->doc.text.len)
		news_record_warn(ctx, "%s", st->page.n ? "no article text found" :
		    "empty page");

	const strip_doc *doc = &st->doc;
	if (!present(rec, "id"))
		news_record_set_string(rec, "id", st->id.data, st->id.len);
	if (!present(rec, "url") && st->page.meta_url)
		news_record_set_string(rec, "url", st->page.meta_url,
		    strlen(st->page.meta_url));
	static const char *const keys[] = { "title", "date", "byline", "lang" };
	const char *vals[] = { doc->meta.title, doc->meta.date, doc->meta.byline,
	    doc->lang };
	for (int k = 0; k < 4; k++) {
		if (present(rec, keys[k]))
			continue;       /* the caller's own value wins */
		if (vals[k] && *vals[k])
			news_record_set_string(rec, keys[k], vals[k], strlen(vals[k]));
		else
			news_record_set_null(rec, keys[k]);
	}
	if (strcmp(field, "text") != 0)
		news_record_delete(rec, field);
	news_record_set_string(rec, "text", doc->text.data ? doc->text.data : "",
	    doc->text.len);
	if (st->explain) {
		news_buf *b = news_record_set_begin(rec, "blocks");
		strip_explain(&st->page, b);
		news_record_set_end(rec);
	}
	news_record_emit(rec, news_ctx_out(ctx));
	news_ctx_end_record(ctx);
	return 0;
}

/* --- WARC files ----------------------------------------------------------- */

/* Each HTML response (or resource) record of a WARC file is a page; the
 * rest (requests, metadata, images, redirects) is skipped.  Records are
 * read one at a time, so memory stays with the largest record. */
static void
process_warc(news_ctx *ctx, strip_state *st, const char *path)
{
	const char *shown = path && strcmp(path, "-") != 0 ? path : "<stdin>";
	news_reader *r = news_reader_open(path);
	if (!r) {
		news_warn("%s:", shown);
		news_ctx_status(ctx, NEWS_EXIT_IO);
		return;
	}
	strip_warc w;
	strip_warc_record rec;
	strip_warc_init(&w, r, st->common->max_record);
	int rc = 0;
	while (!news_stop_signal && (rc = strip_warc_next(&w, &rec)) == 1) {
		if (strcmp(rec.type, "oversized") == 0) {
			news_warn("%s:%llu: WARC record larger than --max-record (%zu "
			    "bytes); skipped", shown, rec.lineno, st->common->max_record);
			news_ctx_status(ctx, NEWS_EXIT_DATA);
			continue;
		}
		if (!strip_warc_is_html(&rec))
			continue;
		const char *uri = rec.target_uri;
		strip_page_clear(&st->page);
		strip_html_blocks_cs(rec.body, rec.body_len,
		    rec.charset[0] ? rec.charset : NULL, &st->page);
		if (st->page.replaced) {
			news_warn("%s:%llu: %s: replaced %zu byte%s that are not %s with "
			    "U+FFFD", shown, rec.lineno, uri ? uri : "record",
			    st->page.replaced, st->page.replaced == 1 ? "" : "s",
			    st->page.charset ? st->page.charset : "UTF-8");
			news_ctx_status(ctx, NEWS_EXIT_DATA);
		}
		int year_hint = rec.date ? year_of(rec.date, strlen(rec.date)) : 0;
		strip_document(&st->page, &st->cfg, year_hint, true, &st->doc);
		if (uri && *uri) {
			news_buf_clear(&st->id);
			news_buf_adds(&st->id, uri);
		} else {
			hash_id(rec.body, rec.body_len, &st->id);
		}
		if (!st->doc.text.len)
			news_warn("%s:%llu: %s: no article text found", shown,
			    rec.lineno, uri ? uri : "record");
		emit_raw(ctx, st, st->id.data, st->id.len, uri && *uri ? uri : NULL,
		    rec.date ? rec.date : "");
	}
	if (rc < 0) {
		news_warn("%s: %s", shown, w.error ? w.error : "read error");
		news_ctx_status(ctx, w.error && strncmp(w.error, "not a WARC", 10)
		    == 0 ? NEWS_EXIT_DATA : NEWS_EXIT_IO);
	}
	strip_warc_free(&w);
	news_reader_close(r);
}

/* --- input ------------------------------------------------------------------ */

static void
process_input(news_ctx *ctx, strip_state *st, const char *path)
{
	news_reader *r = news_reader_open(path);
	const char *name = path && strcmp(path, "-") != 0 ? path : NULL;

	if (!r) {
		news_warn("%s:", path ? path : "<stdin>");
		news_ctx_status(ctx, NEWS_EXIT_IO);
		return;
	}
	int first = news_reader_peek_nonblank(r);
	enum news_input_mode mode = st->common->input_mode;
	if (mode == NEWS_INPUT_JSONL || (mode == NEWS_INPUT_AUTO && first == '{')) {
		news_run_reader(ctx, r, process_jsonl, st);
		news_reader_close(r);
		return;
	}
	/* standard input with nothing in it is no page at all */
	if (!name && first < 0 && mode == NEWS_INPUT_AUTO) {
		news_reader_close(r);
		return;
	}
	news_buf_clear(&st->raw);
	if (news_reader_had_bom(r))
		news_buf_add(&st->raw, "\xEF\xBB\xBF", 3);
	int rc = news_reader_slurp(r, &st->raw, st->common->max_record);
	if (rc < 0)
		news_die(NEWS_EXIT_IO, "%s: read error: %s", name ? name : "<stdin>",
		    news_reader_error(r));
	bool cut = news_reader_stopped(r);
	news_reader_close(r);
	if (cut)
		return;         /* a stop signal came before the page was read whole */
	if (rc > 0) {
		news_warn("%s: page larger than --max-record (%zu bytes); skipped",
		    name ? name : "<stdin>", st->common->max_record);
		news_ctx_status(ctx, NEWS_EXIT_DATA);
		return;
	}
	process_raw(ctx, st, name, st->raw.data ? st->raw.data : "", st->raw.len);
}

int
main(int argc, char **argv)
{
	strip_state st = { .cfg = { .min_length = 50 }, .builtin = true };
	news_common_opts common;
	news_ctx ctx;

	int first = news_opts_parse(argc, argv, &program, &common, handle_option, &st);
	st.common = &common;
	st.text_only = common.input_mode == NEWS_INPUT_TEXT && !st.html;
	load_dicts(&st);
	strip_page_init(&st.page);
	news_ctx_init(&ctx, &common);
	void (*process)(news_ctx *, strip_state *, const char *) =
	    st.warc ? process_warc : process_input;
	if (first == argc)
		process(&ctx, &st, NULL);
	for (int i = first; i < argc && !news_stop_signal; i++)
		process(&ctx, &st, argv[i]);
	int status = news_ctx_finish(&ctx);
	strip_page_free(&st.page);
	strip_doc_free(&st.doc);
	strip_dicts_free(st.dicts);
	strip_lang_cleanup();
	news_buf_free(&st.raw);
	news_buf_free(&st.conv);
	news_buf_free(&st.id);
	free(st.dict_files);
	return status;
}
