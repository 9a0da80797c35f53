/*
 * test_writeback.c - a first load's writeback thread (etl/writeback.h) and
 * the warehouse file's own descriptor it uses (core/wh.h wh_file_fd()):
 * the descriptor is the warehouse's file, the same one at every call, and
 * closed with the warehouse, not before; the thread runs under its name
 * while pages are written, stops when asked, promptly, and is not started
 * under OVERSIGHT_THREADS=1.
 */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/wh.h"
#include "etl/writeback.h"
#include "unit.h"
#include "unit_wh.h"

/* Threads of this process named name, as /proc shows them. */
static int named(const char *name)
{
	glob_t g;
	int n = 0;

	if (glob("/proc/self/task/*/comm", 0, NULL, &g) != 0)
		return -1;
	for (size_t i = 0; i < g.gl_pathc; i++) {
		char comm[32] = "";
		FILE *f = fopen(g.gl_pathv[i], "r");

		if (f && fgets(comm, sizeof(comm), f))
			comm[strcspn(comm, "\n")] = '\0';
		if (f)
			fclose(f);
		n += strcmp(comm, name) == 0;
	}
	globfree(&g);
	return n;
}

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(void)
{
	struct unit_wh u;
	struct wh *w = unit_wh_new(&u, "writeback");
	struct writeback *b;
	struct stat a, f;
	double t0;
	int fd;

	CHECK(w != NULL, "a new warehouse");
	if (!w)
		return unit_done();
	fd = wh_file_fd(w);
	CHECK(fd >= 0, "the warehouse file's own descriptor");
	CHECK_INT(wh_file_fd(w), fd, "the same one at the second call");
	CHECK(fstat(fd, &f) == 0 && stat(u.path, &a) == 0 && a.st_ino == f.st_ino && a.st_dev == f.st_dev,
	      "it is the warehouse's file");

	unsetenv("OVERSIGHT_THREADS");
	b = writeback_start(w);
	CHECK(b != NULL, "the writeback thread starts");
	CHECK_INT(named("writeback"), 1, "it runs, named writeback");
	/* pages to write out: a table of 2 MB, in the file before the
	 * commit when the cache is small */
	CHECK_INT(wh_exec(w, "PRAGMA cache_size=16; BEGIN; CREATE TABLE filler(x);"
			     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
			     " INSERT INTO filler SELECT randomblob(1000) FROM n; COMMIT;"),
		  0, "pages written while it runs");
	usleep(3 * WRITEBACK_MS * 1000);
	t0 = seconds();
	writeback_stop(b);
	CHECK(seconds() - t0 < 1.0, "it stops when asked, within a second");
	CHECK_INT(named("writeback"), 0, "and is gone");
	writeback_stop(NULL);

	setenv("OVERSIGHT_THREADS", "1", 1);
	CHECK(writeback_start(w) == NULL, "OVERSIGHT_THREADS=1: no writeback thread");
	unsetenv("OVERSIGHT_THREADS");

	wh_close(w);
	errno = 0;
	CHECK(fcntl(fd, F_GETFD) == -1 && errno == EBADF, "wh_close() closes the descriptor");
	unit_wh_remove(&u);
	return unit_done();
}
