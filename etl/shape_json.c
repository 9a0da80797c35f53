/*
 * shape_json.c - an agency's JSON export read through its profile: an
 * array of records (at the path "records"), each with its fields at paths
 * ("raisedBy.code") and a nested list of stage events ("stages.path"),
 * each event with its stage code and date.  See profile.h and
 * docs/profiles.md.
 *
 * cJSON parses the whole document (JSON has no rows to stream) and keeps
 * no positions, so a record is pointed at by its number in the array: the
 * "line" of a JSON record in messages and in the quarantine is that
 * number (1-based), and the source named is the value's path, e.g.
 *   health.json:14: concerns[13].raisedOn (raised_on): "2025-02-30" is not a date
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/util.h"
#include "profile.h"
#include "shape.h"
#include "text.h"

#define RAW_MAX 2048

struct pjson {
	const struct profile *pf;
	const struct profile_sink *sink;
	const char *name;
	struct profile_rec rec;
	char why[512];      /* a record that is not of the profile's form */
};

/* The item at a dotted path within obj ("" is obj itself), or NULL. */
static const cJSON *path_get(const cJSON *obj, const char *path)
{
	char key[256];

	while (obj && *path) {
		size_t n = strcspn(path, ".");

		if (n >= sizeof(key) || !cJSON_IsObject(obj))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		obj = cJSON_GetObjectItemCaseSensitive(obj, key);
		path += n;
		if (*path == '.')
			path++;
	}
	return obj;
}

/*
 * A scalar as text: strings as they are, numbers without a needless
 * fraction (an Excel serial 45658, a stage 2), true/false as "true" and
 * "false" (yes/no spellings), null as blank.  Returns NULL for an object
 * or an array, which is not a value.
 */
static const char *scalar(const cJSON *v, char *buf, size_t cap)
{
	if (!v || cJSON_IsNull(v))
		return "";
	if (cJSON_IsString(v))
		return v->valuestring;
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	if (cJSON_IsNumber(v)) {
		double d = v->valuedouble;

		if (d > -1e15 && d < 1e15 && d == (double)(long long)d)
			snprintf(buf, cap, "%lld", (long long)d);
		else
			snprintf(buf, cap, "%.15g", d);
		return buf;
	}
	return NULL;
}

/* 1 when some mapped, dropped or event path lies below path. */
static int is_prefix_of_any(const struct profile *pf, const char *path)
{
	size_t n = strlen(path);

	for (int i = 0; i < pf->ncol; i++)
		if (!strncmp(pf->col[i].name, path, n) && pf->col[i].name[n] == '.')
			return 1;
	for (int i = 0; i < pf->ndrop; i++)
		if (!strncmp(pf->drop[i], path, n) && pf->drop[i][n] == '.')
			return 1;
	return !strncmp(pf->ev_path, path, n) && pf->ev_path[n] == '.';
}

static int is_dropped(const struct profile *pf, const char *path)
{
	for (int i = 0; i < pf->ndrop; i++)
		if (!strcmp(pf->drop[i], path))
			return 1;
	return 0;
}

static int is_mapped(const struct profile *pf, const char *path)
{
	for (int i = 0; i < pf->ncol; i++)
		if (!strcmp(pf->col[i].name, path))
			return 1;
	return 0;
}

/*
 * Every key of obj (at prefix) must be mapped, dropped, the stage events,
 * or lead to one of them; the first that is none is written to why.
 * Returns 0, or -1.
 */
static int check_keys(const struct profile *pf, const cJSON *obj, const char *prefix,
		      char *why, size_t cap)
{
	for (const cJSON *k = obj->child; k; k = k->next) {
		char path[512];

		snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix ? "." : "", k->string);
		if (is_mapped(pf, path) || is_dropped(pf, path))
			continue;
		if (!strcmp(path, pf->ev_path)) {
			/* the events: their own keys are the stage, the date
			 * or dropped ("<events path>.<key>") */
			if (!cJSON_IsArray(k))
				continue; /* reported when the record is read */
			for (const cJSON *e = k->child; e; e = e->next) {
				if (!cJSON_IsObject(e))
					continue;
				for (const cJSON *ek = e->child; ek; ek = ek->next) {
					char ep[600];

					snprintf(ep, sizeof(ep), "%s.%s", path, ek->string);
					if (strcmp(ek->string, pf->ev_stage) && strcmp(ek->string, pf->ev_date) &&
					    !is_dropped(pf, ep)) {
						snprintf(why, cap, "%s", ep);
						return -1;
					}
				}
			}
			continue;
		}
		if (cJSON_IsObject(k) && is_prefix_of_any(pf, path)) {
			if (check_keys(pf, k, path, why, cap))
				return -1;
			continue;
		}
		snprintf(why, cap, "%s", path);
		return -1;
	}
	return 0;
}

