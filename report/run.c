/*
 * run.c - the period commands' shared opening, and oversight metrics: see
 * run.h.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/embed.h"
#include "core/util.h"
#include "metrics.h"
#include "model/proto.h"
#include "run.h"
#include "scope.h"

/* Whether the protocol model holds the partnership; 0, or -1 after an SQL
 * error. */
static int partnership_known(struct wh *w, const char *partnership, int *known)
{
	struct ref model;
	int rc = ref_read(w, &model);

	*known = rc == 0 && ref_find_partnership(&model, partnership) != NULL;
	ref_free(&model);
	return rc;
}

/* "unknown partnership 'glos' (partnerships: ...; did you mean ...?)" */
static void unknown_partnership(struct wh *w, const char *partnership)
{
	sqlite3_stmt *st = wh_prepare(w, "ref_partnerships");
	char *ids[64], hint[512];
	int n = 0;

	while (st && n < 64 && sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	error("unknown partnership '%s'%s", partnership,
	      ref_hint(hint, sizeof(hint), "partnerships", partnership, ids, n));
	while (n)
		free(ids[--n]);
}

enum err run_open(const char *warehouse, const char *partnership, struct wh **w)
{
	int known;

	*w = NULL;
	if (wh_open(warehouse, WH_READONLY, w))
		return ERR_ENV;
	if (wh_exec(*w, embed_query("read_begin")))
		return ERR_ENV;
	if (partnership_known(*w, partnership, &known))
		return ERR_INTERNAL;
	if (!known) {
		unknown_partnership(*w, partnership);
		return ERR_USAGE;
	}
	return ERR_NONE;
}

enum err run_scope(struct wh *w, const char *partnership, int group)
{
	struct ref model;
	const struct ref_partnership *part;
	int covers;

	if (group == CLI_SUBJECT_ALL)
		return ERR_NONE;
	if (ref_read(w, &model))
		return ERR_INTERNAL;
	part = ref_find_partnership(&model, partnership);
	covers = part && ref_covers_group(part, group);
	if (!covers)
		error("--subject: %s's protocol does not cover %s (its subjects: %s)", partnership,
		      cli_subject_name(group), part ? part->subjects : "none");
	ref_free(&model);
	if (!covers)
		return ERR_USAGE;
	return scope_subject(w, group) ? ERR_INTERNAL : ERR_NONE;
}

enum err run_metrics(const char *partnership, const struct period *p, const char *measure)
{
	struct wh *w = NULL;
	struct metrics *m = xcalloc(1, sizeof(*m));
	enum err e = run_open(ov.warehouse, partnership, &w);

	if (!e)
		e = run_scope(w, partnership, p->subject);
	if (e)
		goto out;
	if (metrics_compute(w, partnership, p, measure, m)) {
		e = ERR_INTERNAL;
		goto out;
	}
	metrics_json(m, stdout);
out:
	free(m);
	wh_close(w);
	return e;
}
