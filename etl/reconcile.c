/*
 * reconcile.c - clusters, escalations and stage events: see reconcile.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "model/deadline.h"
#include "model/proto.h"
#include "model/pseudo.h"
#include "escwrite.h"
#include "reconcile.h"

/* DESIGN.md "Reconciliation": at most 3 working days from the earlier
 * raised_on to the later. */
#define RECONCILE_WORKING_DAYS 3

struct reconcile {
	struct wh *w;
	const struct ref *r;
	struct pseudo_hmac *hm; /* the key's HMAC state */
	struct deadlines *dl;
	sqlite3_stmt *st_group, *st_one, *st_link;
	struct escwrite *ew;
	struct srow *rows; /* derivation scratch, reused */
	int nrows, caprows;
	long long *old_esc;
	int capold;
	struct srow **ptr; /* clustering scratch */
	int capptr;
	struct srow *sim;  /* reconcile_key(): the rows a file's changes went through */
	int nsim, capsim;
	unsigned char *in; /* ... and which of them were current at each change */
	struct srow **cur;
	int capcur;
	int *kept; /* reconcile_key(): by cluster, 1 when its escalation stands */
	int capkept;
	struct reconcile_event *ev; /* reconcile_rows(): the rows' arrivals */
	int capev;
};

struct reconcile *reconcile_begin(struct wh *w, const struct ref *r, const unsigned char *key)
{
	struct reconcile *x = xcalloc(1, sizeof(*x));

	x->w = w;
	x->r = r;
	x->dl = deadlines_read(w, r, -1);
	if (!x->dl) {
		free(x);
		return NULL;
	}
	x->hm = pseudo_hmac_new(key);
	x->st_group = wh_prepare(w, "source_group");
	x->st_one = wh_prepare(w, "source_one");
	x->st_link = wh_prepare(w, "source_link");
	x->ew = escwrite_new(w, r, x->dl);
	return x;
}

void reconcile_end(struct reconcile *x)
{
	if (!x)
		return;
	sqlite3_finalize(x->st_group);
	sqlite3_finalize(x->st_one);
	sqlite3_finalize(x->st_link);
	escwrite_free(x->ew);
	deadlines_free(x->dl);
	pseudo_hmac_free(x->hm);
	free(x->rows);
	free(x->old_esc);
	free(x->ptr);
	free(x->sim);
	free(x->in);
	free(x->cur);
	free(x->kept);
	free(x->ev);
	free(x);
}

static void column_copy(sqlite3_stmt *st, int idx, char *buf, size_t cap)
{
	const char *s = (const char *)sqlite3_column_text(st, idx);

	snprintf(buf, cap, "%s", s ? s : "");
}

/* One row of a source_group / source_one query. */
static void fill_row(sqlite3_stmt *st, struct srow *s)
{
	s->id = sqlite3_column_int64(st, 0);
	column_copy(st, 1, s->ref, sizeof(s->ref));
	column_copy(st, 2, s->raised_by, sizeof(s->raised_by));
	column_copy(st, 3, s->raised_with, sizeof(s->raised_with));
	column_copy(st, 4, s->subject, sizeof(s->subject));
	s->raised_on = wh_column_date(st, 5);
	column_copy(st, 6, s->theme, sizeof(s->theme));
	column_copy(st, 7, s->category, sizeof(s->category));
	s->serious = sqlite3_column_int(st, 8);
	s->stuck = sqlite3_column_int(st, 9);
	for (int n = 1; n <= MODEL_STAGES; n++)
		s->stage[n] = wh_column_date(st, 9 + n);
	s->stage[0] = wh_column_date(st, 20);
	column_copy(st, 21, s->outcome, sizeof(s->outcome));
	s->feedback_on = wh_column_date(st, 22);
	s->immediate_risk = sqlite3_column_int(st, 23);
	column_copy(st, 15, s->status, sizeof(s->status));
	s->closed_on = wh_column_date(st, 16);
	s->learning = sqlite3_column_int(st, 17);
	column_copy(st, 18, s->learning_theme, sizeof(s->learning_theme));
	s->escalation_id = sqlite3_column_int64(st, 19);
	s->cluster = -1;
	s->pseudo[0] = '\0'; /* build_escalation() makes it */
}

/* Append the rows of a source_group / source_one query to *rows. */
static int append_rows(struct reconcile *x, sqlite3_stmt *st, struct srow **rows, int *n, int *cap)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 16;
			*rows = xrealloc(*rows, (size_t)*cap * sizeof(**rows));
		}
		fill_row(st, &(*rows)[(*n)++]);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : wh_error(x->w, "reading source rows");
}

