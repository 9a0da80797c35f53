/*
 * unit_days.h - dates in the unit tests, written as text:
 *
 *   D("2026-01-05")   its day number (core/date.h); D(NULL) is DATE_NONE
 *   S(day)            the day as text, "none" for DATE_NONE, so that a
 *                     failing CHECK_STR shows dates; eight at a time stay
 *                     valid
 */
#ifndef OVERSIGHT_UNIT_DAYS_H
#define OVERSIGHT_UNIT_DAYS_H

#include <stdio.h>
#include <string.h>

#include "core/date.h"

static inline int D(const char *s)
{
	int day = DATE_NONE;

	if (s && date_parse_iso(s, strlen(s), &day))
		fprintf(stderr, "a bad date in a test: %s\n", s);
	return day;
}

static inline const char *S(int day)
{
	static char buf[8][11];
	static int i;

	i = (i + 1) % 8;
	if (day == DATE_NONE)
		return "none";
	return date_format(day, buf[i]);
}

#endif
