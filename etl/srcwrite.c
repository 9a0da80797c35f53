/*
 * srcwrite.c - a source row version, written: see srcwrite.h.
 */
#include "core/date.h"
#include "srcwrite.h"

/* queries/source_insert.sql's parameters, in their order. */
enum {
	P_PARTNERSHIP = 1, P_REF, P_LOAD_ID, P_LINE, P_DIGEST, P_RAISED_BY, P_RAISED_WITH,
	P_CASE_KEY, P_SUBJECT, P_RAISED_ON, P_THEME, P_CATEGORY, P_SERIOUS, P_STUCK,
	P_STAGE1, /* ..P_STAGE5 */
	P_STATUS = P_STAGE1 + MODEL_STAGES, P_CLOSED_ON, P_LEARNING, P_LEARNING_THEME,
	P_ESCALATION_ID, P_STAGE0, P_OUTCOME, P_FEEDBACK_ON, P_IMMEDIATE_RISK
};
static const char *const params[] = {
	":partnership", ":ref", ":load_id", ":line", ":digest", ":raised_by", ":raised_with",
	":case_key", ":subject", ":raised_on", ":theme", ":category", ":serious_concern", ":stuck",
	":stage1_on", ":stage2_on", ":stage3_on", ":stage4_on", ":stage5_on", ":status",
	":closed_on", ":learning", ":learning_theme", ":escalation_id", ":stage0_on", ":outcome",
	":feedback_on", ":immediate_risk", NULL,
};

sqlite3_stmt *srcwrite_prepare(struct wh *w)
{
	sqlite3_stmt *st = wh_prepare(w, "source_insert");

	wh_params_in_order(st, params);
	return st;
}

int srcwrite_put(struct wh *w, sqlite3_stmt *st, long long load_id, long line,
		 const struct canon *c, const char *ck, const char *digest, long long esc)
{
	/* the keys and dates bound, kept until the row is stored */
	unsigned char kd[16], kc[16];
	char d[MODEL_STAGES + 4][11];

	wh_bind_static(st, P_PARTNERSHIP, c->p->id);
	wh_bind_static(st, P_REF, c->ref);
	sqlite3_bind_int64(st, P_LOAD_ID, load_id);
	sqlite3_bind_int64(st, P_LINE, line);
	wh_bind_key_in(st, P_DIGEST, digest, kd);
	wh_bind_static(st, P_RAISED_BY, c->raised_by);
	wh_bind_static(st, P_RAISED_WITH, c->raised_with);
	wh_bind_key_in(st, P_CASE_KEY, ck, kc);
	wh_bind_static(st, P_SUBJECT, c->subject);
	wh_bind_date_in(st, P_RAISED_ON, c->raised_on, d[0]);
	wh_bind_static(st, P_THEME, c->theme);
	wh_bind_static(st, P_CATEGORY, c->category);
	sqlite3_bind_int(st, P_SERIOUS, c->serious);
	sqlite3_bind_int(st, P_STUCK, c->stuck);
	for (int n = 1; n <= MODEL_STAGES; n++)
		wh_bind_date_in(st, P_STAGE1 + n - 1, c->stage[n], d[n]);
	wh_bind_static(st, P_STATUS, c->status);
	wh_bind_date_in(st, P_CLOSED_ON, c->closed_on, d[MODEL_STAGES + 1]);
	sqlite3_bind_int(st, P_LEARNING, c->learning);
	wh_bind_static(st, P_LEARNING_THEME, c->learning_theme);
	if (esc)
		sqlite3_bind_int64(st, P_ESCALATION_ID, esc);
	else
		sqlite3_bind_null(st, P_ESCALATION_ID);
	wh_bind_date_in(st, P_STAGE0, c->stage[0], d[MODEL_STAGES + 2]);
	wh_bind_static(st, P_OUTCOME, c->outcome);
	wh_bind_date_in(st, P_FEEDBACK_ON, c->feedback_on, d[MODEL_STAGES + 3]);
	sqlite3_bind_int(st, P_IMMEDIATE_RISK, c->immediate_risk);
	return wh_run(w, st, "storing a row");
}

/* The load record: its id is sqlite3_last_insert_rowid(). */
int srcwrite_load(struct wh *w, const char *file, const char *sha256, const char *profile)
{
	sqlite3_stmt *st = wh_prepare(w, "load_insert");
	int rc;

	sqlite3_bind_text(st, wh_param(st, ":file"), file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":sha256"), sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, wh_param(st, ":profile"), profile, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "recording the load");
}
