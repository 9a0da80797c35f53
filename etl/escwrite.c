/*
 * escwrite.c - a derived escalation and its stage events: see escwrite.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "core/util.h"
#include "escwrite.h"
#include "model/stages.h"

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

/*
 * Escalations and stage events are held, and written sixteen to a run of
 * escalation_insert_many and stage_event_insert_many, the rest one by one
 * by escwrite_flush().  A held event's escalation may be held too, so the
 * events are written only after the escalations (a stage event names its
 * escalation: REFERENCES); room for the events of sixteen escalations and
 * fifteen more left over.
 */
#define HELD 16
#define HELD_EVENTS (HELD * (MODEL_STAGES + 1) + HELD - 1)
#define HELD_TEXT 1100 /* an escalation's strings: canon.c's caps, and NULs */
#define DROPS 3       /* the statements that drop an escalation (st_drop) */

struct held_esc {
	long long id;
	struct esc_rec m;            /* its strings in text */
	int stage[MODEL_STAGES + 1];
	char text[HELD_TEXT];
};

struct held_event {
	long long esc;
	int pidx, stage, entered, completed, due;
};

struct escwrite {
	struct wh *w;
	const struct ref *r;
	const struct deadlines *dl;
	sqlite3_stmt *st_esc, *st_esc_many, *st_stage, *st_many, *st_conflict;
	/* dropping an escalation: its stage events, its conflicts, itself */
	sqlite3_stmt *st_drop[DROPS];
	long long next_id; /* the next id to hand out; 0: not read yet */
	size_t text_room;  /* of each held_esc's text: HELD_TEXT, or less */
	struct held_esc esc[HELD];
	int nesc;
	struct held_event held[HELD_EVENTS];
	int nheld;
};

struct escwrite *escwrite_new(struct wh *w, const struct ref *r, const struct deadlines *dl)
{
	struct escwrite *e = xcalloc(1, sizeof(*e));

	e->w = w;
	e->r = r;
	e->dl = dl;
	e->text_room = (size_t)util_env_int("OVERSIGHT_HELD_TEXT", 1, HELD_TEXT - 1, HELD_TEXT);
	e->st_esc = wh_prepare(w, "escalation_insert");
	e->st_esc_many = wh_prepare(w, "escalation_insert_many");
	e->st_stage = wh_prepare(w, "stage_event_insert");
	e->st_many = wh_prepare(w, "stage_event_insert_many");
	e->st_drop[0] = wh_prepare(w, "stage_event_delete");
	e->st_drop[1] = wh_prepare(w, "conflict_delete");
	e->st_drop[2] = wh_prepare(w, "escalation_delete");
	e->st_conflict = wh_prepare(w, "conflict_insert");
	wh_params_in_order(e->st_esc, esc_params);
	wh_params_in_order(e->st_stage, stage_params);
	if (sqlite3_bind_parameter_count(e->st_esc_many) != HELD * E_IMMEDIATE_RISK ||
	    sqlite3_bind_parameter_count(e->st_many) != HELD * S_DUE)
		die(EXIT_INTERNAL, "the statements that write %d rows at once do not", HELD);
	return e;
}

void escwrite_free(struct escwrite *e)
{
	if (!e)
		return;
	sqlite3_finalize(e->st_esc);
	sqlite3_finalize(e->st_esc_many);
	sqlite3_finalize(e->st_stage);
	sqlite3_finalize(e->st_many);
	for (int i = 0; i < DROPS; i++)
		sqlite3_finalize(e->st_drop[i]);
	sqlite3_finalize(e->st_conflict);
	free(e);
}

/* What bind_escalation() binds from memory of its own: a case key and the
 * dates, kept until the statement has run. */
struct esc_bufs {
	unsigned char key[16];
	char d[MODEL_STAGES + 4][11];
};

