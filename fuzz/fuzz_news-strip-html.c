/* news-strip as a whole on arbitrary html input. */
#define FUZZ_ARGS "news-strip", "--html"
#include "program_harness.h"
