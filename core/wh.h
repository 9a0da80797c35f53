/*
 * wh.h - the warehouse: one SQLite database file.
 *
 * wh_open() opens an existing warehouse (or, with WH_CREATE, creates one
 * with mode 0600) in WAL mode with foreign keys on and a busy timeout, so
 * concurrent loads wait for each other instead of failing.  (A first load
 * leaves WAL mode while it runs: etl/alone.h.  One killed half way leaves a
 * rollback journal that wh_open() rolls back, even for a reader.)  The schema is
 * versioned by PRAGMA user_version and brought up to date only by
 * wh_migrate() (called by `oversight init`); every other command refuses a
 * warehouse whose version is not the current one.
 *
 * Statements come from the SQL files embedded at build time:
 * wh_prepare(w, "raised") prepares queries/raised.sql.  The caller owns
 * the statement and finalizes it.
 *
 * Errors: functions returning int give 0 on success and -1 after printing
 * an error() that names the warehouse file.
 */
#ifndef OVERSIGHT_WH_H
#define OVERSIGHT_WH_H

#include <sqlite3.h>

#define WH_SCHEMA_VERSION 10

/* How long a run waits for another's lock before giving up (ms). */
#define WH_BUSY_MS 60000

#define WH_CREATE 1   /* create the file when absent */
#define WH_READONLY 2 /* open read-only (reports) */
#define WH_ANY_VERSION 4 /* do not insist on the current schema version */

struct wh {
	sqlite3 *db;      /* the connection */
	const char *path; /* the file, as given (not owned) */
	int subject;      /* the subjects its reads are restricted to (enum
	                   * cli_subject, set by report/scope.h); 0: all */
	void *cache;      /* what a reader keeps of the warehouse for the
	                   * connection's life (report/workdays.c's calendar);
	                   * owned, freed by wh_close() with cache_free */
	void (*cache_free)(void *);
	struct wh *twin;  /* a second read connection on the same snapshot,
	                   * for a second thread (wh_read_begin()); owned */
	struct wh *first; /* of a twin: the connection it reads beside, whose
	                   * cache it shares (not owned); else NULL */
	int file_fd;      /* when file_fd_open, a descriptor of the file of its
	                   * own (wh_file_fd()) */
	int file_fd_open;
};

/* Open the warehouse at path; *out is set on success.  Returns 0, or -1 with
 * an error printed (a missing warehouse says to run 'oversight init'). */
int wh_open(const char *path, int flags, struct wh **out);

/* Close and free, the second connection too; NULL is fine. */
void wh_close(struct wh *w);

/* A read-only descriptor of w's file, opened on the first call, for what
 * SQLite's interface does not do (etl/writeback.h); -1 when it cannot be
 * opened.  wh_close() closes it, after the connection: closing it while
 * the connection is open would let go of the connection's locks, which
 * POSIX keeps by file and process, not by descriptor. */
int wh_file_fd(struct wh *w);

/*
 * Begin w's read transaction: one snapshot for everything the run reads, so
 * a load committing meanwhile is not half seen.  With twin, also open
 * w->twin, a second read-only connection whose transaction reads that same
 * snapshot, for a second thread to read beside the first.  There is no twin
 * (w->twin NULL: everything is read on w) with OVERSIGHT_THREADS=1, or when
 * loads keep committing while it is set up.  Call it once, before anything
 * is read on w.
 */
int wh_read_begin(struct wh *w, int twin);

#define WH_TWIN_TRIES 8 /* wh_read_begin()'s tries at setting the twin up */

/* For tests (tests/unit/test_twin.c): when set, called each time the twin
 * has begun to read and the first connection has not yet, with the try's
 * number (0 first), as a load committing just then would be. */
extern void (*wh_twin_between)(const char *path, int tries);

/* Bring the schema to WH_SCHEMA_VERSION, keeping the data. */
int wh_migrate(struct wh *w);

