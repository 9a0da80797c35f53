/*
 * test_stages.c - when an escalation's stages were completed
 * (model/stages.c), the rule of DESIGN.md "Stage completion": stage N is
 * completed on the next stage date above N, or on the closing day when N
 * is the highest stage and the escalation is closed.
 *
 * Each expected day is read off the dates given, by that rule.
 */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "model/stages.h"
#include "tests/unit/unit.h"
#include "tests/unit/unit_days.h"

/* The completions of stages 0..5 entered on on[] (NULL: not entered),
 * closed on closed (NULL: open), against want[] (NULL: not completed). */
static void check(const char *what, const char *on[MODEL_STAGES + 1], const char *closed,
		  const char *want[MODEL_STAGES + 1])
{
	int in[MODEL_STAGES + 1], done[MODEL_STAGES + 1];
	char buf[11], label[160];

	for (int n = 0; n <= MODEL_STAGES; n++)
		in[n] = D(on[n]);
	stage_completions(in, D(closed), done);
	for (int n = 0; n <= MODEL_STAGES; n++) {
		snprintf(label, sizeof(label), "%s: stage %d", what, n);
		CHECK_STR(done[n] == DATE_NONE ? NULL : date_format(done[n], buf), want[n], label);
	}
}

int main(void)
{
	/* open: stage 1 completed by entering stage 2, stage 2 not yet */
	check("open, stages 1 and 2",
	      (const char *[]){NULL, "2026-01-05", "2026-01-12", NULL, NULL, NULL}, NULL,
	      (const char *[]){NULL, "2026-01-12", NULL, NULL, NULL, NULL});
	/* closed, stage 2 skipped: stage 1 completes on stage 3's date, the
	 * top stage on the closing day, stage 2 never entered */
	check("closed, stages 0, 1 and 3",
	      (const char *[]){"2026-01-02", "2026-01-05", NULL, "2026-01-20", NULL, NULL},
	      "2026-02-01",
	      (const char *[]){"2026-01-05", "2026-01-20", NULL, "2026-02-01", NULL, NULL});
	/* resolved informally: stage 0 alone, completed on the closing day */
	check("closed at stage 0",
	      (const char *[]){"2026-03-02", NULL, NULL, NULL, NULL, NULL}, "2026-03-04",
	      (const char *[]){"2026-03-04", NULL, NULL, NULL, NULL, NULL});
	/* two stages entered the same day: the lower completes that day */
	check("stages 1 and 2 the same day, closed",
	      (const char *[]){NULL, "2026-04-01", "2026-04-01", NULL, NULL, NULL}, "2026-04-09",
	      (const char *[]){NULL, "2026-04-01", "2026-04-09", NULL, NULL, NULL});
	/* every stage, the top one open */
	check("every stage, open",
	      (const char *[]){"2026-05-01", "2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25",
			       "2026-06-01"},
	      NULL,
	      (const char *[]){"2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25",
			       "2026-06-01", NULL});
	/* no stage recorded: a closing day completes nothing */
	check("no stage, closed", (const char *[]){NULL, NULL, NULL, NULL, NULL, NULL},
	      "2026-07-01", (const char *[]){NULL, NULL, NULL, NULL, NULL, NULL});
	return unit_done();
}
