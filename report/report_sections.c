/*
 * report_sections.c - the sections of the board papers.
 *
 * Each section states in one sentence what its table counts (the
 * definition from DESIGN.md), gives a total row, and writes any text that
 * came from the warehouse through md_escape().
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/date.h"
#include "core/msg.h"
#include "report.h"
#include "stats.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* Whether disclosure control hid a count of t (its chart would show it). */
static int tab_hides(const struct tab *t)
{
	for (int i = 0; i < t->nrow; i++)
		for (int c = 0; c < t->ncol; c++)
			if (t->rows[i][c].suppressed)
				return 1;
	return 0;
}

/* Write a table as report_table() does; returns 1 when --suppress hid a
 * count in it, so the chart drawn from it is left out. */
static int table_out(struct report *r, struct tab *t)
{
	int hidden;

	if (r->suppress >= 2)
		tab_suppress(t, r->suppress);
	hidden = tab_hides(t);
	report_emit(r, t);
	tab_free(t);
	return hidden;
}

static const char *month_name(int m)
{
	static const char *const names[] = {"January", "February", "March", "April", "May", "June",
					    "July", "August", "September", "October", "November",
					    "December"};
	return names[(m - 1) % 12];
}

/* "1 July to 30 September 2026" */
static void period_words(const struct period *p, char *buf, size_t cap)
{
	int y1, m1, d1, y2, m2, d2;

	date_to_ymd(p->from, &y1, &m1, &d1);
	date_to_ymd(p->to, &y2, &m2, &d2);
	if (y1 == y2)
		snprintf(buf, cap, "%d %s to %d %s %d", d1, month_name(m1), d2, month_name(m2), y2);
	else
		snprintf(buf, cap, "%d %s %d to %d %s %d", d1, month_name(m1), y1, d2, month_name(m2), y2);
}

static void day_words(int day, char *buf, size_t cap)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, cap, "%d %s %d", d, month_name(m), y);
}

void sec_title(struct report *r, const char *title, const char *subtitle)
{
	char pw[96], asof[48], fq[32];
	sqlite3_stmt *st;

	period_words(&r->period, pw, sizeof(pw));
	day_words(r->period.as_of, asof, sizeof(asof));
	/* pandoc title block: the document's metadata in every format. */
	P("---\ntitle: \"");
	md_escape(r->out, title);
	P("\"\nsubtitle: \"");
	md_escape(r->out, subtitle);
	P("\"\ndate: \"As of %s\"\n---\n\n", asof);
	/* The title and subtitle are the YAML block's alone: pandoc makes
	 * them the document's title (an H1 as well would print it twice),
	 * GitHub shows them as a table, and they read as plain text. */
	P("| | |\n|:---|:---|\n");
	P("| Partnership | ");
	md_escape(r->out, r->name);
	if (r->short_name[0]) {
		P(" (");
		md_escape(r->out, r->short_name);
		P(")");
	}
	P(" |\n");
	if (r->period.q) {
		cli_fin_quarter(r->period.year, r->period.q, fq, sizeof(fq));
		P("| Period | %d-Q%d, %s (UK financial year %s) |\n", r->period.year, r->period.q, pw, fq);
	} else {
		P("| Period | %s |\n", pw);
	}
	P("| As of | %s: events recorded after this date are not counted |\n", asof);
	if (r->protocol_title[0]) {
		P("| Protocol | ");
		md_escape(r->out, r->protocol_title);
		P(" |\n");
	}
	st = wh_prepare(r->w, "r_sources");
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	{
		int n = 0;
		long rows = 0;
		char last[32] = "";

		while (sqlite3_step(st) == SQLITE_ROW) {
			n++;
			rows += sqlite3_column_int64(st, 3);
			snprintf(last, sizeof(last), "%.10s", (const char *)sqlite3_column_text(st, 2));
		}
		P("| Data sources | %ld current rows from %d agency log files; latest loaded %s |\n", rows, n,
		  last[0] ? last : "never");
	}
	sqlite3_finalize(st);
	if (r->suppress >= 2)
		P("| Disclosure control | counts from 1 to %d are shown as <%d, with other cells hidden "
		  "(shown as \\[c\\]) where a total would reveal them |\n", r->suppress - 1, r->suppress);
	P("\n");
}

