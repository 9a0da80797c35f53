/*
 * util.h - the small routines every part of oversight shares.
 *
 * Memory: the x* allocators never return NULL; out of memory ends the
 * program with EXIT_INTERNAL (as git's wrapper.c does).
 * Files: util_slurp*() read a whole file; util_json_file() reads and
 * parses a JSON document, naming the line of a syntax error;
 * util_write_atomic() replaces a file whole or not at all.
 * Threads: util_one_thread() says OVERSIGHT_THREADS=1 asks for one.
 * Knobs: util_env_int() reads a number a test sets in the environment.
 * Hex: util_hex() and util_unhex() write and read bytes as hex digits.
 */
#ifndef OVERSIGHT_UTIL_H
#define OVERSIGHT_UTIL_H

#include <stddef.h>
#include <stdio.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* The rest of fp as a NUL-terminated buffer (caller frees) and its length
 * in *len.  NULL with errno set after a read error, or with errno EFBIG
 * when the text is longer than max bytes (0: no limit).  fp stays open. */
char *util_slurp_fp(FILE *fp, size_t max, size_t *len);

/* The same for the file at path; NULL with errno set if it cannot be
 * opened or read. */
char *util_slurp(const char *path, size_t max, size_t *len);

/* The 1-based line of text on which at (a pointer into text, or NULL)
 * falls; 1 when at is outside text[0..len]. */
long util_line_at(const char *text, size_t len, const char *at);

/* Parse text[0..len] (NUL-terminated) as one JSON value and nothing after
 * it.  On a syntax error print "<name>:<line>: not valid JSON" and return
 * NULL. */
struct cJSON *util_json_parse(const char *name, const char *text, size_t len);

/* Read and parse the JSON file at path (at most max bytes); prints the
 * error (cannot open, too large, not valid JSON at line N) and returns
 * NULL. */
struct cJSON *util_json_file(const char *path, size_t max);

/* Write data[0..len] to path through a temporary file in the same folder
 * and rename(2): readers see the old file or the new one, never a part.
 * -1 with errno set on failure (the temporary file is removed). */
int util_write_atomic(const char *path, const void *data, size_t len);

/* OVERSIGHT_THREADS=1: a load reads its file on the thread that stores its
 * rows (etl/load.c), and a report reads on one connection (core/wh.c). */
int util_one_thread(void);

/* The environment variable name as a whole number (atoi()) when it is set
 * and in lo .. hi, else fallback: the loader's knobs for tests. */
int util_env_int(const char *name, int lo, int hi, int fallback);

/* b[0..n-1] as 2n lowercase hex digits and a NUL in out. */
void util_hex(const unsigned char *b, size_t n, char *out);

/* The n bytes of the 2n hex digits (either case) at s, into out; -1 when
 * one of them is not a hex digit (out is then not to be used). */
int util_unhex(const char *s, size_t n, unsigned char *out);

#endif
