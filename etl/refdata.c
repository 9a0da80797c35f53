/*
 * refdata.c - partnership definitions, targets, themes and the calendar
 * into the warehouse: see refdata.h.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cal.h"
#include "core/date.h"
#include "core/msg.h"
#include "refdata.h"

#define MAX_DEFINITION (1 << 20) /* a definition is a few kilobytes */

char *refdata_slurp(const char *path, size_t max)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!fp) {
		error("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	do {
		if (n + 4096 + 1 > cap) {
			cap = cap ? 2 * cap : 8192;
			buf = realloc(buf, cap);
			if (!buf)
				die(EXIT_INTERNAL, "out of memory");
		}
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (n > max) {
			error("%s: larger than %zu bytes", path, max);
			goto fail;
		}
	} while (got > 0);
	if (ferror(fp)) {
		error("%s: read error: %s", path, strerror(errno));
		goto fail;
	}
	fclose(fp);
	buf[n] = '\0';
	if (strlen(buf) != n) {
		free(buf);
		error("%s: holds a NUL byte: not a JSON text file", path);
		return NULL;
	}
	return buf;
fail:
	fclose(fp);
	free(buf);
	return NULL;
}

static cJSON *parse_json(const char *path)
{
	char *text = refdata_slurp(path, MAX_DEFINITION);
	cJSON *root;
	const char *where;

	if (!text)
		return NULL;
	/* Null-terminated: cJSON_Parse() stops after the first value and
	 * would take '{...} trailing text' (JSONTestSuite n_ cases). */
	root = cJSON_ParseWithOpts(text, NULL, 1);
	if (!root) {
		long line = 1;

		where = cJSON_GetErrorPtr();
		if (where && where >= text)
			for (const char *p = text; p < where; p++)
				line += *p == '\n';
		error("%s:%ld: not valid JSON", path, line);
	} else if (!cJSON_IsObject(root)) {
		error("%s: not a JSON object", path);
		cJSON_Delete(root);
		root = NULL;
	}
	free(text);
	return root;
}

/* A string member, or NULL (with an error unless optional). */
static const char *get_str(const char *path, const cJSON *obj, const char *ctx, const char *key,
			   int optional)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (cJSON_IsString(v) && v->valuestring[0])
		return v->valuestring;
	if (optional && (!v || cJSON_IsNull(v)))
		return NULL;
	error("%s: %s%s%s: %s", path, ctx, ctx[0] ? "." : "", key,
	      v ? "must be a non-empty string" : "missing");
	return NULL;
}

static int get_int(const char *path, const cJSON *obj, const char *ctx, const char *key, int lo,
		   int hi, int *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsNumber(v) || v->valuedouble != (double)(int)v->valuedouble ||
	    v->valueint < lo || v->valueint > hi)
		return error("%s: %s.%s: must be a whole number from %d to %d", path, ctx, key, lo, hi);
	*out = v->valueint;
	return 0;
}

/* Ids are lower-case words joined by hyphens: they name files and appear
 * in command lines. */
static int valid_id(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static int step(struct wh *w, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, what);
}

static int kind_valid(const char *k)
{
	return !strcmp(k, "by_working_day") || !strcmp(k, "within_of_raising") ||
	       !strcmp(k, "within_of_entry");
}

