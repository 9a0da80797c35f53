/*
 * writeback.h - a first load's pages sent to disk while it runs.
 *
 * A first load (alone.h) writes the warehouse's pages into its file, not
 * into a log: at 1,000,000 rows about 800 MB, which the kernel keeps as
 * pages not yet on disk until the commit's sync writes them out, on the
 * storing thread, the load's critical path (0.42 to 0.48 s of its commit
 * at that size).  A thread of its own asks the kernel every WRITEBACK_MS
 * to start writing what is waiting (sync_file_range(2); fdatasync(2)
 * where there is none), so that the writing goes on beside the load, on
 * the other core, and the commit waits for little.  It changes nothing a
 * crash can leave: the kernel may write those pages at any moment as it
 * is, and only the commit's own sync says the load is in.
 *
 *   writeback_start()  for w, the warehouse of a first load held alone:
 *                      the thread; NULL under OVERSIGHT_THREADS=1 or when
 *                      it could not start (the commit then writes every
 *                      page, as it would anyway)
 *   writeback_stop()   stop it and wait for it; NULL is fine
 */
#ifndef OVERSIGHT_WRITEBACK_H
#define OVERSIGHT_WRITEBACK_H

#include "core/wh.h"

#define WRITEBACK_MS 100

struct writeback;

struct writeback *writeback_start(struct wh *w);
void writeback_stop(struct writeback *b);

#endif
