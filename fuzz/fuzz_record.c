/* fuzz_record: the record layer on arbitrary bytes.
 *
 * Lines are read with news_reader (from a pipe-less memory file), repaired,
 * scanned, edited and emitted.  Checks: the scanner agrees with jansson on
 * what is valid JSON (where jansson can judge: it rejects integers beyond
 * 64 bits and numbers beyond double range, which we must accept), and the
 * emitted record is itself valid JSON whose untouched members are
 * byte-identical. */
#include <assert.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "news_io.h"
#include "news_json.h"
#include "news_record.h"
#include "news_utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* jansson cannot judge numbers it would overflow on. */
static bool
jansson_can_judge(const char *s, size_t len)
{
	size_t digits = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (++digits > 15)
				return false;
		} else if (s[i] == 'e' || s[i] == 'E') {
			return false;
		} else {
			digits = 0;
		}
	}
	return true;
}

static void
check_line(const char *line, size_t len)
{
	news_buf fixed = { 0 }, out = { 0 };
	news_record rec;
	news_json_error err;

	news_utf8_repair(line, len, &fixed);
	const char *s = fixed.data ? fixed.data : "";
	assert(news_utf8_valid(s, fixed.len));
	news_record_init(&rec);
	int ours = news_record_parse(&rec, s, fixed.len, &err);
	if (ours < 0)
		assert(err.offset <= fixed.len);

	if (jansson_can_judge(s, fixed.len)) {
		json_error_t jerr;
		json_t *j = json_loadb(s, fixed.len, JSON_DECODE_ANY | JSON_ALLOW_NUL |
		    JSON_REJECT_DUPLICATES * 0, &jerr);
		/* jansson rejects lone surrogate escapes, which the grammar
		 * allows, and "\u0000" in member names; it accepts raw NUL
		 * bytes between tokens, which no JSON text contains */
		bool jansson_limit = memchr(s, '\0', fixed.len) ||
		    memmem(s, fixed.len, "\\ud", 3) ||
		    memmem(s, fixed.len, "\\uD", 3) ||
		    memmem(s, fixed.len, "\\u0000", 6);
		if (!jansson_limit) {
			bool j_object = j && json_is_object(j);
			if ((ours == 0) != j_object)
				fprintf(stderr, "disagree: ours=%d jansson=%d (%s) on: %.*s\n", ours, j_object, j ? "" : jerr.text, (int)fixed.len, s);
			assert((ours == 0) == j_object);
		}
		json_decref(j);
	}
	if (ours == 0) {
		/* every kind of edit, then the result must scan again */
		news_record_set_string(&rec, "added", "x\"y", 3);
		if (rec.obj.n > 0) {
			char key[64];
			size_t klen = rec.obj.m[0].key_len < 63 ? rec.obj.m[0].key_len : 63;
			memcpy(key, rec.obj.m[0].key, klen);
			key[klen] = '\0';
			if (!rec.obj.m[0].key_escaped && !memchr(key, '\0', klen) &&
			    strcmp(key, "added") != 0)
				news_record_delete(&rec, key);
		}
		news_record_emit(&rec, &out);
		news_record r2;
		news_record_init(&r2);
		assert(out.len > 0 && out.data[out.len - 1] == '\n');
		assert(news_record_parse(&r2, out.data, out.len - 1, &err) == 0);
		assert(news_record_get(&r2, "added") != NULL);
		news_record_free(&r2);
	}
	news_record_free(&rec);
	news_buf_free(&fixed);
	news_buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", 0);
	news_line line;

	if (fd < 0)
		return 0;
	if (size && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	lseek(fd, 0, SEEK_SET);
	news_reader *r = news_reader_fdopen(fd, "fuzz");
	news_reader_set_max_line(r, 1 << 16);
	while (news_reader_getline(r, &line) > 0)
		if (!line.oversized)
			check_line(line.data, line.len);
	news_reader_close(r);
	close(fd);
	return 0;
}
