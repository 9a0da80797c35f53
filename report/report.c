/*
 * report.c - the partnership as the protocol model defines it and the
 * period's metrics, for a board paper; agency names and stage labels: see
 * report.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/util.h"
#include "report.h"

/* The forums and notes, copied into the report's own (bounded) fields. */
static void copy_lists(struct report *r, const struct ref_partnership *p)
{
	for (int i = 0; i < p->nagency && r->nagency < R_MAX_AGENCY; i++, r->nagency++) {
		snprintf(r->agency[i], sizeof(r->agency[0]), "%s", p->agency[i]);
		snprintf(r->agency_name[i], sizeof(r->agency_name[0]), "%s", p->agency_name[i]);
	}
	for (int i = 0; i < p->nforum && r->nforum < R_MAX_FORUM; i++) {
		const struct ref_forum *g = &p->forum[i];
		struct report_forum *f = &r->forum[r->nforum++];

		snprintf(f->id, sizeof(f->id), "%s", g->id);
		snprintf(f->name, sizeof(f->name), "%s", g->name);
		f->stage = g->stage;
		snprintf(f->report, sizeof(f->report), "%s", g->report);
		snprintf(f->reports_to, sizeof(f->reports_to), "%s", g->reports_to);
		snprintf(f->description, sizeof(f->description), "%s", g->description);
		snprintf(f->onward, sizeof(f->onward), "%s", g->onward);
		f->subject = g->subject;
	}
	for (int i = 0; i < p->nnote && r->nnote < R_MAX_NOTE; i++)
		snprintf(r->note[r->nnote++], sizeof(r->note[0]), "%s", p->note[i]);
}

/* The partnership from the protocol model; -1 when it is not there. */
static int read_partnership(struct report *r, struct wh *w, const char *partnership)
{
	const struct ref_partnership *p;

	if (ref_read(w, &r->model))
		return -1;
	p = r->part = ref_find_partnership(&r->model, partnership);
	if (!p)
		return error("unknown partnership '%s'", partnership);
	snprintf(r->name, sizeof(r->name), "%s", p->name);
	snprintf(r->short_name, sizeof(r->short_name), "%s", p->short_name);
	snprintf(r->jurisdiction, sizeof(r->jurisdiction), "%s", p->jurisdiction);
	snprintf(r->protocol_title, sizeof(r->protocol_title), "%s", p->protocol_title);
	snprintf(r->protocol_principle, sizeof(r->protocol_principle), "%s", p->protocol_principle);
	snprintf(r->timescales_note, sizeof(r->timescales_note), "%s", p->timescales_note);
	r->adults_apart = p->adults_apart;
	r->last_stage = p->last_stage;
	copy_lists(r, p);
	return 0;
}

/* The metrics of the period (the previous period's and the year before's
 * key figures come with them: m->previous, m->year_before). */
static int compute(struct report *r, struct wh *w, const char *partnership)
{
	r->m = xcalloc(1, sizeof(*r->m));
	return metrics_compute(w, partnership, &r->period, r->measure, r->m);
}

int report_setup(struct report *r, struct wh *w, const char *partnership)
{
	r->w = w;
	snprintf(r->id, sizeof(r->id), "%s", partnership);
	if (read_partnership(r, w, partnership) || compute(r, w, partnership))
		return -1;
	report_period_name(r);
	return 0;
}

void report_period_name(struct report *r)
{
	if (r->period.q) {
		snprintf(r->period_name, sizeof(r->period_name), "%04d-Q%d", r->period.year, r->period.q);
	} else {
		char a[11], b[11];

		snprintf(r->period_name, sizeof(r->period_name), "%s_%s", date_format(r->period.from, a),
			 date_format(r->period.to, b));
	}
}

void report_release(struct report *r)
{
	free(r->m);
	free(r->four_q);
	r->m = r->four_q = NULL;
	r->four_q_state = 0;
	ref_free(&r->model);
	r->part = NULL;
	report_book_free(r);
}

const char *report_agency_name(const struct report *r, const char *id)
{
	for (int i = 0; i < r->nagency; i++)
		if (strcmp(r->agency[i], id) == 0)
			return r->agency_name[i];
	return id;
}

const char *report_subject_words(int group, int capital)
{
	if (group == CLI_SUBJECT_CHILDREN)
		return capital ? "Children and unborn children" : "children and unborn children";
	if (group == CLI_SUBJECT_ADULTS)
		return capital ? "Adults" : "adults";
	return capital ? "Children and adults" : "children and adults";
}

const char *report_stage_label(const struct report *r, int stage, char *buf, size_t cap)
{
	return ref_stage_label(r->part, stage, buf, cap);
}

const char *report_stage_row(const struct report *r, int stage, char *buf, size_t cap)
{
	if (stage == 0) {
		snprintf(buf, cap, "Before stage 1: %s", r->part->stage[0].name);
		return buf;
	}
	return report_stage_label(r, stage, buf, cap);
}

const char *report_theme_name(const struct report *r, const char *id)
{
	return ref_theme_name(&r->model, id);
}

/* The subjects and categories of DESIGN.md's log format, as papers name
 * them. */
const char *report_subject_name(const char *id)
{
	static const char *const names[][2] = {
		{"child", "Child"}, {"unborn", "Unborn child"}, {"adult", "Adult"},
		{"none", "Not about an individual"},
		{"children", "Children (including unborn children)"}, {"adults", "Adults"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], id) == 0)
			return names[i][1];
	return id;
}

const char *report_category_name(const char *id)
{
	static const char *const names[][2] = {
		{"case", "Case disagreement"},
		{"policy", "Policy challenge"},
		{"iru", "Difference reported by the Independent Reviewing Unit"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i][0], id) == 0)
			return names[i][1];
	return id;
}

const char *report_date_words(const char *iso, char *buf, size_t cap)
{
	int day = date_of_text(iso);

	if (day == DATE_NONE) {
		snprintf(buf, cap, "%s", iso ? iso : "");
		return buf;
	}
	return date_words(day, buf, cap);
}

void report_name_cells(const struct report *r, struct tab *t, int col, int theme)
{
	for (int i = 0; i < t->nrow; i++) {
		struct tab_cell *c = &t->rows[i][col];
		const char *name;

		if (i == t->total_row || !c->text || c->key)
			continue;
		name = theme ? report_theme_name(r, c->text) : report_subject_name(c->text);
		c->key = c->text;
		c->text = xstrdup(name);
	}
}
