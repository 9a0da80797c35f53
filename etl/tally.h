/*
 * tally.h - the rows a load stores and supersedes, by (load, partnership)
 * and by (load, partnership, agency named), added to the warehouse's
 * load_source and load_agency counts at the end of the load (schema_v3.sql,
 * schema_v7.sql), so that the reports read counts instead of counting
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
 * (stored, current), or superseded (current -1); or (0, 0), a row of it the
 * load read and left as it was, so that load_source says the load holds
 * rows of the partnership (coverage.sql). */
void tally_add(struct tally *t, long long load, int pidx, int stored, int current);

/* A row of partnership pidx (index in r) naming agencies by and with, as
 * raiser and receiver, stored by load (current 1) or superseded
 * (current -1): for load_agency (schema_v7.sql), where a row naming one
 * agency both ways counts once. */
void tally_agencies(struct tally *t, long long load, const struct ref *r, int pidx, const char *by,
		    const char *with, int current);

/* Add the counts to load_source and load_agency; 0, or -1 after a
 * warehouse error. */
int tally_write(struct tally *t, struct wh *w, const struct ref *r);

#endif
