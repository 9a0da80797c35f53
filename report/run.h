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
 * caller to close, whenever the warehouse opened.  With twin (a run that
 * computes metrics_compute()'s figures), also the second connection that
 * reads half of them (wh_read_begin()).
 */
enum err run_open(const char *warehouse, const char *partnership, int twin, struct wh **w);

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

/*
 * Several partnerships at once: "P,Q,..." (each once, in the order given)
 * or "all" (every partnership the warehouse knows, by id).  run_is_list()
 * says whether a --partnership value is such a list (it holds a comma, or
 * is "all").  run_open_list() opens the warehouse as run_open() does, with
 * the second connection, and reads the list into *l (ERR_USAGE, naming it
 * after opt, for an unknown id); the caller frees *l with run_list_free()
 * and closes *w, whatever the result.
 */
struct run_list {
	int n;
	char **id;  /* owned */
	int all;    /* the list was "all" */
};
int run_is_list(const char *partnership);
enum err run_open_list(const char *warehouse, const char *opt, const char *list,
		       struct run_list *l, struct wh **w);
void run_list_free(struct run_list *l);

/* oversight metrics for a list: a JSON array of the objects run_metrics()
 * prints, one per partnership in the list's order. */
enum err run_metrics_list(const char *list, const struct period *p, const char *measure);

#endif
