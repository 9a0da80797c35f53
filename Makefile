# oversight - build, test and demo.
#
#   make            build ./oversight (installs missing Debian packages first)
#   make test       the whole test suite (unit tests, then the binary's tests)
#   make demo       load the example logs of all five partnerships, write out/
#   make asan       the whole suite under address and undefined sanitizers
#   make bench      load and report timings at 1,000,000 rows -> BENCHMARKS.md
#   make clean

CC      ?= cc
OPT     ?= -O2 -g
WARN    ?= -Wall -Wextra -Werror
CFLAGS  ?=
CPPFLAGS += -I. -D_GNU_SOURCE
LDLIBS  += -lsqlite3 -lcsv -lcjson -lsodium -lm
BUILD   ?= build
BIN     ?= oversight

ALL_CFLAGS = -std=c11 $(OPT) $(WARN) $(CFLAGS)

SRC     := $(wildcard core/*.c etl/*.c report/*.c charts/*.c)
OBJ     := $(patsubst %.c,$(BUILD)/%.o,$(SRC)) $(BUILD)/embedded.o
EMBED   := $(sort $(wildcard queries/*.sql charts/*.gp))
UNIT    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: all deps test unit demo asan clean bench install uninstall

all: deps $(BIN)

deps:
	@sh tools/deps.sh --ensure

$(BIN): $(BUILD)/oversight.o $(OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c $(wildcard core/*.h etl/*.h report/*.h charts/*.h) | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tools/embed: tools/embed.c | $(BUILD)
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(BUILD)/embedded.c: $(BUILD)/tools/embed $(EMBED)
	$(BUILD)/tools/embed $@ $(EMBED)

$(BUILD)/embedded.o: $(BUILD)/embedded.c
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(OBJ) tests/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(OBJ) $(LDLIBS)

$(BUILD):
	@mkdir -p $@

unit: $(UNIT)

test: all $(UNIT)
	@OVERSIGHT_BIN=./$(BIN) UNIT_DIR=$(BUILD)/tests sh tests/run.sh

demo: all
	@sh tools/demo.sh

asan:
	$(MAKE) BUILD=build-asan BIN=build-asan/oversight \
		OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
		LDFLAGS="-fsanitize=address,undefined" test

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

bench: deps
	@sh tools/bench.sh

clean:
	rm -rf build build-asan build-bench $(BIN) out
