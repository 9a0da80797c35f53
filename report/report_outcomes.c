/*
 * report_outcomes.c - outcomes, feedback, informal resolution, immediate
 * risk, repeat disagreements and time in each stage, as the papers show
 * them: see report_outcomes.h.  Definitions: DESIGN.md "Outcome",
 * "Informal resolution", "Time in stage".
 *
 * Every count goes through a table (disclosure control: report_table())
 * or through shown() below, which writes "<N" for a count --suppress
 * hides; every share through share_text() (a denominator under 5 is shown
 * as its counts); a median over fewer escalations than --suppress is not
 * shown.  "Not recorded" is always shown, with its count.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "report.h"
#include "report_outcomes.h"
#include "share.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

static const char *const outcome_label[MO_NOUTCOME] = {
	"Changed (the decision or plan challenged was changed)",
	"Partly changed",
	"Upheld (the decision or plan stood)",
	"Not recorded",
};

static const char *const outcome_head[MO_NOUTCOME] = {"Changed", "Partly", "Upheld",
						      "Not recorded"};

static int hidden(const struct report *r, long n)
{
	return tab_small(r->suppress, n);
}

/* n as a sentence shows it: "<N" when --suppress hides it. */
static const char *shown(const struct report *r, long n, char *buf, size_t cap)
{
	if (hidden(r, n))
		snprintf(buf, cap, "<%d", r->suppress);
	else
		snprintf(buf, cap, "%ld", n);
	return buf;
}

/* A share in a sentence, or NULL when --suppress hides its numerator or
 * the rest (the share would give them away). */
static const char *share_words(const struct report *r, long num, long den, char *buf, size_t cap)
{
	if (hidden(r, num) || hidden(r, den - num))
		return NULL;
	return share_text(num, den, 0, buf, cap);
}

#define NOT_SHOWN "not shown under disclosure control"

/* A median over n escalations: "-" when none, or when --suppress would
 * hide n. */
static double median_shown(const struct report *r, long n, double median)
{
	return n == 0 || (r->suppress >= 2 && n < r->suppress) ? NAN : median;
}

static void outcome_table(struct report *r, const struct m_outcomes *o)
{
	struct tab *t = tab_new("outcomes", "Outcomes",
				"Escalations resolved in the period, by outcome: whether the decision "
				"or plan challenged was changed. Not recorded: the agency's log gives "
				"no outcome.");

	tab_col(t, "Outcome", TAB_TEXT);
	tab_col(t, "Resolved", TAB_COUNT);
	for (int k = 0; k < MO_NOUTCOME; k++) {
		tab_row(t);
		tab_text(t, outcome_label[k]);
		tab_count(t, o->outcome[k]);
	}
	tab_total(t, "Total");
	report_table(r, t);
}

static void outcome_by_stage(struct report *r, const struct m_outcomes *o)
{
	struct tab *t = tab_new("outcomes_by_stage", "Outcomes by highest stage reached",
				"Escalations resolved in the period, by the highest stage they reached "
				"and their outcome.");
	char buf[300];

	tab_col(t, "Highest stage reached", TAB_TEXT);
	for (int k = 0; k < MO_NOUTCOME; k++)
		tab_col(t, outcome_head[k], TAB_COUNT);
	for (int s = r->part->has_pre_stage ? 0 : 1; s <= r->last_stage; s++) {
		tab_row(t);
		tab_text(t, report_stage_row(r, s, buf, sizeof(buf)));
		for (int k = 0; k < MO_NOUTCOME; k++)
			tab_count(t, o->by_stage[s][k]);
	}
	tab_total(t, "Total");
	report_table(r, t);
}

static void outcome_by_pair(struct report *r, const struct m_outcomes *o)
{
	struct tab *t = tab_new("outcomes_by_pair", "Outcomes by agencies",
				"Escalations resolved in the period, by the agency that raised them, "
				"the agency they were raised with, and their outcome.");
	int rows = 0;

	tab_col(t, "Raised by", TAB_TEXT);
	tab_col(t, "Raised with", TAB_TEXT);
	for (int k = 0; k < MO_NOUTCOME; k++)
		tab_col(t, outcome_head[k], TAB_COUNT);
	for (int i = 0; i < o->n_pair; i++) {
		const struct mo_pair *q = &o->pair[i];
		long n = 0;

		for (int k = 0; k < MO_NOUTCOME; k++)
			n += q->outcome[k];
		if (!n)
			continue;
		tab_row(t);
		tab_text(t, report_agency_name(r, q->by));
		tab_text(t, report_agency_name(r, q->with));
		for (int k = 0; k < MO_NOUTCOME; k++)
			tab_count(t, q->outcome[k]);
		rows++;
	}
	tab_total(t, "Total");
	if (rows)
		report_table(r, t);
	else
		tab_free(t);
}

