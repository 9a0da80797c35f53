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
#include "share.h"
#include "stats.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* A count --suppress hides. */
static int small(const struct report *r, long n)
{
	return tab_small(r->suppress, n);
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

void sec_headline(struct report *r)
{
	struct metrics *m = r->m, *p = r->prev;
	char buf[300];

	P("## Headline figures\n\n");
	report_headline_table(r); /* report_headline.c */
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
			P("Timescales: of the stage deadlines that fell due in the period, %s were "
			  "breached.\n\n", share_text(breached, met + breached, 1, buf, sizeof(buf)));
	} else {
		P("Timescales: no timescale set (the protocol sets none and no local target is "
		  "recorded).\n\n");
	}
}

void sec_agencies(struct report *r)
{
	struct tab *t = tab_new("agencies", "Raised and received by agency",
				"Escalations raised in the period, counted under the agency that raised "
				"them and under the agency they were raised with (within-agency "
				"disagreements count under both).");
	P("## Agencies\n\n");
	tab_col(t, "Agency", TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	tab_col(t, "Received", TAB_COUNT);
	for (int i = 0; i < r->nagency; i++) {
		long raised = 0, received = 0;

		for (int j = 0; j < r->m->n_agency; j++)
			if (strcmp(r->m->agency[j].id, r->agency[i]) == 0) {
				raised = r->m->agency[j].a;
				received = r->m->agency[j].b;
			}
		tab_row(t);
		tab_text(t, r->agency_name[i]);
		tab_count(t, raised);
		tab_count(t, received);
	}
	tab_total(t, "Total");
	report_put(r, t);
	report_chart_agencies(&r->cc, r->out, t);
	tab_free(t);
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
	tab_derived(t, TAB_FROM_TABLE); /* shares would reveal hidden counts */
	for (int i = 0; i < n; i++) {
		tab_row(t);
		tab_text(t, items[i].id);
		tab_count(t, items[i].a);
		tab_share(t, items[i].a, r->m->raised);
	}
	tab_total(t, "Total");
	report_put(r, t);
	report_chart_themes(&r->cc, r->out, t);
	tab_free(t);
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

/* The subject table's sentence: what the paper counts, and where a
 * partnership that reports adults apart from children gives each. */
static void subjects_def(const struct report *r, char *def, size_t cap)
{
	size_t n;

	if (r->period.subject) {
		snprintf(def, cap, "Escalations raised in the period by subject: this paper counts only "
			 "escalations about %s.", report_subject_words(r->period.subject, 0));
		return;
	}
	if (!r->adults_apart) {
		snprintf(def, cap, "Escalations raised in the period by subject (child, unborn child, "
			 "adult, none).");
		return;
	}
	n = (size_t)snprintf(def, cap, "Escalations raised in the period by subject; this partnership "
			     "covers adults as well as children");
	/* "..., and reports them apart in the papers for the NEL SAB Chair
	 * (adults) and the NEL SCP Chair (children and unborn children)." */
	for (int i = 0, k = 0; i < r->nforum && n < cap; i++) {
		const struct report_forum *f = &r->forum[i];

		if (!f->subject)
			continue;
		n += (size_t)snprintf(def + n, cap - n, "%s the %s (%s)",
				      k++ ? " and" : ", and reports them apart in the papers for", f->name,
				      report_subject_words(f->subject, 0));
	}
	if (n < cap)
		snprintf(def + n, cap - n, ".");
}

void sec_subjects(struct report *r)
{
	char def[1024];

	P("## Who the disagreements were about\n\n");
	subjects_def(r, def, sizeof(def));
	simple_items(r, "subjects", "Subject", def, "Subject", r->m->subject, r->m->n_subject);
}

void sec_categories(struct report *r)
{
	simple_items(r, "categories", "Category",
		     "Escalations raised in the period by category: case disagreements, policy challenges, "
		     "and differences reported by the Independent Reviewing Unit.",
		     "Category", r->m->category, r->m->n_category);
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
	struct tab *t = tab_new("open_by_age", "Open escalations by age",
				"Escalations open at the end of the period (raised by then and not "
				"closed by then), by working days since they were raised.");

	P("## Open escalations at the end of the period\n\n");
	tab_col(t, "Age", TAB_TEXT);
	tab_col(t, "Open", TAB_COUNT);
	report_query(r, "r_open_age", t);
	tab_total(t, "Total");
	report_put(r, t);
	report_chart_open_age(&r->cc, r->out, t);
	tab_free(t);
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
		P("Of the escalations resolved in the period, %s were resolved at stage 1 or 2.\n\n",
		  share_text(low, all, 0, buf, sizeof(buf)));
}

void sec_learning(struct report *r)
{
	struct tab *t = tab_new("learning", "",
				"Escalations closed in the period for which learning was identified, "
				"grouped by the learning recorded (never shown beside a case).");
	int rows;

	P("## Learning identified\n\n");
	tab_col(t, "Learning", TAB_TEXT);
	tab_col(t, "Escalations", TAB_COUNT);
	rows = report_query(r, "r_learning", t);
	tab_total(t, "Total");
	report_table(r, t);
	if (!rows)
		P("No learning was recorded for escalations closed in the period.\n\n");
}

void sec_data_quality(struct report *r)
{
	sqlite3_stmt *st = report_prepare(r, "r_quality");
	long rejected = 0, reconciled = 0, conflicted = 0;
	int first = 1;
	char a[32], b[32];

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
	st = report_prepare(r, "r_agency_silent_sources");
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
