/*
 * store.c - the load's transaction, source rows and counts: see ingest.h.
 *
 * A row that validates is stored as a new version of its source row (or
 * counted unchanged); the escalations it belongs to are then re-derived
 * by reconcile.c.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/embed.h"
#include "core/msg.h"
#include "core/util.h"
#include "activity.h"
#include "bulk.h"
#include "ingest.h"
#include "owner.h"
#include "model/proto.h"
#include "pend.h"
#include "prep.h"
#include "progress.h"
#include "reconcile.h"
#include "rejecho.h"
#include "settle.h"
#include "srcwrite.h"
#include "tally.h"

struct ingest {
	struct wh *w;
	const struct ref *r;
	const unsigned char *key;
	struct prep *prep;      /* a row's rules, case key and digest (prep.h) */
	const struct ingest_redirect *redirect; /* rows handed elsewhere */
	const char *file;
	long long load_id;
	int today;
	struct ingest_counts n;
	int echo_limit, echoed;
	struct reconcile *rec;  /* the escalations the rows make up */
	struct tally *tally;    /* rows stored and superseded, for load_source */
	struct bulk *bulk;      /* the reports' indexes, set aside (bulk.h) */
	struct settle *settle;  /* cases settled at the end (NULL: OVERSIGHT_RECONCILE_EACH_ROW) */
	struct pend *pend;      /* new cases held back a moment (pend.h) */
	sqlite3_stmt *st_current, *st_insert, *st_supersede, *st_reject, *st_activity,
		*st_activity_current, *st_seen, *st_case_exists, *st_line;
	struct progress progress; /* a progress line, at a terminal */
	struct load_source src; /* whose log it is (owner.h) */
	char *sheet;            /* a workbook: the sheet its rows are in */
	const char *(*raw_fn)(void *ctx); /* the quarantine text, on demand */
	void *raw_ctx;
};

static int pend_derive(void *ctx, int pidx, const char *ck, const struct srow *rows, int n);

/* Every statement of the load, for finalizing. */
#define STORE_STATEMENTS(g)                                                              \
	{ (g)->st_current, (g)->st_insert, (g)->st_supersede, (g)->st_reject, (g)->st_activity, \
	  (g)->st_activity_current, (g)->st_seen, (g)->st_case_exists, (g)->st_line }

static void finalize_all(struct ingest *g)
{
	sqlite3_stmt *sts[] = STORE_STATEMENTS(g);

	for (size_t i = 0; i < sizeof(sts) / sizeof(sts[0]); i++)
		sqlite3_finalize(sts[i]);
	pend_free(g->pend);
	g->pend = NULL;
	reconcile_end(g->rec);
	settle_free(g->settle);
	g->settle = NULL;
	tally_free(g->tally);
	g->tally = NULL;
	bulk_free(g->bulk);
	g->bulk = NULL;
	prep_free(g->prep);
	g->prep = NULL;
}

