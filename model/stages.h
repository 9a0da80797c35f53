/*
 * stages.h - when an escalation's stages were completed: the one rule the
 * loader writes stage events by (etl/escwrite.c) and the reports time
 * stages by (report/metrics_outcomes.c).  `oversight check` holds the
 * stored events against it in SQL (queries/check_stage_events.sql), as a
 * second reading on purpose.
 *
 * DESIGN.md "Stage completion": stage N is completed on the next stage
 * date the escalation has above N, or on its closing day when N is its
 * highest stage and it is closed; else it is not completed.
 */
#ifndef OVERSIGHT_MODEL_STAGES_H
#define OVERSIGHT_MODEL_STAGES_H

#include "proto.h"

/* Fill done[n], for each stage n from 0 to MODEL_STAGES, with the day
 * (core/date.h day number) stage n was completed, or DATE_NONE when it was
 * not, or was never entered (on[n] is DATE_NONE).  on[n]: the day stage n
 * was entered.  closed_on: the closing day of a closed escalation,
 * DATE_NONE for an open one. */
void stage_completions(const int on[MODEL_STAGES + 1], int closed_on, int done[MODEL_STAGES + 1]);

#endif
