/* news-events as a whole on arbitrary input (slow: the dictionaries are
 * loaded for every input; fuzz_news-events-sentences.c fuzzes the coder). */
#define FUZZ_ARGS "news-events", "--plover"
#include "program_harness.h"
