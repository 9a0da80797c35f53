/*
 * report_front.c - the front page every paper opens with (DESIGN.md
 * "Reports"): in a few lines, the key figures against the previous period
 * and the same period a year earlier with the direction of change in
 * words, overdue now, the Making Data Count reading of the monthly series
 * (mdc.h), the signals that fired (four-quarter funnel included), the
 * agencies whose logs are missing or out of date, a plain word on data
 * quality, and the analyst's commentary (--commentary FILE).
 *
 * An agency pack's front page gives the agency's own figures, and the
 * signals and log of that agency alone (report_front_agency.c, which
 * calls the parts here).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "comparisons.h"
#include "core/date.h"
#include "core/util.h"
#include "mdc.h"
#include "report.h"
#include "report_outcomes.h"
#include "share.h"
#include "spc_words.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* n as the paper shows it: "<N" when --suppress hides it. */
static const char *count_text(const struct report *r, long n, char *buf, size_t cap)
{
	if (tab_small(r->suppress, n))
		snprintf(buf, cap, "<%d", r->suppress);
	else
		snprintf(buf, cap, "%ld", n);
	return buf;
}

/* The header of the key figures' table: "| Figure | This quarter |
 * Previous quarter | Same quarter last year |" and, when pattern, the
 * column of the monthly series' reading. */
/* "This quarter", "This year", "This month" or "This period". */
static const char *this_words(const struct report *r)
{
	int months;

	if (r->period.q)
		return "This quarter";
	if (comparisons_whole_months(&r->period, &months) && (months == 12 || months == 1))
		return months == 12 ? "This year" : "This month";
	return "This period";
}

struct tab *report_front_begin(struct report *r, int pattern)
{
	struct tab *t = tab_new("front_page", "", "");
	char unit[32], col[64];

	report_unit_words(&r->period, unit, sizeof(unit));
	tab_col(t, "Figure", TAB_TEXT);
	tab_col(t, this_words(r), TAB_TEXT);
	snprintf(col, sizeof(col), "Previous %s", unit);
	tab_col(t, col, TAB_TEXT);
	if (!report_comparisons_same(r)) {
		snprintf(col, sizeof(col), "Same %s last year", unit);
		tab_col(t, col, TAB_TEXT);
	}
	if (pattern)
		tab_col(t, "Monthly pattern", TAB_TEXT);
	for (int c = 0; c < t->ncol; c++)
		P("%s %s", c ? " |" : "|", t->header[c]);
	P(" |\n|:---|---:|");
	for (int c = 2; c < t->ncol; c++)
		P(":---|");
	P("\n");
	return t;
}

void report_front_cell(struct report *r, struct tab *t, const char *text)
{
	if (t->cur >= t->ncol || t->nrow == 0) {
		tab_row(t);
		P("|");
	}
	if (text[0])
		P(" %s |", text);
	else
		P(" |");
	tab_text(t, text);
	if (t->cur == t->ncol)
		P("\n");
}

void report_front_end(struct report *r, struct tab *t)
{
	P("\n");
	report_csv(r, t); /* report_tables.c: the same cells under --csv */
	tab_free(t);
}

/* The sentence before the table: which days each column is. */
void report_front_periods(struct report *r)
{
	char unit[32], w[96], w0[96], w1[96];

	report_unit_words(&r->period, unit, sizeof(unit));
	date_span_words(r->period.from, r->period.to, w, sizeof(w));
	date_span_words(r->m->previous.period.from, r->m->previous.period.to, w0, sizeof(w0));
	date_span_words(r->m->year_before.period.from, r->m->year_before.period.to, w1, sizeof(w1));
	P("%s (%s) beside the previous %s (%s)", this_words(r), w, unit, w0);
	if (!report_comparisons_same(r))
		P(" and the same %s a year earlier (%s)", unit, w1);
	P(", each as it stood at its own end.");
}

/* One row of counts: the figure now and its change from each earlier
 * period, in words. */