/* Rows in the order (raised_on, ref): DESIGN.md "Reconciliation" takes a
 * case's rows oldest first, so that what it builds depends on the set of
 * rows only, never on the order they were loaded in. */
static int rows_compare(const struct srow *r, const struct srow *s)
{
	if (r->raised_on != s->raised_on)
		return r->raised_on < s->raised_on ? -1 : 1;
	return strcmp(r->ref, s->ref);
}

static int row_order(const void *a, const void *b)
{
	return rows_compare(*(const struct srow *const *)a, *(const struct srow *const *)b);
}

static int row_order_value(const void *a, const void *b)
{
	return rows_compare(a, b);
}

/* Read the rows of a source_group / source_one query into x->rows, in
 * (raised_on, ref) order: sorted here, not by the query, as a case has a
 * handful of rows and SQLite's sorter costs more to set up for each case
 * than the sort. */
static int read_rows(struct reconcile *x, sqlite3_stmt *st)
{
	x->nrows = 0;
	if (append_rows(x, st, &x->rows, &x->nrows, &x->caprows))
		return -1;
	if (x->nrows > 1)
		qsort(x->rows, (size_t)x->nrows, sizeof(*x->rows), row_order_value);
	return 0;
}

static int same_pair(const struct srow *a, const struct srow *b)
{
	return (!strcmp(a->raised_by, b->raised_by) && !strcmp(a->raised_with, b->raised_with)) ||
	       (!strcmp(a->raised_by, b->raised_with) && !strcmp(a->raised_with, b->raised_by));
}

static int conflict(struct reconcile *x, long long esc, const char *field, const char *kept,
		    const char *other)
{
	return escwrite_conflict(x->ew, esc, field, kept, other);
}

static const char *date_or_none(int day, char *buf)
{
	return day == DATE_NONE ? "(none)" : date_format(day, buf);
}

int reconcile_alone(struct reconcile *x, const struct canon *c, const char *case_key, long long *esc)
{
	struct esc_rec m = {
		.partnership = c->p->id, .pseudo = c->pseudo, .raised_by = c->raised_by,
		.raised_with = c->raised_with, .case_key = case_key, .subject = c->subject,
		.theme = c->theme, .category = c->category, .status = c->status,
		.learning_theme = c->learning_theme, .raised_on = c->raised_on,
		.serious = c->serious, .stuck = c->stuck, .learning = c->learning,
		.closed_on = c->closed_on, .top_stage = c->top_stage, .n_sources = 1,
		.stage = c->stage, .outcome = c->outcome, .feedback_on = c->feedback_on,
		.immediate_risk = c->immediate_risk,
	};

	return escwrite_put(x->ew, &m, esc);
}

int reconcile_drop(struct reconcile *x, long long esc)
{
	return escwrite_drop(x->ew, esc);
}

int reconcile_flush(struct reconcile *x)
{
	return escwrite_flush(x->ew);
}

/* What source s disagrees on with the merged escalation m (esc). */
static int record_conflicts(struct reconcile *x, long long esc, const struct srow *m,
			    const struct srow *s)
{
	char a[11], b[11];

	if (strcmp(s->raised_by, m->raised_by) && conflict(x, esc, "raised_by", m->raised_by, s->raised_by))
		return -1;
	if (strcmp(s->theme, m->theme) && conflict(x, esc, "theme", m->theme, s->theme))
		return -1;
	if (strcmp(s->category, m->category) && conflict(x, esc, "category", m->category, s->category))
		return -1;
	if (strcmp(s->subject, m->subject) && conflict(x, esc, "subject", m->subject, s->subject))
		return -1;
	if (s->raised_on != m->raised_on &&
	    conflict(x, esc, "raised_on", date_or_none(m->raised_on, a), date_or_none(s->raised_on, b)))
		return -1;
	for (int n = 0; n <= MODEL_STAGES; n++) {
		char name[24];

		/* stage 0 is optional: a source that does not record it does
		 * not disagree with one that does */
		if (n == 0 && s->stage[0] == DATE_NONE)
			continue;
		snprintf(name, sizeof(name), "stage%d_on", n);
		if (s->stage[n] != m->stage[n] &&
		    conflict(x, esc, name, date_or_none(m->stage[n], a), date_or_none(s->stage[n], b)))
			return -1;
	}
	if ((strcmp(s->status, m->status) || s->closed_on != m->closed_on)) {
		char kept[32], other[32];

		snprintf(kept, sizeof(kept), "%s %s", m->status, m->closed_on == DATE_NONE ? "" : date_format(m->closed_on, a));
		snprintf(other, sizeof(other), "%s %s", s->status, s->closed_on == DATE_NONE ? "" : date_format(s->closed_on, b));
		if (conflict(x, esc, "status", kept, other))
			return -1;
	}
	return 0;
}

