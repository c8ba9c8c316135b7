/* news-dedupe's --state file: what we store in it and read back.
 *
 * LMDB trusts its own file format (a damaged B-tree can crash it; see
 * BUGS in news-dedupe(1)), so the file is always one LMDB wrote.  What is
 * ours is fuzzed: the values news-dedupe stores (the config, the --ttl
 * sweep position, each key's time and first id, each near-duplicate
 * entry's time, sample and id).  For each input:
 *
 *   1. news-dedupe --state runs over the input's records, so the file
 *      holds real entries under the keys those records hash to;
 *   2. the harness overwrites the values with bytes from the input, and
 *      may add entries of its own;
 *   3. news-dedupe --state runs over the same records again.
 *
 * Run 2 must never read out of bounds, and every line it writes must be a
 * valid JSON object (the first id read back goes into "dup_of" as raw
 * JSON).  It may stop with "damaged entry" (exit 3): news_die's exit()
 * is caught here and returns to the harness.  What a run stopped that way
 * had allocated is lost, so LeakSanitizer is told to ignore what the
 * program allocates here; leaks are looked for by the whole-program
 * target (fuzz_news-dedupe.c) and by the tests under `make asan`.
 *
 * Input: flags (1 byte: bits 0-1 the mode: exact, near, events, events
 * --count; bit 2 --ttl; bit 3 --mark), the records' length (2 bytes, LE)
 * and the records, then value edits: for each entry in file order (meta,
 * keys, near), a length byte and that many bytes for its new value (0xFF:
 * keep the value); bytes left after the last entry become new entries:
 * database (1 byte), key length (1), value length (1), key, value. */
#include <dlfcn.h>
#include <fcntl.h>
#include <getopt.h>
#include <lmdb.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "news_json.h"

int fuzz_program_main(int argc, char **argv);
/* LeakSanitizer's, when it is linked in (weak: the plain build has none) */
void __lsan_disable(void) __attribute__((weak));
void __lsan_enable(void) __attribute__((weak));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* --- exit() returns to the harness while the program runs --------------- */

static jmp_buf run_end;
static bool in_run;

_Noreturn void exit(int status);
_Noreturn void
exit(int status)
{
	if (in_run) {
		in_run = false;
		longjmp(run_end, 1);
	}
	void (*real)(int) = (void (*)(int))dlsym(RTLD_NEXT, "exit");
	real(status);
	_exit(status);
}

/* LMDB environments and transactions the program leaves open when it
 * stops midway, closed by the harness (an environment maps 1 TiB of
 * address space: a few hundred leaked ones would exhaust it). */
#define MAX_OPEN 8
static MDB_env *envs[MAX_OPEN];
static MDB_txn *txns[MAX_OPEN];

static void
track(void **slots, void *p, bool add)
{
	for (int i = 0; i < MAX_OPEN; i++) {
		if (add ? !slots[i] : slots[i] == p) {
			slots[i] = add ? p : NULL;
			return;
		}
	}
}

