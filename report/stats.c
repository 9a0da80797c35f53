/*
 * stats.c - the statistics behind the lack-of-challenge signals: see stats.h.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "stats.h"

/* ---- Regularised incomplete gamma --------------------------------------- */

/*
 * Numerical Recipes (2nd ed., 6.2) gser/gcf, with a tighter tolerance and
 * an iteration cap that grows with the shape: near x = a both the series
 * and the continued fraction need O(sqrt(a)) terms, and NR's fixed 100 is
 * far too few for means in the thousands.
 */
#define GAMMA_EPS (DBL_EPSILON / 2)
#define GAMMA_TINY (DBL_MIN / DBL_EPSILON)

/*
 * log(x^a e^-x / Gamma(a)), the factor both expansions share.  For a and x
 * up to ~1e5 the terms are ~1e6 and cancel to ~1e-10 absolute, which is a
 * relative error of ~1e-10 in the tail: well inside what the report needs.
 */
static double gamma_log_prefactor(double a, double x)
{
	return a * log(x) - x - lgamma(a);
}

static long gamma_max_iter(double a)
{
	return 1000 + 50 * (long)sqrt(a);
}

/* Lower regularised gamma P(a, x) by its series; converges fast for x < a + 1. */
static double gamma_p_series(double a, double x)
{
	double ap = a, del = 1.0 / a, sum = del;
	long i, max = gamma_max_iter(a);

	for (i = 0; i < max; i++) {
		ap += 1.0;
		del *= x / ap;
		sum += del;
		if (fabs(del) < fabs(sum) * GAMMA_EPS)
			break;
	}
	return sum * exp(gamma_log_prefactor(a, x));
}

/* Upper regularised gamma Q(a, x) by its continued fraction (modified
 * Lentz); converges fast for x > a + 1. */
static double gamma_q_fraction(double a, double x)
{
	double b = x + 1.0 - a, c = 1.0 / GAMMA_TINY, d = 1.0 / b, h = d;
	long i, max = gamma_max_iter(a);

	for (i = 1; i <= max; i++) {
		double an = -(double)i * ((double)i - a), del;

		b += 2.0;
		d = an * d + b;
		if (fabs(d) < GAMMA_TINY)
			d = GAMMA_TINY;
		c = b + an / c;
		if (fabs(c) < GAMMA_TINY)
			c = GAMMA_TINY;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < GAMMA_EPS)
			break;
	}
	return exp(gamma_log_prefactor(a, x)) * h;
}

/*
 * P(a, x) when want_upper is 0, Q(a, x) otherwise; a > 0, x > 0.  Whichever
 * of P and Q is the smaller is computed directly (series below a + 1, the
 * fraction above) and the other as 1 minus it: the subtraction then never
 * loses the digits of a small tail, since the larger one is >= ~0.4.
 */
static double gamma_regularised(double a, double x, int want_upper)
{
	double v;

	if (x < a + 1.0) {
		v = gamma_p_series(a, x);
		return want_upper ? 1.0 - v : v;
	}
	v = gamma_q_fraction(a, x);
	return want_upper ? v : 1.0 - v;
}

/* ---- Poisson tails ------------------------------------------------------ */

double stats_poisson_cdf(long x, double mu)
{
	if (isnan(mu) || mu < 0)
		return NAN;
	if (x < 0)
		return 0.0;
	if (mu == 0)
		return 1.0;
	if (isinf(mu))
		return 0.0;
	/* P(X <= x) = Q(x + 1, mu): the Poisson-gamma duality. */
	return gamma_regularised((double)x + 1.0, mu, 1);
}

double stats_poisson_sf(long x, double mu)
{
	if (isnan(mu) || mu < 0)
		return NAN;
	if (x <= 0)
		return 1.0;
	if (mu == 0)
		return 0.0;
	if (isinf(mu))
		return 1.0;
	/* P(X >= x) = 1 - Q(x, mu) = P(x, mu). */
	return gamma_regularised((double)x, mu, 0);
}

