/*
 * run.c - the period commands' shared opening, and oversight metrics: see
 * run.h.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/embed.h"
#include "core/msg.h"
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

/* "unknown partnership 'glos' (partnerships: ...; did you mean ...?)",
 * after opt ("--partnerships: ") when it is not "". */
static void unknown_partnership(struct wh *w, const char *opt, const char *partnership)
{
	sqlite3_stmt *st = wh_prepare(w, "ref_partnerships");
	char *ids[64], hint[512];
	int n = 0;

	while (st && n < 64 && sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	error("%sunknown partnership '%s'%s", opt, partnership,
	      ref_hint(hint, sizeof(hint), "partnerships", partnership, ids, n));
	while (n)
		free(ids[--n]);
}

enum err run_open(const char *warehouse, const char *partnership, int twin, struct wh **w)
{
	int known;

	*w = NULL;
	if (wh_open(warehouse, WH_READONLY, w))
		return ERR_ENV;
	if (wh_read_begin(*w, twin))
		return ERR_ENV;
	if (partnership_known(*w, partnership, &known))
		return ERR_INTERNAL;
	if (!known) {
		unknown_partnership(*w, "", partnership);
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
	enum err e = run_open(ov.warehouse, partnership, 1, &w);

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

int run_is_list(const char *partnership)
{
	return strchr(partnership, ',') || strcmp(partnership, "all") == 0;
}

void run_list_free(struct run_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->id[i]);
	free(l->id);
	l->id = NULL;
	l->n = 0;
}

/* Add id to l unless it is there already (a repeat is harmless). */
static void list_add(struct run_list *l, const char *id)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->id[i], id) == 0)
			return;
	l->id = xrealloc(l->id, (size_t)(l->n + 1) * sizeof(char *));
	l->id[l->n++] = xstrdup(id);
}

/* The ids of list into l, each checked against the model. */
static enum err list_read(struct wh *w, const char *opt, const char *list, struct run_list *l)
{
	struct ref model;
	char id[256];
	enum err e = ERR_NONE;

	if (ref_read(w, &model)) {
		ref_free(&model);
		return ERR_INTERNAL;
	}
	if (strcmp(list, "all") == 0) {
		for (int i = 0; i < model.npartnership; i++)
			list_add(l, model.partnership[i].id);
		l->all = 1;
	}
	for (int pos = 0; !l->all && !e && cli_list_next(list, &pos, id, sizeof(id));) {
		if (!id[0]) {
			error("%san empty name in the list '%s'", opt, list);
			e = ERR_USAGE;
		} else if (!ref_find_partnership(&model, id)) {
			unknown_partnership(w, opt, id);
			e = ERR_USAGE;
		} else {
			list_add(l, id);
		}
	}
	if (!e && l->n == 0) {
		error(l->all ? "%sthe warehouse holds no partnership" : "%sno partnership named", opt);
		e = ERR_USAGE;
	}
	ref_free(&model);
	return e;
}

enum err run_open_list(const char *warehouse, const char *opt, const char *list,
		       struct run_list *l, struct wh **w)
{
	memset(l, 0, sizeof(*l));
	*w = NULL;
	if (wh_open(warehouse, WH_READONLY, w))
		return ERR_ENV;
	if (wh_read_begin(*w, 1))
		return ERR_ENV;
	return list_read(*w, opt, list, l);
}

enum err run_metrics_list(const char *list, const struct period *p, const char *measure)
{
	struct wh *w = NULL;
	struct run_list l;
	struct metrics *m = xcalloc(1, sizeof(*m));
	cJSON *arr = NULL;
	enum err e = run_open_list(ov.warehouse, "--partnership: ", list, &l, &w);

	if (e)
		goto out;
	arr = cJSON_CreateArray();
	for (int i = 0; i < l.n; i++) {
		if (metrics_compute(w, l.id[i], p, measure, m)) {
			e = ERR_INTERNAL;
			goto out;
		}
		cJSON_AddItemToArray(arr, metrics_json_object(m));
	}
	metrics_json_print(arr, stdout);
	arr = NULL;
out:
	cJSON_Delete(arr);
	run_list_free(&l);
	free(m);
	wh_close(w);
	return e;
}