/* An outcome source s recorded that the merged escalation m does not keep
 * (the first row too: the outcome kept may be another source's). */
static int outcome_conflict(struct reconcile *x, long long esc, const struct srow *m,
			    const struct srow *s)
{
	if (!s->outcome[0] || !strcmp(s->outcome, m->outcome))
		return 0;
	return conflict(x, esc, "outcome", m->outcome[0] ? m->outcome : "(none)", s->outcome);
}

/*
 * The outcome of a merged escalation: the one recorded with the closure
 * that stands, else the first recorded by another source (rows in
 * (raised_on, ref) order).  An outcome belongs to a closure, so a source
 * that closed it decides; one that says nothing does not make it "not
 * recorded".  A different outcome from another source is a conflict.
 */
static void merge_outcome(const struct reconcile *x, int c, struct srow *m, int closed_by)
{
	m->outcome[0] = '\0';
	if (closed_by >= 0 && x->rows[closed_by].outcome[0]) {
		memcpy(m->outcome, x->rows[closed_by].outcome, sizeof(m->outcome));
		return;
	}
	for (int i = 0; i < x->nrows; i++)
		if (x->rows[i].cluster == c && x->rows[i].outcome[0]) {
			memcpy(m->outcome, x->rows[i].outcome, sizeof(m->outcome));
			return;
		}
}

/*
 * Merge the rows of cluster c (rows are in (raised_on, ref) order, so the
 * first is the earliest) into *m: DESIGN.md: the earliest raised_on and
 * stage dates, every stage either reached, and a closure recorded by either
 * stand.  Returns the first row; *nsrc is set to the cluster's size.
 */
static const struct srow *merge_cluster(struct reconcile *x, int c, struct srow *m, int *nsrc)
{
	const struct srow *first = NULL;
	int closed_by = -1;

	*nsrc = 0;
	for (int i = 0; i < x->nrows; i++) {
		const struct srow *s = &x->rows[i];

		if (s->cluster != c)
			continue;
		(*nsrc)++;
		if (!first) {
			first = s;
			*m = *s;
			continue;
		}
		for (int n = 0; n <= MODEL_STAGES; n++)
			if (s->stage[n] != DATE_NONE &&
			    (m->stage[n] == DATE_NONE || s->stage[n] < m->stage[n]))
				m->stage[n] = s->stage[n];
		m->serious |= s->serious;
		m->stuck |= s->stuck;
		m->learning |= s->learning;
		m->immediate_risk |= s->immediate_risk;
		if (s->feedback_on != DATE_NONE &&
		    (m->feedback_on == DATE_NONE || s->feedback_on < m->feedback_on))
			m->feedback_on = s->feedback_on;
		if (!m->learning_theme[0])
			memcpy(m->learning_theme, s->learning_theme, sizeof(m->learning_theme));
	}
	/* A closure recorded by either stands: the latest closure, so that it
	 * is not before a stage the other source saw. */
	for (int i = 0; i < x->nrows; i++) {
		const struct srow *s = &x->rows[i];

		if (s->cluster == c && strcmp(s->status, "open") != 0 &&
		    (closed_by < 0 || s->closed_on > x->rows[closed_by].closed_on))
			closed_by = i;
	}
	if (closed_by >= 0) {
		memcpy(m->status, x->rows[closed_by].status, sizeof(m->status));
		m->closed_on = x->rows[closed_by].closed_on;
	}
	merge_outcome(x, c, m, closed_by);
	return first;
}

/*
 * Build one escalation from the rows of cluster c and link them to it;
 * disagreements are kept for `oversight check`.
 */
