/*
 * bulk.c - the reports' indexes built after a large load's rows: see
 * bulk.h.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/embed.h"
#include "core/util.h"
#include "bulk.h"

struct bulk {
	char **make;  /* CREATE INDEX statements, as the warehouse holds them */
	int n;
	int lookup;   /* make[lookup] is source_case (-1: it stays) */
};

long long bulk_held(struct wh *w)
{
	return wh_query_int(w, "bulk_held", -1);
}

long long bulk_size(FILE *fp)
{
	const char *force = getenv("OVERSIGHT_BULK");
	struct stat sb;

	if (force && strcmp(force, "never") == 0)
		return 0;
	if (fstat(fileno(fp), &sb) != 0 || sb.st_size < BULK_MIN_BYTES)
		return 0;
	return (long long)sb.st_size;
}

int bulk_wanted(struct wh *w, FILE *fp, long long *held)
{
	const char *force = getenv("OVERSIGHT_BULK");
	long long size;

	*held = bulk_held(w);
	if (force && strcmp(force, "always") == 0)
		return 1;
	size = bulk_size(fp);
	return size && *held >= 0 && size / BULK_ROW_BYTES > *held;
}

void bulk_free(struct bulk *b)
{
	if (!b)
		return;
	for (int i = 0; i < b->n; i++)
		free(b->make[i]);
	free(b->make);
	free(b);
}

struct bulk *bulk_drop(struct wh *w, int empty)
{
	sqlite3_stmt *st = wh_prepare(w, "bulk_indexes");
	struct bulk *b = xcalloc(1, sizeof(*b));
	char **drop = NULL;
	int rc, i;

	b->lookup = -1;
	sqlite3_bind_int(st, wh_param(st, ":empty"), empty);
	/* Read them all first: the schema cannot change under a read of
	 * it. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		b->make = xrealloc(b->make, (size_t)(b->n + 1) * sizeof(*b->make));
		drop = xrealloc(drop, (size_t)(b->n + 1) * sizeof(*drop));
		if (sqlite3_column_int(st, 3))
			b->lookup = b->n;
		b->make[b->n] = xstrdup((const char *)sqlite3_column_text(st, 1));
		drop[b->n++] = xstrdup((const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		wh_error(w, "setting the reports' indexes aside");
	for (i = 0; i < b->n && rc == SQLITE_DONE; i++)
		if (wh_exec(w, drop[i]))
			rc = SQLITE_ERROR;
	for (i = 0; i < b->n; i++)
		free(drop[i]);
	free(drop);
	if (rc != SQLITE_DONE) {
		bulk_free(b);
		return NULL;
	}
	return b;
}

/* Build make[from..to-1] but the ones built already (NULL). */
static int build(struct bulk *b, struct wh *w, int from, int to)
{
	if (wh_exec(w, embed_query("bulk_sort")) ||
	    (!util_one_thread() && wh_exec(w, embed_query("bulk_threads"))))
		return -1;
	for (int i = from; i < to; i++) {
		if (!b->make[i])
			continue;
		if (sqlite3_exec(w->db, b->make[i], NULL, NULL, NULL) != SQLITE_OK)
			return wh_error(w, "building the reports' indexes");
		free(b->make[i]);
		b->make[i] = NULL;
	}
	return wh_exec(w, embed_query("load_pragmas"));
}

int bulk_case_aside(const struct bulk *b)
{
	return b && b->lookup >= 0 && b->make[b->lookup];
}

int bulk_rebuild_lookup(struct bulk *b, struct wh *w)
{
	return bulk_case_aside(b) ? build(b, w, b->lookup, b->lookup + 1) : 0;
}

int bulk_rebuild(struct bulk *b, struct wh *w)
{
	return build(b, w, 0, b->n);
}
