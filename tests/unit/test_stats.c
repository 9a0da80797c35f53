/*
 * test_stats.c - unit tests of report/stats.c.
 *
 * Every expected number was worked out outside this program: the Poisson
 * figures with R 4.x (the expression is in the comment beside each, printed
 * with sprintf("%.17g")), the SPC figures by hand (arithmetic shown) and
 * cross-checked with a separate R implementation of DESIGN.md's rules.
 */
#include <math.h>
#include <stdio.h>

#include "report/stats.h"
#include "tests/unit/unit.h"

/* Relative tolerance for tails: they span 1e-194 .. 1, so absolute is
 * meaningless; stats.c is good to ~1e-10 relative. */
#define REL 1e-9
#define CHECK_REL(got, want, what) CHECK_NEAR((got), (want), REL * fabs(want), what)

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void test_poisson_edges(void)
{
	CHECK(stats_poisson_cdf(0, 0) == 1.0, "cdf: mu 0, x 0 is 1");
	CHECK(stats_poisson_cdf(5, 0) == 1.0, "cdf: mu 0, x 5 is 1");
	CHECK(stats_poisson_cdf(-1, 0) == 0.0, "cdf: x < 0 is 0 (mu 0)");
	CHECK(stats_poisson_cdf(-3, 7.5) == 0.0, "cdf: x < 0 is 0");
	CHECK(stats_poisson_sf(0, 0) == 1.0, "sf: mu 0, x 0 is 1");
	CHECK(stats_poisson_sf(1, 0) == 0.0, "sf: mu 0, x 1 is 0");
	CHECK(stats_poisson_sf(0, 42) == 1.0, "sf: x 0 is 1");
	CHECK(stats_poisson_sf(-2, 42) == 1.0, "sf: x < 0 is 1");
	CHECK(isnan(stats_poisson_cdf(3, -1)), "cdf: negative mean is NAN");
	CHECK(isnan(stats_poisson_sf(3, NAN)), "sf: NAN mean is NAN");
	CHECK(stats_poisson_cdf(3, INFINITY) == 0.0, "cdf: infinite mean is 0");
	CHECK(stats_poisson_sf(3, INFINITY) == 1.0, "sf: infinite mean is 1");
	/* ppois(0, 1e-9) */
	CHECK_REL(stats_poisson_cdf(0, 1e-9), 0.99999999900000003, "cdf(0, 1e-9)");
	/* ppois(0, 1e-9, lower.tail=FALSE) */
	CHECK_REL(stats_poisson_sf(1, 1e-9), 9.9999999949999999e-10, "sf(1, 1e-9)");
}

static void test_poisson_small(void)
{
	/* ppois(0, 0.5) */
	CHECK_REL(stats_poisson_cdf(0, 0.5), 0.60653065971263342, "cdf(0, 0.5)");
	/* ppois(2, 0.5) */
	CHECK_REL(stats_poisson_cdf(2, 0.5), 0.98561232203302929, "cdf(2, 0.5)");
	/* ppois(6, 0.5, lower.tail=FALSE) = P(X >= 7) */
	CHECK_REL(stats_poisson_sf(7, 0.5), 1.0023796028843003e-06, "sf(7, 0.5)");
	/* ppois(0, 0.5, lower.tail=FALSE) = P(X >= 1) */
	CHECK_REL(stats_poisson_sf(1, 0.5), 0.39346934028736658, "sf(1, 0.5)");
	/* ppois(0, 3) */
	CHECK_REL(stats_poisson_cdf(0, 3), 0.049787068367863944, "cdf(0, 3)");
	/* ppois(3, 3) */
	CHECK_REL(stats_poisson_cdf(3, 3), 0.64723188878223115, "cdf(3, 3)");
	/* ppois(2, 3, lower.tail=FALSE) = P(X >= 3) */
	CHECK_REL(stats_poisson_sf(3, 3), 0.57680991887315658, "sf(3, 3)");
	/* ppois(14, 3, lower.tail=FALSE) = P(X >= 15) */
	CHECK_REL(stats_poisson_sf(15, 3), 6.7038591124056074e-07, "sf(15, 3)");
	/* ppois(20, 3) */
	CHECK_REL(stats_poisson_cdf(20, 3), 0.99999999998820954, "cdf(20, 3)");
	/* the two tails meet: P(X <= 2) + P(X >= 3) = 1 */
	CHECK_NEAR(stats_poisson_cdf(2, 3) + stats_poisson_sf(3, 3), 1.0, 1e-15,
		   "cdf(2, 3) + sf(3, 3) = 1");
}

