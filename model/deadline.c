/*
 * deadline.c - the working-day deadline rule: see deadline.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/cal.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/util.h"
#include "deadline.h"
#include "proto.h"
#include "workcal.h"

enum { TS_NONE, TS_BY_WORKING_DAY, TS_WITHIN_OF_RAISING, TS_WITHIN_OF_ENTRY };

struct deadlines {
	/* The warehouse calendar, per jurisdiction (those read), and the
	 * first and last day of any. */
	int cal_first, cal_n;
	struct workcal cal[CAL_NJUR];
	int borrowed; /* cal[borrowed - 1] is another's (0: none is) */
	/* Per partnership (index in r->partnership): jurisdiction and the
	 * timescale of each stage (kind TS_NONE = none). */
	const struct ref *r;
	int *pjur;
	int (*tkind)[MODEL_STAGES + 1];
	int (*tdays)[MODEL_STAGES + 1];
};

int deadlines_whole(const struct deadlines *d, int jur)
{
	return jur >= 0 && jur < CAL_NJUR && d->cal[jur].whole && d->cal[jur].first == d->cal_first &&
	       d->cal[jur].n == d->cal_n;
}

int deadlines_wd_le(const struct deadlines *d, int jur, int day)
{
	int k;

	if (day < d->cal_first)
		day = d->cal_first;
	if (day > d->cal_first + d->cal_n - 1)
		day = d->cal_first + d->cal_n - 1;
	k = workcal_wd_le(&d->cal[jur], day);
	return k == WORKCAL_MISSING ? 0 : k;
}

/* Read the calendar: its first and last day, and the days of each
 * jurisdiction read[] asks for (the others are left empty); when have is
 * not NULL, the one it asks for has have's days, another's, not read
 * again.  Each query names its jurisdiction, so that SQLite reads a range
 * of the calendar's key, not every day of both. */
