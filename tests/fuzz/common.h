/*
 * common.h - what the libFuzzer targets (tests/fuzz/fuzz_*.c) share.
 *
 * Each target sets its world up once per process (LLVMFuzzerInitialize or
 * the first call) and then feeds every input through the same code the
 * binary runs.  The warehouse is an in-memory SQLite database built by the
 * real migration and reference-data loaders (wh_migrate, refdata_*), so a
 * fuzzed load goes through ingest.c exactly as `oversight load` does, and
 * each input is rolled back so the next one starts from the same state.
 *
 *   struct wh *w = fuzz_warehouse();          once; never freed
 *   const char *p = fuzz_file(data, size);    the bytes as a file
 *
 * The repository is found through $OVERSIGHT_DATA, else the path the
 * Makefile compiles in (FUZZ_ROOT).
 */
#ifndef OVERSIGHT_FUZZ_COMMON_H
#define OVERSIGHT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "model/proto.h"
#include "core/wh.h"
#include "model/pseudo.h"

/* "Today" for the future-date rule: after every fixture's dates. */
#define FUZZ_TODAY "2026-12-31"

/* The repository (protocols/, fixtures/). */
const char *fuzz_root(void);

/*
 * The warehouse: schema, themes, the five shipped partnerships and the
 * calendar (2015-2027, see common.c), in memory.  With fixtures set, the devon September export
 * (every fixtures/devon/<agency>.csv) is loaded too, so fuzzed rows can update and
 * reconcile with held ones.  Built on the first call; dies on failure.
 */
struct wh *fuzz_warehouse(int fixtures);

/* The reference data of fuzz_warehouse(), read once. */
const struct ref *fuzz_ref(void);

/* A fixed pseudonym key. */
const unsigned char *fuzz_key(void);

/* Write the bytes to a scratch file (the same path each time) and return
 * its path: for the loaders that take a path. */
const char *fuzz_file(const uint8_t *data, size_t size);

#endif