#define REAL(name) static __typeof__(&name) real_##name; \
	if (!real_##name) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

int
mdb_env_create(MDB_env **env)
{
	REAL(mdb_env_create);
	int rc = real_mdb_env_create(env);
	if (rc == 0)
		track((void **)envs, *env, true);
	return rc;
}

void
mdb_env_close(MDB_env *env)
{
	REAL(mdb_env_close);
	track((void **)envs, env, false);
	real_mdb_env_close(env);
}

int
mdb_txn_begin(MDB_env *env, MDB_txn *parent, unsigned flags, MDB_txn **txn)
{
	REAL(mdb_txn_begin);
	int rc = real_mdb_txn_begin(env, parent, flags, txn);
	if (rc == 0)
		track((void **)txns, *txn, true);
	return rc;
}

int
mdb_txn_commit(MDB_txn *txn)
{
	REAL(mdb_txn_commit);
	track((void **)txns, txn, false);
	return real_mdb_txn_commit(txn);
}

void
mdb_txn_abort(MDB_txn *txn)
{
	REAL(mdb_txn_abort);
	track((void **)txns, txn, false);
	real_mdb_txn_abort(txn);
}

static void
close_leftovers(void)
{
	for (int i = 0; i < MAX_OPEN; i++)
		if (txns[i])
			mdb_txn_abort(txns[i]);
	for (int i = 0; i < MAX_OPEN; i++)
		if (envs[i])
			mdb_env_close(envs[i]);
}

/* --- running the program ------------------------------------------------- */

/* The program closes its standard streams when it ends, so a descriptor
 * opened after a run can be 0, 1 or 2: move it above them. */
static int
high_fd(int fd)
{
	if (fd < 0 || fd > STDERR_FILENO)
		return fd;
	int moved = fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
	close(fd);
	return moved;
}

static void
call_main(char **args)
{
	int argc = 0;

	while (args[argc])
		argc++;
	fuzz_program_main(argc, args);
}

/* Run news-dedupe with args over in[0..len); its output goes to out_fd. */
static void
run_program(char **args, const uint8_t *in, size_t len, int out_fd)
{
	static int saved_err = -1;
	int fd = high_fd(memfd_create("fuzz-input", 0));

	if (fd < 0)
		return;
	if (len && write(fd, in, len) != (ssize_t)len) {
		close(fd);
		return;
	}
	lseek(fd, 0, SEEK_SET);
	if (saved_err < 0 && !getenv("FUZZ_SHOW_STDERR")) {
		saved_err = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
	}
	dup2(fd, STDIN_FILENO);
	close(fd);
	dup2(out_fd, STDOUT_FILENO);
	if (!getenv("FUZZ_SHOW_STDERR")) {
		int null = high_fd(open("/dev/null", O_WRONLY));
		dup2(null, STDERR_FILENO);
		if (null > STDERR_FILENO)
			close(null);
	}
	optind = 0;
	if (__lsan_disable)
		__lsan_disable();
	if (setjmp(run_end) == 0) {
		in_run = true;
		call_main(args);
	}
	in_run = false;
	if (__lsan_enable)
		__lsan_enable();
	close_leftovers();
	if (saved_err >= 0)
		dup2(saved_err, STDERR_FILENO);
}

/* --- editing the state file ------------------------------------------------ */

typedef struct edits {
	const uint8_t *p, *end;
} edits;

/* Overwrite each entry's value of one database with the next edit. */
static void
edit_values(MDB_txn *txn, MDB_dbi dbi, edits *e)
{
	MDB_cursor *c;
	MDB_val k, v;

	if (mdb_cursor_open(txn, dbi, &c))
		return;
	for (int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && e->p < e->end;
	    rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		size_t n = *e->p++;
		if (n == 0xFF)
			continue;
		if (n > (size_t)(e->end - e->p))
			n = (size_t)(e->end - e->p);
		MDB_val nv = { n, (void *)e->p };
		e->p += n;
		/* a copy of the key: k points into the page the put rewrites
		 * (LMDB then copies it onto itself: memcpy-param-overlap) */
		char key[512];
		if (k.mv_size > sizeof key)
			continue;
		memcpy(key, k.mv_data, k.mv_size);
		MDB_val kc = { k.mv_size, key };
		mdb_cursor_put(c, &kc, &nv, MDB_CURRENT);
	}
	mdb_cursor_close(c);
}

static void
edit_state(const char *path, edits *e)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi[3];
	static const char *const names[3] = { "meta", "keys", "near" };

	if (mdb_env_create(&env))
		return;
	mdb_env_set_maxdbs(env, 4);
	mdb_env_set_mapsize(env, (size_t)1 << 30);
	if (mdb_env_open(env, path, MDB_NOSUBDIR | MDB_NOSYNC, 0644) ||
	    mdb_txn_begin(env, NULL, 0, &txn)) {
		mdb_env_close(env);
		return;
	}
	for (int i = 0; i < 3; i++)
		if (mdb_dbi_open(txn, names[i], MDB_CREATE, &dbi[i])) {
			mdb_txn_abort(txn);
			mdb_env_close(env);
			return;
		}
	for (int i = 0; i < 3; i++)
		edit_values(txn, dbi[i], e);
	/* new entries */
	while (e->end - e->p >= 3) {
		unsigned db = e->p[0] % 3;
		size_t kl = e->p[1], vl = e->p[2];
		e->p += 3;
		if (kl + vl > (size_t)(e->end - e->p))
			break;
		MDB_val k = { kl, (void *)e->p }, v = { vl, (void *)(e->p + kl) };
		e->p += kl + vl;
		if (kl && kl <= 511)
			mdb_put(txn, dbi[db], &k, &v, 0);
	}
	mdb_txn_commit(txn);
	mdb_env_close(env);
}

/* --- the output ------------------------------------------------------------- */

static void
check_output(int fd)
{
	off_t size = lseek(fd, 0, SEEK_END);
	if (size <= 0)
		return;
	char *out = malloc((size_t)size);
	if (pread(fd, out, (size_t)size, 0) != size) {
		free(out);
		return;
	}
	news_json_object o = { 0 };
	news_json_error err;
	const char *p = out, *end = out + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;          /* a line cut short by a stop is not output */
		if (news_json_scan_object(&o, p, (size_t)(nl - p), &err) != 0) {
			fprintf(stderr, "invalid output line: %.*s\n", (int)(nl - p), p);
			abort();
		}
		p = nl + 1;
	}
	news_json_object_free(&o);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], lock[80];

	if (size < 3)
		return 0;
	unsigned flags = data[0];
	size_t rec_len = (size_t)data[1] | (size_t)data[2] << 8;
	if (rec_len > size - 3)
		rec_len = size - 3;
	const uint8_t *records = data + 3;
	edits e = { records + rec_len, data + size };

	snprintf(path, sizeof path, "/dev/shm/news-dedupe-fuzz-%d.lmdb", (int)getpid());
	snprintf(lock, sizeof lock, "%s-lock", path);
	unlink(path);
	unlink(lock);

	char *args[12];
	int n = 0;
	args[n++] = "news-dedupe";
	switch (flags & 3) {
	case 0: args[n++] = "--key"; args[n++] = "text,source.code"; break;
	case 1: args[n++] = "--near"; args[n++] = "text"; break;
	case 2: args[n++] = "--events"; break;
	case 3: args[n++] = "--events"; args[n++] = "--count"; break;
	}
	if (flags & 4) {
		args[n++] = "--ttl";
		args[n++] = "30";
	}
	if ((flags & 8) && (flags & 3) != 3)      /* --count cannot --mark */
		args[n++] = "--mark";
	args[n++] = "--state";
	args[n++] = path;
	args[n] = NULL;

	int null = high_fd(open("/dev/null", O_WRONLY));
	run_program(args, records, rec_len, null);
	close(null);
	edit_state(path, &e);
	int out = high_fd(memfd_create("fuzz-output", 0));
	run_program(args, records, rec_len, out);
	check_output(out);
	close(out);
	unlink(path);
	unlink(lock);
	return 0;
}
