/*
 * agtally.h - the agencies met in one pass over the escalations
 * raised (report/metrics.c, raised()), each given a number once, and
 * counted as raising and as receiving over up to AGTALLY_SPANS spans of
 * the pass.  A row's agencies are looked up once, not once a span.
 */
#ifndef AGTALLY_H
#define AGTALLY_H

#include "metrics.h"

#define AGTALLY_SPANS 3

struct agtally;

struct agtally *agtally_new(void);
void agtally_free(struct agtally *t);

/* The number of agency id (0, 1, ... in the order first asked), or -1
 * for NULL. */
int agtally_agency(struct agtally *t, const char *id);

/* Count one escalation in span: raised by agency by, received by with
 * (numbers from agtally_agency(); -1 is not counted). */
void agtally_count(struct agtally *t, int span, int by, int with);

/* The agencies counted in span into out[0..cap): a raised, b received.
 * by_id: sorted by id, the first cap of them; else the first cap met in
 * the span, in the order met (a row's raising agency before its
 * receiving one).  Returns how many were written. */
int agtally_items(const struct agtally *t, int span, int by_id, struct m_item *out, int cap);

#endif
