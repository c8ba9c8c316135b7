/* The strict JSON scanner: validation, member spans, iteration, decoding. */
#include "news_json.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "news_err.h"
#include "news_utf8.h"

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* SWAR: a high bit set in each byte of w equal to zero / below n. */
static inline uint64_t
zero_bytes(uint64_t w)
{
	return (w - ONES) & ~w & HIGHS;
}

static inline uint64_t
bytes_below(uint64_t w, unsigned n)
{
	return (w - ONES * n) & ~w & HIGHS;
}

/* Whether any of 8 bytes needs a look inside a string: '"', '\\' or a
 * control character. */
static inline bool
string_special8(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return (zero_bytes(w ^ (ONES * '"')) | zero_bytes(w ^ (ONES * '\\')) |
	    bytes_below(w, 0x20)) != 0;
}

static inline bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && is_ws(*p))
		p++;
	return p;
}

static inline bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static const char *
fail(news_json_error *err, const char *base, const char *at, const char *msg)
{
	if (err) {
		err->offset = (size_t)(at - base);
		err->msg = msg;
	}
	return NULL;
}

/* The first byte at or after p that needs a look inside a string ('"',
 * '\\' or a control character), or a position less than 8 bytes before
 * end from which the caller goes on. */
static inline const char *
skip_plain(const char *p, const char *end)
{
#ifdef __SSE2__
	/* sixteen bytes at a time: strings holding whole pages are long */
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
	    ctl = _mm_set1_epi8(0x1F);
	while (end - p >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote),
		    _mm_cmpeq_epi8(x, bslash)), _mm_cmpeq_epi8(_mm_min_epu8(x, ctl), x));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return p + __builtin_ctz(bits);
		p += 16;
	}
#endif
	while (end - p >= 8 && !string_special8(p))
		p += 8;
	return p;
}

/* The escapes that stand for one character, and that character; 0 for
 * the others ('u' and invalid ones). */
static const unsigned char simple_escape[256] = {
	['"'] = '"', ['\\'] = '\\', ['/'] = '/', ['b'] = '\b', ['f'] = '\f',
	['n'] = '\n', ['r'] = '\r', ['t'] = '\t',
};

#ifdef __SSE2__
/* Bit i set where p[i] (0 <= i < 64) is c. */
static inline uint64_t
eq64(__m128i a, __m128i b, __m128i c, __m128i d, __m128i v)
{
	return (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, v)) |
	    (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, v)) << 16 |
	    (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, v)) << 32 |
	    (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(d, v)) << 48;
}

/* Bit i set where p[i] is a control character (below 0x20). */
static inline uint64_t
ctl64(__m128i a, __m128i b, __m128i c, __m128i d)
{
	const __m128i m = _mm_set1_epi8(0x1F);
#define CTL(x) (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, m), x))
	return CTL(a) | CTL(b) << 16 | CTL(c) << 32 | CTL(d) << 48;
#undef CTL
}

#define LOAD4(p) \
	__m128i x0 = _mm_loadu_si128((const __m128i *)(const void *)(p)), \
	    x1 = _mm_loadu_si128((const __m128i *)(const void *)((p) + 16)), \
	    x2 = _mm_loadu_si128((const __m128i *)(const void *)((p) + 32)), \
	    x3 = _mm_loadu_si128((const __m128i *)(const void *)((p) + 48))

/* The fast part of scan_string(): 64 bytes at a time, escapes that stand
 * for one character stepped over in place (HTML in a string has one every
 * twenty bytes or so: leaving the vector loop for each costs more than
 * the rest).  Returns where the careful loop goes on: at the closing
 * quote, a control character, a \u or invalid escape, or near the end. */
static inline const char *
skip_string64(const char *p, const char *end, bool *escaped)
{
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	while (end - p >= 65) {         /* p[64] may be read: an escaped char */
		LOAD4(p);
		uint64_t bs = eq64(x0, x1, x2, x3, bslash);
		uint64_t stop = eq64(x0, x1, x2, x3, quote) | ctl64(x0, x1, x2, x3);
		unsigned from = 0;
		for (;;) {
			uint64_t at = from < 64 ? (bs | stop) & (~0ULL << from) : 0;
			if (!at) {
				p += from > 64 ? from : 64;
				break;
			}
			unsigned k = (unsigned)__builtin_ctzll(at);
			if (((stop >> k) & 1) || !simple_escape[(unsigned char)p[k + 1]])
				return p + k;
			*escaped = true;
			from = k + 2;
		}
	}
	return p;
}
#endif

