/*
 * metrics_outcomes.h - is challenge working?  The figures of DESIGN.md
 * "Outcome", "Time in stage" and "Informal resolution", with immediate
 * risk and repeat disagreements, for one partnership's period, from the
 * named queries queries/m_outcome_rows.sql, m_time_in_stage.sql,
 * m_immediate_risk.sql, and the case keys of m_raised_between.sql.
 *
 * They sit in struct metrics (metrics.h) as m.outcomes; metrics_compute()
 * fills them and metrics_json() writes their keys (outcome, feedback,
 * time_in_stage, resolved_informally, entered_informally, immediate_risk,
 * repeats).
 */
#ifndef OVERSIGHT_METRICS_OUTCOMES_H
#define OVERSIGHT_METRICS_OUTCOMES_H

#include "core/cli.h"
#include "core/wh.h"
#include "model/proto.h"

#define MO_MAX_PAIRS 64
#define MO_ID 65

/* The outcomes, in this order, and "not recorded". */
enum { MO_CHANGED, MO_PARTLY, MO_UPHELD, MO_NOT_RECORDED, MO_NOUTCOME };

/* "changed", "partly", "upheld", "not_recorded". */
const char *mo_outcome_name(int o);

struct mo_pair {
	char by[MO_ID], with[MO_ID]; /* raising and receiving agency */
	long outcome[MO_NOUTCOME];   /* resolved in the period, by outcome */
	long tis_n;                  /* stages completed in the period */
	double tis_median;           /* their median working days, NAN: none */
};

struct m_outcomes {
	/* resolved in the period, by outcome: in all, and by highest stage
	 * reached ([0]: resolved informally) */
	long outcome[MO_NOUTCOME];
	long by_stage[MODEL_STAGES + 1][MO_NOUTCOME];
	long recorded;               /* changed + partly + upheld */
	double changed_share;        /* (changed + partly) / recorded; NAN when 0 */
	/* feedback: resolved escalations whose practitioner was told by the
	 * as-of date; their share of those resolved, and the median working
	 * days from closure to feedback */
	long resolved, fb_n;
	double fb_share, fb_median;
	/* time in stage: per stage ([0]: the step before stage 1) */
	long tis_n[MODEL_STAGES + 1];
	double tis_median[MODEL_STAGES + 1];
	/* raising / receiving agency pairs: outcomes and time in stage */
	int n_pair;
	struct mo_pair pair[MO_MAX_PAIRS];
	long resolved_informally;    /* resolved, and stage 0 the only stage */
	long entered_informally;     /* entered stage 0 (stage0_on) in the period */
	long risk_n, risk_same_day;  /* raised in the period at immediate risk */
	long repeat_cases, repeat_pairs;
};

/*
 * The rows repeat disagreements are counted from (DESIGN.md "Repeat
 * disagreements": the escalations with a case reference raised in the
 * twelve months ending with the period's effective end), gathered by the
 * one read of the escalations raised that metrics.c makes for the
 * agencies' counts (queries/m_raised_between.sql): metrics_repeats.c.
 */
struct m_repeat_rows;
struct m_repeat_rows *metrics_repeat_rows_new(void);
/* One escalation: its case key (16 bytes) and its agencies' numbers
 * (report/agtally.h: one number an agency). */
void metrics_repeat_rows_add(struct m_repeat_rows *r, const void *key, int by, int with);
void metrics_repeat_rows_free(struct m_repeat_rows *r);

/* Compute every figure above but entered_informally (metrics_compute()
 * sets it: it is the period's entered_stage count of stage 0) and the
 * repeats (metrics_repeats()).  0, or -1 after an error. */
int metrics_outcomes_compute(struct wh *w, const char *partnership, const struct period *p,
			     struct m_outcomes *o);

/* Repeat disagreements from rep: *cases with two or more escalations,
 * *pairs of agencies with two or more about one case. */
void metrics_repeats(const struct m_repeat_rows *rep, long *cases, long *pairs);

/* Add the JSON keys to obj (a cJSON object): outcome, feedback,
 * time_in_stage, resolved_informally, immediate_risk, repeats.  Stages up
 * to last; stage 0 in time_in_stage only where pre_stage is set. */
void metrics_outcomes_json(const struct m_outcomes *o, int last, int pre_stage, void *obj);

/*
 * The stage where escalations wait longest: the stage with the highest
 * median time in stage over the period (the lower stage on a tie).
 * Returns the stage (0 for the step before stage 1) and sets *median, or
 * returns -1 when no stage was completed in the period.  Its name is
 * ref_stage_label(p, stage, ...).
 */
int metrics_longest_wait(const struct m_outcomes *o, double *median);

#endif
