/*
 * handoff.h - a file read on a second thread while its rows are stored
 * on the calling one.
 *
 * The front end of a load (the CSV parser, the shape's mapping, and all
 * that prep.h does to a row: tidying, the rules, the case key's HMAC, the
 * digest, the short reference, the filters' places) needs no warehouse;
 * the rest (look-ups, inserts, reconciling) needs the connection, which
 * stays on the calling thread.  The reader
 * runs ahead on a thread of its own and hands rows, made ready and copied,
 * in batches through a queue of a few batches (memory stays bounded
 * whatever the size of the file); the calling thread stores them in file
 * order with ingest_prepared(), exactly as ingest_row() would have.
 *
 * What a load shows is the same as on one thread:
 *   - rejects are echoed, counted and quarantined by the storing thread,
 *     in file order;
 *   - a message of the reader (a field not UTF-8, a read error) waits
 *     until every row before it is stored (msg_gate(), core/msg.h), so it
 *     comes after their echoes; it is left out when storing one of them
 *     failed, as the file would not have been read that far;
 *   - storing a row that fails (a full disk) stops the reader at its next
 *     batch, and the load returns as if the shape's sink had failed;
 *   - the quarantine text of a row (its raw text, case reference masked)
 *     is made on the reader's thread, only for a row that is rejected
 *     there or whose ref may repeat one met before in the file (a ref
 *     repeated within a file is rejected by the storing thread).
 */
#ifndef OVERSIGHT_HANDOFF_H
#define OVERSIGHT_HANDOFF_H

#include "ingest.h"

/*
 * Run read(ctx), which reads a file through its shape into g
 * (ingest_row(), ingest_reject(), ingest_set_raw_source() only), on a
 * thread of its own, storing its rows on this one.  Returns what read()
 * returned, or EXIT_INTERNAL when storing a row failed (reported).
 */
int handoff_run(struct ingest *g, int (*read)(void *ctx), void *ctx);

#endif
