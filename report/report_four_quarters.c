/*
 * report_four_quarters.c - the figures of the four quarters ending with
 * the paper's period (comparisons_four_quarters()), computed once for the
 * paper: the front page and "Challenge in the system" both show their
 * funnel, and only the funnel (metrics_compute_funnel()): every figure of
 * the year would cost as much again as the rest of the paper at a million
 * rows.
 */
#include <stdlib.h>

#include "comparisons.h"
#include "core/util.h"
#include "report.h"

const struct metrics *report_four_quarters(struct report *r)
{
	struct period yp;

	if (r->four_q_state)
		return r->four_q_state > 0 ? r->four_q : NULL;
	r->four_q_state = -1;
	if (!comparisons_four_quarters(&r->period, &yp))
		return NULL;
	r->four_q = xcalloc(1, sizeof(*r->four_q));
	if (metrics_compute_funnel(r->w, r->id, &yp, r->measure, r->four_q) != 0) {
		free(r->four_q);
		r->four_q = NULL;
		return NULL;
	}
	r->four_q_state = 1;
	return r->four_q;
}
