/*
 * spc_words.h - the monthly chart's signals in a board member's words:
 * each rule that fired, with the months it covers and its direction.
 *
 *   spc_words(&m, recent, sizeof(recent), past, sizeof(past));
 *   // recent: "8 months in a row below the average, February to September 2025"
 *   // past:   "above the upper process limit in May 2024"
 *
 * A signal whose months all come before the last six of the series is
 * past, not news: it goes to past.
 */
#ifndef OVERSIGHT_SPC_WORDS_H
#define OVERSIGHT_SPC_WORDS_H

#include <stddef.h>

#include "metrics.h"

#define SPC_RECENT_MONTHS 6
#define SPC_MAX_GROUPS (7 * M_SPC_MONTHS)

/* The months one rule flags, cut into groups each one way and without a
 * gap (two-of-three: a gap of one month). */
struct spc_group {
	int rule;        /* enum stats_spc_rule */
	int dir;         /* 1 high, -1 low */
	int first, last; /* indexes into m->month[] */
	int n;           /* flagged months in it */
	int recent;      /* it ends within the last SPC_RECENT_MONTHS */
};

/* The groups of every rule that fired, rule by rule, oldest first, at
 * most max; returns how many. */
int spc_groups(const struct metrics *m, struct spc_group *out, int max);

/* The groups as the JSON array "spc.signals" of `metrics --json`:
 * [{"rule", "direction": "high"|"low", "from": "YYYY-MM", "to", "months",
 * "recent": bool}]. */
struct cJSON *spc_groups_json(const struct metrics *m);

/* Fill recent and past ("" when none), signals joined by "; ".  Returns
 * 1 when a recent run, trend or two-of-three signal points down (a shift
 * to fewer escalations than usual; a month below the limit is not one). */
int spc_words(const struct metrics *m, char *recent, size_t rcap, char *past, size_t pcap);

/* "March 2026", "March to September 2026", "November 2025 to February
 * 2026", from "YYYY-MM" month names. */
const char *spc_month_range(const char *first, const char *last, char *buf, size_t cap);

#endif
