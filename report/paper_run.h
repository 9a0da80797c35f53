/*
 * paper_run.h - oversight report once its options are parsed.
 */
#ifndef OVERSIGHT_PAPER_RUN_H
#define OVERSIGHT_PAPER_RUN_H

#include "core/msg.h"
#include "report.h"

/*
 * Write the paper of kind (board, a forum's report name, or agency with
 * r->agency_id) for partnership over r->period into r->dir, then convert
 * it to each format of the comma-separated list formats (md is the paper
 * itself).  r holds the options; it is released here.  Returns the class
 * of the gravest problem met (core/msg.h), its message printed.
 */
enum err paper_run(struct report *r, const char *kind, const char *partnership,
		   const char *formats);

/*
 * oversight report compare: the paper of the partnerships of list ("P,Q"
 * or "all": run.h) side by side over r->period, in r->dir, then each
 * format of formats.  A partnership whose period no agency's log covers
 * is named and left out; when that leaves none, ERR_DATA unless
 * r->allow_incomplete.
 */
enum err compare_run(struct report *r, const char *list, const char *formats);

#endif
