/*
 * compare.c - several partnerships side by side: see compare.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "core/msg.h"
#include "core/util.h"
#include "stats.h"

const char *compare_tier_name(int tier)
{
	/* DESIGN.md "Reference data": the canonical tiers, as levels. */
	static const char *const names[COMPARE_TIERS] = {
		"Practitioners",
		"Line manager",
		"Service lead / safeguarding representative",
		"Head of service / senior manager",
		"Director / chief social work officer",
		"Partnership forum",
	};
	return tier >= 0 && tier < COMPARE_TIERS ? names[tier] : "";
}

int compare_present(const struct compare *c)
{
	int k = 0;

	for (int i = 0; i < c->n; i++)
		k += !c->one[i].missing;
	return k;
}

/* Escalations raised in the period, and those of them that reached a
 * stage of COMPARE_HIGH_TIER or above by the as-of date. */
static int reached_high(struct wh *w, const struct period *p, struct compare_one *o)
{
	sqlite3_stmt *st = wh_prepare(w, "m_reached_tier");
	int rc;

	metrics_bind_period(st, o->part->id, p);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":tier"), COMPARE_HIGH_TIER);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		o->high_den = sqlite3_column_int64(st, 0);
		o->high_num = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : wh_error(w, "m_reached_tier");
}

/* What the metrics give: coverage, the funnel's sums (its agencies are
 * the covered ones with activity) and the timed stages by source. */
static void summarise(struct compare_one *o)
{
	const struct metrics *m = o->m;

	for (int i = 0; i < m->n_coverage; i++)
		o->covered += m->coverage[i].covered;
	o->missing = !coverage_any(m->coverage, m->n_coverage);
	coverage_latest(m->coverage, m->n_coverage, o->latest);
	for (int i = 0; i < m->n_funnel; i++) {
		o->x += m->funnel[i].raised;
		o->n += m->funnel[i].activity;
	}
	o->in_funnel = !o->missing && o->n > 0;
	for (int i = 0; i < m->n_timescale; i++) {
		const struct m_timescale *t = &m->timescale[i];

		if (strcmp(t->source, "protocol") == 0) {
			o->has_protocol = 1;
			o->prot_met += t->met;
			o->prot_breached += t->breached;
		} else {
			o->has_local = 1;
			o->local_met += t->met;
			o->local_breached += t->breached;
		}
	}
}

/* The funnel across the partnerships present with activity: the agency
 * funnel's rule (DESIGN.md "Lack-of-challenge (funnel)"), a partnership
 * in place of an agency. */
static void funnel(struct compare *c, const char *measure)
{
	struct stats_funnel_row rows[M_MAX_ITEMS];
	struct metrics *f = c->funnel = xcalloc(1, sizeof(*c->funnel));

	snprintf(f->measure, sizeof(f->measure), "%s", measure);
	for (int i = 0; i < c->n && f->n_funnel < M_MAX_ITEMS; i++) {
		const struct compare_one *o = &c->one[i];

		if (!o->in_funnel)
			continue;
		snprintf(f->funnel[f->n_funnel].agency, M_ID, "%s", o->part->id);
		f->funnel[f->n_funnel].raised = o->x;
		f->funnel[f->n_funnel].activity = o->n;
		rows[f->n_funnel].x = o->x;
		rows[f->n_funnel].n = o->n;
		f->n_funnel++;
	}
	f->funnel_p = f->n_funnel ? stats_funnel(rows, f->n_funnel) : NAN;
	for (int i = 0; i < f->n_funnel; i++) {
		f->funnel[i].expected = rows[i].expected;
		f->funnel[i].p_low = rows[i].p_low;
		f->funnel[i].p_high = rows[i].p_high;
		f->funnel[i].level = rows[i].level ? rows[i].level : "none";
		f->funnel[i].high = rows[i].p_high < STATS_FUNNEL_WATCH;
	}
}

/* compare_compute(), or with only, compare_compute_funnel(). */
static int compute(struct wh *w, const struct ref *model, char *const *ids, int n,
		   const struct period *p, const char *measure, int only, struct compare *c)
{
	memset(c, 0, sizeof(*c));
	c->one = xcalloc((size_t)n, sizeof(*c->one));
	c->n = n;
	for (int i = 0; i < n; i++) {
		struct compare_one *o = &c->one[i];

		o->part = ref_find_partnership(model, ids[i]);
		if (!o->part)
			return error("unknown partnership '%s'", ids[i]);
		o->m = xcalloc(1, sizeof(*o->m));
		if (only ? metrics_compute_funnel(w, ids[i], p, measure, o->m)
			 : metrics_compute(w, ids[i], p, measure, o->m) || reached_high(w, p, o))
			return -1;
		summarise(o);
	}
	funnel(c, measure);
	return 0;
}

int compare_compute(struct wh *w, const struct ref *model, char *const *ids, int n,
		    const struct period *p, const char *measure, struct compare *c)
{
	return compute(w, model, ids, n, p, measure, 0, c);
}

int compare_compute_funnel(struct wh *w, const struct ref *model, char *const *ids, int n,
			   const struct period *p, const char *measure, struct compare *c)
{
	return compute(w, model, ids, n, p, measure, 1, c);
}

void compare_free(struct compare *c)
{
	for (int i = 0; i < c->n; i++)
		free(c->one[i].m);
	free(c->one);
	free(c->funnel);
	memset(c, 0, sizeof(*c));
}
