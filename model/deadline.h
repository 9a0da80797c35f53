/*
 * deadline.h - the one working-day deadline rule, over the warehouse's own
 * calendar and timescales held in memory.
 *
 * DESIGN.md "Working-day deadline": a stage with a timescale is due on the
 * working day numbered
 *   by_working_day N     wd_le(raised_on - 1) + N (day 1 is raised_on if a
 *                        working day, else the next working day);
 *   within_of_raising N  wd_le(raised_on) + N (the N-th working day
 *                        strictly after raised_on);
 *   within_of_entry N    wd_le(entered_on) + N,
 * where wd_le is the calendar table's cumulative working-day number.  The
 * calendar is the warehouse's (not cal.h's), held as model/workcal.h
 * holds it, so holiday overrides given to `oversight init` agree with the
 * SQL that reads the same table and with the reports' working-day counts.  The
 * loader derives each stage event's due_on here, and `oversight init`
 * recomputes the stored ones here when the timescales or calendar change:
 * there is no second copy of the rule in SQL.
 *
 * deadlines_read() returns a struct the caller frees with deadlines_free();
 * it holds r's partnerships by index (r must outlive it).
 */
#ifndef OVERSIGHT_MODEL_DEADLINE_H
#define OVERSIGHT_MODEL_DEADLINE_H

#include "proto.h"
#include "core/wh.h"

struct deadlines;
struct workcal;

/* Read the calendar and timescale tables; NULL after an error.  only: a
 * partnership's index in r, when its deadlines are all that will be asked
 * for (only its jurisdiction's days are read), else -1. */
struct deadlines *deadlines_read(struct wh *w, const struct ref *r, int only);

/* deadlines_read(), partnership only's jurisdiction's days taken from cal
 * when only >= 0 and cal is not NULL: a calendar already read (a
 * report's, report/workdays.h), not read again, which must outlive the
 * struct. */
struct deadlines *deadlines_read_with(struct wh *w, const struct ref *r, int only,
				      const struct workcal *cal);

/* NULL-safe. */
void deadlines_free(struct deadlines *d);

/* The jurisdiction (enum cal_jur) of partnership r->partnership[pidx], or
 * -1 when it names none. */
int deadlines_jur(const struct deadlines *d, int pidx);

/* 1 when jurisdiction jur's calendar was read whole: a row for every day
 * from the first to the last, its working-day count never falling, so
 * that deadlines_wd_le() never falls as the day grows. */
int deadlines_whole(const struct deadlines *d, int jur);

/* cal_wd_le() as the warehouse calendar has it; days outside the calendar
 * are clamped to its ends (the loader rejects dates before 2000 and after
 * today). */
int deadlines_wd_le(const struct deadlines *d, int jur, int day);

/* The deadline of stage (1..MODEL_STAGES) of partnership pidx entered on
 * entered_on by an escalation raised on raised_on: a day number, or
 * DATE_NONE when the stage has no timescale, the partnership no
 * jurisdiction, or the day falls beyond the calendar. */
int deadline_due(const struct deadlines *d, int pidx, int stage, int raised_on, int entered_on);

/* The deadline the rule kind ("by_working_day", "within_of_raising",
 * "within_of_entry") with days gives in partnership pidx's calendar: a
 * timescale other than the stored one (a protocol's other reading of a
 * stage's timescale).  DATE_NONE as deadline_due(), or for an unknown
 * kind. */
int deadline_of(const struct deadlines *d, int pidx, const char *kind, int days, int raised_on,
		int entered_on);

/* Recompute the due_on of every stored stage event from the reference
 * data, calendar and timescales the warehouse holds now.  The caller holds
 * the transaction.  0, or -1 after an error. */
int deadlines_refresh(struct wh *w);

#endif
