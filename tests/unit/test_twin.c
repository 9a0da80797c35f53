/*
 * test_twin.c - a run's second read connection (core/wh.h wh_read_begin()):
 * opened when asked for, not with OVERSIGHT_THREADS=1, and reading the first
 * one's snapshot: a write committed after wh_read_begin() is seen by
 * neither, until each begins again.  A write committed while the two are
 * set up (wh_twin_between) is seen, and the set-up tried again, so that
 * both read the snapshot after it; when writes keep coming, there is no
 * twin.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/wh.h"
#include "unit.h"
#include "unit_wh.h"

/* wh_twin_between: a write committed, on a connection of its own, at the
 * tries up to race_until (not at all: -1), as a load committing then. */
static int race_until = -1, race_calls, race_serial;

static void race(const char *path, int tries)
{
	sqlite3 *db = NULL;
	char sql[96];

	race_calls++;
	if (tries > race_until)
		return;
	snprintf(sql, sizeof(sql), "INSERT INTO meta (key, value) VALUES ('race-%d', 'x')",
		 ++race_serial);
	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_busy_timeout(db, 5000) ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fprintf(stderr, "race: %s\n", sqlite3_errmsg(db));
	sqlite3_close(db);
}

static long long meta_rows(struct wh *w)
{
	sqlite3_stmt *st = wh_prepare_sql(w, "SELECT count(*) FROM meta");
	long long n = wh_scalar_int(st, -1);

	sqlite3_finalize(st);
	return n;
}

int main(void)
{
	struct unit_wh u;
	struct wh *wr = unit_wh_new(&u, "twin"), *r = NULL, *r1 = NULL;
	const char *path = u.path;
	long long before;

	CHECK(wr != NULL, "a new warehouse");
	if (!wr)
		return unit_done();
	before = meta_rows(wr);

	CHECK(wh_open(path, WH_READONLY, &r) == 0 && wh_read_begin(r, 1) == 0, "a reader begins");
	CHECK(r && r->twin != NULL, "with twin: a second connection");
	CHECK(wh_meta_set(wr, "twin-test", "1") == 0, "a write committed after it began");
	CHECK_INT(meta_rows(wr), before + 1, "the writer sees its row");
	if (r && r->twin) {
		CHECK_INT(meta_rows(r), before, "the first connection reads the snapshot it began with");
		CHECK_INT(meta_rows(r->twin), before, "the second reads the same snapshot");
		CHECK(wh_exec(r, "COMMIT; BEGIN;") == 0 && meta_rows(r) == before + 1,
		      "the first, begun again, sees the write");
		CHECK_INT(meta_rows(r->twin), before, "the second still reads its own snapshot");
	}
	wh_close(r);

	/* A load commits once while the two are set up. */
	wh_twin_between = race;
	race_until = 0;
	race_calls = 0;
	before = meta_rows(wr);
	r = NULL;
	CHECK(wh_open(path, WH_READONLY, &r) == 0 && wh_read_begin(r, 1) == 0 && r->twin,
	      "a commit while the two are set up: still a twin");
	CHECK_INT(race_calls, 2, "... the set-up tried a second time");
	if (r && r->twin) {
		CHECK_INT(meta_rows(r), before + 1, "the first connection reads the write");
		CHECK_INT(meta_rows(r->twin), before + 1, "so does the second: one snapshot");
	}
	wh_close(r);
	/* Loads commit at every try: no twin, and the first reads the latest. */
	race_until = WH_TWIN_TRIES;
	race_calls = 0;
	r = NULL;
	CHECK(wh_open(path, WH_READONLY, &r) == 0 && wh_read_begin(r, 1) == 0 && !r->twin,
	      "a commit at every try: no twin");
	CHECK_INT(race_calls, WH_TWIN_TRIES, "... after WH_TWIN_TRIES tries");
	CHECK_INT(meta_rows(r), before + 1 + WH_TWIN_TRIES, "the first reads every write");
	wh_close(r);
	wh_twin_between = NULL;
	before = meta_rows(wr) - 1;

	CHECK(wh_open(path, WH_READONLY, &r1) == 0 && wh_read_begin(r1, 0) == 0 && !r1->twin,
	      "without twin: one connection");
	wh_close(r1);
	r1 = NULL;
	setenv("OVERSIGHT_THREADS", "1", 1);
	CHECK(wh_open(path, WH_READONLY, &r1) == 0 && wh_read_begin(r1, 1) == 0 && !r1->twin,
	      "OVERSIGHT_THREADS=1: one connection");
	CHECK_INT(meta_rows(r1), before + 1, "and it reads the latest");
	wh_close(r1);
	wh_close(wr);
	unit_wh_remove(&u);
	return unit_done();
}
