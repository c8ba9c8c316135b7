#include "news_opts.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "news_err.h"

enum {
	OPT_HELP = 0x10000,
	OPT_VERSION,
	OPT_REJECTS,
	OPT_MAX_RECORD,
	OPT_LINE_BUFFERED,
	OPT_JSONL,
	OPT_TEXT,
};

#define DEFAULT_MAX_RECORD ((size_t)1 << 30)
#define MAX_OPTIONS 128

static const news_option shared_options[] = {
	{ "jsonl", 0, no_argument, OPT_JSONL, NULL,
	  "read JSON Lines, whatever the input looks like" },
	{ "text", 0, no_argument, OPT_TEXT, NULL,
	  "read raw text, whatever the input looks like" },
	{ "rejects", 0, required_argument, OPT_REJECTS, "FILE",
	  "write each rejected input line to FILE, verbatim" },
	{ "max-record", 0, required_argument, OPT_MAX_RECORD, "SIZE",
	  "reject records larger than SIZE bytes (suffixes K, M, G; default 1G)" },
	{ "line-buffered", 0, no_argument, OPT_LINE_BUFFERED, NULL,
	  "write each record as soon as it is complete" },
	{ "help", 'h', no_argument, OPT_HELP, NULL, "show this help and exit" },
	{ "version", 0, no_argument, OPT_VERSION, NULL,
	  "show the version and exit" },
	{ 0 },
};

static bool
shared_applies(const news_option *o, const news_program *prog)
{
	if (o->id == OPT_JSONL || o->id == OPT_TEXT)
		return prog->shared & NEWS_OPT_INPUT_MODE;
	return true;
}

/* Print text wrapped at 79 columns, continuation lines indented. */
static void
print_wrapped(const char *text, int column, int indent)
{
	const char *p = text;

	while (*p) {
		const char *word = p;
		while (*p && *p != ' ' && *p != '\n')
			p++;
		int len = (int)(p - word);
		if (column + len > 79 && column > indent) {
			printf("\n%*s", indent, "");
			column = indent;
		}
		printf("%.*s", len, word);
		column += len;
		if (*p == '\n') {
			printf("\n%*s", indent, "");
			column = indent;
			p++;
		} else if (*p == ' ') {
			if (column < 79) {
				putchar(' ');
				column++;
			}
			p++;
		}
	}
	putchar('\n');
}

static void
print_option(const news_option *o)
{
	char head[64];
	int n;

	if (o->short_name)
		n = snprintf(head, sizeof head, "  -%c, --%s", o->short_name, o->name);
	else
		n = snprintf(head, sizeof head, "      --%s", o->name);
	if (o->arg_name && n < (int)sizeof head)
		snprintf(head + n, sizeof head - (size_t)n,
		    o->has_arg == optional_argument ? "[=%s]" : "=%s", o->arg_name);
	printf("%s", head);
	int col = (int)strlen(head);
	if (col >= 28) {
		printf("\n%28s", "");
		col = 28;
	} else {
		printf("%*s", 28 - col, "");
		col = 28;
	}
	print_wrapped(o->help, col, 28);
}

static void
print_help(const news_program *prog)
{
	printf("Usage: %s %s\n", prog->name, prog->usage);
	print_wrapped(prog->summary, 0, 0);
	printf("\nOptions:\n");
	for (const news_option *o = prog->options; o && o->name; o++)
		print_option(o);
	for (const news_option *o = shared_options; o->name; o++)
		if (shared_applies(o, prog))
			print_option(o);
	if (prog->details) {
		putchar('\n');
		print_wrapped(prog->details, 0, 0);
	}
	printf("\nExit status: 0 all records fine, 1 some input records were "
	    "rejected\n(the stream went on), 2 usage error, 3 I/O or system "
	    "error.\nSee %s(1) and newsflow(7).\n", prog->name);
	if (fflush(stdout) == EOF || ferror(stdout))
		news_die(NEWS_EXIT_IO, "write error: <stdout>:");
	exit(NEWS_EXIT_OK);
}

