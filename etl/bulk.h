/*
 * bulk.h - a load that is large against the warehouse builds the
 * reports' indexes after its rows, not row by row.
 *
 * A B-tree entry per row per index is most of what a load costs; for a
 * first load (a region's ten years into a new warehouse) SQLite builds an
 * index from sorted rows at a fraction of the cost of keeping it up to
 * date row by row.  The indexes dropped are those only the reports read
 * (every index on escalation and stage_event but their keys, and
 * source_escalation): the loader's own look-ups (source_current,
 * source_case) stay, but for source_case in a warehouse that holds no
 * current row yet: no row can then share a case with one held before, and
 * the file's own cases are settled at its end (settle.h), so it is set
 * aside too and built first, before they are settled.  They are dropped inside the load's transaction and
 * built again before it commits, from the definitions the warehouse
 * holds, so a load that fails leaves them as they were, and a reader never
 * sees the warehouse without them.
 *
 * Such a load stays in WAL mode, as readers may be reading the rows held
 * before it; a first load, into a warehouse that holds none, leaves it
 * for a rollback journal when it can (alone.h).
 *
 *   bulk_wanted()     is this file large against the warehouse? (1/0;
 *                     *held: bulk_held())
 *   bulk_held()       the current source rows the warehouse holds (-1:
 *                     an error)
 *   bulk_size()       the file's size when it is large enough for the
 *                     bulk path (BULK_MIN_BYTES or more), else 0 (and 0
 *                     with OVERSIGHT_BULK=never)
 *   bulk_drop()       in the load's transaction: drop the reports'
 *                     indexes, remembering them (NULL: an error); with
 *                     empty (the warehouse holds no row), source_case too
 *   bulk_case_aside() is source_case set aside, not yet built? (1/0)
 *   bulk_rebuild_lookup()  build source_case again, if it was set aside
 *   bulk_rebuild()    build the others again (0, or -1 after an error)
 *   bulk_free()
 *
 * OVERSIGHT_BULK=always or never overrides bulk_wanted() (tests compare
 * the two).
 */
#ifndef OVERSIGHT_BULK_H
#define OVERSIGHT_BULK_H

#include <stdio.h>

#include "core/wh.h"

/* A file of at least this many bytes (about 7,000 canonical rows)... */
#define BULK_MIN_BYTES (1L << 20)
/* ...holding more rows (about this many bytes a row) than the warehouse
 * holds current rows. */
#define BULK_ROW_BYTES 150

struct bulk;

int bulk_wanted(struct wh *w, FILE *fp, long long *held);
long long bulk_held(struct wh *w);
long long bulk_size(FILE *fp);
struct bulk *bulk_drop(struct wh *w, int empty);
int bulk_case_aside(const struct bulk *b);
int bulk_rebuild_lookup(struct bulk *b, struct wh *w);
int bulk_rebuild(struct bulk *b, struct wh *w);
void bulk_free(struct bulk *b);

#endif
