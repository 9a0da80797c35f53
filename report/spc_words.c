/*
 * spc_words.c - the monthly chart's signals in words: see spc_words.h.
 *
 * The rules are NHS England's "Making Data Count" (DESIGN.md "SPC
 * (monthly)"); stats_spc() marks the months each rule flags.  Here the
 * flagged months of a rule are cut into groups, each one way (high or
 * low) and without a gap (a gap of one month inside a two-of-three group,
 * whose flagged months need not touch), and each group is told with its
 * months: "7 months in a row below the average, March to September 2026".
 * A group ending before the last six months of the series is past.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "spc_words.h"
#include "stats.h"

const char *spc_month_range(const char *first, const char *last, char *buf, size_t cap)
{
	int fy = atoi(first), fm = atoi(first + 5), ly = atoi(last), lm = atoi(last + 5);

	if (fm < 1 || fm > 12 || lm < 1 || lm > 12)
		snprintf(buf, cap, "%s to %s", first, last);
	else if (fy == ly && fm == lm)
		snprintf(buf, cap, "%s %d", date_month_name(fm), fy);
	else if (fy == ly)
		snprintf(buf, cap, "%s to %s %d", date_month_name(fm), date_month_name(lm), ly);
	else
		snprintf(buf, cap, "%s %d to %s %d", date_month_name(fm), fy, date_month_name(lm), ly);
	return buf;
}

/* The direction of month i under rule r: 1 high, -1 low. */
static int direction(const struct metrics *m, int r, int i)
{
	switch (r) {
	case STATS_SPC_RUN_BELOW:
	case STATS_SPC_TREND_DOWN:
	case STATS_SPC_TWO_OF_THREE_LOW:
		return -1;
	case STATS_SPC_BEYOND_LIMITS:
		return (double)m->month_n[i] < m->spc_mean ? -1 : 1;
	default:
		return 1;
	}
}

/* One group in words: n flagged months from month a to month b. */
static void group_text(const struct metrics *m, int r, int dir, int a, int b, int n, char *buf, size_t cap)
{
	char when[96];

	spc_month_range(m->month[a], m->month[b], when, sizeof(when));
	switch (r) {
	case STATS_SPC_BEYOND_LIMITS:
		if (n == 1)
			snprintf(buf, cap, "%s the %s process limit in %s", dir < 0 ? "below" : "above",
				 dir < 0 ? "lower" : "upper", when);
		else
			snprintf(buf, cap, "%d months %s the %s process limit, %s", n, dir < 0 ? "below" : "above",
				 dir < 0 ? "lower" : "upper", when);
		break;
	case STATS_SPC_RUN_BELOW:
	case STATS_SPC_RUN_ABOVE:
		snprintf(buf, cap, "%d months in a row %s the average, %s", n, dir < 0 ? "below" : "above", when);
		break;
	case STATS_SPC_TREND_DOWN:
	case STATS_SPC_TREND_UP:
		snprintf(buf, cap, "%d months in a row each %s than the month before, %s", n,
			 dir < 0 ? "lower" : "higher", when);
		break;
	default:
		snprintf(buf, cap, "%d month%s close to or beyond the %s process limit, %s", n, n == 1 ? "" : "s",
			 dir < 0 ? "lower" : "upper", when);
		break;
	}
}

static void append(char *buf, size_t cap, const char *text)
{
	size_t len = strlen(buf);

	snprintf(buf + len, cap - len, "%s%s", len ? "; " : "", text);
}

int spc_groups(const struct metrics *m, struct spc_group *out, int max)
{
	int ngroup = 0, gap_ok;

	for (int r = 0; r < STATS_SPC_NRULES; r++) {
		if (!(m->spc_rules & STATS_SPC_BIT(r)))
			continue;
		gap_ok = r == STATS_SPC_TWO_OF_THREE_LOW || r == STATS_SPC_TWO_OF_THREE_HIGH;
		for (int i = 0; i < m->n_month && ngroup < max;) {
			struct spc_group *g = &out[ngroup];

			if (!(m->month_flags[i] & STATS_SPC_BIT(r))) {
				i++;
				continue;
			}
			g->rule = r;
			g->dir = direction(m, r, i);
			g->first = g->last = i;
			g->n = 1;
			for (int j = i + 1; j < m->n_month && j - g->last <= 1 + gap_ok; j++)
				if ((m->month_flags[j] & STATS_SPC_BIT(r)) && direction(m, r, j) == g->dir) {
					g->last = j;
					g->n++;
				} else if (j - g->last == 1 && !gap_ok) {
					break;
				}
			g->recent = g->last >= m->n_month - SPC_RECENT_MONTHS;
			i = g->last + 1;
			ngroup++;
		}
	}
	return ngroup;
}

int spc_words(const struct metrics *m, char *recent, size_t rcap, char *past, size_t pcap)
{
	struct spc_group g[SPC_MAX_GROUPS];
	int n = spc_groups(m, g, SPC_MAX_GROUPS), down = 0;

	recent[0] = past[0] = '\0';
	for (int k = 0; k < n; k++) {
		char text[256];

		group_text(m, g[k].rule, g[k].dir, g[k].first, g[k].last, g[k].n, text, sizeof(text));
		if (g[k].recent) {
			append(recent, rcap, text);
			/* a shift, not one odd month: as before, only the run,
			 * the trend and two-of-three point down */
			down |= g[k].dir < 0 && g[k].rule != STATS_SPC_BEYOND_LIMITS;
		} else {
			append(past, pcap, text);
		}
	}
	return down;
}

cJSON *spc_groups_json(const struct metrics *m)
{
	struct spc_group g[SPC_MAX_GROUPS];
	int n = spc_groups(m, g, SPC_MAX_GROUPS);
	cJSON *arr = cJSON_CreateArray();

	for (int k = 0; k < n; k++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "rule", stats_spc_rule_name(g[k].rule));
		cJSON_AddStringToObject(o, "direction", g[k].dir < 0 ? "low" : "high");
		cJSON_AddStringToObject(o, "from", m->month[g[k].first]);
		cJSON_AddStringToObject(o, "to", m->month[g[k].last]);
		cJSON_AddNumberToObject(o, "months", g[k].n);
		cJSON_AddBoolToObject(o, "recent", g[k].recent);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}