size_t
news_parse_size(const char *option, const char *arg)
{
	char *end;
	unsigned long long v;
	size_t mult = 1;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (end == arg || errno || arg[0] == '-')
		news_usage_error("invalid size for --%s: '%s'", option, arg);
	switch (*end) {
	case 'k': case 'K': mult = (size_t)1 << 10; end++; break;
	case 'm': case 'M': mult = (size_t)1 << 20; end++; break;
	case 'g': case 'G': mult = (size_t)1 << 30; end++; break;
	case 't': case 'T': mult = (size_t)1 << 40; end++; break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end || v == 0 || v > SIZE_MAX / mult)
		news_usage_error("invalid size for --%s: '%s'", option, arg);
	return (size_t)v * mult;
}

double
news_parse_number(const char *option, const char *arg, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (end == arg || *end || errno || !isfinite(v) || v < min || v > max)
		news_usage_error("invalid value for --%s: '%s' (expected %g to %g)",
		    option, arg, min, max);
	return v;
}

int
news_opts_parse(int argc, char **argv, const news_program *prog,
    news_common_opts *common, news_option_fn handle, void *user)
{
	size_t n_prog = 0, n_shared = sizeof shared_options / sizeof *shared_options;
	char shorts[256];
	size_t ns = 0;

	news_set_progname(prog->name);
	common->rejects = NULL;
	common->max_record = DEFAULT_MAX_RECORD;
	common->line_buffered = false;
	common->input_mode = NEWS_INPUT_AUTO;

	while (prog->options && prog->options[n_prog].name)
		n_prog++;
	/* Static, so exiting from --help leaves nothing allocated. */
	static struct option longs[MAX_OPTIONS + 1];
	static const news_option *by_index[MAX_OPTIONS + 1];
	size_t nl = 0;

	if (n_prog + n_shared > MAX_OPTIONS)
		news_die(NEWS_EXIT_USAGE, "too many options (at most %d)", MAX_OPTIONS);
	memset(longs, 0, sizeof longs);

	shorts[ns++] = ':';     /* report missing arguments ourselves */
	for (size_t i = 0; i < n_prog + n_shared; i++) {
		const news_option *o = i < n_prog ? &prog->options[i] :
		    &shared_options[i - n_prog];
		if (!o->name || (i >= n_prog && !shared_applies(o, prog)))
			continue;
		longs[nl] = (struct option){ o->name, o->has_arg, NULL, (int)nl + 0x20000 };
		by_index[nl++] = o;
		if (o->short_name && ns + 3 < sizeof shorts) {
			shorts[ns++] = (char)o->short_name;
			if (o->has_arg == required_argument)
				shorts[ns++] = ':';
			else if (o->has_arg == optional_argument) {
				shorts[ns++] = ':';
				shorts[ns++] = ':';
			}
		}
	}
	shorts[ns] = '\0';

	opterr = 0;
	int c, longindex;
	while ((c = getopt_long(argc, argv, shorts, longs, &longindex)) != -1) {
		const news_option *o = NULL;
		if (c >= 0x20000)
			o = by_index[c - 0x20000];
		else if (c == '?' || c == ':') {
			const char *what = argv[optind - 1];
			if (optopt && optopt < 0x20000)
				news_usage_error(c == ':' ? "option '-%c' requires an argument" :
				    "invalid option -- '%c'", optopt);
			if (c == ':')
				news_usage_error("option '%s' requires an argument", what);
			news_usage_error("unrecognized option '%s'", what);
		} else {
			for (size_t i = 0; i < nl; i++)
				if (by_index[i]->short_name == c)
					o = by_index[i];
		}
		if (!o)
			news_usage_error("unrecognized option");
		switch (o->id) {
		case OPT_HELP:
			print_help(prog);
			break;
		case OPT_VERSION:
			printf("%s (newsflow) %s\n", prog->name, NEWSFLOW_VERSION);
			if (fflush(stdout) == EOF)
				news_die(NEWS_EXIT_IO, "write error: <stdout>:");
			exit(NEWS_EXIT_OK);
		case OPT_REJECTS:
			common->rejects = optarg;
			break;
		case OPT_MAX_RECORD:
			common->max_record = news_parse_size("max-record", optarg);
			break;
		case OPT_LINE_BUFFERED:
			common->line_buffered = true;
			break;
		case OPT_JSONL:
			common->input_mode = NEWS_INPUT_JSONL;
			break;
		case OPT_TEXT:
			common->input_mode = NEWS_INPUT_TEXT;
			break;
		default:
			handle(o->id, optarg, user);
		}
	}
	return optind;
}
