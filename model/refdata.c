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
#include "core/cli.h"
#include "core/date.h"
#include "core/embed.h"
#include "core/msg.h"
#include "core/util.h"
#include "proto.h"
#include "refdata.h"

#define MAX_DEFINITION (1 << 20) /* a definition is a few kilobytes */

char *refdata_slurp(const char *path, size_t max)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n = 0;
	int err;

	if (!fp) {
		error("%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	buf = util_slurp_fp(fp, max, &n);
	err = errno;
	fclose(fp);
	if (!buf) {
		if (err == EFBIG)
			error("%s: larger than %zu bytes", path, max);
		else
			error("%s: read error: %s", path, strerror(err));
		return NULL;
	}
	if (strlen(buf) != n) {
		free(buf);
		error("%s: holds a NUL byte: not a JSON text file", path);
		return NULL;
	}
	return buf;
}

static cJSON *parse_json(const char *path)
{
	size_t len;
	char *text = refdata_slurp(path, MAX_DEFINITION);
	cJSON *root;

	if (!text)
		return NULL;
	len = strlen(text);
	root = util_json_parse(path, text, len);
	if (root && !cJSON_IsObject(root)) {
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

/* Step, reset and clear: a statement reused per item binds afresh. */
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

static void bind_text(sqlite3_stmt *st, const char *name, const char *s)
{
	sqlite3_bind_text(st, wh_param(st, name), s, -1, SQLITE_STATIC);
}

static void bind_opt(sqlite3_stmt *st, const char *name, const char *s)
{
	wh_bind_text_or_null(st, wh_param(st, name), s);
}

static void bind_int(sqlite3_stmt *st, const char *name, int v)
{
	sqlite3_bind_int(st, wh_param(st, name), v);
}

/* The subjects a definition covers, as "child,unborn" (the default). */
static int read_subjects(const char *path, const cJSON *subjects, char *subj, size_t cap)
{
	const cJSON *a;

	subj[0] = '\0';
	if (subjects && !cJSON_IsArray(subjects))
		return error("%s: subjects: must be a list", path);
	cJSON_ArrayForEach(a, subjects) {
		if (!cJSON_IsString(a) || (strcmp(a->valuestring, "child") && strcmp(a->valuestring, "unborn") &&
					   strcmp(a->valuestring, "adult") && strcmp(a->valuestring, "none")))
			return error("%s: subjects: each must be child, unborn, adult or none", path);
		if (strlen(subj) + strlen(a->valuestring) + 2 < cap) {
			if (subj[0])
				strcat(subj, ",");
			strcat(subj, a->valuestring);
		}
	}
	if (!subj[0])
		snprintf(subj, cap, "child,unborn");
	return 0;
}

/* The head of a definition: format, id, name, jurisdiction, the lists. */
static int check_definition(const char *path, const cJSON *root, const char **id)
{
	const char *fmt, *name, *jur;
	const cJSON *agencies, *stages;

	fmt = get_str(path, root, "", "format", 0);
	if (!fmt)
		return -1;
	if (strcmp(fmt, "oversight-partnership/1") != 0)
		return error("%s: format: '%s' is not oversight-partnership/1", path, fmt);
	*id = get_str(path, root, "", "id", 0);
	name = get_str(path, root, "", "name", 0);
	jur = get_str(path, root, "", "jurisdiction", 0);
	if (!*id || !name || !jur)
		return -1;
	if (!valid_id(*id))
		return error("%s: id: '%s' must be lower-case letters, digits and hyphens", path, *id);
	if (cal_jur_parse(jur) < 0)
		return error("%s: jurisdiction: '%s' is not england-wales or scotland", path, jur);
	agencies = cJSON_GetObjectItemCaseSensitive(root, "agencies");
	stages = cJSON_GetObjectItemCaseSensitive(root, "stages");
	if (!cJSON_IsArray(agencies) || cJSON_GetArraySize(agencies) == 0)
		return error("%s: agencies: must be a non-empty list", path);
	if (!cJSON_IsArray(stages) || cJSON_GetArraySize(stages) == 0 ||
	    cJSON_GetArraySize(stages) > MODEL_STAGES)
		return error("%s: stages: must be a list of 1 to %d stages", path, MODEL_STAGES);
	return 0;
}

static int store_partnership(struct wh *w, const char *path, const cJSON *root, const char *id,
			     const char *subj, int nstage)
{
	sqlite3_stmt *st = wh_prepare(w, "partnership_upsert");
	char *text = cJSON_PrintUnformatted(root);
	int rc;

	bind_text(st, ":id", id);
	bind_text(st, ":name", get_str(path, root, "", "name", 0));
	bind_opt(st, ":short_name", get_str(path, root, "", "short_name", 1));
	bind_text(st, ":jurisdiction", get_str(path, root, "", "jurisdiction", 0));
	bind_text(st, ":subjects", subj);
	bind_int(st, ":adults_apart",
		 cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "reports_adults_apart")));
	bind_int(st, ":last_stage", nstage);
	bind_text(st, ":definition", text);
	bind_text(st, ":source_file", path);
	rc = step(w, st, "storing the partnership");
	sqlite3_finalize(st);
	cJSON_free(text);
	return rc;
}

static int store_agencies(struct wh *w, const char *path, const cJSON *agencies, const char *id)
{
	sqlite3_stmt *st = wh_prepare(w, "agency_insert");
	const cJSON *a;
	int ord = 0, rc = -1;

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
		bind_text(st, ":partnership", id);
		bind_text(st, ":id", aid);
		bind_text(st, ":name", aname);
		bind_int(st, ":ord", ord++);
		if (sqlite3_step(st) != SQLITE_DONE) {
			error("%s: %s.id: '%s' appears twice", path, ctx, aid);
			goto out;
		}
		sqlite3_reset(st);
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

/*
 * The two readings of a timescale where the protocol gives two (NEL stage
 * 4: "by working day 15" in the flowchart, 11 in the supporting text): t's
 * "reading" names the chosen one, its "alternative" the other, with a
 * "reading", a "kind" and "days" of its own (and an optional "cite").  The
 * figures use the chosen one; the papers show both (model/proto.h reads
 * them back from the stored definition).
 */
static int check_alternative(const char *path, const cJSON *t, const char *tctx, const char *kind,
			     int days)
{
	const cJSON *alt = cJSON_GetObjectItemCaseSensitive(t, "alternative");
	const cJSON *reading = cJSON_GetObjectItemCaseSensitive(t, "reading");
	const char *akind, *areading;
	char actx[64];
	int adays;

	if (reading && !cJSON_IsNull(reading) && !get_str(path, t, tctx, "reading", 1))
		return -1;
	if (!alt || cJSON_IsNull(alt))
		return 0;
	if (!cJSON_IsObject(alt))
		return error("%s: %s.alternative: must be an object (reading, kind, days)", path, tctx);
	if (!get_str(path, t, tctx, "reading", 0))
		return -1;
	snprintf(actx, sizeof(actx), "%s.alternative", tctx);
	areading = get_str(path, alt, actx, "reading", 0);
	akind = get_str(path, alt, actx, "kind", 0);
	if (!areading || !akind || get_int(path, alt, actx, "days", 1, 250, &adays) ||
	    (cJSON_GetObjectItemCaseSensitive(alt, "cite") && !get_str(path, alt, actx, "cite", 1)))
		return -1;
	if (!kind_valid(akind))
		return error("%s: %s.kind: '%s' is not by_working_day, within_of_raising or within_of_entry",
			     path, actx, akind);
	if (!strcmp(akind, kind) && adays == days)
		return error("%s: %s: the same timescale as the chosen reading", path, actx);
	if (!strcmp(areading, get_str(path, t, tctx, "reading", 0)))
		return error("%s: %s.reading: '%s' is the chosen reading's name too", path, actx, areading);
	return 0;
}

/* The protocol's timescale t of stage n (ctx names the stage). */
static int store_timescale(struct wh *w, sqlite3_stmt *ts, const char *path, const cJSON *t,
			   const char *ctx, const char *id, int n)
{
	char tctx[48];
	const char *kind, *source;
	int days;

	snprintf(tctx, sizeof(tctx), "%s.timescale", ctx);
	kind = get_str(path, t, tctx, "kind", 0);
	source = get_str(path, t, tctx, "source", 1);
	if (!kind || get_int(path, t, tctx, "days", 1, 250, &days))
		return -1;
	if (!kind_valid(kind))
		return error("%s: %s.kind: '%s' is not by_working_day, within_of_raising or within_of_entry",
			     path, tctx, kind);
	if (source && strcmp(source, "protocol"))
		return error("%s: %s.source: a definition holds the protocol's timescales; "
			     "local targets go in a targets file", path, tctx);
	if (check_alternative(path, t, tctx, kind, days))
		return -1;
	bind_text(ts, ":partnership", id);
	bind_int(ts, ":stage", n);
	bind_text(ts, ":kind", kind);
	bind_int(ts, ":days", days);
	bind_text(ts, ":source", "protocol");
	bind_opt(ts, ":cite", get_str(path, t, tctx, "cite", 1));
	return step(w, ts, "storing a timescale");
}

/*
 * The step before stage 1 where the protocol has one (DESIGN.md "Informal
 * resolution": Dumfries and Galloway's Pre-escalation, Perth and Kinross's
 * Resolution, North East Lincolnshire's Attempt Resolution): stored as
 * stage 0, tier 0 (practitioners), with no timescale.
 */
static int store_pre_stage(struct wh *w, const char *path, const cJSON *root, const char *id)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, "pre_stage");
	sqlite3_stmt *st;
	const char *sname;
	int rc;

	if (!a || cJSON_IsNull(a))
		return 0;
	if (!cJSON_IsObject(a))
		return error("%s: pre_stage: must be an object {\"name\", \"holder\", \"cite\"}", path);
	sname = get_str(path, a, "pre_stage", "name", 0);
	if (!sname)
		return -1;
	if (cJSON_GetObjectItemCaseSensitive(a, "timescale"))
		return error("%s: pre_stage.timescale: the step before stage 1 has no timescale", path);
	st = wh_prepare(w, "stage_insert");
	bind_text(st, ":partnership", id);
	bind_int(st, ":stage", 0);
	bind_text(st, ":name", sname);
	bind_opt(st, ":holder", get_str(path, a, "pre_stage", "holder", 1));
	bind_int(st, ":tier", 0);
	bind_opt(st, ":cite", get_str(path, a, "pre_stage", "cite", 1));
	rc = step(w, st, "storing the step before stage 1");
	sqlite3_finalize(st);
	return rc;
}

