/*
 * ingest.c - store source rows and derive escalations: see ingest.h.
 *
 * Escalations are derived, never edited: when a row arrives (new or
 * updated) every current row of the same pseudonymised case in the
 * partnership is read back, grouped by reconciliation, and the group's
 * escalations are rebuilt.  Because the grouping depends only on the set of
 * current rows (ordered by raised_on, ref), loading the June export and
 * then the September one gives exactly what September alone gives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/cal.h"
#include "core/date.h"
#include "core/msg.h"
#include "ingest.h"

/* DESIGN.md "Reconciliation": at most 3 working days from the earlier
 * raised_on to the later. */
#define RECONCILE_WORKING_DAYS 3

#define IDLEN 101 /* ids and refs: canon.c caps them at 100 characters */
#define LTLEN 201 /* learning_theme: 200 characters */

/* One current source row, as read back for derivation. */
struct srow {
	long long id;
	char ref[IDLEN];
	char raised_by[IDLEN], raised_with[IDLEN];
	char subject[16], theme[IDLEN], category[16], status[16];
	int raised_on;
	int serious, stuck, learning;
	int stage[CANON_STAGES + 1];
	int closed_on;
	char learning_theme[LTLEN];
	long long escalation_id; /* 0 = none */
	int cluster;             /* index of its cluster */
};

struct ingest {
	struct wh *w;
	const struct ref *r;
	const unsigned char *key;
	const char *file;
	long long load_id;
	int today;
	struct ingest_counts n;
	int echo_limit, echoed;
	sqlite3_stmt *st_current, *st_insert, *st_supersede, *st_group, *st_one, *st_link,
		*st_esc_delete, *st_esc_insert, *st_conflict, *st_reject,
		*st_activity, *st_activity_current, *st_seen;
	sqlite3_stmt *st_stage_insert, *st_case_exists;
	FILE *progress_fp;      /* set: show a progress line */
	long long progress_size;
	double progress_start, progress_last;
	int progress_shown;
	struct srow *rows;       /* derivation scratch, reused */
	int nrows, caprows;
	long long *old_esc;
	int capold;
	/* The warehouse calendar in memory (the same table the SQL uses, so
	 * overrides agree): per jurisdiction, from day cal_first. */
	int cal_first, cal_n;
	int *wd_le[CAL_NJUR];          /* working days up to and including the day */
	int *wd_day[CAL_NJUR];         /* working day numbered wd_base + i */
	int wd_base[CAL_NJUR], wd_n[CAL_NJUR];
	/* Per partnership (index in r->partnership): jurisdiction and the
	 * timescale of each stage (kind 0 = none). */
	int *pjur;
	int (*tkind)[CANON_STAGES + 1];
	int (*tdays)[CANON_STAGES + 1];
};

enum { TS_NONE, TS_BY_WORKING_DAY, TS_WITHIN_OF_RAISING, TS_WITHIN_OF_ENTRY };

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die(EXIT_INTERNAL, "out of memory");
	return p;
}

/* cal_wd_le() as the warehouse calendar has it; days outside it are
 * clamped (the loader rejects dates before 2000 and after today). */
static int wd_le(const struct ingest *g, int jur, int day)
{
	int i = day - g->cal_first;

	if (i < 0)
		i = 0;
	if (i >= g->cal_n)
		i = g->cal_n - 1;
	return g->wd_le[jur][i];
}

/* The working day numbered k, or DATE_NONE beyond the calendar. */
static int wd_day(const struct ingest *g, int jur, int k)
{
	int i = k - g->wd_base[jur];

	return i >= 0 && i < g->wd_n[jur] ? g->wd_day[jur][i] : DATE_NONE;
}

static int read_calendar(struct ingest *g)
{
	sqlite3_stmt *st;
	int rc, last = DATE_NONE;

	st = wh_prepare_sql(g->w, "SELECT min(day), max(day) FROM calendar");
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		const char *b = (const char *)sqlite3_column_text(st, 1);

		date_parse_iso(a, strlen(a), &g->cal_first);
		date_parse_iso(b, strlen(b), &last);
	}
	sqlite3_finalize(st);
	if (last == DATE_NONE)
		return error("%s: the calendar is empty; run 'oversight init'", g->w->path);
	g->cal_n = last - g->cal_first + 1;
	for (int j = 0; j < CAL_NJUR; j++) {
		g->wd_le[j] = calloc((size_t)g->cal_n, sizeof(int));
		g->wd_day[j] = calloc((size_t)g->cal_n, sizeof(int));
		if (!g->wd_le[j] || !g->wd_day[j])
			die(EXIT_INTERNAL, "out of memory");
		g->wd_base[j] = 0;
		g->wd_n[j] = 0;
	}
	st = wh_prepare_sql(g->w, "SELECT jurisdiction, day, is_working, wd_le FROM calendar ORDER BY jurisdiction, day");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int j = cal_jur_parse((const char *)sqlite3_column_text(st, 0));
		const char *d = (const char *)sqlite3_column_text(st, 1);
		int day, i, k = sqlite3_column_int(st, 3);

		if (j < 0 || date_parse_iso(d, strlen(d), &day))
			continue;
		i = day - g->cal_first;
		g->wd_le[j][i] = k;
		if (sqlite3_column_int(st, 2)) {
			if (g->wd_n[j] == 0)
				g->wd_base[j] = k;
			g->wd_day[j][k - g->wd_base[j]] = day;
			g->wd_n[j] = k - g->wd_base[j] + 1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(g->w, "reading the calendar");
}

