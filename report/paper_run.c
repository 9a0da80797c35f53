/*
 * paper_run.c - oversight report once its options are parsed: open the
 * warehouse, find the kind asked for (the board report, a forum's report
 * or an agency's pack), write the paper and the other formats.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compare.h"
#include "core/cli.h"
#include "core/msg.h"
#include "model/proto.h"
#include "core/wh.h"
#include "paper_run.h"
#include "report.h"
#include "run.h"

static int mkdirs(const char *dir)
{
	char buf[4096];
	size_t n = strlen(dir);

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (buf[i] == '/' || buf[i] == '\0') {
			char c = buf[i];

			buf[i] = '\0';
			if (mkdir(buf, 0755) != 0 && errno != EEXIST)
				return -1;
			buf[i] = c;
		}
	}
	return 0;
}

/* r->agency_id among the partnership's agencies: ERR_USAGE, with a
 * suggestion, when it is not. */
static enum err find_agency(const struct report *r, const char *partnership)
{
	char *ids[R_MAX_AGENCY];
	char hint[320];

	for (int i = 0; i < r->nagency; i++)
		if (strcmp(r->agency[i], r->agency_id) == 0)
			return ERR_NONE;
	for (int i = 0; i < r->nagency; i++)
		ids[i] = (char *)r->agency[i];
	error("--agency: unknown agency '%s' in %s%s", r->agency_id, partnership,
	      ref_hint(hint, sizeof(hint), "agencies", r->agency_id, ids, r->nagency));
	return ERR_USAGE;
}

/* The forum whose report is kind into *forum: ERR_USAGE, naming the
 * partnership's reports, when there is none. */
static enum err find_forum(const struct report *r, const char *kind, const char *partnership,
			   const struct report_forum **forum)
{
	char have[512] = "board";

	for (int i = 0; i < r->nforum; i++)
		if (strcmp(r->forum[i].report, kind) == 0)
			*forum = &r->forum[i];
	if (*forum)
		return ERR_NONE;
	for (int i = 0; i < r->nforum; i++)
		if (r->forum[i].report[0] && strlen(have) + strlen(r->forum[i].report) + 3 < sizeof(have)) {
			strcat(have, ", ");
			strcat(have, r->forum[i].report);
		}
	error("report '%s': %s has no forum with that report (its reports: %s)", kind, partnership,
	      have);
	return ERR_USAGE;
}

/*
 * The subjects the paper counts: --subject, or its forum's own (NEL: the
 * SCP chair's paper is about children, the SAB chair's about adults).  A
 * --subject that is not the forum's is a usage mistake.  The file name
 * says a --subject the forum does not already say.
 */
static enum err paper_subject(struct report *r, const char *kind, const char *partnership)
{
	struct ref model;
	const struct ref_partnership *p;
	int forum = CLI_SUBJECT_ALL;

	if (ref_read(r->w, &model))
		return ERR_INTERNAL;
	p = ref_find_partnership(&model, partnership);
	for (int i = 0; p && !r->agency_id && i < p->nforum; i++)
		if (!strcmp(p->forum[i].report, kind))
			forum = p->forum[i].subject;
	ref_free(&model);
	if (forum && r->period.subject && r->period.subject != forum) {
		error("--subject: %s: the %s paper is about %s", cli_subject_name(r->period.subject), kind,
		      cli_subject_name(forum));
		return ERR_USAGE;
	}
	if (!forum)
		r->stem_subject = cli_subject_name(r->period.subject);
	else
		r->period.subject = forum;
	return run_scope(r->w, partnership, r->period.subject);
}

