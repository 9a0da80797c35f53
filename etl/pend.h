/*
 * pend.h - a first load's new cases held back a moment.
 *
 * In a partnership the warehouse holds no row of yet, a row whose case the
 * load has surely not seen (settle_first_sight()) used to be written at
 * once as an escalation of its own.  When the same escalation was logged
 * by a second agency a few rows later (82,907 escalations of the bench's
 * million rows; 82,789 of them have their rows within 512 rows of each
 * other), the case was settled at the end of the file: its rows read
 * back, the first escalation deleted with its stage events, and the
 * pair's written again.
 *
 * Instead the store (etl/store.c) holds such a case's rows here, in file
 * order, each source row already stored pointing at the escalation id
 * promised to it (reconcile_reserve()).  The rows of the case that follow
 * while it is held join it.  A case is derived once, in memory
 * (reconcile_rows()), when it leaves the window: when PEND_ROWS rows are
 * held and a new case comes, the case held longest goes; at the end of the
 * file every case goes, before the file's other cases are settled.  A row
 * of a case that has left the window is settled at the end as before, with
 * the rows of the case already written.  The grouping depends only on the
 * set of rows, so the escalations are those settling gives; the merged
 * count is counted as settling counts it.
 *
 * Memory is bounded: at most PEND_ROWS rows are held (about 430 KB), and a
 * case of PEND_CASE_ROWS rows leaves the window before it takes another.
 */
#ifndef OVERSIGHT_PEND_H
#define OVERSIGHT_PEND_H

#include "canon.h"
#include "reconcile.h"

#define PEND_ROWS 512
#define PEND_CASE_ROWS 64

/* Derive one case leaving the window: rows[0..n-1] in file order (ctx is
 * pend_new()'s); case_key NULL for a row without a case, alone.  0, or -1
 * after a warehouse error. */
typedef int (*pend_flush_fn)(void *ctx, int pidx, const char *case_key, const struct srow *rows,
			     int n);

struct pend;

/* rec: what says whether a row can join the rows of its case written
 * before its case was held (reconcile_apart()). */
struct pend *pend_new(pend_flush_fn fn, void *ctx, const struct reconcile *rec);
void pend_free(struct pend *d);

/* May a new row of case case_key (32 hex digits) of partnership pidx,
 * raised on day, join the rows held?  1: hold it with pend_add(); 0: the
 * case is not held (or has just left the window to make room, or because
 * the row may join a row of the case written before it was held: derived);
 * -1 after an error. */
int pend_joins(struct pend *d, int pidx, const char *case_key, int day);

/* Hold new row c of case case_key, stored as source row id and promised
 * escalation esc: with the case's rows, or as a case of its own (of which
 * none is held: pend_joins() said 0).  A row without a case (case_key
 * NULL) is held alone, so that the escalations are written in the order
 * of their ids, as the rows came.  floor, for a case of its own: DATE_NONE
 * when no row of it was written before, else a day no earlier than any
 * that was, and more than the reconciliation's working days before c (so
 * the held rows are derived apart from them, and a row that may join
 * them is not held).  0, or -1 after an error. */
int pend_add(struct pend *d, int pidx, const char *case_key, const struct canon *c, long long id,
	     long long esc, int floor);

/* Derive every case held, oldest first.  0, or -1 after an error. */
int pend_flush(struct pend *d);

#endif
