/*
 * report_outcomes.h - is challenge working?  The papers' sections on
 * outcomes, feedback, informal resolution, immediate risk and repeat
 * disagreements, and on time in each stage (report_outcomes.c), from the
 * figures of metrics_outcomes.h.
 *
 * sec_outcomes: the board paper and each forum item.
 * sec_time_in_stage: the board paper (per stage).
 * sec_agency_time_in_stage: agency packs (per raising / receiving pair of
 * the pack's agency).
 */
#ifndef OVERSIGHT_REPORT_OUTCOMES_H
#define OVERSIGHT_REPORT_OUTCOMES_H

#include <stddef.h>

struct report;

void sec_outcomes(struct report *r);
void sec_time_in_stage(struct report *r);
void sec_agency_time_in_stage(struct report *r);

/*
 * The stage where escalations wait longest in the period (the highest
 * median working days from entering a stage to completing it), for the
 * front page: its name as the paper shows it ("Stage 3: Head of
 * Service") in name and its median in *median.  Returns 0, or -1 when no
 * stage was completed in the period (name is then "").
 */
int report_longest_wait(const struct report *r, char *name, size_t cap, double *median);

#endif
