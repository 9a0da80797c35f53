/*
 * calendar_list.h - the bank holidays (or working days) of a jurisdiction
 * over a range of days, as core/cal.c computes them.
 */
#ifndef OVERSIGHT_CALENDAR_LIST_H
#define OVERSIGHT_CALENDAR_LIST_H

#include "core/cal.h"
#include "core/msg.h"

/*
 * Add the days of each overrides file (ERR_ENV when one cannot be read,
 * ERR_DATA when it is not valid), then print the bank holidays of jur in
 * [from, to], "YYYY-MM-DD<TAB>name" a line, or with working the working
 * days, "YYYY-MM-DD" a line; both sorted by day.  The overrides are
 * released before returning.
 */
enum err calendar_list(enum cal_jur jur, int from, int to, int working, const char **files,
		       int nfiles);

#endif