/* p is at the opening quote.  Returns the position after the closing
 * quote, or NULL. */
static const char *
scan_string(const char *base, const char *p, const char *end, bool *escaped,
    news_json_error *err)
{
	p++;
	for (;;) {
#ifdef __SSE2__
		p = skip_string64(p, end, escaped);
#endif
		p = skip_plain(p, end);
		if (p >= end)
			return fail(err, base, p, "unterminated string");
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			return p + 1;
		if (c == '\\') {
			*escaped = true;
			if (++p >= end)
				return fail(err, base, p, "unterminated string");
			switch (*p) {
			case '"': case '\\': case '/': case 'b':
			case 'f': case 'n': case 'r': case 't':
				p++;
				break;
			case 'u':
				if (end - p < 5 || hex_value(p[1]) < 0 || hex_value(p[2]) < 0 ||
				    hex_value(p[3]) < 0 || hex_value(p[4]) < 0)
					return fail(err, base, p - 1,
					    "invalid \\u escape (four hex digits expected)");
				p += 5;
				break;
			default:
				return fail(err, base, p - 1, "invalid escape in string");
			}
			continue;
		}
		if (c < 0x20)
			return fail(err, base, p, c == 0 ? "NUL byte in string" :
			    "control character in string (must be escaped)");
		p++;
	}
}

static const char *
scan_number(const char *base, const char *p, const char *end,
    news_json_error *err)
{
	const char *start = p;

	if (p < end && *p == '-')
		p++;
	if (p < end && *p == '0')
		p++;
	else if (p < end && *p >= '1' && *p <= '9')
		while (p < end && is_digit(*p))
			p++;
	else
		return fail(err, base, start, "invalid number");
	if (p < end && *p == '.') {
		if (++p >= end || !is_digit(*p))
			return fail(err, base, p, "invalid number (digit expected after '.')");
		while (p < end && is_digit(*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || !is_digit(*p))
			return fail(err, base, p, "invalid number (digit expected in exponent)");
		while (p < end && is_digit(*p))
			p++;
	}
	return p;
}

static news_json_type
type_of(char c)
{
	switch (c) {
	case '{': return NEWS_JSON_OBJECT;
	case '[': return NEWS_JSON_ARRAY;
	case '"': return NEWS_JSON_STRING;
	case 't': return NEWS_JSON_TRUE;
	case 'f': return NEWS_JSON_FALSE;
	case 'n': return NEWS_JSON_NULL;
	default: return NEWS_JSON_NUMBER;
	}
}

static void
add_member(news_json_object *o, const news_json_member *m)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->m = news_xrealloc(o->m, o->cap * sizeof *o->m);
	}
	o->m[o->n++] = *m;
}

/* The validator proper: iterative, so nesting depth is bounded by memory
 * rather than by the C stack.  When o is given, the value must be an object
 * and its top-level members are recorded. */