static int read_timescales(struct ingest *g)
{
	sqlite3_stmt *st;
	int n = g->r->npartnership, rc;

	g->pjur = calloc((size_t)(n ? n : 1), sizeof(int));
	g->tkind = calloc((size_t)(n ? n : 1), sizeof(*g->tkind));
	g->tdays = calloc((size_t)(n ? n : 1), sizeof(*g->tdays));
	if (!g->pjur || !g->tkind || !g->tdays)
		die(EXIT_INTERNAL, "out of memory");
	for (int i = 0; i < n; i++)
		g->pjur[i] = cal_jur_parse(g->r->partnership[i].jurisdiction);
	st = wh_prepare_sql(g->w, "SELECT partnership, stage, kind, days FROM timescale");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct ref_partnership *p = ref_find_partnership(g->r, (const char *)sqlite3_column_text(st, 0));
		int stage = sqlite3_column_int(st, 1);
		const char *kind = (const char *)sqlite3_column_text(st, 2);

		if (!p || stage < 1 || stage > CANON_STAGES)
			continue;
		int i = (int)(p - g->r->partnership);
		g->tkind[i][stage] = !strcmp(kind, "by_working_day") ? TS_BY_WORKING_DAY
				     : !strcmp(kind, "within_of_raising") ? TS_WITHIN_OF_RAISING
									 : TS_WITHIN_OF_ENTRY;
		g->tdays[i][stage] = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(g->w, "reading timescales");
}

struct ingest *ingest_begin(struct wh *w, const struct ref *r,
			    const unsigned char key[PSEUDO_KEY_BYTES], const char *file,
			    const char *sha256, const char *profile)
{
	struct ingest *g = calloc(1, sizeof(*g));
	sqlite3_stmt *st;
	const char *today = getenv("OVERSIGHT_TODAY");

	if (!g)
		die(EXIT_INTERNAL, "out of memory");
	g->w = w;
	g->r = r;
	g->key = key;
	g->file = file;
	/* OVERSIGHT_TODAY pins "today" for the future-date rule in tests. */
	if (!today || date_parse_iso(today, strlen(today), &g->today))
		g->today = date_today();
	if (wh_begin(w))
		goto fail;
	st = wh_prepare(w, "load_insert");
	sqlite3_bind_text(st, 1, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, profile, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		wh_error(w, "recording the load");
		wh_rollback(w);
		goto fail;
	}
	sqlite3_finalize(st);
	g->load_id = sqlite3_last_insert_rowid(w->db);
	g->st_current = wh_prepare(w, "source_current");
	g->st_insert = wh_prepare(w, "source_insert");
	g->st_supersede = wh_prepare(w, "source_supersede");
	g->st_group = wh_prepare(w, "source_group");
	g->st_one = wh_prepare(w, "source_one");
	g->st_link = wh_prepare(w, "source_link");
	g->st_esc_delete = wh_prepare(w, "escalation_delete");
	g->st_esc_insert = wh_prepare(w, "escalation_insert");
	g->st_stage_insert = wh_prepare(w, "stage_event_insert");
	g->st_case_exists = wh_prepare(w, "source_case_exists");
	g->st_conflict = wh_prepare(w, "conflict_insert");
	g->st_reject = wh_prepare(w, "reject_insert");
	g->st_activity = wh_prepare(w, "activity_upsert");
	g->st_activity_current = wh_prepare(w, "activity_current");
	/* The refs of this file so far, with their lines: a repeat is
	 * rejected even when the first occurrence was unchanged (and so
	 * stored nothing of this load). */
	if (read_calendar(g) || read_timescales(g)) {
		wh_rollback(w);
		goto fail;
	}
	/* Refs already held that this file repeats: see ingest_row().  The
	 * loader sets temp_store=FILE, so memory stays bounded. */
	if (wh_exec(w, "CREATE TEMP TABLE IF NOT EXISTS load_seen(partnership TEXT, ref TEXT, "
		       "line INTEGER, PRIMARY KEY (partnership, ref)); DELETE FROM temp.load_seen;")) {
		wh_rollback(w);
		goto fail;
	}
	g->st_seen = wh_prepare_sql(w, "INSERT INTO temp.load_seen(partnership, ref, line) VALUES (?1, ?2, ?3) "
				       "ON CONFLICT (partnership, ref) DO UPDATE SET line = line RETURNING line");
	return g;
fail:
	free(g);
	return NULL;
}

long long ingest_load_id(const struct ingest *g)
{
	return g->load_id;
}