static void test_poisson_large(void)
{
	/* ppois(100, 200): far lower tail */
	CHECK_REL(stats_poisson_cdf(100, 200), 3.7236412152016751e-15, "cdf(100, 200)");
	/* ppois(150, 200) */
	CHECK_REL(stats_poisson_cdf(150, 200), 0.00013135703016944037, "cdf(150, 200)");
	/* ppois(199, 200): near the centre, where the series is slowest */
	CHECK_REL(stats_poisson_cdf(199, 200), 0.49059658199276368, "cdf(199, 200)");
	/* ppois(199, 200, lower.tail=FALSE) */
	CHECK_REL(stats_poisson_sf(200, 200), 0.50940341800723643, "sf(200, 200)");
	/* ppois(299, 200, lower.tail=FALSE): far upper tail */
	CHECK_REL(stats_poisson_sf(300, 200), 2.7114684433431109e-11, "sf(300, 200)");
	/* ppois(0, 200) = exp(-200) */
	CHECK_REL(stats_poisson_cdf(0, 200), 1.3838965267367376e-87, "cdf(0, 200)");

	/* ppois(800, 1000) */
	CHECK_REL(stats_poisson_cdf(800, 1000), 3.2298887227290205e-11, "cdf(800, 1000)");
	/* ppois(1000, 1000) */
	CHECK_REL(stats_poisson_cdf(1000, 1000), 0.50840936716850604, "cdf(1000, 1000)");
	/* ppois(1099, 1000, lower.tail=FALSE) */
	CHECK_REL(stats_poisson_sf(1100, 1000), 0.00096263040586655729, "sf(1100, 1000)");
	/* ppois(1199, 1000, lower.tail=FALSE) */
	CHECK_REL(stats_poisson_sf(1200, 1000), 4.6842038558722563e-10, "sf(1200, 1000)");

	/* ppois(4000, 5000) */
	CHECK_REL(stats_poisson_cdf(4000, 5000), 6.9613642851101841e-49, "cdf(4000, 5000)");
	/* ppois(4800, 5000) */
	CHECK_REL(stats_poisson_cdf(4800, 5000), 0.0022694038783433652, "cdf(4800, 5000)");
	/* ppois(5000, 5000) */
	CHECK_REL(stats_poisson_cdf(5000, 5000), 0.50376116777084667, "cdf(5000, 5000)");
	/* ppois(5199, 5000, lower.tail=FALSE) */
	CHECK_REL(stats_poisson_sf(5200, 5000), 0.0025139492334121166, "sf(5200, 5000)");
	/* ppois(5999, 5000, lower.tail=FALSE) */
	CHECK_REL(stats_poisson_sf(6000, 5000), 4.9527040523332652e-43, "sf(6000, 5000)");
	/* ppois(20000, 5000) is 1; ppois(19999, 5000, lower.tail=FALSE)
	 * underflows to 0 in R too */
	CHECK(stats_poisson_cdf(20000, 5000) == 1.0, "cdf(20000, 5000) is 1");
	CHECK(stats_poisson_sf(20000, 5000) < 1e-300, "sf(20000, 5000) underflows");

	/* x in the tens of thousands.  ppois(25000, 30000) */
	CHECK_REL(stats_poisson_cdf(25000, 30000), 1.7314043192105868e-194, "cdf(25000, 30000)");
	/* ppois(30000, 30000) */
	CHECK_REL(stats_poisson_cdf(30000, 30000), 0.50153552301300697, "cdf(30000, 30000)");
	/* ppois(31000, 30000, lower.tail=FALSE) = P(X >= 31001) */
	CHECK_REL(stats_poisson_sf(31001, 30000), 4.5776850570728014e-09, "sf(31001, 30000)");
}

