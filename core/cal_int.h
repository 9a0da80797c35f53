/*
 * cal_int.h - what cal.c shares with the override-file reader cal_file.c;
 * not for use elsewhere (cal.h is the calendar's interface).
 *
 * cal.c owns the loaded overrides and the cache computed from them;
 * cal_file.c reads a file into a fresh list, checks it, and hands it over
 * with cal_overrides_adopt().  cal.c never calls cal_file.c.
 */
#ifndef OVERSIGHT_CAL_INT_H
#define OVERSIGHT_CAL_INT_H

#include <stddef.h>

#include "cal.h"

/* Room kept for the built-in days of a year (at most 11 today); the rest
 * of CAL_YEAR_MAX is for overrides. */
#define BUILTIN_MAX 16
#define OVERRIDE_YEAR_MAX (CAL_YEAR_MAX - BUILTIN_MAX)

struct override {
	int day;    /* day number */
	char *name; /* the event's title; owned */
};

struct override_list {
	struct override *v; /* owned array */
	size_t n;           /* entries used */
	size_t alloc;       /* entries allocated */
};

/* Append (day, name) to ol, which takes name; -1 out of memory. */
int cal_list_push(struct override_list *ol, int day, char *name);

/* Free ol's entries and names; ol is left empty. */
void cal_list_free(struct override_list *ol);

/* Distinct days of jur's loaded overrides and of fresh falling in year y. */
int cal_overrides_in_year(enum cal_jur jur, const struct override_list *fresh, int y);

/* Add fresh[] to the loaded overrides (names change owner) and drop the
 * cache; -1 out of memory. */
int cal_overrides_adopt(struct override_list fresh[CAL_NJUR]);

/* The year of day number day. */
int cal_year_of(int day);

#endif