static int store_stages(struct wh *w, const char *path, const cJSON *stages, const char *id)
{
	sqlite3_stmt *st = wh_prepare(w, "stage_insert"), *ts = wh_prepare(w, "timescale_insert");
	const cJSON *a;
	int want = 1, rc = -1;

	cJSON_ArrayForEach(a, stages) {
		char ctx[32];
		int n, tier;
		const char *sname;
		const cJSON *t;

		snprintf(ctx, sizeof(ctx), "stages[%d]", want - 1);
		if (get_int(path, a, ctx, "stage", 1, MODEL_STAGES, &n) ||
		    get_int(path, a, ctx, "tier", 0, 5, &tier))
			goto out;
		if (n != want) {
			error("%s: %s.stage: %d where stage %d was expected (stages run 1, 2, ...)", path, ctx, n, want);
			goto out;
		}
		sname = get_str(path, a, ctx, "name", 0);
		if (!sname)
			goto out;
		bind_text(st, ":partnership", id);
		bind_int(st, ":stage", n);
		bind_text(st, ":name", sname);
		bind_opt(st, ":holder", get_str(path, a, ctx, "holder", 1));
		bind_int(st, ":tier", tier);
		bind_opt(st, ":cite", get_str(path, a, ctx, "cite", 1));
		if (step(w, st, "storing a stage"))
			goto out;
		t = cJSON_GetObjectItemCaseSensitive(a, "timescale");
		if (t && !cJSON_IsNull(t) && store_timescale(w, ts, path, t, ctx, id, n))
			goto out;
		want++;
	}
	rc = 0;
out:
	sqlite3_finalize(ts);
	sqlite3_finalize(st);
	return rc;
}

