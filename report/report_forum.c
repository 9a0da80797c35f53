/*
 * report_forum.c - the standing items of each partnership's forum, driven
 * by its definition (protocols/<id>.json "forums"):
 *
 *   pdg               Devon: Practice Development Group (DCFP protocol
 *                     2.6-2.8, 3.2-3.4)
 *   resolution-group  Gloucestershire: GSCP Resolution Group (stage 4),
 *                     then the GSCP Executive chair
 *   cpc               Perth & Kinross: CSWO (stage 4), CPC / COG
 *   scp, sab          North East Lincolnshire: the SCP chair (children) and
 *                     the SAB chair (adults), stage 5: each paper counts only
 *                     its forum's subjects (its definition's "subject")
 *   girfec            Dumfries & Galloway: GIRFEC Leadership Group
 *                     (stage 3) and CSSaPP Executive / PPC (stage 4)
 *
 * Every forum item starts from its own stage: what the protocol says
 * happens there (the definition's forums[].description), its escalations
 * and how many were unresolved there (report_forum_cases.c), those overdue
 * at its stage, what its protocol asks of it in particular (by report
 * name), learning; then a reference to the board paper for the rest,
 * which it does not repeat.
 */
#include <string.h>

#include "core/date.h"
#include "report.h"
#include "report_outcomes.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* Devon 3.2-3.3 and 2.8: serious concerns, stuck networks, IRU
 * differences: counts, then every serious concern and stuck network. */
static void sec_flags(struct report *r)
{
	struct tab *t = tab_new("flags", "Counts",
				"Escalations raised in the period, and those open at its end, that were "
				"serious concerns logged automatically with the chair (protocol section "
				"3.2), where the agencies' log records the professional network as stuck "
				"(3.3), or differences reported by the Independent Reviewing Unit from "
				"conferences and reviews (2.8).");

	P("## Serious concerns, stuck networks and the Independent Reviewing Unit\n\n");
	tab_col(t, "", TAB_TEXT);
	tab_col(t, "Raised in the period", TAB_COUNT);
	tab_col(t, "Open at the end", TAB_COUNT);
	report_query(r, "r_flags", t);
	report_table(r, t);
	forum_flag_lists(r); /* report_forum_cases.c */
}

/* A theme's escalations by pair of agencies (threshold disputes). */
static void sec_pairs(struct report *r, const char *theme, const char *title, const char *def)
{
	sqlite3_stmt *st = report_prepare(r, "r_pairs");
	struct tab *t = tab_new("pairs", "By agency", def);

	P("## ");
	md_escape(r->out, title);
	P("\n\n");
	tab_col(t, "Raised by", TAB_TEXT);
	tab_col(t, "Raised with", TAB_TEXT);
	tab_col(t, "Escalations", TAB_COUNT);
	report_bind_text(st, ":theme", theme);
	report_rows(st, t);
	tab_total(t, "Total");
	report_table(r, t);
}

/* NEL: children and adults apart (SCP and SAB). */
static void sec_subject_split(struct report *r)
{
	struct tab *t;
	char h1[64], h2[64];

	P("## Children and adults\n\n");
	t = tab_new("children_adults", "Key figures by subject",
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
	report_query(r, "r_subject_split", t);
	report_name_cells(r, t, 0, 0);
	tab_total(t, "Total");
	report_table(r, t);
}

/* What the protocol says happens at the forum, in its words. */
static void forum_about(struct report *r)
{
	const struct report_forum *f = r->paper_forum;

	if (!f->description[0])
		return;
	P("## What the protocol asks of the %s\n\n", f->name);
	md_escape(r->out, f->description);
	P("\n\n");
}

/* The stage of the next forum above f that this paper covers (one with
 * no report of its own), 0 when none. */
static int covered_above(const struct report *r, const struct report_forum *f)
{
	int below = 0;

	for (int i = 0; i < r->nforum; i++) {
		const struct report_forum *g = &r->forum[i];

		if (g != f && !g->report[0] && g->stage > f->stage && (!below || g->stage < below))
			below = g->stage;
	}
	return below;
}

static void forum_cases(struct report *r)
{
	const struct report_forum *f = r->paper_forum;

	P("## Escalations at the forum's stage\n\n");
	forum_case_list(r, f, covered_above(r, f));
	/* Forums above this one that have no report of their own (D&G:
	 * CSSaPP Executive / PPC at stage 4) are covered here, each with the
	 * cases at its own stage only. */
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
		forum_case_list(r, g, covered_above(r, g));
	}
}

/* The rest is the board paper's: say where, once. */
static void forum_board_ref(struct report *r)
{
	P("## For the rest\n\n");
	P("The partnership's board report for the same period gives the figures for every stage: "
	  "escalations raised, resolved and open, timescales, themes, agencies, where escalations "
	  "were resolved and the signals of challenge in the system.\n\n");
}

/* What a forum's protocol asks of it in particular. */
static void forum_asks(struct report *r)
{
	const char *report = r->paper_forum->report;

	if (!strcmp(report, "pdg")) {
		P("## The standing item: case disagreements, escalations and policy challenges\n\n");
		sec_categories_all(r);
		sec_flags(r);
	}
	if (!strcmp(report, "resolution-group"))
		sec_pairs(r, "threshold", "Threshold disputes",
			  "Escalations raised in the period about thresholds, at any stage, by the agency "
			  "that raised them and the agency they were raised with.");
	/* A paper restricted to one subject has nothing to split. */
	if (r->adults_apart && !r->period.subject)
		sec_subject_split(r);
}

static void (*const sections[])(struct report *r) = {
	forum_about, forum_cases, sec_overdue, forum_asks, sec_outcomes, sec_learning, forum_board_ref,
	sec_local, sec_notes, NULL,
};

static const struct paper forum = {"Standing item", "Standing item", sections};

int report_forum(struct report *r, const struct report_forum *f)
{
	char title[400];

	snprintf(title, sizeof(title), "%s: professional disagreements and escalations", f->name);
	r->paper_forum = f;
	paper_write(r, title, &forum);
	return 0;
}