static int build_escalation(struct reconcile *x, const char *partnership, const char *case_key,
			    int c, long long as)
{
	struct srow m;
	const struct srow *first;
	char pseudo[9];
	int top = 0, nsrc;
	long long esc;

	first = merge_cluster(x, c, &m, &nsrc);
	for (int n = 1; n <= MODEL_STAGES; n++)
		if (m.stage[n] != DATE_NONE)
			top = n; /* 0 when stage 0 is its only stage */
	if (!*strcpy(pseudo, first->pseudo)) /* a row read back from the warehouse */
		pseudo_short_ref_h(x->hm, partnership, first->ref, pseudo);

	struct esc_rec rec = {
		.partnership = partnership, .pseudo = pseudo, .raised_by = m.raised_by,
		.raised_with = m.raised_with, .case_key = case_key && *case_key ? case_key : NULL,
		.subject = m.subject, .theme = m.theme, .category = m.category, .status = m.status,
		.learning_theme = m.learning_theme[0] ? m.learning_theme : NULL,
		.raised_on = m.raised_on, .serious = m.serious, .stuck = m.stuck,
		.learning = m.learning, .closed_on = m.closed_on, .top_stage = top,
		.n_sources = nsrc, .stage = m.stage,
		.outcome = m.outcome[0] ? m.outcome : NULL, .feedback_on = m.feedback_on,
		.immediate_risk = m.immediate_risk,
	};

	if (as ? escwrite_put_as(x->ew, &rec, as) : escwrite_put(x->ew, &rec, &esc))
		return -1;
	if (as)
		esc = as;
	for (int i = 0; i < x->nrows; i++) {
		const struct srow *s = &x->rows[i];

		if (s->cluster != c)
			continue;
		/* a row stored pointing at its promised id needs no link */
		if (!as || s->escalation_id != as) {
			sqlite3_bind_int64(x->st_link, wh_param(x->st_link, ":id"), s->id);
			sqlite3_bind_int64(x->st_link, wh_param(x->st_link, ":escalation_id"), esc);
			if (wh_run(x->w, x->st_link, "linking a source row"))
				return -1;
		}
		if ((s != first && record_conflicts(x, esc, &m, s)) || outcome_conflict(x, esc, &m, s))
			return -1;
	}
	return 0;
}

/* Drop the escalations x->rows made up before, but those of the clusters
 * c with kept[c] set (kept: by cluster, or NULL: none kept). */
static int drop_old(struct reconcile *x, const int *kept)
{
	int nold = 0;

	if (x->nrows > x->capold) {
		x->capold = x->nrows;
		x->old_esc = xrealloc(x->old_esc, (size_t)x->capold * sizeof(long long));
	}
	for (int i = 0; i < x->nrows; i++) {
		int c = x->rows[i].cluster;
		long long e = kept && c >= 0 && kept[c] ? 0 : x->rows[i].escalation_id;
		int seen = 0;

		for (int j = 0; j < nold && !seen; j++)
			seen = x->old_esc[j] == e;
		if (e && !seen)
			x->old_esc[nold++] = e;
	}
	for (int j = 0; j < nold; j++)
		if (reconcile_drop(x, x->old_esc[j]))
			return -1;
	return 0;
}

int reconcile_apart(const struct reconcile *x, int pidx, int later, int earlier)
{
	int jur = deadlines_jur(x->dl, pidx);

	if (jur < 0)
		return 1; /* cluster_rows() joins no rows */
	return deadlines_whole(x->dl, jur) && deadlines_wd_le(x->dl, jur, later) -
						      deadlines_wd_le(x->dl, jur, earlier) > RECONCILE_WORKING_DAYS;
}

/* Reconcile: rows in (raised_on, ref) order; a row joins the latest cluster
 * of its pair of agencies when it was raised at most 3 working days after
 * that cluster's first row, else starts one.  Sets each row's cluster;
 * returns the cluster count. */
static int cluster_rows(const struct deadlines *dl, int jur, struct srow *const *rows, int nrows)
{
	int ncluster = 0;

	for (int i = 0; i < nrows; i++)
		rows[i]->cluster = -1;
	for (int i = 0; i < nrows; i++) {
		struct srow *s = rows[i];

		for (int j = i - 1; j >= 0 && s->cluster < 0; j--) {
			const struct srow *t = rows[j];
			const struct srow *head = NULL;

			if (!same_pair(s, t))
				continue;
			/* t is in the latest cluster of this pair; its head is the
			 * cluster's earliest row. */
			for (int k = 0; k <= j; k++)
				if (rows[k]->cluster == t->cluster) {
					head = rows[k];
					break;
				}
			if (jur >= 0 &&
			    deadlines_wd_le(dl, jur, s->raised_on) - deadlines_wd_le(dl, jur, head->raised_on) <=
				    RECONCILE_WORKING_DAYS)
				s->cluster = t->cluster;
			break;
		}
		if (s->cluster < 0)
			s->cluster = ncluster++;
	}
	return ncluster;
}

