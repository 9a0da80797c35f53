/*
 * wh.c - open, migrate and query the warehouse: see wh.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "embed.h"
#include "whprof.h"
#include "msg.h"
#include "util.h"
#include "wh.h"
#include "wherr.h"
#include "whid.h"

int wh_error(struct wh *w, const char *what)
{
	return error("%s: %s: %s", w->path, what, sqlite3_errmsg(w->db));
}

int wh_exec(struct wh *w, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(w->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error("%s: %s", w->path, msg ? msg : "sqlite error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int user_version(struct wh *w)
{
	return (int)wh_query_int(w, "wh_user_version", 0);
}

/*
 * A load killed while it held the warehouse in a rollback journal
 * (etl/alone.h) leaves the journal behind, hot: the warehouse is as it was
 * only once the journal is rolled back, which a read-only connection
 * cannot do (SQLITE_READONLY_ROLLBACK).  A read-write connection does it,
 * on its first read; the read-only open is then tried again.  Returns 1
 * when it was rolled back.
 */
static int roll_back_hot(struct wh *w)
{
	sqlite3 *db = NULL;
	int rc;

	if (sqlite3_extended_errcode(w->db) != SQLITE_READONLY_ROLLBACK)
		return 0;
	rc = sqlite3_open_v2(w->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, WH_BUSY_MS);
		rc = sqlite3_exec(db, embed_query("wh_probe"), NULL, NULL, NULL);
	}
	sqlite3_close(db);
	return rc == SQLITE_OK;
}

