/*
 * metrics_overdue.c - escalations overdue at a period's as-of date and at
 * its two comparison periods' (DESIGN.md "Overdue at the as-of date"),
 * counted from one pass over the partnership's open escalations
 * (queries/m_overdue_events.sql) rather than one per date: see metrics.h.
 *
 * Dates are compared as the ISO text the warehouse holds, as the query's
 * own comparisons are.
 */
#include <string.h>

#include "core/date.h"
#include "metrics.h"

/* The stage events of one escalation read so far (a ladder has at most
 * MODEL_STAGES + 1 of them, stage 0 included), or its highest stage
 * alone where that is its current stage at every date it was open at. */
struct esc {
	long long id;
	char raised_on[11], closed_on[11]; /* closed_on "" while open */
	int n;
	int stage[MODEL_STAGES + 1];
	char entered_on[MODEL_STAGES + 1][11], due_on[MODEL_STAGES + 1][11]; /* due "" none */
};

static void copy_date(char *dst, const unsigned char *s)
{
	snprintf(dst, 11, "%s", s ? (const char *)s : "");
}

/* Count e into out[k] for each date t[k] it is overdue at: open at t
 * (raised by t, not closed by it), and the highest stage it entered by t
 * has a deadline before t.  The events come in any order. */
static void count(const struct esc *e, char t[][11], int n, long (*out)[MODEL_STAGES + 1])
{
	for (int k = 0; k < n; k++) {
		int cur = -1;

		if (strcmp(e->raised_on, t[k]) > 0 || (e->closed_on[0] && strcmp(e->closed_on, t[k]) <= 0))
			continue;
		for (int i = 0; i < e->n; i++)
			if (strcmp(e->entered_on[i], t[k]) <= 0 && (cur < 0 || e->stage[i] > e->stage[cur]))
				cur = i;
		if (cur >= 0 && e->due_on[cur][0] && strcmp(e->due_on[cur], t[k]) < 0)
			out[k][e->stage[cur]]++;
	}
}

int metrics_overdue(struct wh *w, const char *partnership, const int *as_of, int n,
		    long (*out)[MODEL_STAGES + 1])
{
	static const char *const names[] = {":t1", ":t2", ":t3"};
	sqlite3_stmt *st = wh_prepare(w, "m_overdue_events");
	char t[3][11];
	struct esc e = {.id = -1};
	int rc;

	for (int k = 0; k < 3; k++) {
		date_format(as_of[k < n ? k : 0], t[k]);
		sqlite3_bind_text(st, wh_param(st, names[k]), t[k], 10, SQLITE_STATIC);
	}
	for (int k = 0; k < n; k++)
		memset(out[k], 0, sizeof(out[k]));
	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		int s = sqlite3_column_int(st, 3);

		if (id != e.id) {
			if (e.id >= 0)
				count(&e, t, n, out);
			e.id = id;
			e.n = 0;
			copy_date(e.raised_on, sqlite3_column_text(st, 1));
			copy_date(e.closed_on, sqlite3_column_text(st, 2));
		}
		if (e.n > MODEL_STAGES || s < 0 || s > MODEL_STAGES)
			continue; /* no such stage: the warehouse's checks report it */
		e.stage[e.n] = s;
		copy_date(e.entered_on[e.n], sqlite3_column_text(st, 4));
		copy_date(e.due_on[e.n], sqlite3_column_text(st, 5));
		e.n++;
	}
	if (e.id >= 0)
		count(&e, t, n, out);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_overdue_events");
}
