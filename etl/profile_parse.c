/*
 * profile_parse.c - the sections of a profile's JSON ("columns", "values",
 * "dates", "defaults", "yes_no", "stages"), each read into the struct
 * profile and checked on its own; profile.c reads the whole and checks
 * what the sections say together.  See profile_parse.h.
 */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/msg.h"
#include "core/util.h"
#include "profile_parse.h"

int pctx_err(const struct pctx *c, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return error("%s: %s", c->path, msg);
}

/* The canonical field named s, or -1 after an error that suggests one. */
static int field_of(const struct pctx *c, const char *where, const char *s)
{
	char *names[CF_COUNT];
	const char *hint;
	int f = canon_field_lookup(s);

	if (f >= 0 && (f < CF_STAGE1 + MODEL_STAGES || f > CF_STAGE9))
		return f;
	for (int i = 0; i < CF_COUNT; i++)
		names[i] = (char *)canon_field_name(i);
	hint = ref_suggest(s, names, CF_STAGE1 + MODEL_STAGES);
	if (hint)
		return pctx_err(c, "%s: '%s' is not a canonical field; did you mean '%s'?", where, s, hint);
	return pctx_err(c, "%s: '%s' is not a canonical field (the columns of DESIGN.md's canonical "
		    "log: ref, partnership, raised_by, ...)", where, s);
}

int pctx_keys(const struct pctx *c, const cJSON *obj, const char *where,
		      const char *const *known)
{
	for (const cJSON *k = obj->child; k; k = k->next) {
		int ok = 0;

		for (const char *const *n = known; *n; n++)
			ok |= strcmp(k->string, *n) == 0;
		if (!ok) {
			int n = 0;
			const char *hint;

			while (known[n])
				n++;
			hint = ref_suggest(k->string, (char *const *)known, n);
			if (hint)
				return pctx_err(c, "%s'%s' is not a profile field; did you mean '%s'?", where,
					    k->string, hint);
			return pctx_err(c, "%s'%s' is not a profile field", where, k->string);
		}
	}
	return 0;
}

/* A string member: 0 and *out (NULL when absent and optional), or -1. */
int pctx_string(const struct pctx *c, const cJSON *obj, const char *key, const char *where,
		      int optional, const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (!v || cJSON_IsNull(v)) {
		if (optional)
			return 0;
		return pctx_err(c, "%s%s: missing", where, key);
	}
	if (!cJSON_IsString(v))
		return pctx_err(c, "%s%s: not a string", where, key);
	*out = v->valuestring;
	return 0;
}

/* Is v a canonical value field f can hold (canon_allowed())?  (Ids of
 * agencies, themes and partnerships are checked at load, against the
 * warehouse.) */
static int check_target(const struct pctx *c, const char *where, int f, const char *v)
{
	char set[80];

	if (!*v)
		return pctx_err(c, "%s: blank (a code maps to a canonical value)", where);
	if (!canon_is_allowed(f, v))
		return pctx_err(c, "%s: '%s' is not %s", where, v,
				canon_allowed_text(f, set, sizeof(set)));
	return 0;
}

void profile_vmap_free(struct profile_vmap *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->from[i]);
		free(m->to[i]);
	}
	free(m->from);
	free(m->to);
	m->n = 0;
	m->from = m->to = NULL;
}

int profile_vmap_find(const struct profile_vmap *m, const char *s, size_t len)
{
	for (int i = 0; i < m->n; i++)
		if (strlen(m->from[i]) == len && strncasecmp(m->from[i], s, len) == 0)
			return i;
	return -1;
}

/* read_vmap()'s f for values.stage, whose targets are stage numbers. */
#define VMAP_STAGE (-2)

/* A value map values.<key> for canonical field f: 0 or -1 after an error. */
static int read_vmap(const struct pctx *c, const cJSON *obj, const char *key, int f,
		     struct profile_vmap *m)
{
	char where[200];
	int n = 0;

