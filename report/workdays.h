/*
 * workdays.h - working days between two days by the warehouse's calendar
 * (DESIGN.md "Calendar": the days d with A < d <= B that are working days
 * of the partnership's jurisdiction, wd_le(B) - wd_le(A)), from the
 * calendar table read once per connection and jurisdiction and held in
 * memory (model/workcal.h), rather than two lookups of the table per row
 * of a query.
 *
 *   const struct workdays *c = workdays_get(w, "devon");
 *   long n;
 *   if (c && workdays_between(c, raised_on, closed_on, &n) == 0) ...
 *
 * A day counts only when the calendar has a row for it, as a query's join
 * with the calendar would: workdays_between() fails otherwise (and for
 * NULL or a text that is not a 'YYYY-MM-DD' date), and the caller leaves
 * the row out as the join did.  The calendar is owned by the connection
 * (struct wh's cache, freed by wh_close()), and shared with its twin
 * (core/wh.h): either thread may call workdays_get().
 */
#ifndef OVERSIGHT_REPORT_WORKDAYS_H
#define OVERSIGHT_REPORT_WORKDAYS_H

#include "core/wh.h"

struct workdays;
struct workcal;

/* The calendar of partnership's jurisdiction; NULL after an error (printed),
 * and an empty calendar (every day missing) for a partnership the
 * warehouse does not know. */
const struct workdays *workdays_get(struct wh *w, const char *partnership);

/* *out = wd_le(to) - wd_le(from); 0, or -1 when either day is not in the
 * calendar. */
int workdays_between(const struct workdays *c, const unsigned char *from, const unsigned char *to,
		     long *out);

/* The same for two day numbers (core/date.h; DATE_NONE is not in it). */
int workdays_days(const struct workdays *c, int from, int to, long *out);

/* The calendar c holds, for the deadline rule (model/deadline.h
 * deadlines_read_with()): as long-lived as c. */
const struct workcal *workdays_cal(const struct workdays *c);

#endif