/* Put back the local targets partnership_clear kept aside, except where
 * the new definition's protocol now sets a timescale itself. */
static int restore_local(struct wh *w, const char *path, const char *id)
{
	sqlite3_stmt *st = wh_prepare(w, "keep_local_dropped");
	int rc;

	bind_text(st, ":partnership", id);
	while (sqlite3_step(st) == SQLITE_ROW)
		warning("%s: stage %d: the protocol now sets a timescale; the local target for it is dropped",
			path, sqlite3_column_int(st, 0));
	sqlite3_finalize(st);
	st = wh_prepare(w, "keep_local_restore");
	bind_text(st, ":partnership", id);
	rc = step(w, st, "keeping local targets");
	sqlite3_finalize(st);
	return rc;
}

/* A forum whose paper counts only some subjects (NEL: children go to the
 * SCP chair, adults to the SAB chair): "subject", children or adults. */
static int check_forum_subject(const char *path, const cJSON *a, const char *ctx)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(a, "subject");

	if (!v || cJSON_IsNull(v))
		return 0;
	if (!cJSON_IsString(v) || cli_subject_parse(v->valuestring) <= 0)
		return error("%s: %s.subject: must be children or adults", path, ctx);
	return 0;
}

static int store_forums(struct wh *w, const char *path, const cJSON *forums, const char *id, int nstage)
{
	sqlite3_stmt *st;
	const cJSON *a;
	int fi = 0, rc = -1;

	if (forums && !cJSON_IsArray(forums))
		return error("%s: forums: must be a list", path);
	st = wh_prepare(w, "forum_insert");
	cJSON_ArrayForEach(a, forums) {
		char ctx[32];
		const char *fid, *fname;
		const cJSON *fs = cJSON_GetObjectItemCaseSensitive(a, "stage");

		snprintf(ctx, sizeof(ctx), "forums[%d]", fi++);
		fid = get_str(path, a, ctx, "id", 0);
		fname = get_str(path, a, ctx, "name", 0);
		if (!fid || !fname)
			goto out;
		bind_text(st, ":partnership", id);
		bind_text(st, ":id", fid);
		bind_text(st, ":name", fname);
		if (cJSON_IsNumber(fs) && fs->valueint >= 1 && fs->valueint <= nstage)
			bind_int(st, ":stage", fs->valueint);
		else if (fs && !cJSON_IsNull(fs)) {
			error("%s: %s.stage: must be a stage of the protocol (1 to %d)", path, ctx, nstage);
			goto out;
		}
		if (check_forum_subject(path, a, ctx))
			goto out;
		bind_opt(st, ":report", get_str(path, a, ctx, "report", 1));
		bind_opt(st, ":reports_to", get_str(path, a, ctx, "reports_to", 1));
		bind_opt(st, ":description", get_str(path, a, ctx, "description", 1));
		/* onward: read by the reports from the stored definition;
		 * checked here like the stored fields */
		if (cJSON_GetObjectItemCaseSensitive(a, "onward") &&
		    !cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(a, "onward")) &&
		    !get_str(path, a, ctx, "onward", 1))
			goto out;
		if (step(w, st, "storing a forum"))
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

int refdata_partnership(struct wh *w, const char *path)
{
	cJSON *root = parse_json(path);
	const char *id = NULL;
	char subj[256];
	int rc = -1, nstage;

	if (!root)
		return -1;
	if (check_definition(path, root, &id) ||
	    read_subjects(path, cJSON_GetObjectItemCaseSensitive(root, "subjects"), subj, sizeof(subj)))
		goto out;
	nstage = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "stages"));
	/* Replace this partnership's reference rows, keeping its local
	 * targets aside (a plain `init` must not lose them). */
	if (wh_run_script(w, "partnership_clear", ":partnership", id, "replacing reference data") ||
	    store_partnership(w, path, root, id, subj, nstage) ||
	    store_agencies(w, path, cJSON_GetObjectItemCaseSensitive(root, "agencies"), id) ||
	    store_stages(w, path, cJSON_GetObjectItemCaseSensitive(root, "stages"), id) ||
	    store_pre_stage(w, path, root, id) ||
	    restore_local(w, path, id) ||
	    store_forums(w, path, cJSON_GetObjectItemCaseSensitive(root, "forums"), id, nstage))
		goto out;
	rc = 0;
