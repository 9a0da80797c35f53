/*
 * report_front_agency.c - the front page of an agency pack: the agency's
 * own figures (raised by it, raised with it, open at the end and resolved
 * with it a party) against the previous period and the same period a year
 * earlier, each as it stood at its own end; then the agency's signals,
 * its log, data quality and the commentary as on every front page.
 */
#include <string.h>

#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

#define AGENCY_ROWS 4

/* The rows of r_agency_headline over period p (as of its own end for an
 * earlier period): labels into label (when not NULL) and counts. */
static void agency_figures(struct report *r, const struct period *p, char (*label)[96], long *n)
{
	struct period keep = r->period;
	sqlite3_stmt *st;
	int i = 0;

	r->period = *p; /* the query binds the report's period */
	st = report_prepare(r, "r_agency_headline");
	r->period = keep;
	while (sqlite3_step(st) == SQLITE_ROW && i < AGENCY_ROWS) {
		if (label)
			snprintf(label[i], sizeof(label[i]), "%s", (const char *)sqlite3_column_text(st, 0));
		n[i++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	for (; i < AGENCY_ROWS; i++) {
		if (label)
			label[i][0] = '\0';
		n[i] = 0;
	}
}

void report_front_agency(struct report *r)
{
	char label[AGENCY_ROWS][96];
	long now[AGENCY_ROWS], prev[AGENCY_ROWS], year[AGENCY_ROWS];
	struct tab *t;

	P("## At a glance\n\n");
	agency_figures(r, &r->period, label, now);
	agency_figures(r, &r->m->previous.period, NULL, prev);
	agency_figures(r, &r->m->year_before.period, NULL, year);
	report_front_periods(r);
	P("\n\n");
	t = report_front_begin(r, 0);
	for (int i = 0; i < AGENCY_ROWS; i++)
		report_front_counts(r, t, label[i], now[i], prev[i], year[i]);
	report_front_end(r, t);
	report_front_signals(r);
	report_front_logs(r);
	report_front_quality(r);
	report_front_commentary(r);
}
