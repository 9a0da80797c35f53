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

/* The figures the front page leaves out, against the earlier periods;
 * the median resolution time and the breach rate are on the front page. */
void sec_headline(struct report *r)
{
	P("## Against earlier periods\n\n");
	report_headline_table(r); /* report_headline.c */
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
	/* most frequent first, then by the name the reader sees */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && (items[j].a > items[j - 1].a ||
					  (items[j].a == items[j - 1].a &&
					   strcmp(report_theme_name(r, items[j].id),
						  report_theme_name(r, items[j - 1].id)) < 0)); j--) {
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
		tab_text_id(t, report_theme_name(r, items[i].id), items[i].id);
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

/* A table of counts raised by item, each under its name (name(id)); with
 * every id of all[] listed, a zero where none was raised. */
static void simple_items(struct report *r, const char *name, const char *title, const char *def,
			 const char *col, const struct m_item *it, int n,
			 const char *(*label)(const char *id), const char *const *all)
{
	struct tab *t = tab_new(name, title, def);

	tab_col(t, col, TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	for (int k = 0; all && all[k]; k++) {
		long a = 0;

		for (int i = 0; i < n; i++)
			if (strcmp(it[i].id, all[k]) == 0)
				a = it[i].a;
		tab_row(t);
		tab_text_id(t, label(all[k]), all[k]);
		tab_count(t, a);
	}
	for (int i = 0; !all && i < n; i++) {
		tab_row(t);
		tab_text_id(t, label(it[i].id), it[i].id);
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
			 "adult, or not about an individual).");
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
	simple_items(r, "subjects", "Subject", def, "Subject", r->m->subject, r->m->n_subject,
		     report_subject_name, NULL);
}

void sec_categories(struct report *r)
{
	simple_items(r, "categories", "Category",
		     "Escalations raised in the period by category: case disagreements, policy challenges, "
		     "and differences reported by the Independent Reviewing Unit.",
		     "Category", r->m->category, r->m->n_category, report_category_name, NULL);
}

void sec_categories_all(struct report *r)
{
	static const char *const all[] = {"case", "policy", "iru", NULL};

	simple_items(r, "categories", "Category",
		     "Escalations raised in the period by category: case disagreements, policy challenges, "
		     "and differences reported by the Independent Reviewing Unit; a category with none "
		     "raised is shown with 0.",
		     "Category", r->m->category, r->m->n_category, report_category_name, all);
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

/* Data quality in a board member's words; the counts to look into and
 * how are the analyst's (report_appendix.c). */
void sec_data_quality(struct report *r)
{
	struct report_quality q;
	char a[32], b[32];

	report_quality(r, &q);
	P("## Data quality\n\n");
	if (q.rejected)
		P("- %ld row%s of the agencies' logs could not be used and %s not counted in any figure; "
		  "see the analyst's appendix.\n", q.rejected, q.rejected == 1 ? "" : "s",
		  q.rejected == 1 ? "is" : "are");
	P("- Escalations raised in the period that two agencies both logged are counted once: %s",
	  count_words(r, q.reconciled, a, sizeof(a)));
	if (q.conflicted)
		P("; for %s of them the two logs differ on a detail, and the earliest dates, every stage "
		  "either reached and a closure by either are used", count_words(r, q.conflicted, b, sizeof(b)));
	P(".\n");
	P("- Excluded: rows that could not be used, and anything recorded after the as-of date.\n\n");
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
