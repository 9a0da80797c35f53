/*
 * report_coverage.c - whose logs a paper rests on (DESIGN.md "Whose log,
 * and how recent"): the line of the title block naming each agency's
 * coverage, the warning at the top of a paper whose period no log covers,
 * and the agencies left out of the challenge signals, with why.
 */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "report.h"

#define P(...) fprintf(r->out, __VA_ARGS__)

/* One agency's coverage in words: "log to 2 October 2026", "shared log to
 * ...", "log ends 30 June 2026" (before the as-of date), "no log". */
void report_coverage_words(struct report *r, const struct cov_agency *c)
{
	char day[32];

	if (!strcmp(c->log, "none")) {
		P("no log");
		return;
	}
	report_date_words(c->runs_to, day, sizeof(day));
	if (!c->covered)
		P("%slog ends %s", !strcmp(c->log, "shared") ? "shared " : "", day);
	else
		P("%slog to %s", !strcmp(c->log, "shared") ? "shared " : "", day);
}

void report_coverage_row(struct report *r)
{
	const struct metrics *m = r->m;

	if (!m->n_coverage)
		return;
	P("| Agency logs | ");
	for (int i = 0; i < m->n_coverage; i++) {
		P("%s", i ? "; " : "");
		md_escape(r->out, m->coverage[i].name);
		P(": ");
		report_coverage_words(r, &m->coverage[i]);
	}
	P(" |\n");
}

void report_coverage_warning(struct report *r)
{
	const struct metrics *m = r->m;
	char latest[11], day[32];

	if (coverage_any(m->coverage, m->n_coverage))
		return;
	coverage_latest(m->coverage, m->n_coverage, latest);
	date_words(r->period.as_of, day, sizeof(day));
	P("> **Warning: incomplete data.** No agency's log covers this period: ");
	if (latest[0]) {
		char l[32];

		P("the most recent log was exported on %s, before %s. ",
		  report_date_words(latest, l, sizeof(l)), day);
	} else {
		P("no agency's log has been received. ");
	}
	P("Escalations after that date are not in the data, so the figures below are incomplete "
	  "and no agency is assessed for a lack of challenge.\n\n");
}

void report_coverage_left_out(struct report *r)
{
	const struct metrics *m = r->m;
	int n = 0;

	for (int i = 0; i < m->n_coverage; i++) {
		const struct cov_agency *c = &m->coverage[i];

		if (c->covered)
			continue;
		P("%s", n++ ? "; " : "**Not assessed for want of a log covering the period** "
				     "(a missing log is not a lack of challenge): ");
		md_escape(r->out, c->name);
		P(" (");
		report_coverage_words(r, c);
		P(")");
	}
	if (n)
		P(". These agencies are left out of the funnel, the silent agencies and one-way "
		  "challenge below.\n\n");
}