int refdata_partnership(struct wh *w, const char *path)
{
	cJSON *root = parse_json(path);
	const cJSON *agencies, *stages, *forums, *subjects, *a;
	const char *id, *name, *jur, *fmt;
	char *text = NULL, subj[256] = "";
	sqlite3_stmt *st = NULL;
	int rc = -1, nstage = 0;

	if (!root)
		return -1;
	fmt = get_str(path, root, "", "format", 0);
	if (!fmt)
		goto out;
	if (strcmp(fmt, "oversight-partnership/1") != 0) {
		error("%s: format: '%s' is not oversight-partnership/1", path, fmt);
		goto out;
	}
	id = get_str(path, root, "", "id", 0);
	name = get_str(path, root, "", "name", 0);
	jur = get_str(path, root, "", "jurisdiction", 0);
	if (!id || !name || !jur)
		goto out;
	if (!valid_id(id)) {
		error("%s: id: '%s' must be lower-case letters, digits and hyphens", path, id);
		goto out;
	}
	if (cal_jur_parse(jur) < 0) {
		error("%s: jurisdiction: '%s' is not england-wales or scotland", path, jur);
		goto out;
	}
	agencies = cJSON_GetObjectItemCaseSensitive(root, "agencies");
	stages = cJSON_GetObjectItemCaseSensitive(root, "stages");
	forums = cJSON_GetObjectItemCaseSensitive(root, "forums");
	subjects = cJSON_GetObjectItemCaseSensitive(root, "subjects");
	if (!cJSON_IsArray(agencies) || cJSON_GetArraySize(agencies) == 0) {
		error("%s: agencies: must be a non-empty list", path);
		goto out;
	}
	if (!cJSON_IsArray(stages) || cJSON_GetArraySize(stages) == 0 ||
	    cJSON_GetArraySize(stages) > 5) {
		error("%s: stages: must be a list of 1 to 5 stages", path);
		goto out;
	}
	if (subjects && !cJSON_IsArray(subjects)) {
		error("%s: subjects: must be a list", path);
		goto out;
	}
	cJSON_ArrayForEach(a, subjects) {
		if (!cJSON_IsString(a) || (strcmp(a->valuestring, "child") && strcmp(a->valuestring, "unborn") &&
					   strcmp(a->valuestring, "adult") && strcmp(a->valuestring, "none"))) {
			error("%s: subjects: each must be child, unborn, adult or none", path);
			goto out;
		}
		if (strlen(subj) + strlen(a->valuestring) + 2 < sizeof(subj)) {
			if (subj[0])
				strcat(subj, ",");
			strcat(subj, a->valuestring);
		}
	}
	if (!subj[0])
		snprintf(subj, sizeof(subj), "child,unborn");
	nstage = cJSON_GetArraySize(stages);

	/* Replace this partnership's reference rows.  Its local targets are
	 * kept aside and put back (a plain `init` must not lose them), except
	 * where the new definition's protocol now sets a timescale itself. */
	static const char *const clear[] = {
		"CREATE TEMP TABLE IF NOT EXISTS keep_local AS SELECT * FROM timescale WHERE 0",
		"DELETE FROM temp.keep_local WHERE partnership = ?1",
		"INSERT INTO temp.keep_local SELECT * FROM timescale WHERE partnership = ?1 AND source = 'local'",
		"DELETE FROM timescale WHERE partnership = ?1",
		"DELETE FROM stage WHERE partnership = ?1",
		"DELETE FROM agency WHERE partnership = ?1",
		"DELETE FROM forum WHERE partnership = ?1",
	};
	for (size_t i = 0; i < sizeof(clear) / sizeof(clear[0]); i++) {
		st = wh_prepare_sql(w, clear[i]);
		if (sqlite3_bind_parameter_count(st))
			sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		if (step(w, st, "replacing reference data"))
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	text = cJSON_PrintUnformatted(root);
	st = wh_prepare(w, "partnership_upsert");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	wh_bind_text_or_null(st, 3, get_str(path, root, "", "short_name", 1));
	sqlite3_bind_text(st, 4, jur, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, subj, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "reports_adults_apart")));
	sqlite3_bind_int(st, 7, nstage);
	sqlite3_bind_text(st, 8, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, path, -1, SQLITE_STATIC);
	if (step(w, st, "storing the partnership"))
		goto out;
	sqlite3_finalize(st);

	st = wh_prepare_sql(w, "INSERT INTO agency(partnership, id, name, ord) VALUES (?1, ?2, ?3, ?4)");
	int ord = 0;
	cJSON_ArrayForEach(a, agencies) {
		char ctx[32];
		const char *aid, *aname;

		snprintf(ctx, sizeof(ctx), "agencies[%d]", ord);
		aid = get_str(path, a, ctx, "id", 0);
		aname = get_str(path, a, ctx, "name", 0);
		if (!aid || !aname)
			goto out;
		if (!valid_id(aid)) {
			error("%s: %s.id: '%s' must be lower-case letters, digits and hyphens", path, ctx, aid);
			goto out;
		}
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, aid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, aname, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, ord++);
		if (sqlite3_step(st) != SQLITE_DONE) {
			error("%s: %s.id: '%s' appears twice", path, ctx, aid);
			goto out;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);

	st = wh_prepare_sql(w, "INSERT INTO stage(partnership, stage, name, holder, tier, cite) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sqlite3_stmt *ts = wh_prepare_sql(w, "INSERT INTO timescale(partnership, stage, kind, days, source, cite) "
					     "VALUES (?1, ?2, ?3, ?4, 'protocol', ?5)");
	int want = 1;
	cJSON_ArrayForEach(a, stages) {
		char ctx[32];
		int n, tier;
		const char *sname;
		const cJSON *t;

		snprintf(ctx, sizeof(ctx), "stages[%d]", want - 1);
		if (get_int(path, a, ctx, "stage", 1, 5, &n) || get_int(path, a, ctx, "tier", 0, 5, &tier))
			goto out_ts;
		if (n != want) {
			error("%s: %s.stage: %d where stage %d was expected (stages run 1, 2, ...)", path, ctx, n, want);
			goto out_ts;
		}
		sname = get_str(path, a, ctx, "name", 0);
		if (!sname)
			goto out_ts;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, n);
		sqlite3_bind_text(st, 3, sname, -1, SQLITE_STATIC);
		wh_bind_text_or_null(st, 4, get_str(path, a, ctx, "holder", 1));
		sqlite3_bind_int(st, 5, tier);
		wh_bind_text_or_null(st, 6, get_str(path, a, ctx, "cite", 1));
		if (step(w, st, "storing a stage"))
			goto out_ts;
		t = cJSON_GetObjectItemCaseSensitive(a, "timescale");
		if (t && !cJSON_IsNull(t)) {
			char tctx[48];
			const char *kind, *source;
			int days;

			snprintf(tctx, sizeof(tctx), "%s.timescale", ctx);
			kind = get_str(path, t, tctx, "kind", 0);
			source = get_str(path, t, tctx, "source", 1);
			if (!kind || get_int(path, t, tctx, "days", 1, 250, &days))
				goto out_ts;
			if (!kind_valid(kind)) {
				error("%s: %s.kind: '%s' is not by_working_day, within_of_raising or within_of_entry",
				      path, tctx, kind);
				goto out_ts;
			}
			if (source && strcmp(source, "protocol")) {
				error("%s: %s.source: a definition holds the protocol's timescales; "
				      "local targets go in a targets file", path, tctx);
				goto out_ts;
			}
			sqlite3_bind_text(ts, 1, id, -1, SQLITE_STATIC);
			sqlite3_bind_int(ts, 2, n);
			sqlite3_bind_text(ts, 3, kind, -1, SQLITE_STATIC);
			sqlite3_bind_int(ts, 4, days);
			wh_bind_text_or_null(ts, 5, get_str(path, t, tctx, "cite", 1));
			if (step(w, ts, "storing a timescale"))
				goto out_ts;
		}
		want++;
	}
	sqlite3_finalize(ts);
	sqlite3_finalize(st);
	st = NULL;

	st = wh_prepare_sql(w, "SELECT stage FROM temp.keep_local k WHERE partnership = ?1 AND "
			       "EXISTS (SELECT 1 FROM timescale t WHERE t.partnership = k.partnership "
			       "AND t.stage = k.stage)");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		warning("%s: stage %d: the protocol now sets a timescale; the local target for it is dropped",
			path, sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	st = wh_prepare_sql(w, "INSERT INTO timescale SELECT k.* FROM temp.keep_local k "
			       "WHERE k.partnership = ?1 AND EXISTS (SELECT 1 FROM stage s WHERE "
			       "s.partnership = k.partnership AND s.stage = k.stage) AND NOT EXISTS "
			       "(SELECT 1 FROM timescale t WHERE t.partnership = k.partnership AND t.stage = k.stage)");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (step(w, st, "keeping local targets"))
		goto out;
	sqlite3_finalize(st);
	st = NULL;

	if (forums && !cJSON_IsArray(forums)) {
		error("%s: forums: must be a list", path);
		goto out;
	}
	st = wh_prepare_sql(w, "INSERT INTO forum(partnership, id, name, stage, report, reports_to, description) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	int fi = 0;
	cJSON_ArrayForEach(a, forums) {
		char ctx[32];
		const char *fid, *fname;
		const cJSON *fs = cJSON_GetObjectItemCaseSensitive(a, "stage");

		snprintf(ctx, sizeof(ctx), "forums[%d]", fi++);
		fid = get_str(path, a, ctx, "id", 0);
		fname = get_str(path, a, ctx, "name", 0);
		if (!fid || !fname)
			goto out;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, fid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, fname, -1, SQLITE_STATIC);
		if (cJSON_IsNumber(fs) && fs->valueint >= 1 && fs->valueint <= nstage)
			sqlite3_bind_int(st, 4, fs->valueint);
		else if (fs && !cJSON_IsNull(fs)) {
			error("%s: %s.stage: must be a stage of the protocol (1 to %d)", path, ctx, nstage);
			goto out;
		}
		wh_bind_text_or_null(st, 5, get_str(path, a, ctx, "report", 1));
		wh_bind_text_or_null(st, 6, get_str(path, a, ctx, "reports_to", 1));
		wh_bind_text_or_null(st, 7, get_str(path, a, ctx, "description", 1));
		if (step(w, st, "storing a forum"))
			goto out;
	}
	rc = 0;
	goto out;
out_ts:
	sqlite3_finalize(ts);
out:
	sqlite3_finalize(st);
	cJSON_free(text);
	cJSON_Delete(root);
	return rc;
}