/* Run SQL that returns no rows. */
int wh_exec(struct wh *w, const char *sql);

/* Prepare queries/<name>.sql; dies with an internal error if it fails,
 * since the SQL is part of the program. */
sqlite3_stmt *wh_prepare(struct wh *w, const char *name);

/* Prepare literal SQL (no data in it, ever); dies on failure. */
sqlite3_stmt *wh_prepare_sql(struct wh *w, const char *sql);

/* Print "oversight: <path>: <what>: <sqlite message>" and return -1. */
int wh_error(struct wh *w, const char *what);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int wh_begin(struct wh *w);
int wh_commit(struct wh *w);
void wh_rollback(struct wh *w);

/* meta table: value of key copied into buf (empty string when absent);
 * returns 1 when found, 0 when not, -1 on error. */
int wh_meta_get(struct wh *w, const char *key, char *buf, int len);
int wh_meta_set(struct wh *w, const char *key, const char *value);

/* Bind text of length -1, or NULL when s is NULL or empty. */
int wh_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s);

/* Bind s, not copied (it must outlive the statement's next step), or
 * NULL when s is NULL; an empty s stays empty. */
void wh_bind_static(sqlite3_stmt *st, int idx, const char *s);

/* Step a statement that returns one integer; returns it, or dflt when no
 * row.  Resets the statement. */
long long wh_scalar_int(sqlite3_stmt *st, long long dflt);

/* Run queries/<name>.sql, which takes no parameter and returns one
 * integer: wh_scalar_int() of it. */
long long wh_query_int(struct wh *w, const char *name, long long dflt);

/* Run every statement of queries/<name>.sql, binding the text value to
 * the named parameter param wherever a statement has it.  0, or -1 after
 * wh_error(what). */
int wh_run_script(struct wh *w, const char *name, const char *param, const char *value,
		  const char *what);

/* Step a write statement once and reset it; 0, or -1 after wh_error(what). */
int wh_run(struct wh *w, sqlite3_stmt *st, const char *what);

/* The index of the named parameter (":raised_on") of st; dies (internal
 * error) when the statement has no such parameter, since the SQL is part
 * of the program. */
int wh_param(sqlite3_stmt *st, const char *name);

/* For a statement run once a row, bound by position: dies (internal
 * error) unless its parameters are exactly names (NULL-terminated), in
 * that order, so that parameter i + 1 is names[i]. */
void wh_params_in_order(sqlite3_stmt *st, const char *const *names);

/* Bind a day number (date.h) as YYYY-MM-DD, or NULL for DATE_NONE. */
void wh_bind_date(sqlite3_stmt *st, int idx, int day);

/* The same, not copied: buf holds the text and must outlive the
 * statement's next step (a statement run once a row, all its parameters
 * bound again each time, need not copy each). */
void wh_bind_date_in(sqlite3_stmt *st, int idx, int day, char buf[11]);

/* A YYYY-MM-DD column as a day number; DATE_NONE when NULL or not a date. */
int wh_column_date(sqlite3_stmt *st, int idx);

/* Keys and digests (a case key, a row's digest: model/pseudo.h) are 32 hex
 * digits in the program and their 16 bytes in the warehouse (schema
 * version 9).  Bind hex as its 16 bytes, or NULL when hex is NULL. */
void wh_bind_key(sqlite3_stmt *st, int idx, const char *hex);

/* The same, not copied: the 16 bytes are made in buf, which must outlive
 * the statement's next step. */
void wh_bind_key_in(sqlite3_stmt *st, int idx, const char *hex, unsigned char buf[16]);

/* A key column as 32 lowercase hex digits in out; 0, or -1 (out empty)
 * when it is NULL or not 16 bytes. */
int wh_column_key(sqlite3_stmt *st, int idx, char out[33]);

/* Register unhex_key(text): the 16 bytes of 32 hex digits (a value that
 * is not is returned as it is), for schema_v9.sql. */
int wh_unhex_key_function(sqlite3 *db);

#endif
