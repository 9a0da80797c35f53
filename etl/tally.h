/*
 * tally.h - the rows a load stores and supersedes, by (load, partnership),
 * added to the warehouse's load_source counts at the end of the load
 * (schema_v3.sql), so that the reports read counts instead of counting
 * every current source row.
 */
#ifndef OVERSIGHT_TALLY_H
#define OVERSIGHT_TALLY_H

#include "core/wh.h"
#include "model/proto.h"

struct tally;

struct tally *tally_new(void);
void tally_free(struct tally *t);

/* Rows of partnership pidx (index in the protocol model) stored by load
 * (stored, current), or superseded (current -1). */
void tally_add(struct tally *t, long long load, int pidx, int stored, int current);

/* Add the counts to load_source; 0, or -1 after a warehouse error. */
int tally_write(struct tally *t, struct wh *w, const struct ref *r);

#endif
