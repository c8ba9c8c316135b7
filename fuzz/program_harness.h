/* program_harness.h: a whole program as a fuzz target.
 *
 * A program's fuzz file defines FUZZ_ARGS (its argv) and includes this.
 * The program's main.c is compiled with -Dmain=fuzz_program_main, so the
 * harness runs the real option parsing, record loop and process function:
 * the input bytes become standard input, output and messages go to
 * /dev/null.  Anything the program leaks per run, LeakSanitizer sees.
 *
 * A program may stop on its own with news_die() -> exit(): a fatal read
 * error (standard input that starts like gzip and is not) is one, and
 * stopping is right there.  So exit() during a run returns to the harness
 * (longjmp), and what the run still had allocated, unreachable now, is
 * handed to LeakSanitizer as not a leak: the harness keeps the run's live
 * allocations (sanitizer malloc hooks) for that.  A leak in a run that
 * ends normally is still a finding. */
#include <dlfcn.h>
#include <fcntl.h>
#include <getopt.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>

int fuzz_program_main(int argc, char **argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the sanitizers' (weak: the plain replay build has none) */
int __sanitizer_install_malloc_and_free_hooks(
    void (*malloc_hook)(const volatile void *, size_t),
    void (*free_hook)(const volatile void *)) __attribute__((weak));
void __lsan_ignore_object(const void *p) __attribute__((weak));
void __lsan_disable(void) __attribute__((weak));

static jmp_buf harness_run_end;
static volatile bool harness_in_run;

_Noreturn void exit(int status);
_Noreturn void
exit(int status)
{
	if (harness_in_run) {
		harness_in_run = false;
		longjmp(harness_run_end, 1);
	}
	void (*real)(int) = (void (*)(int))dlsym(RTLD_NEXT, "exit");
	real(status);
	_exit(status);
}

/* The run's live allocations: open addressing on the pointer, deletion by
 * moving the cluster back (no tombstones).  Static: the hooks must not
 * allocate. */
#define HARNESS_LIVE_BITS 18
#define HARNESS_LIVE_MASK ((1u << HARNESS_LIVE_BITS) - 1)
static const volatile void *harness_live[1u << HARNESS_LIVE_BITS];
static size_t harness_n_live;
static bool harness_live_full;

static size_t
harness_slot(const volatile void *p)
{
	return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15ULL >> (64 - HARNESS_LIVE_BITS));
}

static void
harness_on_malloc(const volatile void *p, size_t size)
{
	(void)size;
	if (!harness_in_run || !p)
		return;
	if (harness_n_live >= HARNESS_LIVE_MASK / 2) {
		harness_live_full = true;
		return;
	}
	size_t i = harness_slot(p);
	while (harness_live[i])
		i = (i + 1) & HARNESS_LIVE_MASK;
	harness_live[i] = p;
	harness_n_live++;
}

static void
harness_on_free(const volatile void *p)
{
	if (!p || !harness_n_live)
		return;
	size_t i = harness_slot(p);
	while (harness_live[i] && harness_live[i] != p)
		i = (i + 1) & HARNESS_LIVE_MASK;
	if (!harness_live[i])
		return;
	harness_live[i] = NULL;
	harness_n_live--;
	/* move back what the hole would hide from its home slot */
	for (size_t j = (i + 1) & HARNESS_LIVE_MASK; harness_live[j];
	    j = (j + 1) & HARNESS_LIVE_MASK) {
		size_t home = harness_slot(harness_live[j]);
		if (((j - home) & HARNESS_LIVE_MASK) >= ((j - i) & HARNESS_LIVE_MASK)) {
			harness_live[i] = harness_live[j];
			harness_live[j] = NULL;
			i = j;
		}
	}
}

/* After a run that exit() ended: its allocations are not leaks. */
static void
harness_forget_live(void)
{
	if (harness_live_full && __lsan_disable) {
		__lsan_disable();       /* too many to name: no more leak checks */
		harness_live_full = false;
	}
	for (size_t i = 0; harness_n_live && i <= HARNESS_LIVE_MASK; i++) {
		if (harness_live[i]) {
			if (__lsan_ignore_object)
				__lsan_ignore_object((const void *)harness_live[i]);
			harness_live[i] = NULL;
			harness_n_live--;
		}
	}
}

static void
harness_clear_live(void)
{
	for (size_t i = 0; harness_n_live && i <= HARNESS_LIVE_MASK; i++) {
		if (harness_live[i]) {
			harness_live[i] = NULL;
			harness_n_live--;
		}
	}
	harness_live_full = false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int saved_err = -1;
	char *argv[] = { FUZZ_ARGS, NULL };
	int argc = (int)(sizeof argv / sizeof *argv) - 1;
	int in = memfd_create("fuzz-input", 0);
	int null = open("/dev/null", O_WRONLY);

	if (in < 0 || null < 0)
		return 0;
	if (size && write(in, data, size) != (ssize_t)size)
		return 0;
	lseek(in, 0, SEEK_SET);
	if (saved_err < 0 && !getenv("FUZZ_SHOW_STDERR"))
		saved_err = dup(STDERR_FILENO);
	dup2(in, STDIN_FILENO);
	dup2(null, STDOUT_FILENO);
	if (!getenv("FUZZ_SHOW_STDERR"))
		dup2(null, STDERR_FILENO);
	/* the program closed stdout last time, so open() may have
	 * returned 1 itself: close only what is not a standard stream */
	if (in > STDERR_FILENO)
		close(in);
	if (null > STDERR_FILENO)
		close(null);
	optind = 0;             /* getopt starts afresh */
	static bool hooked;
	if (!hooked && __sanitizer_install_malloc_and_free_hooks) {
		__sanitizer_install_malloc_and_free_hooks(harness_on_malloc,
		    harness_on_free);
		hooked = true;
	}
	if (setjmp(harness_run_end) == 0) {
		harness_in_run = true;
		fuzz_program_main(argc, argv);
		harness_in_run = false;
		harness_clear_live();
	} else {
		harness_forget_live();
	}
	if (saved_err >= 0)
		dup2(saved_err, STDERR_FILENO);
	return 0;
}