out:
	cJSON_Delete(root);
	return rc;
}

/* Check target t (stage n of partnership id) against the stored protocol:
 * the partnership and the stage exist and the protocol sets no timescale. */
static int check_target(struct wh *w, sqlite3_stmt *q, const char *path, const char *ctx,
			const char *id, int n)
{
	int rc = -1;

	bind_text(q, ":partnership", id);
	bind_int(q, ":stage", n);
	if (sqlite3_step(q) != SQLITE_ROW)
		return wh_error(w, "reading stages");
	if (sqlite3_column_int(q, 0) == 0)
		error("%s: partnership: unknown partnership '%s'", path, id);
	else if (sqlite3_column_int(q, 1) == 0)
		error("%s: %s.stage: %s has no stage %d", path, ctx, id, n);
	else if (sqlite3_column_type(q, 2) != SQLITE_NULL)
		/* Never silently override what the protocol sets. */
		error("%s: %s: %s's protocol already sets a timescale for stage %d; "
		      "a local target cannot replace it", path, ctx, id, n);
	else
		rc = 0;
	sqlite3_reset(q);
	return rc;
}

static int store_targets(struct wh *w, const char *path, const cJSON *targets, const char *id)
{
	sqlite3_stmt *q = wh_prepare(w, "target_check"), *st = wh_prepare(w, "timescale_insert");
	const cJSON *t;
	int i = 0, rc = -1;

	cJSON_ArrayForEach(t, targets) {
		char ctx[32];
		int n, days;
		const char *kind;

		snprintf(ctx, sizeof(ctx), "targets[%d]", i++);
		if (get_int(path, t, ctx, "stage", 1, MODEL_STAGES, &n) ||
		    get_int(path, t, ctx, "days", 1, 250, &days))
			goto out;
		kind = get_str(path, t, ctx, "kind", 0);
		if (!kind)
			goto out;
		if (!kind_valid(kind)) {
			error("%s: %s.kind: '%s' is not by_working_day, within_of_raising or within_of_entry",
			      path, ctx, kind);
			goto out;
		}
		if (check_target(w, q, path, ctx, id, n))
			goto out;
		bind_text(st, ":partnership", id);
		bind_int(st, ":stage", n);
		bind_text(st, ":kind", kind);
		bind_int(st, ":days", days);
		bind_text(st, ":source", "local");
		bind_opt(st, ":cite", get_str(path, t, ctx, "reason", 1));
		if (step(w, st, "storing a local target"))
			goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(q);
	sqlite3_finalize(st);
	return rc;
}

int refdata_targets(struct wh *w, const char *path)
{
	cJSON *root = parse_json(path);
	const cJSON *targets;
	const char *id, *fmt;
	sqlite3_stmt *st;
	int rc = -1;

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
	targets = cJSON_GetObjectItemCaseSensitive(root, "targets");
	if (!cJSON_IsArray(targets)) {
		error("%s: targets: must be a list", path);
		goto out;
	}
	/* Local targets replace the partnership's earlier local targets. */
	st = wh_prepare(w, "timescale_delete_local");
	bind_text(st, ":partnership", id);
	rc = step(w, st, "replacing local targets");
	sqlite3_finalize(st);
	if (rc == 0)
		rc = store_targets(w, path, targets, id);
out:
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
	st = wh_prepare(w, "theme_upsert");
	cJSON_ArrayForEach(t, themes) {
		char ctx[32];
		const char *id, *name, *desc;
		char key[96];

		snprintf(ctx, sizeof(ctx), "themes[%d]", i);
		id = get_str(path, t, ctx, "id", 0);
		name = get_str(path, t, ctx, "name", 0);
		desc = get_str(path, t, ctx, "description", 0);
		if (!id || !name || !desc)
			goto out;
		if (!valid_id(id)) {
			error("%s: %s.id: '%s' must be lower-case letters, digits and hyphens", path, ctx, id);
			goto out;
		}
		bind_text(st, ":id", id);
		bind_text(st, ":description", desc);
		bind_int(st, ":ord", i++);
		if (step(w, st, "storing a theme"))
			goto out;
		/* The name papers show (the theme table keeps id and description). */
		snprintf(key, sizeof(key), "theme_name:%s", id);
		if (wh_meta_set(w, key, name))
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

	if (wh_exec(w, embed_query("calendar_clear")))
		return -1;
	st = wh_prepare(w, "calendar_insert");
	for (int j = 0; j < CAL_NJUR && rc == 0; j++) {
		int from = date_from_ymd(first_year, 1, 1), to = date_from_ymd(last_year, 12, 31);

		for (int d = from; d <= to; d++) {
			char buf[11];

			bind_text(st, ":jurisdiction", cal_jur_name((enum cal_jur)j));
			sqlite3_bind_text(st, wh_param(st, ":day"), date_format(d, buf), 10, SQLITE_TRANSIENT);
			bind_int(st, ":is_working", cal_is_working_day((enum cal_jur)j, d));
			bind_int(st, ":wd_le", cal_wd_le((enum cal_jur)j, d));
			bind_opt(st, ":holiday", cal_holiday_name((enum cal_jur)j, d));
			if (step(w, st, "building the calendar")) {
				rc = -1;
				break;
			}
		}
	}
	sqlite3_finalize(st);
	return rc;
}
