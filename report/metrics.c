/*
 * metrics.c - compute and print every figure of a period: see metrics.h.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "agtally.h"
#include "comparisons.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/util.h"
#include "metrics.h"
#include "scope.h"
#include "stats.h"

static int cmp_funnel(const void *a, const void *b)
{
	return strcmp(((const struct m_funnel *)a)->agency, ((const struct m_funnel *)b)->agency);
}

/* Months are counted as y * 12 + (m - 1). */
static int month_index(int day)
{
	int y, mo;

	date_to_ymd(day, &y, &mo, NULL);
	return y * 12 + mo - 1;
}

/* Only agencies whose logs cover the period enter the funnel (DESIGN.md
 * "Whose log, and how recent"): a missing log is not a lack of challenge. */
static void drop_uncovered(struct metrics *m)
{
	int k = 0;

	for (int i = 0; i < m->n_funnel; i++)
		if (coverage_covered(m->coverage, m->n_coverage, m->funnel[i].agency))
			m->funnel[k++] = m->funnel[i];
	m->n_funnel = k;
}

/* Funnel: agencies with activity n > 0 in the period, each against the
 * partnership's overall rate. */
static int funnel(struct wh *w, const char *partnership, const struct period *p,
		  const char *measure, struct metrics *m)
{
	sqlite3_stmt *st = wh_prepare(w, "m_activity");
	struct stats_funnel_row rows[M_MAX_ITEMS];
	int rc;

	snprintf(m->measure, sizeof(m->measure), "%s", measure);
	metrics_bind_period(st, partnership, p);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":measure"), measure, -1,
			  SQLITE_TRANSIENT);
	m->n_funnel = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && m->n_funnel < M_MAX_ITEMS) {
		struct m_funnel *f = &m->funnel[m->n_funnel];

		snprintf(f->agency, sizeof(f->agency), "%s", sqlite3_column_text(st, 0));
		f->activity = sqlite3_column_double(st, 1);
		f->raised = 0;
		if (f->activity > 0)
			m->n_funnel++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return wh_error(w, "m_activity");
	drop_uncovered(m);
	for (int i = 0; i < m->n_funnel; i++)
		for (int j = 0; j < m->n_agency; j++)
			if (strcmp(m->funnel[i].agency, m->agency[j].id) == 0)
				m->funnel[i].raised = m->agency[j].a;
	for (int i = 0; i < m->n_funnel; i++) {
		rows[i].x = m->funnel[i].raised;
		rows[i].n = m->funnel[i].activity;
	}
	m->funnel_p = m->n_funnel ? stats_funnel(rows, m->n_funnel) : NAN;
	for (int i = 0; i < m->n_funnel; i++) {
		m->funnel[i].expected = rows[i].expected;
		m->funnel[i].p_low = rows[i].p_low;
		m->funnel[i].p_high = rows[i].p_high;
		m->funnel[i].level = rows[i].level ? rows[i].level : "none";
		m->funnel[i].high = rows[i].p_high < STATS_FUNNEL_WATCH;
	}
	qsort(m->funnel, (size_t)m->n_funnel, sizeof(m->funnel[0]), cmp_funnel);
	return 0;
}

/* The day a year (months = 12) or three months before day, kept in its
 * month's length. */
static int months_before(int day, int months)
{
	int y, mo, d;

	date_to_ymd(day, &y, &mo, &d);
	mo -= months;
	while (mo < 1) {
		mo += 12;
		y--;
	}
	return date_from_ymd(y, mo, d <= date_days_in_month(y, mo) ? d : date_days_in_month(y, mo));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static long item_figure(const struct m_item *it, int n, const char *id, int b)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(it[i].id, id))
			return b ? it[i].b : it[i].a;
	return 0;
}

/* Raised and received by agency over the spans silences() reads: the
 * period with the three months before it, and the year ending with it.
 * And what spc() needs not read again: the escalations raised on the
 * days from .. to (day numbers) by calendar month, for the SPC's months
 * (by_month[0] is month last - (M_SPC_MONTHS - 1), last the effective
 * end's month). */
