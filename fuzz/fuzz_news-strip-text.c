/* news-strip as a whole on arbitrary text input. */
#define FUZZ_ARGS "news-strip", "--text"
#include "program_harness.h"