int refdata_targets(struct wh *w, const char *path)
{
	cJSON *root = parse_json(path);
	const cJSON *targets, *t;
	const char *id, *fmt;
	sqlite3_stmt *st = NULL, *q = NULL;
	int rc = -1, i = 0;

	if (!root)
		return -1;
	fmt = get_str(path, root, "", "format", 0);
	id = get_str(path, root, "", "partnership", 0);
	if (!fmt || !id)
		goto out;
	if (strcmp(fmt, "oversight-targets/1") != 0) {
		error("%s: format: '%s' is not oversight-targets/1", path, fmt);
		goto out;
	}
	q = wh_prepare_sql(w, "SELECT (SELECT count(*) FROM partnership WHERE id = ?1), "
			      "(SELECT count(*) FROM stage WHERE partnership = ?1 AND stage = ?2), "
			      "(SELECT source FROM timescale WHERE partnership = ?1 AND stage = ?2)");
	targets = cJSON_GetObjectItemCaseSensitive(root, "targets");
	if (!cJSON_IsArray(targets)) {
		error("%s: targets: must be a list", path);
		goto out;
	}
	/* Local targets replace the partnership's earlier local targets. */
	st = wh_prepare_sql(w, "DELETE FROM timescale WHERE partnership = ?1 AND source = 'local'");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (step(w, st, "replacing local targets"))
		goto out;
	sqlite3_finalize(st);
	st = wh_prepare_sql(w, "INSERT INTO timescale(partnership, stage, kind, days, source, cite) "
			       "VALUES (?1, ?2, ?3, ?4, 'local', ?5)");
	cJSON_ArrayForEach(t, targets) {
		char ctx[32];
		int n, days;
		const char *kind;

		snprintf(ctx, sizeof(ctx), "targets[%d]", i++);
		if (get_int(path, t, ctx, "stage", 1, 5, &n) || get_int(path, t, ctx, "days", 1, 250, &days))
			goto out;
		kind = get_str(path, t, ctx, "kind", 0);
		if (!kind)
			goto out;
		if (!kind_valid(kind)) {
			error("%s: %s.kind: '%s' is not by_working_day, within_of_raising or within_of_entry",
			      path, ctx, kind);
			goto out;
		}
		sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 2, n);
		if (sqlite3_step(q) != SQLITE_ROW) {
			wh_error(w, "reading stages");
			goto out;
		}
		if (sqlite3_column_int(q, 0) == 0) {
			error("%s: partnership: unknown partnership '%s'", path, id);
			goto out;
		}
		if (sqlite3_column_int(q, 1) == 0) {
			error("%s: %s.stage: %s has no stage %d", path, ctx, id, n);
			goto out;
		}
		if (sqlite3_column_type(q, 2) != SQLITE_NULL) {
			/* Never silently override what the protocol sets. */
			error("%s: %s: %s's protocol already sets a timescale for stage %d; "
			      "a local target cannot replace it", path, ctx, id, n);
			goto out;
		}
		sqlite3_reset(q);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, n);
		sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, days);
		wh_bind_text_or_null(st, 5, get_str(path, t, ctx, "reason", 1));
		if (step(w, st, "storing a local target"))
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(q);
	sqlite3_finalize(st);
	cJSON_Delete(root);
	return rc;
}