/* Bind m, escalation id, as the escalation at parameter base + 1 on. */
static void bind_escalation(sqlite3_stmt *st, int base, const struct esc_rec *m, long long id,
			    struct esc_bufs *b)
{
	sqlite3_bind_int64(st, base + E_ID, id);
	wh_bind_static(st, base + E_PARTNERSHIP, m->partnership);
	wh_bind_static(st, base + E_PSEUDO, m->pseudo);
	wh_bind_static(st, base + E_RAISED_BY, m->raised_by);
	wh_bind_static(st, base + E_RAISED_WITH, m->raised_with);
	wh_bind_key_in(st, base + E_CASE_KEY, m->case_key, b->key);
	wh_bind_static(st, base + E_SUBJECT, m->subject);
	wh_bind_date_in(st, base + E_RAISED_ON, m->raised_on, b->d[0]);
	wh_bind_static(st, base + E_THEME, m->theme);
	wh_bind_static(st, base + E_CATEGORY, m->category);
	sqlite3_bind_int(st, base + E_SERIOUS, m->serious);
	sqlite3_bind_int(st, base + E_STUCK, m->stuck);
	for (int n = 1; n <= MODEL_STAGES; n++)
		wh_bind_date_in(st, base + E_STAGE1 + n - 1, m->stage[n], b->d[n]);
	sqlite3_bind_int(st, base + E_TOP_STAGE, m->top_stage);
	wh_bind_static(st, base + E_STATUS, m->status);
	wh_bind_date_in(st, base + E_CLOSED_ON, m->closed_on, b->d[MODEL_STAGES + 1]);
	sqlite3_bind_int(st, base + E_LEARNING, m->learning);
	wh_bind_static(st, base + E_LEARNING_THEME, m->learning_theme);
	sqlite3_bind_int(st, base + E_N_SOURCES, m->n_sources);
	wh_bind_date_in(st, base + E_STAGE0, m->stage[0], b->d[MODEL_STAGES + 2]);
	wh_bind_static(st, base + E_OUTCOME, m->outcome);
	wh_bind_date_in(st, base + E_FEEDBACK_ON, m->feedback_on, b->d[MODEL_STAGES + 3]);
	sqlite3_bind_int(st, base + E_IMMEDIATE_RISK, m->immediate_risk);
}

static int insert_escalation(struct escwrite *e, const struct esc_rec *m, long long id)
{
	struct esc_bufs b;

	bind_escalation(e->st_esc, 0, m, id, &b);
	return wh_run(e->w, e->st_esc, "deriving an escalation");
}

/* A copy of s at *at, before end (NULL stays NULL); *at NULL once a copy
 * would not fit. */
static const char *keep(char **at, const char *end, const char *s)
{
	char *c = *at;
	size_t n;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	if (!c || n > (size_t)(end - c)) {
		*at = NULL;
		return NULL;
	}
	memcpy(c, s, n);
	*at = c + n;
	return c;
}

/* Hold m as escalation id, its strings copied: 0, or -1 when they would
 * not fit (it is then written at once). */
static int hold_escalation(struct escwrite *e, const struct esc_rec *m, long long id)
{
	struct held_esc *h = &e->esc[e->nesc];
	char *at = h->text, *end = h->text + e->text_room;

	h->id = id;
	h->m = *m;
	memcpy(h->stage, m->stage, sizeof(h->stage));
	h->m.stage = h->stage;
	h->m.partnership = keep(&at, end, m->partnership);
	h->m.pseudo = keep(&at, end, m->pseudo);
	h->m.raised_by = keep(&at, end, m->raised_by);
	h->m.raised_with = keep(&at, end, m->raised_with);
	h->m.case_key = keep(&at, end, m->case_key);
	h->m.subject = keep(&at, end, m->subject);
	h->m.theme = keep(&at, end, m->theme);
	h->m.category = keep(&at, end, m->category);
	h->m.status = keep(&at, end, m->status);
	h->m.learning_theme = keep(&at, end, m->learning_theme);
	h->m.outcome = keep(&at, end, m->outcome);
	if (!at)
		return -1;
	e->nesc++;
	return 0;
}

