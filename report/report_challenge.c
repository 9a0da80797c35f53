/*
 * report_challenge.c - "Challenge in the system": escalations set against
 * activity (the funnel), silent and one-way agencies, and the monthly
 * trend; signals that point to where to ask questions, not findings.
 */
#include <stdlib.h>
#include <string.h>

#include "comparisons.h"
#include "core/date.h"
#include "core/util.h"
#include "report.h"
#include "spc_words.h"
#include "stats.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

const char *report_funnel_signal(const struct m_funnel *f)
{
	if (!strcmp(f->level, "alert"))
		return "alert: far fewer than expected";
	if (!strcmp(f->level, "watch"))
		return "watch: fewer than expected";
	return f->high ? "unusually high" : "none";
}

/* The sentence under the funnel's title; year as funnel() takes it. */
static void funnel_def(const char *year, char *def, size_t cap)
{
	if (year)
		snprintf(def, cap, "The same table over the four quarters %s, with each agency's level "
			 "over the longer run: a steady habit of escalating less than activity predicts "
			 "can be too small to show in one quarter.", year);
	else
		snprintf(def, cap, "For each agency with activity in the period: escalations it raised, "
			 "its activity, the count expected if it escalated at the partnership's overall "
			 "rate, and the Poisson probability of raising so few (p low); the signal says where an "
			 "agency raised unusually many.");
}

/* Beside agencies that escalate far less, the pooled rate is low: say so
 * where it makes another agency look unusually high. */
static void pooled_note(struct report *r, const struct metrics *m)
{
	int high = 0, low = 0;

	for (int i = 0; i < m->n_funnel; i++) {
		high |= m->funnel[i].high;
		low |= strcmp(m->funnel[i].level, "none") != 0;
	}
	if (high && low)
		P("The partnership's rate pools every agency, the low ones too: beside them, an agency "
		  "escalating at the usual rate can look *unusually high*.\n\n");
}

/* The funnel table's columns after its first (the agency's or the
 * partnership's name), a row for each of m's funnel entries, the total;
 * the table is put in the paper, and hid[i] says whether entry i's count
 * was hidden (the plot then leaves it out). */
void report_funnel_rows(struct report *r, struct tab *t, const struct metrics *m, int *hid)
{
	char buf[128];

	tab_col(t, "Raised", TAB_COUNT);
	snprintf(buf, sizeof(buf), "Activity (%s)", m->measure);
	tab_col(t, buf, TAB_COUNT);
	tab_col(t, "Expected", TAB_NUMBER);
	tab_col(t, "p low", TAB_TEXT);
	tab_derived(t, TAB_COL(1)); /* p low would give a hidden count away */
	tab_col(t, "Signal", TAB_TEXT);
	for (int i = 0; i < m->n_funnel; i++) {
		const struct m_funnel *f = &m->funnel[i];

		tab_row(t);
		tab_text(t, report_agency_name(r, f->agency));
		tab_count(t, f->raised);
		tab_count(t, (long)f->activity);
		tab_number(t, f->expected);
		snprintf(buf, sizeof(buf), "%.3g", f->p_low);
		tab_text(t, buf);
		tab_text(t, report_funnel_signal(f));
	}
	tab_total(t, "Total");
	report_put(r, t);
	for (int i = 0; i < m->n_funnel; i++)
		hid[i] = t->rows[i][1].suppressed;
}

/* A line for each entry of m's funnel flagged alert or watch (a hidden
 * count, hid[i], said without its figure), with the entry's activity
 * where activity is set and "over the four quarters" where year is; the
 * count of lines. */
int report_funnel_flags(struct report *r, const struct metrics *m, const int *hid, const char *year,
			int activity)
{
	int flagged = 0;
	char act[160] = "";

	for (int i = 0; i < m->n_funnel; i++) {
		const struct m_funnel *f = &m->funnel[i];

		if (strcmp(f->level, "none") == 0)
			continue;
		flagged++;
		if (activity)
			snprintf(act, sizeof(act), " (%.0f %s)", f->activity, m->measure);
		P("- **");
		md_escape(r->out, report_agency_name(r, f->agency));
		if (hid[i])
			P("** raised fewer escalations than the %.1f expected from its activity%s%s: level "
			  "*%s*.\n", f->expected, act, year ? " over the four quarters" : "", f->level);
		else
			P("** raised %ld escalation%s against %.1f expected from its activity%s%s: level *%s* "
			  "(p = %.3g).\n", f->raised, f->raised == 1 ? "" : "s", f->expected, act,
			  year ? " over the four quarters" : "", f->level, f->p_low);
	}
	return flagged;
}

/* The funnel of m: each agency's escalations against its activity, the
 * table, the funnel plot (the period's only: year is NULL) and a line for
 * each agency flagged.  year names the four quarters of the longer view. */