/* Open the SQLite database at w->path and make sure it is one. */
static int connect(struct wh *w, int flags)
{
	int oflags = ((flags & WH_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		     SQLITE_OPEN_NOMUTEX;

	for (int tries = 0;; tries++) {
		/* A connection is only ever used by one thread at a time:
		 * no mutex around each call (a report makes some hundred
		 * thousand of them, a load millions). */
		if (sqlite3_open_v2(w->path, &w->db, oflags, NULL) != SQLITE_OK)
			return error("%s: cannot open: %s", w->path,
				     w->db ? sqlite3_errmsg(w->db) : "out of memory");
		sqlite3_busy_timeout(w->db, WH_BUSY_MS);
		whprof_attach(w->db);
		sqlite3_extended_result_codes(w->db, 1);
		/* Make sure it is a database before anything else touches it. */
		if (sqlite3_exec(w->db, embed_query("wh_probe"), NULL, NULL, NULL) == SQLITE_OK)
			return 0;
		if (tries == 0 && roll_back_hot(w)) {
			sqlite3_close_v2(w->db);
			w->db = NULL;
			continue;
		}
		break;
	}
	/* A folder it cannot write (for the -wal and -shm files) is not a
	 * file that is no warehouse: say which. */
	if (wherr_environmental(sqlite3_errcode(w->db)))
		return error("%s: cannot open: %s (is the warehouse or its folder read-only? SQLite "
			     "writes its -wal and -shm files beside it)", w->path, sqlite3_errmsg(w->db));
	return error("%s: not a warehouse: %s", w->path, sqlite3_errmsg(w->db));
}

int wh_open(const char *path, int flags, struct wh **out)
{
	struct wh *w = NULL;
	struct stat st;

	*out = NULL;
	if (stat(path, &st) != 0) {
		if (!(flags & WH_CREATE))
			return error("%s: no warehouse here; run 'oversight init' first", path);
		/* Create it ourselves so its mode is 0600 from the first byte:
		 * it will hold data about children and adults at risk. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0 && errno != EEXIST)
			return error("%s: cannot create: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	} else if (!S_ISREG(st.st_mode)) {
		return error("%s: not a warehouse file", path);
	}

	w = xcalloc(1, sizeof(*w));
	w->path = path;
	if (connect(w, flags))
		goto fail;
	/* Another program's database is left as it is, journal mode too. */
	if (whid_check(w->db, w->path))
		goto fail;
	if (!(flags & WH_READONLY) &&
	    wh_exec(w, embed_query("wh_writer")))
		goto fail;
	if (wh_exec(w, embed_query("wh_connection")))
		goto fail;
	if (!(flags & WH_ANY_VERSION)) {
		int v = user_version(w);
		if (v == 0) {
			error("%s: not initialised; run 'oversight init' first", path);
			goto fail;
		}
		if (v != WH_SCHEMA_VERSION) {
			error("%s: schema version %d, this oversight needs %d; run 'oversight init' to upgrade",
			      path, v, WH_SCHEMA_VERSION);
			goto fail;
		}
	}
	*out = w;
	return 0;
fail:
	wh_close(w);
	return -1;
}

/* A connection and what it keeps (not the struct). */
static void release(struct wh *w)
{
	if (w->cache_free)
		w->cache_free(w->cache);
	if (w->db)
		whprof_close(w->db);
}

void wh_close(struct wh *w)
{
	if (!w)
		return;
	if (w->twin) {
		release(w->twin);
		free(w->twin);
	}
	release(w);
	if (w->file_fd_open)
		close(w->file_fd);
	whprof_report();
	free(w);
}

int wh_file_fd(struct wh *w)
{
	int fd;

	if (w->file_fd_open)
		return w->file_fd;
	if ((fd = open(w->path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	w->file_fd = fd;
	w->file_fd_open = 1;
	return fd;
}

/* PRAGMA data_version: changes when another connection has committed since
 * this one last began to read.  Read outside a transaction, it begins (and
 * ends) one of its own; inside one, it is the transaction's. */
static long long data_version(struct wh *w)
{
	return wh_query_int(w, "wh_data_version", -1);
}

void (*wh_twin_between)(const char *path, int tries);

/* Open the twin and begin its read transaction, then w's; *t NULL when the
 * twin could not be opened (an error printed). */
static int twin_try(struct wh *w, int tries, struct wh **t)
{
	if (wh_open(w->path, WH_READONLY, t))
		return -1;
	if (wh_exec(*t, embed_query("read_begin")) || data_version(*t) < 0)
		return -1;
	if (wh_twin_between)
		wh_twin_between(w->path, tries);
	return wh_exec(w, embed_query("read_begin"));
}

/*
 * SQLite as built here cannot hand one connection's snapshot to another
 * (no SQLITE_ENABLE_SNAPSHOT).  So: w reads (its data_version), the twin
 * begins its transaction and reads, then w begins its own.  When w's
 * data_version is still the same, nothing was committed from before the
 * twin's read to after it, so both read the same snapshot.
 */
int wh_read_begin(struct wh *w, int twin)
{
	if (twin && !util_one_thread()) {
		for (int tries = 0; tries < WH_TWIN_TRIES; tries++) {
			long long before = data_version(w);
			struct wh *t = NULL;
			int rc = twin_try(w, tries, &t);

			if (rc == 0 && before >= 0 && data_version(w) == before) {
				w->twin = t;
				t->first = w;
				return 0;
			}
			if (t) {
				release(t);
				free(t);
			}
			if (rc || wh_exec(w, embed_query("read_end")))
				return -1;
		}
	}
	return wh_exec(w, embed_query("read_begin"));
}

int wh_migrate(struct wh *w)
{
	int v, analyze = 0;

	if (wh_begin(w))
		return -1;
	v = user_version(w);
	if (v > WH_SCHEMA_VERSION) {
		wh_rollback(w);
		return error("%s: schema version %d is newer than this oversight (%d)",
			     w->path, v, WH_SCHEMA_VERSION);
	}
	/* One file per version step; each keeps the data of the one before
	 * and sets user_version to its own number.  A warehouse that had a
	 * schema before version 5, 8 or 9 (so may hold escalations), gets
	 * statistics for the indexes those steps rebuilt. */
	if (v >= 1 && v < 5 && WH_SCHEMA_VERSION >= 5)
		analyze = 1;
	if (v >= 1 && v < 8 && WH_SCHEMA_VERSION >= 8)
		analyze |= 2;
	if (v >= 1 && v < 9 && WH_SCHEMA_VERSION >= 9)
		analyze |= 4;
	if (wh_unhex_key_function(w->db)) {
		wh_rollback(w);
		return wh_error(w, "registering the upgrade's functions");
	}
	while (v < WH_SCHEMA_VERSION) {
		char name[32];

		snprintf(name, sizeof(name), "schema_v%d", v + 1);
		if (wh_exec(w, embed_query(name)))
			goto fail;
		v++;
	}
	if ((analyze & 1) && wh_exec(w, embed_query("schema_v5_analyze")))
		goto fail;
	if ((analyze & 2) && wh_exec(w, embed_query("schema_v8_analyze")))
		goto fail;
	if ((analyze & 4) && wh_exec(w, embed_query("schema_v9_analyze")))
		goto fail;
	if (whid_set(w->db, w->path))
		goto fail;
	return wh_commit(w);
fail:
	wh_rollback(w);
	return -1;
}

sqlite3_stmt *wh_prepare_sql(struct wh *w, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v3(w->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		die(EXIT_INTERNAL, "%s: cannot prepare query: %s\n%s", w->path,
		    sqlite3_errmsg(w->db), sql);
	return st;
}

sqlite3_stmt *wh_prepare(struct wh *w, const char *name)
{
	return wh_prepare_sql(w, embed_query(name));
}

int wh_begin(struct wh *w)
{
	return wh_exec(w, embed_query("wh_begin"));
}

int wh_commit(struct wh *w)
{
	/* Say what failed: a full disk shows here, not in the statements. */
	if (sqlite3_exec(w->db, embed_query("wh_commit"), NULL, NULL, NULL) != SQLITE_OK)
		return wh_error(w, "committing");
	return 0;
}

void wh_rollback(struct wh *w)
{
	if (!sqlite3_get_autocommit(w->db))
		sqlite3_exec(w->db, embed_query("wh_rollback"), NULL, NULL, NULL);
}

int wh_meta_get(struct wh *w, const char *key, char *buf, int len)
{
	sqlite3_stmt *st = wh_prepare(w, "meta_get");
	int rc, found = 0;

	buf[0] = '\0';
	sqlite3_bind_text(st, wh_param(st, ":key"), key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(buf, (size_t)len, "%s", (const char *)sqlite3_column_text(st, 0));
		found = 1;
	} else if (rc != SQLITE_DONE) {
		found = wh_error(w, "reading meta");
	}
	sqlite3_finalize(st);
	return found;
}

int wh_meta_set(struct wh *w, const char *key, const char *value)
{
	sqlite3_stmt *st = wh_prepare(w, "meta_set");
	int rc;

	sqlite3_bind_text(st, wh_param(st, ":key"), key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":value"), value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "writing meta");
}

int wh_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

void wh_bind_static(sqlite3_stmt *st, int idx, const char *s)
{
	if (s)
		sqlite3_bind_text(st, idx, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, idx);
}

long long wh_scalar_int(sqlite3_stmt *st, long long dflt)
{
	long long v = dflt;

	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

long long wh_query_int(struct wh *w, const char *name, long long dflt)
{
	sqlite3_stmt *st = wh_prepare(w, name);
	long long v = wh_scalar_int(st, dflt);

	sqlite3_finalize(st);
	return v;
}

int wh_run(struct wh *w, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return wh_error(w, what);
	return 0;
}

int wh_param(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i == 0)
		die(EXIT_INTERNAL, "no parameter %s in: %s", name, sqlite3_sql(st));
	return i;
}

void wh_params_in_order(sqlite3_stmt *st, const char *const *names)
{
	int n = 0;

	while (names[n])
		n++;
	if (sqlite3_bind_parameter_count(st) != n)
		die(EXIT_INTERNAL, "%d parameters, not %d, in: %s", sqlite3_bind_parameter_count(st), n,
		    sqlite3_sql(st));
	for (int i = 0; i < n; i++)
		if (sqlite3_bind_parameter_index(st, names[i]) != i + 1)
			die(EXIT_INTERNAL, "parameter %d is not %s in: %s", i + 1, names[i],
			    sqlite3_sql(st));
}

/* A day in buf, bound as SQLite is told (copied, or kept by the caller). */
static void bind_date(sqlite3_stmt *st, int idx, int day, char buf[11], sqlite3_destructor_type how)
{
	if (day == DATE_NONE)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_text(st, idx, date_format(day, buf), 10, how);
}

void wh_bind_date_in(sqlite3_stmt *st, int idx, int day, char buf[11])
{
	bind_date(st, idx, day, buf, SQLITE_STATIC);
}

void wh_bind_date(sqlite3_stmt *st, int idx, int day)
{
	char buf[11];

	bind_date(st, idx, day, buf, SQLITE_TRANSIENT);
}

int wh_column_date(sqlite3_stmt *st, int idx)
{
	return date_of_text((const char *)sqlite3_column_text(st, idx));
}

int wh_run_script(struct wh *w, const char *name, const char *param, const char *value,
		  const char *what)
{
	const char *sql = embed_query(name);

	while (*sql) {
		sqlite3_stmt *st = NULL;
		const char *tail = NULL;
		int i, rc;

		if (sqlite3_prepare_v2(w->db, sql, -1, &st, &tail) != SQLITE_OK)
			die(EXIT_INTERNAL, "%s: cannot prepare query: %s\n%s", w->path,
			    sqlite3_errmsg(w->db), sql);
		sql = tail;
		if (!st) /* white space or a comment at the end */
			continue;
		i = sqlite3_bind_parameter_index(st, param);
		if (i)
			sqlite3_bind_text(st, i, value, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
			wh_error(w, what);
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_finalize(st);
	}
	return 0;
}

/* The 16 bytes of 32 hex digits; -1 when s is not exactly that. */
static int key_bytes(const char *s, size_t len, unsigned char out[16])
{
	return len == 32 ? util_unhex(s, 16, out) : -1;
}

/* A key's 16 bytes in buf, bound as SQLite is told (copied, or kept by
 * the caller). */
static void bind_key(sqlite3_stmt *st, int idx, const char *hex, unsigned char buf[16],
		     sqlite3_destructor_type how)
{
	if (hex && key_bytes(hex, strlen(hex), buf) == 0)
		sqlite3_bind_blob(st, idx, buf, 16, how);
	else if (hex) /* not a key: the program's own error, kept visible */
		sqlite3_bind_text(st, idx, hex, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, idx);
}

void wh_bind_key_in(sqlite3_stmt *st, int idx, const char *hex, unsigned char buf[16])
{
	bind_key(st, idx, hex, buf, SQLITE_STATIC);
}

void wh_bind_key(sqlite3_stmt *st, int idx, const char *hex)
{
	unsigned char b[16];

	bind_key(st, idx, hex, b, SQLITE_TRANSIENT);
}

int wh_column_key(sqlite3_stmt *st, int idx, char out[33])
{
	const unsigned char *b = sqlite3_column_blob(st, idx);

	out[0] = '\0';
	if (!b || sqlite3_column_bytes(st, idx) != 16)
		return -1;
	util_hex(b, 16, out);
	return 0;
}

static void unhex_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	unsigned char b[16];
	const char *s = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_TEXT &&
	    key_bytes(s, (size_t)sqlite3_value_bytes(argv[0]), b) == 0)
		sqlite3_result_blob(cx, b, 16, SQLITE_TRANSIENT);
	else
		sqlite3_result_value(cx, argv[0]);
}

int wh_unhex_key_function(sqlite3 *db)
{
	return sqlite3_create_function(db, "unhex_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				       unhex_key, NULL, NULL) == SQLITE_OK ? 0 : -1;
}
