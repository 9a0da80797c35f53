/*
 * run.h - what the period commands (metrics, signals, report) do once
 * their options are parsed: open the warehouse for one read, check the
 * partnership, compute and print.
 *
 * Each returns the class of its error (core/msg.h), the message already
 * printed; the command maps it to the exit code.
 */
#ifndef OVERSIGHT_RUN_H
#define OVERSIGHT_RUN_H

#include "core/cli.h"
#include "core/msg.h"
#include "core/wh.h"

/*
 * Open the warehouse read-only into *w and begin one read transaction
 * (ERR_ENV when either fails), then check that partnership is defined
 * (ERR_USAGE, "unknown partnership '<p>'", when not).  *w is set, for the
 * caller to close, whenever the warehouse opened.
 */
enum err run_open(const char *warehouse, const char *partnership, struct wh **w);

/*
 * Restrict w's figures to the subjects of group (enum cli_subject, from
 * --subject; report/scope.h).  A partnership whose protocol covers none of
 * them is a usage mistake (ERR_USAGE, naming the option); nothing to do
 * for CLI_SUBJECT_ALL.
 */
enum err run_scope(struct wh *w, const char *partnership, int group);

/* oversight metrics: every figure of the period as JSON on stdout.  A
 * failure after the partnership is known is an SQL error: ERR_INTERNAL. */
enum err run_metrics(const char *partnership, const struct period *p, const char *measure);

/* oversight signals: the lack-of-challenge signals as text, or as JSON
 * when json (report/signals_view.c).  A period no agency's log covers is
 * a data error unless allow_incomplete (coverage.h). */
enum err run_signals(const char *partnership, const struct period *p, const char *measure,
		     int json, int allow_incomplete);

#endif