const struct ingest_counts *ingest_counts(const struct ingest *g)
{
	return &g->n;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void ingest_set_progress(struct ingest *g, FILE *fp, long long size)
{
	g->progress_fp = fp;
	g->progress_size = size > 0 ? size : 1;
	g->progress_start = g->progress_last = now();
}

/* Called per row read: every 4096 rows, look at the clock. */
static void progress(struct ingest *g)
{
	double t;
	long pos;

	if (!g->progress_fp || (g->n.read & 4095) != 0)
		return;
	t = now();
	if (t - g->progress_last < 0.5)
		return;
	g->progress_last = t;
	pos = ftell(g->progress_fp);
	fprintf(stderr, "\r%s: %ld rows, %.0f rows/s, %d%%   ", g->file, g->n.read,
		(double)g->n.read / (t - g->progress_start),
		pos < 0 ? 0 : (int)(100.0 * (double)pos / (double)g->progress_size));
	g->progress_shown = 1;
}

void ingest_set_echo(struct ingest *g, int limit)
{
	g->echo_limit = limit;
}

/* Run a write statement to completion and reset it. */
static int run(struct ingest *g, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return wh_error(g->w, what);
	return 0;
}

int ingest_reject(struct ingest *g, long line, int col, const char *field, const char *reason,
		  const char *raw)
{
	sqlite3_stmt *st = g->st_reject;

	g->n.read++;
	g->n.rejected++;
	if (g->echoed < g->echo_limit) {
		if (col > 0)
			fprintf(stderr, "%s:%ld:%d: %s\n", g->file, line, col, reason);
		else
			fprintf(stderr, "%s:%ld: %s\n", g->file, line, reason);
	}
	g->echoed++;
	sqlite3_bind_int64(st, 1, g->load_id);
	sqlite3_bind_int64(st, 2, line);
	if (col > 0)
		sqlite3_bind_int(st, 3, col);
	else
		sqlite3_bind_null(st, 3);
	wh_bind_text_or_null(st, 4, field);
	sqlite3_bind_text(st, 5, reason, -1, SQLITE_STATIC);
	wh_bind_text_or_null(st, 6, raw);
	return run(g, st, "quarantining a row");
}

static void bind_date(sqlite3_stmt *st, int idx, int day)
{
	char buf[11];

	if (day == DATE_NONE)
		sqlite3_bind_null(st, idx);
	else
		sqlite3_bind_text(st, idx, date_format(day, buf), 10, SQLITE_TRANSIENT);
}

static int column_date(sqlite3_stmt *st, int idx)
{
	const char *s = (const char *)sqlite3_column_text(st, idx);
	int day;

	if (!s || date_parse_iso(s, strlen(s), &day))
		return DATE_NONE;
	return day;
}

static void column_copy(sqlite3_stmt *st, int idx, char *buf, size_t cap)
{
	const char *s = (const char *)sqlite3_column_text(st, idx);

	snprintf(buf, cap, "%s", s ? s : "");
}

/* Read the rows of a source_group / source_one query into g->rows. */
static int read_rows(struct ingest *g, sqlite3_stmt *st)
{
	int rc;

	g->nrows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct srow *s;

		if (g->nrows == g->caprows) {
			g->caprows = g->caprows ? 2 * g->caprows : 16;
			g->rows = xrealloc(g->rows, (size_t)g->caprows * sizeof(*g->rows));
		}
		s = &g->rows[g->nrows++];
		s->id = sqlite3_column_int64(st, 0);
		column_copy(st, 1, s->ref, sizeof(s->ref));
		column_copy(st, 2, s->raised_by, sizeof(s->raised_by));
		column_copy(st, 3, s->raised_with, sizeof(s->raised_with));
		column_copy(st, 4, s->subject, sizeof(s->subject));
		s->raised_on = column_date(st, 5);
		column_copy(st, 6, s->theme, sizeof(s->theme));
		column_copy(st, 7, s->category, sizeof(s->category));
		s->serious = sqlite3_column_int(st, 8);
		s->stuck = sqlite3_column_int(st, 9);
		s->stage[0] = DATE_NONE;
		for (int n = 1; n <= CANON_STAGES; n++)
			s->stage[n] = column_date(st, 9 + n);
		column_copy(st, 15, s->status, sizeof(s->status));
		s->closed_on = column_date(st, 16);
		s->learning = sqlite3_column_int(st, 17);
		column_copy(st, 18, s->learning_theme, sizeof(s->learning_theme));
		s->escalation_id = sqlite3_column_int64(st, 19);
		s->cluster = -1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : wh_error(g->w, "reading source rows");
}

static int same_pair(const struct srow *a, const struct srow *b)
{
	return (!strcmp(a->raised_by, b->raised_by) && !strcmp(a->raised_with, b->raised_with)) ||
	       (!strcmp(a->raised_by, b->raised_with) && !strcmp(a->raised_with, b->raised_by));
}

static int conflict(struct ingest *g, long long esc, const char *field, const char *kept,
		    const char *other)
{
	sqlite3_stmt *st = g->st_conflict;

	sqlite3_bind_int64(st, 1, esc);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kept, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, other, -1, SQLITE_TRANSIENT);
	return run(g, st, "recording a reconciliation conflict");
}

static const char *date_or_none(int day, char *buf)
{
	return day == DATE_NONE ? "(none)" : date_format(day, buf);
}

/*
 * The stage events of escalation esc (DESIGN.md "Stage completion",
 * "Working-day deadline"): one row per stage entered, completed on the
 * next stage date above it, or on closed_on when it is the top stage and
 * the escalation is closed; due on the deadline of the stage's timescale:
 *   by_working_day N     the working day numbered wd_le(raised_on - 1) + N
 *                        (day 1 is raised_on if a working day, else the
 *                        next working day);
 *   within_of_raising N  numbered wd_le(raised_on) + N (the N-th working
 *                        day strictly after raised_on);
 *   within_of_entry N    numbered wd_le(entered_on) + N.
 * queries/stage_event_refresh_due.sql is the same definition in SQL.
 */
