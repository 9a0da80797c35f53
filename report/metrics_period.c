/*
 * metrics_period.c - a period's days as a query's named parameters
 * (:partnership :from :to :as_of :end), for every figure's query: see
 * metrics.h.  Apart from metrics.c so that the comparison periods
 * (comparisons.c) bind the same way without calling back into it.
 */
#include <sqlite3.h>

#include "core/date.h"
#include "core/wh.h"
#include "metrics.h"

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