static int read_calendar(struct wh *w, struct deadlines *d, const int read[CAL_NJUR],
			 const struct workcal *have)
{
	sqlite3_stmt *st;
	int last = DATE_NONE;

	d->cal_first = DATE_NONE;
	st = wh_prepare(w, "calendar_range");
	for (int j = 0; j < CAL_NJUR; j++) {
		sqlite3_bind_text(st, wh_param(st, ":jurisdiction"), cal_jur_name((enum cal_jur)j), -1,
				  SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
			int first = wh_column_date(st, 0), end = wh_column_date(st, 1);

			if (d->cal_first == DATE_NONE || first < d->cal_first)
				d->cal_first = first;
			if (last == DATE_NONE || end > last)
				last = end;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (last == DATE_NONE) /* set with cal_first, or neither */
		return error("%s: the calendar is empty; run 'oversight init'", w->path);
	d->cal_n = last - d->cal_first + 1;
	for (int j = 0; j < CAL_NJUR; j++) {
		if (!read[j])
			continue;
		if (have) {
			d->cal[j] = *have;
			d->borrowed = j + 1;
		} else if (workcal_read(w, cal_jur_name((enum cal_jur)j), &d->cal[j])) {
			return -1;
		}
	}
	return 0;
}

/* The day numbered days after the start the rule kind counts from. */
static int rule_due(const struct deadlines *d, int jur, int kind, int days, int raised_on,
		    int entered_on)
{
	int k;

	if (kind == TS_NONE || jur < 0)
		return DATE_NONE;
	if (kind == TS_BY_WORKING_DAY)
		k = deadlines_wd_le(d, jur, raised_on - 1);
	else if (kind == TS_WITHIN_OF_RAISING)
		k = deadlines_wd_le(d, jur, raised_on);
	else
		k = deadlines_wd_le(d, jur, entered_on);
	return workcal_day(&d->cal[jur], k + days);
}

static int kind_of(const char *kind)
{
	return !strcmp(kind, "by_working_day")      ? TS_BY_WORKING_DAY
	       : !strcmp(kind, "within_of_raising") ? TS_WITHIN_OF_RAISING
	       : !strcmp(kind, "within_of_entry")   ? TS_WITHIN_OF_ENTRY
						    : TS_NONE;
}

static int read_timescales(struct wh *w, struct deadlines *d)
{
	const struct ref *r = d->r;
	size_t n = r->npartnership ? (size_t)r->npartnership : 1;
	sqlite3_stmt *st;
	int rc;

	d->pjur = xcalloc(n, sizeof(int));
	d->tkind = xcalloc(n, sizeof(*d->tkind));
	d->tdays = xcalloc(n, sizeof(*d->tdays));
	for (int i = 0; i < r->npartnership; i++)
		d->pjur[i] = cal_jur_parse(r->partnership[i].jurisdiction);
	st = wh_prepare(w, "timescale_all");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct ref_partnership *p =
			ref_find_partnership(r, (const char *)sqlite3_column_text(st, 0));
		int stage = sqlite3_column_int(st, 1);
		const char *kind = (const char *)sqlite3_column_text(st, 2);

		if (!p || stage < 1 || stage > MODEL_STAGES)
			continue;
		int i = (int)(p - r->partnership);
		d->tkind[i][stage] = kind_of(kind);
		d->tdays[i][stage] = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "reading timescales");
}

struct deadlines *deadlines_read_with(struct wh *w, const struct ref *r, int only,
				      const struct workcal *cal)
{
	struct deadlines *d = xcalloc(1, sizeof(*d));
	int read[CAL_NJUR] = {0};

	d->r = r;
	for (int j = 0; j < CAL_NJUR; j++)
		read[j] = only < 0;
	if (only >= 0 && only < r->npartnership) {
		int j = cal_jur_parse(r->partnership[only].jurisdiction);

		if (j >= 0)
			read[j] = 1;
	}
	if (read_calendar(w, d, read, only >= 0 ? cal : NULL) || read_timescales(w, d)) {
		deadlines_free(d);
		return NULL;
	}
	return d;
}

struct deadlines *deadlines_read(struct wh *w, const struct ref *r, int only)
{
	return deadlines_read_with(w, r, only, NULL);
}

void deadlines_free(struct deadlines *d)
{
	if (!d)
		return;
	for (int j = 0; j < CAL_NJUR; j++)
		if (d->borrowed != j + 1)
			workcal_free(&d->cal[j]);
	free(d->pjur);
	free(d->tkind);
	free(d->tdays);
	free(d);
}

int deadlines_jur(const struct deadlines *d, int pidx)
{
	return d->pjur[pidx];
}

int deadline_due(const struct deadlines *d, int pidx, int stage, int raised_on, int entered_on)
{
	return rule_due(d, d->pjur[pidx], d->tkind[pidx][stage], d->tdays[pidx][stage], raised_on,
			entered_on);
}

int deadline_of(const struct deadlines *d, int pidx, const char *kind, int days, int raised_on,
		int entered_on)
{
	return rule_due(d, d->pjur[pidx], kind_of(kind), days, raised_on, entered_on);
}

static int refresh(struct wh *w, const struct deadlines *d)
{
	sqlite3_stmt *st = wh_prepare(w, "stage_event_due_all");
	sqlite3_stmt *up = wh_prepare(w, "stage_event_set_due");
	int p_due = wh_param(up, ":due_on"), p_esc = wh_param(up, ":escalation_id"),
	    p_stage = wh_param(up, ":stage");
	int rc, failed = 0;

	/* Only changed rows are written; the scan is in primary key order,
	 * which an update of due_on does not move. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct ref_partnership *p =
			ref_find_partnership(d->r, (const char *)sqlite3_column_text(st, 2));
		int stage = sqlite3_column_int(st, 1), due = DATE_NONE;

		if (!p) /* not a partnership init holds: left as it is */
			continue;
		if (stage >= 1 && stage <= MODEL_STAGES)
			due = deadline_due(d, (int)(p - d->r->partnership), stage,
					   wh_column_date(st, 3), wh_column_date(st, 4));
		if (due == wh_column_date(st, 5))
			continue;
		sqlite3_bind_int64(up, p_esc, sqlite3_column_int64(st, 0));
		sqlite3_bind_int(up, p_stage, stage);
		wh_bind_date(up, p_due, due);
		if (wh_run(w, up, "recomputing deadlines")) {
			failed = 1;
			break;
		}
	}
	if (!failed && rc != SQLITE_DONE)
		failed = wh_error(w, "recomputing deadlines");
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	return failed ? -1 : 0;
}

int deadlines_refresh(struct wh *w)
{
	struct ref r = {0};
	struct deadlines *d = NULL;
	int rc = -1;

	if (ref_read(w, &r) == 0 && (d = deadlines_read(w, &r, -1)))
		rc = refresh(w, d);
	deadlines_free(d);
	ref_free(&r);
	return rc;
}
