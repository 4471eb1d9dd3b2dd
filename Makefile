# Build, test, install and benchmark the toolkit. Every program is filters/NAME/*.c, with
# NAME.c holding main(), linked with build/libcommon.a; files in filters/NAME/data/ are
# compiled in (scripts/embed) as data_FILE (non-alphanumerics become _).

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DESTDIR ?=
VERSION := 0.1.0

CC      ?= cc
# uchardet: charset detection (--encoding=auto); libxml-2.0: segment's HTML reader;
# libxxhash: aggregate's hash table.
PKGS    := libpcre2-8 libutf8proc uchardet libxml-2.0 libxxhash
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wpedantic
SANITIZE ?=
ifneq ($(SANITIZE),)
  OPT    := -O1
  SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
  BUILD  ?= build-san
  BIN    ?= build-san/bin
endif
BUILD   ?= build
BIN     ?= bin

# The libraries' flags are asked of pkg-config when a recipe first needs them, not when make
# reads this file: on a fresh machine `deps` (an order-only prerequisite of every object)
# installs the libraries first, and the same make run then compiles and links against them.
# (VAR = $(eval VAR := ...)$(VAR): computed once, on first use.)
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $(PKGS) 2>/dev/null))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(shell pkg-config --libs $(PKGS) 2>/dev/null))$(PKG_LIBS)
CSV_LIBS   = $(eval CSV_LIBS := $$(shell pkg-config --libs libcsv 2>/dev/null || echo -lcsv))$(CSV_LIBS)
ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANFLAGS) -Icommon $(PKG_CFLAGS) -DTOOLKIT_VERSION='"$(VERSION)"'
LDLIBS     = $(PKG_LIBS) $(CSV_LIBS) -pthread
ALL_LDFLAGS := $(LDFLAGS) $(SANFLAGS)

COMMON_SRC := $(wildcard common/*.c)
COMMON_OBJ := $(COMMON_SRC:%.c=$(BUILD)/%.o)
LIBCOMMON  := $(BUILD)/libcommon.a
PROGRAMS   := $(notdir $(wildcard filters/*))
BINS       := $(PROGRAMS:%=$(BIN)/%)
EMBED      := $(BUILD)/scripts/embed

.PHONY: all deps deps-test check check-san check-valgrind fuzz warnings unit run install uninstall bench clean
.SECONDARY:

all: $(BINS)

# What is missing is installed (scripts/install-deps.sh): for building only what the build
# needs, for the tests the tools they drive as well. With everything present nothing runs as
# root, so a user without root builds as usual; NO_DEPS=1 skips the check altogether (the
# libraries installed where install-deps.sh does not look).
deps:
	@[ -n "$(NO_DEPS)" ] || sh scripts/install-deps.sh build
deps-test: deps
	@sh scripts/install-deps.sh test || echo "install-deps: going on; the tests that need what is missing will say skip" >&2

# Objects: one rule for common/ and every filter; headers are tracked by -MMD.
$(BUILD)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Ifilters/$(word 2,$(subst /, ,$*)) -I$(BUILD)/$(dir $*) -MMD -MP -c $< -o $@

$(LIBCOMMON): $(COMMON_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(EMBED): scripts/embed.c | deps
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

# A program may add build steps of its own in filters/NAME/build.mk: rules for generated
# sources, and NAME_EXTRA, objects linked into it besides its .c files and data.
-include $(wildcard filters/*/build.mk)

# Per-program sources, embedded data and link rule.
define program
$(1)_SRC  := $$(wildcard filters/$(1)/*.c)
$(1)_DATA := $$(wildcard filters/$(1)/data/*)
$(1)_DOBJ := $$(patsubst filters/$(1)/data/%,$(BUILD)/filters/$(1)/data/%.o,$$($(1)_DATA))
$(1)_OBJ  := $$($(1)_SRC:%.c=$(BUILD)/%.o) $$($(1)_DOBJ) $$($(1)_EXTRA)
$(1)_LIBOBJ := $$(filter-out $(BUILD)/filters/$(1)/$(1).o,$$($(1)_OBJ))
$(BUILD)/filters/$(1)/data/%.c: filters/$(1)/data/% $(EMBED)
	@mkdir -p $$(dir $$@)
	$(EMBED) data_$$(shell printf '%s' '$$*' | tr -c 'A-Za-z0-9' '_') < $$< > $$@
$(BUILD)/filters/$(1)/data/%.o: $(BUILD)/filters/$(1)/data/%.c | deps
	$(CC) $$(ALL_CFLAGS) -c $$< -o $$@
$(BIN)/$(1): $$($(1)_OBJ) $(LIBCOMMON)
	@mkdir -p $(BIN)
	$(CC) $(ALL_LDFLAGS) -o $$@ $$($(1)_OBJ) $(LIBCOMMON) $$(LDLIBS)
endef
$(foreach p,$(PROGRAMS),$(eval $(call program,$(p))))

# Unit tests: tests/unit/test_*.c test common/; tests/unit/NAME/test_*.c test filter NAME's
# internals (linked with its objects but not its main).
UNIT_COMMON := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
UNIT_FILTER := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/*/test_*.c))
UNITS := $(UNIT_COMMON) $(UNIT_FILTER)

