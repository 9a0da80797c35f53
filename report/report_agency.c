/*
 * report_agency.c - an agency's own pack: what it raised and received, with
 * whom, about what, its timescales and its lack-of-challenge signals; the
 * paper a designated safeguarding lead takes to their own agency's board.
 */
#include <math.h>
#include <string.h>

#include "core/date.h"
#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* ?1..?5 the partnership and period (metrics_bind_period), ?6 the agency. */
static void bind6(struct report *r, sqlite3_stmt *st)
{
	metrics_bind_period(st, r->id, &r->period);
	sqlite3_bind_text(st, 6, r->agency_id, -1, SQLITE_STATIC);
}

static void agency_headline(struct report *r)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_agency_headline");
	struct tab *t = tab_new("agency_headline", "",
				"Escalations the agency raised and received in the period, and those it "
				"is party to that were open at the period's end or resolved in it.");
	long v[4] = {0};

	bind6(r, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < 4; i++)
			v[i] = sqlite3_column_int64(st, i);
	sqlite3_finalize(st);
	P("## Headline figures\n\n");
	tab_col(t, "Figure", TAB_TEXT);
	tab_col(t, "This period", TAB_COUNT);
	tab_row(t);
	tab_text(t, "Raised by the agency");
	tab_count(t, v[0]);
	tab_row(t);
	tab_text(t, "Raised with the agency (received)");
	tab_count(t, v[1]);
	tab_row(t);
	tab_text(t, "Open at the end of the period (either party)");
	tab_count(t, v[2]);
	tab_row(t);
	tab_text(t, "Resolved in the period (either party)");
	tab_count(t, v[3]);
	report_table(r, t);
}

static void agency_pairs(struct report *r)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_agency_pairs");
	struct tab *t = tab_new("agency_pairs", "",
				"Escalations raised in the period between this agency and each other "
				"agency, in each direction (the agency itself: disagreements within it).");

	P("## With whom\n\n");
	tab_col(t, "Other agency", TAB_TEXT);
	tab_col(t, "Raised with them", TAB_COUNT);
	tab_col(t, "Received from them", TAB_COUNT);
	bind6(r, st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		tab_text(t, report_agency_name(r, (const char *)sqlite3_column_text(st, 0)));
		tab_count(t, sqlite3_column_int64(st, 1));
		tab_count(t, sqlite3_column_int64(st, 2));
	}
	sqlite3_finalize(st);
	tab_total(t, "Total");
	report_table(r, t);
}

static void agency_themes(struct report *r)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_agency_themes");
	struct tab *t = tab_new("agency_themes", "",
				"Escalations the agency raised and received in the period, by the area "
				"of disagreement, most frequent first.");

	P("## What about\n\n");
	tab_col(t, "Theme", TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	tab_col(t, "Received", TAB_COUNT);
	bind6(r, st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		tab_text(t, (const char *)sqlite3_column_text(st, 0));
		tab_count(t, sqlite3_column_int64(st, 1));
		tab_count(t, sqlite3_column_int64(st, 2));
	}
	sqlite3_finalize(st);
	tab_total(t, "Total");
	report_table(r, t);
}

static void agency_timescales(struct report *r)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_agency_timescales");
	struct tab *t;
	char buf[300];
	int rows = 0;

	P("## Timescales\n\n");
	t = tab_new("agency_timescales", "",
		    "Stage deadlines of escalations the agency raised that fell due in the period: "
		    "met, breached (completed late, or not completed by the as-of date) and pending.");
	tab_col(t, "Stage", TAB_TEXT);
	tab_col(t, "Source", TAB_TEXT);
	tab_col(t, "Due", TAB_COUNT);
	tab_col(t, "Met", TAB_COUNT);
	tab_col(t, "Breached", TAB_COUNT);
	tab_col(t, "Pending", TAB_COUNT);
	tab_col(t, "Breach rate", TAB_RATE);
	t->row_total = 2;
	bind6(r, st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		long met = sqlite3_column_int64(st, 3), br = sqlite3_column_int64(st, 4);

		tab_row(t);
		tab_text(t, report_stage_label(r, sqlite3_column_int(st, 0), buf, sizeof(buf)));
		tab_text(t, strcmp((const char *)sqlite3_column_text(st, 1), "local") == 0 ? "local target" : "protocol");
		tab_count(t, sqlite3_column_int64(st, 2));
		tab_count(t, met);
		tab_count(t, br);
		tab_count(t, sqlite3_column_int64(st, 5));
		tab_rate(t, met + br ? (double)br / (double)(met + br) : NAN);
		rows++;
	}
	sqlite3_finalize(st);
	if (!rows) {
		tab_free(t);
		P("No timescale set: the protocol sets none and no local target is recorded, so no "
		  "breach rate can be given (it is not zero).\n\n");
		return;
	}
	tab_total(t, "Total");
	if (r->suppress >= 2)
		for (int i = 0; i < t->nrow; i++)
			t->rows[i][6].empty = 1;
	report_table(r, t);
}

static void agency_signals(struct report *r)
{
	const struct metrics *m = r->m;
	int found = 0;

	P("## Challenge\n\n");
	P("A lack of escalations may indicate a lack of appropriate challenge. These signals point to "
	  "where to ask questions; they are not findings.\n\n");
	for (int i = 0; i < m->n_funnel; i++) {
		const struct m_funnel *f = &m->funnel[i];

		if (strcmp(f->agency, r->agency_id) != 0)
			continue;
		found = 1;
		if (r->suppress >= 2 && f->raised > 0 && f->raised < r->suppress)
			P("- Against its activity (%.0f %s), the agency raised fewer than %d escalations, "
			  "where %.1f were expected at the partnership's overall rate: level *%s*.\n",
			  f->activity, m->measure, r->suppress, f->expected, f->level);
		else
			P("- Against its activity (%.0f %s), the agency raised %ld escalation%s, where %.1f "
			  "were expected at the partnership's overall rate: level *%s* (Poisson probability "
			  "of so few %.3g)%s.\n", f->activity, m->measure, f->raised, f->raised == 1 ? "" : "s",
			  f->expected, f->level, f->p_low, f->high ? "; unusually high" : "");
	}
	if (!found)
		P("- No activity figures (%s) for the agency in the period: no denominator, not "
		  "assessed.\n", m->measure);
	for (int i = 0; i < m->n_silent; i++)
		if (!strcmp(m->silent[i], r->agency_id))
			P("- **Silent**: it raised no escalation in the period nor in the three months "
			  "before it.\n");
	for (int i = 0; i < m->n_one_way; i++)
		if (!strcmp(m->one_way[i], r->agency_id))
			P("- **One-way**: it received escalations in the last four quarters but raised "
			  "none.\n");
	P("\n");
}

int report_agency(struct report *r)
{
	char title[400], sub[256];

	snprintf(title, sizeof(title), "%s: escalations raised and received",
		 report_agency_name(r, r->agency_id));
	if (r->period.q)
		snprintf(sub, sizeof(sub), "Agency pack, %d-Q%d", r->period.year, r->period.q);
	else
		snprintf(sub, sizeof(sub), "Agency pack");
	sec_title(r, title, sub);
	agency_headline(r);
	agency_pairs(r);
	agency_themes(r);
	agency_timescales(r);
	agency_signals(r);
	sec_local(r);
	sec_data_quality(r);
	return 0;
}
