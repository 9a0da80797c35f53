/*
 * ingest.h - the one path every row takes into the warehouse.
 *
 * Whatever its shape, a file is loaded as:
 *
 *   ingest_begin()       one transaction, one load record
 *   ingest_row() ...     per source row: validate (canon.c), pseudonymise,
 *                        store the source row version, re-derive the
 *                        escalation(s) it belongs to (reconciliation)
 *   ingest_reject() ...  rows a shape could not even turn into fields
 *   ingest_end()         commit (or roll back): all of the file or none
 *
 * Counts follow DESIGN.md: read = loaded + updated + unchanged + merged +
 * rejected.  A rejected row goes to the reject table with its line, source
 * column, field, reason and the raw row with the case reference masked.
 *
 * Implemented by store.c (transaction, source rows, counts), with
 * reconcile.c deriving the escalations and activity.c checking activity
 * rows.
 */
#ifndef OVERSIGHT_INGEST_H
#define OVERSIGHT_INGEST_H

#include "canon.h"
#include "model/proto.h"
#include "core/wh.h"
#include "model/pseudo.h"

struct ingest_counts {
	long read, loaded, updated, unchanged, merged, rejected;
};

struct ingest;

/*
 * Start loading file (name as given; sha256 of its bytes) with profile.
 * Opens the transaction, or carries on in the one the caller began (to
 * look for the same bytes first).  Returns NULL after printing an error.
 */
struct ingest *ingest_begin(struct wh *w, const struct ref *r,
			    const unsigned char key[PSEUDO_KEY_BYTES], const char *file,
			    const char *sha256, const char *profile);

/* One source row.  raw is the row as text with the case reference already
 * masked (kept only when the row is rejected).  Returns 0 (stored or
 * quarantined) or -1 on a warehouse error (the load must be abandoned). */
int ingest_row(struct ingest *g, const struct canon_in *in, const char *raw);

/* Quarantine a row the shape could not map: counts it read and rejected. */
int ingest_reject(struct ingest *g, long line, int col, const char *field, const char *reason,
		  const char *raw);

/*
 * The two halves of ingest_row(), for a load whose file is read on
 * another thread (handoff.h): prep_row() (prep.h) makes a row ready
 * without the warehouse, with ingest_prep()'s rules, on any thread;
 * ingest_prepared() looks it up, stores or quarantines it and counts it,
 * on the warehouse's thread, rows in file order.  A reject of the shape
 * is handed on as a prep_row of kind PREP_EARLY.  ingest_prepared()
 * returns as ingest_row() does.
 */
struct prep;
struct prep_row;
const struct prep *ingest_prep(const struct ingest *g);
int ingest_prepared(struct ingest *g, const struct prep_row *p);

/* Ask for the memory ingest_prepared(g, p) will look in (settle.h), a row
 * ahead: a hint only, which changes nothing it does. */
void ingest_prefetch(struct ingest *g, const struct prep_row *p);

/*
 * While rd is set (NULL: no more), ingest_row(), ingest_reject() and
 * ingest_set_raw_source() call rd's functions instead, with rd->ctx: the
 * file's reader is then on a thread of its own, and only these three
 * may be called on it.
 */
struct ingest_redirect {
	int (*row)(void *ctx, const struct canon_in *in, const char *raw);
	int (*reject)(void *ctx, long line, int col, const char *field, const char *reason,
		      const char *raw);
	void (*raw_source)(void *ctx, const char *(*fn)(void *fctx), void *fctx);
	void *ctx;
};
void ingest_redirect(struct ingest *g, const struct ingest_redirect *rd);

/* An activity row (profile "activity"): partnership, agency, quarter
 * (YYYY-Qn), measure, value.  Validated here; same counting. */
int ingest_activity(struct ingest *g, long line, char *const *v, const int *col, const char *raw);

/* Whose log it is and its export date (DESIGN.md "Whose log, and how
 * recent"): partnership (NULL: the rows say), agency (NULL: the one agency
 * every row names, else the shared log; "": the shared log), exported
 * (DATE_NONE: today).
 * The strings must outlive the load.  Activity files are nobody's log:
 * the listing of coverage leaves them out by profile. */
void ingest_set_source(struct ingest *g, const char *partnership, const char *agency, int exported);

/* Check the load's source: an --agency given must be an agency of the
 * partnership its rows name.  Returns 0, or -1 after an error (the load
 * must then be abandoned: a data problem). */
int ingest_check_source(struct ingest *g);

/* The load's id (for messages). */
long long ingest_load_id(const struct ingest *g);

/* The counts so far. */
const struct ingest_counts *ingest_counts(const struct ingest *g);

/* Show a progress line on stderr while loading (rows, rows per second,
 * percentage of fp's size bytes read), at most twice a second; cleared
 * when the load ends.  For terminals: the caller decides. */
void ingest_set_progress(struct ingest *g, FILE *fp, long long size);

/* The file is a workbook and its rows are in this sheet: a reject's
 * line is the sheet's row, and the echo names the cell (Escalations!C14). */
void ingest_set_sheet(struct ingest *g, const char *sheet);

/* Where the quarantine text of the row being ingested comes from when
 * ingest_row() or ingest_activity() is given raw NULL: fn(ctx) builds it,
 * called only when the row is rejected.  For a shape that would
 * otherwise build a masked copy of every row. */
void ingest_set_raw_source(struct ingest *g, const char *(*fn)(void *ctx), void *ctx);

/* Print each reject to stderr as "file:line:col: field: reason" (at most
 * limit lines, then a count of the rest). */
void ingest_set_echo(struct ingest *g, int limit);

/* The reports' indexes the load set aside (bulk.h): built again before
 * the commit; g owns b.  0, or -1 after a warehouse error (the load must
 * be abandoned). */
struct bulk;
int ingest_set_bulk(struct ingest *g, struct bulk *b);

/*
 * Finish: with commit, record the counts and COMMIT; otherwise ROLLBACK.
 * Frees g.  Returns 0, or -1 when the commit failed (nothing was kept).
 */
int ingest_end(struct ingest *g, int commit, struct ingest_counts *out);

#endif
