/*
 * metrics_outcomes.c - outcomes, feedback, time in stage, informal
 * resolution, immediate risk and repeat disagreements: see
 * metrics_outcomes.h.  The queries return one row per escalation (or per
 * stage completed); the counting and the medians (mean of the middle two
 * for an even count: stats_median_select()) are done here.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "json_num.h"
#include "model/stages.h"
#include "metrics.h"
#include "metrics_outcomes.h"
#include "stats.h"
#include "workdays.h"

static const char *const outcome_names[MO_NOUTCOME] = {"changed", "partly", "upheld",
						       "not_recorded"};

const char *mo_outcome_name(int o)
{
	return o >= 0 && o < MO_NOUTCOME ? outcome_names[o] : "?";
}

static int outcome_of(const unsigned char *s)
{
	for (int o = 0; s && o < MO_NOT_RECORDED; o++)
		if (strcmp((const char *)s, outcome_names[o]) == 0)
			return o;
	return MO_NOT_RECORDED;
}

/* The pair (by, with), added when new; NULL when the list is full.  The
 * rows come ordered by pair within a stage, so the pair of the row before
 * is tried first (*last). */
static struct mo_pair *pair_of(struct m_outcomes *o, const unsigned char *by,
			       const unsigned char *with, int *last)
{
	struct mo_pair *q;

	if (*last >= 0 && *last < o->n_pair && !strcmp(o->pair[*last].by, (const char *)by) &&
	    !strcmp(o->pair[*last].with, (const char *)with))
		return &o->pair[*last];
	for (int i = 0; i < o->n_pair; i++)
		if (!strcmp(o->pair[i].by, (const char *)by) &&
		    !strcmp(o->pair[i].with, (const char *)with))
			return &o->pair[*last = i];
	if (o->n_pair == MO_MAX_PAIRS)
		return NULL;
	*last = o->n_pair;
	q = &o->pair[o->n_pair++];
	memset(q, 0, sizeof(*q));
	snprintf(q->by, sizeof(q->by), "%s", by ? (const char *)by : "");
	snprintf(q->with, sizeof(q->with), "%s", with ? (const char *)with : "");
	q->tis_median = NAN;
	return q;
}

/* A growing list of doubles. */
struct vec {
	double *v;
	size_t n, cap;
};

static void push(struct vec *x, double d)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 32;
		x->v = xrealloc(x->v, x->cap * sizeof(double));
	}
	x->v[x->n++] = d;
}

/*
 * The rows of a query that names agency pairs, as read in no order (the
 * escalations resolved, m_outcome_rows.sql; the stages completed,
 * m_time_in_stage.sql): each row's agencies by their rank among the agency
 * ids the rows name (name[] sorted once read), so that the rows are put in
 * the order of (stage, raised_by, raised_with) by a sort of ints, not by
 * SQLite's sorter.  That order is the one pairs are first met in
 * (pair_of() keeps the first MO_MAX_PAIRS).
 */
struct tis_row {
	int stage, by, with; /* by, with: index into name[] */
	int outcome;         /* m_outcome_rows: the outcome (MO_*) */
	double days;         /* m_time_in_stage: the working days */
};

struct tis_rows {
	struct tis_row *row;
	size_t n, cap;
	char **name;
	int nname, capname, last; /* last: the name found before */
};

static int name_index(struct tis_rows *t, const unsigned char *s)
{
	const char *v = s ? (const char *)s : "";

	if (t->last >= 0 && !strcmp(t->name[t->last], v))
		return t->last;
	for (int i = 0; i < t->nname; i++)
		if (!strcmp(t->name[i], v))
			return t->last = i;
	if (t->nname == t->capname) {
		t->capname = t->capname ? 2 * t->capname : 16;
		t->name = xrealloc(t->name, (size_t)t->capname * sizeof(*t->name));
	}
	t->name[t->nname] = xstrdup(v);
	return t->last = t->nname++;
}

struct ranked {
	char *name;
	int was; /* its index before sorting */
};

static int cmp_ranked(const void *a, const void *b)
{
	return strcmp(((const struct ranked *)a)->name, ((const struct ranked *)b)->name);
}

