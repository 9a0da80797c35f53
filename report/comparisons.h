/*
 * comparisons.h - the previous period and the same period last year
 * (DESIGN.md "Previous period and same period last year"): which days
 * they are, and their headline figures, each as of its own last day.
 *
 *   struct period prev, year;
 *   comparisons_periods(&p, &prev, &year);       // 2026-Q3 -> 2026-Q2, 2025-Q3
 *   comparisons_begin(&p, &m);                    // m.previous.period, ...
 *   comparisons_headline(w, "devon", &m.previous);  // and &m.year_before
 */
#ifndef OVERSIGHT_COMPARISONS_H
#define OVERSIGHT_COMPARISONS_H

#include <stddef.h>

#include "metrics.h"

/* Whether the period runs from the first of a month to the last of a
 * month (a quarter always does); *months gets how many months. */
int comparisons_whole_months(const struct period *p, int *months);

/* The previous period and the same period a year earlier of p, each with
 * as_of its own last day (and year/q set when it is a calendar quarter). */
void comparisons_periods(const struct period *p, struct period *prev, struct period *year);

/* Clear m->previous and m->year_before and set their periods. */
void comparisons_begin(const struct period *p, struct metrics *m);

/* Fill one of them (h, its period set) from the warehouse, all but its
 * overdue counts (metrics_compute() takes those with the period's own, in
 * one pass: metrics_overdue()); h's fields are its own, so the two may be
 * filled at once on two connections.  0 or -1. */
int comparisons_headline(struct wh *w, const char *partnership, struct m_headline *h);

/* The JSON object of one: from, to and the headline figures. */
struct cJSON *comparisons_json(const struct m_headline *h, int last_stage);

/*
 * The four quarters ending with the period, for the funnel's longer view:
 * set *year and return 1, or return 0 when there is no such longer view
 * (the period does not end a quarter, or is a year or longer).
 */
int comparisons_four_quarters(const struct period *p, struct period *year);

#endif
