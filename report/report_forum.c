/*
 * report_forum.c - the standing items of each partnership's forum, driven
 * by its definition (protocols/<id>.json "forums"):
 *
 *   pdg               Devon: Practice Development Group (DCFP protocol
 *                     2.6-2.8, 3.2-3.4)
 *   resolution-group  Gloucestershire: GSCP Resolution Group (stage 4),
 *                     then the GSCP Executive chair
 *   cpc               Perth & Kinross: CSWO (stage 4), CPC / COG
 *   scp-sab           North East Lincolnshire: SCP / SAB chair (stage 5),
 *                     children and adults apart
 *   girfec            Dumfries & Galloway: GIRFEC Leadership Group
 *                     (stage 3) and CSSaPP Executive / PPC (stage 4)
 *
 * Every forum report has the forum's escalations (at its stage or above),
 * the timescales, themes, learning and the "Challenge in the system"
 * section; what a forum's protocol asks of it in particular follows its
 * report name.
 */
#include <string.h>

#include "core/date.h"
#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* ?1..?5: the partnership and the report's period (metrics_bind_period). */
static void bind5(struct report *r, sqlite3_stmt *st)
{
	metrics_bind_period(st, r->id, &r->period);
}

/* Devon 3.2-3.3 and 2.8: serious concerns, stuck cases, IRU differences. */
static void sec_flags(struct report *r)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_flags");
	struct tab *t;
	long v[6] = {0};

	bind5(r, st);
	if (sqlite3_step(st) == SQLITE_ROW)
		for (int i = 0; i < 6; i++)
			v[i] = sqlite3_column_int64(st, i);
	sqlite3_finalize(st);
	P("## Serious concerns, stuck cases and the Independent Reviewing Unit\n\n");
	t = tab_new("flags", "Serious concerns, stuck cases, IRU differences",
		    "Escalations raised in the period, and those open at its end, that were serious "
		    "concerns logged automatically with the chair (protocol 3.2), where the professional "
		    "network was stuck and mediation was offered (3.3), or differences reported by the "
		    "Independent Reviewing Unit from conferences and reviews (2.8).");
	tab_col(t, "", TAB_TEXT);
	tab_col(t, "Raised in the period", TAB_COUNT);
	tab_col(t, "Open at the end", TAB_COUNT);
	tab_row(t);
	tab_text(t, "Serious concern logged with the chair");
	tab_count(t, v[0]);
	tab_count(t, v[3]);
	tab_row(t);
	tab_text(t, "Stuck: mediation offered");
	tab_count(t, v[1]);
	tab_count(t, v[4]);
	tab_row(t);
	tab_text(t, "Difference reported by the IRU");
	tab_count(t, v[2]);
	tab_count(t, v[5]);
	report_table(r, t);
}

/* A theme's escalations by pair of agencies (threshold disputes). */
static void sec_pairs(struct report *r, const char *theme, const char *title, const char *def)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_pairs");
	struct tab *t = tab_new("pairs", title, def);

	P("## ");
	md_escape(r->out, title);
	P("\n\n");
	tab_col(t, "Raised by", TAB_TEXT);
	tab_col(t, "Raised with", TAB_TEXT);
	tab_col(t, "Escalations", TAB_COUNT);
	bind5(r, st);
	sqlite3_bind_text(st, 6, theme, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		tab_text(t, report_agency_name(r, (const char *)sqlite3_column_text(st, 0)));
		tab_text(t, report_agency_name(r, (const char *)sqlite3_column_text(st, 1)));
		tab_count(t, sqlite3_column_int64(st, 2));
	}
	sqlite3_finalize(st);
	tab_total(t, "Total");
	report_table(r, t);
}

/* NEL: children and adults apart (SCP and SAB). */
static void sec_subject_split(struct report *r)
{
	sqlite3_stmt *st = wh_prepare(r->w, "r_subject_split");
	struct tab *t;
	char h1[64], h2[64];

	P("## Children and adults\n\n");
	t = tab_new("children_adults", "Children and adults apart",
		    "Key figures for escalations about children (including unborn children) and about "
		    "adults: raised and resolved in the period, open at its end, and entering the top "
		    "two stages in it.");
	snprintf(h1, sizeof(h1), "Entered stage %d", r->last_stage - 1);
	snprintf(h2, sizeof(h2), "Entered stage %d", r->last_stage);
	tab_col(t, "Subject", TAB_TEXT);
	tab_col(t, "Raised", TAB_COUNT);
	tab_col(t, "Resolved", TAB_COUNT);
	tab_col(t, "Open at end", TAB_COUNT);
	tab_col(t, h1, TAB_COUNT);
	tab_col(t, h2, TAB_COUNT);
	bind5(r, st);
	sqlite3_bind_int(st, 6, r->last_stage);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		tab_text(t, (const char *)sqlite3_column_text(st, 0));
		for (int i = 1; i <= 5; i++)
			tab_count(t, sqlite3_column_int64(st, i));
	}
	sqlite3_finalize(st);
	tab_total(t, "Total");
	report_table(r, t);
}

int report_forum(struct report *r, const struct report_forum *f)
{
	char title[400], sub[256];

	snprintf(title, sizeof(title), "%s: professional disagreements and escalations", f->name);
	if (r->period.q)
		snprintf(sub, sizeof(sub), "Standing item, %d-Q%d", r->period.year, r->period.q);
	else
		snprintf(sub, sizeof(sub), "Standing item");
	sec_title(r, title, sub);
	if (f->description[0] || f->reports_to[0]) {
		P("## About this item\n\n");
		if (f->description[0]) {
			md_escape(r->out, f->description);
			P("\n\n");
		}
		if (f->reports_to[0]) {
			P("Onward referral: ");
			md_escape(r->out, f->reports_to);
			P(".\n\n");
		}
	}
	sec_headline(r);

	P("## Escalations at the forum's stage\n\n");
	sec_forum_cases(r, f);
	/* Forums above this one that have no report of their own (D&G:
	 * CSSaPP Executive / PPC at stage 4) are covered here. */
	for (int i = 0; i < r->nforum; i++) {
		const struct report_forum *g = &r->forum[i];

		if (g == f || g->report[0] || g->stage <= f->stage)
			continue;
		P("## ");
		md_escape(r->out, g->name);
		P("\n\n");
		if (g->description[0]) {
			md_escape(r->out, g->description);
			P("\n\n");
		}
		sec_forum_cases(r, g);
	}

	if (!strcmp(f->report, "pdg")) {
		sec_categories(r);
		sec_flags(r);
	}
	if (!strcmp(f->report, "resolution-group"))
		sec_pairs(r, "threshold", "Threshold disputes",
			  "Escalations raised in the period about thresholds (including MASH threshold "
			  "decisions), by the agency that raised them and the agency they were raised with.");
	if (r->adults_apart)
		sec_subject_split(r);
	sec_timescales(r);
	sec_themes(r);
	sec_resolved_at(r);
	sec_learning(r);
	sec_challenge(r);
	sec_local(r);
	sec_data_quality(r);
	sec_notes(r);
	return 0;
}
