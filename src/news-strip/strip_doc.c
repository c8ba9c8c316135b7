/* strip_doc.c: a page's blocks to a document: language, classification,
 * metadata, and the article text (kept blocks, a blank line between). */
#include <string.h>

#include "news_json.h"
#include "strip_dict.h"
#include "strip_doc.h"

static const char *
markup_lang(const strip_page *page)
{
	static char code[4];
	const char *m = page->meta_lang;
	if (!m || !((m[0] | 0x20) >= 'a' && (m[0] | 0x20) <= 'z') ||
	    !((m[1] | 0x20) >= 'a' && (m[1] | 0x20) <= 'z') ||
	    (m[2] && m[2] != '-' && m[2] != '_'))
		return NULL;
	code[0] = (char)(m[0] | 0x20);
	code[1] = (char)(m[1] | 0x20);
	code[2] = '\0';
	return code;
}

void
strip_document(strip_page *page, const strip_config *cfg, int year_hint,
    bool guess_lang, strip_doc *doc)
{
	news_buf_clear(&doc->text);
	strip_meta_free(&doc->meta);

	/* 1. classify, 2. metadata.  The stopwords of all languages are used
	 * (the thresholds adapt to the page's own prose): guessing the
	 * language first would cost more than all the rest together */
	const char *lang = NULL;
	strip_classify(page, cfg, lang);
	strip_meta_find(page, cfg, lang, year_hint, &doc->meta);

	/* the text */
	for (size_t i = 0; i < page->n; i++) {
		const strip_block *b = &page->blocks[i];
		if (!b->keep)
			continue;
		if (doc->text.len)
			news_buf_add(&doc->text, "\n\n", 2);
		news_buf_add(&doc->text, page->text.data + b->off, b->len);
	}
	/* 3. the article's language, now that menus are gone */
	doc->lang = NULL;
	if (!guess_lang)
		return;
	if (doc->text.len)
		lang = strip_lang_detect(cfg->dicts, doc->text.data, doc->text.len,
		    page->meta_lang);
	if (!lang)
		lang = markup_lang(page);
	doc->lang = lang;
}

void
strip_doc_free(strip_doc *doc)
{
	news_buf_free(&doc->text);
	news_buf_free(&doc->scratch);
	strip_meta_free(&doc->meta);
}

static const char *const cls_names[] = {
	"bad", "short", "near", "good", "heading", "caption", "title", "meta",
};

static const char *const feat_names[] = {
	"widget", "section", "caption", "date", "reltime", "byline", "contact",
	"repeated", "headline", "list", "sentence", "outside", "numeric", "links",
	"nav", "bio",
};

void
strip_explain(const strip_page *page, news_buf *out)
{
	news_buf_addc(out, '[');
	for (size_t i = 0; i < page->n; i++) {
		const strip_block *b = &page->blocks[i];
		if (i)
			news_buf_addc(out, ',');
		news_buf_adds(out, "{\"class\":");
		news_json_put_cstring(out, b->cls < sizeof cls_names / sizeof *cls_names ?
		    cls_names[b->cls] : "?");
		news_buf_adds(out, ",\"keep\":");
		news_json_put_bool(out, b->keep);
		news_buf_adds(out, ",\"evidence\":[");
		bool first = true;
		for (size_t k = 0; k < sizeof feat_names / sizeof *feat_names; k++)
			if (b->feat & (1u << k)) {
				if (!first)
					news_buf_addc(out, ',');
				news_json_put_cstring(out, feat_names[k]);
				first = false;
			}
		/* what the markup said (HTML pages) */
		static const struct { unsigned bit; const char *name; } hint_names[] = {
			{ STRIP_HINT_MAIN, "html-main" },
			{ STRIP_HINT_BOILER, "html-boilerplate" },
			{ STRIP_HINT_ARTICLE, "html-article" },
			{ STRIP_HINT_TITLE, "html-headline" },
		};
		for (size_t k = 0; k < sizeof hint_names / sizeof *hint_names; k++)
			if (b->hints & hint_names[k].bit) {
				if (!first)
					news_buf_addc(out, ',');
				news_json_put_cstring(out, hint_names[k].name);
				first = false;
			}
		news_buf_adds(out, "],\"text\":");
		news_json_put_string(out, page->text.data + b->off, b->len);
		news_buf_addc(out, '}');
	}
	news_buf_addc(out, ']');
}