static int
scan(const char *s, size_t len, news_json_object *o, news_json_type *type,
    news_json_error *err)
{
	const char *p = s, *end = s + len;
	char stack_small[256], *stack = stack_small;
	size_t depth = 0, stack_cap = sizeof stack_small;
	news_json_member m = { .edit = -1 };
	bool escaped;
	int rc = -1;

	if (o)
		o->n = 0;
	p = skip_ws(p, end);
	if (p >= end) {
		fail(err, s, p, o ? "empty line where a JSON object was expected" :
		    "no JSON value");
		goto out;
	}
	if (o && *p != '{') {
		fail(err, s, p, "not a JSON object");
		goto out;
	}
	if (o)
		o->start = p;
	if (type)
		*type = type_of(*p);

value:
	if (p >= end) {
		fail(err, s, p, "line ended where a value was expected");
		goto out;
	}
	if (depth == 1 && o) {
		m.val = p;
		m.type = type_of(*p);
		m.val_escaped = false;
	}
	switch (*p) {
	case '{':
	case '[':
		if (depth == stack_cap) {
			char *bigger = news_xmalloc(stack_cap * 2);
			memcpy(bigger, stack, depth);
			if (stack != stack_small)
				free(stack);
			stack = bigger;
			stack_cap *= 2;
		}
		stack[depth++] = *p;
		p = skip_ws(p + 1, end);
		if (stack[depth - 1] == '{') {
			if (p < end && *p == '}') {
				p++;
				depth--;
				goto after;
			}
			goto key;
		}
		if (p < end && *p == ']') {
			p++;
			depth--;
			goto after;
		}
		goto value;
	case '"':
		escaped = false;
		if (!(p = scan_string(s, p, end, &escaped, err)))
			goto out;
		if (depth == 1 && o)
			m.val_escaped = escaped;
		goto after;
	case 't':
		if (end - p < 4 || memcmp(p, "true", 4)) {
			fail(err, s, p, "invalid literal (true, false or null expected)");
			goto out;
		}
		p += 4;
		goto after;
	case 'f':
		if (end - p < 5 || memcmp(p, "false", 5)) {
			fail(err, s, p, "invalid literal (true, false or null expected)");
			goto out;
		}
		p += 5;
		goto after;
	case 'n':
		if (end - p < 4 || memcmp(p, "null", 4)) {
			fail(err, s, p, "invalid literal (true, false or null expected)");
			goto out;
		}
		p += 4;
		goto after;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (!(p = scan_number(s, p, end, err)))
			goto out;
		goto after;
	case ']':
	case '}':
		fail(err, s, p, "unexpected closing bracket (trailing comma?)");
		goto out;
	case '\0':
		fail(err, s, p, "NUL byte");
		goto out;
	default:
		fail(err, s, p, "unexpected character");
		goto out;
	}

key:
	if (p >= end) {
		fail(err, s, p, "line ended inside an object");
		goto out;
	}
	if (*p != '"') {
		fail(err, s, p, *p == '}' ? "trailing comma in object" :
		    "member name expected (a string in double quotes)");
		goto out;
	}
	escaped = false;
	{
		const char *k = p;
		if (!(p = scan_string(s, p, end, &escaped, err)))
			goto out;
		if (depth == 1 && o) {
			m.key = k + 1;
			m.key_len = (size_t)(p - k - 2);
			m.key_escaped = escaped;
		}
	}
	p = skip_ws(p, end);
	if (p >= end || *p != ':') {
		fail(err, s, p, "':' expected after member name");
		goto out;
	}
	p = skip_ws(p + 1, end);
	goto value;

after:
	if (depth == 1 && o) {
		m.val_len = (size_t)(p - m.val);
		add_member(o, &m);
	}
	if (depth == 0) {
		if (o)
			o->end = p;
		p = skip_ws(p, end);
		if (p != end) {
			fail(err, s, p, "extra data after the JSON value");
			goto out;
		}
		rc = 0;
		goto out;
	}
	p = skip_ws(p, end);
	if (p >= end) {
		fail(err, s, p, stack[depth - 1] == '{' ? "line ended inside an object" :
		    "line ended inside an array");
		goto out;
	}
	if (*p == ',') {
		p = skip_ws(p + 1, end);
		if (stack[depth - 1] == '{')
			goto key;
		goto value;
	}
	if (*p == (stack[depth - 1] == '{' ? '}' : ']')) {
		p++;
		depth--;
		goto after;
	}
	fail(err, s, p, stack[depth - 1] == '{' ? "',' or '}' expected" :
	    "',' or ']' expected");
out:
	if (stack != stack_small)
		free(stack);
	return rc;
}

int
news_json_scan_object(news_json_object *o, const char *s, size_t len,
    news_json_error *err)
{
	return scan(s, len, o, NULL, err);
}

int
news_json_validate(const char *s, size_t len, news_json_type *type,
    news_json_error *err)
{
	return scan(s, len, NULL, type, err);
}

void
news_json_object_free(news_json_object *o)
{
	free(o->m);
	memset(o, 0, sizeof *o);
}

static bool
key_equals(const news_json_member *m, const char *key, size_t key_len)
{
	if (!m->key_escaped)
		return m->key_len == key_len && memcmp(m->key, key, key_len) == 0;
	news_buf tmp = { 0 };
	news_json_decode_string(m->key, m->key_len, &tmp);
	bool eq = tmp.len == key_len && memcmp(tmp.data, key, key_len) == 0;
	news_buf_free(&tmp);
	return eq;
}

const news_json_member *
news_json_find(const news_json_object *o, const char *key, size_t key_len)
{
	for (size_t i = o->n; i-- > 0;)
		if (key_equals(&o->m[i], key, key_len))
			return &o->m[i];
	return NULL;
}

static unsigned
hex4(const char *p)
{
	return (unsigned)(hex_value(p[0]) << 12 | hex_value(p[1]) << 8 |
	    hex_value(p[2]) << 4 | hex_value(p[3]));
}