/* Cluster x->rows (already in (raised_on, ref) order). */
static int cluster_all(struct reconcile *x, int jur)
{
	if (x->nrows > x->capptr) {
		x->capptr = x->nrows;
		x->ptr = xrealloc(x->ptr, (size_t)x->capptr * sizeof(*x->ptr));
	}
	for (int i = 0; i < x->nrows; i++)
		x->ptr[i] = &x->rows[i];
	return cluster_rows(x->dl, jur, x->ptr, x->nrows);
}

int reconcile_case(struct reconcile *x, const struct ref_partnership *p, const char *case_key,
		   long long row_id, int *joined)
{
	int ncluster, pidx = (int)(p - x->r->partnership);

	if (case_key) {
		sqlite3_bind_text(x->st_group, wh_param(x->st_group, ":partnership"), p->id, -1, SQLITE_STATIC);
		wh_bind_key(x->st_group, wh_param(x->st_group, ":case_key"), case_key);
		if (read_rows(x, x->st_group))
			return -1;
	} else {
		sqlite3_bind_int64(x->st_one, wh_param(x->st_one, ":id"), row_id);
		if (read_rows(x, x->st_one))
			return -1;
	}
	if (drop_old(x, NULL))
		return -1;
	ncluster = cluster_all(x, deadlines_jur(x->dl, pidx));
	for (int c = 0; c < ncluster; c++)
		if (build_escalation(x, p->id, case_key, c, 0))
			return -1;
	if (joined) {
		int cl = -1, n = 0;

		for (int i = 0; i < x->nrows; i++)
			if (x->rows[i].id == row_id)
				cl = x->rows[i].cluster;
		for (int i = 0; i < x->nrows; i++)
			n += x->rows[i].cluster == cl;
		*joined = n;
	}
	return 0;
}

static int sim_find(const struct reconcile *x, long long id)
{
	for (int i = 0; i < x->nsim; i++)
		if (x->sim[i].id == id)
			return i;
	return -1;
}

/* The size of the cluster row i of x->sim is in, among the rows current
 * (x->in) at that moment. */
static int joined_at(struct reconcile *x, int jur, int i)
{
	int n = 0, size = 0;

	for (int k = 0; k < x->nsim; k++)
		if (x->in[k])
			x->cur[n++] = &x->sim[k];
	qsort(x->cur, (size_t)n, sizeof(*x->cur), row_order);
	cluster_rows(x->dl, jur, x->cur, n);
	for (int k = 0; k < n; k++)
		size += x->cur[k]->cluster == x->sim[i].cluster;
	return size;
}

/*
 * DESIGN.md's "merged": a new row that joined another row's escalation
 * when it arrived.  The case's rows before the file are x->rows without the
 * file's new versions, with the versions it replaced; the file's changes are
 * replayed on them in file order, clustering after each new row.
 */
static int count_merged(struct reconcile *x, int jur, const struct reconcile_event *ev, int nev,
			long *merged)
{
	x->nsim = 0;
	for (int i = 0; i < x->nrows; i++) {
		if (x->nsim == x->capsim) {
			x->capsim = x->capsim ? 2 * x->capsim : 16;
			x->sim = xrealloc(x->sim, (size_t)x->capsim * sizeof(*x->sim));
		}
		x->sim[x->nsim++] = x->rows[i];
	}
	for (int e = 0; e < nev; e++) {
		if (!ev[e].rm_id)
			continue;
		sqlite3_bind_int64(x->st_one, wh_param(x->st_one, ":id"), ev[e].rm_id);
		if (append_rows(x, x->st_one, &x->sim, &x->nsim, &x->capsim))
			return -1;
	}
	if (x->nsim > x->capcur) {
		x->capcur = x->nsim;
		x->in = xrealloc(x->in, (size_t)x->capcur);
		x->cur = xrealloc(x->cur, (size_t)x->capcur * sizeof(*x->cur));
	}
	for (int k = 0; k < x->nsim; k++)
		x->in[k] = 1;
	for (int e = 0; e < nev; e++) {
		int k = ev[e].add_id ? sim_find(x, ev[e].add_id) : -1;

		if (k >= 0)
			x->in[k] = 0;
	}
	for (int e = 0; e < nev; e++) {
		int rm = ev[e].rm_id ? sim_find(x, ev[e].rm_id) : -1;
		int add = ev[e].add_id ? sim_find(x, ev[e].add_id) : -1;

		if (rm >= 0)
			x->in[rm] = 0;
		if (add < 0)
			continue;
		x->in[add] = 1;
		if (ev[e].fresh && joined_at(x, jur, add) > 1)
			(*merged)++;
	}
	return 0;
}

