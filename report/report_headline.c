/*
 * report_headline.c - this period beside the previous period and the same
 * period a year earlier (DESIGN.md "Previous period and same period last
 * year"), each as it stood at its own end: the words the front page uses
 * for a change ("up from 31"), and the table of the figures the front
 * page leaves out (withdrawn, stages entered, overdue by stage).
 *
 * The header sentence names exactly the columns shown: when the two
 * comparisons are the same days (a year of twelve whole months, whose
 * previous period is the year before), one column stands for both.
 */
#include <stdio.h>

#include "comparisons.h"
#include "core/date.h"
#include "report.h"

const char *report_unit_words(const struct period *p, char *buf, size_t cap)
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

int report_comparisons_same(const struct report *r)
{
	const struct m_headline *a = &r->m->previous, *b = &r->m->year_before;

	return a->period.from == b->period.from && a->period.to == b->period.to;
}

/* "up from 31", "down from 7", "the same as 4".  Under disclosure control
 * a hidden count shows as "<N"; two hidden counts are not set against
 * each other (their order would tell something of them). */
const char *report_change_words(const struct report *r, long now, long before, char *buf, size_t cap)
{
	int hide_now = tab_small(r->suppress, now), hide_before = tab_small(r->suppress, before);

	if (hide_now && hide_before)
		snprintf(buf, cap, "also <%d", r->suppress);
	else if (hide_before)
		snprintf(buf, cap, "up from <%d", r->suppress);
	else
		snprintf(buf, cap, "%s %ld", now > before ? "up from" : now < before ? "down from" : "the same as",
			 before);
	return buf;
}

/* The change in a table beside both counts: "up 6", "down 1", "no change". */
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
	int n = report_comparisons_same(r) ? 1 : 2;
	char unit[32], w0[64], w1[64], def[600], col[96], label[300], buf[300];
	struct tab *t;

	report_unit_words(&r->period, unit, sizeof(unit));
	date_span_words(h[0]->period.from, h[0]->period.to, w0, sizeof(w0));
	date_span_words(h[1]->period.from, h[1]->period.to, w1, sizeof(w1));
	if (n == 1)
		snprintf(def, sizeof(def), "Escalations withdrawn in the period (closed without being "
			 "resolved) and escalations that entered each stage in it%s; beside them the previous "
			 "%s (%s) as it stood at its own end, and the change from it to this period.",
			 m->n_timescale > 1 ? ", and escalations open past a stage deadline at its end, by stage" : "",
			 unit, w0);
	else
		snprintf(def, sizeof(def), "Escalations withdrawn in the period (closed without being "
			 "resolved) and escalations that entered each stage in it%s; beside them the previous "
			 "%s (%s) and the same %s a year earlier (%s), each as it stood at its own end, and "
			 "the change from each to this period.",
			 m->n_timescale > 1 ? ", and escalations open past a stage deadline at its end, by stage" : "",
			 unit, w0, unit, w1);
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
	row(t, "Withdrawn", m->withdrawn, BEFORE(withdrawn), n);
	/* DESIGN.md "Informal resolution": the step before stage 1, apart */
	if (r->part->has_pre_stage) {
		snprintf(label, sizeof(label), "Entered the step before stage 1 (%s)",
			 r->part->stage[0].name);
		row(t, label, m->entered[0], BEFORE(entered[0]), n);
	}
	for (int s = 1; s <= r->last_stage; s++) {
		snprintf(label, sizeof(label), "Entered %s", report_stage_label(r, s, buf, sizeof(buf)));
		row(t, label, m->entered[s], BEFORE(entered[s]), n);
	}
	/* the total is on the front page; by stage where more than one is timed */
	for (int i = 0; i < m->n_timescale && m->n_timescale > 1; i++) {
		int s = m->timescale[i].stage;

		snprintf(label, sizeof(label), "Overdue at %s", report_stage_label(r, s, buf, sizeof(buf)));
		row(t, label, m->overdue[s], BEFORE(overdue[s]), n);
	}
#undef BEFORE
	report_table(r, t);
}
