/* split_chars.h: what the segmenter needs to know about characters.
 * Unicode categories come from utf8proc; the lists of sentence-ending
 * marks, bullets and CJK brackets are ours. */
#ifndef SPLIT_CHARS_H
#define SPLIT_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

/* What a sentence-ending mark is. */
enum split_term {
	TERM_NONE = 0,
	TERM_PERIOD,            /* '.' */
	TERM_ELLIPSIS,          /* U+2026 */
	TERM_EXCLAIM,           /* ! and its kin */
	TERM_QUESTION,          /* ? and its kin */
	TERM_STRONG,            /* marks that end a sentence even without a
	                         * following space: CJK full stops, danda, ... */
	TERM_STRONG_FULLWIDTH_DOT, /* U+FF0E: strong unless between digits */
};

/* The class of the terminal at code point cp (ASCII ':' and ';' are left to
 * the caller, which knows the language). */
static inline enum split_term
split_term_of(int32_t cp)
{
	switch (cp) {
	case '.': return TERM_PERIOD;
	case '!': return TERM_EXCLAIM;
	case '?': return TERM_QUESTION;
	case 0x2026: return TERM_ELLIPSIS;                      /* … */
	case 0x203C: case 0x2762: return TERM_EXCLAIM;          /* ‼ ❢ */
	case 0x2047: case 0x2048: case 0x2049: return TERM_QUESTION; /* ⁇ ⁈ ⁉ */
	case 0x037E: return TERM_QUESTION;                      /* Greek ; */
	case 0x3002: case 0xFF61: return TERM_STRONG;           /* 。 ｡ */
	case 0xFF01: case 0xFF1F: return TERM_STRONG;           /* ！ ？ */
	case 0xFF0E: return TERM_STRONG_FULLWIDTH_DOT;          /* ． */
	case 0xFE52: case 0xFE56: case 0xFE57: return TERM_STRONG; /* small forms */
	case 0x0964: case 0x0965: return TERM_STRONG;           /* । ॥ danda */
	case 0x061F: return TERM_STRONG;                        /* ؟ Arabic ? */
	case 0x06D4: return TERM_STRONG;                        /* ۔ Urdu full stop */
	case 0x0589: return TERM_STRONG;                        /* ։ Armenian */
	case 0x1362: case 0x1367: case 0x1368: return TERM_STRONG; /* ። ፧ ፨ */
	case 0x104A: return TERM_NONE;                          /* ၊ is a comma */
	case 0x104B: return TERM_STRONG;                        /* ။ Myanmar */
	case 0x0F0D: case 0x0F0E: return TERM_STRONG;           /* Tibetan shad */
	case 0x17D4: case 0x17D5: return TERM_STRONG;           /* Khmer */
	case 0x0E2F: return TERM_NONE;
	case 0x1802: case 0x1803: case 0x1809: return TERM_STRONG; /* Mongolian */
	case 0x055C: return TERM_EXCLAIM;                       /* Armenian ! */
	case 0x05C3: return TERM_STRONG;                        /* Hebrew sof pasuq */
	case 0x0700: case 0x0701: case 0x0702: return TERM_STRONG; /* Syriac */
	case 0x07F9: return TERM_EXCLAIM;                       /* NKo */
	case 0x0DF4: return TERM_STRONG;                        /* Sinhala */
	case 0x1C7E: case 0x1C7F: return TERM_STRONG;           /* Ol Chiki */
	case 0xA4FF: case 0xA60E: case 0xA60F: return TERM_STRONG;
	case 0xA876: case 0xA877: return TERM_STRONG;
	case 0x2E2E: return TERM_QUESTION;                      /* reversed ? */
	case 0x2E3C: return TERM_PERIOD;
	}
	return TERM_NONE;
}

static inline bool
split_is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Invisible formatting (bidi marks, zero-width joiners): looked through. */
static inline bool
split_is_format(int32_t cp)
{
	return cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

static inline bool
split_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

static inline bool
split_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static inline bool
split_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static inline bool
split_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_NO;
}

/* Closing quotes and brackets that may follow a sentence's final mark.
 * After a final mark any quote closes, whichever way it curls („...“). */
static inline bool
split_is_closer(int32_t cp)
{
	if (cp < 0x80)
		return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF ||
	    c == UTF8PROC_CATEGORY_PI;
}

/* What may come before the first word of a sentence: opening quotes and
 * brackets, Spanish ¿ ¡, hashtags and handles. */
static inline bool
split_is_opener(int32_t cp)
{
	if (cp < 0x80)
		return cp == '"' || cp == '\'' || cp == '(' || cp == '[' ||
		    cp == '{' || cp == '#' || cp == '@' || cp == '*' || cp == '`';
	if (cp == 0xBF || cp == 0xA1)   /* ¿ ¡ */
		return true;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_PS || c == UTF8PROC_CATEGORY_PI ||
	    c == UTF8PROC_CATEGORY_PF;
}

static inline bool
split_is_dash(int32_t cp)
{
	if (cp == '-')
		return true;
	return cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_PD;
}

static inline bool
split_is_bullet(int32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x2023: case 0x2043: case 0x25E6: case 0x25AA:
	case 0x25AB: case 0x25CF: case 0x25CB: case 0x25A0: case 0x25A1:
	case 0x25BA: case 0x25B6: case 0x27A2: case 0x2219: case 0x2756:
	case 0x2713: case 0x2714: case 0x2605: case 0x2666: case 0x25C6:
		return true;
	}
	return false;
}

/* Scripts written without spaces between words. */
static inline bool
split_is_cjk(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||       /* kana */
	    (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFF66 && cp <= 0xFF9F) ||          /* half-width kana */
	    (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* CJK brackets: a mark inside them does not end the sentence (《...！...》). */
static inline int
split_cjk_bracket(int32_t cp)
{
	switch (cp) {
	case 0x300A: case 0x300C: case 0x300E: case 0x3010: case 0x3014:
	case 0x3008: case 0x3016: case 0xFF08: case 0xFF3B: case 0xFF5B:
		return 1;
	case 0x300B: case 0x300D: case 0x300F: case 0x3011: case 0x3015:
	case 0x3009: case 0x3017: case 0xFF09: case 0xFF3D: case 0xFF5D:
		return -1;
	}
	return 0;
}

#endif
