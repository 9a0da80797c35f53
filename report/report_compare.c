/*
 * report_compare.c - the regional paper (oversight report compare):
 * several partnerships side by side, each named, on the same footing
 * (compare.h).  A partnership whose period no agency's log covers is
 * named at the top and left out of every table that compares.
 *
 * The paper speaks of levels (practitioners ... partnership forum), the
 * canonical tiers' names, never of tiers.
 */
#include <math.h>
#include <string.h>

#include "compare.h"
#include "core/date.h"
#include "report.h"
#include "share.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

static const char *pname(const struct compare_one *o)
{
	return o->part->name;
}

/* Who is in the paper, and who is left out for want of a log. */
static void cmp_intro(struct report *r)
{
	const struct compare *c = r->cmp;
	char day[48], latest[48];
	int missing = 0;

	P("## Side by side\n\n");
	if (c->n == 1)
		P("This paper shows one partnership: ");
	else
		P("This paper sets %d partnerships side by side: ", c->n);
	for (int i = 0; i < c->n; i++) {
		P("%s", i == 0 ? "" : i == c->n - 1 ? " and " : ", ");
		md_escape(r->out, pname(&c->one[i]));
	}
	P(". Each partnership has its own protocol and stage names; here each stage is matched "
	  "to the level of who holds it (from practitioners to the partnership forum), and "
	  "escalations are set against activity (%s), so that partnerships of different sizes "
	  "can be read together.\n\n", r->measure);
	for (int i = 0; i < c->n; i++)
		if (!c->one[i].missing && ref_covers_subject(c->one[i].part, "adult")) {
			md_escape(r->out, pname(&c->one[i]));
			P(" oversees disagreements about adults as well as children: its figures here "
			  "count both.\n\n");
		}
	date_words(r->period.as_of, day, sizeof(day));
	for (int i = 0; i < c->n; i++) {
		const struct compare_one *o = &c->one[i];
		int d;

		if (!o->missing)
			continue;
		P("%s", missing++ ? "" : "**Left out for want of data:**\n\n");
		P("- **");
		md_escape(r->out, pname(o));
		if ((d = date_of_text(o->latest)) != DATE_NONE)
			P("**: no agency's log runs to %s (the latest was exported on %s).\n", day,
			  date_words(d, latest, sizeof(latest)));
		else
			P("**: no agency's log has been received.\n");
	}
	if (missing)
		P("\nA partnership left out is not compared: its figures would be incomplete.\n\n");
	if (compare_present(c) == 0)
		P("> **Warning: incomplete data.** No partnership's logs cover this period, so "
		  "nothing is compared.\n\n");
}

/* Whose logs are in, for every partnership named. */
static void cmp_logs(struct report *r)
{
	const struct compare *c = r->cmp;
	struct tab *t = tab_new("logs", "Whose logs are in",
				"For each partnership: its agencies whose logs run to the as-of date "
				"or later, and the date of the most recent log received.");
	char buf[64];

	tab_col(t, "Partnership", TAB_TEXT);
	tab_col(t, "Agencies with a log covering the period", TAB_TEXT);
	tab_col(t, "Most recent log exported", TAB_TEXT);
	for (int i = 0; i < c->n; i++) {
		const struct compare_one *o = &c->one[i];
		int d;

		tab_row(t);
		tab_text(t, pname(o));
		snprintf(buf, sizeof(buf), "%d of %d", o->covered, o->m->n_coverage);
		tab_text(t, buf);
		if ((d = date_of_text(o->latest)) != DATE_NONE)
			tab_text(t, date_words(d, buf, sizeof(buf)));
		else
			tab_text(t, "no log");
	}
	report_table(r, t);
}

/* A partnership whose protocol has no stage at head of service or
 * director level reaches "head of service or higher" only at its forum:
 * say so, or its share reads as escalations stopping short. */
static void high_note(struct report *r)
{
	const struct compare *c = r->cmp;

	for (int i = 0; i < c->n; i++) {
		const struct ref_partnership *p = c->one[i].part;
		int mid = 0, top = 0;

		if (c->one[i].missing)
			continue;
		for (int s = 1; s <= p->last_stage && s <= MODEL_STAGES; s++) {
			mid |= p->stage[s].tier >= COMPARE_HIGH_TIER && p->stage[s].tier < COMPARE_TIERS - 1;
			top |= p->stage[s].tier == COMPARE_TIERS - 1;
		}
		if (mid)
			continue;
		md_escape(r->out, p->name);
		P(top ? "'s protocol has no stage held at head of service or director level: its "
			"share counts the escalations that reached its partnership forum stage.\n\n"
		      : "'s protocol has no stage held at head of service level or higher.\n\n");
	}
}

/* Raised, per 1,000 of activity, and the share reaching head of service
 * or higher, with the partnerships together in the total row. */