int refdata_themes(struct wh *w, const char *path)
{
	cJSON *root = parse_json(path);
	const cJSON *themes, *t;
	sqlite3_stmt *st = NULL;
	int rc = -1, i = 0;

	if (!root)
		return -1;
	themes = cJSON_GetObjectItemCaseSensitive(root, "themes");
	if (!cJSON_IsArray(themes) || cJSON_GetArraySize(themes) == 0) {
		error("%s: themes: must be a non-empty list", path);
		goto out;
	}
	st = wh_prepare_sql(w, "INSERT INTO theme(id, description, ord) VALUES (?1, ?2, ?3) "
			       "ON CONFLICT(id) DO UPDATE SET description = excluded.description, ord = excluded.ord");
	cJSON_ArrayForEach(t, themes) {
		char ctx[32];
		const char *id, *desc;

		snprintf(ctx, sizeof(ctx), "themes[%d]", i);
		id = get_str(path, t, ctx, "id", 0);
		desc = get_str(path, t, ctx, "description", 0);
		if (!id || !desc)
			goto out;
		if (!valid_id(id)) {
			error("%s: %s.id: '%s' must be lower-case letters, digits and hyphens", path, ctx, id);
			goto out;
		}
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, desc, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, i++);
		if (step(w, st, "storing a theme"))
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	cJSON_Delete(root);
	return rc;
}

int refdata_calendar(struct wh *w, int first_year, int last_year)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (wh_exec(w, "DELETE FROM calendar"))
		return -1;
	st = wh_prepare_sql(w, "INSERT INTO calendar(jurisdiction, day, is_working, wd_le, holiday) "
			       "VALUES (?1, ?2, ?3, ?4, ?5)");
	for (int j = 0; j < CAL_NJUR && rc == 0; j++) {
		int from = date_from_ymd(first_year, 1, 1), to = date_from_ymd(last_year, 12, 31);

		for (int d = from; d <= to; d++) {
			char buf[11];

			sqlite3_bind_text(st, 1, cal_jur_name((enum cal_jur)j), -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, date_format(d, buf), 10, SQLITE_TRANSIENT);
			sqlite3_bind_int(st, 3, cal_is_working_day((enum cal_jur)j, d));
			sqlite3_bind_int(st, 4, cal_wd_le((enum cal_jur)j, d));
			wh_bind_text_or_null(st, 5, cal_holiday_name((enum cal_jur)j, d));
			if (step(w, st, "building the calendar")) {
				rc = -1;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	return rc;
}