static void test_limits(void)
{
	/*
	 * p = 122 / 3500 (the funnel below).  In R, with mu = p * n:
	 *   lo = qpois(0.025, mu), qpois(0.001, mu)
	 *   hi = largest k with ppois(k - 1, mu, lower.tail=FALSE) >= tail,
	 *        found by stepping k; here equal to qpois(0.975, mu),
	 *        qpois(0.999, mu)
	 */
	struct stats_funnel_limits l;
	double p = 122.0 / 3500.0;

	/* n 600: mu 20.914285714285715 -> 12, 30, 8, 36 */
	CHECK_INT(stats_funnel_limits(p, 600, &l), 0, "limits n 600: ok");
	CHECK_NEAR(l.expected, 20.914285714285715, 1e-12, "limits n 600: expected");
	CHECK_INT(l.lo95, 12, "limits n 600: lo95 = qpois(0.025, mu)");
	CHECK_INT(l.hi95, 30, "limits n 600: hi95");
	CHECK_INT(l.lo998, 8, "limits n 600: lo998 = qpois(0.001, mu)");
	CHECK_INT(l.hi998, 36, "limits n 600: hi998");
	CHECK_NEAR(l.rate_lo95, 12.0 / 600, 1e-15, "limits n 600: rate_lo95");
	CHECK_NEAR(l.rate_hi998, 36.0 / 600, 1e-15, "limits n 600: rate_hi998");
	CHECK_NEAR(l.rate, p, 1e-15, "limits n 600: centre rate");

	/* n 50: mu 1.7428571428571429 -> 0, 5, 0, 7 (no low count is unusual) */
	CHECK_INT(stats_funnel_limits(p, 50, &l), 0, "limits n 50: ok");
	CHECK_INT(l.lo95, 0, "limits n 50: lo95");
	CHECK_INT(l.hi95, 5, "limits n 50: hi95");
	CHECK_INT(l.lo998, 0, "limits n 50: lo998");
	CHECK_INT(l.hi998, 7, "limits n 50: hi998");
	CHECK(l.rate_lo95 == 0.0, "limits n 50: rate_lo95 0");

	/* n 5000: mu 174.28571428571428 -> 149, 201, 135, 216 */
	CHECK_INT(stats_funnel_limits(p, 5000, &l), 0, "limits n 5000: ok");
	CHECK_INT(l.lo95, 149, "limits n 5000: lo95");
	CHECK_INT(l.hi95, 201, "limits n 5000: hi95");
	CHECK_INT(l.lo998, 135, "limits n 5000: lo998");
	CHECK_INT(l.hi998, 216, "limits n 5000: hi998");

	/* The limit and the level agree: x below lo95 <=> p_low < 0.025. */
	CHECK(stats_poisson_cdf(11, 600 * p) < 0.025, "x 11 < lo95 12: p_low < 0.025");
	CHECK(stats_poisson_cdf(12, 600 * p) >= 0.025, "x 12 = lo95: p_low >= 0.025");
	CHECK(stats_poisson_sf(30, 600 * p) >= 0.025, "x 30 = hi95: p_high >= 0.025");
	CHECK(stats_poisson_sf(31, 600 * p) < 0.025, "x 31 > hi95: p_high < 0.025");

	/* mu 0: nothing varies */
	CHECK_INT(stats_funnel_limits(0, 100, &l), 0, "limits p 0: ok");
	CHECK_INT(l.lo95 + l.hi95 + l.lo998 + l.hi998, 0, "limits p 0: all 0");
	/* qpois(0.025, 1000) = 938, qpois(0.975, 1000) = 1062 */
	CHECK_INT(stats_poisson_lower_limit(1000, 0.025), 938, "lower limit mu 1000");
	CHECK_INT(stats_poisson_upper_limit(1000, 0.025), 1062, "upper limit mu 1000");

	CHECK_INT(stats_funnel_limits(p, 0, &l), -1, "limits n 0 refused");
	CHECK_INT(stats_funnel_limits(-0.1, 10, &l), -1, "limits p < 0 refused");
	CHECK_INT(stats_funnel_limits(NAN, 10, &l), -1, "limits p NAN refused");
	CHECK_INT(stats_poisson_lower_limit(5, 0), -1, "lower limit tail 0 refused");
	CHECK_INT(stats_poisson_upper_limit(5, 1), -1, "upper limit tail 1 refused");
}

