/*
 * tally.c - per-(load, partnership) row counts: see tally.h.
 */
#include <stdlib.h>

#include "core/util.h"
#include "tally.h"

struct tally_entry {
	long long load;
	int pidx;
	long stored, current;
};

struct tally {
	struct tally_entry *e;
	int n, cap;
	int last; /* the entry added to last: most rows go to one */
};

struct tally *tally_new(void)
{
	return xcalloc(1, sizeof(struct tally));
}

void tally_free(struct tally *t)
{
	if (!t)
		return;
	free(t->e);
	free(t);
}

void tally_add(struct tally *t, long long load, int pidx, int stored, int current)
{
	int i = t->last;

	if (i >= t->n || t->e[i].load != load || t->e[i].pidx != pidx)
		for (i = 0; i < t->n && (t->e[i].load != load || t->e[i].pidx != pidx); i++)
			;
	if (i == t->n) {
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 8;
			t->e = xrealloc(t->e, (size_t)t->cap * sizeof(*t->e));
		}
		t->e[t->n++] = (struct tally_entry){load, pidx, 0, 0};
	}
	t->e[i].stored += stored;
	t->e[i].current += current;
	t->last = i;
}

int tally_write(struct tally *t, struct wh *w, const struct ref *r)
{
	sqlite3_stmt *st = wh_prepare(w, "load_source_add");
	int rc = 0;

	for (int i = 0; i < t->n && rc == 0; i++) {
		sqlite3_bind_text(st, wh_param(st, ":partnership"), r->partnership[t->e[i].pidx].id, -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(st, wh_param(st, ":load_id"), t->e[i].load);
		sqlite3_bind_int64(st, wh_param(st, ":stored"), t->e[i].stored);
		sqlite3_bind_int64(st, wh_param(st, ":current"), t->e[i].current);
		rc = wh_run(w, st, "counting the load's rows");
	}
	sqlite3_finalize(st);
	t->n = 0;
	return rc;
}