struct ingest *ingest_begin(struct wh *w, const struct ref *r,
			    const unsigned char key[PSEUDO_KEY_BYTES], const char *file,
			    const char *sha256, const char *profile)
{
	struct ingest *g = xcalloc(1, sizeof(*g));
	const char *today = getenv("OVERSIGHT_TODAY");

	g->w = w;
	g->r = r;
	g->key = key;
	g->file = file;
	g->src.exported = DATE_NONE;
	/* OVERSIGHT_TODAY pins "today" for the future-date rule in tests. */
	if (!today || date_parse_iso(today, strlen(today), &g->today))
		g->today = date_today();
	g->prep = prep_new(r, key, g->today);
	/* A caller may have begun the transaction to check the file first. */
	if (sqlite3_get_autocommit(w->db) && wh_begin(w))
		goto fail;
	if (srcwrite_load(w, file, sha256, profile))
		goto rollback;
	g->load_id = sqlite3_last_insert_rowid(w->db);
	g->st_current = wh_prepare(w, "source_current");
	g->st_insert = srcwrite_prepare(w);
	g->st_supersede = wh_prepare(w, "source_supersede");
	g->st_case_exists = wh_prepare(w, "source_case_exists");
	g->st_line = wh_prepare(w, "source_line");
	g->st_reject = wh_prepare(w, "reject_insert");
	g->st_activity = wh_prepare(w, "activity_upsert");
	g->st_activity_current = wh_prepare(w, "activity_current");
	g->rec = reconcile_begin(w, r, key);
	if (!g->rec)
		goto rollback;
	g->tally = tally_new();
	/* The old way, a case re-derived after each of its rows, is kept
	 * for comparing the two (tests/t-settle.sh). */
	if (!getenv("OVERSIGHT_RECONCILE_EACH_ROW") &&
	    !(g->settle = settle_new(w, r)))
		goto rollback;
	if (g->settle)
		g->pend = pend_new(pend_derive, g, g->rec);
	/* Refs already held that this file repeats: see ingest_row().  The
	 * loader sets temp_store=FILE, so memory stays bounded. */
	if (wh_exec(w, embed_query("load_seen_create")))
		goto rollback;
	g->st_seen = wh_prepare(w, "load_seen_insert");
	return g;
rollback:
	wh_rollback(w);
fail:
	finalize_all(g);
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

void ingest_set_progress(struct ingest *g, FILE *fp, long long size)
{
	progress_start(&g->progress, fp, size);
}

void ingest_set_sheet(struct ingest *g, const char *sheet)
{
	free(g->sheet);
	g->sheet = xstrdup(sheet);
}

void ingest_set_raw_source(struct ingest *g, const char *(*fn)(void *ctx), void *ctx)
{
	if (g->redirect) {
		g->redirect->raw_source(g->redirect->ctx, fn, ctx);
		return;
	}
	g->raw_fn = fn;
	g->raw_ctx = ctx;
}

/* The quarantine text of the row being ingested. */
static const char *row_raw(const struct ingest *g, const char *raw)
{
	return raw || !g->raw_fn ? raw : g->raw_fn(g->raw_ctx);
}

int ingest_set_bulk(struct ingest *g, struct bulk *b)
{
	bulk_free(g->bulk);
	g->bulk = b;
	/* Re-deriving each case as its rows arrive reads source_case: it
	 * is built now (from no rows). */
	if (!g->settle && bulk_rebuild_lookup(b, g->w))
		return -1;
	return 0;
}

void ingest_set_echo(struct ingest *g, int limit)
{
	g->echo_limit = limit;
}

void ingest_redirect(struct ingest *g, const struct ingest_redirect *rd)
{
	g->redirect = rd;
}

const struct prep *ingest_prep(const struct ingest *g)
{
	return g->prep;
}

/* ingest_reject() on this thread. */
static int quarantine(struct ingest *g, long line, int col, const char *field, const char *reason,
		      const char *raw)
{
	sqlite3_stmt *st = g->st_reject;

	g->n.read++;
	g->n.rejected++;
	if (g->echoed < g->echo_limit) {
		progress_clear(&g->progress);
		rejecho(g->file, g->sheet, line, col, reason);
	}
	g->echoed++;
	sqlite3_bind_int64(st, wh_param(st, ":load_id"), g->load_id);
	sqlite3_bind_int64(st, wh_param(st, ":line"), line);
	if (col > 0)
		sqlite3_bind_int(st, wh_param(st, ":col"), col);
	else
		sqlite3_bind_null(st, wh_param(st, ":col"));
	wh_bind_text_or_null(st, wh_param(st, ":field"), field);
	sqlite3_bind_text(st, wh_param(st, ":reason"), reason, -1, SQLITE_STATIC);
	wh_bind_text_or_null(st, wh_param(st, ":raw"), raw);
	return wh_run(g->w, st, "quarantining a row");
}

int ingest_reject(struct ingest *g, long line, int col, const char *field, const char *reason,
		  const char *raw)
{
	if (g->redirect)
		return g->redirect->reject(g->redirect->ctx, line, col, field, reason, raw);
	return quarantine(g, line, col, field, reason, raw);
}

/* p rejected: its reason kept with the row's quarantine text. */
static int reject_prepared(struct ingest *g, const struct prep_row *p)
{
	return quarantine(g, p->line, p->col, p->field, p->reason, row_raw(g, p->raw));
}

/* Store a source row version; esc is its escalation, or 0 when it is to be
 * derived.  The new row's id is sqlite3_last_insert_rowid(). */
static int insert_source(struct ingest *g, const struct canon_in *in, const struct canon *c,
			 const char *ck, const char *digest, long long esc)
{
	int pidx = (int)(c->p - g->r->partnership);

	tally_add(g->tally, g->load_id, pidx, 1, 1);
	tally_agencies(g->tally, g->load_id, g->r, pidx, c->raised_by, c->raised_with, 1);
	return srcwrite_put(g->w, g->st_insert, g->load_id, in->line, c, ck, digest, esc);
}

/* A new row that no current row shares a case with, or none could join
 * (case_alone()): its escalation is the row itself, written straight away
 * (reconcile_case() gives the same for a one-row cluster). */
static int store_alone(struct ingest *g, const struct canon_in *in, const struct canon *c,
		       const char *ck, const char *digest)
{
	long long esc;

	if (reconcile_alone(g->rec, c, ck, &esc) || insert_source(g, in, c, ck, digest, esc))
		return -1;
	g->n.read++;
	g->n.loaded++;
	return 0;
}

/* A new row of a first load's case (or of none) held back (pend.h; floor:
 * pend_add()'s): stored now, pointing at the escalation id promised to it,
 * derived when its case leaves the window; loaded until then. */
static int store_pending(struct ingest *g, const struct canon_in *in, const struct canon *c,
			 const char *ck, const char *digest, int floor)
{
	long long esc = reconcile_reserve(g->rec);

	if (esc < 0 || insert_source(g, in, c, ck, digest, esc) ||
	    pend_add(g->pend, (int)(c->p - g->r->partnership), ck, c,
		     sqlite3_last_insert_rowid(g->w->db), esc, floor))
		return -1;
	g->n.read++;
	g->n.loaded++;
	return 0;
}

/* A held case leaving the window: the rows that joined another's
 * escalation as they arrived move from loaded to merged. */
static int pend_derive(void *ctx, int pidx, const char *ck, const struct srow *rows, int n)
{
	struct ingest *g = ctx;
	long merged = 0;

	if (reconcile_rows(g->rec, &g->r->partnership[pidx], ck, rows, n, &merged))
		return -1;
	g->n.loaded -= merged;
	g->n.merged += merged;
	return 0;
}

/* The version of a source row the warehouse holds now (id 0: none). */
struct held {
	long long id, load, esc;
	int same;              /* its digest is the new row's */
	int has_case;
	char case_key[PSEUDO_HEX];
	char by[128], with[128]; /* the agencies it names, when not same (tally.h) */
};

static int find_held(struct ingest *g, const struct canon *c, const char *digest, struct held *h)
{
	sqlite3_stmt *st = g->st_current;
	int rc;

	memset(h, 0, sizeof(*h));
	sqlite3_bind_text(st, wh_param(st, ":partnership"), c->p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":ref"), c->ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char held_digest[33];

		h->id = sqlite3_column_int64(st, 0);
		h->load = sqlite3_column_int64(st, 2);
		h->esc = sqlite3_column_int64(st, 4);
		h->same = wh_column_key(st, 1, held_digest) == 0 && strcmp(held_digest, digest) == 0;
		if (!h->same) { /* to be superseded: its agencies' counts */
			snprintf(h->by, sizeof(h->by), "%s", (const char *)sqlite3_column_text(st, 5));
			snprintf(h->with, sizeof(h->with), "%s", (const char *)sqlite3_column_text(st, 6));
		}
		h->has_case = wh_column_key(st, 3, h->case_key) == 0;
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return wh_error(g->w, "looking up a row");
	}
	sqlite3_reset(st);
	return 0;
}

