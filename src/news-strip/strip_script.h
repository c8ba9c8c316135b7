/* strip_script.h: which writing system a text is in (for the language
 * guess: libexttextcat is asked only among the languages of that script). */
#ifndef STRIP_SCRIPT_H
#define STRIP_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

/* Scripts that news is written in.  Han and kana are one: Japanese mixes
 * them, and Chinese and Japanese are told apart by the n-gram models. */
enum strip_script {
	STRIP_SCRIPT_NONE = 0,  /* not a letter, or a script not listed */
	STRIP_SCRIPT_LATIN,
	STRIP_SCRIPT_CYRILLIC,
	STRIP_SCRIPT_GREEK,
	STRIP_SCRIPT_ARMENIAN,
	STRIP_SCRIPT_HEBREW,
	STRIP_SCRIPT_ARABIC,
	STRIP_SCRIPT_SYRIAC,
	STRIP_SCRIPT_THAANA,
	STRIP_SCRIPT_DEVANAGARI,
	STRIP_SCRIPT_BENGALI,
	STRIP_SCRIPT_GURMUKHI,
	STRIP_SCRIPT_GUJARATI,
	STRIP_SCRIPT_ORIYA,
	STRIP_SCRIPT_TAMIL,
	STRIP_SCRIPT_TELUGU,
	STRIP_SCRIPT_KANNADA,
	STRIP_SCRIPT_MALAYALAM,
	STRIP_SCRIPT_SINHALA,
	STRIP_SCRIPT_THAI,
	STRIP_SCRIPT_LAO,
	STRIP_SCRIPT_TIBETAN,
	STRIP_SCRIPT_MYANMAR,
	STRIP_SCRIPT_GEORGIAN,
	STRIP_SCRIPT_HANGUL,
	STRIP_SCRIPT_ETHIOPIC,
	STRIP_SCRIPT_KHMER,
	STRIP_SCRIPT_MONGOLIAN,
	STRIP_SCRIPT_CJK,       /* Han ideographs and kana */
	STRIP_SCRIPT_COUNT
};

/* The script of one code point (letters only; digits, punctuation and
 * symbols are STRIP_SCRIPT_NONE). */
enum strip_script strip_script_of(int32_t cp);

/* The script most of the letters of s[0..len) (UTF-8) are written in, or
 * STRIP_SCRIPT_NONE when it has no letters. */
enum strip_script strip_script_dominant(const char *s, size_t len);

#endif
