/* news-dedupe as a whole on arbitrary input (exact mode with --mark). */
#define FUZZ_ARGS "news-dedupe", "--mark", "--key", "text,source.code"
#include "program_harness.h"
