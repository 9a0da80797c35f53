/*
 * report_front_region.c - the regional paper's front page and analyst's
 * appendix (oversight report compare).  Every paper opens with a front
 * page and ends with the appendix (DESIGN.md "Reports"); here the front
 * page takes the partnerships compared together, as a board report's
 * takes its agencies: their key figures summed, against the previous
 * period and the same period a year earlier, overdue now, the funnel
 * across them (the four quarters' too), the logs that are missing or out
 * of date, and a word on data quality.  The appendix gives each
 * partnership's own lines, under its name.
 *
 * The board report's pieces (report_front.c) read r->m, which a regional
 * paper does not have (report.h): the partnerships together are put there
 * for the front page, and r->id is set to each partnership in turn for
 * the data-quality figures, which are read by partnership.
 */
#include <stdlib.h>
#include <string.h>

#include "comparisons.h"
#include "compare.h"
#include "core/date.h"
#include "core/util.h"
#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

static void add_headline(struct m_headline *to, const struct m_headline *h)
{
	to->raised += h->raised;
	to->open_at_end += h->open_at_end;
	to->resolved += h->resolved;
	to->overdue_n += h->overdue_n;
}

/* The partnerships present (not left out for want of a log), taken
 * together in t: the headline counts of the period and of its two
 * comparison periods summed; n_timescale counts the partnerships with a
 * timed stage.  The number present is returned. */
static int together(const struct compare *c, struct metrics *t)
{
	int n = 0;

	memset(t, 0, sizeof(*t));
	for (int i = 0; i < c->n; i++) {
		const struct metrics *m = c->one[i].m;

		if (c->one[i].missing)
			continue;
		if (n++ == 0) {
			t->period = m->period;
			t->previous.period = m->previous.period;
			t->year_before.period = m->year_before.period;
		}
		t->raised += m->raised;
		t->open_at_end += m->open_at_end;
		t->resolved += m->resolved;
		t->overdue_n += m->overdue_n;
		add_headline(&t->previous, &m->previous);
		add_headline(&t->year_before, &m->year_before);
		t->n_timescale += m->n_timescale > 0;
	}
	return n;
}

/* The partnerships present whose stages have no timescale: none of their
 * escalations can be overdue. */
static void untimed(struct report *r)
{
	const struct compare *c = r->cmp;
	int n = 0, k = 0;

	for (int i = 0; i < c->n; i++)
		n += !c->one[i].missing && c->one[i].m->n_timescale == 0;
	for (int i = 0; i < c->n && n; i++) {
		if (c->one[i].missing || c->one[i].m->n_timescale)
			continue;
		P("%s", k == 0 ? "" : k == n - 1 ? " and " : ", ");
		md_escape(r->out, c->one[i].part->name);
		k++;
	}
	if (n)
		P(": no stage has a timescale (the protocol sets none and no local target is recorded), "
		  "so none of %s escalations can be overdue.\n\n", n == 1 ? "its" : "their");
}

static void key_figures(struct report *r, int present)
{
	const struct metrics *m = r->m;
	const struct m_headline *h0 = &m->previous, *h1 = &m->year_before;
	struct tab *t;

	report_front_periods(r);
	P(" The figures are those of the %d partnership%s compared, taken together.\n\n", present,
	  present == 1 ? "" : "s");
	t = report_front_begin(r, 0);
	report_front_counts(r, t, "Raised", m->raised, h0->raised, h1->raised);
	report_front_counts(r, t, "Open at the end of the period", m->open_at_end, h0->open_at_end,
			    h1->open_at_end);
	report_front_counts(r, t, "Resolved", m->resolved, h0->resolved, h1->resolved);
	if (m->n_timescale)
		report_front_counts(r, t, "Overdue now (open past a stage deadline)", m->overdue_n,
				    h0->overdue_n, h1->overdue_n);
	report_front_end(r, t);
	untimed(r);
}

/* The funnel across the partnerships, of the period and of the four
 * quarters ending with it (computed here: the comparison over them). */
static void signals(struct report *r)
{
	const struct compare *c = r->cmp;
	struct compare c4;
	struct period yp;
	char **ids = xcalloc((size_t)c->n + 1, sizeof(*ids));
	char words[96], lead[160];
	int year = 0;

	memset(&c4, 0, sizeof(c4));
	for (int i = 0; i < c->n; i++)
		ids[i] = (char *)c->one[i].part->id;
	if (c->funnel && c->funnel->n_funnel && comparisons_four_quarters(&r->period, &yp))
		year = compare_compute_funnel(r->w, &r->model, ids, c->n, &yp, r->measure, &c4) == 0;
	if (!report_front_funnel_any(c->funnel, NULL) && !(year && report_front_funnel_any(c4.funnel, NULL))) {
		P("**Signals that fired**: none across the partnerships compared (each partnership's "
		  "board report gives the signals among its own agencies).\n\n");
	} else {
		P("**Signals that fired** (they point to where to ask questions; they are not "
		  "findings):\n\n");
		report_front_funnel_line(r, c->funnel, NULL, "Escalations against activity in the period");
		if (year) {
			date_span_words(yp.from, yp.to, words, sizeof(words));
			snprintf(lead, sizeof(lead), "Escalations against activity over the four quarters %s",
				 words);
			report_front_funnel_line(r, c4.funnel, NULL, lead);
		}
		P("\n");
	}
	compare_free(&c4);
	free(ids);
}

