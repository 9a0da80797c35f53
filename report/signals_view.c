/*
 * signals_view.c - oversight signals once its options are parsed: the
 * figures from metrics_compute(), shown as text or as JSON.
 *
 * The lack-of-challenge signals of DESIGN.md "Definitions": the funnel
 * (agencies that escalate less than their activity predicts), silent
 * agencies, one-way challenge and the monthly SPC chart's rules.  Devon
 * protocol 2.7: "the lack of escalations being reported could indicate a
 * lack of appropriate challenge".  Every figure comes from
 * metrics_compute(), and --json from the same builders as `oversight
 * metrics --json`, so the two commands always agree.
 *
 * Beside the period's funnel this command shows the funnel of the four
 * quarters ending with the period (the same definition over a longer
 * period).  Why: in one quarter an agency expects 3 to 15 escalations, and
 * an agency raising a fifth of its share (2 where 8 are expected) reaches
 * p_low ~0.01 at best, "watch", never "alert"; over four quarters the same
 * habit gives p_low < 1e-4.  The quarter stays the quick signal of a sudden
 * stop (with "silent"), the year the steady one of persistent low
 * challenge.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/date.h"
#include "core/msg.h"
#include "comparisons.h"
#include "core/util.h"
#include "metrics.h"
#include "run.h"
#include "stats.h"

/* Period to the text "2026-Q3 (2026/27 Q2), 2026-07-01 to 2026-09-30, as of
 * 2026-09-30". */
static void period_text(const struct period *p, char *buf, size_t len)
{
	char a[11], b[11], c[11], fq[32];

	if (p->q) {
		cli_fin_quarter(p->year, p->q, fq, sizeof(fq));
		snprintf(buf, len, "%d-Q%d (%s), %s to %s, as of %s", p->year, p->q, fq,
			 date_format(p->from, a), date_format(p->to, b), date_format(p->as_of, c));
	} else {
		snprintf(buf, len, "%s to %s, as of %s", date_format(p->from, a),
			 date_format(p->to, b), date_format(p->as_of, c));
	}
}

static void print_funnel(const struct metrics *m, const char *title)
{
	char e[32], lo[32], hi[32], pp[32];
	long sum_x = 0;
	double sum_n = 0;
	int high = 0, low = 0;

	if (m->n_funnel == 0) {
		printf("%s: too little data: no '%s' activity in it\n", title, m->measure);
	} else {
		for (int i = 0; i < m->n_funnel; i++) {
			sum_x += m->funnel[i].raised;
			sum_n += m->funnel[i].activity;
		}
		printf("%s: p = %ld / %.0f = %s escalations per unit of '%s'\n", title, sum_x, sum_n,
		       cli_show_number(m->funnel_p, pp, sizeof(pp)), m->measure);
		printf("%-20s %7s %9s %9s %10s %10s  %s\n", "agency", "raised", "activity",
		       "expected", "p low", "p high", "level");
		for (int i = 0; i < m->n_funnel; i++) {
			const struct m_funnel *f = &m->funnel[i];

			printf("%-20s %7ld %9.0f %9s %10s %10s  ", f->agency, f->raised, f->activity,
			       cli_show_number(f->expected, e, sizeof(e)), cli_show_number(f->p_low, lo, sizeof(lo)),
			       cli_show_number(f->p_high, hi, sizeof(hi)));
			if (f->high)
				printf("%-5s  unusually high\n", f->level);
			else
				printf("%s\n", f->level);
			high |= f->high;
			low |= strcmp(f->level, "none") != 0;
		}
	}
	/* p pools every agency, the low ones too: beside them, an agency
	 * escalating at the usual rate sits above p. */
	if (high && low)
		printf("(p pools every agency, the low ones too: beside them, the usual rate can look unusually high)\n");
	printf("no denominator:");
	for (int i = 0; i < m->n_no_denominator; i++)
		printf(" %s", m->no_denominator[i]);
	printf("%s\n", m->n_no_denominator ? "" : " none");
}

static void print_list(const char *title, const char (*ids)[M_ID], int n)
{
	printf("%s:", title);
	for (int i = 0; i < n; i++)
		printf(" %s", ids[i]);
	printf("%s\n", n ? "" : " none");
}

