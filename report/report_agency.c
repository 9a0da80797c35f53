/*
 * report_agency.c - an agency's own pack: what it raised and received, with
 * whom, about what, its timescales and its lack-of-challenge signals; the
 * paper a designated safeguarding lead takes to their own agency's board.
 * Its figures against earlier periods open it, on the front page
 * (report_front_agency.c).
 */
#include <math.h>
#include <string.h>

#include "core/date.h"
#include "report.h"
#include "report_outcomes.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

static void agency_pairs(struct report *r)
{
	struct tab *t = tab_new("agency_pairs", "",
				"Escalations raised in the period between this agency and each other "
				"agency, in each direction (the agency itself: disagreements within it).");

	P("## With whom\n\n");
	tab_col(t, "Other agency", TAB_TEXT);
	tab_col(t, "Raised with them", TAB_COUNT);
	tab_col(t, "Received from them", TAB_COUNT);
	report_query(r, "r_agency_pairs", t);
	tab_total(t, "Total");
	report_table(r, t);
}

/* Rows a and b of the themes table: most frequent first, then by the
 * name the reader sees. */
static int theme_before(struct tab_cell *a, struct tab_cell *b)
{
	long na = a[1].count + a[2].count, nb = b[1].count + b[2].count;

	return na > nb || (na == nb && strcmp(a[0].text, b[0].text) < 0);
}

static void agency_themes(struct report *r)
{
	struct tab *t = tab_new("agency_themes", "",
				"Escalations the agency raised and received in the period, by the area "
				"of disagreement, most frequent first.");

	P("## What about\n\n");
	tab_col(t, "Theme", TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	tab_col(t, "Received", TAB_COUNT);
	report_query(r, "r_agency_themes", t);
	report_name_cells(r, t, 0, 1);
	for (int i = 1; i < t->nrow; i++)
		for (int j = i; j > 0 && theme_before(t->rows[j], t->rows[j - 1]); j--) {
			struct tab_cell *tmp = t->rows[j];

			t->rows[j] = t->rows[j - 1];
			t->rows[j - 1] = tmp;
		}
	tab_total(t, "Total");
	report_table(r, t);
}

static void agency_timescales(struct report *r)
{
	struct tab *t;

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
	tab_derived(t, TAB_FROM_TABLE);
	t->row_total = 2; /* Due = Met + Breached + Pending */
	if (!report_query(r, "r_agency_timescales", t)) {
		tab_free(t);
		P("No timescale set: the protocol sets none and no local target is recorded, so no "
		  "breach rate can be given (it is not zero).\n\n");
		return;
	}
	for (int i = 0; i < t->nrow; i++) /* breached of met + breached */
		tab_cell_share(&t->rows[i][6], t->rows[i][4].count,
			       t->rows[i][3].count + t->rows[i][4].count);
	tab_total(t, "Total");
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
		if (tab_small(r->suppress, f->raised))
			P("- Against its activity (%.0f %s), the agency raised fewer than %d escalations, "
			  "where %.1f were expected at the partnership's overall rate: level *%s*.\n",
			  f->activity, m->measure, r->suppress, f->expected, f->level);
		else
			P("- Against its activity (%.0f %s), the agency raised %ld escalation%s, where %.1f "
			  "were expected at the partnership's overall rate: level *%s* (Poisson probability "
			  "of so few %.3g)%s.\n", f->activity, m->measure, f->raised, f->raised == 1 ? "" : "s",
			  f->expected, f->level, f->p_low, f->high ? "; unusually high" : "");
	}
	if (!found && !coverage_covered(m->coverage, m->n_coverage, r->agency_id))
		P("- Not assessed: no log of the agency's escalations covering the period has been "
		  "received (a missing log is not a lack of challenge).\n");
	else if (!found)
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

static void (*const sections[])(struct report *r) = {
	/* the agency's figures against earlier periods: the front page */
	agency_pairs, agency_themes, agency_timescales, sec_agency_time_in_stage, agency_signals,
	sec_local, sec_data_quality, NULL,
};

static const struct paper pack = {"Agency pack", "Agency pack", sections};

int report_agency(struct report *r)
{
	char title[400];

	snprintf(title, sizeof(title), "%s: escalations raised and received",
		 report_agency_name(r, r->agency_id));
	paper_write(r, title, &pack);
	return 0;
}