static void funnel(struct report *r, const struct metrics *m, const char *year)
{
	int flagged = 0, drawn = 1;
	char def[600];
	struct tab *t;

	funnel_def(year, def, sizeof(def));
	t = tab_new(year ? "funnel-four-quarters" : "funnel",
		    year ? "Escalations against activity, four quarters" : "Escalations against activity", def);
	int hid[M_MAX_ITEMS] = {0};

	tab_col(t, "Agency", TAB_TEXT);
	report_funnel_rows(r, t, m, hid);
	if (!year) {
		P("Method: each agency's expected count is its activity times the partnership's overall "
		  "rate (escalations raised ÷ activity, over the agencies with activity); *alert* when the "
		  "Poisson probability of raising that few is below 0.001, *watch* below 0.025.\n\n");
		if (r->period.subject)
			/* The activity figures are per agency, not per subject. */
			P("Only escalations about %s are counted here, but each agency's activity is its "
			  "whole activity, not split by subject: an agency that works mostly with %s will "
			  "show fewer escalations than expected, and one that works mostly with %s more.\n\n",
			  report_subject_words(r->period.subject, 0),
			  r->period.subject == CLI_SUBJECT_ADULTS ? "children" : "adults",
			  report_subject_words(r->period.subject, 0));
		drawn = report_chart_funnel(&r->cc, r->out, m, t, r->nagency, r->agency, r->agency_name);
	}
	tab_free(t);
	if (drawn == 0)
		P("In the funnel plot each point is an agency; the solid line is the partnership's "
		  "rate and the dashed and dotted lines the 95%% and 99.8%% limits around it (exact "
		  "Poisson limits for the agency's activity). A point below a lower limit raised "
		  "fewer escalations than its activity would predict.\n\n");
	flagged = report_funnel_flags(r, m, hid, year, 1);
	if (flagged)
		P("\n");
	pooled_note(r, m);
}

/*
 * The funnel of the four quarters ending with the period, beside the
 * period's (as `oversight signals` shows it): in one quarter an agency
 * raising a fifth of its share reaches "watch" at best; over four quarters
 * the same habit reaches "alert".  Nothing when the period is not a
 * quarter's end or is a year or longer (it is its own longer view).
 */
static void four_quarter_funnel(struct report *r)
{
	const struct metrics *y = report_four_quarters(r); /* computed once a paper */
	char words[96];

	if (y && y->n_funnel) {
		date_span_words(y->period.from, y->period.to, words, sizeof(words));
		funnel(r, y, words);
	}
}

/* The monthly chart's paragraph: mean, limits and each signal with its
 * months and direction; signals before the last six months are past. */
static void spc_paragraph(struct report *r, const struct metrics *m)
{
	char recent[2048], past[2048];
	int down = spc_words(m, recent, sizeof(recent), past, sizeof(past));

	P("**Monthly trend** (escalations raised per month over %d months, XmR chart as NHS "
	  "England's *Making Data Count*): mean %.1f a month, process limits %.1f to %.1f%s. ",
	  m->n_month, m->spc_mean, m->spc_lcl, m->spc_ucl,
	  m->spc_provisional ? " (provisional: fewer than 12 months of data)" : "");
	if (!m->spc_rules)
		P("No special-cause variation: the monthly count varies within its usual range.");
	else if (recent[0])
		P("Signals in the last %d months: %s.", SPC_RECENT_MONTHS, recent);
	else
		P("No signal in the last %d months.", SPC_RECENT_MONTHS);
	if (past[0])
		P(" In the past (before the last %d months, not news): %s.", SPC_RECENT_MONTHS, past);
	if (down)
		P(" The monthly count has shifted down: ask whether challenge has fallen away.");
	P("\n\n");
}

void sec_challenge(struct report *r)
{
	struct metrics *m = r->m;

	P("## Challenge in the system\n\n");
	P("A lack of escalations may indicate a lack of appropriate challenge in the system. These "
	  "signals point to where to ask questions; they are not findings.\n\n");
	report_coverage_left_out(r);
	if (m->n_funnel) {
		funnel(r, m, NULL);
		four_quarter_funnel(r);
	} else {
		P("No activity figures (%s) are loaded for the period, so escalations cannot be set "
		  "against activity: too little data to say whether any agency escalates less than "
		  "expected.\n\n", m->measure);
	}
	if (m->n_no_denominator && m->n_funnel) {
		P("No activity figures for: ");
		for (int i = 0; i < m->n_no_denominator; i++) {
			P("%s", i ? ", " : "");
			md_escape(r->out, report_agency_name(r, m->no_denominator[i]));
		}
		P(" (no denominator: not assessed).\n\n");
	}
	if (m->n_silent) {
		P("**Silent agencies** (raised no escalation in the period nor in the three months "
		  "before it): ");
		for (int i = 0; i < m->n_silent; i++) {
			P("%s", i ? ", " : "");
			md_escape(r->out, report_agency_name(r, m->silent[i]));
		}
		P(".\n\n");
	} else {
		P("No agency has been silent (every agency raised at least one escalation in the period "
		  "or the three months before it).\n\n");
	}
	if (m->n_one_way) {
		P("**One-way challenge** (received escalations in the last four quarters but raised "
		  "none): ");
		for (int i = 0; i < m->n_one_way; i++) {
			P("%s", i ? ", " : "");
			md_escape(r->out, report_agency_name(r, m->one_way[i]));
		}
		P(".\n\n");
	}
	if (m->n_month) {
		spc_paragraph(r, m);
		report_chart_spc(&r->cc, r->out, m, r->suppress);
	}
}
