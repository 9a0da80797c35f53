/*
 * whprof.c - per-statement timing of the warehouse: see whprof.h.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "whprof.h"

#define WHPROF_MAX 256

static struct whprof_entry {
	char name[48];
	long long count;
	double ns;
} prof[WHPROF_MAX];
static int nprof, attached;
/* A report reads on two connections at once (core/wh.h, twin). */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

/* A query file starts "-- name: what it does": its name; else the SQL's
 * first words. */
static void name_of(const char *sql, char *out, size_t cap)
{
	size_t n = 0;

	if (strncmp(sql, "-- ", 3) == 0)
		sql += 3;
	while (sql[n] && sql[n] != ':' && sql[n] != '\n' && n + 1 < cap)
		n++;
	memcpy(out, sql, n);
	out[n] = '\0';
}

static void add(const char *name, double ns)
{
	int i;

	pthread_mutex_lock(&mu);
	for (i = 0; i < nprof && strcmp(prof[i].name, name) != 0; i++)
		;
	if (i == nprof) {
		if (nprof == WHPROF_MAX) {
			pthread_mutex_unlock(&mu);
			return;
		}
		snprintf(prof[nprof++].name, sizeof(prof[0].name), "%s", name);
	}
	prof[i].count++;
	prof[i].ns += ns;
	pthread_mutex_unlock(&mu);
}

static int on_profile(unsigned type, void *ctx, void *p, void *x)
{
	char name[48];

	(void)ctx;
	if (type != SQLITE_TRACE_PROFILE)
		return 0;
	name_of(sqlite3_sql((sqlite3_stmt *)p), name, sizeof(name));
	add(name, (double)*(sqlite3_int64 *)x);
	return 0;
}

static double now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

int whprof_close(sqlite3 *db)
{
	double t0;
	int rc;

	if (!attached)
		return sqlite3_close_v2(db);
	t0 = now_ns();
	rc = sqlite3_close_v2(db);
	add("close (the last checkpoint)", now_ns() - t0);
	return rc;
}

void whprof_attach(sqlite3 *db)
{
	if (!getenv("OVERSIGHT_PROFILE"))
		return;
	attached = 1;
	sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, on_profile, NULL);
}

static int by_time(const void *a, const void *b)
{
	const struct whprof_entry *p = a, *q = b;

	return p->ns < q->ns ? 1 : p->ns > q->ns ? -1 : 0;
}

void whprof_report(void)
{
	double total = 0;

	if (!attached)
		return;
	qsort(prof, (size_t)nprof, sizeof(prof[0]), by_time);
	for (int i = 0; i < nprof; i++)
		total += prof[i].ns;
	fprintf(stderr, "| statement | runs | ms | share |\n|---|---:|---:|---:|\n");
	for (int i = 0; i < nprof; i++)
		fprintf(stderr, "| %s | %lld | %.0f | %.1f%% |\n", prof[i].name, prof[i].count,
			prof[i].ns / 1e6, total > 0 ? 100.0 * prof[i].ns / total : 0.0);
	nprof = 0;
	attached = 0;
}