#ifdef __SSE2__
/* The fast part of news_json_decode_string(): 64 bytes at a time, escapes
 * that stand for one character replaced in place (see skip_string64()).
 * Returns where the careful loop goes on: at a \\u escape or near the end.
 * out has room for what is left of the string plus 16 bytes. */
static inline const char *
decode64(const char *p, const char *end, news_buf *out)
{
	const __m128i bslash = _mm_set1_epi8('\\');
	char *o = out->data + out->len;
	while (end - p >= 128) {        /* runs are copied 48 bytes at once */
		LOAD4(p);
		uint64_t bs = eq64(x0, x1, x2, x3, bslash);
		if (!bs) {
			_mm_storeu_si128((__m128i *)(void *)o, x0);
			_mm_storeu_si128((__m128i *)(void *)(o + 16), x1);
			_mm_storeu_si128((__m128i *)(void *)(o + 32), x2);
			_mm_storeu_si128((__m128i *)(void *)(o + 48), x3);
			o += 64;
			p += 64;
			continue;
		}
		/* the runs between escapes: 48 bytes copied at once, 16 more at
		 * a time for longer ones (writing past a run's end is harmless:
		 * what follows overwrites it, and each escape shortens the
		 * output) */
		unsigned from = 0;
		for (;;) {
			uint64_t at = from < 64 ? bs & (~0ULL << from) : 0;
			unsigned k = at ? (unsigned)__builtin_ctzll(at) : from < 64 ? 64 : from;
			const char *r = p + from;
			_mm_storeu_si128((__m128i *)(void *)o,
			    _mm_loadu_si128((const __m128i *)(const void *)r));
			_mm_storeu_si128((__m128i *)(void *)(o + 16),
			    _mm_loadu_si128((const __m128i *)(const void *)(r + 16)));
			_mm_storeu_si128((__m128i *)(void *)(o + 32),
			    _mm_loadu_si128((const __m128i *)(const void *)(r + 32)));
			for (unsigned j = 48; from + j < k; j += 16)
				_mm_storeu_si128((__m128i *)(void *)(o + j),
				    _mm_loadu_si128((const __m128i *)(const void *)(r + j)));
			o += k - from;
			if (!at) {
				p += k;
				break;
			}
			unsigned char c = simple_escape[(unsigned char)p[k + 1]];
			if (!c) {
				out->len = (size_t)(o - out->data);
				return p + k;
			}
			*o++ = (char)c;
			from = k + 2;
		}
	}
	out->len = (size_t)(o - out->data);
	return p;
}
#endif

size_t
news_json_decode_string(const char *raw, size_t len, news_buf *out)
{
	const char *p = raw, *end = raw + len;
	size_t bad = 0;

	if (len >= 2 && raw[0] == '"' && raw[len - 1] == '"') {
		p++;
		end--;
	}
	news_buf_reserve(out, (size_t)(end - p) + 16);
	while (p < end) {
#ifdef __SSE2__
		p = decode64(p, end, out);
		/* sixteen bytes at a time up to a backslash: HTML in a string
		 * has one every few dozen bytes, too often for memchr */
		const __m128i bslash = _mm_set1_epi8('\\');
		while (end - p >= 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
			unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, bslash));
			news_buf_reserve(out, 16);
			_mm_storeu_si128((__m128i *)(void *)(out->data + out->len), x);
			if (bits) {
				out->len += (size_t)__builtin_ctz(bits);
				p += __builtin_ctz(bits);
				break;
			}
			out->len += 16;
			p += 16;
		}
		if (p < end && *p != '\\') {
			/* the tail, shorter than sixteen bytes */
			const char *bs = memchr(p, '\\', (size_t)(end - p));
			size_t n = bs ? (size_t)(bs - p) : (size_t)(end - p);
			news_buf_add(out, p, n);
			p += n;
			if (p >= end)
				break;
		}
#else
		const char *bs = memchr(p, '\\', (size_t)(end - p));
		if (!bs) {
			news_buf_add(out, p, (size_t)(end - p));
			break;
		}
		news_buf_add(out, p, (size_t)(bs - p));
		p = bs;
