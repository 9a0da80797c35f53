/*
 * report_timescales.c - the sections over the last eight quarters and the
 * protocol's timescales: stages entered by quarter, stage deadlines met and
 * breached, the breach rate by quarter.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

void report_quarters(struct report *r)
{
	int y, q, mm;
	struct metrics *qm;

	if (r->nquarter)
		return;
	qm = xcalloc(1, sizeof(*qm));
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
	/* DESIGN.md "Informal resolution": the step before stage 1 is shown
	 * apart, outside the stages' total and their chart. */
	for (int s = r->part->has_pre_stage ? 0 : 1; s <= r->last_stage; s++) {
		long sum = 0;

		tab_row(t);
		report_stage_row(r, s, buf, sizeof(buf));
		if (s == 0) {
			tab_aside(t);
			strncat(buf, " (not in the total)", sizeof(buf) - strlen(buf) - 1);
		}
		tab_text(t, buf);
		for (int k = 0; k < r->nquarter; k++) {
			tab_count(t, r->quarter[k].entered[s]);
			sum += r->quarter[k].entered[s];
		}
		tab_count(t, sum);
	}
	tab_total(t, "Total");
	report_put(r, t);
	report_chart_stages(&r->cc, r->out, t);
	tab_free(t);
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

	report_quarters(r);
	tab_col(t, "Quarter", TAB_TEXT);
	tab_col(t, "Due", TAB_COUNT);
	tab_col(t, "Met", TAB_COUNT);
	tab_col(t, "Breached", TAB_COUNT);
	tab_col(t, "Pending", TAB_COUNT);
	tab_col(t, "Breach rate", TAB_RATE);
	tab_derived(t, TAB_COL(1) | TAB_COL(2) | TAB_COL(3) | TAB_COL(4));
	for (int k = 0; k < r->nquarter; k++) {
		const struct report_quarter *q = &r->quarter[k];

		tab_row(t);
		tab_text(t, q->name);
		tab_count(t, q->due);
		tab_count(t, q->met);
		tab_count(t, q->breached);
		tab_count(t, q->pending);
		tab_share(t, q->breached, q->met + q->breached);
		met += q->met;
		breached += q->breached;
	}
	tab_total(t, "Total");
	t->row_total = 1; /* Due = Met + Breached + Pending */
	tab_cell_share(&t->rows[t->total_row][5], breached, met + breached);
	report_put(r, t);
	report_chart_breach(&r->cc, r->out, t);
	tab_free(t);
}

/* The figures under the protocol's other reading of stage s's timescale,
 * where it gives two; NULL when it gives one. */
static const struct m_timescale *other_reading(const struct report *r, int s)
{
	for (int i = 0; i < r->m->n_timescale_alt; i++)
		if (r->m->timescale_alt[i].stage == s)
			return &r->m->timescale_alt[i];
	return NULL;
}

/* A timed stage's cells after its label: the timescale in words (after
 * the name of its reading, where the protocol gives two), its source, and
 * its figures. */
static void timescale_cells(struct tab *t, const struct m_timescale *ts, const char *reading,
			    const char *source)
{
	char words[128], cell[200];

	kind_words(ts->kind, ts->days, words, sizeof(words));
	if (reading[0])
		snprintf(cell, sizeof(cell), "%s: %s", reading, words);
	else
		snprintf(cell, sizeof(cell), "%s", words);
	tab_text(t, cell);
	tab_text(t, source);
	tab_count(t, ts->due);
	tab_count(t, ts->met);
	tab_count(t, ts->breached);
	tab_count(t, ts->pending);
	tab_share(t, ts->breached, ts->met + ts->breached);
}

/* The timescales table: a row per stage, timed or not (and one for the
 * protocol's other reading of a stage's timescale), and the total. */
static struct tab *timescale_table(struct report *r)
{
	struct tab *t = tab_new("timescales", "",
				"Each stage with a timescale: the stage deadlines that fell due in the "
				"period, met (stage completed on or before the deadline), breached "
				"(completed after it, or not completed by the as-of date), pending; the "
				"breach rate is breached / (met + breached).");
	long due = 0, met = 0, breached = 0, pending = 0;
	char buf[300];

	tab_col(t, "Stage", TAB_TEXT);
	tab_col(t, "Timescale", TAB_TEXT);
	tab_col(t, "Source", TAB_TEXT);
	tab_col(t, "Due", TAB_COUNT);
	tab_col(t, "Met", TAB_COUNT);
	tab_col(t, "Breached", TAB_COUNT);
	tab_col(t, "Pending", TAB_COUNT);
	tab_col(t, "Breach rate", TAB_RATE);
	tab_derived(t, TAB_FROM_TABLE);
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
		timescale_cells(t, ts, other_reading(r, s) ? ts->reading : "",
				strcmp(ts->source, "local") == 0 ? "local target" : "protocol");
		due += ts->due;
		met += ts->met;
		breached += ts->breached;
		pending += ts->pending;
		if ((ts = other_reading(r, s))) {
			/* The protocol's other reading, beside the chosen one: the
			 * same stage's deadlines, not in the total. */
			tab_row(t);
			tab_aside(t);
			tab_text(t, report_stage_label(r, s, buf, sizeof(buf)));
			timescale_cells(t, ts, ts->reading, "protocol (other reading, not in the total)");
		}
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
		tab_share(t, breached, met + breached);
	} else {
		tab_note(t, "");
		tab_note(t, "");
		tab_note(t, "");
		tab_note(t, "");
		tab_note(t, "n/a");
	}
	t->total_row = t->nrow - 1;
	t->row_total = 3; /* Due = Met + Breached + Pending */
	return t;
}

/* Where the protocol gives a stage two timescales, say so under the table
 * (NEL stage 4: working day 15 in the flowchart, 11 in the supporting
 * text). */
static void readings_note(struct report *r)
{
	char label[300], a[128], b[128];

	for (int i = 0; i < r->m->n_timescale_alt; i++) {
		const struct m_timescale *alt = &r->m->timescale_alt[i], *ts = NULL;

		for (int k = 0; k < r->m->n_timescale; k++)
			if (r->m->timescale[k].stage == alt->stage)
				ts = &r->m->timescale[k];
		if (!ts)
			continue;
		report_stage_label(r, alt->stage, label, sizeof(label));
		P("The protocol gives two timescales for ");
		md_escape(r->out, label);
		P(". Its ");
		md_escape(r->out, ts->reading);
		P(": ");
		md_escape(r->out, kind_words(ts->kind, ts->days, a, sizeof(a)));
		P("; its ");
		md_escape(r->out, alt->reading);
		P(": ");
		md_escape(r->out, kind_words(alt->kind, alt->days, b, sizeof(b)));
		P(". The figures of this paper use the first; the row for the second counts the same "
		  "stage's deadlines under it, and is not in the total.\n\n");
	}
}

void sec_timescales(struct report *r)
{
	P("## Timescales\n\n");
	report_table(r, timescale_table(r));
	readings_note(r);
	if (!r->m->n_timescale) {
		P("The protocol sets no timescale for any stage.");
		if (r->timescales_note[0]) {
			P(" ");
			md_escape(r->out, r->timescales_note);
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
