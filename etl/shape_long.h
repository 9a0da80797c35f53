/*
 * shape_long.h - the long shape's spool (shape_long.c): the rows of a long
 * export kept in a private temporary SQLite database until the end of the
 * file, then handed back grouped by reference, so the rows of one
 * escalation need not be adjacent.  Case systems write stage events in
 * date order.
 *
 * Groups come back in the order of their first row, the rows of a group
 * in file order, and a quarantined row stands alone at its own place: the
 * result does not depend on anything but the file.  The database pages
 * out to a temporary file past SQLite's page cache, so memory stays
 * bounded whatever the size of the export.
 *
 * A row keeps only the fields its shape needs (keep[]): dropped columns
 * (narrative, names) are never written, not even to the temporary file.
 */
#ifndef OVERSIGHT_SHAPE_LONG_H
#define OVERSIGHT_SHAPE_LONG_H

#include <stddef.h>

#include "csvin.h"

struct long_spool;

struct long_spool_ops {
	/* A group begins at line (its first row). */
	int (*start)(void *ctx, long line);
	/* A row of the group; raw: its quarantine text. */
	int (*row)(void *ctx, const struct csvin_row *row, const char *raw);
	/* The group is complete. */
	int (*end)(void *ctx);
	/* A quarantined row, as spooled. */
	int (*reject)(void *ctx, long line, int col, const char *field, const char *reason,
		      const char *raw);
};

/* A new spool for the file called name (for messages).  NULL after an
 * error. */
struct long_spool *long_spool_open(const char *name);

/* Spool a row whose reference is key (keylen bytes; empty: the row is a
 * group of its own), keeping the fields whose keep[] is set.  0, or -1
 * after an error. */
int long_spool_row(struct long_spool *sp, const char *key, size_t keylen,
		   const struct csvin_row *row, const unsigned char *keep, const char *raw);

/* Spool a quarantined row (ingest_reject()'s arguments).  0 or -1. */
int long_spool_reject(struct long_spool *sp, long line, int col, const char *field,
		      const char *reason, const char *raw);

/* Hand everything spooled to the ops, in order.  0, or the first non-zero
 * value of an op, or -1 after an error. */
int long_spool_drain(struct long_spool *sp, const struct long_spool_ops *o, void *ctx);

/* Free the spool and its temporary database; NULL is fine. */
void long_spool_close(struct long_spool *sp);

#endif