/*
 * Which clusters keep the escalation they have (x->kept[c] = 1): an
 * escalation is derived from its rows alone, so one whose current rows are
 * exactly the cluster's, none of them new and none gone (a file's removed
 * versions are ev[].drop_esc), would be built again as it is.  Rebuilding
 * it would only cost a delete and the same rows written again: the row
 * that started a case and was stored on its own, as most are, stands when
 * a later row of the case joins none of its escalations.
 */
static void keep_unchanged(struct reconcile *x, const struct reconcile_event *ev, int nev, int ncluster)
{
	if (ncluster > x->capkept) {
		x->capkept = ncluster;
		x->kept = xrealloc(x->kept, (size_t)x->capkept * sizeof(*x->kept));
	}
	for (int c = 0; c < ncluster; c++)
		x->kept[c] = -1; /* not yet looked at */
	for (int i = 0; i < x->nrows; i++) {
		int c = x->rows[i].cluster, same = 1;
		long long e = x->rows[i].escalation_id;

		if (x->kept[c] >= 0)
			continue;
		/* every row linked to e is in c, and every row of c is linked to e */
		for (int k = 0; k < x->nrows && e; k++)
			if ((x->rows[k].escalation_id == e) != (x->rows[k].cluster == c))
				same = 0;
		for (int k = 0; k < nev && e; k++)
			if (ev[k].drop_esc == e)
				same = 0;
		x->kept[c] = e && same;
	}
}

int reconcile_key(struct reconcile *x, const struct ref_partnership *p, const char *case_key,
		  const struct reconcile_event *ev, int nev, long *merged)
{
	int ncluster, fresh = 0, jur = deadlines_jur(x->dl, (int)(p - x->r->partnership));

	sqlite3_bind_text(x->st_group, wh_param(x->st_group, ":partnership"), p->id, -1, SQLITE_STATIC);
	wh_bind_key(x->st_group, wh_param(x->st_group, ":case_key"), case_key);
	if (read_rows(x, x->st_group))
		return -1;
	for (int e = 0; e < nev; e++)
		fresh |= ev[e].fresh;
	if (fresh && count_merged(x, jur, ev, nev, merged))
		return -1;
	for (int e = 0; e < nev; e++)
		if (ev[e].drop_esc && reconcile_drop(x, ev[e].drop_esc))
			return -1;
	ncluster = cluster_all(x, jur);
	keep_unchanged(x, ev, nev, ncluster);
	if (drop_old(x, x->kept))
		return -1;
	for (int c = 0; c < ncluster; c++)
		if (!x->kept[c] && build_escalation(x, p->id, case_key, c, 0))
			return -1;
	return 0;
}

long long reconcile_reserve(struct reconcile *x)
{
	return escwrite_reserve(x->ew);
}

/* The lowest id promised to a row of cluster c. */
static long long promised(const struct reconcile *x, int c)
{
	long long as = 0;

	for (int i = 0; i < x->nrows; i++)
		if (x->rows[i].cluster == c && (!as || x->rows[i].escalation_id < as))
			as = x->rows[i].escalation_id;
	return as;
}

int reconcile_rows(struct reconcile *x, const struct ref_partnership *p, const char *case_key,
		   const struct srow *rows, int n, long *merged)
{
	int ncluster, jur = deadlines_jur(x->dl, (int)(p - x->r->partnership));

	if (n > x->caprows) {
		x->caprows = n;
		x->rows = xrealloc(x->rows, (size_t)n * sizeof(*x->rows));
	}
	if (n > x->capev) {
		x->capev = n;
		x->ev = xrealloc(x->ev, (size_t)n * sizeof(*x->ev));
	}
	memcpy(x->rows, rows, (size_t)n * sizeof(*rows));
	x->nrows = n;
	/* every row new, arriving in file order: count_merged() replays them */
	for (int k = 0; k < n; k++)
		x->ev[k] = (struct reconcile_event){.seq = rows[k].id, .add_id = rows[k].id, .fresh = 1};
	if (n > 1) {
		qsort(x->rows, (size_t)n, sizeof(*x->rows), row_order_value);
		if (count_merged(x, jur, x->ev, n, merged))
			return -1;
	}
	ncluster = cluster_all(x, jur);
	for (int c = 0; c < ncluster; c++)
		if (build_escalation(x, p->id, case_key, c, promised(x, c)))
			return -1;
	return 0;
}