struct raised_spans {
	struct m_item before[M_MAX_ITEMS], last4[M_MAX_ITEMS];
	int nbefore, nlast4;
	int from, to, last;
	long by_month[M_SPC_MONTHS];
};

/* The index in r->by_month of the month of the day on ('YYYY-MM-DD'),
 * or -1 outside the months or for a day that is no date. */
static int month_slot(const struct raised_spans *r, const char *on)
{
	int day = date_of_text(on), k;

	if (day == DATE_NONE)
		return -1;
	k = month_index(day) - (r->last - (M_SPC_MONTHS - 1));
	return k >= 0 && k < M_SPC_MONTHS ? k : -1;
}

/*
 * Raised and received by agency in the period (m->agency, DESIGN.md's
 * by_agency: every agency that raised or received one, sorted by id, the
 * first M_MAX_ITEMS) and over the spans of r, which all end on the
 * period's effective end, from one pass over the longest
 * (m_raised_between.sql).
 */
static int raised(struct wh *w, const char *partnership, const struct period *p, struct metrics *m,
		  struct raised_spans *r, struct m_repeat_rows *rep)
{
	sqlite3_stmt *st = wh_prepare(w, "m_raised_between");
	struct period span = *p;
	int year_from = months_before(metrics_end(p) + 1, 12), rc;
	struct agtally *t = agtally_new();
	/* the spans, in tally's numbers: the period, the period with the
	 * three months before it, the year ending with it */
	char from[AGTALLY_SPANS][11];
	/* the rows come in day order: a day's month is found once */
	char day[11] = "";
	int slot = -1;

	span.from = months_before(p->from, 3);
	span.to = metrics_end(p);
	date_format(p->from, from[0]);
	date_format(span.from, from[1]);
	date_format(year_from, from[2]);
	if (year_from < span.from)
		span.from = year_from;
	r->from = span.from;
	r->to = span.to;
	r->last = month_index(span.to);
	memset(r->by_month, 0, sizeof(r->by_month));
	metrics_bind_period(st, partnership, &span);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *on = (const char *)sqlite3_column_text(st, 0);
		int by = agtally_agency(t, (const char *)sqlite3_column_text(st, 1));
		int with = agtally_agency(t, (const char *)sqlite3_column_text(st, 2));

		/* a row of the repeats' twelve months, with a case reference */
		if (rep && sqlite3_column_bytes(st, 3) == 16)
			metrics_repeat_rows_add(rep, sqlite3_column_blob(st, 3), by, with);
		if (strcmp(on, day) != 0) {
			slot = month_slot(r, on);
			snprintf(day, sizeof(day), "%s", on);
		}
		if (slot >= 0)
			r->by_month[slot]++;
		for (int k = 0; k < AGTALLY_SPANS; k++)
			if (strcmp(on, from[k]) >= 0)
				agtally_count(t, k, by, with);
	}
	sqlite3_finalize(st);
	m->n_agency = agtally_items(t, 0, 1, m->agency, M_MAX_ITEMS);
	r->nbefore = agtally_items(t, 1, 0, r->before, M_MAX_ITEMS);
	r->nlast4 = agtally_items(t, 2, 0, r->last4, M_MAX_ITEMS);
	agtally_free(t);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_raised_between");
}

/* Silent: none raised in the period nor in the three months before it
 * (for a quarter, the quarter before).  One-way: received in the four
 * quarters ending with the period, none raised.  No denominator: no
 * activity in the funnel.  Each list by agency id. */
static void silences(const struct ref_partnership *part, const struct raised_spans *r,
		     struct metrics *m)
{
	const struct m_item *before = r->before, *last4 = r->last4;
	int nbefore = r->nbefore, nlast4 = r->nlast4;
	char **ids;

