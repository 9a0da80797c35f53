/*
 * activity.h - the rules an activity row (profile "activity") must pass:
 * partnership, agency, quarter (YYYY-Qn), measure, value (a count).
 */
#ifndef OVERSIGHT_ACTIVITY_H
#define OVERSIGHT_ACTIVITY_H

#include <stddef.h>

#include "model/proto.h"

/* The five fields of an activity row, in this order. */
enum { ACT_PARTNERSHIP, ACT_AGENCY, ACT_QUARTER, ACT_MEASURE, ACT_VALUE, ACT_NFIELDS };

/* The canonical name of field i ("partnership", ..., "value"). */
const char *activity_field_name(int i);

/*
 * Check the row's values v[0..4].  Returns 0 with *p and *value set, or the
 * field that fails plus one (1..5) with the reason in msg.
 */
int activity_check(const struct ref *r, char *const *v, const struct ref_partnership **p,
		   long long *value, char *msg, size_t cap);

#endif