/* DESIGN.md: a ref that repeats within the file is rejected.  A row stored
 * by this load says so itself; a ref held from before that this file left
 * unchanged stores nothing, so such refs are noted in a temporary table
 * (new rows, the bulk of a first load, need none).  Returns the line of
 * the first occurrence, -1 when there is none, or -2 on an error. */
static long long repeated_line(struct ingest *g, const struct canon_in *in, const struct canon *c,
			       const struct held *h)
{
	sqlite3_stmt *st = g->st_seen;
	long long first;

	if (h->load == g->load_id) {
		sqlite3_bind_int64(g->st_line, wh_param(g->st_line, ":id"), h->id);
		return wh_scalar_int(g->st_line, 0);
	}
	sqlite3_bind_text(st, wh_param(st, ":partnership"), c->p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":ref"), c->ref, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, wh_param(st, ":line"), in->line);
	first = wh_scalar_int(st, -1);
	if (first < 0)
		return wh_error(g->w, "checking for a repeated ref") - 1;
	return first == in->line ? -1 : first;
}

/* A new row of a case no current row carries, or none could join (last:
 * settle_day()'s)?  1 when so, 2 when the case is surely new to the load,
 * or the row has none, in a first load of its partnership (settle.h), 3
 * when rows of it came long before (last), 0 when it may be carried. */