void report_front_counts(struct report *r, struct tab *t, const char *label, long now, long prev, long year)
{
	char a[32], b[48];

	report_front_cell(r, t, label);
	report_front_cell(r, t, count_text(r, now, a, sizeof(a)));
	report_front_cell(r, t, report_change_words(r, now, prev, b, sizeof(b)));
	if (!report_comparisons_same(r))
		report_front_cell(r, t, report_change_words(r, now, year, b, sizeof(b)));
}

/* Breached of the stage deadlines due: "50.0%", "2 of 4" (small numbers),
 * or why there is none.  *rate gets the rate, NAN when not shown. */
static const char *breach_text(const struct report *r, long met, long breached, double *rate, char *buf,
			       size_t cap)
{
	*rate = NAN;
	if (met + breached == 0)
		return snprintf(buf, cap, "none fell due"), buf;
	if (tab_small(r->suppress, met) || tab_small(r->suppress, breached))
		/* the rate of a hidden count would give it away */
		return snprintf(buf, cap, "not shown (small numbers)"), buf;
	*rate = (double)breached / (double)(met + breached);
	return share_text(breached, met + breached, 1, buf, cap);
}

static const char *rate_change(double now, double before, const char *text, char *buf, size_t cap)
{
	if (isnan(now) || isnan(before))
		snprintf(buf, cap, "%s", text);
	else
		snprintf(buf, cap, "%s %s", now > before ? "up from" : now < before ? "down from" : "the same as",
			 text);
	return buf;
}

static void breach_row(struct report *r, struct tab *t)
{
	const struct metrics *m = r->m;
	const struct m_headline *h[2] = {&m->previous, &m->year_before};
	long met = 0, breached = 0;
	double now, before;
	char a[64], b[64], c[96];

	for (int i = 0; i < m->n_timescale; i++) {
		met += m->timescale[i].met;
		breached += m->timescale[i].breached;
	}
	report_front_cell(r, t, "Stage deadlines breached");
	report_front_cell(r, t, breach_text(r, met, breached, &now, a, sizeof(a)));
	for (int i = 0; i < 2 - report_comparisons_same(r); i++) {
		breach_text(r, h[i]->met, h[i]->breached, &before, b, sizeof(b));
		report_front_cell(r, t, rate_change(now, before, b, c, sizeof(c)));
	}
	report_front_cell(r, t, "");
}

/* The median, or why it is not shown. */
static const char *median_text(const struct report *r, long n, double median, char *buf, size_t cap)
{
	if (n == 0 || isnan(median))
		snprintf(buf, cap, "none resolved");
	else if (tab_small(r->suppress, n))
		snprintf(buf, cap, "not shown (small numbers)");
	else
		snprintf(buf, cap, "%.1f", median);
	return buf;
}

static void median_row(struct report *r, struct tab *t)
{
	const struct metrics *m = r->m;
	const struct m_headline *h[2] = {&m->previous, &m->year_before};
	int shown = m->res_n && !tab_small(r->suppress, m->res_n);
	char a[64], b[64], c[96];

	report_front_cell(r, t, "Median resolution time (working days)");
	report_front_cell(r, t, median_text(r, m->res_n, m->res_median, a, sizeof(a)));
	for (int i = 0; i < 2 - report_comparisons_same(r); i++) {
		int was = h[i]->res_n && !tab_small(r->suppress, h[i]->res_n);

		median_text(r, h[i]->res_n, h[i]->res_median, b, sizeof(b));
		report_front_cell(r, t, rate_change(shown && was ? m->res_median : NAN,
						     was ? h[i]->res_median : NAN, b, c, sizeof(c)));
	}
	report_front_cell(r, t, "");
}