/* Write the escalations held: sixteen in one run, or each in its own. */
static int write_escalations(struct escwrite *e)
{
	struct esc_bufs b[HELD];
	int n = e->nesc;

	e->nesc = 0;
	if (n == HELD) {
		for (int i = 0; i < n; i++)
			bind_escalation(e->st_esc_many, i * E_IMMEDIATE_RISK, &e->esc[i].m, e->esc[i].id,
					&b[i]);
		return wh_run(e->w, e->st_esc_many, "deriving escalations");
	}
	for (int i = 0; i < n; i++)
		if (insert_escalation(e, &e->esc[i].m, e->esc[i].id))
			return -1;
	return 0;
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

/* Write the held stage events, every escalation of theirs written: each
 * sixteen in one run; the rest too when all, else kept. */
static int write_events(struct escwrite *e, int all)
{
	char d[HELD][3][11]; /* the dates bound, kept until stored */
	int i = 0;

	for (; e->nheld - i >= HELD; i += HELD) {
		for (int k = 0; k < HELD; k++)
			bind_event(e, e->st_many, k * S_DUE, &e->held[i + k], d[k]);
		if (wh_run(e->w, e->st_many, "deriving stage events"))
			return -1;
	}
	for (; all && i < e->nheld; i++) {
		bind_event(e, e->st_stage, 0, &e->held[i], d[0]);
		if (wh_run(e->w, e->st_stage, "deriving stage events"))
			return -1;
	}
	memmove(e->held, e->held + i, (size_t)(e->nheld - i) * sizeof(*e->held));
	e->nheld -= i;
	return 0;
}

/* Write the escalations held, and their events: all, or each sixteen. */
static int write_held(struct escwrite *e, int all)
{
	return write_escalations(e) || write_events(e, all) ? -1 : 0;
}

int escwrite_flush(struct escwrite *e)
{
	return write_held(e, 1);
}

/*
 * The stage events of escalation esc: one row per stage entered, completed
 * as model/stages.h says, due on the deadline of the stage's timescale
 * (model/deadline.h).  They are held, as the escalation is: see HELD.
 */
static int hold_stage_events(struct escwrite *e, long long esc, const struct esc_rec *m)
{
	int pidx = (int)(ref_find_partnership(e->r, m->partnership) - e->r->partnership);
	int done[MODEL_STAGES + 1];

	/* never, as the events are written with the escalations (HELD) */
	if (e->nheld > HELD_EVENTS - (MODEL_STAGES + 1) && escwrite_flush(e))
		return -1;
	stage_completions(m->stage, strcmp(m->status, "open") ? m->closed_on : DATE_NONE, done);
	/* stage 0, the step before stage 1, where the row records it */
	for (int n = 0; n <= MODEL_STAGES; n++) {
		if (m->stage[n] == DATE_NONE)
			continue;
		e->held[e->nheld++] = (struct held_event){
			.esc = esc, .pidx = pidx, .stage = n, .entered = m->stage[n],
			.completed = done[n],
			.due = deadline_due(e->dl, pidx, n, m->raised_on, m->stage[n]),
		};
	}
	return 0;
}

int escwrite_drop(struct escwrite *e, long long id)
{
	/* Its stage events and conflicts first, none of them held: deleted
	 * here, not left to ON DELETE CASCADE, which does not run in a first
	 * load held alone (etl/alone.h). */
	if (escwrite_flush(e))
		return -1;
	for (int i = 0; i < DROPS; i++) {
		sqlite3_bind_int64(e->st_drop[i], wh_param(e->st_drop[i], ":id"), id);
		if (wh_run(e->w, e->st_drop[i], "replacing an escalation"))
			return -1;
	}
	return 0;
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
	int held = hold_escalation(e, m, id) == 0;

	if (!held && insert_escalation(e, m, id))
		return -1;
	if (hold_stage_events(e, id, m))
		return -1;
	return held && e->nesc < HELD ? 0 : write_held(e, 0);
}

int escwrite_conflict(struct escwrite *e, long long esc, const char *field, const char *kept,
		      const char *other)
{
	sqlite3_stmt *st = e->st_conflict;

	/* a conflict names its escalation (REFERENCES): written first */
	if (write_held(e, 0))
		return -1;
	sqlite3_bind_int64(st, wh_param(st, ":escalation_id"), esc);
	sqlite3_bind_text(st, wh_param(st, ":field"), field, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, wh_param(st, ":kept"), kept, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, wh_param(st, ":other"), other, -1, SQLITE_TRANSIENT);
	return wh_run(e->w, st, "recording a reconciliation conflict");
}

int escwrite_put(struct escwrite *e, const struct esc_rec *m, long long *id)
{
	*id = escwrite_reserve(e);
	return *id < 0 ? -1 : escwrite_put_as(e, m, *id);
}
