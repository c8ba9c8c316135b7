/* news_opts.h: GNU-style option parsing shared by all programs.
 *
 * A program lists its own options; --help, --version and the options every
 * program takes (--rejects, --max-record, --line-buffered, and --jsonl/--text
 * for programs that read raw text) are added here, so their spelling and
 * help text are the same everywhere. */
#ifndef NEWS_OPTS_H
#define NEWS_OPTS_H

#include <stdbool.h>
#include <stddef.h>

#define NEWSFLOW_VERSION "0.1.0"

typedef struct news_option {
	const char *name;       /* long name, without "--" */
	int short_name;         /* 'x', or 0 */
	int has_arg;            /* no_argument, required_argument, optional_argument */
	int id;                 /* passed to the handler; >= 256 when no short name */
	const char *arg_name;   /* "FILE" in the help text */
	const char *help;
} news_option;

enum news_input_mode {
	NEWS_INPUT_AUTO,        /* JSON Lines when the first non-blank byte is '{' */
	NEWS_INPUT_JSONL,
	NEWS_INPUT_TEXT,
};

/* Which of the shared options a program takes. */
enum {
	NEWS_OPT_INPUT_MODE = 1 << 0,   /* --jsonl, --text */
};

typedef struct news_program {
	const char *name;               /* "news-split" */
	const char *usage;              /* "[OPTION]... [FILE]..." */
	const char *summary;            /* what it does, a few lines */
	const news_option *options;     /* ends with a zeroed entry */
	const char *details;            /* after the options; may be NULL */
	unsigned shared;                /* NEWS_OPT_* */
} news_program;

typedef struct news_common_opts {
	const char *rejects;            /* --rejects FILE */
	size_t max_record;              /* --max-record SIZE */
	bool line_buffered;
	enum news_input_mode input_mode;
} news_common_opts;

/* Handles one program option; returns 0, or calls news_usage_error(). */
typedef void (*news_option_fn)(int id, const char *arg, void *user);

/* Parse argv.  Exits for --help/--version (0) and usage errors (2).
 * Returns the index of the first operand. */
int news_opts_parse(int argc, char **argv, const news_program *prog,
    news_common_opts *common, news_option_fn handle, void *user);

/* "1G", "512M", "64k", "1000": a size in bytes, or news_usage_error(). */
size_t news_parse_size(const char *option, const char *arg);
/* A non-negative integer or decimal within [min, max], or a usage error. */
double news_parse_number(const char *option, const char *arg, double min,
    double max);

#endif
