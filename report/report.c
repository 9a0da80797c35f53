/*
 * report.c - the partnership as defined and the period's metrics, for a
 * board paper; agency names and stage labels: see report.h.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "report.h"

static void copy_col(sqlite3_stmt *st, int i, char *buf, size_t cap)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	snprintf(buf, cap, "%s", s ? s : "");
}

static void copy_json(const cJSON *o, const char *key, char *buf, size_t cap)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	snprintf(buf, cap, "%s", cJSON_IsString(v) ? v->valuestring : "");
}

int report_setup(struct report *r, struct wh *w, const char *partnership)
{
	sqlite3_stmt *st;
	cJSON *def = NULL;
	int rc;

	r->w = w;
	snprintf(r->id, sizeof(r->id), "%s", partnership);
	st = wh_prepare_sql(w, "SELECT name, COALESCE(short_name, ''), jurisdiction, adults_apart, "
			       "last_stage, definition FROM partnership WHERE id = ?1");
	sqlite3_bind_text(st, 1, partnership, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy_col(st, 0, r->name, sizeof(r->name));
		copy_col(st, 1, r->short_name, sizeof(r->short_name));
		copy_col(st, 2, r->jurisdiction, sizeof(r->jurisdiction));
		r->adults_apart = sqlite3_column_int(st, 3);
		r->last_stage = sqlite3_column_int(st, 4);
		def = cJSON_Parse((const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return error("unknown partnership '%s'", partnership);
	if (def) {
		const cJSON *proto = cJSON_GetObjectItemCaseSensitive(def, "protocol");
		const cJSON *notes = cJSON_GetObjectItemCaseSensitive(def, "notes"), *n;

		copy_json(proto, "title", r->protocol_title, sizeof(r->protocol_title));
		copy_json(proto, "principle", r->protocol_principle, sizeof(r->protocol_principle));
		copy_json(def, "timescales_note", r->timescales_note, sizeof(r->timescales_note));
		cJSON_ArrayForEach(n, notes) {
			if (cJSON_IsString(n) && r->nnote < 8)
				snprintf(r->note[r->nnote++], sizeof(r->note[0]), "%s", n->valuestring);
		}
		cJSON_Delete(def);
	}
	st = wh_prepare_sql(w, "SELECT stage, name, tier FROM stage WHERE partnership = ?1 ORDER BY stage");
	sqlite3_bind_text(st, 1, partnership, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0);

		if (s >= 1 && s <= M_MAX_STAGE) {
			copy_col(st, 1, r->stage_name[s], sizeof(r->stage_name[s]));
			r->stage_tier[s] = sqlite3_column_int(st, 2);
		}
	}
	sqlite3_finalize(st);
	st = wh_prepare_sql(w, "SELECT id, name FROM agency WHERE partnership = ?1 ORDER BY ord");
	sqlite3_bind_text(st, 1, partnership, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && r->nagency < R_MAX_AGENCY) {
		copy_col(st, 0, r->agency[r->nagency], sizeof(r->agency[0]));
		copy_col(st, 1, r->agency_name[r->nagency], sizeof(r->agency_name[0]));
		r->nagency++;
	}
	sqlite3_finalize(st);
	st = wh_prepare_sql(w, "SELECT id, name, COALESCE(stage, 0), COALESCE(report, ''), "
			       "COALESCE(reports_to, ''), COALESCE(description, '') FROM forum "
			       "WHERE partnership = ?1 ORDER BY stage, id");
	sqlite3_bind_text(st, 1, partnership, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && r->nforum < 8) {
		struct report_forum *f = &r->forum[r->nforum++];

		copy_col(st, 0, f->id, sizeof(f->id));
		copy_col(st, 1, f->name, sizeof(f->name));
		f->stage = sqlite3_column_int(st, 2);
		copy_col(st, 3, f->report, sizeof(f->report));
		copy_col(st, 4, f->reports_to, sizeof(f->reports_to));
		copy_col(st, 5, f->description, sizeof(f->description));
	}
	sqlite3_finalize(st);

	r->m = calloc(1, sizeof(*r->m));
	r->prev = calloc(1, sizeof(*r->prev));
	if (!r->m || !r->prev)
		die(EXIT_INTERNAL, "out of memory");
	if (metrics_compute(w, partnership, &r->period, r->measure, r->m))
		return -1;
	if (r->period.q) {
		struct period pp = r->period;
		int y = r->period.year, q = r->period.q - 1;

		if (q == 0) {
			q = 4;
			y--;
		}
		pp.year = y;
		pp.q = q;
		pp.from = date_quarter_start(y, q);
		pp.to = date_quarter_end(y, q);
		pp.as_of = pp.to;
		if (metrics_compute(w, partnership, &pp, r->measure, r->prev))
			return -1;
	} else {
		free(r->prev);
		r->prev = NULL;
	}
	if (r->period.q)
		snprintf(r->period_name, sizeof(r->period_name), "%04d-Q%d", r->period.year, r->period.q);
	else {
		char a[11], b[11];

		snprintf(r->period_name, sizeof(r->period_name), "%s_%s", date_format(r->period.from, a),
			 date_format(r->period.to, b));
	}
	return 0;
}

void report_release(struct report *r)
{
	free(r->m);
	free(r->prev);
	r->m = r->prev = NULL;
}

const char *report_agency_name(const struct report *r, const char *id)
{
	for (int i = 0; i < r->nagency; i++)
		if (strcmp(r->agency[i], id) == 0)
			return r->agency_name[i];
	return id;
}

const char *report_stage_label(const struct report *r, int stage, char *buf, size_t cap)
{
	if (stage >= 1 && stage <= M_MAX_STAGE && r->stage_name[stage][0])
		snprintf(buf, cap, "Stage %d: %s", stage, r->stage_name[stage]);
	else
		snprintf(buf, cap, "Stage %d", stage);
	return buf;
}