/* Write the paper r describes, then each format of the list. */
static enum err write_paper(struct report *r, const struct report_forum *forum,
			    const char *formats)
{
	enum err e;
	char f[64];

	if (mkdirs(r->dir)) {
		error("%s: cannot create: %s", r->dir, strerror(errno));
		return ERR_ENV;
	}
	if (r->csv_dir && mkdirs(r->csv_dir)) {
		error("%s: cannot create: %s", r->csv_dir, strerror(errno));
		return ERR_ENV;
	}
	report_charts_init(r);
	/* The workbook is made from the tables as written: keep them. */
	for (int i = 0; cli_list_next(formats, &i, f, sizeof(f));)
		if (strcmp(f, "xlsx") == 0)
			r->book_wanted = 1;
	if (report_begin(r))
		return ERR_ENV;
	if (r->region)
		report_compare(r);
	else if (r->agency_id)
		report_agency(r);
	else if (forum)
		report_forum(r, forum);
	else
		report_board(r);
	if (report_finish(r, 1))
		return ERR_ENV;
	printf("%s\n", r->path);
	e = r->csv_failed ? ERR_ENV : r->local_failed ? ERR_DATA : ERR_NONE;
	/* The other formats are made from the markdown just written. */
	for (int i = 0; cli_list_next(formats, &i, f, sizeof(f));)
		e = err_worse(e, err_of_exit(report_convert(r, f)));
	return e;
}

enum err paper_run(struct report *r, const char *kind, const char *partnership, const char *formats)
{
	const struct report_forum *forum = NULL;
	struct wh *w = NULL;
	enum err e;

	r->kind = kind;
	e = run_open(ov.warehouse, partnership, 1, &w);
	if (e)
		goto out;
	r->w = w;
	e = paper_subject(r, kind, partnership);
	if (e)
		goto out;
	if (report_setup(r, w, partnership)) {
		e = ERR_INTERNAL;
		goto out;
	}
	if (coverage_require(r->m->coverage, r->m->n_coverage, partnership, r->period.as_of,
			     r->allow_incomplete)) {
		e = ERR_DATA;
		goto out;
	}
	if (r->agency_id)
		e = find_agency(r, partnership);
	else if (strcmp(kind, "board") != 0)
		e = find_forum(r, kind, partnership, &forum);
	if (!e)
		e = write_paper(r, forum, formats);
out:
	report_release(r);
	wh_close(w);
	return e;
}

/* r's name parts for partnerships l: the file's stem part ("all" for
 * every partnership of the model, named one by one or not; else the ids
 * joined by "-", cut to the first and a count when too long for a file
 * name) and the funnel's names (compare's partnerships in place of
 * agencies: report.h). */
static void compare_names(struct report *r, const struct run_list *l, const struct compare *c)
{
	size_t used = 0;

	int all = l->all || l->n == r->model.npartnership;

	for (int i = 0; i < l->n && !all; i++) {
		int w = snprintf(r->id + used, sizeof(r->id) - used, "%s%s", i ? "-" : "", l->id[i]);

		if (w < 0 || (size_t)w >= sizeof(r->id) - used) {
			snprintf(r->id, sizeof(r->id), "%.32s-and-%d-more", l->id[0], l->n - 1);
			break;
		}
		used += (size_t)w;
	}
	if (all)
		snprintf(r->id, sizeof(r->id), "all");
	for (int i = 0; i < c->n && r->nagency < R_MAX_AGENCY; i++, r->nagency++) {
		snprintf(r->agency[i], sizeof(r->agency[0]), "%s", c->one[i].part->id);
		snprintf(r->agency_name[i], sizeof(r->agency_name[0]), "%s", c->one[i].part->name);
	}
}

enum err compare_run(struct report *r, const char *list, const char *formats)
{
	struct run_list l;
	struct compare c;
	struct wh *w = NULL;
	enum err e;

	memset(&c, 0, sizeof(c));
	r->kind = "compare";
	r->region = 1;
	e = run_open_list(ov.warehouse, "--partnerships: ", list, &l, &w);
	if (e)
		goto out;
	r->w = w;
	if (ref_read(w, &r->model) ||
	    compare_compute(w, &r->model, l.id, l.n, &r->period, r->measure, &c)) {
		e = ERR_INTERNAL;
		goto out;
	}
	r->cmp = &c;
	report_period_name(r);
	compare_names(r, &l, &c);
	if (compare_present(&c) == 0 && !r->allow_incomplete) {
		error("no log of the partnerships named covers the period (--allow-incomplete writes "
		      "the paper all the same)");
		e = ERR_DATA;
		goto out;
	}
	e = write_paper(r, NULL, formats);
out:
	compare_free(&c);
	r->cmp = NULL;
	free(r->region_quality);
	r->region_quality = NULL;
	ref_free(&r->model);
	run_list_free(&l);
	wh_close(w);
	return e;
}
