/* html_sax_floor.c: what libxml2's HTML parser alone costs on the bench
 * pages: every page parsed through SAX with empty callbacks, no tree, the
 * options news-strip uses.  Any extractor built on libxml2 pays at least
 * this; news-strip's figure is measured against it in news-strip-html.sh.
 *
 * usage: html_sax_floor PAGES.jsonl   (JSON Lines with an "html" field,
 * read and decoded with newsflow's record library, as news-strip does) */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <string.h>

#include "news_io.h"
#include "news_record.h"

static void on_start(void *u, const xmlChar *n, const xmlChar **a) { (void)u; (void)n; (void)a; }
static void on_end(void *u, const xmlChar *n) { (void)u; (void)n; }
static void on_text(void *u, const xmlChar *s, int n) { (void)u; (void)s; (void)n; }

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: html_sax_floor PAGES.jsonl\n");
		return 2;
	}
	news_reader *r = news_reader_open(argv[1]);
	if (!r) {
		perror(argv[1]);
		return 3;
	}
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	news_record rec;
	news_record_init(&rec);
	news_line line;
	long pages = 0;
	while (news_reader_getline(r, &line) == 1) {
		news_json_error err;
		const char *html;
		size_t len;
		if (news_record_parse(&rec, line.data, line.len, &err) != 0 ||
		    news_record_string(&rec, "html", &html, &len) != 1)
			continue;
		htmlParserCtxtPtr c = htmlCreatePushParserCtxt(&sax, NULL, NULL, 0,
		    NULL, XML_CHAR_ENCODING_UTF8);
		htmlCtxtUseOptions(c, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_RECOVER |
		    XML_PARSE_HUGE);
		htmlParseChunk(c, html, (int)len, 1);
		htmlFreeParserCtxt(c);
		pages++;
	}
	news_record_free(&rec);
	news_reader_close(r);
	printf("%ld\n", pages);
	return 0;
}