static void test_funnel(void)
{
	/*
	 * Hand-made partnership.  Over the rows with n > 0:
	 * sum x = 40+30+35+6+2+9 = 122, sum n = 1000+800+700+600+250+150 = 3500,
	 * p = 122/3500 = 0.034857142857142857.  In R, for each agency
	 * e = p*n, p_low = ppois(x, e), p_high = ppois(x - 1, e, lower.tail=FALSE).
	 */
	struct stats_funnel_row r[] = {
		{.x = 40, .n = 1000}, /* police */
		{.x = 30, .n = 800},  /* health */
		{.x = 35, .n = 700},  /* social care */
		{.x = 6, .n = 600},   /* education */
		{.x = 2, .n = 250},   /* housing */
		{.x = 9, .n = 150},   /* probation */
		{.x = 3, .n = 0},     /* ambulance: no activity, not in the funnel */
	};
	double p = stats_funnel(r, COUNT(r));

	CHECK_NEAR(p, 0.034857142857142857, 1e-15, "funnel: p = 122/3500");

	/* police: e 34.857142857142854, ppois(40, e) 0.83126508146195999 */
	CHECK_NEAR(r[0].expected, 34.857142857142854, 1e-12, "funnel police: expected");
	CHECK_REL(r[0].p_low, 0.83126508146195999, "funnel police: p_low");
	/* ppois(39, e, lower.tail=FALSE) 0.21256392107355579 */
	CHECK_REL(r[0].p_high, 0.21256392107355579, "funnel police: p_high");
	CHECK_STR(r[0].level, "none", "funnel police: none");

	/* health: ppois(30, 27.885714285714286) 0.69805815869948673 */
	CHECK_REL(r[1].p_low, 0.69805815869948673, "funnel health: p_low");
	CHECK_STR(r[1].level, "none", "funnel health: none");

	/* social care: ppois(35, 24.4) 0.98359527167557959;
	 * ppois(34, 24.4, lower.tail=FALSE) 0.025268650106707428 (high, but
	 * the level is about low counts) */
	CHECK_REL(r[2].p_low, 0.98359527167557959, "funnel social care: p_low");
	CHECK_REL(r[2].p_high, 0.025268650106707428, "funnel social care: p_high");
	CHECK_STR(r[2].level, "none", "funnel social care: none");

	/* education: e 20.914285714285715, ppois(6, e) 0.00013161222476746273 */
	CHECK_NEAR(r[3].expected, 20.914285714285715, 1e-12, "funnel education: expected");
	CHECK_REL(r[3].p_low, 0.00013161222476746273, "funnel education: p_low");
	/* ppois(5, e, lower.tail=FALSE) 0.9999644089124422 */
	CHECK_REL(r[3].p_high, 0.9999644089124422, "funnel education: p_high");
	CHECK_STR(r[3].level, "alert", "funnel education: alert");

	/* housing: e 8.7142857142857135, ppois(2, e) 0.0078307526457766161 */
	CHECK_REL(r[4].p_low, 0.0078307526457766161, "funnel housing: p_low");
	CHECK_STR(r[4].level, "watch", "funnel housing: watch");

	/* probation: ppois(9, 5.2285714285714286) 0.95910547743847452 */
	CHECK_REL(r[5].p_low, 0.95910547743847452, "funnel probation: p_low");
	CHECK_STR(r[5].level, "none", "funnel probation: none");

	CHECK(r[6].level == NULL, "funnel ambulance (n 0): no level");
	CHECK(isnan(r[6].expected) && isnan(r[6].p_low) && isnan(r[6].p_high),
	      "funnel ambulance (n 0): NANs");

	/* Nobody raised anything: p 0, e 0, P(X <= 0) = 1, all "none". */
	struct stats_funnel_row z[] = {{.x = 0, .n = 10}, {.x = 0, .n = 20}};
	CHECK(stats_funnel(z, 2) == 0.0, "funnel all zero: p 0");
	CHECK(z[0].p_low == 1.0 && z[1].p_low == 1.0, "funnel all zero: p_low 1");
	CHECK_STR(z[1].level, "none", "funnel all zero: none");

	/*
	 * Both watch levels near their edges.  p = (60+8+8)/(1000+400+500) =
	 * 76/1900 = 0.04, e = 40, 16, 20.
	 */
	struct stats_funnel_row w[] = {{.x = 60, .n = 1000}, {.x = 8, .n = 400},
				       {.x = 8, .n = 500}};
	CHECK_NEAR(stats_funnel(w, 3), 0.04, 1e-15, "funnel 2: p 0.04");
	/* ppois(60, 40) */
	CHECK_REL(w[0].p_low, 0.9987990206511691, "funnel 2: p_low(60, 40)");
	CHECK_STR(w[0].level, "none", "funnel 2: none");
	/* ppois(8, 16) */
	CHECK_REL(w[1].p_low, 0.021987253549058759, "funnel 2: p_low(8, 16)");
	CHECK_STR(w[1].level, "watch", "funnel 2: 0.022 is watch");
	/* ppois(8, 20) */
	CHECK_REL(w[2].p_low, 0.0020872590491350191, "funnel 2: p_low(8, 20)");
	CHECK_STR(w[2].level, "watch", "funnel 2: 0.0021 is watch, not alert");

	struct stats_funnel_row idle[] = {{.x = 3, .n = 0}};
	CHECK(isnan(stats_funnel(idle, 1)), "funnel no activity: p NAN");
	CHECK(isnan(stats_funnel(NULL, 0)), "funnel empty: p NAN");
}

static void test_median(void)
{
	double odd[] = {7, 1, 3};           /* median(c(7, 1, 3)) = 3 */
	double even[] = {4, 10, 1, 6};      /* median(c(4, 10, 1, 6)) = 5 */
	double half[] = {3, 6};             /* median(c(3, 6)) = 4.5 */
	double one[] = {-2.5};
	double dup[] = {2, 2, 9, 2, 9, 9};  /* median(...) = (2 + 9) / 2 = 5.5 */

	CHECK_NEAR(stats_median(odd, 3), 3, 0, "median odd");
	CHECK(odd[0] == 1 && odd[1] == 3 && odd[2] == 7, "median sorts in place");
	CHECK_NEAR(stats_median(even, 4), 5, 0, "median even: mean of middle two");
	CHECK_NEAR(stats_median(half, 2), 4.5, 0, "median of two");
	CHECK_NEAR(stats_median(one, 1), -2.5, 0, "median of one");
	CHECK_NEAR(stats_median(dup, 6), 5.5, 0, "median with ties");
	CHECK(isnan(stats_median(NULL, 0)), "median of nothing is NAN");
}

/* stats_median_select() gives what stats_median() gives (the sorted
 * list's middle value, or the mean of the middle two), on lists with many
 * ties and on distinct values, odd and even lengths, without sorting. */