/* The agencies of the partnerships present whose logs are missing or do
 * not run to the as-of date, by partnership; the partnerships left out. */
static void logs(struct report *r)
{
	const struct compare *c = r->cmp;
	int n = 0, out = 0;

	for (int i = 0; i < c->n; i++) {
		const struct metrics *m = c->one[i].m;
		int k = 0;

		if (c->one[i].missing)
			continue;
		for (int a = 0; a < m->n_coverage; a++) {
			if (m->coverage[a].covered)
				continue;
			if (k++ == 0) {
				P("%s", n++ ? "; " : "**Agency logs missing or out of date**: ");
				md_escape(r->out, c->one[i].part->name);
				P(": ");
			} else {
				P(", ");
			}
			md_escape(r->out, m->coverage[a].name);
			P(" (");
			report_coverage_words(r, &m->coverage[a]);
			P(")");
		}
	}
	if (n)
		P(". Their escalations after that date are not in the figures.\n\n");
	else if (compare_present(c))
		P("**Agency logs**: every agency's log of the partnerships compared runs to the as-of "
		  "date.\n\n");
	for (int i = 0; i < c->n; i++) {
		if (!c->one[i].missing)
			continue;
		P("%s", out++ ? "; " : "**Left out for want of data**: ");
		md_escape(r->out, c->one[i].part->name);
	}
	if (out)
		P(" (no agency's log runs to the as-of date): %s in no comparison.\n\n",
		  out == 1 ? "it is" : "they are");
}

/* Set r->id to partnership i's, its data-quality figures to q (NULL:
 * to be read), r's own kept in keep; with i < 0, put keep back. */
static void as_partnership(struct report *r, int i, const struct report_quality *q, char *keep)
{
	if (i >= 0) {
		memcpy(keep, r->id, sizeof(r->id));
		snprintf(r->id, sizeof(r->id), "%s", r->cmp->one[i].part->id);
	} else {
		memcpy(r->id, keep, sizeof(r->id));
	}
	if (q)
		r->quality = *q;
	r->quality_read = q != NULL;
}

/* Partnership i's data-quality figures, every partnership's read once a
 * paper (r_quality is read by partnership). */
static const struct report_quality *quality_of(struct report *r, int i)
{
	char keep[sizeof(r->id)];

	if (!r->region_quality) {
		r->region_quality = xcalloc((size_t)r->cmp->n, sizeof(*r->region_quality));
		for (int k = 0; k < r->cmp->n; k++) {
			as_partnership(r, k, NULL, keep);
			report_quality(r, &r->region_quality[k]);
			as_partnership(r, -1, NULL, keep);
		}
	}
	return &r->region_quality[i];
}

/* Rows quarantined by the loads of every partnership's logs. */
static void quality(struct report *r)
{
	long rejected = 0;

	for (int i = 0; i < r->cmp->n; i++)
		rejected += quality_of(r, i)->rejected;
	if (rejected)
		P("**Data quality**: %ld row%s of the agencies' logs could not be used; see the analyst's "
		  "appendix.\n\n", rejected, rejected == 1 ? "" : "s");
}

void report_front_region(struct report *r)
{
	struct metrics *t = xcalloc(1, sizeof(*t));
	int present = together(r->cmp, t);

	P("## At a glance\n\n");
	if (present) {
		r->m = t;
		key_figures(r, present);
		r->m = NULL;
		signals(r);
	}
	logs(r);
	quality(r);
	report_front_commentary(r);
	free(t);
}

void report_appendix_region(struct report *r)
{
	const struct compare *c = r->cmp;
	char keep[sizeof(r->id)];

	P("## Analyst's appendix\n\n");
	P("For whoever prepares this paper: what its figures rest on, and how to look into it, "
	  "partnership by partnership.\n\n");
	for (int i = 0; i < c->n; i++) {
		P("### ");
		md_escape(r->out, c->one[i].part->name);
		P("\n\n");
		as_partnership(r, i, quality_of(r, i), keep);
		report_appendix_body(r);
		as_partnership(r, -1, NULL, keep);
	}
}
