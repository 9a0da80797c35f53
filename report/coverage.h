/*
 * coverage.h - whose logs are in, and how recent (DESIGN.md "Whose log,
 * and how recent").
 *
 * An agency's data run to the latest export date of a log it owns or of
 * the partnership's shared log; it has no log when there is none.  A
 * period is covered for an agency when its data run to the as-of date or
 * later.  Only covered agencies enter the funnel, the silent list and
 * one-way challenge (metrics.c); the others are listed apart, as "no log"
 * or "log ends DATE", never as a lack of challenge.
 *
 *   struct cov_agency c[M_MAX_ITEMS];
 *   int n;
 *   if (coverage_read(w, "devon", as_of, c, M_MAX_ITEMS, &n) == 0) ...
 */
#ifndef OVERSIGHT_COVERAGE_H
#define OVERSIGHT_COVERAGE_H

#include "core/wh.h"

struct cJSON;

struct cov_agency {
	char agency[65];  /* id */
	char name[256];   /* the protocol's name for it */
	char log[8];      /* "own", "shared" or "none" */
	char runs_to[11]; /* YYYY-MM-DD, "" with no log */
	int covered;      /* runs_to >= the as-of date */
	long rows;        /* current rows of the logs it is in */
};

/* Every agency of partnership, in the protocol's order, with its coverage
 * as of as_of (a day number; date.h).  Reads at most max into out, sets
 * *n.  Returns 0, or -1 after an error. */
int coverage_read(struct wh *w, const char *partnership, int as_of, struct cov_agency *out,
		  int max, int *n);

/* 1 when the agency id is covered in c (an id not listed is not). */
int coverage_covered(const struct cov_agency *c, int n, const char *id);

/* 1 when at least one agency is covered. */
int coverage_any(const struct cov_agency *c, int n);

/* The latest runs_to of c into buf[11] ("" when no agency has a log);
 * returns buf. */
char *coverage_latest(const struct cov_agency *c, int n, char *buf);

/* A period no agency's log covers (as of as_of) gets no confident
 * figures: an error naming the latest export date, returning -1, unless
 * allow (--allow-incomplete), when it is a warning and 0.  0 when some
 * agency is covered. */
int coverage_require(const struct cov_agency *c, int n, const char *partnership, int as_of,
		     int allow);

/* The JSON "coverage" array of DESIGN.md's metrics schema:
 * [{"agency", "log", "runs_to" (null with no log), "covered"}].  The
 * caller owns it. */
struct cJSON *coverage_json(const struct cov_agency *c, int n);

#endif