/* A count --suppress hides (1 to N-1). */
static int small(const struct report *r, long n)
{
	return r->suppress >= 2 && n >= 1 && n < r->suppress;
}

/* n as the paper shows it: "<N" when --suppress hides it. */
static const char *count_words(const struct report *r, long n, char *buf, size_t cap)
{
	if (small(r, n))
		snprintf(buf, cap, "<%d", r->suppress);
	else
		snprintf(buf, cap, "%ld", n);
	return buf;
}

static void headline_row(struct tab *t, const char *label, long now, const long *before)
{
	tab_row(t);
	tab_text(t, label);
	tab_count(t, now);
	if (before) {
		char buf[32];

		tab_count(t, *before);
		snprintf(buf, sizeof(buf), "%+ld", now - *before);
		tab_note(t, buf);
	}
}

void sec_headline(struct report *r)
{
	struct metrics *m = r->m, *p = r->prev;
	struct tab *t = tab_new("headline", "",
				"Escalations raised in the period, open at its end, and resolved or "
				"withdrawn (closed) in it; the previous quarter as it stood at its own end.");
	char buf[300];

	P("## Headline figures\n\n");
	tab_col(t, "Figure", TAB_TEXT);
	tab_col(t, "This period", TAB_COUNT);
	if (p) {
		tab_col(t, "Previous quarter", TAB_COUNT);
		tab_col(t, "Change", TAB_TEXT);
	}
	headline_row(t, "Raised", m->raised, p ? &p->raised : NULL);
	headline_row(t, "Open at the end of the period", m->open_at_end, p ? &p->open_at_end : NULL);
	headline_row(t, "Resolved", m->resolved, p ? &p->resolved : NULL);
	headline_row(t, "Withdrawn", m->withdrawn, p ? &p->withdrawn : NULL);
	for (int s = 1; s <= r->last_stage; s++) {
		char label[300];

		snprintf(label, sizeof(label), "Entered %s", report_stage_label(r, s, buf, sizeof(buf)));
		headline_row(t, label, m->entered[s], p ? &p->entered[s] : NULL);
	}
	if (r->suppress >= 2 && p)
		/* The change would give away a hidden count beside a shown one. */
		for (int i = 0; i < t->nrow; i++)
			if (small(r, t->rows[i][1].count) || small(r, t->rows[i][2].count))
				t->rows[i][3].empty = 1;
	report_table(r, t);
	if (!isnan(m->res_median) && !small(r, m->res_n))
		P("Median resolution time: %.1f working days (%ld resolved)%s.\n\n", m->res_median, m->res_n,
		  p && !isnan(p->res_median) ? "" : "");
	if (m->n_timescale) {
		long met = 0, breached = 0;

		for (int i = 0; i < m->n_timescale; i++) {
			met += m->timescale[i].met;
			breached += m->timescale[i].breached;
		}
		if (isnan(m->breach_rate))
			P("Timescales: nothing fell due in the period.\n\n");
		else if (small(r, met) || small(r, breached))
			/* the rate of a hidden count would give it away */
			P("Timescales: too few stage deadlines fell due in the period to give a breach "
			  "rate under disclosure control.\n\n");
		else
			P("Timescales: %.1f%% of the stage deadlines that fell due in the period were "
			  "breached.\n\n", 100 * m->breach_rate);
	} else {
		P("Timescales: no timescale set (the protocol sets none and no local target is "
		  "recorded).\n\n");
	}
}

