/*
 * report_overdue.c - escalations overdue at the as-of date (DESIGN.md
 * "Overdue at the as-of date"): open then, and past the deadline of the
 * stage they were at.  The headline table counts them (metrics.c,
 * metrics_overdue.c); a forum paper lists them (r_overdue.sql), longest
 * overdue first, by short pseudonymous reference, so that a deadline that
 * passed in an earlier quarter stays in view while the escalation is open.
 */
#include <string.h>

#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* The list's table: a row per overdue escalation at stage min_stage or
 * above, the stage by the protocol's name, the deadline as a date a
 * reader reads. */
static struct tab *overdue_table(struct report *r, int min_stage)
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
	report_bind_int(st, ":min_stage", min_stage);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		tab_text(t, (const char *)sqlite3_column_text(st, 0));
		tab_text(t, report_stage_label(r, sqlite3_column_int(st, 1), buf, sizeof(buf)));
		for (int c = 2; c <= 3; c++)
			tab_text(t, (const char *)sqlite3_column_text(st, c));
		tab_text(t, report_date_words((const char *)sqlite3_column_text(st, 4), buf, sizeof(buf)));
		tab_count(t, (long)sqlite3_column_int64(st, 5));
	}
	sqlite3_finalize(st);
	return t;
}

/* Overdue now: in a forum's item, at its stage or above only (stage
 * words it "at this stage" or "at this stage or above"). */
void sec_overdue(struct report *r)
{
	const struct report_forum *f = r->paper_forum;
	int min_stage = f ? f->stage : 1;
	const char *where = !f ? "" : f->stage == r->last_stage ? ", at this stage" : ", at this stage or above";
	struct tab *t;
	long n;

	int timed = 0;

	for (int i = 0; i < r->m->n_timescale; i++)
		timed |= r->m->timescale[i].stage >= min_stage;
	if (!r->m->n_timescale && !f)
		return; /* no stage has a deadline: the board paper says so */
	P("## Overdue now\n\n");
	if (!timed) {
		P("No timescale is set for this stage%s, so no escalation at it can be overdue.\n\n",
		  min_stage < r->last_stage ? " or those above it" : "");
		return;
	}
	t = overdue_table(r, min_stage);
	n = t->nrow;
	if (n == 0)
		P("No escalation was open past a stage deadline at the as-of date%s.\n\n", where);
	else if (tab_small(r->suppress, n))
		P("Escalations open past a stage deadline at the as-of date%s: <%d.\n\n", where, r->suppress);
	else
		P("Escalations open past a stage deadline at the as-of date%s: %ld.\n\n", where, n);
	if (n && r->public_)
		P("(The list of escalations is left out of the public version of this paper.)\n\n");
	/* Case-level list: references, stages, dates and days, not counts of
	 * people (as the forum's list of cases). */
	else if (n)
		report_emit(r, t);
	tab_free(t);
}
