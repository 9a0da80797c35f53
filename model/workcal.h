/*
 * workcal.h - one jurisdiction's working-day calendar, as the warehouse's
 * calendar table holds it, in memory: what the deadline rule
 * (model/deadline.c) and the reports' working-day counts
 * (report/workdays.c) both read.
 *
 * DESIGN.md "Calendar": wd_le(d) is the number of working days up to and
 * including day d; the working days from A to B (A < d <= B) are
 * wd_le(B) - wd_le(A).  Days are core/date.h day numbers.
 *
 *   struct workcal c;
 *   if (workcal_read(w, "scotland", &c) == 0) {
 *           int k = workcal_wd_le(&c, day);   // WORKCAL_MISSING: no row
 *           ...
 *           workcal_free(&c);
 *   }
 */
#ifndef OVERSIGHT_MODEL_WORKCAL_H
#define OVERSIGHT_MODEL_WORKCAL_H

#include <limits.h>

#include "core/wh.h"

#define WORKCAL_MISSING INT_MIN /* no calendar row for the day */

struct workcal {
	int first, n;     /* its days: first .. first + n - 1 (n 0: none) */
	int *wd_le;       /* [day - first]: wd_le, or WORKCAL_MISSING */
	int wd_base, wd_n; /* its working days are numbered wd_base .. + wd_n - 1 */
	int *wd_day;      /* [k - wd_base]: the working day numbered k */
	int whole;        /* days read, a row for every one, wd_le never falling */
};

/* Read jurisdiction's days (queries/calendar_days.sql) into *c, which
 * workcal_free() releases, after an error too: 0, or -1 after an error
 * (printed).  A jurisdiction without days reads as an empty calendar. */
int workcal_read(struct wh *w, const char *jurisdiction, struct workcal *c);

void workcal_free(struct workcal *c);

/* wd_le of day, or WORKCAL_MISSING when the calendar has no row for it. */
int workcal_wd_le(const struct workcal *c, int day);

/* The working day numbered k, or DATE_NONE beyond the calendar. */
int workcal_day(const struct workcal *c, int k);

#endif
