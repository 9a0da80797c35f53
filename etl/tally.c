/*
 * tally.c - per-(load, partnership) row counts: see tally.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "tally.h"

struct tally_entry {
	long long load;
	int pidx;
	long stored, current;
};

/* Rows naming an agency; agency is the reference data's own string, or
 * one of names[] (a name the reference data no longer has). */
struct tally_agency {
	long long load;
	int pidx;
	const char *agency;
	long current;
};

struct tally {
	struct tally_entry *e;
	int n, cap;
	int last; /* the entry added to last: most rows go to one */
	struct tally_agency *a;
	int na, capa;
	char **names;
	int nnames;
};

struct tally *tally_new(void)
{
	return xcalloc(1, sizeof(struct tally));
}

void tally_free(struct tally *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nnames; i++)
		free(t->names[i]);
	free(t->names);
	free(t->a);
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

/* agency as a string kept for the tally's life: the reference data's
 * own (pointers compare), else a copy of it. */
static const char *agency_string(struct tally *t, const struct ref_partnership *p, const char *agency)
{
	for (int i = 0; i < p->nagency; i++)
		if (p->agency[i] == agency || !strcmp(p->agency[i], agency))
			return p->agency[i];
	for (int i = 0; i < t->nnames; i++)
		if (!strcmp(t->names[i], agency))
			return t->names[i];
	t->names = xrealloc(t->names, (size_t)(t->nnames + 1) * sizeof(*t->names));
	return t->names[t->nnames++] = xstrdup(agency);
}

static void agency_add(struct tally *t, long long load, int pidx, const char *agency, int current)
{
	int i;

	for (i = 0; i < t->na; i++)
		if (t->a[i].load == load && t->a[i].pidx == pidx && t->a[i].agency == agency)
			break;
	if (i == t->na) {
		if (t->na == t->capa) {
			t->capa = t->capa ? 2 * t->capa : 16;
			t->a = xrealloc(t->a, (size_t)t->capa * sizeof(*t->a));
		}
		t->a[t->na++] = (struct tally_agency){load, pidx, agency, 0};
	}
	t->a[i].current += current;
}

void tally_agencies(struct tally *t, long long load, const struct ref *r, int pidx, const char *by,
		    const char *with, int current)
{
	const struct ref_partnership *p = &r->partnership[pidx];
	const char *a = agency_string(t, p, by), *b = agency_string(t, p, with);

	agency_add(t, load, pidx, a, current);
	if (b != a)
		agency_add(t, load, pidx, b, current);
}

/* Add the agencies' counts to load_agency. */
static int write_agencies(struct tally *t, struct wh *w, const struct ref *r)
{
	sqlite3_stmt *st = wh_prepare(w, "load_agency_add");
	int rc = 0;

	for (int i = 0; i < t->na && rc == 0; i++) {
		if (!t->a[i].current)
			continue;
		sqlite3_bind_text(st, wh_param(st, ":partnership"), r->partnership[t->a[i].pidx].id, -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(st, wh_param(st, ":load_id"), t->a[i].load);
		sqlite3_bind_text(st, wh_param(st, ":agency"), t->a[i].agency, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, wh_param(st, ":current"), t->a[i].current);
		rc = wh_run(w, st, "counting the load's rows by agency");
	}
	sqlite3_finalize(st);
	t->na = 0;
	return rc;
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
	return rc || write_agencies(t, w, r);
}