static void test_median_select(void)
{
	double odd[] = {7, 1, 3}, even[] = {4, 10, 1, 6}, dup[] = {2, 2, 9, 2, 9, 9};
	double a[257], b[257];
	unsigned seed = 12345;
	int bad = 0;

	CHECK_NEAR(stats_median_select(odd, 3), 3, 0, "select: median odd");
	CHECK_NEAR(stats_median_select(even, 4), 5, 0, "select: mean of middle two");
	CHECK_NEAR(stats_median_select(dup, 6), 5.5, 0, "select: median with ties");
	CHECK(isnan(stats_median_select(NULL, 0)), "select: median of nothing is NAN");
	for (int n = 1; n <= 257; n += 7) {
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			/* working days: small integers, many equal */
			a[i] = b[i] = (double)((seed >> 16) % (n % 2 ? 9u : 1000u));
		}
		if (stats_median_select(a, (size_t)n) != stats_median(b, (size_t)n))
			bad++;
	}
	CHECK(bad == 0, "select: the same median as sorting, 37 lists of 1..253");
}

/* "i,j,k": the points flags marks with rule r (snprintf, never sprintf). */
static const char *flagged(const unsigned *flags, int n, int r)
{
	static char buf[256];
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && used < sizeof(buf); i++)
		if (flags[i] & STATS_SPC_BIT(r))
			used += (size_t)snprintf(buf + used, sizeof(buf) - used,
						 used ? ",%d" : "%d", i);
	return buf;
}

static void test_spc_names(void)
{
	static const char *const want[] = {
		"beyond-limits", "run-below", "run-above", "trend-down",
		"trend-up", "two-of-three-low", "two-of-three-high",
	};
	int r;

	CHECK_INT(STATS_SPC_NRULES, 7, "spc: seven rules");
	for (r = 0; r < STATS_SPC_NRULES; r++)
		CHECK_STR(stats_spc_rule_name(r), want[r], "spc: rule name in order");
	CHECK(stats_spc_rule_name(-1) == NULL, "spc: rule -1 has no name");
	CHECK(stats_spc_rule_name(STATS_SPC_NRULES) == NULL, "spc: rule 7 has no name");
}

static void test_spc_limits(void)
{
	/*
	 * 24 months with one wild month at the end.
	 *   sum = 137 (first 12) + 161 (last 12, 35 included) = 298
	 *   mean = 298 / 24 = 12.416666...
	 *   moving ranges: 2,1,2,1,2,1,1,1,2,1,2,1,2,1,2,1,1,1,2,1,2,1,24
	 *     = nine 2s + thirteen 1s + 24 = 18 + 13 + 24 = 55 over 23
	 *   AMR = 55 / 23 = 2.391304; 3.267 x 2.391304 = 7.812; 24 >= 7.812 goes
	 *   AMR = (55 - 24) / 22 = 31 / 22 = 1.409091
	 *   UCL = 12.416667 + 2.66 x 1.409091 = 12.416667 + 3.748182 = 16.164848
	 *   LCL = 12.416667 - 3.748182 = 8.668485
	 *   near = 12.416667 +- 1.773 x 1.409091 (2.498318) = 14.914985, 9.918348
	 *   35 > UCL: beyond-limits at point 23, and nothing else (the 13s
	 *   break every run; no 7-point trend; only 35 is beyond the near lines).
	 */
	double x[] = {10, 12, 11, 13, 12, 10, 11, 12, 13, 11, 10, 12,
		      11, 13, 12, 10, 11, 12, 13, 11, 10, 12, 11, 35};
	unsigned flags[24];
	struct stats_spc s;

	CHECK_INT(stats_spc(x, 24, &s, flags), 0, "spc 24: ok");
	CHECK_INT(s.n, 24, "spc 24: n");
	CHECK_NEAR(s.mean, 298.0 / 24, 1e-12, "spc 24: mean 298/24");
	CHECK_NEAR(s.amr_raw, 55.0 / 23, 1e-12, "spc 24: raw AMR 55/23");
	CHECK_INT(s.ranges_kept, 22, "spc 24: one range screened out");
	CHECK_NEAR(s.amr, 31.0 / 22, 1e-12, "spc 24: AMR 31/22");
	CHECK_NEAR(s.ucl, 16.164848484848484, 1e-9, "spc 24: UCL");
	CHECK_NEAR(s.lcl, 8.668484848484848, 1e-9, "spc 24: LCL");
	CHECK_NEAR(s.near_high, 14.914984848484847, 1e-9, "spc 24: upper near line");
	CHECK_NEAR(s.near_low, 9.9183484848484849, 1e-9, "spc 24: lower near line");
	CHECK_INT(s.provisional, 0, "spc 24: not provisional");
	CHECK_INT(s.rules, STATS_SPC_BIT(STATS_SPC_BEYOND_LIMITS), "spc 24: only beyond-limits");
	CHECK_STR(flagged(flags, 24, STATS_SPC_BEYOND_LIMITS), "23", "spc 24: the wild month");
}

/* Run x through stats_spc and check exactly one rule fires, on want. */
static void check_one_rule(const double *x, int n, int rule, const char *want,
			   const char *what)
{
	unsigned flags[64];
	struct stats_spc s;
	char label[160];

	stats_spc(x, n, &s, flags);
	snprintf(label, sizeof(label), "%s: only %s fires", what, stats_spc_rule_name(rule));
	CHECK_INT(s.rules, STATS_SPC_BIT(rule), label);
	snprintf(label, sizeof(label), "%s: %s marks %s", what, stats_spc_rule_name(rule), want);
	CHECK_STR(flagged(flags, n, rule), want, label);
}