void report_quarters(struct report *r)
{
	int y, q, mm;
	struct metrics *qm;

	if (r->nquarter)
		return;
	qm = calloc(1, sizeof(*qm));
	if (!qm)
		die(EXIT_INTERNAL, "out of memory");
	date_to_ymd(r->period.to, &y, &mm, NULL);
	q = (mm - 1) / 3 + 1;
	/* The 8 quarters ending with the period's last quarter, newest
	 * computed first; each as of its own end (or the report's as-of, if
	 * earlier), so a quarter's figures never see later events. */
	for (int k = R_QUARTERS - 1; k >= 0; k--) {
		struct report_quarter *rq = &r->quarter[k];
		struct period p;

		memset(rq, 0, sizeof(*rq));
		rq->breach_rate = NAN;
		p.year = y;
		p.q = q;
		p.is_quarter = 1;
		p.from = date_quarter_start(y, q);
		p.to = date_quarter_end(y, q);
		p.as_of = p.to < r->period.as_of ? p.to : r->period.as_of;
		if (metrics_compute_stages(r->w, r->id, &p, qm) == 0) {
			memcpy(rq->entered, qm->entered, sizeof(rq->entered));
			/* DESIGN.md "Breach rate": over the timed stage instances
			 * due in the quarter, every timed stage together. */
			for (int i = 0; i < qm->n_timescale; i++) {
				rq->due += qm->timescale[i].due;
				rq->met += qm->timescale[i].met;
				rq->breached += qm->timescale[i].breached;
				rq->pending += qm->timescale[i].pending;
			}
			rq->breach_rate = qm->breach_rate;
			rq->has_timescale = qm->n_timescale > 0;
		}
		snprintf(rq->name, sizeof(rq->name), "%d-Q%d", y, q);
		if (--q == 0) {
			q = 4;
			y--;
		}
	}
	free(qm);
	r->nquarter = R_QUARTERS;
}

void sec_stages_by_quarter(struct report *r)
{
	char buf[300];
	struct tab *t;

	report_quarters(r);
	P("## Escalations entering each stage, last eight quarters\n\n");
	t = tab_new("stages_by_quarter", "Stages entered per quarter",
		    "Escalations that entered each stage of the protocol in each quarter (the date "
		    "recorded for the stage); one escalation counts once per stage it entered.");
	tab_col(t, "Stage", TAB_TEXT);
	for (int k = 0; k < r->nquarter; k++)
		tab_col(t, r->quarter[k].name, TAB_COUNT);
	tab_col(t, "Total", TAB_COUNT);
	for (int s = 1; s <= r->last_stage; s++) {
		long sum = 0;

		tab_row(t);
		tab_text(t, report_stage_label(r, s, buf, sizeof(buf)));
		for (int k = 0; k < r->nquarter; k++) {
			tab_count(t, r->quarter[k].entered[s]);
			sum += r->quarter[k].entered[s];
		}
		tab_count(t, sum);
	}
	tab_total(t, "Total");
	report_chart_stages(r, table_out(r, t));
}