/* The partnership's key figures. */
static void key_figures(struct report *r)
{
	const struct metrics *m = r->m;
	const struct m_headline *h0 = &m->previous, *h1 = &m->year_before;
	enum mdc_reading v = mdc_reading(m, &r->period);
	unsigned used;
	struct tab *t;
	char words[128];

	report_front_periods(r);
	P(" Monthly pattern: escalations raised per month over the %d months to the period's end, read "
	  "as NHS England's *Making Data Count* reads them.\n\n", m->n_month);
	t = report_front_begin(r, 1);
	report_front_counts(r, t, "Raised", m->raised, h0->raised, h1->raised);
	/* the reading: its icon in the paper, its words in both */
	P(" ");
	used = mdc_icon(r->out, v);
	if (v == MDC_FEW)
		snprintf(words, sizeof(words), "%s (%d month%s of data; %d are needed)", mdc_words(v), m->n_month,
			 m->n_month == 1 ? "" : "s", MDC_MIN_MONTHS);
	else
		snprintf(words, sizeof(words), "%s", mdc_words(v));
	P("%s |\n", words);
	tab_text(t, words);
	report_front_counts(r, t, "Open at the end of the period", m->open_at_end, h0->open_at_end,
			    h1->open_at_end);
	report_front_cell(r, t, "");
	report_front_counts(r, t, "Resolved", m->resolved, h0->resolved, h1->resolved);
	report_front_cell(r, t, "");
	if (m->n_timescale) {
		report_front_counts(r, t, "Overdue now (open past a stage deadline)", m->overdue_n,
				    h0->overdue_n, h1->overdue_n);
		report_front_cell(r, t, "");
		breach_row(r, t);
	}
	median_row(r, t);
	report_front_end(r, t);
	if (!m->n_timescale)
		P("No stage has a timescale (the protocol sets none and no local target is recorded), so "
		  "no escalation can be overdue and there is no breach rate.\n\n");
	if (used)
		mdc_icon_refs(r->out, used);
}

int report_front_funnel_any(const struct metrics *m, const char *only)
{
	for (int i = 0; m && i < m->n_funnel; i++)
		if ((strcmp(m->funnel[i].level, "none") || m->funnel[i].high) &&
		    (!only || !strcmp(only, m->funnel[i].agency)))
			return 1;
	return 0;
}

/* The level of the funnel's agency f on the front page: 0 alert, 1
 * watch, 2 unusually high, -1 none. */
static int flag_of(const struct m_funnel *f)
{
	return !strcmp(f->level, "alert") ? 0 : !strcmp(f->level, "watch") ? 1 : f->high ? 2 : -1;
}

void report_front_funnel_line(struct report *r, const struct metrics *m, const char *only, const char *lead)
{
	static const char *const what[] = {"*alert*: far fewer than expected from",
					   "*watch*: fewer than expected from", "unusually high against"};
	int groups = 0;

	if (!report_front_funnel_any(m, only))
		return;
	P("- %s: ", lead);
	for (int level = 0; level < 3; level++) {
		int n = 0;

		for (int i = 0; i < m->n_funnel; i++) {
			const struct m_funnel *f = &m->funnel[i];

			if (flag_of(f) != level || (only && strcmp(only, f->agency)))
				continue;
			P("%s", n++ ? ", " : groups++ ? "; " : "");
			md_escape(r->out, report_agency_name(r, f->agency));
		}
		if (n) {
			P(" (%s %s activity)", what[level], n == 1 ? "its" : "their");
		}
	}
	P(".\n");
}

/* A list of the partnership's agencies (only that one, when only) as a
 * line after lead; nothing when none is in it. */
static void agency_line(struct report *r, const char *lead, const char (*ids)[M_ID], int n, const char *only)
{
	int k = 0;

	for (int i = 0; i < n; i++) {
		if (only && strcmp(only, ids[i]))
			continue;
		P("%s", k++ ? ", " : "- ");
		if (k == 1)
			P("%s: ", lead);
		md_escape(r->out, report_agency_name(r, ids[i]));
	}
	if (k)
		P(".\n");
}

/* The signals that fired: the funnel of the period and of the four
 * quarters ending with it, silent and one-way agencies, the monthly
 * chart's recent signals; only the agency's own in an agency pack. */