static int case_alone(struct ingest *g, const struct prep_row *p, const char *ck, int last)
{
	sqlite3_stmt *st = g->st_case_exists;
	const struct canon *c = &p->c;
	int pidx = (int)(c->p - g->r->partnership);

	if (!ck) /* its own escalation; a first load's held back in turn */
		return g->settle && settle_fresh(g->settle, pidx) ? 2 : 1;
	/* A partnership new to the warehouse: only this load's rows carry
	 * the case (settle.h); none joins a row raised long after them all. */
	if (g->settle && settle_first_sight(g->settle, pidx, &p->place))
		return 2;
	if (last == DATE_NONE || (last != INT_MAX && reconcile_apart(g->rec, pidx, c->raised_on, last)))
		return last == DATE_NONE ? 2 : 3;
	/* The warehouse held no row before: the file's rows are the only
	 * ones that may share the case, and its cases are settled at its
	 * end, where it is found out (bulk.h). */
	if (bulk_case_aside(g->bulk))
		return 0;
	sqlite3_bind_text(st, wh_param(st, ":partnership"), c->p->id, -1, SQLITE_STATIC);
	wh_bind_key(st, wh_param(st, ":case_key"), ck);
	return wh_scalar_int(st, 1) == 0;
}

static int supersede(struct ingest *g, long long old_id, long long by)
{
	sqlite3_stmt *st = g->st_supersede;

	sqlite3_bind_int64(st, wh_param(st, ":id"), old_id);
	sqlite3_bind_int64(st, wh_param(st, ":superseded_by"), by);
	return wh_run(g->w, st, "updating a row");
}

/* h, a row of partnership pidx, stops being current: its load's counts. */
static void superseded(struct ingest *g, const struct held *h, int pidx)
{
	tally_add(g->tally, h->load, pidx, 0, -1);
	tally_agencies(g->tally, h->load, g->r, pidx, h->by, h->with, -1);
}

/*
 * Store a changed or new row and re-derive what it belongs to.  The old
 * version stops being current before the new one is stored (the
 * source_current index allows one current row per ref); it points at
 * itself until the new row's id is known.
 */
static int store_changed(struct ingest *g, const struct canon_in *in, const struct canon *c,
			 const char *ck, const char *digest, const struct held *h)
{
	long long new_id;
	int joined = 0;

	if (h->id && supersede(g, h->id, h->id))
		return -1;
	if (insert_source(g, in, c, ck, digest, 0))
		return -1;
	new_id = sqlite3_last_insert_rowid(g->w->db);
	if (h->id) {
		superseded(g, h, (int)(c->p - g->r->partnership));
		if (supersede(g, h->id, new_id))
			return -1;
		/* The escalation the old version made up goes; the case it
		 * belonged to, if another, is re-derived without it. */
		if (h->esc && reconcile_drop(g->rec, h->esc))
			return -1;
		if (h->has_case && (!ck || strcmp(h->case_key, ck) != 0) &&
		    reconcile_case(g->rec, c->p, h->case_key, 0, NULL))
			return -1;
	}
	if (reconcile_case(g->rec, c->p, ck, new_id, &joined))
		return -1;
	g->n.read++;
	if (h->id)
		g->n.updated++;
	else if (joined > 1)
		g->n.merged++;
	else
		g->n.loaded++;
	return 0;
}

/* Re-derive the cases noted so far; the fresh rows found to have joined
 * another row's escalation move from loaded to merged. */
static int settle_now(struct ingest *g)
{
	long merged = 0;

	if (!g->settle || settle_run(g->settle, g->rec, g->r, &merged))
		return g->settle ? -1 : 0;
	g->n.loaded -= merged;
	g->n.merged += merged;
	return 0;
}

/*
 * store_changed() with the case's re-derivation left to the end of the
 * file (settle.h): the changes to the current rows of each case are noted.
 * A fresh row counts as loaded until then.  A row without a case is its
 * own escalation, derived now.
 */
