/*
 * whprof.h - where a command's database time goes, statement by statement.
 *
 * With OVERSIGHT_PROFILE set in the environment, every statement the
 * warehouse runs is timed by SQLite (SQLITE_TRACE_PROFILE) and, when the
 * warehouse is closed, a table is printed on stderr: each statement (named
 * by its query file's first word, "source_insert"), how many times it ran,
 * its total and its share of the time measured.  For `make bench`'s profile
 * of a load; not for users.
 */
#ifndef OVERSIGHT_WHPROF_H
#define OVERSIGHT_WHPROF_H

#include <sqlite3.h>

/* Start timing db's statements when OVERSIGHT_PROFILE is set. */
void whprof_attach(sqlite3 *db);

/* sqlite3_close_v2(db), timed as a statement when timing: closing the
 * last connection copies the write-ahead log into the warehouse. */
int whprof_close(sqlite3 *db);

/* Print the table (when timing) and forget it. */
void whprof_report(void);

#endif