static int cmp_tis(const void *a, const void *b)
{
	const struct tis_row *x = a, *y = b;

	if (x->stage != y->stage)
		return x->stage < y->stage ? -1 : 1;
	if (x->by != y->by)
		return x->by < y->by ? -1 : 1;
	return (x->with > y->with) - (x->with < y->with);
}

/* A new row of t (its fields to fill). */
static struct tis_row *tis_add(struct tis_rows *t, int stage, const unsigned char *by,
			       const unsigned char *with)
{
	struct tis_row *r;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 1024;
		t->row = xrealloc(t->row, t->cap * sizeof(*t->row));
	}
	r = &t->row[t->n++];
	r->stage = stage;
	r->by = name_index(t, by);
	r->with = name_index(t, with);
	r->outcome = 0;
	r->days = 0;
	return r;
}

static void tis_free(struct tis_rows *t)
{
	for (int i = 0; i < t->nname; i++)
		free(t->name[i]);
	free(t->name);
	free(t->row);
}

/* Sort the names, renumber the rows' agencies by rank, sort the rows. */
static void tis_sort(struct tis_rows *t)
{
	struct ranked *r = xmalloc(((size_t)t->nname + 1) * sizeof(*r));
	int *rank = xmalloc(((size_t)t->nname + 1) * sizeof(*rank));

	for (int i = 0; i < t->nname; i++)
		r[i] = (struct ranked){t->name[i], i};
	qsort(r, (size_t)t->nname, sizeof(*r), cmp_ranked);
	for (int i = 0; i < t->nname; i++) {
		rank[r[i].was] = i;
		t->name[i] = r[i].name;
	}
	for (size_t i = 0; i < t->n; i++) {
		t->row[i].by = rank[t->row[i].by];
		t->row[i].with = rank[t->row[i].with];
	}
	if (t->n > 1)
		qsort(t->row, t->n, sizeof(*t->row), cmp_tis);
	free(rank);
	free(r);
}

static int outcomes(struct wh *w, const char *partnership, const struct period *p,
		    struct m_outcomes *o)
{
	const struct workdays *cal = workdays_get(w, partnership);
	sqlite3_stmt *st;
	struct vec fb = {0};
	struct tis_rows t = {.last = -1};
	struct mo_pair *q;
	int rc, last = -1;
	long d;

	if (!cal)
		return -1;
	st = wh_prepare(w, "m_outcome_rows");
	metrics_bind_period(st, partnership, p);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *closed = sqlite3_column_text(st, 4);
		int top = sqlite3_column_int(st, 0), k;

		/* a closing day the calendar lacks leaves the escalation out */
		if (workdays_between(cal, closed, closed, &d))
			continue;
		k = outcome_of(sqlite3_column_text(st, 3));
		tis_add(&t, top, sqlite3_column_text(st, 1), sqlite3_column_text(st, 2))->outcome = k;
		o->resolved++;
		o->outcome[k]++;
		if (top >= 0 && top <= MODEL_STAGES)
			o->by_stage[top][k]++;
		if (top == 0)
			o->resolved_informally++;
		/* told by the as-of date, on a day the calendar has */
		if (workdays_between(cal, closed, sqlite3_column_text(st, 5), &d) == 0)
			push(&fb, d > 0 ? (double)d : 0.0);
	}
	sqlite3_finalize(st);
	tis_sort(&t);
	for (size_t i = 0; i < t.n; i++) {
		q = pair_of(o, (const unsigned char *)t.name[t.row[i].by],
			    (const unsigned char *)t.name[t.row[i].with], &last);
		if (q)
			q->outcome[t.row[i].outcome]++;
	}
	tis_free(&t);
	o->recorded = o->outcome[MO_CHANGED] + o->outcome[MO_PARTLY] + o->outcome[MO_UPHELD];
	o->changed_share = o->recorded ? (double)(o->outcome[MO_CHANGED] + o->outcome[MO_PARTLY]) /
						 (double)o->recorded
				       : NAN;
	o->fb_n = (long)fb.n;
	o->fb_share = o->resolved ? (double)fb.n / (double)o->resolved : NAN;
	o->fb_median = stats_median_select(fb.v, fb.n);
	free(fb.v);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_outcome_rows");
}

/* Columns of m_time_in_stage: the agencies, status and closing day, then
 * stage0_on .. stageN_on. */
enum { TIS_BY, TIS_WITH, TIS_STATUS, TIS_CLOSED, TIS_STAGE0 };