static int store_deferred(struct ingest *g, const struct canon_in *in, const struct canon *c,
			  const char *ck, const char *digest, const struct held *h)
{
	int pidx = (int)(c->p - g->r->partnership);
	int same_case = h->has_case && ck && strcmp(h->case_key, ck) == 0;
	long long new_id;

	if (h->id && supersede(g, h->id, h->id))
		return -1;
	if (insert_source(g, in, c, ck, digest, 0))
		return -1;
	new_id = sqlite3_last_insert_rowid(g->w->db);
	if (h->id) {
		superseded(g, h, pidx);
		if (supersede(g, h->id, new_id))
			return -1;
	}
	/* The old version's escalation goes when its case is settled: until
	 * then the case's other rows still name it, and an id deleted now
	 * could be handed to another escalation before they are re-linked.
	 * Without a case it was the old version's alone: it goes now. */
	if (h->esc && !h->has_case && reconcile_drop(g->rec, h->esc))
		return -1;
	if (h->has_case && !same_case &&
	    settle_note(g->settle, pidx, h->case_key, new_id, h->id, 0, 0, h->esc))
		return -1;
	if (ck ? settle_note(g->settle, pidx, ck, new_id, same_case ? h->id : 0, new_id, !h->id,
			     same_case ? h->esc : 0)
	       : reconcile_case(g->rec, c->p, NULL, new_id, NULL))
		return -1;
	g->n.read++;
	if (h->id)
		g->n.updated++;
	else
		g->n.loaded++;
	return 0;
}

int ingest_row(struct ingest *g, const struct canon_in *in, const char *raw)
{
	struct prep_buf b;
	struct prep_row p;
	int rc;

	if (g->redirect)
		return g->redirect->row(g->redirect->ctx, in, raw);
	prep_row(g->prep, in, raw, &p, &b);
	rc = ingest_prepared(g, &p);
	prep_buf_free(&b);
	return rc;
}

void ingest_prefetch(struct ingest *g, const struct prep_row *p)
{
	if (g->settle && p->kind == PREP_STORE)
		settle_prefetch(g->settle, (int)(p->c.p - g->r->partnership), &p->place);
}

int ingest_prepared(struct ingest *g, const struct prep_row *p)
{
	const struct canon *c = &p->c;
	const char *ck = p->has_case_key ? p->case_key : NULL;
	struct canon_in in; /* the row's line: its values are c's */
	struct held h;
	char msg[512];
	int joins, alone, pidx = (int)(c->p - g->r->partnership), last = INT_MAX;

	if (p->kind == PREP_EARLY)
		return reject_prepared(g, p);
	progress_tick(&g->progress, g->file, g->n.read);
	if (p->kind == PREP_INVALID)
		return reject_prepared(g, p);
	owner_row(&g->src.own, c->p->id, c->raised_by, c->raised_with);
	if (p->kind == PREP_SUBJECT)
		return reject_prepared(g, p);
	memset(&in, 0, sizeof(in));
	in.line = p->line;
	if (ck && g->settle)
		last = settle_day(g->settle, pidx, &p->place, c->raised_on);
	if (g->settle && settle_ref_first_sight(g->settle, pidx, &p->place))
		memset(&h, 0, sizeof(h)); /* a new ref of a first load: none held */
	else if (find_held(g, c, p->digest, &h))
		return -1;
	if (h.id) {
		long long first = repeated_line(g, &in, c, &h);

		if (first == -2)
			return -1;
		if (first >= 0) {
			snprintf(msg, sizeof(msg), "%s: '%s' repeats line %lld",
				 p->ref_src ? p->ref_src : "ref", c->ref, first);
			return quarantine(g, p->line, p->ref_col, canon_field_name(CF_REF), msg,
					  row_raw(g, p->raw));
		}
		if (h.same) {
			g->n.read++;
			g->n.unchanged++;
			/* the load read a row of the partnership: whose log it
			 * is (a file of several partnerships' rows covers each
			 * it holds rows of: coverage.sql) */
			tally_add(g->tally, g->load_id, pidx, 0, 0);
			return 0;
		}
	} else if (ck && g->pend &&
		   (joins = pend_joins(g->pend, pidx, ck, c->raised_on)) != 0) {
		/* a row of a case held back joins it */
		return joins < 0 ? -1 : store_pending(g, &in, c, ck, p->digest, DATE_NONE);
	} else if ((alone = case_alone(g, p, ck, last)) != 0) {
		/* An escalation of its own, stored directly, or held back a
		 * moment for the rows of its case that follow (the fast path of
		 * a first load). */
		if (alone >= 2 && g->pend)
			return store_pending(g, &in, c, ck, p->digest, alone == 3 ? last : DATE_NONE);
		return store_alone(g, &in, c, ck, p->digest);
	}
	if (g->settle)
		return store_deferred(g, &in, c, ck, p->digest, &h);
	return store_changed(g, &in, c, ck, p->digest, &h);
}