static void outcome_words(struct report *r, const struct m_outcomes *o)
{
	char a[64], b[64], c[96];
	const char *sh;

	/* the two parts of a total: hiding one hides the other */
	if (hidden(r, o->recorded) || hidden(r, o->outcome[MO_NOT_RECORDED]))
		P("Of the %s resolved escalations, how many have an outcome recorded and how many have "
		  "**none recorded** is %s.", shown(r, o->resolved, a, sizeof(a)), NOT_SHOWN);
	else
		P("Of the %s resolved escalation%s, %s %s an outcome recorded and %s %s **none "
		  "recorded**.", shown(r, o->resolved, a, sizeof(a)), o->resolved == 1 ? "" : "s",
		  shown(r, o->recorded, b, sizeof(b)), o->recorded == 1 ? "has" : "have",
		  shown(r, o->outcome[MO_NOT_RECORDED], c, sizeof(c)),
		  o->outcome[MO_NOT_RECORDED] == 1 ? "has" : "have");
	sh = share_words(r, o->outcome[MO_CHANGED] + o->outcome[MO_PARTLY], o->recorded, c, sizeof(c));
	if (o->recorded && sh)
		P(" Where it is recorded, the decision or plan challenged was changed, in whole or in "
		  "part, in %s.", sh);
	else if (o->recorded)
		P(" Where it is recorded, the share changed in whole or in part is %s.", NOT_SHOWN);
	P("\n\n");
	if (!o->resolved)
		return;
	if (!o->fb_n) {
		P("Feedback: no resolved escalation has a record of the practitioner who raised it being "
		  "told the outcome.\n\n");
		return;
	}
	sh = share_words(r, o->fb_n, o->resolved, c, sizeof(c));
	if (sh)
		P("Feedback: the practitioner who raised the disagreement was recorded as told the "
		  "outcome for %s of the resolved escalations", sh);
	else
		P("Feedback: the share of resolved escalations whose practitioner was recorded as told "
		  "the outcome is %s", NOT_SHOWN);
	if (!isnan(median_shown(r, o->fb_n, o->fb_median)))
		P(", a median of %.1f working days after it was resolved", o->fb_median);
	P(".\n\n");
}

/* Informal resolution, apart from the stage ladder; the share resolved
 * at the lowest stages (informally or at stage 1). */
static void informal_words(struct report *r, const struct m_outcomes *o)
{
	char a[64], b[96];
	long low = o->resolved_informally + r->m->resolved_at_stage[1];

	if (r->part->has_pre_stage) {
		P("Resolved informally, before stage 1 (the protocol's \"");
		md_escape(r->out, r->part->stage[0].name);
		P("\"): %s of the resolved escalations; they are counted in the figures raised, by "
		  "agency and by theme, and kept apart from the stages.", shown(r, o->resolved_informally,
									a, sizeof(a)));
		if (o->resolved)
			P(" Resolved informally or at stage 1, the lowest stages: %s.",
			  share_words(r, low, o->resolved, b, sizeof(b)) ? b : NOT_SHOWN);
		P("\n\n");
		P("Escalations that entered the step before stage 1 in the period: %s.\n\n",
		  shown(r, o->entered_informally, a, sizeof(a)));
	} else if (o->resolved) {
		P("Resolved at stage 1, the lowest stage, of the resolved escalations: %s.\n\n",
		  share_words(r, low, o->resolved, b, sizeof(b)) ? b : NOT_SHOWN);
	}
}

