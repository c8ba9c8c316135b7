/* program_harness.h: a whole program as a fuzz target.
 *
 * A program's fuzz file defines FUZZ_ARGS (its argv) and includes this.
 * The program's main.c is compiled with -Dmain=fuzz_program_main, so the
 * harness runs the real option parsing, record loop and process function:
 * the input bytes become standard input, output and messages go to
 * /dev/null.  Anything the program leaks per run, LeakSanitizer sees. */
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>

int fuzz_program_main(int argc, char **argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	fuzz_program_main(argc, argv);
	if (saved_err >= 0)
		dup2(saved_err, STDERR_FILENO);
	return 0;
}