static void print_spc(const struct metrics *m)
{
	char mean[32], lcl[32], ucl[32];
	int any = 0;

	if (m->n_month == 0) {
		printf("SPC: too little data: no escalation raised in the 24 months to the period's end\n");
		return;
	}
	printf("SPC, escalations raised per month, %s to %s (%d months): mean %s, limits %s to %s%s\n",
	       m->month[0], m->month[m->n_month - 1], m->n_month, cli_show_number(m->spc_mean, mean, sizeof(mean)),
	       cli_show_number(m->spc_lcl, lcl, sizeof(lcl)), cli_show_number(m->spc_ucl, ucl, sizeof(ucl)),
	       m->spc_provisional ? " (provisional: fewer than 12 months)" : "");
	printf("rules:");
	for (int r = 0; r < STATS_SPC_NRULES; r++) {
		if (!(m->spc_rules & STATS_SPC_BIT(r)))
			continue;
		printf("%s %s (", any ? ";" : "", stats_spc_rule_name(r));
		for (int i = 0, first = 1; i < m->n_month; i++)
			if (m->month_flags[i] & STATS_SPC_BIT(r)) {
				printf("%s%s", first ? "" : " ", m->month[i]);
				first = 0;
			}
		printf(")");
		any = 1;
	}
	printf("%s\n", any ? "" : " none fired");
}