static void risk_and_repeats(struct report *r, const struct m_outcomes *o)
{
	char a[64], b[64], c[64], day[32];

	P("Immediate risk: %s escalations raised in the period were recorded as concerning a child "
	  "or adult thought to be at immediate risk", shown(r, o->risk_n, a, sizeof(a)));
	if (o->risk_n)
		P("; %s of them reached their first stage on the working day they were raised",
		  shown(r, o->risk_same_day, b, sizeof(b)));
	P(".\n\n");
	P("Repeat disagreements in the twelve months to %s: cases with two or more escalations, "
	  "%s; pairs of agencies that disagreed two or more times about the same case, %s.\n\n",
	  date_words(metrics_end(&r->period), day, sizeof(day)), shown(r, o->repeat_cases, a, sizeof(a)),
	  shown(r, o->repeat_pairs, c, sizeof(c)));
}

void sec_outcomes(struct report *r)
{
	const struct m_outcomes *o = &r->m->outcomes;

	P("## Outcomes: did challenge change anything?\n\n");
	outcome_table(r, o);
	outcome_words(r, o);
	if (o->resolved) {
		outcome_by_stage(r, o);
		outcome_by_pair(r, o);
	}
	informal_words(r, o);
	risk_and_repeats(r, o);
}

void sec_time_in_stage(struct report *r)
{
	const struct m_outcomes *o = &r->m->outcomes;
	struct tab *t = tab_new("time_in_stage", "",
				"Each stage completed in the period, whenever it was entered: the "
				"median working days from entering the stage to completing it (moving "
				"to a higher stage, or being closed at it).");
	char buf[300];

	P("## Time in each stage\n\n");
	tab_col(t, "Stage", TAB_TEXT);
	tab_col(t, "Completed", TAB_COUNT);
	tab_col(t, "Median working days", TAB_NUMBER);
	for (int s = r->part->has_pre_stage ? 0 : 1; s <= r->last_stage; s++) {
		tab_row(t);
		tab_text(t, report_stage_row(r, s, buf, sizeof(buf)));
		tab_count(t, o->tis_n[s]);
		tab_number(t, median_shown(r, o->tis_n[s], o->tis_median[s]));
	}
	report_table(r, t);
	/* named only where its median is shown (disclosure control) */
	if (report_longest_wait(r, buf, sizeof(buf), NULL) == 0) {
		int s = metrics_longest_wait(o, NULL);

		if (!isnan(median_shown(r, o->tis_n[s], o->tis_median[s]))) {
			P("Escalations waited longest at ");
			md_escape(r->out, buf);
			P(" (a median of %.1f working days).\n\n", o->tis_median[s]);
		}
	}
}

void sec_agency_time_in_stage(struct report *r)
{
	const struct m_outcomes *o = &r->m->outcomes;
	struct tab *t = tab_new("agency_time_in_stage", "",
				"Stages completed in the period of escalations this agency raised or "
				"received, by the agency that raised them and the agency they were "
				"raised with: the median working days from entering a stage to "
				"completing it.");
	int rows = 0;

	P("## Time in each stage\n\n");
	tab_col(t, "Raised by", TAB_TEXT);
	tab_col(t, "Raised with", TAB_TEXT);
	tab_col(t, "Stages completed", TAB_COUNT);
	tab_col(t, "Median working days", TAB_NUMBER);
	for (int i = 0; i < o->n_pair; i++) {
		const struct mo_pair *q = &o->pair[i];

		if (!q->tis_n || (strcmp(q->by, r->agency_id) && strcmp(q->with, r->agency_id)))
			continue;
		tab_row(t);
		tab_text(t, report_agency_name(r, q->by));
		tab_text(t, report_agency_name(r, q->with));
		tab_count(t, q->tis_n);
		tab_number(t, median_shown(r, q->tis_n, q->tis_median));
		rows++;
	}
	if (rows)
		report_table(r, t);
	else {
		tab_free(t);
		P("No stage of an escalation this agency raised or received was completed in the "
		  "period.\n\n");
	}
}

int report_longest_wait(const struct report *r, char *name, size_t cap, double *median)
{
	double m = NAN;
	int s = metrics_longest_wait(&r->m->outcomes, &m);

	if (cap)
		name[0] = '\0';
	if (s < 0)
		return -1;
	if (s == 0)
		snprintf(name, cap, "the step before stage 1 (%s)", r->part->stage[0].name);
	else
		report_stage_label(r, s, name, cap);
	if (median)
		*median = m;
	return 0;
}