/* The stages of the escalation at st's row completed in [from, end] (day
 * numbers), completed as model/stages.h says, with their working days; a
 * day the calendar lacks leaves the stage out. */
static void tis_stages(sqlite3_stmt *st, const struct workdays *cal, int from, int end,
		       struct tis_rows *t)
{
	int on[MODEL_STAGES + 1], done[MODEL_STAGES + 1], closed_on = DATE_NONE;
	const unsigned char *status = sqlite3_column_text(st, TIS_STATUS);
	long days;

	for (int n = 0; n <= MODEL_STAGES; n++)
		on[n] = wh_column_date(st, TIS_STAGE0 + n);
	if (status && strcmp((const char *)status, "open") != 0)
		closed_on = wh_column_date(st, TIS_CLOSED);
	stage_completions(on, closed_on, done);
	for (int n = 0; n <= MODEL_STAGES; n++)
		if (done[n] != DATE_NONE && done[n] >= from && done[n] <= end &&
		    workdays_days(cal, on[n], done[n], &days) == 0)
			tis_add(t, n, sqlite3_column_text(st, TIS_BY),
				sqlite3_column_text(st, TIS_WITH))->days = (double)days;
}

/* Read the rows: the stages completed in the period, in no order. */
static int tis_read(struct wh *w, const char *partnership, const struct period *p,
		    struct tis_rows *t)
{
	const struct workdays *cal = workdays_get(w, partnership);
	sqlite3_stmt *st;
	int rc;

	if (!cal)
		return -1;
	st = wh_prepare(w, "m_time_in_stage");
	metrics_bind_period(st, partnership, p);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		tis_stages(st, cal, p->from, metrics_end(p), t);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "m_time_in_stage");
}

static int time_in_stage(struct wh *w, const char *partnership, const struct period *p,
			 struct m_outcomes *o)
{
	struct tis_rows t = {.last = -1};
	struct vec per_stage[MODEL_STAGES + 1] = {{0}};
	struct vec *per_pair = xcalloc(MO_MAX_PAIRS, sizeof(*per_pair));
	int rc = tis_read(w, partnership, p, &t), last = -1;

	tis_sort(&t);
	for (size_t i = 0; rc == 0 && i < t.n; i++) {
		const struct tis_row *r = &t.row[i];
		struct mo_pair *q = pair_of(o, (const unsigned char *)t.name[r->by],
					    (const unsigned char *)t.name[r->with], &last);

		if (r->stage >= 0 && r->stage <= MODEL_STAGES)
			push(&per_stage[r->stage], r->days);
		if (q)
			push(&per_pair[q - o->pair], r->days);
	}
	for (int s = 0; s <= MODEL_STAGES; s++) {
		o->tis_n[s] = (long)per_stage[s].n;
		o->tis_median[s] = stats_median_select(per_stage[s].v, per_stage[s].n);
		free(per_stage[s].v);
	}
	for (int i = 0; i < o->n_pair; i++) {
		o->pair[i].tis_n = (long)per_pair[i].n;
		o->pair[i].tis_median = stats_median_select(per_pair[i].v, per_pair[i].n);
	}
	for (int i = 0; i < MO_MAX_PAIRS; i++)
		free(per_pair[i].v);
	free(per_pair);
	tis_free(&t);
	return rc;
}

/* A one-row query of two counts. */
static int two_counts(struct wh *w, const char *query, const char *partnership,
		      const struct period *p, long *a, long *b)
{
	sqlite3_stmt *st = wh_prepare(w, query);
	int rc;

	metrics_bind_period(st, partnership, p);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(st, 0);
		*b = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : wh_error(w, query);
}

static int cmp_pair(const void *a, const void *b)
{
	const struct mo_pair *x = a, *y = b;
	int c = strcmp(x->by, y->by);

	return c ? c : strcmp(x->with, y->with);
}

int metrics_outcomes_compute(struct wh *w, const char *partnership, const struct period *p,
			     struct m_outcomes *o)
{
	memset(o, 0, sizeof(*o));
	o->changed_share = o->fb_share = o->fb_median = NAN;
	for (int s = 0; s <= MODEL_STAGES; s++)
		o->tis_median[s] = NAN;
	if (outcomes(w, partnership, p, o) || time_in_stage(w, partnership, p, o) ||
	    two_counts(w, "m_immediate_risk", partnership, p, &o->risk_n, &o->risk_same_day))
		return -1;
	qsort(o->pair, (size_t)o->n_pair, sizeof(o->pair[0]), cmp_pair);
	return 0;
}