	if (!cJSON_IsObject(obj))
		return pctx_err(c, "values.%s: not an object of code: value", key);
	for (const cJSON *k = obj->child; k; k = k->next)
		n++;
	m->from = xcalloc((size_t)n, sizeof(char *));
	m->to = xcalloc((size_t)n, sizeof(char *));
	for (const cJSON *k = obj->child; k; k = k->next) {
		char num[16];
		const char *to;

		snprintf(where, sizeof(where), "values.%s.\"%.60s\"", key, k->string);
		if (f == VMAP_STAGE && cJSON_IsNumber(k)) {
			/* a stage number may be written as a number */
			snprintf(num, sizeof(num), "%g", k->valuedouble);
			to = num;
		} else if (cJSON_IsString(k)) {
			to = k->valuestring;
		} else {
			return pctx_err(c, "%s: not a string", where);
		}
		if (f == VMAP_STAGE) {
			if (strlen(to) != 1 || to[0] < '0' || to[0] > '0' + CANON_MAX_STAGE)
				return pctx_err(c, "%s: '%s' is not a stage number 0..%d", where, to,
					    CANON_MAX_STAGE);
		} else if (check_target(c, where, f, to)) {
			return -1;
		}
		if (profile_vmap_find(m, k->string, strlen(k->string)) >= 0)
			return pctx_err(c, "%s: the code is given twice (codes match whatever their "
				    "case)", where);
		m->from[m->n] = xstrdup(k->string);
		m->to[m->n] = xstrdup(to);
		m->n++;
	}
	return 0;
}

static void vmap_copy(struct profile_vmap *dst, const struct profile_vmap *src)
{
	dst->n = src->n;
	dst->from = xcalloc((size_t)src->n, sizeof(char *));
	dst->to = xcalloc((size_t)src->n, sizeof(char *));
	for (int i = 0; i < src->n; i++) {
		dst->from[i] = xstrdup(src->from[i]);
		dst->to[i] = xstrdup(src->to[i]);
	}
}

int pctx_values(const struct pctx *c, const cJSON *values)
{
	struct profile *pf = c->pf;
	const cJSON *agency = NULL;

	if (!cJSON_IsObject(values))
		return pctx_err(c, "values: not an object");
	for (const cJSON *k = values->child; k; k = k->next) {
		char where[120];
		int f;

		if (strcmp(k->string, "stage") == 0) {
			if (read_vmap(c, k, "stage", VMAP_STAGE, &pf->stage))
				return -1;
			continue;
		}
		if (strcmp(k->string, "agency") == 0) {
			agency = k;
			continue;
		}
		snprintf(where, sizeof(where), "values.\"%.60s\"", k->string);
		if ((f = field_of(c, where, k->string)) < 0)
			return -1;
		if (f == CF_REF || f == CF_CASE_REF || f == CF_LEARNING_THEME || profile_is_date_field(f))
			return pctx_err(c, "%s: %s is not mapped through codes (dates are read with "
				    "\"dates\"; refs and case references as they are)", where, k->string);
		if (pf->vmap[f].n)
			return pctx_err(c, "%s: given twice", where);
		if (read_vmap(c, k, k->string, f, &pf->vmap[f]))
			return -1;
	}
	/* "agency": one code list for raised_by and raised_with, unless
	 * either has its own */
	if (agency) {
		struct profile_vmap m = {0};

		if (read_vmap(c, agency, "agency", CF_RAISED_BY, &m)) {
			profile_vmap_free(&m);
			return -1;
		}
		for (int f = CF_RAISED_BY; f <= CF_RAISED_WITH; f++)
			if (!pf->vmap[f].n) {
				vmap_copy(&pf->vmap[f], &m);
				pf->vmap_agency |= 1 << f;
			}
		profile_vmap_free(&m);
	}
	return 0;
}

