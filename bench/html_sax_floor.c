/* html_sax_floor.c: what libxml2's HTML parser alone costs on the bench
 * pages: every page parsed through SAX with empty callbacks, no tree, the
 * options news-strip uses.  Any extractor built on libxml2 pays at least
 * this; news-strip's figure is measured against it in news-strip-html.sh.
 *
 * usage: html_sax_floor PAGES.jsonl   (JSON Lines with an "html" field,
 * decoded with jansson) */
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <string.h>

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
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 3;
	}
	htmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	char *line = NULL;
	size_t cap = 0;
	long pages = 0;
	while (getline(&line, &cap, f) > 0) {
		json_t *r = json_loads(line, 0, NULL);
		const char *html = json_string_value(json_object_get(r, "html"));
		if (html) {
			htmlParserCtxtPtr c = htmlCreatePushParserCtxt(&sax, NULL, NULL, 0,
			    NULL, XML_CHAR_ENCODING_UTF8);
			htmlCtxtUseOptions(c, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_RECOVER |
			    XML_PARSE_HUGE);
			htmlParseChunk(c, html, (int)json_string_length(json_object_get(r, "html")), 1);
			htmlFreeParserCtxt(c);
			pages++;
		}
		json_decref(r);
	}
	printf("%ld\n", pages);
	return 0;
}