int metrics_longest_wait(const struct m_outcomes *o, double *median)
{
	int best = -1;

	for (int s = 0; s <= MODEL_STAGES; s++)
		if (o->tis_n[s] && (best < 0 || o->tis_median[s] > o->tis_median[best]))
			best = s;
	if (best >= 0 && median)
		*median = o->tis_median[best];
	return best;
}

/* The counts by outcome, added to x; x is returned. */
static cJSON *outcome_counts(cJSON *x, const long *v)
{
	for (int k = 0; k < MO_NOUTCOME; k++)
		cJSON_AddNumberToObject(x, outcome_names[k], (double)v[k]);
	return x;
}

static void outcome_json(const struct m_outcomes *o, int last, cJSON *root)
{
	cJSON *x = cJSON_AddObjectToObject(root, "outcome"), *arr, *it;

	cJSON_AddNumberToObject(x, "recorded", (double)o->recorded);
	for (int k = 0; k < MO_NOUTCOME; k++)
		cJSON_AddNumberToObject(x, outcome_names[k], (double)o->outcome[k]);
	cJSON_AddItemToObject(x, "changed_share", json_num(o->changed_share));
	arr = cJSON_AddArrayToObject(x, "by_stage");
	for (int s = 0; s <= last && s <= MODEL_STAGES; s++) {
		long n = 0;

		for (int k = 0; k < MO_NOUTCOME; k++)
			n += o->by_stage[s][k];
		if (!n)
			continue;
		it = cJSON_CreateObject();
		cJSON_AddNumberToObject(it, "stage", s);
		cJSON_AddItemToArray(arr, outcome_counts(it, o->by_stage[s]));
	}
	arr = cJSON_AddArrayToObject(x, "by_pair");
	for (int i = 0; i < o->n_pair; i++) {
		long n = 0;

		for (int k = 0; k < MO_NOUTCOME; k++)
			n += o->pair[i].outcome[k];
		if (!n)
			continue;
		it = cJSON_CreateObject();
		cJSON_AddStringToObject(it, "raised_by", o->pair[i].by);
		cJSON_AddStringToObject(it, "raised_with", o->pair[i].with);
		cJSON_AddItemToArray(arr, outcome_counts(it, o->pair[i].outcome));
	}
}

void metrics_outcomes_json(const struct m_outcomes *o, int last, int pre_stage, void *obj)
{
	cJSON *root = obj, *x, *arr;

	outcome_json(o, last, root);
	x = cJSON_AddObjectToObject(root, "feedback");
	cJSON_AddNumberToObject(x, "n", (double)o->fb_n);
	cJSON_AddItemToObject(x, "share", json_num(o->fb_share));
	cJSON_AddItemToObject(x, "median_days", json_num(o->fb_median));
	arr = cJSON_AddArrayToObject(root, "time_in_stage");
	for (int s = pre_stage ? 0 : 1; s <= last && s <= MODEL_STAGES; s++) {
		if (!o->tis_n[s])
			continue;
		x = cJSON_CreateObject();
		cJSON_AddNumberToObject(x, "stage", s);
		cJSON_AddNumberToObject(x, "n", (double)o->tis_n[s]);
		cJSON_AddItemToObject(x, "median", json_num(o->tis_median[s]));
		cJSON_AddItemToArray(arr, x);
	}
	cJSON_AddNumberToObject(root, "resolved_informally", (double)o->resolved_informally);
	cJSON_AddNumberToObject(root, "entered_informally", (double)o->entered_informally);
	x = cJSON_AddObjectToObject(root, "immediate_risk");
	cJSON_AddNumberToObject(x, "n", (double)o->risk_n);
	cJSON_AddNumberToObject(x, "same_working_day", (double)o->risk_same_day);
	x = cJSON_AddObjectToObject(root, "repeats");
	cJSON_AddNumberToObject(x, "cases", (double)o->repeat_cases);
	cJSON_AddNumberToObject(x, "pairs", (double)o->repeat_pairs);
}