	m->n_silent = m->n_one_way = m->n_no_denominator = m->n_no_log = 0;
	ids = xmalloc((size_t)(part->nagency + 1) * sizeof(char *));
	memcpy(ids, part->agency, (size_t)part->nagency * sizeof(char *));
	qsort(ids, (size_t)part->nagency, sizeof(char *), cmp_str);
	for (int k = 0; k < part->nagency; k++) {
		const char *id = ids[k];
		long received_year = item_figure(last4, nlast4, id, 1);
		int has_activity = 0;

		if (!coverage_covered(m->coverage, m->n_coverage, id)) {
			if (m->n_no_log < M_MAX_ITEMS)
				snprintf(m->no_log[m->n_no_log++], M_ID, "%s", id);
			continue;
		}
		for (int i = 0; i < m->n_funnel; i++)
			has_activity |= !strcmp(m->funnel[i].agency, id);
		if (item_figure(before, nbefore, id, 0) == 0 && m->n_silent < M_MAX_ITEMS)
			snprintf(m->silent[m->n_silent++], M_ID, "%s", id);
		if (item_figure(last4, nlast4, id, 0) == 0 && received_year > 0 &&
		    m->n_one_way < M_MAX_ITEMS)
			snprintf(m->one_way[m->n_one_way++], M_ID, "%s", id);
		if (!has_activity && m->n_no_denominator < M_MAX_ITEMS)
			snprintf(m->no_denominator[m->n_no_denominator++], M_ID, "%s", id);
	}
	free(ids);
}

/* Add m_monthly's escalations raised on the days from .. to (day numbers;
 * none when to < from) to m's months. */
static int monthly_add(struct wh *w, const char *partnership, const struct period *p, int from,
		       int to, struct metrics *m)
{
	struct period span = *p;
	sqlite3_stmt *st;
	int rc;

	if (to < from)
		return 0;
	span.from = from;
	span.to = to;
	st = wh_prepare(w, "m_monthly");
	metrics_bind_period(st, partnership, &span);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *day = (const char *)sqlite3_column_text(st, 0);

		for (int i = 0; day && i < m->n_month; i++)
			if (strncmp(m->month[i], day, 7) == 0)
				m->month_n[i] += sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_monthly");
}

/* The SPC series and its limits.  raised() has counted the months of the
 * days it read (r); m_monthly reads the series' other days. */
static int spc(struct wh *w, const char *partnership, const struct period *p,
	       const struct raised_spans *r, struct metrics *m)
{
	sqlite3_stmt *st;
	/* The series ends with the period's last month, or the as-of month
	 * when that is earlier: a month after the as-of date has not
	 * happened, and a 0 for it would be a false point on the chart. */
	int last = month_index(metrics_end(p)), first = last - (M_SPC_MONTHS - 1), earliest = -1;
	int from, to, y, mo;
	double x[M_SPC_MONTHS];
	struct stats_spc s;

	st = wh_prepare(w, "m_earliest");
	metrics_bind_period(st, partnership, p);
	if (sqlite3_step(st) == SQLITE_ROW && wh_column_date(st, 0) != DATE_NONE)
		earliest = month_index(wh_column_date(st, 0));
	sqlite3_finalize(st);
	/* Start later, at the month of the earliest raised_on, when the data
	 * begin within the 24 months (DESIGN.md "SPC"). */
	if (earliest > first)
		first = earliest;
	m->n_month = 0;
	if (earliest < 0 || first > last) {
		m->spc_mean = m->spc_ucl = m->spc_lcl = m->spc_amr = NAN;
		m->spc_provisional = 1;
		m->spc_rules = 0;
		return 0;
	}
	for (int k = first; k <= last; k++) {
		snprintf(m->month[m->n_month], sizeof(m->month[0]), "%04d-%02d", k / 12, k % 12 + 1);
		m->month_n[m->n_month++] = r->by_month[k - (r->last - (M_SPC_MONTHS - 1))];
	}
	from = date_from_ymd(first / 12, first % 12 + 1, 1);
	y = last / 12;
	mo = last % 12 + 1;
	to = date_from_ymd(y, mo, date_days_in_month(y, mo));
	if (monthly_add(w, partnership, p, from, (r->from <= to ? r->from - 1 : to), m) ||
	    monthly_add(w, partnership, p, (r->to >= from ? r->to + 1 : from), to, m))
		return -1;
	for (int i = 0; i < m->n_month; i++)
		x[i] = (double)m->month_n[i];
	if (stats_spc(x, m->n_month, &s, m->month_flags))
		return error("spc: cannot compute");
	m->spc_mean = s.mean;
	m->spc_ucl = s.ucl;
	m->spc_lcl = s.lcl;
	m->spc_amr = s.amr;
	m->spc_provisional = s.provisional;
	m->spc_rules = s.rules;
	return 0;
}

