/*
 * share.h - a rate or share as a paper shows it (DESIGN.md "Small
 * numbers"): below a denominator of SHARE_MIN, its counts ("1 of 1"),
 * never a percentage; the JSON keeps the value.  Every percentage a paper
 * prints (tables through tab_share(), sentences, chart points) goes
 * through share_text() or share_small().
 */
#ifndef OVERSIGHT_SHARE_H
#define OVERSIGHT_SHARE_H

#include <stddef.h>

#define SHARE_MIN 5

/* 1 when a share over den is shown as counts (0 < den < SHARE_MIN). */
int share_small(long den);

/* num of den: "-" when den is 0 (nothing to measure), "num of den" when
 * share_small(den), else the percentage with decimals places ("62.5%").
 * Returns buf. */
const char *share_text(long num, long den, int decimals, char *buf, size_t cap);

#endif
