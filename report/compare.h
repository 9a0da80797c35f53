/*
 * compare.h - several partnerships side by side (oversight report
 * compare): each one's figures of the period on the same footing, per
 * 1,000 of activity and on the canonical tiers of its stages (DESIGN.md
 * "Reference data"), and the funnel across them.
 *
 *   struct compare c;
 *   if (compare_compute(w, &model, ids, n, &period, "referrals", &c) == 0)
 *           ... c.one[i] ...
 *   compare_free(&c);
 *
 * A partnership none of whose agencies' logs covers the period (DESIGN.md
 * "Whose log, and how recent") is kept with missing set: the paper names
 * it and leaves it out of every comparison, the funnel included.
 */
#ifndef OVERSIGHT_COMPARE_H
#define OVERSIGHT_COMPARE_H

#include "core/cli.h"
#include "core/wh.h"
#include "metrics.h"
#include "model/proto.h"

/* The tier from which an escalation counts as reaching "head of service
 * and higher" (3: head of service / senior manager). */
#define COMPARE_HIGH_TIER 3
#define COMPARE_TIERS 6 /* 0 practitioners .. 5 partnership forum */

struct compare_one {
	const struct ref_partnership *part; /* into the caller's model */
	struct metrics *m;   /* the period's figures (owned) */
	int missing;         /* no agency's log covers the period */
	int covered;         /* agencies whose logs cover it */
	char latest[11];     /* the latest export of its logs, "" when none */
	long high_num;       /* raised in the period that reached COMPARE_HIGH_TIER */
	long high_den;       /* raised in the period */
	long x;              /* funnel: raised by covered agencies with activity */
	double n;            /* funnel: their activity */
	int in_funnel;       /* not missing, and n > 0 */
	int has_protocol, has_local; /* a stage timed by the protocol / a local target */
	long prot_met, prot_breached, local_met, local_breached;
};

struct compare {
	int n;
	struct compare_one *one;   /* in the order asked for */
	/* the funnel across partnerships (same rule as the agency funnel,
	 * stats.h): a struct metrics whose funnel rows are partnerships (the
	 * row's agency field holds the partnership id), so the agency funnel's
	 * table and plot draw it unchanged */
	struct metrics *funnel;
};

/* Compute the figures of each partnership ids[0..n-1] (all in model) over
 * p.  Returns 0, or -1 after an error (printed).  compare_free() frees c
 * whether it succeeded or not. */
int compare_compute(struct wh *w, const struct ref *model, char *const *ids, int n,
		    const struct period *p, const char *measure, struct compare *c);

/* The same, but only what the funnel across them rests on (each one's
 * coverage and funnel: metrics_compute_funnel()); c->funnel as
 * compare_compute() gives it, the other figures left 0. */
int compare_compute_funnel(struct wh *w, const struct ref *model, char *const *ids, int n,
			   const struct period *p, const char *measure, struct compare *c);
void compare_free(struct compare *c);

/* Partnerships that are not missing. */
int compare_present(const struct compare *c);

/* The level a tier names, as a paper says it: "Head of service / senior
 * manager" (capitalised) for tier 3. */
const char *compare_tier_name(int tier);

#endif
