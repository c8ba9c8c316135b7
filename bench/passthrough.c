/* passthrough: the record layer alone, for bench/record-layer.sh.
 *
 * Reads each record, adds one field, writes it: what every newsflow
 * program pays per record before doing its own work. */
#include "news_opts.h"
#include "news_run.h"

static const news_option options[] = { { 0 } };

static const news_program program = {
	.name = "news-passthrough",
	.usage = "[FILE]...",
	.summary = "Copy JSON Lines records, adding \"seen\":true to each.",
	.options = options,
};

static void
no_options(int id, const char *arg, void *user)
{
}

static int
process(news_ctx *ctx, news_record *rec, void *user)
{
	news_record_set_raw(rec, "seen", "true", 4);
	news_record_emit(rec, news_ctx_out(ctx));
	news_ctx_end_record(ctx);
	return 0;
}

int
main(int argc, char **argv)
{
	news_common_opts common;
	news_ctx ctx;
	int first = news_opts_parse(argc, argv, &program, &common, no_options, NULL);

	news_ctx_init(&ctx, &common);
	news_run_jsonl(&ctx, argv + first, argc - first, process, NULL);
	return news_ctx_finish(&ctx);
}