/* The raw text of a quarantined record: only what the profile maps (the
 * case reference masked) and the stage events, as one JSON object;
 * dropped and unmapped fields never reach it. */
static void raw_record(const struct pjson *s, const cJSON *rec, char *buf, size_t cap)
{
	const struct profile *pf = s->pf;
	cJSON *o = cJSON_CreateObject();
	const cJSON *ev;
	char *text;

	buf[0] = '\0';
	if (!o)
		die(EXIT_INTERNAL, "out of memory");
	for (int i = 0; i < pf->ncol; i++) {
		const cJSON *v = path_get(rec, pf->col[i].name);

		if (!v)
			continue;
		if (pf->col[i].field == CF_CASE_REF && !cJSON_IsNull(v))
			cJSON_AddStringToObject(o, pf->col[i].name, "[case ref masked]");
		else if (!cJSON_IsObject(v) && !cJSON_IsArray(v))
			cJSON_AddItemToObject(o, pf->col[i].name, cJSON_Duplicate(v, 0));
	}
	ev = path_get(rec, pf->ev_path);
	if (cJSON_IsArray(ev)) {
		cJSON *list = cJSON_AddArrayToObject(o, pf->ev_path);

		for (const cJSON *e = ev->child; e && list; e = e->next) {
			cJSON *one = cJSON_CreateObject();
			const cJSON *a = cJSON_IsObject(e) ? path_get(e, pf->ev_stage) : NULL;
			const cJSON *b = cJSON_IsObject(e) ? path_get(e, pf->ev_date) : NULL;

			if (!one)
				break;
			if (a && !cJSON_IsObject(a) && !cJSON_IsArray(a))
				cJSON_AddItemToObject(one, pf->ev_stage, cJSON_Duplicate(a, 0));
			if (b && !cJSON_IsObject(b) && !cJSON_IsArray(b))
				cJSON_AddItemToObject(one, pf->ev_date, cJSON_Duplicate(b, 0));
			cJSON_AddItemToArray(list, one);
		}
	}
	text = cJSON_PrintUnformatted(o);
	if (text) {
		size_t n = strlen(text);

		if (n >= cap) {
			memcpy(buf, text, cap - 4);
			memcpy(buf + cap - 4, "...", 4);
		} else {
			memcpy(buf, text, n + 1);
		}
	}
	cJSON_free(text);
	cJSON_Delete(o);
	/* A \u0000 shown as '?', as a control character is in messages. */
	for (char *p = buf; (p = strchr(p, TEXT_JSON_NUL)) != NULL;)
		*p = '?';
}

/* A string that held \u0000 (text_json_mark_nul()): refused, never cut. */
static int nul_value(struct pjson *s, const char *src, const char *field, long line,
		     const char *raw)
{
	if (field)
		snprintf(s->why, sizeof(s->why), "%s (%s): holds a NUL character (\\u0000)", src, field);
	else
		snprintf(s->why, sizeof(s->why), "%s: holds a NUL character (\\u0000)", src);
	return s->sink->reject(s->sink->ctx, line, 0, field, s->why, raw);
}

