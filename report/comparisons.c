/*
 * comparisons.c - the previous period and the same period last year: see
 * comparisons.h.
 *
 * DESIGN.md: "For --quarter: the quarter before, and the same quarter a
 * year earlier. For --from/--to running from the first of a month to the
 * last of a month: the same number of whole months ending the day before
 * --from, and the same months a year earlier; otherwise the same number of
 * days. Each is computed as of its own last day, so it shows what its own
 * paper showed."  A quarter is whole months, so one rule serves both:
 * 2026-Q3 gives 2026-04-01..2026-06-30 and 2025-07-01..2025-09-30; the
 * financial year 2025-04-01..2026-03-31 gives 2024-04-01..2025-03-31 for
 * both.  Otherwise (say 2025-07-15..2025-08-14, 31 days) the previous
 * period is the 31 days ending 2025-07-14 and the year before the 31 days
 * from the same date a year earlier (29 February becomes the 28th).
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "comparisons.h"
#include "core/date.h"

int comparisons_whole_months(const struct period *p, int *months)
{
	int fy, fm, fd, ty, tm, td;

	date_to_ymd(p->from, &fy, &fm, &fd);
	date_to_ymd(p->to, &ty, &tm, &td);
	*months = (ty * 12 + tm) - (fy * 12 + fm) + 1;
	return fd == 1 && td == date_days_in_month(ty, tm) && *months >= 1;
}

/* The first day of month index k (y * 12 + m - 1), and the last. */
static int month_first(int k)
{
	return date_from_ymd(k / 12, k % 12 + 1, 1);
}

static int month_last(int k)
{
	return date_from_ymd(k / 12, k % 12 + 1, date_days_in_month(k / 12, k % 12 + 1));
}

/* as_of its own last day; named as a quarter when it is one. */
static void finish(struct period *p)
{
	int y, m, d;

	p->as_of = p->to;
	p->is_quarter = 0;
	p->year = p->q = 0;
	date_to_ymd(p->from, &y, &m, &d);
	if (d == 1 && (m - 1) % 3 == 0 && p->to == date_quarter_end(y, (m - 1) / 3 + 1)) {
		p->year = y;
		p->q = (m - 1) / 3 + 1;
	}
}

void comparisons_periods(const struct period *p, struct period *prev, struct period *year)
{
	int months, y, m, d;

	*prev = *year = *p;
	date_to_ymd(p->from, &y, &m, &d);
	if (comparisons_whole_months(p, &months)) {
		int first = y * 12 + m - 1;

		prev->from = month_first(first - months);
		prev->to = month_last(first - 1);
		year->from = month_first(first - 12);
		year->to = month_last(first - 12 + months - 1);
	} else {
		int days = p->to - p->from + 1;

		prev->from = p->from - days;
		prev->to = p->from - 1;
		year->from = date_from_ymd(y - 1, m, d <= date_days_in_month(y - 1, m) ? d : date_days_in_month(y - 1, m));
		year->to = year->from + days - 1;
	}
	finish(prev);
	finish(year);
}

int comparisons_headline(struct wh *w, const char *partnership, struct m_headline *h)
{
	sqlite3_stmt *st = wh_prepare(w, "m_headline");
	struct m_timescale ts[MODEL_STAGES];
	double rate;
	int rc;

	metrics_bind_period(st, partnership, &h->period);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		h->raised = sqlite3_column_int64(st, 0);
		h->resolved = sqlite3_column_int64(st, 1);
		h->withdrawn = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return wh_error(w, "m_headline");
	if (metrics_per_stage(w, "m_entered_stage", partnership, &h->period, h->entered) ||
	    metrics_resolution(w, partnership, &h->period, &h->res_n, &h->res_median) ||
	    metrics_timescales(w, partnership, &h->period, ts, &h->timed, &rate))
		return -1;
	for (int i = 0; i < h->timed; i++) {
		h->met += ts[i].met;
		h->breached += ts[i].breached;
	}
	return 0;
}

void comparisons_begin(const struct period *p, struct metrics *m)
{
	memset(&m->previous, 0, sizeof(m->previous));
	memset(&m->year_before, 0, sizeof(m->year_before));
	comparisons_periods(p, &m->previous.period, &m->year_before.period);
}

cJSON *comparisons_json(const struct m_headline *h, int last_stage)
{
	cJSON *o = cJSON_CreateObject(), *arr;
	char a[11], b[11];

	cJSON_AddStringToObject(o, "from", date_format(h->period.from, a));
	cJSON_AddStringToObject(o, "to", date_format(h->period.to, b));
	cJSON_AddNumberToObject(o, "raised", (double)h->raised);
	cJSON_AddNumberToObject(o, "open_at_end", (double)h->open_at_end);
	cJSON_AddNumberToObject(o, "resolved", (double)h->resolved);
	cJSON_AddNumberToObject(o, "withdrawn", (double)h->withdrawn);
	/* as the top-level entered_stage: stages with a non-zero count */
	arr = cJSON_AddArrayToObject(o, "entered_stage");
	for (int s = 1; s <= last_stage && s <= MODEL_STAGES; s++) {
		cJSON *e;

		if (!h->entered[s])
			continue;
		e = cJSON_CreateObject();
		cJSON_AddNumberToObject(e, "stage", s);
		cJSON_AddNumberToObject(e, "n", (double)h->entered[s]);
		cJSON_AddItemToArray(arr, e);
	}
	return o;
}

int comparisons_four_quarters(const struct period *p, struct period *year)
{
	int y, m, d;

	date_to_ymd(p->to, &y, &m, &d);
	if (m % 3 != 0 || d != date_days_in_month(y, m))
		return 0;
	*year = *p;
	year->from = m == 12 ? date_from_ymd(y, 1, 1) : date_from_ymd(y - 1, m + 1, 1);
	year->is_quarter = 0;
	year->year = year->q = 0;
	return year->from < p->from;
}
