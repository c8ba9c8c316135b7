/* news-strip as a whole on arbitrary jsonl input. */
#define FUZZ_ARGS "news-strip", "--jsonl"
#include "program_harness.h"
