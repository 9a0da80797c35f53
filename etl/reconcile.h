/*
 * reconcile.h - escalations derived from the current source rows.
 *
 * Escalations are derived, never edited: when a row arrives (new or
 * updated) every current row of the same pseudonymised case in the
 * partnership is read back, grouped by reconciliation (DESIGN.md
 * "Reconciliation"), and the group's escalations, their stage events and
 * the sources' disagreements (conflicts) are rebuilt.  Because the grouping
 * depends only on the set of current rows (ordered by raised_on, ref),
 * loading the June export and then the September one gives exactly what
 * September alone gives.
 *
 * Used by the store (etl/store.c) inside its transaction; never calls it.
 * Functions returning int give 0, or -1 after a warehouse error (the load
 * must be abandoned).
 */
#ifndef OVERSIGHT_RECONCILE_H
#define OVERSIGHT_RECONCILE_H

#include "canon.h"
#include "model/proto.h"
#include "core/wh.h"

struct reconcile;

#define IDLEN 101 /* ids and refs: canon.c caps them at 100 characters */
#define LTLEN 201 /* learning_theme: 200 characters */

/* One current source row, as derivation reads it: read back from the
 * warehouse, or held by the loader before its escalation is written
 * (reconcile_rows(), etl/pend.h). */
struct srow {
	long long id;
	char ref[IDLEN];
	char raised_by[IDLEN], raised_with[IDLEN];
	char subject[16], theme[IDLEN], category[16], status[16];
	int raised_on;
	int serious, stuck, learning;
	int stage[MODEL_STAGES + 1];
	int closed_on;
	char learning_theme[LTLEN];
	char outcome[16];        /* "" = not recorded */
	int feedback_on, immediate_risk;
	long long escalation_id; /* 0 = none; reconcile_rows(): the id promised */
	int cluster;             /* index of its cluster */
	char pseudo[9];          /* its short reference (canon.h); "" for a
				    row read back from the warehouse */
};

/* Prepare the statements and read the deadline model; NULL after an
 * error.  r must outlive it (the key is used at once). */
struct reconcile *reconcile_begin(struct wh *w, const struct ref *r, const unsigned char *key);

/* Finalize and free; NULL-safe. */
void reconcile_end(struct reconcile *x);

/* 1 when a row of partnership pidx raised on day later joins no row of its
 * case raised on or before day earlier: more than the working days of
 * DESIGN.md "Reconciliation" after it, by a calendar read whole (so that
 * no earlier row is nearer); 0 when it may join one. */
int reconcile_apart(const struct reconcile *x, int pidx, int later, int earlier);

/* The escalation of a new row no other current row shares a case with
 * (case_key NULL or unheld): the row itself, written with its stage events
 * without reading anything back.  *esc is set to its id. */
int reconcile_alone(struct reconcile *x, const struct canon *c, const char *case_key, long long *esc);

/* Delete escalation esc (its stage events and conflicts go with it). */
int reconcile_drop(struct reconcile *x, long long esc);

/* Write the escalations and stage events still held (etl/escwrite.h):
 * before the load's indexes are built and it commits. */
int reconcile_flush(struct reconcile *x);

/* Re-derive the escalations of one case (case_key) of p, or of the single
 * row row_id when case_key is NULL.  With joined, *joined is set to the
 * number of rows in row_id's escalation. */
int reconcile_case(struct reconcile *x, const struct ref_partnership *p, const char *case_key,
		   long long row_id, int *joined);

/*
 * One change a file made to a case's current rows, in file order (seq: the
 * new version's id, or the replaced one's when the row left the case).
 */
struct reconcile_event {
	long long seq;
	long long rm_id;  /* a version that stopped being current here (0: none) */
	long long add_id; /* a version that became current here (0: none) */
	int fresh;        /* add_id is a new row (no version before) */
	long long drop_esc; /* the escalation rm_id belonged to (0: none), deleted
			       with the case's others when it is re-derived */
};

/*
 * Re-derive the escalations of case case_key of p once, after a file's
 * changes ev[0..nev-1] (seq order) to its rows (etl/settle.c), as
 * reconcile_case() does.  *merged is increased by the number of fresh rows
 * that, at the moment each arrived, joined another row's escalation: what
 * re-deriving after every row counts as merged (the others are loaded).
 */
int reconcile_key(struct reconcile *x, const struct ref_partnership *p, const char *case_key,
		  const struct reconcile_event *ev, int nev, long *merged);

/* An escalation id for a row whose escalation is written later, by
 * reconcile_rows() (-1 after a warehouse error). */
long long reconcile_reserve(struct reconcile *x);

/*
 * Derive the escalations of case case_key of p from rows[0..n-1] (file
 * order), new rows the warehouse holds (their ids) that no other current
 * row shares the case with, and whose escalations are not written yet:
 * each row's escalation_id is the id reconcile_reserve() promised it.  An
 * escalation takes the lowest id promised to its rows; only a row promised
 * another is linked again.  *merged is increased as reconcile_key() counts.
 */
int reconcile_rows(struct reconcile *x, const struct ref_partnership *p, const char *case_key,
		   const struct srow *rows, int n, long *merged);

#endif
