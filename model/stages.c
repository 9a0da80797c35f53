/*
 * stages.c - when an escalation's stages were completed: see stages.h.
 */
#include "core/date.h"
#include "stages.h"

void stage_completions(const int on[MODEL_STAGES + 1], int closed_on, int done[MODEL_STAGES + 1])
{
	/* from the top down, next is the stage date above stage n */
	int next = closed_on;

	for (int n = MODEL_STAGES; n >= 0; n--) {
		done[n] = on[n] == DATE_NONE ? DATE_NONE : next;
		if (on[n] != DATE_NONE)
			next = on[n];
	}
}