void sec_agencies(struct report *r)
{
	struct tab *t = tab_new("agencies", "Raised and received by agency",
				"Escalations raised in the period, counted under the agency that raised "
				"them and under the agency they were raised with (within-agency "
				"disagreements count under both).");
	long raised[R_MAX_AGENCY], received[R_MAX_AGENCY];

	P("## Agencies\n\n");
	tab_col(t, "Agency", TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	tab_col(t, "Received", TAB_COUNT);
	for (int i = 0; i < r->nagency; i++) {
		raised[i] = received[i] = 0;
		for (int j = 0; j < r->m->n_agency; j++)
			if (strcmp(r->m->agency[j].id, r->agency[i]) == 0) {
				raised[i] = r->m->agency[j].a;
				received[i] = r->m->agency[j].b;
			}
		tab_row(t);
		tab_text(t, r->agency_name[i]);
		tab_count(t, raised[i]);
		tab_count(t, received[i]);
	}
	tab_total(t, "Total");
	report_chart_agencies(r, raised, received, table_out(r, t));
}

void sec_themes(struct report *r)
{
	struct tab *t = tab_new("themes", "Themes",
				"Escalations raised in the period by the area of disagreement (theme), "
				"most frequent first.");
	struct m_item items[M_MAX_ITEMS];
	int n = r->m->n_theme;

	P("## What the disagreements were about\n\n");
	memcpy(items, r->m->theme, sizeof(items[0]) * (size_t)n);
	/* most frequent first, then by id */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && (items[j].a > items[j - 1].a ||
					  (items[j].a == items[j - 1].a && strcmp(items[j].id, items[j - 1].id) < 0)); j--) {
			struct m_item tmp = items[j];

			items[j] = items[j - 1];
			items[j - 1] = tmp;
		}
	tab_col(t, "Theme", TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	tab_col(t, "Share", TAB_RATE);
	for (int i = 0; i < n; i++) {
		tab_row(t);
		tab_text(t, items[i].id);
		tab_count(t, items[i].a);
		tab_rate(t, r->m->raised ? (double)items[i].a / (double)r->m->raised : NAN);
	}
	tab_total(t, "Total");
	if (r->suppress >= 2) {
		/* Shares would reveal hidden counts: drop them. */
		for (int i = 0; i < t->nrow; i++)
			t->rows[i][2].empty = 1;
	}
	report_chart_themes(r, items, n, table_out(r, t));
	if (n == 0)
		P("No escalations were raised in the period.\n\n");
}

static void simple_items(struct report *r, const char *name, const char *title, const char *def,
			 const char *col, const struct m_item *it, int n)
{
	struct tab *t = tab_new(name, title, def);

	tab_col(t, col, TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	for (int i = 0; i < n; i++) {
		tab_row(t);
		tab_text(t, it[i].id);
		tab_count(t, it[i].a);
	}
	tab_total(t, "Total");
	report_table(r, t);
}

void sec_subjects(struct report *r)
{
	P("## Who the disagreements were about\n\n");
	simple_items(r, "subjects", "Subject",
		     r->adults_apart
			     ? "Escalations raised in the period by subject; this partnership covers adults "
			       "as well as children, and reports them apart."
			     : "Escalations raised in the period by subject (child, unborn child, adult, none).",
		     "Subject", r->m->subject, r->m->n_subject);
}

void sec_categories(struct report *r)
{
	simple_items(r, "categories", "Category",
		     "Escalations raised in the period by category: case disagreements, policy challenges, "
		     "and differences reported by the Independent Reviewing Unit.",
		     "Category", r->m->category, r->m->n_category);
}

static const char *kind_words(const char *kind, int days, char *buf, size_t cap)
{
	if (strcmp(kind, "by_working_day") == 0)
		snprintf(buf, cap, "completed by working day %d from raising", days);
	else if (strcmp(kind, "within_of_raising") == 0)
		snprintf(buf, cap, "completed within %d working day%s of raising", days, days == 1 ? "" : "s");
	else
		snprintf(buf, cap, "completed within %d working day%s of entering the stage", days,
			 days == 1 ? "" : "s");
	return buf;
}

/* The breach rate over the 8 quarters, every timed stage together: the
 * table the breach-rate chart draws. */
static void breach_by_quarter(struct report *r)
{
	struct tab *t = tab_new("breach_by_quarter", "Breach rate by quarter",
				"For each of the last eight quarters, the stage deadlines (every stage "
				"with a timescale) that fell due in it, met, breached or pending as of "
				"the quarter's end, and the breach rate breached / (met + breached); "
				"\"-\" where nothing was met or breached (no rate, not zero).");
	long met = 0, breached = 0;
	int hidden;

	report_quarters(r);
	tab_col(t, "Quarter", TAB_TEXT);
	tab_col(t, "Due", TAB_COUNT);
	tab_col(t, "Met", TAB_COUNT);
	tab_col(t, "Breached", TAB_COUNT);
	tab_col(t, "Pending", TAB_COUNT);
	tab_col(t, "Breach rate", TAB_RATE);
	for (int k = 0; k < r->nquarter; k++) {
		const struct report_quarter *q = &r->quarter[k];

		tab_row(t);
		tab_text(t, q->name);
		tab_count(t, q->due);
		tab_count(t, q->met);
		tab_count(t, q->breached);
		tab_count(t, q->pending);
		tab_rate(t, q->breach_rate);
		met += q->met;
		breached += q->breached;
	}
	tab_total(t, "Total");
	t->row_total = 1; /* Due = Met + Breached + Pending */
	t->rows[t->total_row][5].empty = 0;
	t->rows[t->total_row][5].value = met + breached ? (double)breached / (double)(met + breached) : NAN;
	if (r->suppress >= 2) {
		tab_suppress(t, r->suppress);
		/* A rate beside a hidden count would give it away. */
		for (int i = 0; i < t->nrow; i++)
			for (int c = 1; c <= 4; c++)
				if (t->rows[i][c].suppressed)
					t->rows[i][5].empty = 1;
	}
	hidden = tab_hides(t);
	report_emit(r, t);
	tab_free(t);
	report_chart_breach(r, hidden);
}

void sec_timescales(struct report *r)
{
	struct tab *t = tab_new("timescales", "",
				"Each stage with a timescale: the stage deadlines that fell due in the "
				"period, met (stage completed on or before the deadline), breached "
				"(completed after it, or not completed by the as-of date), pending; the "
				"breach rate is breached / (met + breached).");
	long due = 0, met = 0, breached = 0, pending = 0;
	char buf[300], words[128];

	P("## Timescales\n\n");
	tab_col(t, "Stage", TAB_TEXT);
	tab_col(t, "Timescale", TAB_TEXT);
	tab_col(t, "Source", TAB_TEXT);
	tab_col(t, "Due", TAB_COUNT);
	tab_col(t, "Met", TAB_COUNT);
	tab_col(t, "Breached", TAB_COUNT);
	tab_col(t, "Pending", TAB_COUNT);
	tab_col(t, "Breach rate", TAB_RATE);
	for (int s = 1; s <= r->last_stage; s++) {
		const struct m_timescale *ts = NULL;

		for (int i = 0; i < r->m->n_timescale; i++)
			if (r->m->timescale[i].stage == s)
				ts = &r->m->timescale[i];
		tab_row(t);
		tab_text(t, report_stage_label(r, s, buf, sizeof(buf)));
		if (!ts) {
			tab_text(t, "no timescale set");
			tab_text(t, "");
			tab_note(t, "");
			tab_note(t, "");
			tab_note(t, "");
			tab_note(t, "");
			tab_note(t, "n/a");
			continue;
		}
		tab_text(t, kind_words(ts->kind, ts->days, words, sizeof(words)));
		tab_text(t, strcmp(ts->source, "local") == 0 ? "local target" : "protocol");
		tab_count(t, ts->due);
		tab_count(t, ts->met);
		tab_count(t, ts->breached);
		tab_count(t, ts->pending);
		tab_rate(t, ts->breach_rate);
		due += ts->due;
		met += ts->met;
		breached += ts->breached;
		pending += ts->pending;
	}
	tab_row(t);
	tab_text(t, "Total");
	tab_text(t, "");
	tab_text(t, "");
	if (r->m->n_timescale) {
		tab_count(t, due);
		tab_count(t, met);
		tab_count(t, breached);
		tab_count(t, pending);
		tab_rate(t, r->m->breach_rate);
	} else {
		tab_note(t, "");
		tab_note(t, "");
		tab_note(t, "");
		tab_note(t, "");
		tab_note(t, "n/a");
	}
	t->total_row = t->nrow - 1;
	t->row_total = 3; /* Due = Met + Breached + Pending */
	if (r->suppress >= 2)
		for (int i = 0; i < t->nrow; i++)
			if (!t->rows[i][7].text)
				t->rows[i][7].empty = 1;
	report_table(r, t);
	if (!r->m->n_timescale) {
		P("The protocol sets no timescale");
		if (r->timescales_note[0]) {
			P(": ");
			md_escape(r->out, r->timescales_note);
		} else {
			P(".");
		}
		P(" No local target is recorded, so no breach rate can be given (it is not zero).\n\n");
	} else {
		for (int i = 0; i < r->m->n_timescale; i++)
			if (strcmp(r->m->timescale[i].source, "local") == 0) {
				P("Timescales marked \"local target\" are the partnership's own targets, where "
				  "its protocol sets none; they are not the protocol's.\n\n");
				break;
			}
		breach_by_quarter(r);
	}
}

void sec_resolution(struct report *r)
{
	P("## Resolution time\n\n");
	P("Working days from the date an escalation was raised to the date it was resolved (the "
	  "working days after the day raised, up to and including the day resolved), for "
	  "escalations resolved in the period.\n\n");
	if (r->m->res_n == 0) {
		P("No escalation was resolved in the period.\n\n");
		return;
	}
	if (r->suppress >= 2 && r->m->res_n < r->suppress)
		P("Fewer than %d escalations were resolved in the period; the median is not shown.\n\n",
		  r->suppress);
	else
		P("Median: **%.1f working days** over %ld resolved escalations.\n\n", r->m->res_median,
		  r->m->res_n);
}

void sec_open_age(struct report *r)
{
	static const struct {
		int lo, hi;
		const char *label;
	} bands[] = {{0, 5, "0-5 working days"}, {6, 10, "6-10"}, {11, 20, "11-20"},
		     {21, 40, "21-40"}, {41, 1 << 30, "more than 40"}};
	long n[5] = {0};
	const char *labels[5];
	sqlite3_stmt *st = wh_prepare(r->w, "r_open_age");
	struct tab *t;

	metrics_bind_period(st, r->id, &r->period);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int age = sqlite3_column_int(st, 0);

		for (int b = 0; b < 5; b++)
			if (age >= bands[b].lo && age <= bands[b].hi)
				n[b]++;
	}
	sqlite3_finalize(st);
	P("## Open escalations at the end of the period\n\n");
	t = tab_new("open_by_age", "Open escalations by age",
		    "Escalations open at the end of the period (raised by then and not closed by "
		    "then), by working days since they were raised.");
	tab_col(t, "Age", TAB_TEXT);
	tab_col(t, "Open", TAB_COUNT);
	for (int b = 0; b < 5; b++) {
		tab_row(t);
		tab_text(t, bands[b].label);
		tab_count(t, n[b]);
		labels[b] = bands[b].label;
	}
	tab_total(t, "Total");
	report_chart_open_age(r, labels, n, 5, table_out(r, t));
}

void sec_resolved_at(struct report *r)
{
	struct tab *t = tab_new("resolved_at_stage", "",
				"Escalations resolved in the period, by the highest stage they reached. "
				"The protocols aim to resolve disagreements at the lowest possible stage.");
	char buf[300];
	long low = 0, all = 0;

	P("## Where escalations were resolved\n\n");
	tab_col(t, "Highest stage reached", TAB_TEXT);
	tab_col(t, "Resolved", TAB_COUNT);
	for (int s = 1; s <= r->last_stage; s++) {
		tab_row(t);
		tab_text(t, report_stage_label(r, s, buf, sizeof(buf)));
		tab_count(t, r->m->resolved_at_stage[s]);
		all += r->m->resolved_at_stage[s];
		if (s <= 2)
			low += r->m->resolved_at_stage[s];
	}
	tab_total(t, "Total");
	report_table(r, t);
	if (all && !(r->suppress >= 2 && (low < r->suppress || all - low < r->suppress)))
		P("%.0f%% of the escalations resolved in the period were resolved at stage 1 or 2.\n\n",
		  100.0 * (double)low / (double)all);
}

void sec_learning(struct report *r)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_learning");
	struct tab *t = tab_new("learning", "",
				"Escalations closed in the period for which learning was identified, "
				"grouped by the learning recorded (never shown beside a case).");
	int rows = 0;

	P("## Learning identified\n\n");
	tab_col(t, "Learning", TAB_TEXT);
	tab_col(t, "Escalations", TAB_COUNT);
	metrics_bind_period(st, r->id, &r->period);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		tab_text(t, (const char *)sqlite3_column_text(st, 0));
		tab_count(t, sqlite3_column_int64(st, 1));
		rows++;
	}
	sqlite3_finalize(st);
	tab_total(t, "Total");
	report_table(r, t);
	if (!rows)
		P("No learning was recorded for escalations closed in the period.\n\n");
}

