/*
 * test_twin.c - a run's second read connection (core/wh.h wh_read_begin()):
 * opened when asked for, not with OVERSIGHT_THREADS=1, and reading the first
 * one's snapshot: a write committed after wh_read_begin() is seen by
 * neither, until each begins again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/wh.h"
#include "unit.h"

static long long meta_rows(struct wh *w)
{
	sqlite3_stmt *st = wh_prepare_sql(w, "SELECT count(*) FROM meta");
	long long n = wh_scalar_int(st, -1);

	sqlite3_finalize(st);
	return n;
}

int main(void)
{
	char dir[] = "/tmp/oversight-twin-XXXXXX", path[64], sidecar[80];
	struct wh *wr = NULL, *r = NULL, *r1 = NULL;
	long long before;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/w.db", dir);
	CHECK(wh_open(path, WH_CREATE | WH_ANY_VERSION, &wr) == 0 && wh_migrate(wr) == 0,
	      "a new warehouse");
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

	unlink(path);
	const char *ext[] = {"-wal", "-shm", ".key", "-journal"};
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(sidecar, sizeof(sidecar), "%s%s", path, ext[i]);
		unlink(sidecar);
	}
	rmdir(dir);
	return unit_done();
}
