/*
 * metrics_period.c - a period's days as a query's named parameters
 * (:partnership :from :to :as_of :end), for every figure's query: see
 * metrics.h.  Apart from metrics.c so that the comparison periods
 * (comparisons.c) bind the same way, and take their resolution time and
 * breach rate from the same routines, without calling back into it.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/wh.h"
#include "core/util.h"
#include "metrics.h"
#include "stats.h"
#include "workdays.h"

int metrics_end(const struct period *p)
{
	return p->as_of < p->to ? p->as_of : p->to;
}

void metrics_bind_period(sqlite3_stmt *st, const char *partnership, const struct period *p)
{
	static const char *const names[] = {":from", ":to", ":as_of", ":end"};
	int days[] = {p->from, p->to, p->as_of, metrics_end(p)};
	char buf[11];

	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":partnership"), partnership, -1,
			  SQLITE_TRANSIENT);
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, names[i]),
				  date_format(days[i], buf), 10, SQLITE_TRANSIENT);
}

/* Run a "stage, count" query into out[0..MODEL_STAGES] (zero where none;
 * [0]: stage 0, the step before stage 1, kept apart from the ladder). */
int metrics_per_stage(struct wh *w, const char *query, const char *partnership,
		      const struct period *p, long *out)
{
	sqlite3_stmt *st = wh_prepare(w, query);
	int rc;

	for (int s = 0; s <= MODEL_STAGES; s++)
		out[s] = 0;
	metrics_bind_period(st, partnership, p);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0);

		if (s >= 0 && s <= MODEL_STAGES)
			out[s] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, query);
}

int metrics_resolution(struct wh *w, const char *partnership, const struct period *p, long *res_n,
		       double *median)
{
	const struct workdays *cal = workdays_get(w, partnership);
	sqlite3_stmt *st;
	double *v = NULL;
	size_t n = 0, cap = 0;
	long d;
	int rc;

	if (!cal)
		return -1;
	st = wh_prepare(w, "m_resolution_days");
	metrics_bind_period(st, partnership, p);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* a day the calendar lacks leaves the escalation out */
		if (workdays_between(cal, sqlite3_column_text(st, 0), sqlite3_column_text(st, 1), &d))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			v = xrealloc(v, cap * sizeof(double));
		}
		v[n++] = (double)d;
	}
	sqlite3_finalize(st);
	*res_n = (long)n;
	*median = stats_median_select(v, n);
	free(v);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_resolution_days");
}

/* Count the period's timed stage instances (m_timed_instances.sql) into
 * the timed stages out[0..n) of their stage: due; met, completed by the
 * deadline; breached, completed after it, or not completed when it has
 * passed by the as-of date; pending, otherwise.  Dates compare as SQLite
 * compares text. */
static int count_instances(struct wh *w, const char *partnership, const struct period *p,
			   struct m_timescale *out, int n)
{
	sqlite3_stmt *st = wh_prepare(w, "m_timed_instances");
	char as_of[11];
	int rc;

	date_format(p->as_of, as_of);
	metrics_bind_period(st, partnership, p);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0);
		const char *due = (const char *)sqlite3_column_text(st, 1);
		const char *done = (const char *)sqlite3_column_text(st, 2);

		for (int k = 0; k < n; k++) {
			struct m_timescale *t = &out[k];

			if (t->stage != s)
				continue;
			t->due++;
			if (!due)
				continue;
			if (done)
				++*(strcmp(done, due) <= 0 ? &t->met : &t->breached);
			else
				++*(strcmp(due, as_of) <= 0 ? &t->breached : &t->pending);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_timed_instances");
}

int metrics_timescales(struct wh *w, const char *partnership, const struct period *p,
		       struct m_timescale *out, int *nout, double *rate)
{
	sqlite3_stmt *st = wh_prepare(w, "m_timescales");
	long met = 0, breached = 0;
	int rc;

	*nout = 0;
	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nout < MODEL_STAGES) {
		struct m_timescale *t = &out[(*nout)++];
		const char *cite = (const char *)sqlite3_column_text(st, 4);

		t->stage = sqlite3_column_int(st, 0);
		snprintf(t->source, sizeof(t->source), "%s", sqlite3_column_text(st, 1));
		snprintf(t->kind, sizeof(t->kind), "%s", sqlite3_column_text(st, 2));
		t->days = sqlite3_column_int(st, 3);
		snprintf(t->cite, sizeof(t->cite), "%s", cite ? cite : "");
		t->reading[0] = '\0';
		t->due = t->met = t->breached = t->pending = 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return wh_error(w, "m_timescales");
	if (*nout && count_instances(w, partnership, p, out, *nout))
		return -1;
	for (int i = 0; i < *nout; i++) {
		struct m_timescale *t = &out[i];

		t->breach_rate = t->met + t->breached ? (double)t->breached / (double)(t->met + t->breached) : NAN;
		met += t->met;
		breached += t->breached;
	}
	/* DESIGN.md: null when no stage is timed (and when nothing was due). */
	*rate = *nout && met + breached ? (double)breached / (double)(met + breached) : NAN;
	return 0;
}