static void cmp_figures(struct report *r)
{
	const struct compare *c = r->cmp;
	struct tab *t;
	char def[700], col[128];
	long hn = 0, hd = 0, x = 0;
	double n = 0;

	snprintf(def, sizeof(def),
		 "Escalations raised in the period; activity (%s) of the agencies whose logs cover "
		 "the period; escalations those agencies raised per 1,000 of it; and of the "
		 "escalations raised in the period, those that had reached the head of service or "
		 "senior manager level or higher by the as-of date.", r->measure);
	t = tab_new("figures", "Escalations and activity", def);
	tab_col(t, "Partnership", TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	snprintf(col, sizeof(col), "Activity (%s)", r->measure);
	tab_col(t, col, TAB_COUNT);
	snprintf(col, sizeof(col), "Raised per 1,000 %s", r->measure);
	tab_col(t, col, TAB_NUMBER);
	tab_derived(t, TAB_COL(1) | TAB_COL(2));
	tab_col(t, "Reached head of service or higher", TAB_RATE);
	tab_derived(t, TAB_COL(1));
	for (int i = 0; i < c->n; i++) {
		const struct compare_one *o = &c->one[i];

		if (o->missing)
			continue;
		tab_row(t);
		tab_text(t, pname(o));
		tab_count(t, o->m->raised);
		tab_count(t, (long)o->n);
		tab_number(t, o->n > 0 ? 1000.0 * (double)o->x / o->n : NAN);
		tab_share(t, o->high_num, o->high_den);
		x += o->x;
		n += o->n;
		hn += o->high_num;
		hd += o->high_den;
	}
	tab_total(t, "All partnerships compared");
	/* The total row: the partnerships together, each figure over their sums. */
	t->rows[t->total_row][3].value = n > 0 ? 1000.0 * (double)x / n : NAN;
	t->rows[t->total_row][3].empty = 0;
	tab_cell_share(&t->rows[t->total_row][4], hn, hd);
	t->rows[t->total_row][4].empty = 0;
	report_table(r, t);
	high_note(r);
}

/* A breach rate of one source of timescales, or why there is none.  No
 * column shows its counts, so disclosure control (--suppress n) leaves it
 * blank where it would give a count from 1 to n - 1 away: the breached, or
 * the stages due ("1 of 2"). */
static void breach_cell(struct tab *t, int has, long met, long breached, int suppress)
{
	if (!has) {
		tab_note(t, "no timescale set");
	} else if (met + breached == 0) {
		tab_note(t, "none due");
	} else {
		tab_share(t, breached, met + breached);
		if (tab_small(suppress, breached) || tab_small(suppress, met + breached))
			t->rows[t->nrow - 1][t->cur - 1].empty = 1;
	}
}

static void cmp_timescales(struct report *r)
{
	const struct compare *c = r->cmp;
	struct tab *t = tab_new("timescales", "Timescales, resolution and overdue",
				"Breach rate: of the stages with a timescale whose deadline fell in "
				"the period, the share completed late or not at all, for the "
				"protocol's own timescales and for local targets apart. Resolution: "
				"escalations resolved in the period and the median working days from "
				"raising to resolution. Overdue now: escalations open at the as-of "
				"date past the deadline of their current stage.");

	tab_col(t, "Partnership", TAB_TEXT);
	tab_col(t, "Breach rate, protocol timescales", TAB_RATE);
	tab_col(t, "Breach rate, local targets", TAB_RATE);
	tab_col(t, "Resolved", TAB_COUNT);
	tab_col(t, "Median working days to resolution", TAB_NUMBER);
	tab_derived(t, TAB_COL(3));
	tab_col(t, "Overdue now", TAB_COUNT);
	for (int i = 0; i < c->n; i++) {
		const struct compare_one *o = &c->one[i];

		if (o->missing)
			continue;
		tab_row(t);
		tab_text(t, pname(o));
		breach_cell(t, o->has_protocol, o->prot_met, o->prot_breached, r->suppress);
		breach_cell(t, o->has_local, o->local_met, o->local_breached, r->suppress);
		tab_count(t, o->m->res_n);
		tab_number(t, o->m->res_median);
		if (o->has_protocol || o->has_local)
			tab_count(t, o->m->overdue_n);
		else
			tab_note(t, "no timescale set");
	}
	report_table(r, t);
}

/* The funnel across partnerships: the agency funnel's table and plot, a
 * partnership in place of an agency. */
static void cmp_funnel(struct report *r)
{
	const struct compare *c = r->cmp;
	const struct metrics *m = c->funnel;
	struct tab *t;
	int drawn = -1, flagged = 0, hid[M_MAX_ITEMS] = {0};

	if (m->n_funnel == 0)
		return; /* no_activity() says why */
	t = tab_new("funnel", "Escalations against activity across partnerships",
		    "For each partnership with activity in the period: escalations raised by its "
		    "agencies whose logs cover the period, their activity, the count expected if it "
		    "escalated at the overall rate of the partnerships compared, and the Poisson "
		    "probability of raising so few (p low).");
	tab_col(t, "Partnership", TAB_TEXT);
	report_funnel_rows(r, t, m, hid);
	P("Method: each partnership's expected count is its activity times the overall rate of the "
	  "partnerships compared (escalations raised ÷ activity); *alert* when the Poisson "
	  "probability of raising that few is below 0.001, *watch* below 0.025.\n\n");
	drawn = report_chart_funnel(&r->cc, r->out, m, t, r->nagency, r->agency, r->agency_name);
	tab_free(t);
	if (drawn == 0)
		P("In the funnel plot each point is a partnership; the solid line is the overall rate "
		  "and the dashed and dotted lines the 95%% and 99.8%% limits around it.\n\n");
	flagged = report_funnel_flags(r, m, hid, NULL, 0);
	if (flagged)
		P("\n");
}

/* The partnerships left out of the funnel for want of activity. */
static void no_activity(struct report *r)
{
	const struct compare *c = r->cmp;
	int n = 0;

	for (int i = 0; i < c->n; i++) {
		const struct compare_one *o = &c->one[i];

		if (o->missing || o->in_funnel)
			continue;
		P("%s", n++ ? "; " : "No activity (");
		if (n == 1)
			P("%s) was reported for: ", r->measure);
		md_escape(r->out, pname(o));
	}
	if (n)
		P(". These partnerships are not in the funnel.\n\n");
}

/* One partnership's stages at a level: "Stage 3: Formal Dispute
 * Procedure (4)", several joined by "; ", "-" when it has none. */
static void ladder_cell(struct report *r, const struct compare_one *o, int tier, char *buf,
			size_t cap)
{
	size_t used = 0;
	char label[300], n[32];

	buf[0] = '\0';
	for (int s = 1; s <= o->part->last_stage && s <= MODEL_STAGES; s++) {
		long e = o->m->entered[s];
		int w;

		if (o->part->stage[s].tier != tier)
			continue;
		if (tab_small(r->suppress, e))
			snprintf(n, sizeof(n), "<%d", r->suppress);
		else
			snprintf(n, sizeof(n), "%ld", e);
		w = snprintf(buf + used, cap - used, "%s%s (%s)", used ? "; " : "",
			     ref_stage_label(o->part, s, label, sizeof(label)), n);
		if (w < 0 || (size_t)w >= cap - used)
			break;
		used += (size_t)w;
	}
	if (!used)
		snprintf(buf, cap, "-");
}

/* The stage ladders side by side: a row per level, a column per
 * partnership, each cell its stages at that level and how many
 * escalations entered them in the period. */
static void cmp_ladder(struct report *r)
{
	const struct compare *c = r->cmp;
	struct tab *t = tab_new("ladders", "Stage ladders side by side",
				"Each partnership's stages by the level of who holds them, with the "
				"number of escalations that entered each stage in the period (in "
				"brackets); \"-\": the protocol has no stage at that level.");
	char cell[1024];

	if (compare_present(c) == 0) {
		tab_free(t);
		return;
	}
	tab_col(t, "Level", TAB_TEXT);
	for (int i = 0; i < c->n; i++)
		if (!c->one[i].missing)
			tab_col(t, c->one[i].part->short_name[0] ? c->one[i].part->short_name
								  : pname(&c->one[i]), TAB_TEXT);
	for (int tier = 0; tier < COMPARE_TIERS; tier++) {
		tab_row(t);
		tab_text(t, compare_tier_name(tier));
		for (int i = 0; i < c->n; i++) {
			if (c->one[i].missing)
				continue;
			ladder_cell(r, &c->one[i], tier, cell, sizeof(cell));
			tab_text(t, cell);
		}
	}
	report_table(r, t);
	P("Short names: ");
	for (int i = 0, k = 0; i < c->n; i++) {
		const struct compare_one *o = &c->one[i];

		if (o->missing || !o->part->short_name[0])
			continue;
		P("%s", k++ ? "; " : "");
		md_escape(r->out, o->part->short_name);
		P(", ");
		md_escape(r->out, pname(o));
	}
	P(".\n\n");
}

static void cmp_compared(struct report *r)
{
	if (compare_present(r->cmp) == 0)
		return;
	cmp_figures(r);
	cmp_timescales(r);
	cmp_funnel(r);
	no_activity(r);
	cmp_ladder(r);
}

int report_compare(struct report *r)
{
	static void (*const sections[])(struct report *) = {cmp_intro, cmp_logs, cmp_compared, NULL};
	static const struct paper p = {
		.subtitle = "Partnerships side by side",
		.subtitle_quarter = "Partnerships side by side",
		.sections = sections,
	};

	paper_write(r, "Escalations across partnerships", &p);
	return 0;
}
