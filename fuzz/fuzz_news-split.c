/* news-split as a whole on arbitrary input: JSON Lines or raw text. */
#define FUZZ_ARGS "news-split"
#include "program_harness.h"
