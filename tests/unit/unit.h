/*
 * unit.h - a tiny unit-test harness printing TAP-style lines.
 *
 *   CHECK(cond, "what")                  ok / not ok
 *   CHECK_INT(got, want, "what")         integers, printed on failure
 *   CHECK_STR(got, want, "what")         strings (NULL-safe)
 *   CHECK_NEAR(got, want, tol, "what")   doubles within an absolute tolerance
 *   return unit_done();                  exit 1 when anything failed
 *
 * tests/run.sh counts the "ok" and "not ok" lines of every unit binary.
 */
#ifndef OVERSIGHT_UNIT_H
#define OVERSIGHT_UNIT_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int unit_n, unit_failed;

#define CHECK(cond, what)                                                      \
	do {                                                                   \
		unit_n++;                                                      \
		if (cond) {                                                    \
			printf("ok %d - %s\n", unit_n, what);                  \
		} else {                                                       \
			unit_failed++;                                         \
			printf("not ok %d - %s (%s:%d)\n", unit_n, what,       \
			       __FILE__, __LINE__);                            \
		}                                                              \
	} while (0)

#define CHECK_INT(got, want, what)                                             \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		unit_n++;                                                      \
		if (g_ == w_) {                                                \
			printf("ok %d - %s\n", unit_n, what);                  \
		} else {                                                       \
			unit_failed++;                                         \
			printf("not ok %d - %s: got %lld, want %lld (%s:%d)\n",\
			       unit_n, what, g_, w_, __FILE__, __LINE__);      \
		}                                                              \
	} while (0)

#define CHECK_STR(got, want, what)                                             \
	do {                                                                   \
		const char *g_ = (got), *w_ = (want);                          \
		unit_n++;                                                      \
		if ((!g_ && !w_) || (g_ && w_ && strcmp(g_, w_) == 0)) {       \
			printf("ok %d - %s\n", unit_n, what);                  \
		} else {                                                       \
			unit_failed++;                                         \
			printf("not ok %d - %s: got \"%s\", want \"%s\" (%s:%d)\n", \
			       unit_n, what, g_ ? g_ : "(null)",               \
			       w_ ? w_ : "(null)", __FILE__, __LINE__);        \
		}                                                              \
	} while (0)

#define CHECK_NEAR(got, want, tol, what)                                       \
	do {                                                                   \
		double g_ = (got), w_ = (want);                                \
		unit_n++;                                                      \
		if (fabs(g_ - w_) <= (tol)) {                                  \
			printf("ok %d - %s\n", unit_n, what);                  \
		} else {                                                       \
			unit_failed++;                                         \
			printf("not ok %d - %s: got %.10g, want %.10g (%s:%d)\n", \
			       unit_n, what, g_, w_, __FILE__, __LINE__);      \
		}                                                              \
	} while (0)

static inline int unit_done(void)
{
	return unit_failed ? 1 : 0;
}

#endif
