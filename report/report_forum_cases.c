/*
 * report_forum_cases.c - the case-level lists of a forum's standing item
 * (report_forum.c): the escalations at the forum's stage, with how many
 * were unresolved there at the end of the period (a fact, beside what the
 * protocol says may follow, in its own words: the definition's
 * forums[].onward); the serious concerns and stuck networks of the period
 * at any stage (Devon 3.2, 3.3); the learning from the forum's cases.
 * Every list is by short pseudonymous reference, the agencies and the
 * theme by name, dates as a reader reads them.
 */
#include <string.h>

#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* The table of a case list: r_forum_cases' or r_flag_cases' rows. */
static struct tab *case_table(sqlite3_stmt *st, const char *name,
			      const char *title, const char *def)
{
	struct tab *t = tab_new(name, title, def);
	char buf[300];

	tab_col(t, "Ref", TAB_TEXT);
	tab_col(t, "Raised by", TAB_TEXT);
	tab_col(t, "Raised with", TAB_TEXT);
	tab_col(t, "Theme", TAB_TEXT);
	tab_col(t, "Raised on", TAB_TEXT);
	tab_col(t, "Stage", TAB_COUNT);
	tab_col(t, "Status", TAB_TEXT);
	tab_col(t, "Working days", TAB_COUNT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		for (int c = 0; c <= 3; c++)
			tab_text(t, (const char *)sqlite3_column_text(st, c));
		tab_text(t, report_date_words((const char *)sqlite3_column_text(st, 4), buf, sizeof(buf)));
		tab_count(t, sqlite3_column_int(st, 5));
		tab_text(t, (const char *)sqlite3_column_text(st, 6));
		tab_count(t, (long)sqlite3_column_int64(st, 7));
	}
	sqlite3_finalize(st);
	return t;
}

/* "stage 3", or "stage 3 or above" when the range holds more than one. */
static const char *stage_words(const struct report *r, int stage, int below, char *buf, size_t cap)
{
	int top = below ? below - 1 : r->last_stage;

	snprintf(buf, cap, top > stage ? "stage %d or above" : "stage %d", stage);
	return buf;
}

/* The escalations forum f holds: its stage up to the stage of the next
 * forum the paper covers (below, 0: none), open at some time in the
 * period; how many were unresolved there at its end, and what the
 * protocol says may follow. */
void forum_case_list(struct report *r, const struct report_forum *f, int below)
{
	sqlite3_stmt *st = report_prepare(r, "r_forum_cases");
	struct tab *t;
	char sw[64], title[400], lbl[300];
	long n, open = 0, resolved = 0, withdrawn = 0;

	report_bind_int(st, ":stage", f->stage);
	if (below)
		report_bind_int(st, ":stage_below", below);
	stage_words(r, f->stage, below, sw, sizeof(sw));
	/* one stage: its name, as the protocol gives it */
	snprintf(title, sizeof(title), "Escalations at %s",
		 (below ? below - 1 : r->last_stage) > f->stage
			 ? sw
			 : report_stage_label(r, f->stage, lbl, sizeof(lbl)));
	t = case_table(st, "forum_cases", title,
		       "Escalations whose highest stage by the as-of date was this one and that were open "
		       "at some time in the period, by their short pseudonymous reference; the stage is "
		       "the highest reached, and days are working days from raising to closure, or to the "
		       "end of the period while open.");
	n = t->nrow;
	for (int i = 0; i < n; i++) {
		const char *status = t->rows[i][6].text;

		open += !strcmp(status, "open");
		resolved += !strcmp(status, "resolved");
		withdrawn += !strcmp(status, "withdrawn");
	}
	if (tab_small(r->suppress, n))
		P("Escalations at %s during the period: <%d.\n\n", sw, r->suppress);
	else if (tab_small(r->suppress, open) || tab_small(r->suppress, resolved) ||
		 tab_small(r->suppress, withdrawn))
		/* one hidden part of a shown total would give itself away */
		P("Escalations at %s during the period: %ld (their split by status is not shown: small "
		  "numbers).\n\n", sw, n);
	else
		P("Escalations at %s during the period: %ld. Resolved: %ld; withdrawn: %ld; unresolved "
		  "at %s at the end of the period: %ld.\n\n", sw, n, resolved, withdrawn, sw, open);
	if (f->onward[0]) {
		P("After this stage: ");
		md_escape(r->out, f->onward);
		P("\n\n");
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

/* Devon 3.2 and 3.3: every serious concern and every stuck network of
 * the period, whatever its stage. */
void forum_flag_lists(struct report *r)
{
	static const struct {
		const char *flag, *name, *title, *def, *none;
	} lists[] = {
		{"serious", "serious_concerns", "Serious concerns logged with the chair",
		 "Every escalation open at some time in the period, at any stage, that was a serious "
		 "concern logged with the chair (protocol section 3.2), by its short pseudonymous "
		 "reference.", "No serious concern was open in the period."},
		{"stuck", "stuck_networks", "Professional network stuck",
		 "Every escalation open at some time in the period, at any stage, where the agencies' "
		 "log records the professional network as stuck (protocol section 3.3), by its short "
		 "pseudonymous reference.", "No escalation recorded as stuck was open in the period."},
	};

	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		sqlite3_stmt *st = report_prepare(r, "r_flag_cases");
		struct tab *t;

		report_bind_text(st, ":flag", lists[i].flag);
		t = case_table(st, lists[i].name, lists[i].title, lists[i].def);
		if (t->nrow == 0)
			P("%s\n\n", lists[i].none);
		else if (r->public_)
			P("### %s\n\n(The list of escalations is left out of the public version of this "
			  "paper.)\n\n", lists[i].title);
		else
			report_emit(r, t);
		tab_free(t);
	}
}
