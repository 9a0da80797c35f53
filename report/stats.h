/*
 * stats.h - the statistics behind the lack-of-challenge signals.
 *
 * Pure functions: no I/O, no messages, no allocation.  Every array is owned
 * by the caller; nothing here keeps a pointer past the call.  The figures
 * follow DESIGN.md, "Definitions":
 *
 *   Poisson tails   P(X <= x) and P(X >= x), accurate in the far tails
 *                   (relative error ~1e-10 down to 1e-300), for means up to
 *                   tens of thousands.
 *   Funnel          "Lack-of-challenge (funnel)": p = sum x / sum n,
 *                   e = p n, p_low = P(X <= x), levels alert/watch/none, and
 *                   the 95% / 99.8% limits of the funnel plot.
 *   Median          "Resolution time": mean of the middle two for an even
 *                   count.
 *   SPC (XmR)       "SPC (monthly)", as NHS England's "Making Data Count"
 *                   and NHSRplotthedots: mean, screened mean moving range,
 *                   limits and the seven named rules.
 *
 * Usage:
 *
 *   struct stats_funnel_row rows[3] = {{.x = 1, .n = 900}, ...};
 *   double p = stats_funnel(rows, 3);      // rows[i].level is now set
 *
 *   unsigned flags[24];
 *   struct stats_spc spc;
 *   stats_spc(counts, 24, &spc, flags);
 *   for (int r = 0; r < STATS_SPC_NRULES; r++)
 *           if (spc.rules & STATS_SPC_BIT(r))
 *                   puts(stats_spc_rule_name(r));
 */
#ifndef OVERSIGHT_STATS_H
#define OVERSIGHT_STATS_H

#include <stddef.h>

/* ---- Poisson tails ------------------------------------------------------ */

/*
 * P(X <= x) for X ~ Poisson(mu): R's ppois(x, mu).  Returns 0 for x < 0,
 * 1 when mu == 0 and x >= 0, NAN when mu is negative or not a number.
 * Computed as the upper regularised gamma Q(x + 1, mu), so a far lower tail
 * (1e-12, 1e-100) keeps its relative precision instead of being 1 - (1 - v).
 */
double stats_poisson_cdf(long x, double mu);

/*
 * P(X >= x) for X ~ Poisson(mu), the upper tail *including* x ("unusually
 * high"): R's ppois(x - 1, mu, lower.tail = FALSE).  Returns 1 for x <= 0,
 * 0 when mu == 0 and x >= 1, NAN when mu is negative or not a number.
 * Computed as the lower regularised gamma P(x, mu), equally precise far out.
 */
double stats_poisson_sf(long x, double mu);

/*
 * The funnel's lower control limit at one tail probability: the smallest
 * count L with P(X <= L) >= tail, i.e. R's qpois(tail, mu).  A count x is
 * below the limit (x < L) exactly when P(X <= x) < tail, which is the test
 * stats_funnel() applies, so a point drawn under the line is the point that
 * is flagged.  0 when mu == 0; -1 when mu is negative or not a number or
 * tail is not in (0, 1).
 */
long stats_poisson_lower_limit(double mu, double tail);

/*
 * The funnel's upper control limit: the largest count U with
 * P(X >= U) >= tail.  A count x is above it (x > U) exactly when
 * P(X >= x) < tail.  In R, U is qpois(1 - tail, mu) except when
 * ppois(U, mu) hits 1 - tail exactly.  0 when mu == 0; -1 on the same bad
 * arguments as stats_poisson_lower_limit().
 */
long stats_poisson_upper_limit(double mu, double tail);

/* ---- Funnel (lack of challenge) ----------------------------------------- */

/* DESIGN.md thresholds on p_low; also the one-sided tails of the plot's
 * 95% and 99.8% two-sided limits. */
#define STATS_FUNNEL_WATCH 0.025
#define STATS_FUNNEL_ALERT 0.001

/* One agency: the caller fills x and n, stats_funnel() fills the rest. */
struct stats_funnel_row {
	long x;             /* escalations the agency raised in the period */
	double n;           /* its activity (referrals, ...) in the period */
	double expected;    /* e = p * n; NAN when n <= 0 */
	double p_low;       /* P(X <= x), X ~ Poisson(e); NAN when n <= 0 */
	double p_high;      /* P(X >= x); NAN when n <= 0 */
	const char *level;  /* "alert", "watch", "none"; NULL when n <= 0 */
};

/*
 * Classify every row: p = sum x / sum n over the rows with n > 0, then for
 * those rows expected, p_low, p_high and level ("alert" when
 * p_low < 0.001, else "watch" when p_low < 0.025, else "none").  Rows with
 * n <= 0 are not part of the funnel (DESIGN.md: "each agency with activity
 * n > 0") and get NANs and a NULL level.  Returns p, or NAN when no row has
 * n > 0.  The level strings are static.
 */
double stats_funnel(struct stats_funnel_row *rows, int count);