void report_front_signals(struct report *r)
{
	const struct metrics *m = r->m;
	const char *only = r->agency_id;
	char recent[2048], past[2048], words[96], lead[160];
	/* as "Challenge in the system": the longer view where the period's
	 * funnel has activity to go on (computed once a paper) */
	const struct metrics *y = m->n_funnel ? report_four_quarters(r) : NULL;
	int any;

	recent[0] = '\0';
	if (!only && m->n_month && m->spc_rules)
		spc_words(m, recent, sizeof(recent), past, sizeof(past));
	any = report_front_funnel_any(m, only) || (y && report_front_funnel_any(y, only)) || recent[0];
	for (int i = 0; i < m->n_silent && !any; i++)
		any = !only || !strcmp(only, m->silent[i]);
	for (int i = 0; i < m->n_one_way && !any; i++)
		any = !only || !strcmp(only, m->one_way[i]);
	if (!any) {
		P("**Signals that fired**: none.\n\n");
		return;
	}
	P("**Signals that fired** (they point to where to ask questions; they are not findings):\n\n");
	report_front_funnel_line(r, m, only, "Escalations against activity in the period");
	if (y) {
		date_span_words(y->period.from, y->period.to, words, sizeof(words));
		snprintf(lead, sizeof(lead), "Escalations against activity over the four quarters %s", words);
		report_front_funnel_line(r, y, only, lead);
	}
	agency_line(r, "Silent (none raised in the period nor in the three months before it)", m->silent,
		    m->n_silent, only);
	agency_line(r, "One-way (received escalations in the last four quarters but raised none)",
		    m->one_way, m->n_one_way, only);
	if (recent[0])
		P("- Monthly trend: %s.\n", recent);
	P("\n");
}

/* The agencies whose logs are missing or do not run to the as-of date
 * (only the agency's own, in an agency pack). */
void report_front_logs(struct report *r)
{
	const struct metrics *m = r->m;
	int n = 0;

	for (int i = 0; i < m->n_coverage; i++) {
		const struct cov_agency *c = &m->coverage[i];

		if (c->covered || (r->agency_id && strcmp(r->agency_id, c->agency)))
			continue;
		P("%s", n++ ? "; " : "**Agency logs missing or out of date**: ");
		md_escape(r->out, c->name);
		P(" (");
		report_coverage_words(r, c);
		P(")");
	}
	if (n)
		P(". Their escalations after that date are not in the figures.\n\n");
	else if (m->n_coverage)
		P("**Agency logs**: %s runs to the as-of date.\n\n",
		  r->agency_id ? "the agency's log" : "every agency's log");
}

/* A plain word on data quality, where it matters; the detail is the
 * analyst's (report_appendix.c). */
void report_front_quality(struct report *r)
{
	struct report_quality q;

	report_quality(r, &q);
	if (q.rejected)
		P("**Data quality**: %ld row%s of the agencies' logs could not be used; see the analyst's "
		  "appendix.\n\n", q.rejected, q.rejected == 1 ? "" : "s");
}

/* --commentary FILE, verbatim, under its own heading. */
void report_front_commentary(struct report *r)
{
	size_t n;

	if (!r->commentary)
		return;
	P("### Commentary\n\n");
	n = strlen(r->commentary);
	fwrite(r->commentary, 1, n, r->out);
	P("%s\n", n && r->commentary[n - 1] == '\n' ? "" : "\n");
}

/*
 * The front page, line by line.  A new line of the front page (say, the
 * stage where escalations wait longest) goes into this list, before the
 * logs.
 */
static void front_wait(struct report *r)
{
	char name[256];
	double median;

	if (report_longest_wait(r, name, sizeof(name), &median) < 0)
		return;
	P("**Longest wait**: of the stages escalations completed in the period, they waited longest at ");
	md_escape(r->out, name);
	P(" (a median of %.1f working days from entering it to completing it).\n\n", median);
}

static void (*const front_lines[])(struct report *r) = {
	key_figures, front_wait, report_front_signals, report_front_logs, report_front_quality,
	report_front_commentary, NULL,
};

void sec_front(struct report *r)
{
	P("## At a glance\n\n");
	for (int i = 0; front_lines[i]; i++)
		front_lines[i](r);
}
