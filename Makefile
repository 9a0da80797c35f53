# oversight - build, test and demo.
#
#   make            build ./oversight (installs missing Debian packages first)
#   make test       the whole test suite (unit tests, then the binary's tests)
#   make demo       load the example logs of all five partnerships, write out/
#   make asan       the whole suite under address and undefined sanitizers
#   make valgrind   the whole suite with the binary under valgrind (leaks too)
#   make fuzz       libFuzzer on every parser, FUZZ_SECONDS (60) each
#   make test-browser  the HTML papers rendered in headless chromium (optional)
#   make bench      load and report timings at 1,000,000 rows -> BENCHMARKS.md
#   make clean

CC      ?= cc
OPT     ?= -O2 -g
WARN    ?= -Wall -Wextra -Werror
CFLAGS  ?=
CPPFLAGS += -I. -D_GNU_SOURCE
LDLIBS  += -lsqlite3 -lcsv -lcjson -lsodium -lcrypto -lzip -lexpat -lxlsxwriter -lm
BUILD   ?= build
BIN     ?= oversight

# -pthread: a load reads its file on a second thread (etl/handoff.h).
ALL_CFLAGS = -std=c11 -pthread $(OPT) $(WARN) $(CFLAGS)

SRC     := $(wildcard core/*.c model/*.c etl/*.c report/*.c charts/*.c)
OBJ     := $(patsubst %.c,$(BUILD)/%.o,$(SRC)) $(BUILD)/embedded.o
EMBED   := $(sort $(wildcard queries/*.sql charts/*.gp report/*.css))
UNIT    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: all deps test test-browser unit demo asan valgrind fuzz fuzz-targets clean bench install uninstall fixtures-xlsx

all: deps $(BIN)

deps:
	@sh tools/deps.sh --ensure

$(BIN): $(BUILD)/oversight.o $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c $(wildcard core/*.h model/*.h etl/*.h report/*.h charts/*.h) | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tools/embed: tools/embed.c | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(BUILD)/embedded.c: $(BUILD)/tools/embed $(EMBED)
	$(BUILD)/tools/embed $@ $(EMBED)

$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(OBJ) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(OBJ) $(LDLIBS)

# The workbook copies of the fixtures' agency logs (fixtures/xlsx.c): one
# has a title row and a notes sheet before the log's, one counts dates from 1904.
$(BUILD)/fixtures/xlsx: fixtures/xlsx.c $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(OBJ) $(LDLIBS)

fixtures-xlsx: $(BUILD)/fixtures/xlsx
	@for f in $$(ls fixtures/*/*.csv | grep -v /activity.csv); do \
		d=$$(dirname $$f)/xlsx; a=$$(basename $$f .csv); mkdir -p $$d; \
		case $$f in \
		*/devon/dc-police.csv) $(BUILD)/fixtures/xlsx --before Notes \
			--title "Devon and Cornwall Police: escalations log" $$f $$d/$$a.xlsx ;; \
		*/gloucestershire/glos-police.csv) $(BUILD)/fixtures/xlsx --1904 --after Notes $$f $$d/$$a.xlsx ;; \
		*) $(BUILD)/fixtures/xlsx $$f $$d/$$a.xlsx ;; \
		esac || exit 1; \
	done

$(BUILD):
	@mkdir -p $@

unit: $(UNIT)

test: all $(UNIT)
	@OVERSIGHT_BIN=./$(BIN) UNIT_DIR=$(BUILD)/tests sh tests/run.sh

demo: all
	@sh tools/deps.sh --ensure --pandoc
	@sh tools/demo.sh

asan:
	$(MAKE) BUILD=build-asan BIN=build-asan/oversight \
		OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
		LDFLAGS="-fsanitize=address,undefined" test

# The suite with every run of the binary under valgrind: any memory error
# or leak exits 99 and fails the test that ran it; the reports are kept in
# $(BUILD)/valgrind/.
valgrind: all $(UNIT)
	@command -v valgrind >/dev/null || { echo "make valgrind: install valgrind (apt-get install valgrind)"; exit 3; }
	@rm -rf $(BUILD)/valgrind && mkdir -p $(BUILD)/valgrind
	@OVERSIGHT_BIN=tests/valgrind-wrapper OVERSIGHT_REAL_BIN=$(CURDIR)/$(BIN) \
		OVERSIGHT_VALGRIND=$$(command -v valgrind) VALGRIND_LOG_DIR=$(CURDIR)/$(BUILD)/valgrind \
		UNIT_DIR=$(BUILD)/tests sh tests/run.sh; rc=$$?; \
	for t in $(UNIT); do valgrind --quiet --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --log-file=$(BUILD)/valgrind/vg.$$(basename $$t).log \
		$$t >/dev/null || rc=1; done; \
	find $(BUILD)/valgrind -name 'vg.*.log' -empty -delete; \
	n=$$(ls $(BUILD)/valgrind | wc -l); echo "valgrind: $$n run(s) with errors in $(BUILD)/valgrind"; \
	[ $$rc -eq 0 ] && [ $$n -eq 0 ]

# libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang into
# build-fuzz/, each run for FUZZ_SECONDS from corpora seeded with the
# fixtures (tests/fuzz/run.sh).  clang: sh tools/deps.sh --fuzz.
FUZZ_SECONDS ?= 60
FUZZ_SAN      = -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
FUZZ_BIN     := $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

fuzz:
	@sh tools/deps.sh --ensure --fuzz
	$(MAKE) CC=clang BUILD=build-fuzz OPT="-O1 -g $(FUZZ_SAN)" fuzz-targets
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh build-fuzz

fuzz-targets: $(FUZZ_BIN)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/common.c tests/fuzz/common.h $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -DFUZZ_ROOT='"$(CURDIR)"' $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined \
		-o $@ $< tests/fuzz/common.c $(OBJ) $(LDLIBS)

PREFIX  ?= /usr/local
DESTDIR ?=
SHARE    = $(DESTDIR)$(PREFIX)/share/oversight

# The binary finds its data at <bindir>/../share/oversight (or $OVERSIGHT_DATA).
install:
	@test -x $(BIN) || { echo "make install: build first (make)"; exit 1; }
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/protocols $(SHARE)/queries $(SHARE)/charts \
		$(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/oversight
	install -m 644 protocols/*.json protocols/README.md $(SHARE)/protocols
	install -m 644 queries/*.sql $(SHARE)/queries
	$(if $(wildcard charts/*.gp),install -m 644 $(wildcard charts/*.gp) $(SHARE)/charts)
	install -m 644 docs/oversight.1 $(DESTDIR)$(PREFIX)/share/man/man1/oversight.1
	install -m 644 contrib/oversight.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/oversight

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/oversight $(DESTDIR)$(PREFIX)/share/man/man1/oversight.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/oversight
	rm -rf $(SHARE)

# Optional: the HTML board papers in a real browser (Debian's chromium).
test-browser: demo
	@sh tests/browser/run.sh

bench: deps
	@sh tools/bench.sh

clean:
	rm -rf build build-asan build-bench build-fuzz $(BIN) out