/* The funnel plot at one activity n: limits as counts and as rates x / n. */
struct stats_funnel_limits {
	double n;           /* activity */
	double expected;    /* p * n, the centre line as a count */
	double rate;        /* p, the centre line as a rate */
	long lo95, hi95;    /* lower/upper limits, tail 0.025 (95% two-sided) */
	long lo998, hi998;  /* lower/upper limits, tail 0.001 (99.8%) */
	double rate_lo95, rate_hi95;   /* lo95 / n, hi95 / n */
	double rate_lo998, rate_hi998; /* lo998 / n, hi998 / n */
};

/*
 * Fill *out with the limits at activity n around rate p, using the exact
 * Poisson quantiles of stats_poisson_lower_limit() / _upper_limit() (step
 * functions of n, not interpolated: what is drawn is what is tested).
 * Returns 0, or -1 (leaving *out untouched) when n <= 0, p < 0 or either
 * is not a number.
 */
int stats_funnel_limits(double p, double n, struct stats_funnel_limits *out);

/* ---- Median ------------------------------------------------------------- */

/*
 * Median of v[0..n-1], the mean of the middle two for an even count
 * (DESIGN.md "Resolution time").  Sorts v in place (ascending), so pass a
 * copy if the order matters.  Returns NAN when n == 0.  v must hold no NAN.
 */
double stats_median(double *v, size_t n);

/*
 * The same median, found by selection (quickselect: linear time on
 * average) rather than by sorting: for the long lists of a period's
 * working days.  v is left reordered but not sorted.  v must hold no NAN.
 */
double stats_median_select(double *v, size_t n);

/* ---- SPC (XmR) ---------------------------------------------------------- */

/* Rules, in the fixed order in which JSON lists them. */
enum stats_spc_rule {
	STATS_SPC_BEYOND_LIMITS,    /* "beyond-limits" */
	STATS_SPC_RUN_BELOW,        /* "run-below" */
	STATS_SPC_RUN_ABOVE,        /* "run-above" */
	STATS_SPC_TREND_DOWN,       /* "trend-down" */
	STATS_SPC_TREND_UP,         /* "trend-up" */
	STATS_SPC_TWO_OF_THREE_LOW, /* "two-of-three-low" */
	STATS_SPC_TWO_OF_THREE_HIGH, /* "two-of-three-high" */
	STATS_SPC_NRULES
};

#define STATS_SPC_BIT(rule) (1u << (rule))

/* Constants of DESIGN.md "SPC (monthly)". */
#define STATS_SPC_LIMIT 2.66      /* process limits: mean +- 2.66 AMR */
#define STATS_SPC_NEAR 1.773      /* "2 sigma": two-of-three lines */
#define STATS_SPC_SCREEN 3.267    /* moving ranges >= this x AMR dropped */
#define STATS_SPC_RUN 7           /* points in a run or a trend */
#define STATS_SPC_MIN_MONTHS 12   /* fewer: limits are provisional */

struct stats_spc {
	int n;            /* points */
	double mean;      /* mean of the points; NAN when n == 0 */
	double amr_raw;   /* mean moving range before screening */
	double amr;       /* after dropping ranges >= 3.267 amr_raw, once */
	int ranges_kept;  /* moving ranges behind amr (n - 1 less those dropped) */
	double ucl;       /* mean + 2.66 amr */
	double lcl;       /* max(0, mean - 2.66 amr) */
	double near_high; /* mean + 1.773 amr */
	double near_low;  /* mean - 1.773 amr (not clamped: may be < 0) */
	int provisional;  /* 1 when n < 12 */
	unsigned rules;   /* STATS_SPC_BIT(rule) for every rule that fires */
};

/*
 * XmR chart of x[0..n-1] (monthly counts, oldest first) into *out.  When
 * flags is not NULL it must hold n entries; flags[i] gets STATS_SPC_BIT(r)
 * for every rule r that marks point i:
 *
 *   beyond-limits      the point is > ucl or < lcl
 *   run-below/-above   every point of a run of 7 or more strictly below /
 *                      above the mean (a point equal to the mean ends it)
 *   trend-down/-up     every point of 7 in a row each strictly lower /
 *                      higher than the one before (6 strict steps, the
 *                      first point included, as NHSRplotthedots does)
 *   two-of-three-*     in 3 points in a row all strictly on one side of the
 *                      mean with at least 2 strictly beyond the near line
 *                      on that side, the points beyond that line; as
 *                      DESIGN.md words it, a point beyond the process
 *                      limit counts too (NHSRplotthedots counts only the
 *                      points between the two lines)
 *
 * Edge cases: n == 0 gives NANs and no rules; n == 1 (no moving range) and
 * an all-equal series give amr 0, so the limits equal the mean.  Screening
 * is skipped when amr_raw is 0 (it would drop every range).  Returns 0, or
 * -1 when n < 0 or x is NULL with n > 0.
 */
int stats_spc(const double *x, int n, struct stats_spc *out, unsigned *flags);

/* "beyond-limits", ... in enum order; NULL for a rule out of range. */
const char *stats_spc_rule_name(int rule);

#endif
