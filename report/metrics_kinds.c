/*
 * metrics_kinds.c - escalations raised in the period by theme, by subject
 * and by category (DESIGN.md by_theme, by_subject, by_category), counted
 * from one read of the period's rows (queries/m_raised_kinds.sql): see
 * metrics.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "metrics.h"

/* One kind's counts as read: ids (owned) and how many of each. */
struct count {
	char *id;
	long n;
};

struct tally {
	struct count *c;
	int n, cap;
};

static void tally_add(struct tally *t, const unsigned char *s)
{
	const char *id = s ? (const char *)s : "";
	int i = 0;

	while (i < t->n && strcmp(t->c[i].id, id) != 0)
		i++;
	if (i == t->n) {
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 16;
			t->c = xrealloc(t->c, (size_t)t->cap * sizeof(*t->c));
		}
		t->c[i].id = xstrdup(id);
		t->c[i].n = 0;
		t->n++;
	}
	t->c[i].n++;
}

static int cmp_count(const void *a, const void *b)
{
	return strcmp(((const struct count *)a)->id, ((const struct count *)b)->id);
}

/* The counts sorted by id, the first M_MAX_ITEMS, into out (as a GROUP BY
 * id ORDER BY id would give them); t is freed. */
static void tally_out(struct tally *t, struct m_item *out, int *n)
{
	if (t->n > 1)
		qsort(t->c, (size_t)t->n, sizeof(*t->c), cmp_count);
	*n = 0;
	for (int k = 0; k < t->n && *n < M_MAX_ITEMS; k++) {
		struct m_item *it = &out[(*n)++];

		snprintf(it->id, sizeof(it->id), "%s", t->c[k].id);
		it->a = t->c[k].n;
		it->b = 0;
	}
	for (int k = 0; k < t->n; k++)
		free(t->c[k].id);
	free(t->c);
}

int metrics_kinds(struct wh *w, const char *partnership, const struct period *p, struct metrics *m)
{
	sqlite3_stmt *st = wh_prepare(w, "m_raised_kinds");
	struct tally t[3] = {{0}};
	int rc;

	metrics_bind_period(st, partnership, p);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int k = 0; k < 3; k++)
			tally_add(&t[k], sqlite3_column_text(st, k));
	sqlite3_finalize(st);
	tally_out(&t[0], m->theme, &m->n_theme);
	tally_out(&t[1], m->subject, &m->n_subject);
	tally_out(&t[2], m->category, &m->n_category);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_raised_kinds");
}
