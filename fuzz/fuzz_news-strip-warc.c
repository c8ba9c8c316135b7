/* news-strip as a whole on arbitrary warc input. */
#define FUZZ_ARGS "news-strip", "--warc"
#include "program_harness.h"