static int in_list(const char (*ids)[M_ID], int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return 1;
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

static const struct m_funnel *funnel_row(const struct metrics *m, const char *id)
{
	for (int i = 0; m && i < m->n_funnel; i++)
		if (strcmp(m->funnel[i].agency, id) == 0)
			return &m->funnel[i];
	return NULL;
}

/* Append "; " and text to buf (the reasons an agency is flagged). */
static void reason(char *buf, size_t len, const char *text)
{
	size_t n = strlen(buf);

	snprintf(buf + n, len - n, "%s%s", n ? "; " : "", text);
}

static void funnel_reason(char *buf, size_t len, const struct m_funnel *f, const char *when)
{
	char e[32], lo[32], text[160];

	if (!f || strcmp(f->level, "none") == 0)
		return;
	snprintf(text, sizeof(text), "%s %s (%ld raised, %s expected, p low %s)", f->level, when,
		 f->raised, cli_show_number(f->expected, e, sizeof(e)), cli_show_number(f->p_low, lo, sizeof(lo)));
	reason(buf, len, text);
}

/*
 * The summary a board reads first: each agency that any signal names, with
 * every reason, in id order.  Every agency of the partnership is in the
 * period's funnel or its "no denominator" list.
 */
static void print_flagged(const struct metrics *m, const struct metrics *y)
{
	char ids[2 * M_MAX_ITEMS][M_ID];
	int n = 0, any = 0;

	for (int i = 0; i < m->n_funnel; i++)
		snprintf(ids[n++], M_ID, "%s", m->funnel[i].agency);
	for (int i = 0; i < m->n_no_denominator; i++)
		snprintf(ids[n++], M_ID, "%s", m->no_denominator[i]);
	qsort(ids, (size_t)n, M_ID, cmp_id);

	printf("flagged:\n");
	for (int i = 0; i < n; i++) {
		char why[640] = "";

		if (in_list(m->silent, m->n_silent, ids[i]))
			reason(why, sizeof(why), "silent");
		if (in_list(m->one_way, m->n_one_way, ids[i]))
			reason(why, sizeof(why), "one-way");
		funnel_reason(why, sizeof(why), funnel_row(m, ids[i]), "in the period");
		funnel_reason(why, sizeof(why), funnel_row(y, ids[i]), "over four quarters");
		if (!why[0])
			continue;
		printf("  %-20s %s\n", ids[i], why);
		any = 1;
	}
	if (!any)
		printf("  none\n");
}

/* The agencies left out of every signal for want of a log covering the
 * period (DESIGN.md "Whose log, and how recent"). */
static void print_no_log(const struct metrics *m)
{
	printf("not assessed, no log covering the period:");
	for (int i = 0; i < m->n_no_log; i++) {
		const char *runs_to = "";

		for (int k = 0; k < m->n_coverage; k++)
			if (!strcmp(m->coverage[k].agency, m->no_log[i]))
				runs_to = m->coverage[k].runs_to;
		if (runs_to[0])
			printf(" %s (log ends %s)", m->no_log[i], runs_to);
		else
			printf(" %s (no log)", m->no_log[i]);
	}
	printf("%s\n", m->n_no_log ? "" : " none");
}

static void print_text(const struct metrics *m, const struct metrics *y)
{
	char buf[160], a[11], b[11];

	period_text(&m->period, buf, sizeof(buf));
	printf("lack-of-challenge signals: %s, %s\n", m->partnership, buf);
	if (cli_subject_name(m->subject_group))
		printf("escalations about %s only; activity is each agency's whole activity, not split "
		       "by subject\n", cli_subject_name(m->subject_group));
	printf("\n");
	print_funnel(m, "funnel, the period");
	if (y) {
		char title[96];

		snprintf(title, sizeof(title), "funnel, the four quarters %s to %s",
			 date_format(y->period.from, a), date_format(y->period.to, b));
		printf("\n");
		print_funnel(y, title);
	}
	print_no_log(m);
	printf("\n");
	print_list("silent (raised none in the period nor in the quarter before)",
		   m->silent, m->n_silent);
	/* Every agency silent is more likely logs not loaded than silence. */
	if (m->n_silent && m->n_silent == m->n_funnel + m->n_no_denominator)
		printf("(no agency raised an escalation in the period nor the quarter before: have the logs been loaded?)\n");
	print_list("one-way (received in the 12 months to the period's end, raised none)",
		   m->one_way, m->n_one_way);
	printf("\n");
	print_spc(m);
	printf("\n");
	print_flagged(m, y);
}

static cJSON *period_json(const struct period *p)
{
	cJSON *o = cJSON_CreateObject();
	char a[11], b[11], c[11];

	cJSON_AddStringToObject(o, "from", date_format(p->from, a));
	cJSON_AddStringToObject(o, "to", date_format(p->to, b));
	cJSON_AddStringToObject(o, "as_of", date_format(p->as_of, c));
	return o;
}

static void print_json(const struct metrics *m, const struct metrics *y)
{
	cJSON *root = cJSON_CreateObject(), *arr;
	char *text;

	cJSON_AddStringToObject(root, "partnership", m->partnership);
	if (cli_subject_name(m->subject_group))
		cJSON_AddStringToObject(root, "subject", cli_subject_name(m->subject_group));
	else
		cJSON_AddNullToObject(root, "subject");
	cJSON_AddItemToObject(root, "period", period_json(&m->period));
	cJSON_AddItemToObject(root, "signals", metrics_signals_json(m));
	cJSON_AddItemToObject(root, "spc", metrics_spc_json(m));
	if (y) {
		cJSON *fq = cJSON_AddObjectToObject(root, "four_quarters");
		cJSON *sig = metrics_signals_json(y);

		cJSON_AddItemToObject(fq, "period", period_json(&y->period));
		/* The funnel only: silent and one-way are the period's. */
		cJSON_AddItemToObject(fq, "funnel", cJSON_DetachItemFromObject(sig, "funnel"));
		cJSON_Delete(sig);
	} else {
		cJSON_AddNullToObject(root, "four_quarters");
	}
	arr = cJSON_AddArrayToObject(root, "months_flagged");
	for (int i = 0; i < m->n_month; i++) {
		cJSON *o, *rules;

		if (!m->month_flags[i])
			continue;
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "month", m->month[i]);
		rules = cJSON_AddArrayToObject(o, "rules");
		for (int r = 0; r < STATS_SPC_NRULES; r++)
			if (m->month_flags[i] & STATS_SPC_BIT(r))
				cJSON_AddItemToArray(rules, cJSON_CreateString(stats_spc_rule_name(r)));
		cJSON_AddItemToArray(arr, o);
	}
	text = cJSON_Print(root);
	if (!text)
		die(EXIT_INTERNAL, "out of memory");
	fputs(text, stdout);
	fputc('\n', stdout);
	cJSON_free(text);
	cJSON_Delete(root);
}

enum err run_signals(const char *partnership, const struct period *p, const char *measure,
		     int json, int allow_incomplete)
{
	struct period yp;
	struct wh *w = NULL;
	struct metrics *m = xcalloc(1, sizeof(*m)), *y = NULL;
	enum err e = run_open(ov.warehouse, partnership, 1, &w);

	if (!e)
		e = run_scope(w, partnership, p->subject);
	if (e)
		goto out;
	if (metrics_compute(w, partnership, p, measure, m)) {
		e = ERR_INTERNAL;
		goto out;
	}
	if (coverage_require(m->coverage, m->n_coverage, partnership, p->as_of, allow_incomplete)) {
		e = ERR_DATA;
		goto out;
	}
	if (comparisons_four_quarters(p, &yp)) {
		y = xcalloc(1, sizeof(*y));
		if (metrics_compute(w, partnership, &yp, measure, y)) {
			e = ERR_INTERNAL;
			goto out;
		}
	}
	if (json)
		print_json(m, y);
	else
		print_text(m, y);
out:
	free(y);
	free(m);
	wh_close(w);
	return e;
}