static int read_record(struct pjson *s, const cJSON *rec, int idx)
{
	const struct profile *pf = s->pf;
	const char *arr = pf->records[0] ? pf->records : "";
	char raw[RAW_MAX], src[PROFILE_SRC_MAX], src2[PROFILE_SRC_MAX], num[64], num2[64], path[128];
	long line = idx + 1;
	const cJSON *ev;
	const char *t;

	if (!cJSON_IsObject(rec)) {
		snprintf(s->why, sizeof(s->why), "%s[%d]: not an object (a record)", arr, idx);
		return s->sink->reject(s->sink->ctx, line, 0, NULL, s->why, NULL);
	}
	raw_record(s, rec, raw, sizeof(raw));
	profile_rec_start(&s->rec, line);
	for (int i = 0; i < pf->ncol; i++) {
		const cJSON *v = path_get(rec, pf->col[i].name);

		snprintf(src, sizeof(src), "%.60s[%d].%.80s", arr, idx, pf->col[i].name);
		t = scalar(v, num, sizeof(num));
		if (!t) {
			snprintf(s->why, sizeof(s->why), "%s (%s): an object or a list, not a value", src,
				 canon_field_name(pf->col[i].field));
			return s->sink->reject(s->sink->ctx, line, 0, canon_field_name(pf->col[i].field),
					       s->why, raw);
		}
		if (strchr(t, TEXT_JSON_NUL))
			return nul_value(s, src, canon_field_name(pf->col[i].field), line, raw);
		profile_rec_set(&s->rec, pf->col[i].field, t, strlen(t), 0, src, line);
	}
	ev = path_get(rec, pf->ev_path);
	snprintf(path, sizeof(path), "%.50s[%d].%.50s", arr, idx, pf->ev_path);
	if (ev && !cJSON_IsNull(ev) && !cJSON_IsArray(ev)) {
		snprintf(s->why, sizeof(s->why), "%s: not a list of stage events", path);
		return s->sink->reject(s->sink->ctx, line, 0, NULL, s->why, raw);
	}
	for (int j = 0; ev && j < cJSON_GetArraySize(ev); j++) {
		const cJSON *e = cJSON_GetArrayItem(ev, j);
		const char *c, *d;

		if (!cJSON_IsObject(e)) {
			snprintf(s->why, sizeof(s->why), "%s[%d]: not an object (a stage event)", path, j);
			return s->sink->reject(s->sink->ctx, line, 0, NULL, s->why, raw);
		}
		snprintf(src, sizeof(src), "%.120s[%d].%.20s", path, j, pf->ev_stage);
		snprintf(src2, sizeof(src2), "%.120s[%d].%.20s", path, j, pf->ev_date);
		c = scalar(path_get(e, pf->ev_stage), num, sizeof(num));
		d = scalar(path_get(e, pf->ev_date), num2, sizeof(num2));
		if (!c || !d) {
			snprintf(s->why, sizeof(s->why), "%s: an object or a list, not a value", !c ? src : src2);
			return s->sink->reject(s->sink->ctx, line, 0, NULL, s->why, raw);
		}
		if (strchr(c, TEXT_JSON_NUL) || strchr(d, TEXT_JSON_NUL))
			return nul_value(s, strchr(c, TEXT_JSON_NUL) ? src : src2, NULL, line, raw);
		profile_rec_event(&s->rec, c, strlen(c), 0, src, d, strlen(d), 0, src2, line);
	}
	if (profile_rec_finish(&s->rec) == 0)
		return s->sink->row(s->sink->ctx, &s->rec.in, raw);
	return s->sink->reject(s->sink->ctx, line, 0, canon_field_name(s->rec.fail_field),
			       s->rec.why, raw);
}

int profile_read_json(const struct profile *pf, FILE *fp, const char *name,
		      const struct profile_sink *sink)
{
	struct pjson s;
	FILE *text_fp;
	char *text = NULL, *body;
	size_t len = 0;
	cJSON *root = NULL;
	const cJSON *arr;
	char why[600];
	int status = EXIT_OK, idx = 0;

	memset(&s, 0, sizeof(s));
	s.pf = pf;
	s.sink = sink;
	s.name = name;
	profile_rec_init(&s.rec, pf);
	text_fp = profile_text_open(pf, fp, name);
	if (!text_fp)
		return EXIT_DATA;
	text = util_slurp_fp(text_fp, 0, &len);
	if (!text && errno != EILSEQ) /* the decoder has said which byte */
		error("%s: read error: %s", name, strerror(errno));
	text_close(text_fp, fp);
	if (!text) {
		status = EXIT_DATA;
		goto out;
	}
	body = text;
	if (len >= 3 && memcmp(body, "\xef\xbb\xbf", 3) == 0) {
		body += 3; /* a UTF-8 byte order mark */
		len -= 3;
	}
	if (memchr(body, '\0', len) || !shape_utf8_valid(body, len)) {
		error("%s: not UTF-8 text (binary, or another encoding: is the profile's encoding "
		      "right?)", name);
		status = EXIT_DATA;
		goto out;
	}
	len = text_json_mark_nul(body, len); /* a \u0000 is refused where it is read */
	root = util_json_parse(name, body, len); /* body[len] is the NUL */
	if (!root) {
		status = EXIT_DATA;
		goto out;
	}
	arr = path_get(root, pf->records);
	if (!cJSON_IsArray(arr)) {
		error("%s: %s%s%s is not a list of records (profile %s, \"records\")", name,
		      pf->records[0] ? "'" : "", pf->records[0] ? pf->records : "the document",
		      pf->records[0] ? "'" : "", pf->name);
		status = EXIT_DATA;
		goto out;
	}
	/* An unmapped field refuses the file, as an unmapped CSV column does:
	 * it may be narrative the profile should drop. */
	if (!pf->ignore_unmapped)
		for (const cJSON *r = arr->child; r; r = r->next, idx++)
			if (cJSON_IsObject(r) && check_keys(pf, r, "", why, sizeof(why))) {
				error("%s:%d: field '%.200s' of record %d is not in profile %s (map it in "
				      "\"columns\", list it in \"drop\", or set \"ignore_unmapped\": true)",
				      name, idx + 1, why, idx + 1, pf->name);
				status = EXIT_DATA;
				goto out;
			}
	idx = 0;
	for (const cJSON *r = arr->child; r; r = r->next, idx++)
		if (read_record(&s, r, idx)) {
			status = EXIT_INTERNAL; /* the sink failed and said why */
			goto out;
		}
out:
	cJSON_Delete(root);
	free(text);
	profile_rec_free(&s.rec);
	return status;
}