int metrics_compute_funnel(struct wh *w, const char *partnership, const struct period *p,
			   const char *measure, struct metrics *m)
{
	struct raised_spans r;

	memset(m, 0, sizeof(*m));
	snprintf(m->partnership, sizeof(m->partnership), "%s", partnership);
	m->period = *p;
	m->subject_group = w->subject;
	return raised(w, partnership, p, m, &r, NULL) ||
			       coverage_read(w, partnership, p->as_of, m->coverage, M_MAX_ITEMS,
					     &m->n_coverage) ||
			       funnel(w, partnership, p, measure, m)
		       ? -1
		       : 0;
}

int metrics_compute_stages(struct wh *w, const char *partnership, const struct period *p,
			   struct metrics *m)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->partnership, sizeof(m->partnership), "%s", partnership);
	m->period = *p;
	m->breach_rate = NAN;
	if (metrics_per_stage(w, "m_entered_stage", partnership, p, m->entered) ||
	    metrics_timescales(w, partnership, p, m->timescale, &m->n_timescale, &m->breach_rate))
		return -1;
	return 0;
}

static int headline(struct wh *w, const char *partnership, const struct period *p,
		    struct metrics *m)
{
	sqlite3_stmt *st = wh_prepare(w, "m_headline");
	int rc;

	metrics_bind_period(st, partnership, p);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		m->raised = sqlite3_column_int64(st, 0);
		m->resolved = sqlite3_column_int64(st, 1);
		m->withdrawn = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : wh_error(w, "m_headline");
}

/* Open at the end of the period and of its comparison periods, each as of
 * its own end (m_open_at_ends.sql): into m, m->previous and
 * m->year_before, whose other counts the second connection may be writing
 * meanwhile. */
static int open_at_ends(struct wh *w, const char *partnership, const struct period *p,
			struct metrics *m)
{
	static const char *const names[] = {":t1", ":t2", ":t3"};
	sqlite3_stmt *st = wh_prepare(w, "m_open_at_ends");
	long *out[3] = {&m->open_at_end, &m->previous.open_at_end, &m->year_before.open_at_end};
	int end[3] = {metrics_end(p), metrics_end(&m->previous.period),
		      metrics_end(&m->year_before.period)};
	int latest = end[0], rc, k = 0;

	for (int i = 0; i < 3; i++) {
		if (end[i] > latest)
			latest = end[i];
		wh_bind_date(st, wh_param(st, names[i]), end[i]);
	}
	wh_bind_date(st, wh_param(st, ":e"), latest);
	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < 3)
		*out[k++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE && k == 3 ? 0 : wh_error(w, "m_open_at_ends");
}

/* Overdue at the period's as-of date and at its comparison periods' own
 * ends, from one pass (metrics_overdue.c). */
static int overdue(struct wh *w, const char *partnership, const struct period *p, struct metrics *m)
{
	int as_of[3] = {p->as_of, m->previous.period.as_of, m->year_before.period.as_of};
	long out[3][MODEL_STAGES + 1];
	long *to[3] = {m->overdue, m->previous.overdue, m->year_before.overdue};
	long *n[3] = {&m->overdue_n, &m->previous.overdue_n, &m->year_before.overdue_n};

	if (metrics_overdue(w, partnership, as_of, 3, out))
		return -1;
	for (int k = 0; k < 3; k++) {
		memcpy(to[k], out[k], sizeof(out[k]));
		*n[k] = 0;
		for (int s = 1; s <= MODEL_STAGES; s++)
			*n[k] += out[k][s];
	}
	return 0;
}