static int limit_args_bad(double mu, double tail)
{
	/* Beyond ~1e15 counts no longer fit the bisection's longs exactly. */
	return isnan(mu) || mu < 0 || mu > 1e15 || !(tail > 0 && tail < 1);
}

/*
 * Both limits bisect on a tail that is monotone in x, which needs no
 * starting guess from a normal approximation and costs ~log2(mu) tail
 * evaluations.
 */
long stats_poisson_lower_limit(double mu, double tail)
{
	long lo = -1, hi, step = 16;

	if (limit_args_bad(mu, tail))
		return -1;
	/* Invariant: cdf(lo) < tail <= cdf(hi); cdf(-1) = 0. */
	hi = (long)ceil(mu);
	while (stats_poisson_cdf(hi, mu) < tail) {
		hi += step;
		step *= 2;
	}
	while (hi - lo > 1) {
		long mid = lo + (hi - lo) / 2;

		if (stats_poisson_cdf(mid, mu) < tail)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

long stats_poisson_upper_limit(double mu, double tail)
{
	long lo = 0, hi, step = 16;

	if (limit_args_bad(mu, tail))
		return -1;
	/* Invariant: sf(lo) >= tail > sf(hi); sf(0) = 1. */
	hi = (long)ceil(mu) + 1;
	while (stats_poisson_sf(hi, mu) >= tail) {
		hi += step;
		step *= 2;
	}
	while (hi - lo > 1) {
		long mid = lo + (hi - lo) / 2;

		if (stats_poisson_sf(mid, mu) >= tail)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* ---- Funnel ------------------------------------------------------------- */

double stats_funnel(struct stats_funnel_row *rows, int count)
{
	double sum_x = 0, sum_n = 0, p;
	int i;

	for (i = 0; i < count; i++) {
		if (rows[i].n > 0) {
			sum_x += (double)rows[i].x;
			sum_n += rows[i].n;
		}
	}
	p = sum_n > 0 ? sum_x / sum_n : NAN;

	for (i = 0; i < count; i++) {
		struct stats_funnel_row *r = &rows[i];

		if (!(r->n > 0)) {
			r->expected = r->p_low = r->p_high = NAN;
			r->level = NULL;
			continue;
		}
		r->expected = p * r->n;
		r->p_low = stats_poisson_cdf(r->x, r->expected);
		r->p_high = stats_poisson_sf(r->x, r->expected);
		/* DESIGN.md: a lack of challenge is a low count, so only p_low
		 * sets the level; p_high is reported for the plot. */
		if (r->p_low < STATS_FUNNEL_ALERT)
			r->level = "alert";
		else if (r->p_low < STATS_FUNNEL_WATCH)
			r->level = "watch";
		else
			r->level = "none";
	}
	return p;
}

int stats_funnel_limits(double p, double n, struct stats_funnel_limits *out)
{
	double mu;

	if (!(n > 0) || !(p >= 0) || isinf(n) || isinf(p))
		return -1;
	mu = p * n;
	if (mu > 1e15)
		return -1;
	out->n = n;
	out->expected = mu;
	out->rate = p;
	out->lo95 = stats_poisson_lower_limit(mu, STATS_FUNNEL_WATCH);
	out->hi95 = stats_poisson_upper_limit(mu, STATS_FUNNEL_WATCH);
	out->lo998 = stats_poisson_lower_limit(mu, STATS_FUNNEL_ALERT);
	out->hi998 = stats_poisson_upper_limit(mu, STATS_FUNNEL_ALERT);
	out->rate_lo95 = (double)out->lo95 / n;
	out->rate_hi95 = (double)out->hi95 / n;
	out->rate_lo998 = (double)out->lo998 / n;
	out->rate_hi998 = (double)out->hi998 / n;
	return 0;
}

/* ---- Median ------------------------------------------------------------- */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double stats_median(double *v, size_t n)
{
	if (n == 0)
		return NAN;
	qsort(v, n, sizeof(*v), cmp_double);
	if (n % 2)
		return v[n / 2];
	/* Halve each first: the mean of two huge values must not overflow. */
	return v[n / 2 - 1] / 2 + v[n / 2] / 2;
}

/* Put the k-th smallest of v[0..n-1] at v[k], the smaller before it and
 * the larger after it (Hoare's selection, middle element as pivot). */
static void select_kth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		double pivot = v[lo + (hi - lo) / 2];
		size_t i = lo, j = hi;

		while (i <= j) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i <= j) {
				double t = v[i];

				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return;
	}
}

double stats_median_select(double *v, size_t n)
{
	double below;

	if (n == 0)
		return NAN;
	select_kth(v, n, n / 2);
	if (n % 2)
		return v[n / 2];
	/* the largest of the lower half is the other middle value */
	below = v[0];
	for (size_t i = 1; i < n / 2; i++)
		if (v[i] > below)
			below = v[i];
	/* Halve each first, as stats_median() does. */
	return below / 2 + v[n / 2] / 2;
}

/* ---- SPC (XmR) ---------------------------------------------------------- */

static const char *const spc_rule_names[STATS_SPC_NRULES] = {
	"beyond-limits",
	"run-below",
	"run-above",
	"trend-down",
	"trend-up",
	"two-of-three-low",
	"two-of-three-high",
};

const char *stats_spc_rule_name(int rule)
{
	if (rule < 0 || rule >= STATS_SPC_NRULES)
		return NULL;
	return spc_rule_names[rule];
}

/* Mark points [from, to) with rule r, and the rule as fired. */
static void spc_mark(struct stats_spc *s, unsigned *flags, int from, int to, int r)
{
	int i;

	s->rules |= STATS_SPC_BIT(r);
	if (!flags)
		return;
	for (i = from; i < to; i++)
		flags[i] |= STATS_SPC_BIT(r);
}

/* -1, 0 or 1: the side of the mean; exactly on it is 0 and breaks runs. */
static int spc_side(double v, double mean)
{
	return (v > mean) - (v < mean);
}

/* Runs of 7 or more points strictly on one side of the mean. */
static void spc_runs(const double *x, int n, struct stats_spc *s, unsigned *flags)
{
	int start = 0, i;

	for (i = 1; i <= n; i++) {
		int side = spc_side(x[start], s->mean);

		/* A run [start, i) ends at the end or where the side changes. */
		if (i < n && spc_side(x[i], s->mean) == side)
			continue;
		if (side != 0 && i - start >= STATS_SPC_RUN)
			spc_mark(s, flags, start, i,
				 side < 0 ? STATS_SPC_RUN_BELOW : STATS_SPC_RUN_ABOVE);
		start = i;
	}
}

/*
 * Trends: DESIGN.md's "7 points in a row each strictly lower / higher than
 * the one before" read as NHSRplotthedots reads it (ptd_seven_point_trend:
 * the signs of the 6 differences within 7 points are all equal), so 6
 * strict steps make a trend and all 7 points are marked.  An equal
 * neighbour ends the trend.
 */
static void spc_trends(const double *x, int n, struct stats_spc *s, unsigned *flags)
{
	int dir = 0, steps = 0, i;

	for (i = 1; i <= n; i++) {
		int d = i < n ? spc_side(x[i], x[i - 1]) : 0;

		if (d != 0 && d == dir) {
			steps++;
			continue;
		}
		/* The steps ending at point i - 1 span points [i-1-steps, i). */
		if (dir != 0 && steps >= STATS_SPC_RUN - 1)
			spc_mark(s, flags, i - 1 - steps, i,
				 dir < 0 ? STATS_SPC_TREND_DOWN : STATS_SPC_TREND_UP);
		/* A turning point ends one trend and starts the next. */
		dir = d;
		steps = d != 0;
	}
}

/*
 * Two of three: every window of 3 points all strictly on one side of the
 * mean with at least 2 strictly beyond the near line (mean +- 1.773 AMR)
 * on that side; the points beyond the line are marked, as NHSRplotthedots
 * marks them.  DESIGN.md counts any point beyond the line, including one
 * already beyond the process limit (NHSRplotthedots counts only those
 * between the two lines and leaves the rest to beyond-limits).
 */
static void spc_two_of_three(const double *x, int n, struct stats_spc *s,
			     unsigned *flags)
{
	int i, j;

	for (i = 0; i + 3 <= n; i++) {
		int above = 0, below = 0, high = 0, low = 0;

		for (j = i; j < i + 3; j++) {
			above += x[j] > s->mean;
			below += x[j] < s->mean;
			high += x[j] > s->near_high;
			low += x[j] < s->near_low;
		}
		if (above == 3 && high >= 2) {
			s->rules |= STATS_SPC_BIT(STATS_SPC_TWO_OF_THREE_HIGH);
			for (j = i; flags && j < i + 3; j++)
				if (x[j] > s->near_high)
					flags[j] |= STATS_SPC_BIT(STATS_SPC_TWO_OF_THREE_HIGH);
		}
		if (below == 3 && low >= 2) {
			s->rules |= STATS_SPC_BIT(STATS_SPC_TWO_OF_THREE_LOW);
			for (j = i; flags && j < i + 3; j++)
				if (x[j] < s->near_low)
					flags[j] |= STATS_SPC_BIT(STATS_SPC_TWO_OF_THREE_LOW);
		}
	}
}

int stats_spc(const double *x, int n, struct stats_spc *out, unsigned *flags)
{
	double sum = 0, mr_sum = 0, kept_sum = 0;
	int i, kept = 0;

	if (n < 0 || (n > 0 && !x))
		return -1;
	out->n = n;
	out->provisional = n < STATS_SPC_MIN_MONTHS;
	out->rules = 0;
	out->ranges_kept = 0;
	for (i = 0; flags && i < n; i++)
		flags[i] = 0;
	if (n == 0) {
		out->mean = out->amr_raw = out->amr = NAN;
		out->ucl = out->lcl = out->near_high = out->near_low = NAN;
		return 0;
	}

	for (i = 0; i < n; i++)
		sum += x[i];
	out->mean = sum / n;

	for (i = 1; i < n; i++)
		mr_sum += fabs(x[i] - x[i - 1]);
	/* One point has no moving range: AMR 0, the limits collapse onto the mean. */
	out->amr_raw = n > 1 ? mr_sum / (n - 1) : 0;

	/* Screen once (NHSRplotthedots keeps mr < 3.267 AMR).  With AMR 0
	 * every range is 0 >= 0 and would go, leaving nothing to average. */
	for (i = 1; i < n; i++) {
		double mr = fabs(x[i] - x[i - 1]);

		if (out->amr_raw == 0 || mr < STATS_SPC_SCREEN * out->amr_raw) {
			kept_sum += mr;
			kept++;
		}
	}
	out->ranges_kept = kept;
	out->amr = kept > 0 ? kept_sum / kept : 0;

	out->ucl = out->mean + STATS_SPC_LIMIT * out->amr;
	out->lcl = out->mean - STATS_SPC_LIMIT * out->amr;
	if (out->lcl < 0)
		out->lcl = 0; /* counts: a lower limit below zero can never be crossed */
	out->near_high = out->mean + STATS_SPC_NEAR * out->amr;
	out->near_low = out->mean - STATS_SPC_NEAR * out->amr;

	for (i = 0; i < n; i++)
		if (x[i] > out->ucl || x[i] < out->lcl)
			spc_mark(out, flags, i, i + 1, STATS_SPC_BEYOND_LIMITS);
	spc_runs(x, n, out, flags);
	spc_trends(x, n, out, flags);
	spc_two_of_three(x, n, out, flags);
	return 0;
}