static void test_spc_rules(void)
{
	/*
	 * Each series fires exactly one rule; means and AMRs by hand (no range
	 * is screened in any but the first).
	 *
	 * beyond: 4,6 alternating for 23 months then 16.  sum 48+66+16 = 130,
	 * mean 5.416667; ranges twenty-two 2s and a 10: raw AMR 54/23 = 2.348,
	 * 10 >= 7.67 goes, AMR 2; UCL 5.416667 + 5.32 = 10.736667 < 16.
	 * 6 above and 4 below the mean alternate: no run.
	 */
	double beyond[] = {4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 4, 6,
			   4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 4, 16};
	check_one_rule(beyond, 24, STATS_SPC_BEYOND_LIMITS, "23", "beyond");

	/*
	 * run-below: seven 4s between alternating 3s and 7s.  sum 7x7 + 6x3 +
	 * 7x4 = 49+18+28 = 95, mean 4.75: the 4s and 3s are below, the 7s
	 * above, so the run is the 4s alone (points 6..12).  Ranges 4x5, 3, 0x6,
	 * 3, 4x6 = 50/19 = 2.6316: UCL 11.75, near lines 9.416 and 0.084.
	 */
	double below[] = {3, 7, 3, 7, 3, 7, 4, 4, 4, 4, 4, 4, 4, 7, 3, 7, 3, 7, 3, 7};
	check_one_rule(below, 20, STATS_SPC_RUN_BELOW, "6,7,8,9,10,11,12", "run-below");

	/* run-above: the mirror: seven 6s, sum 6x7 + 7x3 + 7x6 = 105, mean 5.25. */
	double above[] = {7, 3, 7, 3, 7, 3, 6, 6, 6, 6, 6, 6, 6, 3, 7, 3, 7, 3, 7, 3};
	check_one_rule(above, 20, STATS_SPC_RUN_ABOVE, "6,7,8,9,10,11,12", "run-above");

	/*
	 * A point on the mean breaks the run: as run-below with the middle 4 a
	 * 5 and the last 7 an 11, sum 95 - 4 + 5 - 7 + 11 = 100, mean 5
	 * exactly, so 4,4,4,5,4,4,4 is two runs of 3.  AMR 56/19 = 2.947: UCL
	 * 12.84, near lines 10.226 and -0.226.  Nothing fires.
	 */
	double broken[] = {3, 7, 3, 7, 3, 7, 4, 4, 4, 5, 4, 4, 4, 7, 3, 7, 3, 7, 3, 11};
	struct stats_spc s;
	unsigned flags[20];

	stats_spc(broken, 20, &s, flags);
	CHECK_NEAR(s.mean, 5.0, 0, "run broken: mean exactly 5");
	CHECK_INT(s.rules, 0, "run broken by a point on the mean: no rule");
	/* 5 - 2.66 x 56/19 = -2.84: the lower limit stops at 0 */
	CHECK(s.lcl == 0, "run broken: LCL clamped to 0");

	/*
	 * trend-down: 9,8,7,6,5,4,3 (points 6..12, six strict falls) inside
	 * 4,8 alternating.  sum 4x6 + 8x7 + 42 = 122, mean 6.1; ranges
	 * 4x5, 1, 1x6, 5, 4x6 = 56/19 = 2.947: UCL 13.94, near lines 11.33 and
	 * 0.87; 9,8,7 above and 5,4,3 below the mean: no run.
	 */
	double down[] = {4, 8, 4, 8, 4, 8, 9, 8, 7, 6, 5, 4, 3, 8, 4, 8, 4, 8, 4, 8};
	check_one_rule(down, 20, STATS_SPC_TREND_DOWN, "6,7,8,9,10,11,12", "trend-down");

	/* trend-up: 3,4,...,9; sum 4x7 + 8x6 + 42 = 118, mean 5.9; AMR 60/19. */
	double up[] = {4, 8, 4, 8, 4, 8, 3, 4, 5, 6, 7, 8, 9, 4, 8, 4, 8, 4, 8, 4};
	check_one_rule(up, 20, STATS_SPC_TREND_UP, "6,7,8,9,10,11,12", "trend-up");

	/* Six points falling (five steps) are not a trend: 9,8,7,6,5,4. */
	double short_down[] = {4, 8, 4, 8, 4, 8, 9, 8, 7, 6, 5, 4, 8, 4, 8, 4, 8, 4, 8, 4};
	stats_spc(short_down, 20, &s, flags);
	CHECK_INT(s.rules, 0, "six falling points: no trend");

	/*
	 * A flat step ends a trend: 9,8,7,7,6,5,4,3 holds no 7 strict falls.
	 */
	double flat[] = {4, 8, 4, 8, 4, 9, 8, 7, 7, 6, 5, 4, 3, 8, 4, 8, 4, 8, 4, 8};
	stats_spc(flat, 20, &s, flags);
	CHECK(!(s.rules & STATS_SPC_BIT(STATS_SPC_TREND_DOWN)), "equal neighbours break a trend");

	/*
	 * two-of-three-high: 10,6,10 (points 8..10) in 4,6 alternating.
	 * sum 4x9 + 6x9 + 20 = 110, mean 5.5; ranges 2x7, 4, 4, 4, 6, 2x8 =
	 * 48/19 = 2.5263: near line 5.5 + 4.479 = 9.979 < 10, UCL 12.22 > 10.
	 * Window 8..10 is all above 5.5 with two beyond: the two 10s marked.
	 */
	double high[] = {4, 6, 4, 6, 4, 6, 4, 6, 10, 6, 10, 4, 6, 4, 6, 4, 6, 4, 6, 4};
	check_one_rule(high, 20, STATS_SPC_TWO_OF_THREE_HIGH, "8,10", "two-of-three-high");

	/*
	 * Near misses, each firing nothing.
	 *
	 * Six 4s are not a run of 7: sum 7x7 + 7x3 + 6x4 = 94, mean 4.7;
	 * ranges 4x5, 3, 0x5, 3, 4x7 = 54/19 = 2.842, UCL 12.26.
	 */
	double six[] = {3, 7, 3, 7, 3, 7, 4, 4, 4, 4, 4, 4, 7, 3, 7, 3, 7, 3, 7, 3};
	stats_spc(six, 20, &s, flags);
	CHECK_INT(s.rules, 0, "six points below the mean: no run");

	/*
	 * One point beyond the near line in 3 above the mean is not two of
	 * three: 6,10,6 in 4,6; sum 4x9 + 6x10 + 10 = 106, mean 5.3; ranges
	 * 2x7, 0, 4, 4, 2x9 = 14 + 8 + 18 = 40/19 = 2.105: near line
	 * 5.3 + 3.733 = 9.033 < 10, UCL 10.9 > 10.
	 */
	double lone[] = {4, 6, 4, 6, 4, 6, 4, 6, 6, 10, 6, 4, 6, 4, 6, 4, 6, 4, 6, 4};
	stats_spc(lone, 20, &s, flags);
	CHECK_INT(s.rules, 0, "one of three beyond the near line: no rule");

	/*
	 * Two beyond the near line but not all 3 on one side: 11,4,11 in 4,6.
	 * sum 4x9 + 6x9 + 22 = 112, mean 5.6; ranges 2x7, 5, 7, 7, 5, 2x8
	 * = 54/19 = 2.842: near line 10.64 < 11 < UCL 13.16; the 4 is below.
	 */
	double split_high[] = {4, 6, 4, 6, 4, 6, 4, 6, 11, 4, 11, 6, 4, 6, 4, 6, 4, 6, 4, 6};
	stats_spc(split_high, 20, &s, flags);
	CHECK_INT(s.rules, 0, "two high beyond, one below the mean: no rule");

	/*
	 * The same below: 4,11,4 in 9,11.  sum 9x9 + 11x9 + 8 = 188, mean
	 * 9.4; ranges 2x7, 7, 7, 7, 5, 2x8 = 56/19 = 2.947: LCL 1.56 < 4 <
	 * near line 4.17.
	 */
	double split_low[] = {9, 11, 9, 11, 9, 11, 9, 11, 4, 11, 4, 9, 11, 9, 11, 9, 11, 9, 11, 9};
	stats_spc(split_low, 20, &s, flags);
	CHECK_INT(s.rules, 0, "two low beyond, one above the mean: no rule");

	/*
	 * One low beyond: 9,5,9 in 11,9.  sum 11x9 + 9x10 + 5 =
	 * 99 + 90 + 5 = 194, mean 9.7; ranges 2x7, 0, 4, 4,
	 * 2x9 = 40/19 = 2.105: LCL 4.1 < 5 < near line 5.97, and 9 < 9.7.
	 */
	double lone_low[] = {11, 9, 11, 9, 11, 9, 11, 9, 9, 5, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11};
	stats_spc(lone_low, 20, &s, flags);
	CHECK_INT(s.rules, 0, "one of three below the near line: no rule");

	/* two-of-three-low: the mirror, 0,4,0 in 6,4; mean 4.5, same AMR:
	 * near line 4.5 - 4.479 = 0.021 > 0, LCL max(0, -2.22) = 0 (0 is not
	 * below it). */
	double low[] = {6, 4, 6, 4, 6, 4, 6, 4, 0, 4, 0, 6, 4, 6, 4, 6, 4, 6, 4, 6};
	check_one_rule(low, 20, STATS_SPC_TWO_OF_THREE_LOW, "8,10", "two-of-three-low");
}

