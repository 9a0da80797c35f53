/*
 * report_appendix.c - the analyst's appendix, the last section of every
 * paper (heading exactly "## Analyst's appendix"): what the paper's
 * figures rest on, for whoever prepares it rather than the board: rows
 * quarantined at load and escalations whose two logs disagree, with the
 * commands that list them, the logs the paper was made from, and the
 * agencies to ask about a log.  Everything before it speaks to the board
 * and never names a command (DESIGN.md "Reports").
 */
#include <string.h>

#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

void report_quality(struct report *r, struct report_quality *q)
{
	sqlite3_stmt *st;

	if (!r->quality_read) {
		st = report_prepare(r, "r_quality");
		memset(&r->quality, 0, sizeof(r->quality));
		if (sqlite3_step(st) == SQLITE_ROW) {
			r->quality.rejected = sqlite3_column_int64(st, 0);
			r->quality.reconciled = sqlite3_column_int64(st, 1);
			r->quality.conflicted = sqlite3_column_int64(st, 2);
		}
		sqlite3_finalize(st);
		r->quality_read = 1;
	}
	*q = r->quality;
}

/* The logs the paper was made from (their loads: `oversight loads`). */
static void sources(struct report *r)
{
	sqlite3_stmt *st = report_prepare(r, "r_sources");
	int n = 0;
	long rows = 0;
	char last[32] = "";

	while (sqlite3_step(st) == SQLITE_ROW) {
		n++;
		rows += sqlite3_column_int64(st, 3);
		snprintf(last, sizeof(last), "%.10s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	P("| | |\n|:---|:---|\n");
	P("| Data sources | %ld current rows from %d agency log files; latest loaded %s |\n", rows, n,
	  last[0] ? last : "never");
	P("| Loads | `oversight loads` lists each load: file, when, rows |\n\n");
}

/* The agencies no escalation in the period was raised by or with. */
static void silent_sources(struct report *r)
{
	sqlite3_stmt *st = report_prepare(r, "r_agency_silent_sources");
	int first = 1;

	while (sqlite3_step(st) == SQLITE_ROW) {
		P("%s", first ? "- No escalation in the period was raised by or with: " : ", ");
		md_escape(r->out, (const char *)sqlite3_column_text(st, 1));
		first = 0;
	}
	sqlite3_finalize(st);
	if (!first)
		P(". Check that their logs were sent (`oversight agencies --partnership %s` shows each "
		  "agency's log and how recent it is).\n", r->id);
}

/* n as the paper shows it: "<N" when --suppress hides it. */
static const char *count_text(const struct report *r, long n, char *buf, size_t cap)
{
	if (tab_small(r->suppress, n))
		snprintf(buf, cap, "<%d", r->suppress);
	else
		snprintf(buf, cap, "%ld", n);
	return buf;
}

void sec_appendix(struct report *r)
{
	P("## Analyst's appendix\n\n");
	P("For whoever prepares this paper: what its figures rest on, and how to look into it.\n\n");
	report_appendix_body(r);
}

void report_appendix_body(struct report *r)
{
	struct report_quality q;
	char a[32], b[32];

	report_quality(r, &q);
	P("- Rows quarantined by the loads of this partnership's logs: %ld, not counted in any figure; "
	  "`oversight rejects` lists them with file, line, field and reason (`oversight rejects --load "
	  "<id>` for one load).\n", q.rejected);
	P("- Escalations raised in the period that two agencies both logged, counted once: %s; of "
	  "these, %s have logs that disagree on a detail (the earliest dates, every stage either "
	  "reached and a closure by either are used); `oversight check` lists them.\n",
	  count_text(r, q.reconciled, a, sizeof(a)), count_text(r, q.conflicted, b, sizeof(b)));
	silent_sources(r);
	P("- Each agency's log, and how recent: `oversight agencies --partnership %s`.\n\n", r->id);
	sources(r);
}