#endif
		p++;            /* the backslash */
		if (p >= end)
			break;
		char c = *p++;
		switch (c) {
		case 'b': news_buf_addc(out, '\b'); break;
		case 'f': news_buf_addc(out, '\f'); break;
		case 'n': news_buf_addc(out, '\n'); break;
		case 'r': news_buf_addc(out, '\r'); break;
		case 't': news_buf_addc(out, '\t'); break;
		case 'u': {
			if (end - p < 4)
				goto out;
			unsigned cp = hex4(p);
			p += 4;
			if (cp >= 0xD800 && cp <= 0xDBFF && end - p >= 6 &&
			    p[0] == '\\' && p[1] == 'u') {
				unsigned lo = hex4(p + 2);
				if (lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					p += 6;
				}
			}
			if (cp >= 0xD800 && cp <= 0xDFFF) {
				cp = 0xFFFD;
				bad++;
			}
			char enc[4];
			news_buf_add(out, enc, news_utf8_encode((int32_t)cp, enc));
			break;
		}
		default:        /* '"', '\\', '/' */
			news_buf_addc(out, c);
			break;
		}
	}
out:
	return bad;
}

size_t
news_json_string(const news_json_member *m, const char **text, news_buf *scratch)
{
	if (!m->val_escaped) {
		*text = m->val + 1;
		return m->val_len - 2;
	}
	news_buf_clear(scratch);
	news_json_decode_string(m->val, m->val_len, scratch);
	*text = scratch->data ? scratch->data : "";
	return scratch->len;
}

/* Skip one validated value starting at p. */
static const char *
skip_value(const char *p, const char *end)
{
	size_t depth = 0;

	do {
		switch (*p) {
		case '"':
			for (p++; p < end && *p != '"'; p++)
				if (*p == '\\')
					p++;
			p++;
			break;
		case '{':
		case '[':
			depth++;
			p++;
			break;
		case '}':
		case ']':
			depth--;
			p++;
			break;
		default:
			if (depth == 0) {
				while (p < end && *p != ',' && *p != ']' && *p != '}' && !is_ws(*p))
					p++;
				return p;
			}
			p++;
		}
	} while (depth > 0 && p < end);
	return p;
}

void
news_json_iter_init(news_json_iter *it, const char *val, size_t len)
{
	it->p = len ? val + 1 : val;
	it->end = val + len;
}

bool
news_json_array_next(news_json_iter *it, const char **val, size_t *len,
    news_json_type *type)
{
	const char *p = skip_ws(it->p, it->end);

	if (p < it->end && *p == ',')
		p = skip_ws(p + 1, it->end);
	if (p >= it->end || *p == ']') {
		it->p = it->end;
		return false;
	}
	const char *e = skip_value(p, it->end);
	*val = p;
	*len = (size_t)(e - p);
	if (type)
		*type = type_of(*p);
	it->p = e;
	return true;
}

bool
news_json_object_next(news_json_iter *it, news_json_member *m)
{
	const char *p = skip_ws(it->p, it->end);

	if (p < it->end && *p == ',')
		p = skip_ws(p + 1, it->end);
	if (p >= it->end || *p != '"') {
		it->p = it->end;
		return false;
	}
	const char *k = p;
	p = skip_value(p, it->end);
	m->key = k + 1;
	m->key_len = (size_t)(p - k - 2);
	m->key_escaped = memchr(m->key, '\\', m->key_len) != NULL;
	p = skip_ws(p, it->end);
	p = skip_ws(p + 1, it->end);       /* the ':' */
	const char *e = skip_value(p, it->end);
	m->val = p;
	m->val_len = (size_t)(e - p);
	m->type = type_of(*p);
	m->val_escaped = m->type == NEWS_JSON_STRING &&
	    memchr(m->val, '\\', m->val_len) != NULL;
	m->edit = -1;
	it->p = e;
	return true;
}

bool
news_json_to_double(const char *val, size_t len, double *out)
{
	char tmp[64];
	char *end;

	if (!len || len >= sizeof tmp || type_of(*val) != NEWS_JSON_NUMBER)
		return false;
	memcpy(tmp, val, len);
	tmp[len] = '\0';
	errno = 0;
	*out = strtod(tmp, &end);
	return *end == '\0' && errno != ERANGE && isfinite(*out);
}

bool
news_json_to_int64(const char *val, size_t len, int64_t *out)
{
	char tmp[32];
	char *end;

	if (!len || len >= sizeof tmp || type_of(*val) != NEWS_JSON_NUMBER)
		return false;
	memcpy(tmp, val, len);
	tmp[len] = '\0';
	errno = 0;
	long long v = strtoll(tmp, &end, 10);
	if (*end != '\0' || errno == ERANGE)
		return false;
	*out = v;
	return true;
}
