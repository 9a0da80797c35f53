/*
 * metrics_json.c - the JSON object of DESIGN.md's schema from the figures
 * metrics.c computes: see metrics.h.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comparisons.h"
#include "core/date.h"
#include "core/msg.h"
#include "json_num.h"
#include "metrics.h"
#include "spc_words.h"
#include "stats.h"

static cJSON *item_list(const struct m_item *it, int n, const char *key, const char *a, const char *b)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, key, it[i].id);
		cJSON_AddNumberToObject(o, a, (double)it[i].a);
		if (b)
			cJSON_AddNumberToObject(o, b, (double)it[i].b);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *stage_list(const long *v, int last)
{
	cJSON *arr = cJSON_CreateArray();

	for (int s = 1; s <= last && s <= MODEL_STAGES; s++) {
		cJSON *o;

		if (!v[s])
			continue;
		o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "stage", s);
		cJSON_AddNumberToObject(o, "n", (double)v[s]);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

/* The "timescales" list of ts[0..n-1].  For the other readings' rows,
 * chosen is the metrics that hold the chosen ones: each row then names its
 * "reading" and the chosen one's ("chosen_reading"). */
static cJSON *timescale_list(const struct m_timescale *ts, int n, const struct metrics *chosen)
{
	cJSON *arr = cJSON_CreateArray();

	for (int i = 0; i < n; i++) {
		const struct m_timescale *t = &ts[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddNumberToObject(o, "stage", t->stage);
		if (chosen) {
			cJSON_AddStringToObject(o, "reading", t->reading);
			for (int k = 0; k < chosen->n_timescale; k++)
				if (chosen->timescale[k].stage == t->stage)
					cJSON_AddStringToObject(o, "chosen_reading", chosen->timescale[k].reading);
		}
		cJSON_AddStringToObject(o, "source", t->source);
		cJSON_AddStringToObject(o, "kind", t->kind);
		cJSON_AddNumberToObject(o, "days", t->days);
		cJSON_AddNumberToObject(o, "due", (double)t->due);
		cJSON_AddNumberToObject(o, "met", (double)t->met);
		cJSON_AddNumberToObject(o, "breached", (double)t->breached);
		cJSON_AddNumberToObject(o, "pending", (double)t->pending);
		cJSON_AddItemToObject(o, "breach_rate", json_num(t->breach_rate));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

cJSON *metrics_json_object(const struct metrics *m)
{
	cJSON *root = cJSON_CreateObject(), *o;
	char a[11], b[11], c[11];

	cJSON_AddStringToObject(root, "partnership", m->partnership);
	if (cli_subject_name(m->subject_group))
		cJSON_AddStringToObject(root, "subject", cli_subject_name(m->subject_group));
	else
		cJSON_AddNullToObject(root, "subject");
	o = cJSON_AddObjectToObject(root, "period");
	cJSON_AddStringToObject(o, "from", date_format(m->period.from, a));
	cJSON_AddStringToObject(o, "to", date_format(m->period.to, b));
	cJSON_AddStringToObject(o, "as_of", date_format(m->period.as_of, c));
	cJSON_AddNumberToObject(root, "raised", (double)m->raised);
	cJSON_AddNumberToObject(root, "open_at_end", (double)m->open_at_end);
	cJSON_AddNumberToObject(root, "resolved", (double)m->resolved);
	cJSON_AddNumberToObject(root, "withdrawn", (double)m->withdrawn);
	cJSON_AddItemToObject(root, "entered_stage", stage_list(m->entered, m->last_stage));
	cJSON_AddItemToObject(root, "by_agency", item_list(m->agency, m->n_agency, "agency", "raised", "received"));
	cJSON_AddItemToObject(root, "by_theme", item_list(m->theme, m->n_theme, "theme", "raised", NULL));
	cJSON_AddItemToObject(root, "by_subject", item_list(m->subject, m->n_subject, "subject", "raised", NULL));
	cJSON_AddItemToObject(root, "by_category", item_list(m->category, m->n_category, "category", "raised", NULL));
	cJSON_AddItemToObject(root, "resolved_at_stage", stage_list(m->resolved_at_stage, m->last_stage));
	o = cJSON_AddObjectToObject(root, "resolution_working_days");
	cJSON_AddNumberToObject(o, "n", (double)m->res_n);
	cJSON_AddItemToObject(o, "median", json_num(m->res_median));
	cJSON_AddItemToObject(root, "timescales", timescale_list(m->timescale, m->n_timescale, NULL));
	cJSON_AddItemToObject(root, "timescales_alternative",
			      timescale_list(m->timescale_alt, m->n_timescale_alt, m));
	cJSON_AddItemToObject(root, "breach_rate", json_num(m->breach_rate));
	o = cJSON_AddObjectToObject(root, "overdue");
	cJSON_AddNumberToObject(o, "n", (double)m->overdue_n);
	cJSON_AddItemToObject(o, "by_stage", stage_list(m->overdue, m->last_stage));

	cJSON_AddItemToObject(root, "coverage", coverage_json(m->coverage, m->n_coverage));
	cJSON_AddItemToObject(root, "signals", metrics_signals_json(m));
	cJSON_AddItemToObject(root, "spc", metrics_spc_json(m));
	cJSON_AddItemToObject(root, "previous", comparisons_json(&m->previous, m->last_stage));
	cJSON_AddItemToObject(root, "year_before", comparisons_json(&m->year_before, m->last_stage));
	metrics_outcomes_json(&m->outcomes, m->last_stage, m->pre_stage, root);
	return root;
}

void metrics_json_print(cJSON *root, FILE *out)
{
	char *text = cJSON_Print(root);

	if (!text)
		die(EXIT_INTERNAL, "out of memory");
	fputs(text, out);
	fputc('\n', out);
	cJSON_free(text);
	cJSON_Delete(root);
}

void metrics_json(const struct metrics *m, FILE *out)
{
	metrics_json_print(metrics_json_object(m), out);
}

cJSON *metrics_signals_json(const struct metrics *m)
{
	cJSON *sig = cJSON_CreateObject(), *o, *arr;

	cJSON_AddStringToObject(sig, "measure", m->measure);
	arr = cJSON_AddArrayToObject(sig, "funnel");
	for (int i = 0; i < m->n_funnel; i++) {
		const struct m_funnel *f = &m->funnel[i];

		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "agency", f->agency);
		cJSON_AddNumberToObject(o, "raised", (double)f->raised);
		cJSON_AddItemToObject(o, "activity", json_num(f->activity));
		cJSON_AddItemToObject(o, "expected", json_num(f->expected));
		cJSON_AddItemToObject(o, "p_low", json_num(f->p_low));
		cJSON_AddItemToObject(o, "p_high", json_num(f->p_high));
		cJSON_AddStringToObject(o, "level", f->level);
		cJSON_AddBoolToObject(o, "unusually_high", f->high);
		cJSON_AddItemToArray(arr, o);
	}
	arr = cJSON_AddArrayToObject(sig, "silent");
	for (int i = 0; i < m->n_silent; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(m->silent[i]));
	arr = cJSON_AddArrayToObject(sig, "one_way");
	for (int i = 0; i < m->n_one_way; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(m->one_way[i]));
	arr = cJSON_AddArrayToObject(sig, "no_log");
	for (int i = 0; i < m->n_no_log; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(m->no_log[i]));
	arr = cJSON_AddArrayToObject(sig, "no_denominator");
	for (int i = 0; i < m->n_no_denominator; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(m->no_denominator[i]));
	return sig;
}

cJSON *metrics_spc_json(const struct metrics *m)
{
	cJSON *sp = cJSON_CreateObject(), *o, *arr;

	arr = cJSON_AddArrayToObject(sp, "months");
	for (int i = 0; i < m->n_month; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "month", m->month[i]);
		cJSON_AddNumberToObject(o, "n", (double)m->month_n[i]);
		cJSON_AddItemToArray(arr, o);
	}
	cJSON_AddItemToObject(sp, "mean", json_num(m->spc_mean));
	cJSON_AddItemToObject(sp, "ucl", json_num(m->spc_ucl));
	cJSON_AddItemToObject(sp, "lcl", json_num(m->spc_lcl));
	cJSON_AddBoolToObject(sp, "provisional", m->spc_provisional);
	arr = cJSON_AddArrayToObject(sp, "rules");
	for (int r = 0; r < STATS_SPC_NRULES; r++)
		if (m->spc_rules & STATS_SPC_BIT(r))
			cJSON_AddItemToArray(arr, cJSON_CreateString(stats_spc_rule_name(r)));
	cJSON_AddItemToObject(sp, "signals", spc_groups_json(m));
	return sp;
}
