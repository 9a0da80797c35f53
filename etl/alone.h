/*
 * alone.h - a first load writes the warehouse once, holding it alone.
 *
 * In WAL mode every page a load writes goes to disk twice: into the log,
 * then into the warehouse when the log is checkpointed; and a load larger
 * than its page cache reads back from the log the pages it spilled there.
 * A first load, into a warehouse that holds no row yet (a region's ten
 * years into a new warehouse), has no reader to keep serving meanwhile:
 * there is nothing to read.  Such a load, of a file large enough for the
 * bulk path (bulk.h), leaves WAL mode for a rollback journal and keeps the
 * warehouse locked to itself until it ends; then the warehouse is in WAL
 * mode again.  A page new to the warehouse needs no journal, so the rows
 * are written once.  Nor does SQLite check each row's REFERENCES meanwhile
 * (a look-up of the parent row for each of a million stage events and
 * source rows): every parent is one the load wrote itself, and the loader
 * deletes an escalation's stage events and conflicts itself rather than
 * by ON DELETE CASCADE (etl/escwrite.c); `oversight check` lists any row
 * whose parent is missing all the same.
 *
 * Leaving WAL mode needs every other run to have closed the warehouse, and
 * alone_begin() does not wait for that: while another run has it open, the
 * load stays in WAL mode and runs as any other.  A run that opens the
 * warehouse during such a load waits for the lock, as for any other
 * (core/wh.h's busy timeout), and then finds it in WAL mode again, with
 * the load's file in or not at all.  A load killed half way leaves the
 * journal behind; the next run to open the warehouse rolls it back
 * (core/wh.c), read-only or not.
 *
 *   alone_begin()  before the load's transaction: leave WAL mode if this
 *                  is such a load and no other run has the warehouse
 *                  open; 1 when it did, else 0
 *   alone_end()    after the load's transaction, committed or not: back
 *                  to WAL mode, the lock let go
 *
 * OVERSIGHT_BULK=never (bulk.h) keeps WAL mode too.
 */
#ifndef OVERSIGHT_ALONE_H
#define OVERSIGHT_ALONE_H

#include <stdio.h>

#include "core/wh.h"

int alone_begin(struct wh *w, FILE *fp);
void alone_end(struct wh *w);

#endif
