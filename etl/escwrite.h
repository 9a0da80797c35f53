/*
 * escwrite.h - a derived escalation, its stage events and its conflicts,
 * written.
 *
 * The statements run for every escalation a load derives, a million
 * times in a national load: their parameters are bound by position,
 * checked once when they are prepared against the statements' own names
 * (wh_params_in_order()), or by their number for the statements that
 * write sixteen rows at once, not looked up by name on every row.
 *
 *   escwrite_new()      prepare; dl and r must outlive it
 *   escwrite_reserve()  the next escalation id, handed out now (-1 after
 *                       a warehouse error): ids follow the warehouse's
 *                       last, in order, whether or not each is written
 *   escwrite_put_as()   store m and its stage events as id, one reserved
 *   escwrite_put()      the same as the next id; *id is its id
 *   escwrite_drop()     delete escalation id, its stage events and its
 *                       conflicts (each by its own statement)
 *   escwrite_conflict() record what a source row of escalation esc says
 *                       of field, against the value kept
 *   escwrite_flush()    write the escalations and stage events still
 *                       held: they are written sixteen at a time, so
 *                       this must come before anything reads escalation
 *                       or stage_event, and before the load commits
 *   escwrite_free()     finalize, dropping anything still held; NULL-safe
 *
 * A load hands out every id it writes through one escwrite, inside its
 * transaction, so an id reserved for an escalation written later (etl/
 * pend.h) is never taken by another.  All but escwrite_reserve() and
 * escwrite_free() return 0, or -1 after a warehouse error.
 *
 * An escalation whose strings would not fit the room a held one has is
 * written at once instead; canon.c's caps keep that from happening.
 * OVERSIGHT_HELD_TEXT gives a held escalation less room (bytes, for
 * tests), so that some take that way.
 */
#ifndef OVERSIGHT_ESCWRITE_H
#define OVERSIGHT_ESCWRITE_H

#include "core/wh.h"
#include "model/deadline.h"
#include "model/proto.h"

/* An escalation as escalation_insert stores it (strings not owned). */
struct esc_rec {
	const char *partnership, *pseudo, *raised_by, *raised_with, *case_key;
	const char *subject, *theme, *category, *status;
	const char *learning_theme; /* NULL when none */
	int raised_on, serious, stuck, learning, closed_on, top_stage, n_sources;
	const int *stage;           /* [0..MODEL_STAGES]; [0]: stage0_on */
	const char *outcome;        /* NULL when not recorded */
	int feedback_on, immediate_risk;
};

struct escwrite;

struct escwrite *escwrite_new(struct wh *w, const struct ref *r, const struct deadlines *dl);
long long escwrite_reserve(struct escwrite *e);
int escwrite_put_as(struct escwrite *e, const struct esc_rec *m, long long id);
int escwrite_put(struct escwrite *e, const struct esc_rec *m, long long *id);
int escwrite_drop(struct escwrite *e, long long id);
int escwrite_conflict(struct escwrite *e, long long esc, const char *field, const char *kept,
		      const char *other);
int escwrite_flush(struct escwrite *e);
void escwrite_free(struct escwrite *e);

#endif
