/*
 * metrics.h - every figure of a partnership's period (DESIGN.md
 * "Definitions"), computed by the named queries in queries/m_*.sql over
 * the partnership as the protocol model (model/proto.h) defines it.
 *
 *   struct metrics m;
 *   if (metrics_compute(w, "devon", &period, "referrals", &m) == 0)
 *           metrics_json(&m, stdout);
 *
 * The struct holds copies (no pointers into SQLite); lists hold only ids
 * with a non-zero figure, sorted by id, as the JSON contract wants.
 * Doubles that have nothing to measure are NAN (JSON null).
 */
#ifndef OVERSIGHT_METRICS_H
#define OVERSIGHT_METRICS_H

#include <stdio.h>

#include "core/cli.h"
#include "core/wh.h"
#include "coverage.h"
#include "metrics_outcomes.h"
#include "model/proto.h"

#define M_MAX_ITEMS 64  /* agencies, themes, subjects, categories */
#define M_SPC_MONTHS 24
#define M_ID 65

struct m_item {
	char id[M_ID];
	long a; /* raised (or the count) */
	long b; /* received (by_agency only) */
};

struct m_timescale {
	int stage;
	char source[16];  /* "protocol" or "local" */
	char kind[24];    /* by_working_day, within_of_raising, within_of_entry */
	int days;
	char cite[512];
	char reading[64]; /* where the protocol gives two readings of the
	                   * stage's timescale, this row's ("flowchart"); "" */
	long due, met, breached, pending;
	double breach_rate; /* NAN when met + breached == 0 */
};

struct m_funnel {
	char agency[M_ID];
	long raised;
	double activity;
	double expected, p_low, p_high;
	const char *level; /* "alert", "watch", "none" */
	int high;          /* unusually high: p_high < 0.025 */
};

/* The headline figures of another period (comparisons.h): the previous
 * period or the same period a year earlier, as of its own last day. */
struct m_headline {
	struct period period;
	long raised, open_at_end, resolved, withdrawn;
	long entered[MODEL_STAGES + 1]; /* [stage] */
	long overdue[MODEL_STAGES + 1]; /* [stage], at the period's own end */
	long overdue_n;
	/* for the front page: resolution time, and the timed stage
	 * instances due in it (timed: the protocol or a target times a
	 * stage); not in the JSON */
	long res_n;
	double res_median;      /* NAN when nothing was resolved */
	int timed;
	long met, breached;
};

struct metrics {
	char partnership[M_ID];
	struct period period;
	int last_stage;
	long raised, open_at_end, resolved, withdrawn;
	long entered[MODEL_STAGES + 1];           /* [stage]; [0]: the step before stage 1 */
	long resolved_at_stage[MODEL_STAGES + 1]; /* [stage]; [0]: resolved informally */
	int n_agency, n_theme, n_subject, n_category;
	struct m_item agency[M_MAX_ITEMS], theme[M_MAX_ITEMS], subject[M_MAX_ITEMS],
		category[M_MAX_ITEMS];
	long res_n;
	double res_median;
	int n_timescale;
	struct m_timescale timescale[MODEL_STAGES];
	double breach_rate;
	/* a protocol's other reading of a stage's timescale, where it gives
	 * two (metrics_timescales.c): the same figures under it, a row per
	 * such stage; not in breach_rate, overdue or anything else */
	int n_timescale_alt;
	struct m_timescale timescale_alt[MODEL_STAGES];
	/* the subjects the figures count (enum cli_subject: --subject, the
	 * connection's restriction, report/scope.h); 0: all */
	int subject_group;
	/* overdue at the as-of date (metrics_overdue()): [stage], and in all */
	long overdue[MODEL_STAGES + 1];
	long overdue_n;

	/* outcomes, feedback, time in stage, informal resolution, immediate
	 * risk, repeat disagreements (metrics_outcomes.h) */
	int pre_stage;  /* the protocol has a step before stage 1 */
	struct m_outcomes outcomes;

	/* whose logs are in (coverage.h): only covered agencies enter the
	 * funnel, the silent list and one-way; no_log lists the others */
	int n_coverage;
	struct cov_agency coverage[M_MAX_ITEMS];
	int n_no_log;
	char no_log[M_MAX_ITEMS][M_ID];

	struct m_headline previous, year_before;

	/* lack-of-challenge signals */
	char measure[M_ID];
	double funnel_p;     /* Σx / Σn, NAN without activity */
	int n_funnel;
	struct m_funnel funnel[M_MAX_ITEMS];
	int n_no_denominator; /* agencies of the partnership without activity */
	char no_denominator[M_MAX_ITEMS][M_ID];
	int n_silent;
	char silent[M_MAX_ITEMS][M_ID];
	int n_one_way;
	char one_way[M_MAX_ITEMS][M_ID];