$(BUILD)/tests/test_%: $(BUILD)/tests/unit/test_%.o $(LIBCOMMON)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)
define unitfilter
$(BUILD)/tests/$(1)/test_%: $(BUILD)/tests/unit/$(1)/test_%.o $$($(1)_LIBOBJ) $(LIBCOMMON)
	@mkdir -p $$(dir $$@)
	$(CC) $(ALL_LDFLAGS) -o $$@ $$^ $$(LDLIBS)
endef
$(foreach p,$(PROGRAMS),$(eval $(call unitfilter,$(p))))
$(BUILD)/tests/unit/%.o: tests/unit/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -Ifilters/$(word 1,$(subst /, ,$*)) -MMD -MP -c $< -o $@

unit: $(UNITS)

check: deps-test
	@$(MAKE) --no-print-directory all unit
	@BIN=$(BIN) BUILD=$(BUILD) sh tests/run.sh

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
# (The second pass under the other awk, tests/run.sh, is left out here: it tests scripts.)
check-san:
	@AWK_AGAIN= $(MAKE) --no-print-directory check SANITIZE=1

# The same tests with every program run under valgrind (memcheck, definite leaks).
check-valgrind:
	@sh scripts/install-deps.sh build test valgrind
	@$(MAKE) --no-print-directory all unit
	@BIN=$(BIN) BUILD=$(BUILD) sh tests/valgrind.sh

# The libFuzzer harnesses, FUZZ_SECONDS each (clang, ASan, UBSan; seed FUZZ_SEED, 0 = random).
fuzz:
	@sh scripts/install-deps.sh build fuzz
	@sh tests/fuzz/run.sh $(or $(FUZZ_SECONDS),60)

# Every program and test compiled by gcc and by clang with warnings as errors.
warnings:
	@sh scripts/install-deps.sh build clang
	@$(MAKE) --no-print-directory all unit CC=gcc BUILD=build-gcc BIN=build-gcc/bin CFLAGS='-O2 -Werror'
	@$(MAKE) --no-print-directory all unit CC=clang BUILD=build-clang BIN=build-clang/bin CFLAGS='-O2 -Werror'

run: all
	@BIN=$(BIN) sh pipelines/run.sh -j "$(or $(JOBS),1)" "$(or $(INPUT),data/sample)" "$(or $(OUT),out)"

# The pipelines go to PIPEDIR (run them from there: they find the programs on PATH).
PIPEDIR ?= $(PREFIX)/share/news-facts/pipelines
PIPE_FILES := $(wildcard pipelines/*.sh pipelines/*.py pipelines/*.awk)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PIPEDIR)
	for p in $(PROGRAMS); do \
	  install -m 755 $(BIN)/$$p $(DESTDIR)$(BINDIR)/$$p; \
	  if [ -f filters/$$p/$$p.1 ]; then install -m 644 filters/$$p/$$p.1 $(DESTDIR)$(MANDIR)/man1/$$p.1; fi; \
	done
	install -m 755 $(PIPE_FILES) $(DESTDIR)$(PIPEDIR)/

uninstall:
	for p in $(PROGRAMS); do rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(MANDIR)/man1/$$p.1; done
	rm -f $(addprefix $(DESTDIR)$(PIPEDIR)/,$(notdir $(PIPE_FILES)))
	-rmdir $(DESTDIR)$(PIPEDIR) 2>/dev/null

bench: all
	@BIN=$(BIN) sh bench/run.sh
	@BIN=$(BIN) sh bench/aggregate.sh
	@BIN=$(BIN) sh bench/pipeline.sh

clean:
	rm -rf build build-san build-gcc build-clang bin out .out.runs .b

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
