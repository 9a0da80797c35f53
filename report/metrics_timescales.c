/*
 * metrics_timescales.c - the timed stage instances of a period: the
 * timescales the warehouse holds (m_timescales.sql), and a protocol's other
 * reading of a stage timescale where it gives two: see metrics.h.
 *
 * The other reading.  North East Lincolnshire's procedure gives stage 4
 * two deadlines: its flowchart says "To be completed by day working 15",
 * its supporting text "This should be undertaken by working day 11" (seed
 * 004).  The definition keeps the flowchart's as the stage's timescale
 * (every figure, overdue included, uses it) and records the other as the
 * stage's "alternative" (model/proto.h).  Its figures are m_timescales.sql's
 * own, over the same stage events: the deadlines the other reading gives
 * are worked out by the one deadline rule (model/deadline.h) into a
 * temporary table, and the query is run as it is through views that put
 * them, and the other reading's timescale, in place of the stored ones
 * (report/scope.h).  So there is one definition of due, met and breached.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "metrics.h"
#include "model/deadline.h"
#include "scope.h"
#include "workdays.h"

/*
 * The deadline of each stage event of stage s that may fall due in the
 * period under the other reading, into temp.reading_due.  A stage counts
 * in a period when its deadline, or its entry after the deadline, falls in
 * it; a deadline of N working days comes at most 2N + 21 calendar days
 * after the raising or entry it counts from (five working days a week,
 * less at most a few bank holidays in any three weeks), and both come no
 * later than the entry.  So a stage entered more than 2N + 21 days before
 * the period cannot count in it and is not read.  m_timescales.sql decides
 * which of those read count.
 */
static int fill_due(struct wh *w, const struct deadlines *d, int pidx,
		    const struct ref_partnership *part, int s, const struct period *p)
{
	const struct ref_stage *rs = &part->stage[s];
	sqlite3_stmt *ev = wh_prepare(w, "reading_events"), *add = wh_prepare(w, "reading_due_add");
	int rc, failed = 0;

	metrics_bind_period(ev, part->id, p);
	wh_bind_date(ev, wh_param(ev, ":since"), p->from - (2 * rs->alt_days + 21));
	sqlite3_bind_int(ev, wh_param(ev, ":stage"), s);
	sqlite3_bind_int(add, wh_param(add, ":stage"), s);
	while (!failed && (rc = sqlite3_step(ev)) == SQLITE_ROW) {
		int due = deadline_of(d, pidx, rs->alt_kind, rs->alt_days, wh_column_date(ev, 1),
				      wh_column_date(ev, 2));

		sqlite3_bind_int64(add, wh_param(add, ":escalation_id"), sqlite3_column_int64(ev, 0));
		wh_bind_date(add, wh_param(add, ":due_on"), due);
		failed = wh_run(w, add, "working out the other reading's deadlines");
	}
	if (!failed && rc != SQLITE_DONE)
		failed = wh_error(w, "reading_events");
	sqlite3_finalize(ev);
	sqlite3_finalize(add);
	return failed ? -1 : 0;
}

/* temp.reading_timescale and temp.reading_due for every stage of part
 * with another reading; the number of such stages, or -1. */
static int fill(struct wh *w, const struct ref *model, const struct ref_partnership *part,
		const struct period *p)
{
	struct deadlines *d = NULL;
	sqlite3_stmt *ts = NULL;
	int n = 0, rc = 0, pidx = (int)(part - model->partnership);

	for (int s = 1; s <= part->last_stage && s <= MODEL_STAGES; s++) {
		const struct ref_stage *rs = &part->stage[s];

		if (!rs->alt_days)
			continue;
		if (!n++) {
			const struct workdays *cal = workdays_get(w, part->id);

			if (!cal ||
			    wh_run_script(w, "reading_create", ":partnership", part->id,
					  "reading the other timescales") ||
			    !(d = deadlines_read_with(w, model, pidx, workdays_cal(cal)))) {
				rc = -1;
				break;
			}
			ts = wh_prepare(w, "reading_timescale_add");
		}
		sqlite3_bind_text(ts, wh_param(ts, ":partnership"), part->id, -1, SQLITE_STATIC);
		sqlite3_bind_int(ts, wh_param(ts, ":stage"), s);
		sqlite3_bind_text(ts, wh_param(ts, ":kind"), rs->alt_kind, -1, SQLITE_STATIC);
		sqlite3_bind_int(ts, wh_param(ts, ":days"), rs->alt_days);
		wh_bind_text_or_null(ts, wh_param(ts, ":cite"), rs->alt_cite);
		if (wh_run(w, ts, "reading the other timescales") || fill_due(w, d, pidx, part, s, p)) {
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(ts);
	deadlines_free(d);
	return rc ? -1 : n;
}

/* Name the readings: the chosen one's on m->timescale, the other's on
 * m->timescale_alt. */
static void name_readings(const struct ref_partnership *part, struct metrics *m)
{
	for (int i = 0; i < m->n_timescale; i++) {
		struct m_timescale *t = &m->timescale[i];

		if (t->stage >= 1 && t->stage <= MODEL_STAGES && !strcmp(t->source, "protocol"))
			snprintf(t->reading, sizeof(t->reading), "%s", part->stage[t->stage].reading);
	}
	for (int i = 0; i < m->n_timescale_alt; i++) {
		struct m_timescale *t = &m->timescale_alt[i];

		if (t->stage >= 1 && t->stage <= MODEL_STAGES)
			snprintf(t->reading, sizeof(t->reading), "%s", part->stage[t->stage].alt_reading);
	}
}

int metrics_readings(struct wh *w, const struct ref *model, const struct ref_partnership *part,
		     const struct period *p, struct metrics *m)
{
	double rate;
	int n = fill(w, model, part, p), rc;

	m->n_timescale_alt = 0;
	if (n <= 0) {
		name_readings(part, m);
		return n;
	}
	if (scope_readings_on(w)) {
		scope_readings_off(w);
		return -1;
	}
	rc = metrics_timescales(w, part->id, p, m->timescale_alt, &m->n_timescale_alt, &rate);
	if (scope_readings_off(w))
		rc = -1;
	name_readings(part, m);
	return rc;
}