void sec_challenge(struct report *r)
{
	struct metrics *m = r->m;
	int flagged = 0, hidden = 0;

	P("## Challenge in the system\n\n");
	P("A lack of escalations may indicate a lack of appropriate challenge in the system. These "
	  "signals point to where to ask questions; they are not findings.\n\n");
	if (m->n_funnel) {
		struct tab *t = tab_new("funnel", "Escalations against activity",
					"For each agency with activity in the period: escalations it raised, "
					"its activity, the count expected if it escalated at the partnership's "
					"overall rate, and the Poisson probability of raising so few (p low) or "
					"so many (p high).");
		char buf[128];
		int hid[M_MAX_ITEMS] = {0};

		tab_col(t, "Agency", TAB_TEXT);
		tab_col(t, "Raised", TAB_COUNT);
		snprintf(buf, sizeof(buf), "Activity (%s)", m->measure);
		tab_col(t, buf, TAB_COUNT);
		tab_col(t, "Expected", TAB_NUMBER);
		tab_col(t, "p low", TAB_TEXT);
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
			if (!strcmp(f->level, "alert"))
				tab_text(t, "alert: far fewer than expected");
			else if (!strcmp(f->level, "watch"))
				tab_text(t, "watch: fewer than expected");
			else if (f->high)
				tab_text(t, "unusually high");
			else
				tab_text(t, "none");
		}
		tab_total(t, "Total");
		if (r->suppress >= 2) {
			/* p low would give a hidden count away: keep the level. */
			tab_suppress(t, r->suppress);
			for (int i = 0; i < m->n_funnel; i++)
				if ((hid[i] = t->rows[i][1].suppressed))
					t->rows[i][4].empty = 1;
		}
		hidden = table_out(r, t);
		P("Method: each agency's expected count is its activity times the partnership's overall "
		  "rate (escalations raised ÷ activity, over the agencies with activity); *alert* when the "
		  "Poisson probability of raising that few is below 0.001, *watch* below 0.025.\n\n");
		if (report_chart_funnel(r, hidden) == 0)
			P("In the funnel plot each point is an agency; the solid line is the partnership's "
			  "rate and the dashed and dotted lines the 95%% and 99.8%% limits around it (exact "
			  "Poisson limits for the agency's activity). A point below a lower limit raised "
			  "fewer escalations than its activity would predict.\n\n");
		for (int i = 0; i < m->n_funnel; i++) {
			const struct m_funnel *f = &m->funnel[i];

			if (strcmp(f->level, "none") == 0)
				continue;
			flagged++;
			P("- **");
			md_escape(r->out, report_agency_name(r, f->agency));
			if (hid[i])
				P("** raised fewer escalations than the %.1f expected from its activity (%.0f "
				  "%s): level *%s*.\n", f->expected, f->activity, m->measure, f->level);
			else
				P("** raised %ld escalation%s against %.1f expected from its activity (%.0f %s): "
				  "level *%s* (p = %.3g).\n", f->raised, f->raised == 1 ? "" : "s", f->expected,
				  f->activity, m->measure, f->level, f->p_low);
		}
		if (flagged)
			P("\n");
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
		P("**Monthly trend** (escalations raised per month over %d months, XmR chart as NHS "
		  "England's *Making Data Count*): mean %.1f a month, process limits %.1f to %.1f%s. ",
		  m->n_month, m->spc_mean, m->spc_lcl, m->spc_ucl,
		  m->spc_provisional ? " (provisional: fewer than 12 months of data)" : "");
		if (m->spc_rules) {
			int first = 1;

			P("Signals: ");
			for (int k = 0; k < STATS_SPC_NRULES; k++)
				if (m->spc_rules & STATS_SPC_BIT(k)) {
					P("%s%s", first ? "" : ", ", stats_spc_rule_name(k));
					first = 0;
				}
			P(".");
			if (m->spc_rules & (STATS_SPC_BIT(STATS_SPC_RUN_BELOW) | STATS_SPC_BIT(STATS_SPC_TREND_DOWN) |
					    STATS_SPC_BIT(STATS_SPC_TWO_OF_THREE_LOW)))
				P(" The monthly count has shifted down: ask whether challenge has fallen away.");
			P("\n\n");
		} else {
			P("No special-cause variation: the monthly count varies within its usual range.\n\n");
		}
		report_chart_spc(r);
	}
}

