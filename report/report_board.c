/*
 * report_board.c - the quarterly board report, for any partnership.
 */
#include "report.h"
#include "report_outcomes.h"

static void (*const sections[])(struct report *r) = {
	sec_headline, sec_stages_by_quarter, sec_agencies, sec_themes, sec_subjects,
	sec_categories, sec_timescales, sec_resolution, sec_open_age, sec_resolved_at,
	sec_outcomes, sec_time_in_stage,
	sec_learning, sec_challenge, sec_local, sec_data_quality, sec_notes, NULL,
};

static const struct paper board = {"Board report", "Quarterly board report", sections};

int report_board(struct report *r)
{
	paper_write(r, "Professional disagreements and escalations", &board);
	return 0;
}
