/*
 * date.h - civil dates as day numbers.
 *
 * A date is an int: days since 1970-01-01 (negative before).  Day numbers
 * make "the next day", weekday and differences plain arithmetic; text only
 * appears at the edges (parsing input, writing output, SQLite columns, which
 * hold ISO "YYYY-MM-DD").  The algorithms are Howard Hinnant's
 * days_from_civil / civil_from_days, valid for the proleptic Gregorian
 * calendar.
 */
#ifndef OVERSIGHT_DATE_H
#define OVERSIGHT_DATE_H

#include <stddef.h>

#define DATE_NONE (-2147483647 - 1) /* "no date": an empty field */

/* Day number of y-m-d; the caller guarantees a valid date. */
int date_from_ymd(int y, int m, int d);

/* Split a day number into y, m, d (any of the pointers may be NULL). */
void date_to_ymd(int day, int *y, int *m, int *d);

/* 1 if y-m-d names a real day (month 1..12, day within the month). */
int date_valid(int y, int m, int d);

/* Days in month m of year y. */
int date_days_in_month(int y, int m);

/* 0 Monday .. 6 Sunday. */
int date_weekday(int day);

/*
 * Parse exactly "YYYY-MM-DD" (len bytes, not NUL-terminated).  Returns 0 and
 * sets *out, DATE_ERR_FORM when the text is not of that form, or
 * DATE_ERR_IMPOSSIBLE when it is but names no day (2025-02-29).
 */
#define DATE_ERR_FORM (-1)
#define DATE_ERR_IMPOSSIBLE (-2)
int date_parse_iso(const char *s, size_t len, int *out);

/* The day of NUL-terminated "YYYY-MM-DD" text, as the warehouse stores
 * dates; DATE_NONE for NULL or any other text. */
int date_of_text(const char *s);

/* Write "YYYY-MM-DD" and a NUL into buf (at least 11 bytes); returns buf. */
char *date_format(int day, char *buf);

/* "January" .. "December" for month 1 .. 12. */
const char *date_month_name(int m);

/* A day as the papers write it, "30 September 2026"; returns buf. */
const char *date_words(int day, char *buf, size_t cap);

/* Days from .. to as the papers write them: "1 July to 30 September
 * 2026", or "1 October 2025 to 30 September 2026" across a year's end;
 * returns buf. */
const char *date_span_words(int from, int to, char *buf, size_t cap);

/* Quarter helpers: quarter 1..4 of the calendar year. */
int date_quarter_start(int year, int q);
int date_quarter_end(int year, int q);

/* Today in the local time zone, as a day number. */
int date_today(void);

#endif