static void test_spc_edges(void)
{
	struct stats_spc s;
	unsigned flags[12];
	double one[] = {7};
	double flat[] = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
	/* 4,6 x5 then 5: sum 55, mean 5, ranges 2x9 + 1 = 19/10 = 1.9 */
	double eleven[] = {4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 5};
	/* one more 5: sum 60, mean 5, ranges 19/11 */
	double twelve[] = {4, 6, 4, 6, 4, 6, 4, 6, 4, 6, 5, 5};
	/*
	 * Screening leaves AMR 0: eleven 5s and a 20.  Ranges 0x10 and 15:
	 * raw AMR 15/11 = 1.364, 15 >= 4.455 goes, AMR 0/10 = 0, so
	 * UCL = LCL = mean = 75/12 = 6.25 and every point is beyond a limit;
	 * the 5s are also a run below and (near line = mean) two-of-three-low.
	 */
	double spike[] = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 20};
	/*
	 * A large range that stays: ten 1s and a 4, raw AMR 14/11 = 1.2727;
	 * 3.267 x 1.2727 = 4.158 > 4, so the 4 is kept (at 3.14 x AMR).
	 */
	double keep[] = {5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 9};

	CHECK_INT(stats_spc(NULL, 0, &s, NULL), 0, "spc 0 points: ok");
	CHECK(isnan(s.mean) && isnan(s.ucl) && isnan(s.lcl), "spc 0 points: NANs");
	CHECK_INT(s.rules, 0, "spc 0 points: no rule");
	CHECK_INT(s.provisional, 1, "spc 0 points: provisional");

	CHECK_INT(stats_spc(one, 1, &s, flags), 0, "spc 1 point: ok");
	CHECK_NEAR(s.mean, 7, 0, "spc 1 point: mean");
	CHECK_NEAR(s.amr, 0, 0, "spc 1 point: AMR 0");
	CHECK(s.ucl == 7 && s.lcl == 7, "spc 1 point: limits on the mean");
	CHECK_INT(s.rules, 0, "spc 1 point: no rule");
	CHECK_INT(s.provisional, 1, "spc 1 point: provisional");

	stats_spc(flat, 12, &s, flags);
	CHECK(s.amr == 0 && s.ucl == 5 && s.lcl == 5, "spc all equal: AMR 0, limits 5");
	CHECK_INT(s.ranges_kept, 11, "spc all equal: no range screened");
	CHECK_INT(s.rules, 0, "spc all equal: no rule");

	stats_spc(eleven, 11, &s, flags);
	CHECK_INT(s.provisional, 1, "spc 11 points: provisional");
	CHECK_NEAR(s.amr, 1.9, 1e-12, "spc 11 points: AMR 19/10");
	CHECK_INT(s.rules, 0, "spc 11 points: no rule");
	stats_spc(twelve, 12, &s, flags);
	CHECK_INT(s.provisional, 0, "spc 12 points: not provisional");
	CHECK_NEAR(s.amr, 19.0 / 11, 1e-12, "spc 12 points: AMR 19/11");

	stats_spc(keep, 12, &s, flags);
	CHECK_INT(s.ranges_kept, 11, "spc range at 3.14 AMR: kept");
	CHECK_NEAR(s.amr, 14.0 / 11, 1e-12, "spc range at 3.14 AMR: AMR 14/11");
	CHECK_INT(s.rules, 0, "spc range at 3.14 AMR: no rule");

	stats_spc(spike, 12, &s, flags);
	CHECK_INT(s.ranges_kept, 10, "spc spike: the 15 screened out");
	CHECK(s.amr == 0 && s.ucl == 6.25 && s.lcl == 6.25, "spc spike: AMR 0, limits 6.25");
	CHECK_STR(flagged(flags, 12, STATS_SPC_BEYOND_LIMITS), "0,1,2,3,4,5,6,7,8,9,10,11",
		  "spc spike: every point beyond");
	CHECK_STR(flagged(flags, 12, STATS_SPC_RUN_BELOW), "0,1,2,3,4,5,6,7,8,9,10",
		  "spc spike: the 5s run below");
	CHECK_INT(s.rules, STATS_SPC_BIT(STATS_SPC_BEYOND_LIMITS) |
		  STATS_SPC_BIT(STATS_SPC_RUN_BELOW) |
		  STATS_SPC_BIT(STATS_SPC_TWO_OF_THREE_LOW), "spc spike: three rules");

	/* flags may be NULL; bad arguments are refused */
	CHECK_INT(stats_spc(spike, 12, &s, NULL), 0, "spc without flags: ok");
	CHECK_INT(s.rules & STATS_SPC_BIT(STATS_SPC_BEYOND_LIMITS),
		  STATS_SPC_BIT(STATS_SPC_BEYOND_LIMITS), "spc without flags: rules still set");
	CHECK_INT(stats_spc(spike, -1, &s, flags), -1, "spc n < 0 refused");
	CHECK_INT(stats_spc(NULL, 3, &s, flags), -1, "spc NULL points refused");
}

int main(void)
{
	test_poisson_edges();
	test_poisson_small();
	test_poisson_large();
	test_limits();
	test_funnel();
	test_median();
	test_median_select();
	test_spc_names();
	test_spc_limits();
	test_spc_rules();
	test_spc_edges();
	return unit_done();
}
