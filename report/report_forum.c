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
 * Every forum report has the forum's escalations (at its stage or above),
 * the timescales, themes, learning and the "Challenge in the system"
 * section; what a forum's protocol asks of it in particular follows its
 * report name.
 */
#include <string.h>

#include "core/date.h"
#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* The escalations that reached forum f's stage: counts by status, and
 * the case-level list unless the paper is public. */
static void cases(struct report *r, const struct report_forum *f)
{
	sqlite3_stmt *st = report_prepare(r, "r_forum_cases");
	struct tab *t;
	char buf[300], title[400];
	long n = 0, open = 0, resolved = 0, withdrawn = 0;

	snprintf(title, sizeof(title), "Escalations that reached %s",
		 report_stage_label(r, f->stage, buf, sizeof(buf)));
	t = tab_new("forum_cases", title,
		    "Escalations that had reached this stage or above by the as-of date and were open at "
		    "some time in the period, by their short pseudonymous reference; days are working "
		    "days from raising to closure, or to the end of the period while open.");
	tab_col(t, "Ref", TAB_TEXT);
	tab_col(t, "Raised by", TAB_TEXT);
	tab_col(t, "Raised with", TAB_TEXT);
	tab_col(t, "Theme", TAB_TEXT);
	tab_col(t, "Raised on", TAB_TEXT);
	tab_col(t, "Stage", TAB_COUNT);
	tab_col(t, "Status", TAB_TEXT);
	tab_col(t, "Working days", TAB_COUNT);
	report_bind_int(st, ":stage", f->stage);
	n = report_rows(st, t);
	for (int i = 0; i < n; i++) {
		const char *status = t->rows[i][6].text;

		if (!strcmp(status, "open"))
			open++;
		else if (!strcmp(status, "resolved"))
			resolved++;
		else
			withdrawn++;
	}
	if (tab_small(r->suppress, n))
		P("Escalations at this stage or above during the period: <%d.\n\n", r->suppress);
	else if (tab_small(r->suppress, open) || tab_small(r->suppress, resolved) ||
		 tab_small(r->suppress, withdrawn))
		/* one hidden part of a shown total would give itself away */
		P("Escalations at this stage or above during the period: %ld (their split by status "
		  "is not shown: small numbers).\n\n", n);
	else
		P("Escalations at this stage or above during the period: %ld; open at its end: %ld; "
		  "resolved: %ld; withdrawn: %ld.\n\n", n, open, resolved, withdrawn);
	/* Those the forum could not resolve go on (GSCP: to the Executive
	 * chair; P&K: the CSWO to the CPC / COG). */
	if (f->reports_to[0] && n && !tab_small(r->suppress, n) && !tab_small(r->suppress, open)) {
		P("Still unresolved at the end of the period, for onward referral to ");
		md_escape(r->out, f->reports_to);
		P(": %ld.\n\n", open);
	}
	if (r->public_ || n == 0) {
		if (r->public_ && n)
			P("(The list of escalations is left out of the public version of this paper.)\n\n");
		tab_free(t);
		return;
	}
	/* Case-level list: no disclosure control on identifiers, and the
	 * counts in it are stages and days, not people. */
	report_emit(r, t);
	tab_free(t);
}

/* Devon 3.2-3.3 and 2.8: serious concerns, stuck cases, IRU differences. */
static void sec_flags(struct report *r)
{
	struct tab *t = tab_new("flags", "Serious concerns, stuck cases, IRU differences",
				"Escalations raised in the period, and those open at its end, that were "
				"serious concerns logged automatically with the chair (protocol 3.2), "
				"where the professional network was stuck and mediation was offered (3.3), "
				"or differences reported by the Independent Reviewing Unit from "
				"conferences and reviews (2.8).");

	P("## Serious concerns, stuck cases and the Independent Reviewing Unit\n\n");
	tab_col(t, "", TAB_TEXT);
	tab_col(t, "Raised in the period", TAB_COUNT);
	tab_col(t, "Open at the end", TAB_COUNT);
	report_query(r, "r_flags", t);
	report_table(r, t);
}

/* A theme's escalations by pair of agencies (threshold disputes). */
static void sec_pairs(struct report *r, const char *theme, const char *title, const char *def)
{
	sqlite3_stmt *st = report_prepare(r, "r_pairs");
	struct tab *t = tab_new("pairs", title, def);

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
	report_query(r, "r_subject_split", t);
	tab_total(t, "Total");
	report_table(r, t);
}

/* What the forum is, and where its unresolved escalations go. */
static void forum_about(struct report *r)
{
	const struct report_forum *f = r->paper_forum;

	if (!f->description[0] && !f->reports_to[0])
		return;
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

static void forum_cases(struct report *r)
{
	const struct report_forum *f = r->paper_forum;

	P("## Escalations at the forum's stage\n\n");
	cases(r, f);
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
		cases(r, g);
	}
}

/* What a forum's protocol asks of it in particular. */
static void forum_asks(struct report *r)
{
	const char *report = r->paper_forum->report;

	if (!strcmp(report, "pdg")) {
		sec_categories(r);
		sec_flags(r);
	}
	if (!strcmp(report, "resolution-group"))
		sec_pairs(r, "threshold", "Threshold disputes",
			  "Escalations raised in the period about thresholds (including MASH threshold "
			  "decisions), by the agency that raised them and the agency they were raised with.");
	/* A paper restricted to one subject has nothing to split. */
	if (r->adults_apart && !r->period.subject)
		sec_subject_split(r);
}

static void (*const sections[])(struct report *r) = {
	forum_about, sec_headline, forum_cases, sec_overdue, forum_asks, sec_timescales, sec_themes,
	sec_resolved_at, sec_learning, sec_challenge, sec_local, sec_data_quality, sec_notes,
	NULL,
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
