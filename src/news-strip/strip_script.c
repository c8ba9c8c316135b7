/* strip_script.c: the writing system of letters and texts, from the
 * Unicode blocks each script's letters live in. */
#include "strip_script.h"

#include <stdbool.h>

#include "news_utf8.h"

/* Blocks above Latin-1, sorted by start. */
static const struct { int32_t lo, hi; unsigned char script; } blocks[] = {
	{ 0x00C0, 0x024F, STRIP_SCRIPT_LATIN },     /* Latin-1 letters, Extended-A/B */
	{ 0x0250, 0x02AF, STRIP_SCRIPT_LATIN },     /* IPA: Azerbaijani schwa */
	{ 0x0370, 0x03FF, STRIP_SCRIPT_GREEK },
	{ 0x0400, 0x052F, STRIP_SCRIPT_CYRILLIC },
	{ 0x0530, 0x058F, STRIP_SCRIPT_ARMENIAN },
	{ 0x0590, 0x05FF, STRIP_SCRIPT_HEBREW },
	{ 0x0600, 0x06FF, STRIP_SCRIPT_ARABIC },
	{ 0x0700, 0x074F, STRIP_SCRIPT_SYRIAC },
	{ 0x0750, 0x077F, STRIP_SCRIPT_ARABIC },
	{ 0x0780, 0x07BF, STRIP_SCRIPT_THAANA },
	{ 0x08A0, 0x08FF, STRIP_SCRIPT_ARABIC },
	{ 0x0900, 0x097F, STRIP_SCRIPT_DEVANAGARI },
	{ 0x0980, 0x09FF, STRIP_SCRIPT_BENGALI },
	{ 0x0A00, 0x0A7F, STRIP_SCRIPT_GURMUKHI },
	{ 0x0A80, 0x0AFF, STRIP_SCRIPT_GUJARATI },
	{ 0x0B00, 0x0B7F, STRIP_SCRIPT_ORIYA },
	{ 0x0B80, 0x0BFF, STRIP_SCRIPT_TAMIL },
	{ 0x0C00, 0x0C7F, STRIP_SCRIPT_TELUGU },
	{ 0x0C80, 0x0CFF, STRIP_SCRIPT_KANNADA },
	{ 0x0D00, 0x0D7F, STRIP_SCRIPT_MALAYALAM },
	{ 0x0D80, 0x0DFF, STRIP_SCRIPT_SINHALA },
	{ 0x0E00, 0x0E7F, STRIP_SCRIPT_THAI },
	{ 0x0E80, 0x0EFF, STRIP_SCRIPT_LAO },
	{ 0x0F00, 0x0FFF, STRIP_SCRIPT_TIBETAN },
	{ 0x1000, 0x109F, STRIP_SCRIPT_MYANMAR },
	{ 0x10A0, 0x10FF, STRIP_SCRIPT_GEORGIAN },
	{ 0x1100, 0x11FF, STRIP_SCRIPT_HANGUL },
	{ 0x1200, 0x139F, STRIP_SCRIPT_ETHIOPIC },
	{ 0x1780, 0x17FF, STRIP_SCRIPT_KHMER },
	{ 0x1800, 0x18AF, STRIP_SCRIPT_MONGOLIAN },
	{ 0x1C80, 0x1C8F, STRIP_SCRIPT_CYRILLIC },
	{ 0x1C90, 0x1CBF, STRIP_SCRIPT_GEORGIAN },
	{ 0x1E00, 0x1EFF, STRIP_SCRIPT_LATIN },     /* Vietnamese */
	{ 0x1F00, 0x1FFF, STRIP_SCRIPT_GREEK },
	{ 0x2C60, 0x2C7F, STRIP_SCRIPT_LATIN },
	{ 0x2D00, 0x2D2F, STRIP_SCRIPT_GEORGIAN },
	{ 0x2DE0, 0x2DFF, STRIP_SCRIPT_CYRILLIC },
	{ 0x3040, 0x30FF, STRIP_SCRIPT_CJK },       /* hiragana, katakana */
	{ 0x3130, 0x318F, STRIP_SCRIPT_HANGUL },
	{ 0x31F0, 0x31FF, STRIP_SCRIPT_CJK },
	{ 0x3400, 0x4DBF, STRIP_SCRIPT_CJK },
	{ 0x4E00, 0x9FFF, STRIP_SCRIPT_CJK },
	{ 0xA640, 0xA69F, STRIP_SCRIPT_CYRILLIC },
	{ 0xA720, 0xA7FF, STRIP_SCRIPT_LATIN },
	{ 0xAC00, 0xD7AF, STRIP_SCRIPT_HANGUL },
	{ 0xF900, 0xFAFF, STRIP_SCRIPT_CJK },
	{ 0xFB1D, 0xFB4F, STRIP_SCRIPT_HEBREW },
	{ 0xFB50, 0xFDFF, STRIP_SCRIPT_ARABIC },
	{ 0xFE70, 0xFEFF, STRIP_SCRIPT_ARABIC },
	{ 0xFF66, 0xFF9F, STRIP_SCRIPT_CJK },       /* half-width katakana */
	{ 0x20000, 0x2FFFF, STRIP_SCRIPT_CJK },
};

enum strip_script
strip_script_of(int32_t cp)
{
	if (cp < 0x80)
		return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ?
		    STRIP_SCRIPT_LATIN : STRIP_SCRIPT_NONE;
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return STRIP_SCRIPT_NONE;   /* Latin-1 symbols, × and ÷ */
	size_t lo = 0, hi = sizeof blocks / sizeof blocks[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < blocks[mid].lo)
			hi = mid;
		else if (cp > blocks[mid].hi)
			lo = mid + 1;
		else
			return (enum strip_script)blocks[mid].script;
	}
	return STRIP_SCRIPT_NONE;
}

enum strip_script
strip_script_dominant(const char *s, size_t len)
{
	unsigned count[STRIP_SCRIPT_COUNT] = { 0 };
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			count[((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ?
			    STRIP_SCRIPT_LATIN : STRIP_SCRIPT_NONE]++;
			i++;
			continue;
		}
		int32_t cp;
		i += news_utf8_decode(s + i, len - i, &cp);
		count[strip_script_of(cp)]++;
	}
	enum strip_script best = STRIP_SCRIPT_NONE;
	unsigned best_n = 0;
	for (int k = STRIP_SCRIPT_NONE + 1; k < STRIP_SCRIPT_COUNT; k++)
		if (count[k] > best_n) {
			best = (enum strip_script)k;
			best_n = count[k];
		}
	return best;
}