void sec_forum_cases(struct report *r, const struct report_forum *f)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_forum_cases");
	struct tab *t;
	char buf[300], title[400];
	long n = 0, open = 0, resolved = 0, withdrawn = 0;

	snprintf(title, sizeof(title), "Escalations that reached %s", report_stage_label(r, f->stage, buf, sizeof(buf)));
	t = tab_new("forum_cases", title,
		    "Escalations that had reached this stage or above by the as-of date and were open at "
		    "some time in the period, by their short pseudonymous reference; days are working "
		    "days from raising to closure, or to the end of the period while open.");
	tab_col(t, "Ref", TAB_TEXT);
	tab_col(t, "Raised by", TAB_TEXT);
	tab_col(t, "Raised with", TAB_TEXT);
	tab_col(t, "Theme", TAB_TEXT);
	tab_col(t, "Raised on", TAB_TEXT);
	tab_col(t, "Stage", TAB_COUNT);
	tab_col(t, "Status", TAB_TEXT);
	tab_col(t, "Working days", TAB_COUNT);
	metrics_bind_period(st, r->id, &r->period);
	sqlite3_bind_int(st, 6, f->stage);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *status = (const char *)sqlite3_column_text(st, 6);

		n++;
		if (!strcmp(status, "open"))
			open++;
		else if (!strcmp(status, "resolved"))
			resolved++;
		else
			withdrawn++;
		tab_row(t);
		tab_text(t, (const char *)sqlite3_column_text(st, 0));
		tab_text(t, report_agency_name(r, (const char *)sqlite3_column_text(st, 1)));
		tab_text(t, report_agency_name(r, (const char *)sqlite3_column_text(st, 2)));
		tab_text(t, (const char *)sqlite3_column_text(st, 3));
		tab_text(t, (const char *)sqlite3_column_text(st, 4));
		tab_count(t, sqlite3_column_int(st, 5));
		tab_text(t, status);
		tab_count(t, sqlite3_column_int(st, 8));
	}
	sqlite3_finalize(st);
	if (small(r, n))
		P("Escalations at this stage or above during the period: <%d.\n\n", r->suppress);
	else if (small(r, open) || small(r, resolved) || small(r, withdrawn))
		/* one hidden part of a shown total would give itself away */
		P("Escalations at this stage or above during the period: %ld (their split by status "
		  "is not shown: small numbers).\n\n", n);
	else
		P("Escalations at this stage or above during the period: %ld; open at its end: %ld; "
		  "resolved: %ld; withdrawn: %ld.\n\n", n, open, resolved, withdrawn);
	/* Those the forum could not resolve go on (GSCP: to the Executive
	 * chair; P&K: the CSWO to the CPC / COG). */
	if (f->reports_to[0] && n && !small(r, n) && !small(r, open)) {
		P("Still unresolved at the end of the period, for onward referral to ");
		md_escape(r->out, f->reports_to);
		P(": %ld.\n\n", open);
	}
	if (r->public_ || n == 0) {
		if (r->public_ && n)
			P("(The list of escalations is left out of the public version of this paper.)\n\n");
		tab_free(t);
		return;
	}
	/* Case-level list: no disclosure control on identifiers, and the
	 * counts in it are stages and days, not people. */
	report_emit(r, t);
	tab_free(t);
}