int pctx_dates(const struct pctx *c, const cJSON *dates)
{
	struct profile *pf = c->pf;
	int pass;

	if (!cJSON_IsObject(dates))
		return pctx_err(c, "dates: not an object of field: format");
	/* "*" first, then "stages", then single fields, whatever the order
	 * in the file: the narrower key wins. */
	for (pass = 0; pass < 3; pass++) {
		for (const cJSON *k = dates->child; k; k = k->next) {
			char where[120];
			int fmt = -1, f = -1, is_all = strcmp(k->string, "*") == 0,
			    is_stages = strcmp(k->string, "stages") == 0;

			if ((pass == 0) != is_all || (pass == 1) != is_stages)
				continue;
			snprintf(where, sizeof(where), "dates.\"%.60s\"", k->string);
			if (!cJSON_IsString(k))
				return pctx_err(c, "%s: not a string", where);
			for (int i = 0; i < PD_COUNT; i++)
				if (strcmp(k->valuestring, profile_datefmt_name(i)) == 0)
					fmt = i;
			if (fmt < 0)
				return pctx_err(c, "%s: '%s' is not a known date format (%%Y-%%m-%%d, "
					    "%%d/%%m/%%Y, %%d/%%m/%%y, %%d-%%b-%%y, %%d %%B %%Y, "
					    "%%d/%%m/%%Y %%H:%%M, %%d/%%m/%%Y %%H:%%M:%%S, "
					    "%%Y-%%m-%%dT%%H:%%M:%%S, %%Y-%%m-%%d %%H:%%M:%%S, excel)",
					    where, k->valuestring);
			if (!is_all && !is_stages) {
				if ((f = field_of(c, where, k->string)) < 0)
					return -1;
				if (!profile_is_date_field(f))
					return pctx_err(c, "%s: %s is not a date field", where, k->string);
			}
			for (int g = 0; g < CF_COUNT; g++)
				if (g == f || (is_all && profile_is_date_field(g)) ||
				    (is_stages && g >= CF_STAGE1 && g <= CF_STAGE9))
					pf->datefmt[g] = fmt;
		}
	}
	return 0;
}

int pctx_strings(const struct pctx *c, const cJSON *arr, const char *where, char ***out,
			int *n)
{
	int i = 0;

	if (!cJSON_IsArray(arr))
		return pctx_err(c, "%s: not a list of strings", where);
	*n = cJSON_GetArraySize(arr);
	*out = xcalloc((size_t)*n, sizeof(char *));
	for (const cJSON *v = arr->child; v; v = v->next, i++) {
		if (!cJSON_IsString(v) || !v->valuestring[0])
			return pctx_err(c, "%s[%d]: not a non-blank string", where, i);
		(*out)[i] = xstrdup(v->valuestring);
	}
	return 0;
}

int pctx_yes_no(const struct pctx *c, const cJSON *yn)
{
	static const char *const known[] = {"yes", "no", "case_sensitive", NULL};
	struct profile *pf = c->pf;
	const cJSON *cs;

	if (!cJSON_IsObject(yn))
		return pctx_err(c, "yes_no: not an object");
	if (pctx_keys(c, yn, "yes_no.", known))
		return -1;
	for (int i = 0; i < pf->nyes; i++)
		free(pf->yes[i]);
	for (int i = 0; i < pf->nno; i++)
		free(pf->no[i]);
	free(pf->yes);
	free(pf->no);
	pf->yes = pf->no = NULL;
	pf->nyes = pf->nno = 0;
	if (!cJSON_GetObjectItemCaseSensitive(yn, "yes") || !cJSON_GetObjectItemCaseSensitive(yn, "no"))
		return pctx_err(c, "yes_no: give both \"yes\" and \"no\" spellings");
	if (pctx_strings(c, cJSON_GetObjectItemCaseSensitive(yn, "yes"), "yes_no.yes", &pf->yes,
			 &pf->nyes) ||
	    pctx_strings(c, cJSON_GetObjectItemCaseSensitive(yn, "no"), "yes_no.no", &pf->no, &pf->nno))
		return -1;
	/* Every yes/no field is read through these lists, and a message
	 * quotes their first spellings. */
	if (!pf->nyes || !pf->nno)
		return pctx_err(c, "yes_no.%s: empty; give at least one spelling",
				pf->nyes ? "no" : "yes");
	cs = cJSON_GetObjectItemCaseSensitive(yn, "case_sensitive");
	if (cs && !cJSON_IsBool(cs))
		return pctx_err(c, "yes_no.case_sensitive: not true or false");
	pf->yn_case = cJSON_IsTrue(cs);
	for (int i = 0; i < pf->nyes; i++)
		for (int j = 0; j < pf->nno; j++)
			if (pf->yn_case ? !strcmp(pf->yes[i], pf->no[j])
					: !strcasecmp(pf->yes[i], pf->no[j]))
				return pctx_err(c, "yes_no: '%s' is both a yes and a no", pf->yes[i]);
	return 0;
}

