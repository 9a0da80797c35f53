/*
 * report_headline.c - the headline table of every paper: this period's
 * figures beside the previous period and the same period a year earlier
 * (DESIGN.md "Previous period and same period last year"), each as it
 * stood at its own end, with the change from each.
 *
 * The header sentence names exactly the columns shown: when the two
 * comparisons are the same days (a year of twelve whole months, whose
 * previous period is the year before), one column stands for both.
 */
#include <stdio.h>

#include "comparisons.h"
#include "report.h"

/* "quarter", "year", "month", "6 months" or "30 days": what p is, in
 * words, for the column headings and the sentence. */
static const char *unit_words(const struct period *p, char *buf, size_t cap)
{
	int months;

	if (p->q)
		snprintf(buf, cap, "quarter");
	else if (comparisons_whole_months(p, &months))
		snprintf(buf, cap, months == 12 ? "year" : months == 1 ? "month" : "%d months", months);
	else
		snprintf(buf, cap, "%d days", p->to - p->from + 1);
	return buf;
}

static void row(struct tab *t, const char *label, long now, const long *before, int nbefore)
{
	tab_row(t);
	tab_text(t, label);
	tab_count(t, now);
	for (int i = 0; i < nbefore; i++) {
		tab_count(t, before[i]);
		tab_change(t, now - before[i]);
	}
}

void report_headline_table(struct report *r)
{
	const struct metrics *m = r->m;
	const struct m_headline *h[2] = {&m->previous, &m->year_before};
	int n = h[0]->period.from == h[1]->period.from && h[0]->period.to == h[1]->period.to ? 1 : 2;
	char unit[32], w0[64], w1[64], def[600], col[96], label[300], buf[300];
	struct tab *t;

	unit_words(&r->period, unit, sizeof(unit));
	comparisons_words(&h[0]->period, w0, sizeof(w0));
	comparisons_words(&h[1]->period, w1, sizeof(w1));
	if (n == 1)
		snprintf(def, sizeof(def), "Escalations raised in the period, open at its end, resolved or "
			 "withdrawn (closed) in it, and open past a stage deadline at its end (overdue); beside them the previous %s (%s) as it stood at its own "
			 "end, and the change from it to this period.", unit, w0);
	else
		snprintf(def, sizeof(def), "Escalations raised in the period, open at its end, resolved or "
			 "withdrawn (closed) in it, and open past a stage deadline at its end (overdue); beside them the previous %s (%s) and the same %s a year "
			 "earlier (%s), each as it stood at its own end, and the change from each to this "
			 "period.", unit, w0, unit, w1);
	t = tab_new("headline", "", def);
	tab_col(t, "Figure", TAB_TEXT);
	tab_col(t, "This period", TAB_COUNT);
	snprintf(col, sizeof(col), "Previous %s", unit);
	tab_col(t, col, TAB_COUNT);
	tab_col(t, "Change", TAB_TEXT);
	tab_derived(t, TAB_COL(1) | TAB_COL(2));
	if (n == 2) {
		snprintf(col, sizeof(col), "Same %s last year", unit);
		tab_col(t, col, TAB_COUNT);
		tab_col(t, "Change", TAB_TEXT);
		tab_derived(t, TAB_COL(1) | TAB_COL(4));
	}
#define BEFORE(f) ((const long[]){h[0]->f, h[1]->f})
	row(t, "Raised", m->raised, BEFORE(raised), n);
	row(t, "Open at the end of the period", m->open_at_end, BEFORE(open_at_end), n);
	row(t, "Resolved", m->resolved, BEFORE(resolved), n);
	row(t, "Withdrawn", m->withdrawn, BEFORE(withdrawn), n);
	for (int s = 1; s <= r->last_stage; s++) {
		snprintf(label, sizeof(label), "Entered %s", report_stage_label(r, s, buf, sizeof(buf)));
		row(t, label, m->entered[s], BEFORE(entered[s]), n);
	}
	if (m->n_timescale) {
		/* one timed stage: its row is the total */
		snprintf(label, sizeof(label), m->n_timescale == 1 ? "Overdue now (%s)" : "Overdue now",
			 report_stage_label(r, m->timescale[0].stage, buf, sizeof(buf)));
		row(t, label, m->overdue_n, BEFORE(overdue_n), n);
		for (int i = 0; i < m->n_timescale && m->n_timescale > 1; i++) {
			int s = m->timescale[i].stage;

			snprintf(label, sizeof(label), "Overdue at %s", report_stage_label(r, s, buf, sizeof(buf)));
			row(t, label, m->overdue[s], BEFORE(overdue[s]), n);
		}
	}
#undef BEFORE
	report_table(r, t);
}