/*
 * What the warehouse's second connection (wh_read_begin()) reads while the
 * first reads the rest (compute()): overdue, the previous period, and the
 * outcomes.  Neither side writes what the other reads; both read the same
 * snapshot.  Overdue comes first, as it needs no calendar: where it takes
 * long, the first connection comes to need the calendar meanwhile and
 * reads it, once for both (report/workdays.c), the two sides' shares then
 * nearly equal (North East Lincolnshire at 1,000,000 rows: about 40 ms
 * each).
 */
struct beside {
	struct wh *w;
	const char *id;
	const struct period *p;
	struct metrics *m;
	int rc;
};

static void *beside_run(void *arg)
{
	struct beside *b = arg;

	b->rc = overdue(b->w, b->id, b->p, b->m) ||
			comparisons_headline(b->w, b->id, &b->m->previous) ||
			metrics_outcomes_compute(b->w, b->id, b->p, &b->m->outcomes)
		? -1
		: 0;
	return NULL;
}

/* Start b on the second connection, in its own thread; 1 when started.
 * The second connection counts within the first's subject restriction. */
static int beside_start(struct wh *w, struct beside *b, pthread_t *t)
{
	if (!w->twin || (w->twin->subject != w->subject && scope_subject(w->twin, w->subject)))
		return 0;
	b->w = w->twin;
	if (pthread_create(t, NULL, beside_run, b) == 0)
		return 1;
	b->w = w;
	return 0;
}

static int compute(struct wh *w, const struct ref *model, const struct ref_partnership *part,
		   const struct period *p, const char *measure, struct metrics *m)
{
	const char *id = part->id;
	struct raised_spans r;
	struct m_repeat_rows *rep = metrics_repeat_rows_new();
	struct beside b = {w, id, p, m, 0};
	pthread_t t;
	long repeat_cases = 0, repeat_pairs = 0;
	int apart, rc;

	m->last_stage = part->last_stage;
	comparisons_begin(p, m);
	apart = beside_start(w, &b, &t);
	if (!apart)
		beside_run(&b);
	rc = headline(w, id, p, m) || open_at_ends(w, id, p, m) ||
	     metrics_per_stage(w, "m_entered_stage", id, p, m->entered) ||
	     metrics_per_stage(w, "m_resolved_at_stage", id, p, m->resolved_at_stage) ||
	     raised(w, id, p, m, &r, rep) || metrics_kinds(w, id, p, m) ||
	     metrics_resolution(w, id, p, &m->res_n, &m->res_median) ||
	     metrics_timescales(w, id, p, m->timescale, &m->n_timescale, &m->breach_rate) ||
	     coverage_read(w, id, p->as_of, m->coverage, M_MAX_ITEMS, &m->n_coverage) ||
	     funnel(w, id, p, measure, m) || spc(w, id, p, &r, m) ||
	     comparisons_headline(w, id, &m->year_before) ||
	     metrics_readings(w, model, part, p, m);
	/* The repeats go into m->outcomes, which the other side fills
	 * (clearing it first): counted here, set after the join. */
	if (rc == 0)
		metrics_repeats(rep, &repeat_cases, &repeat_pairs);
	if (apart)
		pthread_join(t, NULL);
	rc = rc || b.rc ? -1 : 0;
	if (rc == 0) {
		silences(part, &r, m);
		m->outcomes.repeat_cases = repeat_cases;
		m->outcomes.repeat_pairs = repeat_pairs;
		m->outcomes.entered_informally = m->entered[0];
		m->pre_stage = part->has_pre_stage;
	}
	metrics_repeat_rows_free(rep);
	return rc;
}

int metrics_compute(struct wh *w, const char *partnership, const struct period *p,
		    const char *measure, struct metrics *m)
{
	struct ref model;
	const struct ref_partnership *part;
	int rc = -1;

	memset(m, 0, sizeof(*m));
	snprintf(m->partnership, sizeof(m->partnership), "%s", partnership);
	m->period = *p;
	m->subject_group = w->subject;
	if (ref_read(w, &model) == 0) {
		part = ref_find_partnership(&model, partnership);
		if (part)
			rc = compute(w, &model, part, p, measure, m);
		else
			error("unknown partnership '%s'", partnership);
	}
	ref_free(&model);
	return rc;
}