int pctx_defaults(const struct pctx *c, const cJSON *d)
{
	struct profile *pf = c->pf;

	if (!cJSON_IsObject(d))
		return pctx_err(c, "defaults: not an object of field: value");
	for (const cJSON *k = d->child; k; k = k->next) {
		char where[120];
		int f;

		snprintf(where, sizeof(where), "defaults.\"%.60s\"", k->string);
		if ((f = field_of(c, where, k->string)) < 0)
			return -1;
		if (f == CF_REF || f == CF_CASE_REF || profile_is_date_field(f))
			return pctx_err(c, "%s: %s has no default", where, k->string);
		if (!cJSON_IsString(k))
			return pctx_err(c, "%s: not a string", where);
		if (check_target(c, where, f, k->valuestring))
			return -1;
		pf->dflt[f] = xstrdup(k->valuestring);
	}
	return 0;
}

int pctx_stages(const struct pctx *c, const cJSON *st)
{
	static const char *const known_long[] = {"stage", "date", NULL};
	static const char *const known_json[] = {"path", "stage", "date", NULL};
	struct profile *pf = c->pf;
	const char *s;

	if (!cJSON_IsObject(st))
		return pctx_err(c, "stages: not an object");
	if (pctx_keys(c, st, "stages.", pf->shape == PROFILE_JSON ? known_json : known_long))
		return -1;
	if (pctx_string(c, st, "stage", "stages.", 0, &s))
		return -1;
	pf->ev_stage = xstrdup(s);
	if (pctx_string(c, st, "date", "stages.", 0, &s))
		return -1;
	pf->ev_date = xstrdup(s);
	if (pf->shape == PROFILE_JSON) {
		if (pctx_string(c, st, "path", "stages.", 0, &s))
			return -1;
		pf->ev_path = xstrdup(s);
	}
	if (!pf->ev_stage[0] || !pf->ev_date[0] || (pf->ev_path && !pf->ev_path[0]))
		return pctx_err(c, "stages: blank column name");
	if (!strcmp(pf->ev_stage, pf->ev_date))
		return pctx_err(c, "stages: the stage and its date are the same column '%s'", pf->ev_stage);
	return 0;
}

int pctx_columns(const struct pctx *c, const cJSON *cols)
{
	struct profile *pf = c->pf;
	int n = 0;

	if (!cJSON_IsObject(cols) || !cols->child)
		return pctx_err(c, "columns: not an object of source column: canonical field");
	for (const cJSON *k = cols->child; k; k = k->next)
		n++;
	pf->col = xcalloc((size_t)n, sizeof(*pf->col));
	for (const cJSON *k = cols->child; k; k = k->next) {
		char where[120];
		int f;

		snprintf(where, sizeof(where), "columns.\"%.60s\"", k->string);
		if (!k->string[0])
			return pctx_err(c, "columns: a blank column name");
		if (!cJSON_IsString(k))
			return pctx_err(c, "%s: not a string (the canonical field it maps to)", where);
		if ((f = field_of(c, where, k->valuestring)) < 0)
			return -1;
		for (int i = 0; i < pf->ncol; i++) {
			if (!strcmp(pf->col[i].name, k->string))
				return pctx_err(c, "%s: the column is given twice", where);
			if (pf->col[i].field == f)
				return pctx_err(c, "%s: '%s' and '%s' both map to %s; one source column "
					    "per field", where, pf->col[i].name, k->string,
					    canon_field_name(f));
		}
		pf->col[pf->ncol].name = xstrdup(k->string);
		pf->col[pf->ncol].field = f;
		pf->ncol++;
	}
	return 0;
}
