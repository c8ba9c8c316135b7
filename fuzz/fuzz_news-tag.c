/* news-tag as a whole on arbitrary input (slow: the lexicon is loaded for
 * every input; fuzz_news-tag-sentences.c fuzzes the tagger itself). */
#define FUZZ_ARGS "news-tag"
#include "program_harness.h"
