/*
 * report_overdue.c - escalations overdue at the as-of date (DESIGN.md
 * "Overdue at the as-of date"): open then, and past the deadline of the
 * stage they were at.  The headline table counts them (metrics.c,
 * m_overdue.sql); a forum paper lists them (r_overdue.sql), longest
 * overdue first, by short pseudonymous reference, so that a deadline that
 * passed in an earlier quarter stays in view while the escalation is open.
 */
#include <string.h>

#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* The list's table: a row per overdue escalation, the stage by the
 * protocol's name. */
static struct tab *overdue_table(struct report *r)
{
	sqlite3_stmt *st = report_prepare(r, "r_overdue");
	struct tab *t = tab_new("overdue", "",
				"Escalations open at the as-of date whose current stage (the highest "
				"stage entered by then) has a timescale whose deadline had passed, by "
				"their short pseudonymous reference; working days overdue are counted "
				"from the deadline to the as-of date.");
	char buf[300];

	tab_col(t, "Ref", TAB_TEXT);
	tab_col(t, "Stage", TAB_TEXT);
	tab_col(t, "Raised by", TAB_TEXT);
	tab_col(t, "Raised with", TAB_TEXT);
	tab_col(t, "Deadline", TAB_TEXT);
	tab_col(t, "Working days overdue", TAB_COUNT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		tab_text(t, (const char *)sqlite3_column_text(st, 0));
		tab_text(t, report_stage_label(r, sqlite3_column_int(st, 1), buf, sizeof(buf)));
		for (int c = 2; c <= 4; c++)
			tab_text(t, (const char *)sqlite3_column_text(st, c));
		tab_count(t, (long)sqlite3_column_int64(st, 5));
	}
	sqlite3_finalize(st);
	return t;
}

void sec_overdue(struct report *r)
{
	const struct metrics *m = r->m;
	struct tab *t;

	if (!m->n_timescale)
		return; /* no stage has a deadline */
	P("## Overdue now\n\n");
	if (m->overdue_n == 0) {
		P("No escalation was open past a stage deadline at the as-of date.\n\n");
		return;
	}
	if (tab_small(r->suppress, m->overdue_n))
		P("Escalations open past a stage deadline at the as-of date: <%d.\n\n", r->suppress);
	else
		P("Escalations open past a stage deadline at the as-of date: %ld.\n\n", m->overdue_n);
	if (r->public_) {
		P("(The list of escalations is left out of the public version of this paper.)\n\n");
		return;
	}
	/* Case-level list: references, stages, dates and days, not counts of
	 * people (as the forum's list of cases). */
	t = overdue_table(r);
	report_emit(r, t);
	tab_free(t);
}