static int store_stage_events(struct ingest *g, long long esc, int pidx, int raised_on,
			      const int *stage, int closed, int closed_on)
{
	sqlite3_stmt *st = g->st_stage_insert;
	const char *partnership = g->r->partnership[pidx].id;
	int jur = g->pjur[pidx];

	for (int n = 1; n <= CANON_STAGES; n++) {
		int done = DATE_NONE, due = DATE_NONE, kind = g->tkind[pidx][n], k = 0;

		if (stage[n] == DATE_NONE)
			continue;
		for (int m = n + 1; m <= CANON_STAGES && done == DATE_NONE; m++)
			done = stage[m];
		if (done == DATE_NONE && closed)
			done = closed_on;
		if (kind != TS_NONE && jur >= 0) {
			if (kind == TS_BY_WORKING_DAY)
				k = wd_le(g, jur, raised_on - 1);
			else if (kind == TS_WITHIN_OF_RAISING)
				k = wd_le(g, jur, raised_on);
			else
				k = wd_le(g, jur, stage[n]);
			due = wd_day(g, jur, k + g->tdays[pidx][n]);
		}
		sqlite3_bind_int64(st, 1, esc);
		sqlite3_bind_text(st, 2, partnership, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, n);
		bind_date(st, 4, stage[n]);
		bind_date(st, 5, done);
		bind_date(st, 6, due);
		if (run(g, st, "deriving stage events"))
			return -1;
	}
	return 0;
}

/*
 * Build one escalation from the rows of cluster c (rows are in (raised_on,
 * ref) order, so the first is the earliest) and link them to it.
 * DESIGN.md: the earliest raised_on and stage dates, every stage either
 * reached, and a closure recorded by either stand; disagreements are kept
 * for `oversight check`.
 */
static int build_escalation(struct ingest *g, int pidx, const char *case_key, int c)
{
	sqlite3_stmt *st = g->st_esc_insert;
	struct srow m;
	const struct srow *first = NULL;
	char pseudo[9], a[11], b[11];
	int top = 0, nsrc = 0, closed_by = -1;
	long long esc;
	const char *partnership = g->r->partnership[pidx].id;

	for (int i = 0; i < g->nrows; i++) {
		const struct srow *s = &g->rows[i];

		if (s->cluster != c)
			continue;
		nsrc++;
		if (!first) {
			first = s;
			m = *s;
			continue;
		}
		for (int n = 1; n <= CANON_STAGES; n++)
			if (s->stage[n] != DATE_NONE &&
			    (m.stage[n] == DATE_NONE || s->stage[n] < m.stage[n]))
				m.stage[n] = s->stage[n];
		m.serious |= s->serious;
		m.stuck |= s->stuck;
		m.learning |= s->learning;
		if (!m.learning_theme[0])
			memcpy(m.learning_theme, s->learning_theme, sizeof(m.learning_theme));
	}
	/* A closure recorded by either stands: the latest closure, so that it
	 * is not before a stage the other source saw. */
	for (int i = 0; i < g->nrows; i++) {
		const struct srow *s = &g->rows[i];

		if (s->cluster == c && strcmp(s->status, "open") != 0 &&
		    (closed_by < 0 || s->closed_on > g->rows[closed_by].closed_on))
			closed_by = i;
	}
	if (closed_by >= 0) {
		memcpy(m.status, g->rows[closed_by].status, sizeof(m.status));
		m.closed_on = g->rows[closed_by].closed_on;
	}
	for (int n = 1; n <= CANON_STAGES; n++)
		if (m.stage[n] != DATE_NONE)
			top = n;

	pseudo_short_ref(g->key, partnership, first->ref, pseudo);
	sqlite3_bind_text(st, 1, partnership, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, pseudo, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, m.raised_by, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, m.raised_with, -1, SQLITE_TRANSIENT);
	wh_bind_text_or_null(st, 5, case_key);
	sqlite3_bind_text(st, 6, m.subject, -1, SQLITE_TRANSIENT);
	bind_date(st, 7, m.raised_on);
	sqlite3_bind_text(st, 8, m.theme, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, m.category, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 10, m.serious);
	sqlite3_bind_int(st, 11, m.stuck);
	for (int n = 1; n <= CANON_STAGES; n++)
		bind_date(st, 11 + n, m.stage[n]);
	sqlite3_bind_int(st, 17, top);
	sqlite3_bind_text(st, 18, m.status, -1, SQLITE_TRANSIENT);
	bind_date(st, 19, m.closed_on);
	sqlite3_bind_int(st, 20, m.learning);
	wh_bind_text_or_null(st, 21, m.learning_theme);
	sqlite3_bind_int(st, 22, nsrc);
	if (run(g, st, "deriving an escalation"))
		return -1;
	esc = sqlite3_last_insert_rowid(g->w->db);

	if (store_stage_events(g, esc, pidx, m.raised_on, m.stage, strcmp(m.status, "open") != 0,
			       m.closed_on))
		return -1;
	for (int i = 0; i < g->nrows; i++) {
		const struct srow *s = &g->rows[i];

		if (s->cluster != c)
			continue;
		sqlite3_bind_int64(g->st_link, 1, s->id);
		sqlite3_bind_int64(g->st_link, 2, esc);
		if (run(g, g->st_link, "linking a source row"))
			return -1;
		if (s == first)
			continue;
		/* What the sources disagree on, against the value kept. */
		if (strcmp(s->raised_by, m.raised_by) && conflict(g, esc, "raised_by", m.raised_by, s->raised_by))
			return -1;
		if (strcmp(s->theme, m.theme) && conflict(g, esc, "theme", m.theme, s->theme))
			return -1;
		if (strcmp(s->category, m.category) && conflict(g, esc, "category", m.category, s->category))
			return -1;
		if (strcmp(s->subject, m.subject) && conflict(g, esc, "subject", m.subject, s->subject))
			return -1;
		if (s->raised_on != m.raised_on &&
		    conflict(g, esc, "raised_on", date_or_none(m.raised_on, a), date_or_none(s->raised_on, b)))
			return -1;
		for (int n = 1; n <= CANON_STAGES; n++) {
			static const char *const names[] = {"", "stage1_on", "stage2_on", "stage3_on",
							    "stage4_on", "stage5_on"};

			if (s->stage[n] != m.stage[n] &&
			    conflict(g, esc, names[n], date_or_none(m.stage[n], a), date_or_none(s->stage[n], b)))
				return -1;
		}
		if ((strcmp(s->status, m.status) || s->closed_on != m.closed_on)) {
			char kept[32], other[32];

			snprintf(kept, sizeof(kept), "%s %s", m.status, m.closed_on == DATE_NONE ? "" : date_format(m.closed_on, a));
			snprintf(other, sizeof(other), "%s %s", s->status, s->closed_on == DATE_NONE ? "" : date_format(s->closed_on, b));
			if (conflict(g, esc, "status", kept, other))
				return -1;
		}
	}
	return 0;
}

