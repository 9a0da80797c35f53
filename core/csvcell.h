/*
 * csvcell.h - the one writer of a CSV cell meant for a spreadsheet.
 *
 * Every CSV file oversight writes (a report's tables, a chart's data) puts
 * its text cells through csvcell_write(), so a value from an agency's log
 * can never become a formula when the file is opened in Excel: as OWASP's
 * CSV-injection guidance says, a cell starting with = + - @ tab or carriage
 * return is quoted and prefixed with an apostrophe.  The one exception is
 * a negative number ("-5", "-0.25") or a lone "-", which no spreadsheet
 * reads as a formula and which tables print as figures.
 */
#ifndef OVERSIGHT_CSVCELL_H
#define OVERSIGHT_CSVCELL_H

#include <stdio.h>

/* Line breaks inside the cell written as spaces (one line per record). */
#define CSVCELL_FLAT 1

/* Write s (NULL: empty) as one CSV cell: quoted when it holds a comma,
 * quote or line break or starts like a formula; quotes doubled. */
void csvcell_write(FILE *out, const char *s, int flags);

/* 1 if s would be read as a formula (and so is escaped). */
int csvcell_is_formula(const char *s);

#endif
