/*
 * escwrite.c - a derived escalation and its stage events: see escwrite.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "escwrite.h"

/* queries/escalation_insert.sql's parameters, in their order. */
enum {
	E_ID = 1, E_PARTNERSHIP, E_PSEUDO, E_RAISED_BY, E_RAISED_WITH, E_CASE_KEY, E_SUBJECT,
	E_RAISED_ON, E_THEME, E_CATEGORY, E_SERIOUS, E_STUCK, E_STAGE1, /* ..E_STAGE5 */
	E_TOP_STAGE = E_STAGE1 + MODEL_STAGES, E_STATUS, E_CLOSED_ON, E_LEARNING,
	E_LEARNING_THEME, E_N_SOURCES, E_STAGE0, E_OUTCOME, E_FEEDBACK_ON, E_IMMEDIATE_RISK
};
static const char *const esc_params[] = {
	":id", ":partnership", ":pseudo", ":raised_by", ":raised_with", ":case_key", ":subject",
	":raised_on", ":theme", ":category", ":serious_concern", ":stuck", ":stage1_on",
	":stage2_on", ":stage3_on", ":stage4_on", ":stage5_on", ":top_stage", ":status",
	":closed_on", ":learning", ":learning_theme", ":n_sources", ":stage0_on", ":outcome",
	":feedback_on", ":immediate_risk", NULL,
};

/* queries/stage_event_insert.sql's. */
enum { S_ESCALATION = 1, S_PARTNERSHIP, S_STAGE, S_ENTERED, S_COMPLETED, S_DUE };
static const char *const stage_params[] = {
	":escalation_id", ":partnership", ":stage", ":entered_on", ":completed_on", ":due_on", NULL,
};

/* Stage events held for stage_event_insert_many, which writes this many. */
#define HELD_EVENTS 16

struct held_event {
	long long esc;
	int pidx, stage, entered, completed, due;
};

struct escwrite {
	struct wh *w;
	const struct ref *r;
	const struct deadlines *dl;
	sqlite3_stmt *st_esc, *st_stage, *st_many, *st_drop;
	long long next_id; /* the next id to hand out; 0: not read yet */
	struct held_event held[HELD_EVENTS];
	int nheld;
};

struct escwrite *escwrite_new(struct wh *w, const struct ref *r, const struct deadlines *dl)
{
	struct escwrite *e = xcalloc(1, sizeof(*e));

	e->w = w;
	e->r = r;
	e->dl = dl;
	e->st_esc = wh_prepare(w, "escalation_insert");
	e->st_stage = wh_prepare(w, "stage_event_insert");
	e->st_many = wh_prepare(w, "stage_event_insert_many");
	e->st_drop = wh_prepare(w, "escalation_delete");
	wh_params_in_order(e->st_esc, esc_params);
	wh_params_in_order(e->st_stage, stage_params);
	return e;
}

void escwrite_free(struct escwrite *e)
{
	if (!e)
		return;
	sqlite3_finalize(e->st_esc);
	sqlite3_finalize(e->st_stage);
	sqlite3_finalize(e->st_many);
	sqlite3_finalize(e->st_drop);
	free(e);
}

static int insert_escalation(struct escwrite *e, const struct esc_rec *m, long long id)
{
	sqlite3_stmt *st = e->st_esc;
	unsigned char kc[16]; /* the key and dates bound, kept until it is stored */
	char d[MODEL_STAGES + 4][11];

	sqlite3_bind_int64(st, E_ID, id);
	wh_bind_static(st, E_PARTNERSHIP, m->partnership);
	wh_bind_static(st, E_PSEUDO, m->pseudo);
	wh_bind_static(st, E_RAISED_BY, m->raised_by);
	wh_bind_static(st, E_RAISED_WITH, m->raised_with);
	wh_bind_key_in(st, E_CASE_KEY, m->case_key, kc);
	wh_bind_static(st, E_SUBJECT, m->subject);
	wh_bind_date_in(st, E_RAISED_ON, m->raised_on, d[0]);
	wh_bind_static(st, E_THEME, m->theme);
	wh_bind_static(st, E_CATEGORY, m->category);
	sqlite3_bind_int(st, E_SERIOUS, m->serious);
	sqlite3_bind_int(st, E_STUCK, m->stuck);
	for (int n = 1; n <= MODEL_STAGES; n++)
		wh_bind_date_in(st, E_STAGE1 + n - 1, m->stage[n], d[n]);
	sqlite3_bind_int(st, E_TOP_STAGE, m->top_stage);
	wh_bind_static(st, E_STATUS, m->status);
	wh_bind_date_in(st, E_CLOSED_ON, m->closed_on, d[MODEL_STAGES + 1]);
	sqlite3_bind_int(st, E_LEARNING, m->learning);
	wh_bind_static(st, E_LEARNING_THEME, m->learning_theme);
	sqlite3_bind_int(st, E_N_SOURCES, m->n_sources);
	wh_bind_date_in(st, E_STAGE0, m->stage[0], d[MODEL_STAGES + 2]);
	wh_bind_static(st, E_OUTCOME, m->outcome);
	wh_bind_date_in(st, E_FEEDBACK_ON, m->feedback_on, d[MODEL_STAGES + 3]);
	sqlite3_bind_int(st, E_IMMEDIATE_RISK, m->immediate_risk);
	return wh_run(e->w, st, "deriving an escalation");
}