/*
 * Re-derive the escalations of one case (case_key) in a partnership, or of
 * the single row row_id when it has no case reference.  *joined is set to
 * the number of rows in row_id's escalation.
 */
static int derive(struct ingest *g, const struct ref_partnership *p, const char *case_key,
		  long long row_id, int *joined)
{
	int ncluster = 0, nold = 0;
	int pidx = (int)(p - g->r->partnership);
	int jur = g->pjur[pidx];

	if (case_key) {
		sqlite3_bind_text(g->st_group, 1, p->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(g->st_group, 2, case_key, -1, SQLITE_STATIC);
		if (read_rows(g, g->st_group))
			return -1;
	} else {
		sqlite3_bind_int64(g->st_one, 1, row_id);
		if (read_rows(g, g->st_one))
			return -1;
	}

	/* Drop the escalations these rows made up before. */
	if (g->nrows > g->capold) {
		g->capold = g->nrows;
		g->old_esc = xrealloc(g->old_esc, (size_t)g->capold * sizeof(long long));
	}
	for (int i = 0; i < g->nrows; i++) {
		long long e = g->rows[i].escalation_id;
		int seen = 0;

		for (int j = 0; j < nold && !seen; j++)
			seen = g->old_esc[j] == e;
		if (e && !seen)
			g->old_esc[nold++] = e;
	}
	for (int j = 0; j < nold; j++) {
		sqlite3_bind_int64(g->st_esc_delete, 1, g->old_esc[j]);
		if (run(g, g->st_esc_delete, "replacing an escalation"))
			return -1;
	}

	/* Reconcile: rows in (raised_on, ref) order; a row joins the latest
	 * cluster of its pair of agencies when it was raised at most 3
	 * working days after that cluster's first row, else starts one. */
	for (int i = 0; i < g->nrows; i++) {
		struct srow *s = &g->rows[i];

		for (int j = i - 1; j >= 0 && s->cluster < 0; j--) {
			const struct srow *t = &g->rows[j];
			const struct srow *head = NULL;

			if (!same_pair(s, t))
				continue;
			/* t is in the latest cluster of this pair; its head is the
			 * cluster's earliest row. */
			for (int k = 0; k <= j; k++)
				if (g->rows[k].cluster == t->cluster) {
					head = &g->rows[k];
					break;
				}
			if (jur >= 0 &&
			    wd_le(g, jur, s->raised_on) - wd_le(g, jur, head->raised_on) <=
				    RECONCILE_WORKING_DAYS)
				s->cluster = t->cluster;
			break;
		}
		if (s->cluster < 0)
			s->cluster = ncluster++;
	}
	for (int c = 0; c < ncluster; c++)
		if (build_escalation(g, pidx, case_key, c))
			return -1;
	if (joined) {
		int cl = -1, n = 0;

		for (int i = 0; i < g->nrows; i++)
			if (g->rows[i].id == row_id)
				cl = g->rows[i].cluster;
		for (int i = 0; i < g->nrows; i++)
			n += g->rows[i].cluster == cl;
		*joined = n;
	}
	return 0;
}

/* The canonical values, in a fixed order, for the "unchanged" digest. */
static void row_digest(const struct canon *c, const char *case_key, char out[PSEUDO_HEX])
{
	char buf[2048], d[11];
	size_t n = 0;

#define PUT(s)                                                                   \
	do {                                                                     \
		const char *s_ = (s) ? (s) : "";                                 \
		size_t l_ = strlen(s_);                                          \
		if (n + l_ + 1 < sizeof(buf)) {                                  \
			memcpy(buf + n, s_, l_);                                 \
			n += l_;                                                 \
			buf[n++] = '\x1f';                                       \
		}                                                                \
	} while (0)
	PUT(c->raised_by);
	PUT(c->raised_with);
	PUT(case_key);
	PUT(c->subject);
	PUT(date_format(c->raised_on, d));
	PUT(c->theme);
	PUT(c->category);
	PUT(c->serious ? "y" : "n");
	PUT(c->stuck ? "y" : "n");
	for (int s = 1; s <= CANON_STAGES; s++)
		PUT(c->stage[s] == DATE_NONE ? "" : date_format(c->stage[s], d));
	PUT(c->status);
	PUT(c->closed_on == DATE_NONE ? "" : date_format(c->closed_on, d));
	PUT(c->learning ? "y" : "n");
	PUT(c->learning_theme);
#undef PUT
	pseudo_digest(buf, n, out);
}

static int reject_canon(struct ingest *g, const struct canon_in *in, const struct canon_err *e,
			const char *raw)
{
	return ingest_reject(g, in->line, e->col, canon_field_name(e->field), e->msg, raw);
}

/* Store a source row version; esc is its escalation, or 0 when it is to be
 * derived.  The new row's id is sqlite3_last_insert_rowid(). */
static int insert_source(struct ingest *g, const struct canon_in *in, const struct canon *c,
			 const char *ck, const char *digest, long long esc)
{
	sqlite3_stmt *st = g->st_insert;

	sqlite3_bind_text(st, 1, c->p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->ref, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, g->load_id);
	sqlite3_bind_int64(st, 4, in->line);
	sqlite3_bind_text(st, 5, digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, c->raised_by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, c->raised_with, -1, SQLITE_STATIC);
	if (ck)
		sqlite3_bind_text(st, 8, ck, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 8);
	sqlite3_bind_text(st, 9, c->subject, -1, SQLITE_STATIC);
	bind_date(st, 10, c->raised_on);
	sqlite3_bind_text(st, 11, c->theme, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, c->category, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 13, c->serious);
	sqlite3_bind_int(st, 14, c->stuck);
	for (int n = 1; n <= CANON_STAGES; n++)
		bind_date(st, 14 + n, c->stage[n]);
	sqlite3_bind_text(st, 20, c->status, -1, SQLITE_STATIC);
	bind_date(st, 21, c->closed_on);
	sqlite3_bind_int(st, 22, c->learning);
	if (c->learning_theme)
		sqlite3_bind_text(st, 23, c->learning_theme, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 23);
	if (esc)
		sqlite3_bind_int64(st, 24, esc);
	else
		sqlite3_bind_null(st, 24);
	return run(g, st, "storing a row");
}

/*
 * A new row that no other current row shares a case with: its escalation
 * is the row itself, so it is written straight away, without reading the
 * row back (build_escalation() gives the same for a one-row cluster).
 */
static int store_alone(struct ingest *g, const struct canon_in *in, const struct canon *c,
		       const char *ck, const char *digest)
{
	sqlite3_stmt *st = g->st_esc_insert;
	int pidx = (int)(c->p - g->r->partnership);
	char pseudo[9];
	long long esc;

	pseudo_short_ref(g->key, c->p->id, c->ref, pseudo);
	sqlite3_bind_text(st, 1, c->p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, pseudo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, c->raised_by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->raised_with, -1, SQLITE_STATIC);
	if (ck)
		sqlite3_bind_text(st, 5, ck, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 5);
	sqlite3_bind_text(st, 6, c->subject, -1, SQLITE_STATIC);
	bind_date(st, 7, c->raised_on);
	sqlite3_bind_text(st, 8, c->theme, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, c->category, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, c->serious);
	sqlite3_bind_int(st, 11, c->stuck);
	for (int n = 1; n <= CANON_STAGES; n++)
		bind_date(st, 11 + n, c->stage[n]);
	sqlite3_bind_int(st, 17, c->top_stage);
	sqlite3_bind_text(st, 18, c->status, -1, SQLITE_STATIC);
	bind_date(st, 19, c->closed_on);
	sqlite3_bind_int(st, 20, c->learning);
	if (c->learning_theme)
		sqlite3_bind_text(st, 21, c->learning_theme, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 21);
	sqlite3_bind_int(st, 22, 1);
	if (run(g, st, "deriving an escalation"))
		return -1;
	esc = sqlite3_last_insert_rowid(g->w->db);
	if (insert_source(g, in, c, ck, digest, esc) ||
	    store_stage_events(g, esc, pidx, c->raised_on, c->stage, strcmp(c->status, "open") != 0,
			       c->closed_on))
		return -1;
	g->n.read++;
	g->n.loaded++;
	return 0;
}

int ingest_row(struct ingest *g, const struct canon_in *in, const char *raw)
{
	progress(g);
	struct canon c;
	struct canon_err e;
	char case_key[PSEUDO_HEX], digest[PSEUDO_HEX];
	const char *ck = NULL;
	long long old_id = 0, old_load = 0, old_esc = 0;
	char old_case[PSEUDO_HEX] = "";
	int has_old_case = 0, joined = 0, same = 0, rc;
	sqlite3_stmt *st;

	if (canon_validate(in, g->r, g->today, &c, &e))
		return reject_canon(g, in, &e, raw);
	/* A subject the partnership's protocol does not cover (an adult in a
	 * children's partnership) is a mistake in the log. */
	if (!ref_covers_subject(c.p, c.subject)) {
		e.field = CF_SUBJECT;
		e.col = in->col[CF_SUBJECT];
		snprintf(e.msg, sizeof(e.msg), "%s: %s's protocol does not cover subject '%s'",
			 in->src[CF_SUBJECT] ? in->src[CF_SUBJECT] : "subject", c.p->id, c.subject);
		return reject_canon(g, in, &e, raw);
	}
	if (c.case_ref && pseudo_case_key(g->key, c.p->id, c.case_ref, c.case_len, case_key) == 0)
		ck = case_key;
	row_digest(&c, ck, digest);

	st = g->st_current;
	sqlite3_bind_text(st, 1, c.p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c.ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		old_id = sqlite3_column_int64(st, 0);
		old_load = sqlite3_column_int64(st, 2);
		old_esc = sqlite3_column_int64(st, 4);
		same = strcmp((const char *)sqlite3_column_text(st, 1), digest) == 0;
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			column_copy(st, 3, old_case, sizeof(old_case));
			has_old_case = 1;
		}
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return wh_error(g->w, "looking up a row");
	}
	sqlite3_reset(st);

	/* DESIGN.md: a ref that repeats within the file is rejected.  A row
	 * stored by this load says so itself; a ref held from before that
	 * this file left unchanged stores nothing, so such refs are noted in
	 * a temporary table (new rows, the bulk of a first load, need none). */
	if (old_id) {
		long long first = -1;

		if (old_load == g->load_id) {
			sqlite3_stmt *q = wh_prepare_sql(g->w, "SELECT line FROM source_row WHERE id = ?1");

			sqlite3_bind_int64(q, 1, old_id);
			first = wh_scalar_int(q, 0);
			sqlite3_finalize(q);
		} else {
			sqlite3_bind_text(g->st_seen, 1, c.p->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(g->st_seen, 2, c.ref, -1, SQLITE_STATIC);
			sqlite3_bind_int64(g->st_seen, 3, in->line);
			first = wh_scalar_int(g->st_seen, -1);
			if (first < 0)
				return wh_error(g->w, "checking for a repeated ref");
			if (first == in->line)
				first = -1;
		}
		if (first >= 0) {
			e.field = CF_REF;
			e.col = in->col[CF_REF];
			snprintf(e.msg, sizeof(e.msg), "%s: '%s' repeats line %lld",
				 in->src[CF_REF] ? in->src[CF_REF] : "ref", c.ref, first);
			return reject_canon(g, in, &e, raw);
		}
		if (same) {
			g->n.read++;
			g->n.unchanged++;
			return 0;
		}
	}

	/* A new row of a case no current row carries: an escalation of its
	 * own, stored directly (the fast path of a first load). */
	if (!old_id) {
		int alone = 1;

		if (ck) {
			sqlite3_bind_text(g->st_case_exists, 1, c.p->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(g->st_case_exists, 2, ck, -1, SQLITE_STATIC);
			alone = wh_scalar_int(g->st_case_exists, 1) == 0;
		}
		if (alone)
			return store_alone(g, in, &c, ck, digest);
	}

	/* The old version stops being current before the new one is stored
	 * (the source_current index allows one current row per ref); it
	 * points at itself until the new row's id is known. */
	if (old_id) {
		sqlite3_bind_int64(g->st_supersede, 1, old_id);
		sqlite3_bind_int64(g->st_supersede, 2, old_id);
		if (run(g, g->st_supersede, "updating a row"))
			return -1;
	}
	if (insert_source(g, in, &c, ck, digest, 0))
		return -1;
	long long new_id = sqlite3_last_insert_rowid(g->w->db);

	if (old_id) {
		sqlite3_bind_int64(g->st_supersede, 1, old_id);
		sqlite3_bind_int64(g->st_supersede, 2, new_id);
		if (run(g, g->st_supersede, "updating a row"))
			return -1;
		/* The escalation the old version made up goes; the case it
		 * belonged to, if another, is re-derived without it. */
		if (old_esc) {
			sqlite3_bind_int64(g->st_esc_delete, 1, old_esc);
			if (run(g, g->st_esc_delete, "replacing an escalation"))
				return -1;
		}
		if (has_old_case && (!ck || strcmp(old_case, ck) != 0) &&
		    derive(g, c.p, old_case, 0, NULL))
			return -1;
	}
	if (derive(g, c.p, ck, new_id, &joined))
		return -1;
	g->n.read++;
	if (old_id)
		g->n.updated++;
	else if (joined > 1)
		g->n.merged++;
	else
		g->n.loaded++;
	return 0;
}

int ingest_activity(struct ingest *g, long line, char *const *v, const int *col, const char *raw)
{
	static const char *const names[] = {"partnership", "agency", "quarter", "measure", "value"};
	const struct ref_partnership *p;
	char msg[512];
	int year, q;
	long long value = 0, old;
	int rc;

	for (int i = 0; i < 5; i++)
		if (!v[i] || !*v[i]) {
			snprintf(msg, sizeof(msg), "%s: required value missing", names[i]);
			return ingest_reject(g, line, col[i], names[i], msg, raw);
		}
	p = ref_find_partnership(g->r, v[0]);
	if (!p) {
		snprintf(msg, sizeof(msg), "partnership: unknown partnership '%.60s'", v[0]);
		return ingest_reject(g, line, col[0], names[0], msg, raw);
	}
	if (ref_agency_index(p, v[1]) < 0) {
		const char *hint = ref_suggest(v[1], p->agency, p->nagency);

		snprintf(msg, sizeof(msg), "agency: unknown agency '%.60s' in %s%s%s%s", v[1], p->id,
			 hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
		return ingest_reject(g, line, col[1], names[1], msg, raw);
	}
	if (strlen(v[2]) != 7 || sscanf(v[2], "%4d-Q%1d", &year, &q) != 2 || q < 1 || q > 4 ||
	    year < 2000) {
		snprintf(msg, sizeof(msg), "quarter: '%.60s' is not a quarter (YYYY-Qn)", v[2]);
		return ingest_reject(g, line, col[2], names[2], msg, raw);
	}
	if (strlen(v[3]) > 64) {
		snprintf(msg, sizeof(msg), "measure: longer than 64 characters");
		return ingest_reject(g, line, col[3], names[3], msg, raw);
	}
	{
		const char *s = v[4];
		int digits = 0;

		if (*s == '-') {
			snprintf(msg, sizeof(msg), "value: '%.60s' is negative; activity is a count", v[4]);
			return ingest_reject(g, line, col[4], names[4], msg, raw);
		}
		for (; *s >= '0' && *s <= '9' && digits < 12; s++, digits++)
			value = value * 10 + (*s - '0');
		if (*s >= '0' && *s <= '9' && !s[strspn(s, "0123456789")]) {
			/* A count, but more than 12 digits: no agency's activity. */
			snprintf(msg, sizeof(msg), "value: '%.60s' is too large for a count", v[4]);
			return ingest_reject(g, line, col[4], names[4], msg, raw);
		}
		if (*s || digits == 0) {
			snprintf(msg, sizeof(msg), "value: '%.60s' is not a whole number", v[4]);
			return ingest_reject(g, line, col[4], names[4], msg, raw);
		}
	}
	sqlite3_bind_text(g->st_activity_current, 1, p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(g->st_activity_current, 2, v[1], -1, SQLITE_STATIC);
	sqlite3_bind_text(g->st_activity_current, 3, v[2], -1, SQLITE_STATIC);
	sqlite3_bind_text(g->st_activity_current, 4, v[3], -1, SQLITE_STATIC);
	old = wh_scalar_int(g->st_activity_current, -1);
	g->n.read++;
	if (old == value) {
		g->n.unchanged++;
		return 0;
	}
	sqlite3_bind_text(g->st_activity, 1, p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(g->st_activity, 2, v[1], -1, SQLITE_STATIC);
	sqlite3_bind_text(g->st_activity, 3, v[2], -1, SQLITE_STATIC);
	sqlite3_bind_text(g->st_activity, 4, v[3], -1, SQLITE_STATIC);
	sqlite3_bind_int64(g->st_activity, 5, value);
	sqlite3_bind_int64(g->st_activity, 6, g->load_id);
	rc = run(g, g->st_activity, "storing activity");
	if (rc)
		return -1;
	if (old < 0)
		g->n.loaded++;
	else
		g->n.updated++;
	return 0;
}

int ingest_end(struct ingest *g, int commit, struct ingest_counts *out)
{
	sqlite3_stmt *sts[] = {g->st_current, g->st_insert, g->st_supersede, g->st_group,
			       g->st_one, g->st_link, g->st_esc_delete, g->st_esc_insert,
			       g->st_conflict, g->st_reject, g->st_activity,
			       g->st_activity_current, g->st_seen, g->st_stage_insert,
			       g->st_case_exists};
	int rc = 0;

	if (g->progress_shown)
		fprintf(stderr, "\r%*s\r", 78, "");
	if (g->echo_limit > 0 && g->echoed > g->echo_limit)
		fprintf(stderr, "%s: ... and %d more rejected rows (oversight rejects --load %lld)\n",
			g->file, g->echoed - g->echo_limit, g->load_id);
	if (out)
		*out = g->n;
	if (commit) {
		sqlite3_stmt *st = wh_prepare(g->w, "load_finish");

		sqlite3_bind_int64(st, 1, g->load_id);
		sqlite3_bind_int64(st, 2, g->n.read);
		sqlite3_bind_int64(st, 3, g->n.loaded);
		sqlite3_bind_int64(st, 4, g->n.updated);
		sqlite3_bind_int64(st, 5, g->n.unchanged);
		sqlite3_bind_int64(st, 6, g->n.merged);
		sqlite3_bind_int64(st, 7, g->n.rejected);
		rc = run(g, st, "recording the load");
		sqlite3_finalize(st);
	}
	for (size_t i = 0; i < sizeof(sts) / sizeof(sts[0]); i++)
		sqlite3_finalize(sts[i]);
	if (commit && rc == 0)
		rc = wh_commit(g->w);
	/* Fresh statistics for the query planner, bounded in cost
	 * (analysis_limit), so reports stay on their indexes as data grows.
	 * In a write transaction taken first: optimize reads, then writes,
	 * and a load committing in between would fail it at once with
	 * "database is locked" (the busy timeout does not cover a stale
	 * snapshot).  The load is committed by now; statistics are not worth
	 * an error. */
	if (commit && rc == 0 &&
	    sqlite3_exec(g->w->db, "BEGIN IMMEDIATE; PRAGMA analysis_limit=400; PRAGMA optimize; COMMIT;",
			 NULL, NULL, NULL) != SQLITE_OK)
		wh_rollback(g->w);
	if (!commit || rc)
		wh_rollback(g->w);
	free(g->rows);
	free(g->old_esc);
	for (int j = 0; j < CAL_NJUR; j++) {
		free(g->wd_le[j]);
		free(g->wd_day[j]);
	}
	free(g->pjur);
	free(g->tkind);
	free(g->tdays);
	free(g);
	return rc;
}
