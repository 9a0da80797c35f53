/*
 * report_board.c - the quarterly board report, for any partnership.
 */
#include "report.h"

int report_board(struct report *r)
{
	char sub[256];

	if (r->period.q)
		snprintf(sub, sizeof(sub), "Quarterly board report, %d-Q%d", r->period.year, r->period.q);
	else
		snprintf(sub, sizeof(sub), "Board report");
	sec_title(r, "Professional disagreements and escalations", sub);
	sec_headline(r);
	sec_stages_by_quarter(r);
	sec_agencies(r);
	sec_themes(r);
	sec_subjects(r);
	sec_categories(r);
	sec_timescales(r);
	sec_resolution(r);
	sec_open_age(r);
	sec_resolved_at(r);
	sec_learning(r);
	sec_challenge(r);
	sec_local(r);
	sec_data_quality(r);
	sec_notes(r);
	return 0;
}