/* Bind held event h as the stage event at parameter base + 1 on. */
static void bind_event(struct escwrite *e, sqlite3_stmt *st, int base, const struct held_event *h,
		       char d[3][11])
{
	sqlite3_bind_int64(st, base + S_ESCALATION, h->esc);
	wh_bind_static(st, base + S_PARTNERSHIP, e->r->partnership[h->pidx].id);
	sqlite3_bind_int(st, base + S_STAGE, h->stage);
	wh_bind_date_in(st, base + S_ENTERED, h->entered, d[0]);
	wh_bind_date_in(st, base + S_COMPLETED, h->completed, d[1]);
	wh_bind_date_in(st, base + S_DUE, h->due, d[2]);
}

int escwrite_flush(struct escwrite *e)
{
	char d[HELD_EVENTS][3][11]; /* the dates bound, kept until stored */
	int n = e->nheld;

	e->nheld = 0;
	if (n == HELD_EVENTS) {
		for (int i = 0; i < n; i++)
			bind_event(e, e->st_many, i * (S_DUE - S_ESCALATION + 1), &e->held[i], d[i]);
		return wh_run(e->w, e->st_many, "deriving stage events");
	}
	for (int i = 0; i < n; i++) {
		bind_event(e, e->st_stage, 0, &e->held[i], d[i]);
		if (wh_run(e->w, e->st_stage, "deriving stage events"))
			return -1;
	}
	return 0;
}

/*
 * The stage events of escalation esc (DESIGN.md "Stage completion"): one
 * row per stage entered, completed on the next stage date above it, or on
 * closed_on when it is the top stage and the escalation is closed; due on
 * the deadline of the stage's timescale (model/deadline.h).  They are
 * held, and written HELD_EVENTS at a time: escwrite_flush().
 */
static int store_stage_events(struct escwrite *e, long long esc, const struct esc_rec *m)
{
	int pidx = (int)(ref_find_partnership(e->r, m->partnership) - e->r->partnership);
	int closed = strcmp(m->status, "open") != 0;

	/* stage 0, the step before stage 1, where the row records it */
	for (int n = 0; n <= MODEL_STAGES; n++) {
		int done = DATE_NONE;

		if (m->stage[n] == DATE_NONE)
			continue;
		for (int k = n + 1; k <= MODEL_STAGES && done == DATE_NONE; k++)
			done = m->stage[k];
		if (done == DATE_NONE && closed)
			done = m->closed_on;
		e->held[e->nheld++] = (struct held_event){
			.esc = esc, .pidx = pidx, .stage = n, .entered = m->stage[n], .completed = done,
			.due = deadline_due(e->dl, pidx, n, m->raised_on, m->stage[n]),
		};
		if (e->nheld == HELD_EVENTS && escwrite_flush(e))
			return -1;
	}
	return 0;
}

int escwrite_drop(struct escwrite *e, long long id)
{
	/* its stage events go with it (ON DELETE CASCADE): none may be held */
	if (escwrite_flush(e))
		return -1;
	sqlite3_bind_int64(e->st_drop, wh_param(e->st_drop, ":id"), id);
	return wh_run(e->w, e->st_drop, "replacing an escalation");
}

long long escwrite_reserve(struct escwrite *e)
{
	if (e->next_id == 0) {
		e->next_id = wh_query_int(e->w, "escalation_next_id", -1);
		if (e->next_id < 1)
			return wh_error(e->w, "reading the last escalation's id");
	}
	return e->next_id++;
}

int escwrite_put_as(struct escwrite *e, const struct esc_rec *m, long long id)
{
	if (insert_escalation(e, m, id))
		return -1;
	return store_stage_events(e, id, m);
}

int escwrite_put(struct escwrite *e, const struct esc_rec *m, long long *id)
{
	*id = escwrite_reserve(e);
	return *id < 0 ? -1 : escwrite_put_as(e, m, *id);
}