	/* SPC */
	int n_month;
	char month[M_SPC_MONTHS][16]; /* "YYYY-MM" */
	long month_n[M_SPC_MONTHS];
	unsigned month_flags[M_SPC_MONTHS]; /* bit per rule that flags the point */
	double spc_mean, spc_ucl, spc_lcl, spc_amr;
	int spc_provisional;
	unsigned spc_rules;
};

/* Compute every figure.  measure is the funnel's activity measure.
 * Returns 0, or -1 after an error (unknown partnership, SQL failure). */
int metrics_compute(struct wh *w, const char *partnership, const struct period *p,
		    const char *measure, struct metrics *m);

/* Only the funnel (funnel[], funnel_p, measure) with what it rests on:
 * coverage[] and by agency (agency[]).  What the four quarters' funnel
 * of a paper needs, without the rest of the year's figures.  Same
 * definitions as metrics_compute(). */
int metrics_compute_funnel(struct wh *w, const char *partnership, const struct period *p,
			   const char *measure, struct metrics *m);

/* Only the stages entered and the timescales (entered[], timescale[],
 * breach_rate): what the eight-quarter series of a report needs, at a
 * fraction of the cost.  Same definitions as metrics_compute(). */
int metrics_compute_stages(struct wh *w, const char *partnership, const struct period *p,
			   struct metrics *m);

/* The figures of timescale_alt[] for each stage of part (of model) whose
 * timescale the protocol reads two ways, and the name of the reading of
 * each row of timescale[] and timescale_alt[].  0, or -1 after an error. */
int metrics_readings(struct wh *w, const struct ref *model, const struct ref_partnership *part,
		     const struct period *p, struct metrics *m);

/* Write the JSON object of DESIGN.md's schema to out. */
void metrics_json(const struct metrics *m, FILE *out);

/* The same object, for the caller to own (an element of the array that
 * `metrics --partnership P,Q` prints); metrics_json_print() writes a
 * cJSON value to out, as metrics_json() does, and deletes it. */
struct cJSON *metrics_json_object(const struct metrics *m);
void metrics_json_print(struct cJSON *root, FILE *out);

/*
 * The "signals" and "spc" objects of that schema, built by the code
 * metrics_json() itself uses, so that `oversight signals --json` cannot
 * drift from `oversight metrics --json`.  The caller owns the result
 * (cJSON_Delete, or hand it to a parent object).
 */
struct cJSON *metrics_signals_json(const struct metrics *m);
struct cJSON *metrics_spc_json(const struct metrics *m);

/* Bind by name the parameters of a period query it has: :partnership,
 * :from, :to, :as_of, and :end (the effective end, the earlier of :to and
 * :as_of). */
void metrics_bind_period(sqlite3_stmt *st, const char *partnership, const struct period *p);

/* The period's effective end: the earlier of its last day and as-of. */
int metrics_end(const struct period *p);

/* Run a "stage, count" query of the period into out[0..MODEL_STAGES]
 * (metrics_period.c).  0, or -1 after an error. */
int metrics_per_stage(struct wh *w, const char *query, const char *partnership,
		      const struct period *p, long *out);

/* Overdue at each of the n (at most 3) dates as_of[k]: out[k][stage]
 * (DESIGN.md "Overdue at the as-of date"), from one pass over the
 * partnership's open escalations (metrics_overdue.c).  0, or -1 after an
 * error. */
int metrics_overdue(struct wh *w, const char *partnership, const int *as_of, int n,
		    long (*out)[MODEL_STAGES + 1]);

/* By theme, by subject and by category (m->theme, subject, category:
 * each sorted by id, the first M_MAX_ITEMS) of the escalations raised in
 * the period, from one pass (metrics_kinds.c).  0, or -1 after an error. */
int metrics_kinds(struct wh *w, const char *partnership, const struct period *p, struct metrics *m);

/* Resolution time (its count and median, NAN when none) and the
 * timescales of the period (each timed stage into out[0..*nout), and the
 * overall breach rate, NAN when nothing was measured), as DESIGN.md
 * defines them (metrics_period.c).  0, or -1 after an error. */
int metrics_resolution(struct wh *w, const char *partnership, const struct period *p, long *res_n,
		       double *median);
int metrics_timescales(struct wh *w, const char *partnership, const struct period *p,
		       struct m_timescale *out, int *nout, double *rate);

#endif
