# newsflow: small C programs that turn news pages into event data.
#
#   make          build bin/news-*            make check   build and run all tests
#   make demo     run the pipeline on examples/   make asan    tests under ASan+UBSan
#   make bench    benchmarks against peers    make install (PREFIX, DESTDIR, BINDIR, MANDIR)
#
# Each program is a folder src/news-NAME/ with its .c files, an optional
# dict/ of plain-text dictionaries (compiled in), an optional prog.mk
# naming extra pkg-config packages (news-NAME_PKGS) and generated sources,
# and its man page (news-NAME.1.scd, and the generated news-NAME.1).

include config.mk

BUILD ?= build
BIN ?= bin

# A folder becomes a program once it has a main.c.
PROGRAMS := $(sort $(patsubst src/%/main.c,%,$(wildcard src/news-*/main.c)))
COMMON_SRCS := $(sort $(wildcard src/common/*.c))
COMMON_OBJS := $(COMMON_SRCS:src/%.c=$(BUILD)/%.o)
COMMON_PKGS := libutf8proc zlib libxxhash jansson

WARNINGS = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wno-unused-parameter -Wno-sign-compare
ALL_CPPFLAGS = -D_GNU_SOURCE -Isrc/common -I$(BUILD)/gen $(CPPFLAGS)
ALL_CFLAGS = -std=c11 $(WARNINGS) $(CFLAGS)
# Recursively expanded, so pkg-config runs after `make deps` installed things.
pkg_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pkg_libs = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)

-include $(wildcard src/news-*/prog.mk)

.PHONY: all programs unit-tests replays fuzzers fuzz run-tests deps check check-slow demo asan bench clean install \
	uninstall man fuzz
.DEFAULT_GOAL := all

all: deps
	@$(MAKE) --no-print-directory programs

deps:
	@tools/deps.sh

programs: $(PROGRAMS:%=$(BIN)/%) unit-tests replays

# --- unit tests of the shared library (tests/unit/*.c) --------------------
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/*.c))
unit-tests: $(UNIT_TESTS)
$(BUILD)/tests/%: tests/unit/%.c tests/unit/unit.h $(BUILD)/libnewscommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $(call pkg_cflags,$(COMMON_PKGS)) -o $@ $< $(BUILD)/libnewscommon.a $(call pkg_libs,$(COMMON_PKGS)) -lm

# --- the shared library -------------------------------------------------
$(BUILD)/libnewscommon.a: $(COMMON_OBJS)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

$(BUILD)/common/%.o: src/common/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(call pkg_cflags,$(COMMON_PKGS)) -MMD -MP -c -o $@ $<

# --- build tools (run on the build machine, never sanitized) ------------
$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -O2 -o $@ $<

# --- one program per folder ----------------------------------------------
define PROGRAM_template
$(1)_SRCS := $$(sort $$(wildcard src/$(1)/*.c))
$(1)_DICTS := $$(sort $$(wildcard src/$(1)/dict/*.txt))
$(1)_OBJS := $$($(1)_SRCS:src/%.c=$(BUILD)/%.o) $$($(1)_GEN_OBJS)
ifneq ($$($(1)_DICTS),)
$(1)_OBJS += $(BUILD)/$(1)/dicts.o
$(BUILD)/$(1)/dicts.c: $$($(1)_DICTS) $(BUILD)/tools/embed
	@mkdir -p $$(@D)
	$(BUILD)/tools/embed $$(subst -,_,$(1))_dicts $$($(1)_DICTS) > $$@.tmp && mv $$@.tmp $$@
endif
$(BUILD)/$(1)/%.o: src/$(1)/%.c
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CPPFLAGS) -Isrc/$(1) -I$(BUILD)/$(1) $$(ALL_CFLAGS) $$(call pkg_cflags,$$(COMMON_PKGS) $$($(1)_PKGS)) -MMD -MP -c -o $$@ $$<
$(BUILD)/$(1)/%.o: $(BUILD)/$(1)/%.c
	$$(CC) $$(ALL_CPPFLAGS) -Isrc/$(1) -I$(BUILD)/$(1) $$(ALL_CFLAGS) $$(call pkg_cflags,$$(COMMON_PKGS) $$($(1)_PKGS)) -MMD -MP -c -o $$@ $$<
$(BIN)/$(1): $$($(1)_OBJS) $(BUILD)/libnewscommon.a
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CFLAGS) $$(LDFLAGS) -o $$@ $$($(1)_OBJS) $(BUILD)/libnewscommon.a $$(call pkg_libs,$$(COMMON_PKGS) $$($(1)_PKGS)) -lm
endef
$(foreach p,$(PROGRAMS),$(eval $(call PROGRAM_template,$(p))))

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# --- fuzz targets (fuzz/fuzz_NAME.c) ---------------------------------------
# Each is built two ways: with a plain replay main() (fuzz/replay.c) that
# `make check` runs over the committed corpus fuzz/corpus/NAME/, and with
# libFuzzer (`make fuzz CC=clang`) for fuzzing for real.
FUZZERS := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
replays: $(FUZZERS:%=$(BUILD)/fuzz/replay-%)
fuzzers: $(FUZZERS:%=$(BUILD)/fuzz/fuzz-%)
$(BUILD)/fuzz/replay-%: fuzz/fuzz_%.c fuzz/replay.c $(BUILD)/libnewscommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) $(call pkg_cflags,$(COMMON_PKGS)) -o $@ fuzz/fuzz_$*.c fuzz/replay.c $(BUILD)/libnewscommon.a $(call pkg_libs,$(COMMON_PKGS)) -lm
$(BUILD)/fuzz/fuzz-%: fuzz/fuzz_%.c $(BUILD)/libnewscommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined $(call pkg_cflags,$(COMMON_PKGS)) -o $@ $< $(BUILD)/libnewscommon.a $(call pkg_libs,$(COMMON_PKGS)) -lm
# A program's fuzz targets (fuzz/fuzz_news-NAME.c, fuzz/fuzz_news-NAME-WHAT.c)
# run its real main(), renamed, over the input (see fuzz/program_harness.h).
fuzz_program = $(firstword $(foreach p,$(PROGRAMS),$(if $(filter $(p) $(p)-%,$(1)),$(p))))
define PROGRAM_MAIN_template
$(BUILD)/fuzz/$(1)-main.o: src/$(1)/main.c $$(wildcard src/$(1)/*.h)
	@mkdir -p $$(@D)
	$$(CC) $$(ALL_CPPFLAGS) -Isrc/$(1) -I$(BUILD)/$(1) $$(ALL_CFLAGS) $$(call pkg_cflags,$$(COMMON_PKGS) $$($(1)_PKGS)) -Dmain=fuzz_program_main -Wno-missing-prototypes -MMD -MP -c -o $$@ $$<
$(1)_FUZZ_OBJS = $$(filter-out $(BUILD)/$(1)/main.o,$$($(1)_OBJS)) $(BUILD)/fuzz/$(1)-main.o
endef
# Direct targets call the program's own functions: its headers are theirs
# (and are prerequisites, so a changed struct rebuilds the target).
FUZZ_HEADERS := $(wildcard fuzz/*.h)
define PROGRAM_FUZZ_template
$(BUILD)/fuzz/replay-$(1) $(BUILD)/fuzz/fuzz-$(1): FUZZ_PROGRAM_CPPFLAGS = -Isrc/$(2) -I$(BUILD)/$(2) $$(call pkg_cflags,$$(COMMON_PKGS) $$($(2)_PKGS))
$(BUILD)/fuzz/replay-$(1): fuzz/fuzz_$(1).c fuzz/replay.c $$(FUZZ_HEADERS) $$(wildcard src/$(2)/*.h) $$($(2)_FUZZ_OBJS) $(BUILD)/libnewscommon.a
	$$(CC) $$(ALL_CPPFLAGS) $$(FUZZ_PROGRAM_CPPFLAGS) $$(ALL_CFLAGS) $$(LDFLAGS) -o $$@ fuzz/fuzz_$(1).c fuzz/replay.c $$($(2)_FUZZ_OBJS) $(BUILD)/libnewscommon.a $$(call pkg_libs,$$(COMMON_PKGS) $$($(2)_PKGS)) -lm
$(BUILD)/fuzz/fuzz-$(1): fuzz/fuzz_$(1).c $$(FUZZ_HEADERS) $$(wildcard src/$(2)/*.h) $$($(2)_FUZZ_OBJS) $(BUILD)/libnewscommon.a
	$$(CC) $$(ALL_CPPFLAGS) $$(FUZZ_PROGRAM_CPPFLAGS) $$(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined -o $$@ fuzz/fuzz_$(1).c $$($(2)_FUZZ_OBJS) $(BUILD)/libnewscommon.a $$(call pkg_libs,$$(COMMON_PKGS) $$($(2)_PKGS)) -lm
endef
PROGRAM_FUZZERS := $(foreach f,$(FUZZERS),$(if $(call fuzz_program,$(f)),$(f)))
$(foreach p,$(sort $(foreach f,$(PROGRAM_FUZZERS),$(call fuzz_program,$(f)))),$(eval $(call PROGRAM_MAIN_template,$(p))))
$(foreach f,$(PROGRAM_FUZZERS),$(eval $(call PROGRAM_FUZZ_template,$(f),$(call fuzz_program,$(f)))))

fuzz:
	@tools/deps.sh --fuzz
	@$(MAKE) --no-print-directory fuzzers BUILD=build/libfuzzer CC=clang CFLAGS="$(FUZZ_CFLAGS)"
	@echo "fuzzers are in build/libfuzzer/fuzz/: e.g. build/libfuzzer/fuzz/fuzz-record -max_total_time=300 CORPUS_COPY_DIR fuzz/corpus/record"

# --- tests -----------------------------------------------------------------
BATS = bats
BATS_JOBS = $(shell nproc 2>/dev/null || echo 1)
BATS_FLAGS = --jobs $(BATS_JOBS) --timing

check: all
	@$(MAKE) --no-print-directory run-tests NEWS_BIN=$(CURDIR)/$(BIN) NEWS_UNIT=$(CURDIR)/$(BUILD)/tests \
		NEWS_REPLAY=$(CURDIR)/$(BUILD)/fuzz

# The tests write UTF-8 as $'\u...', which bash expands when it reads a
# test file, by the locale it started with: give it one, whatever the
# caller's (CI's environment may have none).
TEST_LOCALE = LC_ALL=C.UTF-8

run-tests:
	$(TEST_LOCALE) NEWS_BIN=$(NEWS_BIN) NEWS_UNIT=$(NEWS_UNIT) NEWS_REPLAY=$(NEWS_REPLAY) NEWS_ROOT=$(CURDIR) \
		$(BATS) $(BATS_FLAGS) tests/

# Inputs of 500 MB and more.
check-slow: all
	$(TEST_LOCALE) NEWS_BIN=$(CURDIR)/$(BIN) NEWS_ROOT=$(CURDIR) NEWS_SLOW=1 $(BATS) tests/slow/

# The whole suite against binaries built with AddressSanitizer and
# UndefinedBehaviorSanitizer.  Any report fails the test it happens in:
# sanitizer errors exit 86 and print to stderr.
ASAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
asan: deps
	@$(MAKE) --no-print-directory programs BUILD=build/asan BIN=build/asan/bin \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined"
	ASAN_OPTIONS=exitcode=86:detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=exitcode=86:print_stacktrace=1:halt_on_error=1 \
		$(MAKE) --no-print-directory run-tests NEWS_BIN=$(CURDIR)/build/asan/bin \
		NEWS_UNIT=$(CURDIR)/build/asan/tests NEWS_REPLAY=$(CURDIR)/build/asan/fuzz NEWS_ASAN=1

# --- the demo ---------------------------------------------------------------
demo: all
	@examples/demo.sh $(CURDIR)/$(BIN)

# --- benchmarks (install their peers themselves) ----------------------------
bench: all
	@bench/run.sh $(CURDIR)/$(BIN)

# The record layer alone (bench/record-layer.sh).
$(BUILD)/bench/news-passthrough: bench/passthrough.c $(BUILD)/libnewscommon.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libnewscommon.a $(call pkg_libs,$(COMMON_PKGS)) -lm

# --- man pages: the roff is committed; scdoc regenerates it -----------------
MAN_SRCS := $(wildcard man/*.scd src/news-*/*.scd)
man: $(MAN_SRCS:.scd=)
%.1: %.1.scd
	scdoc < $< > $@
%.7: %.7.scd
	scdoc < $< > $@

# --- install ------------------------------------------------------------------
install: programs
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGRAMS); do install -m 755 $(BIN)/$$p $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(wildcard src/news-*/*.1); do install -m 644 $$m $(DESTDIR)$(MANDIR)/man1/; done
	install -m 644 man/newsflow.7 $(DESTDIR)$(MANDIR)/man7/newsflow.7

uninstall:
	for p in $(PROGRAMS); do rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(MANDIR)/man1/$$p.1; done
	rm -f $(DESTDIR)$(MANDIR)/man7/newsflow.7

clean:
	rm -rf $(BUILD) $(BIN) examples/out
