/*
 * settle.h - a file's cases reconciled once, at its end.
 *
 * Re-deriving a case each time one of its rows arrives rebuilds a case of
 * k rows k times.  Instead the store (etl/store.c) notes each change to a
 * case's current rows here (settle_note()), and settle_run() then sorts
 * the notes by (partnership, case key, file order) and re-derives each case
 * touched once, in key order (reconcile_key()), inside the load's
 * transaction: the grouping depends only on the set of current rows, so
 * the escalations are those re-deriving after every row gives; the loaded
 * and merged counts are worked out as that would count them.
 *
 * Memory is bounded: every SETTLE_CAP notes are sorted and set aside in
 * a temporary file as a run, and settle_run() merges the runs, so that a
 * case is still derived once however large the file.
 * OVERSIGHT_SETTLE_CAP sets another run length (for tests).
 */
#ifndef OVERSIGHT_SETTLE_H
#define OVERSIGHT_SETTLE_H

#include <stdint.h>

#include "core/wh.h"
#include "model/proto.h"
#include "reconcile.h"

#define SETTLE_CAP 65536 /* notes held in memory at most (about 4 MB) */

struct settle;

/* NULL after a warehouse error (printed). */
struct settle *settle_new(struct wh *w, const struct ref *r);
void settle_free(struct settle *s);

/* A change to the current rows of case case_key (32 hex digits) of
 * partnership pidx (its index in the protocol model), as
 * struct reconcile_event says. */
int settle_note(struct settle *s, int pidx, const char *case_key, long long seq, long long rm_id,
		long long add_id, int fresh, long long drop_esc);

/* 1 when the warehouse held no row of partnership pidx before the load. */
int settle_fresh(const struct settle *s, int pidx);

#define SETTLE_SEEN_BITS (1u << 24) /* settle_first_sight(): 2 MB */
#define SETTLE_DAY_SLOTS (1u << 19) /* settle_day(): 1 MB */
#define SETTLE_REF_BITS (1u << 23)  /* settle_ref_first_sight(): 1 MB */

/* Where a row of partnership pidx falls in the tables below: worked out
 * from its case key (32 hex digits; NULL: none) and its ref by
 * settle_place(), which needs no struct settle, on the reader's thread
 * (etl/prep.c); settle_prefetch() asks for those bits of memory a row
 * ahead of the row that reads them (etl/handoff.c). */
struct settle_place {
	uint32_t seen[3]; /* settle_first_sight()'s bits */
	uint32_t slot;    /* settle_day()'s slot */
	uint32_t ref[3];  /* settle_ref_first_sight()'s bits */
	int keyed;        /* 0: no case key (seen and slot unset) */
};

void settle_place(struct settle_place *pl, int pidx, const char *case_key, const char *ref);
void settle_prefetch(const struct settle *s, int pidx, const struct settle_place *pl);

/* For a partnership the warehouse held no row of before the load (else
 * 0): 1 when the case key is surely given for the first time in this
 * load, 0 when it may have been given before; records it.  A new row whose
 * case the load has not seen then carries a case no current row carries,
 * without asking the warehouse.  Every new row's key must be given. */
int settle_first_sight(struct settle *s, int pidx, const struct settle_place *pl);

/* For a partnership the warehouse held no row of before the load: the
 * latest raised_on given before for case case_key, or for a case sharing
 * its slot (so never earlier than any of the case's): DATE_NONE when no
 * row of the slot was given; records day.  INT_MAX when it cannot say (a
 * partnership with rows before the load, a day it cannot keep).  Every
 * row of such a partnership with a case that may be stored must be
 * given, before it is stored. */
int settle_day(struct settle *s, int pidx, const struct settle_place *pl, int day);

/* The same for a row's ref: 1 when the partnership held no row before
 * the load and the ref is surely given for the first time in it, so no
 * current row has it, without asking the warehouse (a ref that repeats
 * within the file is quarantined: etl/store.c).  Every row that might be
 * stored must be given. */
int settle_ref_first_sight(struct settle *s, int pidx, const struct settle_place *pl);

/* Re-derive every case noted, once; forget the notes.  *merged is
 * increased as reconcile_key() says.  0, or -1 after a warehouse error. */
int settle_run(struct settle *s, struct reconcile *x, const struct ref *r, long *merged);

#endif