void sec_data_quality(struct report *r)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_quality");
	long rejected = 0, reconciled = 0, conflicted = 0;
	int first = 1;
	char a[32], b[32];

	metrics_bind_period(st, r->id, &r->period);
	if (sqlite3_step(st) == SQLITE_ROW) {
		rejected = sqlite3_column_int64(st, 0);
		reconciled = sqlite3_column_int64(st, 1);
		conflicted = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	P("## Data quality\n\n");
	P("- Rows quarantined by the loads of this partnership's logs: %ld (listed by `oversight "
	  "rejects`; not counted in any figure).\n", rejected);
	P("- Escalations raised in the period that two agencies both logged, counted once: %s; of "
	  "these, %s have sources that disagree on a detail (listed by `oversight check`; the "
	  "earliest dates, every stage either reached and a closure by either are used).\n",
	  count_words(r, reconciled, a, sizeof(a)), count_words(r, conflicted, b, sizeof(b)));
	st = wh_prepare(r->w, "r_agency_silent_sources");
	metrics_bind_period(st, r->id, &r->period);
	while (sqlite3_step(st) == SQLITE_ROW) {
		P("%s", first ? "- Agencies with no escalation raised by or with them in the period "
				"(check that their log was sent): " : ", ");
		md_escape(r->out, (const char *)sqlite3_column_text(st, 1));
		first = 0;
	}
	sqlite3_finalize(st);
	if (!first)
		P(".\n");
	P("- Excluded: rows rejected at load, and anything recorded after the as-of date.\n\n");
}

void sec_notes(struct report *r)
{
	if (!r->nnote && !r->protocol_principle[0])
		return;
	P("## Notes on the protocol\n\n");
	if (r->protocol_principle[0]) {
		P("- The protocol: \"");
		md_escape(r->out, r->protocol_principle);
		P("\"\n");
	}
	for (int i = 0; i < r->nnote; i++) {
		P("- ");
		md_escape(r->out, r->note[i]);
		P("\n");
	}
	P("\n");
}