static void bind_activity(sqlite3_stmt *st, const char *partnership, char *const *v)
{
	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":agency"), v[ACT_AGENCY], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":quarter"), v[ACT_QUARTER], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":measure"), v[ACT_MEASURE], -1, SQLITE_STATIC);
}

int ingest_activity(struct ingest *g, long line, char *const *v, const int *col, const char *raw)
{
	const struct ref_partnership *p = NULL;
	char msg[512];
	long long value = 0, old;
	int bad;

	bad = activity_check(g->r, v, &p, &value, msg, sizeof(msg));
	if (bad)
		return quarantine(g, line, col[bad - 1], activity_field_name(bad - 1), msg,
				  row_raw(g, raw));
	bind_activity(g->st_activity_current, p->id, v);
	old = wh_scalar_int(g->st_activity_current, -1);
	g->n.read++;
	owner_row(&g->src.own, p->id, NULL, NULL);
	if (old == value) {
		g->n.unchanged++;
		return 0;
	}
	bind_activity(g->st_activity, p->id, v);
	sqlite3_bind_int64(g->st_activity, wh_param(g->st_activity, ":value"), value);
	sqlite3_bind_int64(g->st_activity, wh_param(g->st_activity, ":load_id"), g->load_id);
	if (wh_run(g->w, g->st_activity, "storing activity"))
		return -1;
	if (old < 0)
		g->n.loaded++;
	else
		g->n.updated++;
	return 0;
}

void ingest_set_source(struct ingest *g, const char *partnership, const char *agency, int exported)
{
	g->src.partnership = partnership;
	g->src.agency = agency;
	g->src.exported = exported;
}

int ingest_check_source(struct ingest *g)
{
	const char *p, *a;

	return owner_resolve(&g->src, g->r, g->file, &p, &a);
}

/* Record the counts of the load and whose log it is. */
static int finish_load(struct ingest *g)
{
	sqlite3_stmt *st = wh_prepare(g->w, "load_finish");
	int rc;

	if (owner_bind(&g->src, g->r, g->file, g->today, st)) {
		sqlite3_finalize(st);
		return -1;
	}

	sqlite3_bind_int64(st, wh_param(st, ":id"), g->load_id);
	sqlite3_bind_int64(st, wh_param(st, ":read"), g->n.read);
	sqlite3_bind_int64(st, wh_param(st, ":loaded"), g->n.loaded);
	sqlite3_bind_int64(st, wh_param(st, ":updated"), g->n.updated);
	sqlite3_bind_int64(st, wh_param(st, ":unchanged"), g->n.unchanged);
	sqlite3_bind_int64(st, wh_param(st, ":merged"), g->n.merged);
	sqlite3_bind_int64(st, wh_param(st, ":rejected"), g->n.rejected);
	rc = wh_run(g->w, st, "recording the load");
	sqlite3_finalize(st);
	return rc;
}

int ingest_end(struct ingest *g, int commit, struct ingest_counts *out)
{
	int rc = 0;

	if (g->echo_limit > 0 && g->echoed > g->echo_limit) {
		progress_clear(&g->progress);
		fprintf(stderr, "%s: ... and %d more rejected rows (oversight rejects --load %lld)\n",
			g->file, g->echoed - g->echo_limit, g->load_id);
	}
	if (commit) {
		progress_saving(&g->progress, g->file, g->n.read);
		rc = pend_flush(g->pend) || bulk_rebuild_lookup(g->bulk, g->w) || settle_now(g) ||
		     reconcile_flush(g->rec) || tally_write(g->tally, g->w, g->r) ||
		     (g->bulk && bulk_rebuild(g->bulk, g->w)) ? -1 : 0;
	}
	if (out)
		*out = g->n;
	if (commit && rc == 0)
		rc = finish_load(g);
	finalize_all(g);
	if (commit && rc == 0)
		rc = wh_commit(g->w);
	/* Fresh statistics for the query planner, bounded in cost, so reports
	 * stay on their indexes as data grows (queries/wh_optimize.sql).  The
	 * load is committed by now; statistics are not worth an error. */
	if (commit && rc == 0 &&
	    sqlite3_exec(g->w->db, embed_query("wh_optimize"), NULL, NULL, NULL) != SQLITE_OK)
		wh_rollback(g->w);
	if (!commit || rc)
		wh_rollback(g->w);
	progress_clear(&g->progress);
	free(g->sheet);
	free(g);
	return rc;
}
