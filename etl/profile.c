/*
 * profile.c - reading and checking a profile, parsing dates in its
 * formats, and building canonical records: see profile.h and
 * docs/profiles.md.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "core/cli.h"
#include "core/date.h"
#include "core/msg.h"
#include "profile.h"
#include "refdata.h"

#define PROFILE_FORMAT "oversight-profile/1"
#define PROFILE_MAX_BYTES (1 << 20) /* a profile is a page of JSON, not a data file */

/* The date formats, by enum profile_datefmt.  All but "excel" are parsed
 * by glibc's strptime(3); its leniency (it takes 31/04/2025 and
 * 2025-02-29) is closed by date_valid() afterwards. */
static const char *const datefmt_name[PD_COUNT] = {
	[PD_ISO] = "%Y-%m-%d",
	[PD_DMY] = "%d/%m/%Y",
	[PD_DMY2] = "%d/%m/%y",
	[PD_DBY2] = "%d-%b-%y",
	[PD_DBFULL] = "%d %B %Y",
	[PD_DMY_HM] = "%d/%m/%Y %H:%M",
	[PD_DMY_HMS] = "%d/%m/%Y %H:%M:%S",
	[PD_ISO_T] = "%Y-%m-%dT%H:%M:%S",
	[PD_ISO_HMS] = "%Y-%m-%d %H:%M:%S",
	[PD_EXCEL] = "excel",
};

const char *profile_datefmt_name(int fmt)
{
	return fmt >= 0 && fmt < PD_COUNT ? datefmt_name[fmt] : "?";
}

int profile_is_date_field(int f)
{
	return f == CF_RAISED_ON || f == CF_CLOSED_ON || (f >= CF_STAGE1 && f <= CF_STAGE9);
}

int profile_is_yes_no_field(int f)
{
	return f == CF_SERIOUS || f == CF_STUCK || f == CF_LEARNING;
}

/* ------------------------------------------------------------------ */
/* dates                                                               */

/*
 * Excel's 1900 date system: serial 1 is 1900-01-01, and Excel (after
 * Lotus 1-2-3) counts a 1900-02-29 that never was as serial 60, so from
 * serial 61 (1900-03-01) on, day = 1899-12-30 + serial.  A fraction is the
 * time of day.  No strptime format can say this, so it is parsed here.
 */
static int parse_excel(const char *s, size_t len, int *day)
{
	long serial = 0;
	size_t i = 0;

	if (len == 0)
		return -1;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		serial = serial * 10 + (s[i] - '0');
		if (serial > 2958465) /* 9999-12-31 */
			return -1;
	}
	if (i == 0)
		return -1;
	if (i < len) {
		/* a time of day: ".5" is noon */
		if (s[i] != '.' || i + 1 == len)
			return -1;
		for (i++; i < len; i++)
			if (s[i] < '0' || s[i] > '9')
				return -1;
	}
	if (serial < 1 || serial == 60)
		return -1;
	if (serial < 60)
		*day = date_from_ymd(1899, 12, 31) + (int)serial;
	else
		*day = date_from_ymd(1899, 12, 30) + (int)serial;
	return 0;
}

int profile_parse_date(int fmt, const char *s, size_t len, int *day)
{
	char buf[64];
	struct tm tm;
	const char *end;
	int y, m, d;

	if (fmt == PD_EXCEL)
		return parse_excel(s, len, day);
	if (fmt == PD_ISO) {
		if (date_parse_iso(s, len, day))
			return -1;
		return 0;
	}
	if (len == 0 || len >= sizeof(buf) || memchr(s, '\0', len))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* strptime lets white space stand anywhere a number starts and lets
	 * one space in the format match any run of it: a value may hold a
	 * space only where its format has one, and one space only. */
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == ' ' && (!strchr(datefmt_name[fmt], ' ') || i == 0 || buf[i - 1] == ' '))
			return -1;
		if (buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\v' ||
		    buf[i] == '\f')
			return -1;
	}
	memset(&tm, 0, sizeof(tm));
	end = strptime(buf, datefmt_name[fmt], &tm);
	if (!end || *end)
		return -1;
	y = tm.tm_year + 1900;
	m = tm.tm_mon + 1;
	d = tm.tm_mday;
	/* %Y takes "25" as the year 25: a four-figure year is meant */
	if ((fmt == PD_DMY || fmt == PD_DBFULL || fmt == PD_DMY_HM || fmt == PD_DMY_HMS ||
	     fmt == PD_ISO_T || fmt == PD_ISO_HMS) && y < 1000)
		return -1;
	if (!date_valid(y, m, d))
		return -1;
	*day = date_from_ymd(y, m, d);
	return 0;
}

/* ------------------------------------------------------------------ */
/* reading a profile                                                   */

struct pctx {
	const char *path; /* for messages */
	struct profile *pf;
};

static int perr(const struct pctx *c, const char *fmt, ...) MSG_PRINTF(2, 3);
static int perr(const struct pctx *c, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return error("%s: %s", c->path, msg);
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		die(EXIT_INTERNAL, "out of memory");
	return p;
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		die(EXIT_INTERNAL, "out of memory");
	return p;
}

/* The canonical field named s, or -1 after an error that suggests one. */
static int field_of(const struct pctx *c, const char *where, const char *s)
{
	char *names[CF_COUNT];
	const char *hint;
	int f = canon_field_lookup(s);

	if (f >= 0 && (f < CF_STAGE1 + CANON_STAGES || f > CF_STAGE9))
		return f;
	for (int i = 0; i < CF_COUNT; i++)
		names[i] = (char *)canon_field_name(i);
	hint = ref_suggest(s, names, CF_STAGE1 + CANON_STAGES);
	if (hint)
		return perr(c, "%s: '%s' is not a canonical field; did you mean '%s'?", where, s, hint);
	return perr(c, "%s: '%s' is not a canonical field (the columns of DESIGN.md's canonical "
		    "log: ref, partnership, raised_by, ...)", where, s);
}

static int check_keys(const struct pctx *c, const cJSON *obj, const char *where,
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
				return perr(c, "%s'%s' is not a profile field; did you mean '%s'?", where,
					    k->string, hint);
			return perr(c, "%s'%s' is not a profile field", where, k->string);
		}
	}
	return 0;
}

/* A string member: 0 and *out (NULL when absent and optional), or -1. */
static int get_string(const struct pctx *c, const cJSON *obj, const char *key, const char *where,
		      int optional, const char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (!v || cJSON_IsNull(v)) {
		if (optional)
			return 0;
		return perr(c, "%s%s: missing", where, key);
	}
	if (!cJSON_IsString(v))
		return perr(c, "%s%s: not a string", where, key);
	*out = v->valuestring;
	return 0;
}

static int one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

/* Is v a canonical value field f can hold?  (Ids of agencies, themes and
 * partnerships are checked at load, against the warehouse.) */
static int check_target(const struct pctx *c, const char *where, int f, const char *v)
{
	static const char *const subjects[] = {"child", "unborn", "adult", "none", NULL};
	static const char *const categories[] = {"case", "policy", "iru", NULL};
	static const char *const statuses[] = {"open", "resolved", "withdrawn", NULL};
	static const char *const yn[] = {"y", "n", NULL};

	if (!*v)
		return perr(c, "%s: blank (a code maps to a canonical value)", where);
	if (f == CF_SUBJECT && !one_of(v, subjects))
		return perr(c, "%s: '%s' is not one of child, unborn, adult, none", where, v);
	if (f == CF_CATEGORY && !one_of(v, categories))
		return perr(c, "%s: '%s' is not one of case, policy, iru", where, v);
	if (f == CF_STATUS && !one_of(v, statuses))
		return perr(c, "%s: '%s' is not one of open, resolved, withdrawn", where, v);
	if (profile_is_yes_no_field(f) && !one_of(v, yn))
		return perr(c, "%s: '%s' is not y or n", where, v);
	return 0;
}

static void vmap_free(struct profile_vmap *m)
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

static int vmap_find(const struct profile_vmap *m, const char *s, size_t len)
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
		return perr(c, "values.%s: not an object of code: value", key);
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
			return perr(c, "%s: not a string", where);
		}
		if (f == VMAP_STAGE) {
			if (strlen(to) != 1 || to[0] < '1' || to[0] > '0' + CANON_MAX_STAGE)
				return perr(c, "%s: '%s' is not a stage number 1..%d", where, to,
					    CANON_MAX_STAGE);
		} else if (check_target(c, where, f, to)) {
			return -1;
		}
		if (vmap_find(m, k->string, strlen(k->string)) >= 0)
			return perr(c, "%s: the code is given twice (codes match whatever their "
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

static int read_values(const struct pctx *c, const cJSON *values)
{
	struct profile *pf = c->pf;
	const cJSON *agency = NULL;

	if (!cJSON_IsObject(values))
		return perr(c, "values: not an object");
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
			return perr(c, "%s: %s is not mapped through codes (dates are read with "
				    "\"dates\"; refs and case references as they are)", where, k->string);
		if (pf->vmap[f].n)
			return perr(c, "%s: given twice", where);
		if (read_vmap(c, k, k->string, f, &pf->vmap[f]))
			return -1;
	}
	/* "agency": one code list for raised_by and raised_with, unless
	 * either has its own */
	if (agency) {
		struct profile_vmap m = {0};

		if (read_vmap(c, agency, "agency", CF_RAISED_BY, &m)) {
			vmap_free(&m);
			return -1;
		}
		for (int f = CF_RAISED_BY; f <= CF_RAISED_WITH; f++)
			if (!pf->vmap[f].n) {
				vmap_copy(&pf->vmap[f], &m);
				pf->vmap_agency |= 1 << f;
			}
		vmap_free(&m);
	}
	return 0;
}

static int read_dates(const struct pctx *c, const cJSON *dates)
{
	struct profile *pf = c->pf;
	int pass;

	if (!cJSON_IsObject(dates))
		return perr(c, "dates: not an object of field: format");
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
				return perr(c, "%s: not a string", where);
			for (int i = 0; i < PD_COUNT; i++)
				if (strcmp(k->valuestring, datefmt_name[i]) == 0)
					fmt = i;
			if (fmt < 0)
				return perr(c, "%s: '%s' is not a known date format (%%Y-%%m-%%d, "
					    "%%d/%%m/%%Y, %%d/%%m/%%y, %%d-%%b-%%y, %%d %%B %%Y, "
					    "%%d/%%m/%%Y %%H:%%M, %%d/%%m/%%Y %%H:%%M:%%S, "
					    "%%Y-%%m-%%dT%%H:%%M:%%S, %%Y-%%m-%%d %%H:%%M:%%S, excel)",
					    where, k->valuestring);
			if (!is_all && !is_stages) {
				if ((f = field_of(c, where, k->string)) < 0)
					return -1;
				if (!profile_is_date_field(f))
					return perr(c, "%s: %s is not a date field", where, k->string);
			}
			for (int g = 0; g < CF_COUNT; g++)
				if (g == f || (is_all && profile_is_date_field(g)) ||
				    (is_stages && g >= CF_STAGE1 && g <= CF_STAGE9))
					pf->datefmt[g] = fmt;
		}
	}
	return 0;
}

static int read_strings(const struct pctx *c, const cJSON *arr, const char *where, char ***out,
			int *n)
{
	int i = 0;

	if (!cJSON_IsArray(arr))
		return perr(c, "%s: not a list of strings", where);
	*n = cJSON_GetArraySize(arr);
	*out = xcalloc((size_t)*n, sizeof(char *));
	for (const cJSON *v = arr->child; v; v = v->next, i++) {
		if (!cJSON_IsString(v) || !v->valuestring[0])
			return perr(c, "%s[%d]: not a non-blank string", where, i);
		(*out)[i] = xstrdup(v->valuestring);
	}
	return 0;
}

static int read_yes_no(const struct pctx *c, const cJSON *yn)
{
	static const char *const known[] = {"yes", "no", "case_sensitive", NULL};
	struct profile *pf = c->pf;
	const cJSON *cs;

	if (!cJSON_IsObject(yn))
		return perr(c, "yes_no: not an object");
	if (check_keys(c, yn, "yes_no.", known))
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
		return perr(c, "yes_no: give both \"yes\" and \"no\" spellings");
	if (read_strings(c, cJSON_GetObjectItemCaseSensitive(yn, "yes"), "yes_no.yes", &pf->yes,
			 &pf->nyes) ||
	    read_strings(c, cJSON_GetObjectItemCaseSensitive(yn, "no"), "yes_no.no", &pf->no, &pf->nno))
		return -1;
	cs = cJSON_GetObjectItemCaseSensitive(yn, "case_sensitive");
	if (cs && !cJSON_IsBool(cs))
		return perr(c, "yes_no.case_sensitive: not true or false");
	pf->yn_case = cJSON_IsTrue(cs);
	for (int i = 0; i < pf->nyes; i++)
		for (int j = 0; j < pf->nno; j++)
			if (pf->yn_case ? !strcmp(pf->yes[i], pf->no[j])
					: !strcasecmp(pf->yes[i], pf->no[j]))
				return perr(c, "yes_no: '%s' is both a yes and a no", pf->yes[i]);
	return 0;
}

static int read_defaults(const struct pctx *c, const cJSON *d)
{
	struct profile *pf = c->pf;

	if (!cJSON_IsObject(d))
		return perr(c, "defaults: not an object of field: value");
	for (const cJSON *k = d->child; k; k = k->next) {
		char where[120];
		int f;

		snprintf(where, sizeof(where), "defaults.\"%.60s\"", k->string);
		if ((f = field_of(c, where, k->string)) < 0)
			return -1;
		if (f == CF_REF || f == CF_CASE_REF || profile_is_date_field(f))
			return perr(c, "%s: %s has no default", where, k->string);
		if (!cJSON_IsString(k))
			return perr(c, "%s: not a string", where);
		if (check_target(c, where, f, k->valuestring))
			return -1;
		pf->dflt[f] = xstrdup(k->valuestring);
	}
	return 0;
}

static int read_stages(const struct pctx *c, const cJSON *st)
{
	static const char *const known_long[] = {"stage", "date", NULL};
	static const char *const known_json[] = {"path", "stage", "date", NULL};
	struct profile *pf = c->pf;
	const char *s;

	if (!cJSON_IsObject(st))
		return perr(c, "stages: not an object");
	if (check_keys(c, st, "stages.", pf->shape == PROFILE_JSON ? known_json : known_long))
		return -1;
	if (get_string(c, st, "stage", "stages.", 0, &s))
		return -1;
	pf->ev_stage = xstrdup(s);
	if (get_string(c, st, "date", "stages.", 0, &s))
		return -1;
	pf->ev_date = xstrdup(s);
	if (pf->shape == PROFILE_JSON) {
		if (get_string(c, st, "path", "stages.", 0, &s))
			return -1;
		pf->ev_path = xstrdup(s);
	}
	if (!pf->ev_stage[0] || !pf->ev_date[0] || (pf->ev_path && !pf->ev_path[0]))
		return perr(c, "stages: blank column name");
	if (!strcmp(pf->ev_stage, pf->ev_date))
		return perr(c, "stages: the stage and its date are the same column '%s'", pf->ev_stage);
	return 0;
}

static int read_columns(const struct pctx *c, const cJSON *cols)
{
	struct profile *pf = c->pf;
	int n = 0;

	if (!cJSON_IsObject(cols) || !cols->child)
		return perr(c, "columns: not an object of source column: canonical field");
	for (const cJSON *k = cols->child; k; k = k->next)
		n++;
	pf->col = xcalloc((size_t)n, sizeof(*pf->col));
	for (const cJSON *k = cols->child; k; k = k->next) {
		char where[120];
		int f;

		snprintf(where, sizeof(where), "columns.\"%.60s\"", k->string);
		if (!k->string[0])
			return perr(c, "columns: a blank column name");
		if (!cJSON_IsString(k))
			return perr(c, "%s: not a string (the canonical field it maps to)", where);
		if ((f = field_of(c, where, k->valuestring)) < 0)
			return -1;
		for (int i = 0; i < pf->ncol; i++) {
			if (!strcmp(pf->col[i].name, k->string))
				return perr(c, "%s: the column is given twice", where);
			if (pf->col[i].field == f)
				return perr(c, "%s: '%s' and '%s' both map to %s; one source column "
					    "per field", where, pf->col[i].name, k->string,
					    canon_field_name(f));
		}
		pf->col[pf->ncol].name = xstrdup(k->string);
		pf->col[pf->ncol].field = f;
		pf->ncol++;
	}
	return 0;
}

static int mapped(const struct profile *pf, int f)
{
	for (int i = 0; i < pf->ncol; i++)
		if (pf->col[i].field == f)
			return 1;
	return 0;
}

/* What the profile as a whole must say. */
static int check_whole(const struct pctx *c)
{
	static const int required[] = {CF_RAISED_BY, CF_RAISED_WITH, CF_RAISED_ON, CF_THEME};
	struct profile *pf = c->pf;
	int any_stage = pf->ev_stage != NULL;

	if (!mapped(pf, CF_REF))
		return perr(c, "columns: nothing maps to ref (each escalation needs its reference%s)",
			    pf->shape == PROFILE_LONG ? "; the long shape groups rows by it" : "");
	if (!mapped(pf, CF_PARTNERSHIP) && !pf->partnership)
		return perr(c, "source.partnership: missing (or map a column to partnership)");
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (!mapped(pf, required[i]) && !pf->dflt[required[i]])
			return perr(c, "columns: nothing maps to %s (map a column or give "
				    "defaults.%s)", canon_field_name(required[i]),
				    canon_field_name(required[i]));
	for (int f = CF_STAGE1; f <= CF_STAGE9; f++)
		any_stage |= mapped(pf, f);
	if (!any_stage)
		return perr(c, "columns: no stage (map stage1_on ... or describe the stage events "
			    "in \"stages\")");
	if (pf->shape == PROFILE_WIDE && !mapped(pf, CF_STATUS) && !pf->dflt[CF_STATUS])
		return perr(c, "columns: nothing maps to status (map a column or give "
			    "defaults.status)");
	if (pf->shape != PROFILE_WIDE && !pf->ev_stage)
		return perr(c, "stages: missing (the %s shape reads stage events)",
			    pf->shape == PROFILE_LONG ? "long" : "json");
	if (pf->shape == PROFILE_JSON && !pf->records)
		return perr(c, "records: missing (the path of the array of records; \"\" when "
			    "the document is the array)");
	/* A name is mapped, dropped or a stage-event column: one of them. */
	for (int i = 0; i < pf->ndrop; i++) {
		for (int j = 0; j < pf->ncol; j++)
			if (!strcmp(pf->drop[i], pf->col[j].name))
				return perr(c, "drop: '%s' is mapped in columns too", pf->drop[i]);
		for (int j = 0; j < i; j++)
			if (!strcmp(pf->drop[i], pf->drop[j]))
				return perr(c, "drop: '%s' is given twice", pf->drop[i]);
	}
	if (pf->ev_stage) {
		const char *ev[2] = {pf->ev_stage, pf->ev_date};

		for (int e = 0; e < 2; e++) {
			for (int j = 0; j < pf->ncol && pf->shape == PROFILE_LONG; j++)
				if (!strcmp(ev[e], pf->col[j].name))
					return perr(c, "stages: '%s' is mapped in columns too", ev[e]);
			for (int j = 0; j < pf->ndrop; j++)
				if (!strcmp(ev[e], pf->drop[j]))
					return perr(c, "stages: '%s' is dropped too", ev[e]);
		}
	}
	return 0;
}

static void default_yes_no(struct profile *pf)
{
	/* DESIGN.md: "yes/no spellings"; these are what exports use. */
	static const char *const yes[] = {"Yes", "Y", "TRUE", "1"};
	static const char *const no[] = {"No", "N", "FALSE", "0"};

	pf->nyes = pf->nno = 4;
	pf->yes = xcalloc(4, sizeof(char *));
	pf->no = xcalloc(4, sizeof(char *));
	for (int i = 0; i < 4; i++) {
		pf->yes[i] = xstrdup(yes[i]);
		pf->no[i] = xstrdup(no[i]);
	}
}

static char *name_of_path(const char *path)
{
	const char *b = strrchr(path, '/');
	char *name;
	size_t n;

	b = b ? b + 1 : path;
	name = xstrdup(b);
	n = strlen(name);
	if (n > 5 && strcmp(name + n - 5, ".json") == 0)
		name[n - 5] = '\0';
	return name;
}

struct profile *profile_load(const char *path, int *status)
{
	static const char *const known[] = {
		"format", "description", "source", "shape", "encoding", "delimiter", "columns",
		"drop", "ignore_unmapped", "dates", "values", "defaults", "yes_no", "records",
		"stages", NULL};
	static const char *const known_source[] = {"partnership", "agency", "ref_prefix", NULL};
	struct pctx c = {path, NULL};
	struct profile *pf = NULL;
	char *text = NULL;
	cJSON *root = NULL;
	const cJSON *v, *src;
	const char *s;

	*status = EXIT_DATA;
	{
		struct stat sb;

		if (stat(path, &sb) != 0) {
			error("%s: cannot open profile: %s", path, strerror(errno));
			*status = EXIT_ENV;
			return NULL;
		}
	}
	text = refdata_slurp(path, PROFILE_MAX_BYTES);
	if (!text) {
		*status = EXIT_ENV;
		return NULL;
	}
	root = cJSON_ParseWithOpts(text, NULL, 1); /* no text after the value */
	if (!root) {
		const char *where = cJSON_GetErrorPtr();
		long line = 1;

		if (where && where >= text)
			for (const char *p = text; p < where && *p; p++)
				line += *p == '\n';
		error("%s:%ld: not valid JSON", path, line);
		goto fail;
	}
	if (!cJSON_IsObject(root)) {
		perr(&c, "not a JSON object (a profile is {\"format\": \"%s\", ...})", PROFILE_FORMAT);
		goto fail;
	}
	pf = xcalloc(1, sizeof(*pf));
	c.pf = pf;
	pf->path = xstrdup(path);
	pf->name = name_of_path(path);
	pf->delim = ',';
	default_yes_no(pf);
	if (check_keys(&c, root, "", known))
		goto fail;
	if (get_string(&c, root, "format", "", 0, &s))
		goto fail;
	if (strcmp(s, PROFILE_FORMAT)) {
		perr(&c, "format: '%s' is not \"%s\"", s, PROFILE_FORMAT);
		goto fail;
	}
	if (get_string(&c, root, "description", "", 1, &s))
		goto fail;
	pf->description = s ? xstrdup(s) : NULL;

	src = cJSON_GetObjectItemCaseSensitive(root, "source");
	if (!cJSON_IsObject(src)) {
		perr(&c, "source: %s", src ? "not an object" : "missing (partnership, agency, ref_prefix)");
		goto fail;
	}
	if (check_keys(&c, src, "source.", known_source) ||
	    get_string(&c, src, "agency", "source.", 0, &s))
		goto fail;
	if (!s[0]) {
		perr(&c, "source.agency: blank (whose log it is)");
		goto fail;
	}
	pf->agency = xstrdup(s);
	if (get_string(&c, src, "partnership", "source.", 1, &s))
		goto fail;
	pf->partnership = s && s[0] ? xstrdup(s) : NULL;
	if (get_string(&c, src, "ref_prefix", "source.", 1, &s))
		goto fail;
	pf->ref_prefix = s && s[0] ? xstrdup(s) : NULL;

	if (get_string(&c, root, "shape", "", 0, &s))
		goto fail;
	if (!strcmp(s, "wide")) {
		pf->shape = PROFILE_WIDE;
	} else if (!strcmp(s, "long")) {
		pf->shape = PROFILE_LONG;
	} else if (!strcmp(s, "json")) {
		pf->shape = PROFILE_JSON;
	} else {
		perr(&c, "shape: '%s' is not wide, long or json", s);
		goto fail;
	}
	if (get_string(&c, root, "encoding", "", 1, &s))
		goto fail;
	if (!s || !strcasecmp(s, "utf-8")) {
		pf->encoding = PROFILE_UTF8;
	} else if (!strcasecmp(s, "windows-1252")) {
		pf->encoding = PROFILE_CP1252;
	} else {
		perr(&c, "encoding: '%s' is not utf-8 or windows-1252", s);
		goto fail;
	}
	if (get_string(&c, root, "delimiter", "", 1, &s))
		goto fail;
	if (s) {
		if (pf->shape == PROFILE_JSON) {
			perr(&c, "delimiter: a json profile has none");
			goto fail;
		}
		if (strcmp(s, ",") && strcmp(s, ";") && strcmp(s, "\t")) {
			perr(&c, "delimiter: '%s' is not \",\", \";\" or \"\\t\"", s);
			goto fail;
		}
		pf->delim = (unsigned char)s[0];
	}
	if (read_columns(&c, cJSON_GetObjectItemCaseSensitive(root, "columns")))
		goto fail;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "drop")) &&
	    read_strings(&c, v, "drop", &pf->drop, &pf->ndrop))
		goto fail;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "ignore_unmapped"))) {
		if (!cJSON_IsBool(v)) {
			perr(&c, "ignore_unmapped: not true or false");
			goto fail;
		}
		pf->ignore_unmapped = cJSON_IsTrue(v);
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "dates")) && read_dates(&c, v))
		goto fail;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "values")) && read_values(&c, v))
		goto fail;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "defaults")) && read_defaults(&c, v))
		goto fail;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "yes_no")) && read_yes_no(&c, v))
		goto fail;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "records"))) {
		if (pf->shape != PROFILE_JSON) {
			perr(&c, "records: only a json profile has records");
			goto fail;
		}
		if (!cJSON_IsString(v)) {
			perr(&c, "records: not a string (a path such as \"data.items\")");
			goto fail;
		}
		pf->records = xstrdup(v->valuestring);
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "stages"))) {
		if (pf->shape == PROFILE_WIDE) {
			perr(&c, "stages: a wide profile maps stage columns (stage1_on ...) instead");
			goto fail;
		}
		if (read_stages(&c, v))
			goto fail;
	}
	if (check_whole(&c))
		goto fail;
	cJSON_Delete(root);
	free(text);
	*status = EXIT_OK;
	return pf;
fail:
	cJSON_Delete(root);
	free(text);
	profile_free(pf);
	return NULL;
}

void profile_free(struct profile *pf)
{
	if (!pf)
		return;
	free(pf->path);
	free(pf->name);
	free(pf->description);
	free(pf->partnership);
	free(pf->agency);
	free(pf->ref_prefix);
	for (int i = 0; i < pf->ncol; i++)
		free(pf->col[i].name);
	free(pf->col);
	for (int i = 0; i < pf->ndrop; i++)
		free(pf->drop[i]);
	free(pf->drop);
	for (int f = 0; f < CF_COUNT; f++) {
		vmap_free(&pf->vmap[f]);
		free(pf->dflt[f]);
	}
	vmap_free(&pf->stage);
	for (int i = 0; i < pf->nyes; i++)
		free(pf->yes[i]);
	for (int i = 0; i < pf->nno; i++)
		free(pf->no[i]);
	free(pf->yes);
	free(pf->no);
	free(pf->records);
	free(pf->ev_path);
	free(pf->ev_stage);
	free(pf->ev_date);
	free(pf);
}

/* One id the profile maps to, checked: 0 or -1 after an error. */
static int check_id(const struct profile *pf, const struct ref *r,
		    const struct ref_partnership *p, int f, const char *where, const char *id)
{
	const char *hint = NULL;

	if (f == CF_PARTNERSHIP) {
		if (ref_find_partnership(r, id))
			return 0;
		return error("%s: %s: '%s' is not a partnership of the warehouse", pf->path, where, id);
	}
	if (f == CF_THEME) {
		if (ref_is_theme(r, id))
			return 0;
		hint = ref_suggest(id, r->theme, r->ntheme);
		return error("%s: %s: '%s' is not a theme%s%s%s", pf->path, where, id,
			     hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
	}
	if ((f == CF_RAISED_BY || f == CF_RAISED_WITH) && p) {
		if (ref_agency_index(p, id) >= 0)
			return 0;
		hint = ref_suggest(id, p->agency, p->nagency);
		return error("%s: %s: '%s' is not an agency of %s%s%s%s", pf->path, where, id, p->id,
			     hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
	}
	return 0;
}

int profile_check_ref(const struct profile *pf, const struct ref *r)
{
	static const int fields[] = {CF_PARTNERSHIP, CF_RAISED_BY, CF_RAISED_WITH, CF_THEME};
	const struct ref_partnership *p = NULL;
	char where[200];

	if (pf->partnership) {
		if (check_id(pf, r, NULL, CF_PARTNERSHIP, "source.partnership", pf->partnership))
			return -1;
		p = ref_find_partnership(r, pf->partnership);
		if (check_id(pf, r, p, CF_RAISED_BY, "source.agency", pf->agency))
			return -1;
	}
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		int f = fields[i];
		const struct profile_vmap *m = &pf->vmap[f];

		for (int k = 0; k < m->n; k++) {
			snprintf(where, sizeof(where), "values.%s.\"%.60s\"",
				 pf->vmap_agency & (1 << f) ? "agency" : canon_field_name(f), m->from[k]);
			if (check_id(pf, r, p, f, where, m->to[k]))
				return -1;
		}
		snprintf(where, sizeof(where), "defaults.%s", canon_field_name(f));
		if (pf->dflt[f] && check_id(pf, r, p, f, where, pf->dflt[f]))
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* finding a profile by name                                           */

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The profile folders, in search order: each of $OVERSIGHT_PROFILES
 * (a partnership's own profiles win over the shipped ones), then
 * <data dir>/profiles.  Returns their number; dirs[] point into buf. */
#define PROFILE_DIRS_MAX 16
static int profile_dirs(char *buf, size_t cap, const char **dirs)
{
	const char *env = getenv("OVERSIGHT_PROFILES");
	size_t used = 0;
	int n = 0;

	for (const char *d = env ? env : ""; *d && n < PROFILE_DIRS_MAX - 1;) {
		size_t len = strcspn(d, ":");

		if (len && used + len + 1 <= cap) {
			memcpy(buf + used, d, len);
			buf[used + len] = '\0';
			dirs[n++] = buf + used;
			used += len + 1;
		}
		d += len;
		if (*d == ':')
			d++;
	}
	if (used < cap) {
		snprintf(buf + used, cap - used, "%s/profiles", cli_data_dir());
		dirs[n++] = buf + used;
	}
	return n;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "canonical, activity" and the names of the profiles in the folders,
 * sorted, for the message about an unknown name. */
static void known_names(const char *const *dirs, int ndir, char *out, size_t cap)
{
	char *names[64];
	int n = 0;

	snprintf(out, cap, "canonical, activity");
	for (int i = 0; i < ndir; i++) {
		DIR *d = opendir(dirs[i]);
		struct dirent *e;

		if (!d)
			continue;
		while ((e = readdir(d)) && n < 64) {
			size_t len = strlen(e->d_name);
			int dup = 0;

			if (len <= 5 || e->d_name[0] == '.' || strcmp(e->d_name + len - 5, ".json"))
				continue;
			for (int k = 0; k < n; k++)
				dup |= strncmp(names[k], e->d_name, len - 5) == 0 && names[k][len - 5] == '\0';
			if (!dup && (names[n] = strndup(e->d_name, len - 5)))
				n++;
		}
		closedir(d);
	}
	qsort(names, (size_t)n, sizeof(names[0]), cmp_str);
	for (int k = 0; k < n; k++) {
		size_t used = strlen(out);

		if (used + strlen(names[k]) + 8 < cap)
			snprintf(out + used, cap - used, ", %s", names[k]);
		else if (used + 6 < cap && !strstr(out, ", ..."))
			snprintf(out + used, cap - used, ", ...");
		free(names[k]);
	}
}

struct profile *profile_open(const char *arg, int *status)
{
	char path[PATH_MAX], buf[4096], known[1024], looked[2048] = "";
	const char *dirs[PROFILE_DIRS_MAX];
	size_t n = strlen(arg);
	int ndir;

	if (strchr(arg, '/') || (n > 5 && strcmp(arg + n - 5, ".json") == 0))
		return profile_load(arg, status);
	/* A name is a file name: letters, digits, '.', '-', '_' only, so
	 * that it cannot reach outside the profile folders. */
	for (const char *p = arg; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.')) {
			error("--profile: '%s' is not a profile name (letters, digits, '-', '_', "
			      "'.') nor a path", arg);
			*status = EXIT_USAGE;
			return NULL;
		}
	if (!n || arg[0] == '.') {
		error("--profile: '%s' is not a profile name", arg);
		*status = EXIT_USAGE;
		return NULL;
	}
	ndir = profile_dirs(buf, sizeof(buf), dirs);
	for (int i = 0; i < ndir; i++) {
		snprintf(path, sizeof(path), "%s/%s.json", dirs[i], arg);
		if (is_file(path))
			return profile_load(path, status);
		snprintf(looked + strlen(looked), sizeof(looked) - strlen(looked), "%s%s",
			 i ? ", " : "", dirs[i]);
	}
	known_names(dirs, ndir, known, sizeof(known));
	error("--profile: unknown profile '%s' (known: %s)", arg, known);
	error("--profile: a profile is <name>.json in %s ($OVERSIGHT_PROFILES first), or a path "
	      "to one", looked);
	*status = EXIT_USAGE;
	return NULL;
}

/* ------------------------------------------------------------------ */
/* building a record                                                   */

void profile_rec_init(struct profile_rec *r, const struct profile *pf)
{
	memset(r, 0, sizeof(*r));
	r->pf = pf;
}

void profile_rec_free(struct profile_rec *r)
{
	for (int f = 0; f < CF_COUNT; f++) {
		free(r->val[f]);
		free(r->given[f]);
	}
	memset(r, 0, sizeof(*r));
}

void profile_rec_start(struct profile_rec *r, long line)
{
	memset(&r->in, 0, sizeof(r->in));
	r->in.line = line;
	for (int f = 0; f < CF_COUNT; f++) {
		r->vline[f] = 0;
		r->src[f][0] = '\0';
	}
	r->events = 0;
	r->closed_by_event = 0;
	r->fail = 0;
	r->fail_field = -1;
	r->fail_col = 0;
	r->why[0] = '\0';
}

static void keep(char **buf, size_t *cap, const char *s, size_t n)
{
	if (n + 1 > *cap) {
		size_t c = *cap ? *cap : 64;

		while (c < n + 1)
			c *= 2;
		*buf = realloc(*buf, c);
		if (!*buf)
			die(EXIT_INTERNAL, "out of memory");
		*cap = c;
	}
	if (n)
		memcpy(*buf, s, n);
	(*buf)[n] = '\0';
}

/* A value for a message: control characters shown as '?', cut at 40. */
static const char *shown(const char *s, size_t n, char *buf, size_t cap)
{
	size_t keep_n = n > 40 ? 40 : n, j = 0;

	for (size_t i = 0; i < keep_n && j + 4 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[j++] = (c < 32 || c == 127) ? '?' : (char)c;
	}
	if (keep_n < n && j + 4 < cap) {
		memcpy(buf + j, "...", 3);
		j += 3;
	}
	buf[j] = '\0';
	return buf;
}

/* Keep the record's first failure: "<source> (<field>): <why>".  A
 * stage code belongs to no field yet: f is CF_STAGE1, shown as "stage". */
#define FAIL_STAGE_CODE (-1 - CF_STAGE1)

static void failf(struct profile_rec *r, int f, int col, const char *src, long line,
		  const char *fmt, ...) MSG_PRINTF(6, 7);
static void failf(struct profile_rec *r, int f, int col, const char *src, long line,
		  const char *fmt, ...)
{
	const char *label;
	va_list ap;
	int n;

	if (r->fail)
		return;
	label = f == FAIL_STAGE_CODE ? "stage" : canon_field_name(f);
	if (f == FAIL_STAGE_CODE)
		f = CF_STAGE1;
	r->fail = 1;
	r->fail_field = f;
	r->fail_col = col;
	n = snprintf(r->why, sizeof(r->why), "%s (%s): ", src && *src ? src : label, label);
	if (n < 0 || (size_t)n >= sizeof(r->why))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(r->why + n, sizeof(r->why) - (size_t)n, fmt, ap);
	va_end(ap);
	/* A long group's value may come from a later row than the first. */
	if (line && line != r->in.line) {
		size_t l = strlen(r->why);

		snprintf(r->why + l, sizeof(r->why) - l, " (line %ld)", line);
	}
}

static void trim(const char **s, size_t *len)
{
	while (*len && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' || (*s)[*len - 1] == '\r'))
		(*len)--;
}

/* Store canonical text t for field f, unless a different non-blank value
 * is there already (a long group whose rows disagree). */
static void put(struct profile_rec *r, int f, const char *t, size_t tlen, const char *given,
		size_t glen, int col, const char *src, long line)
{
	char a[64], b[64];

	if (r->in.v[f] && r->in.len[f]) {
		if (!tlen)
			return;
		if (tlen == r->in.len[f] && memcmp(t, r->in.v[f], tlen) == 0)
			return;
		failf(r, f, col, src, line, "'%s' differs from '%s' at line %ld: the rows of one "
		      "escalation must agree", shown(given, glen, a, sizeof(a)),
		      shown(r->given[f], strlen(r->given[f]), b, sizeof(b)), r->vline[f]);
		return;
	}
	keep(&r->val[f], &r->cap[f], t, tlen);
	keep(&r->given[f], &r->gcap[f], given, glen);
	r->in.v[f] = r->val[f];
	r->in.len[f] = tlen;
	r->in.col[f] = col;
	r->vline[f] = line;
	if (src) {
		snprintf(r->src[f], sizeof(r->src[f]), "%s", src);
		r->in.src[f] = r->src[f];
	} else {
		r->in.src[f] = NULL;
	}
}

static int yes_no(const struct profile *pf, const char *s, size_t len)
{
	for (int i = 0; i < pf->nyes; i++)
		if (strlen(pf->yes[i]) == len &&
		    (pf->yn_case ? !strncmp(pf->yes[i], s, len) : !strncasecmp(pf->yes[i], s, len)))
			return 1;
	for (int i = 0; i < pf->nno; i++)
		if (strlen(pf->no[i]) == len &&
		    (pf->yn_case ? !strncmp(pf->no[i], s, len) : !strncasecmp(pf->no[i], s, len)))
			return 0;
	return -1;
}

/* Where the profile gave field f's codes. */
static const char *vmap_key(const struct profile *pf, int f)
{
	return pf->vmap_agency & (1 << f) ? "agency" : canon_field_name(f);
}

void profile_rec_set(struct profile_rec *r, int f, const char *v, size_t len, int col,
		     const char *src, long line)
{
	const struct profile *pf = r->pf;
	char b[64], iso[11], *pre = NULL;
	const char *t = v;
	size_t tlen;
	int day, i;

	trim(&v, &len);
	t = v;
	tlen = len;
	if (r->fail)
		return;
	if (len == 0) {
		put(r, f, "", 0, "", 0, col, src, line);
		return;
	}
	if (f == CF_REF && pf->ref_prefix) {
		size_t pl = strlen(pf->ref_prefix);

		pre = malloc(pl + len + 1);
		if (!pre)
			die(EXIT_INTERNAL, "out of memory");
		memcpy(pre, pf->ref_prefix, pl);
		memcpy(pre + pl, v, len);
		pre[pl + len] = '\0';
		t = pre;
		tlen = pl + len;
	} else if (pf->vmap[f].n) {
		if ((i = vmap_find(&pf->vmap[f], v, len)) < 0) {
			failf(r, f, col, src, line, "'%s' is not a code of the profile's values.%s",
			      shown(v, len, b, sizeof(b)), vmap_key(pf, f));
			return;
		}
		t = pf->vmap[f].to[i];
		tlen = strlen(t);
	} else if (profile_is_yes_no_field(f)) {
		int yn = yes_no(pf, v, len);

		if (yn < 0) {
			failf(r, f, col, src, line, "'%s' is not a yes/no spelling of the profile "
			      "(yes: %s%s, no: %s%s)", shown(v, len, b, sizeof(b)), pf->yes[0],
			      pf->nyes > 1 ? ", ..." : "", pf->no[0], pf->nno > 1 ? ", ..." : "");
			return;
		}
		t = yn ? "y" : "n";
		tlen = 1;
	} else if (profile_is_date_field(f)) {
		if (profile_parse_date(pf->datefmt[f], v, len, &day)) {
			failf(r, f, col, src, line, "\"%s\" is not a date (%s)", shown(v, len, b, sizeof(b)),
			      datefmt_name[pf->datefmt[f]]);
			return;
		}
		t = date_format(day, iso);
		tlen = 10;
	}
	put(r, f, t, tlen, v, len, col, src, line);
	free(pre);
}

void profile_rec_event(struct profile_rec *r, const char *code, size_t clen, int ccol,
		       const char *csrc, const char *date, size_t dlen, int dcol,
		       const char *dsrc, long line)
{
	const struct profile *pf = r->pf;
	char b[64], iso[11];
	int stage = 0, i, day, f;

	trim(&code, &clen);
	trim(&date, &dlen);
	r->events++;
	if (r->fail)
		return;
	if (!clen) {
		failf(r, FAIL_STAGE_CODE, ccol, csrc, line, "blank: each stage event names its stage");
		return;
	}
	if (pf->stage.n) {
		if ((i = vmap_find(&pf->stage, code, clen)) >= 0)
			stage = pf->stage.to[i][0] - '0';
	} else if (clen == 1 && code[0] >= '1' && code[0] <= '0' + CANON_MAX_STAGE) {
		stage = code[0] - '0';
	}
	if (stage) {
		f = CF_STAGE1 + stage - 1;
		if (!dlen) {
			failf(r, f, dcol, dsrc, line, "blank: the stage %d event has no date", stage);
			return;
		}
		if (profile_parse_date(pf->datefmt[f], date, dlen, &day)) {
			failf(r, f, dcol, dsrc, line, "\"%s\" is not a date (%s)",
			      shown(date, dlen, b, sizeof(b)), datefmt_name[pf->datefmt[f]]);
			return;
		}
		date_format(day, iso);
		/* A stage entered twice: the escalation entered it on the
		 * first of them (DESIGN.md: "date the escalation entered
		 * stage N"). */
		if (r->in.v[f] && r->in.len[f] && memcmp(iso, r->in.v[f], 10) >= 0)
			return;
		r->in.v[f] = NULL;
		r->in.len[f] = 0;
		put(r, f, iso, 10, date, dlen, dcol, dsrc, line);
		return;
	}
	if ((i = vmap_find(&pf->vmap[CF_STATUS], code, clen)) >= 0) {
		const char *st = pf->vmap[CF_STATUS].to[i];

		put(r, CF_STATUS, st, strlen(st), code, clen, ccol, csrc, line);
		r->closed_by_event = 1;
		if (strcmp(st, "open") == 0 || !dlen)
			return;
		if (profile_parse_date(pf->datefmt[CF_CLOSED_ON], date, dlen, &day)) {
			failf(r, CF_CLOSED_ON, dcol, dsrc, line, "\"%s\" is not a date (%s)",
			      shown(date, dlen, b, sizeof(b)), datefmt_name[pf->datefmt[CF_CLOSED_ON]]);
			return;
		}
		put(r, CF_CLOSED_ON, date_format(day, iso), 10, date, dlen, dcol, dsrc, line);
		return;
	}
	if (pf->stage.n)
		failf(r, FAIL_STAGE_CODE, ccol, csrc, line, "'%s' is not a stage of the profile's "
		      "values.stage%s", shown(code, clen, b, sizeof(b)),
		      pf->vmap[CF_STATUS].n ? " nor a closure of values.status" : "");
	else
		failf(r, FAIL_STAGE_CODE, ccol, csrc, line, "'%s' is not a stage number 1..%d%s",
		      shown(code, clen, b, sizeof(b)), CANON_MAX_STAGE,
		      pf->vmap[CF_STATUS].n ? " nor a closure of values.status" : "");
}

int profile_rec_finish(struct profile_rec *r)
{
	const struct profile *pf = r->pf;

	if (r->fail)
		return -1;
	if ((!r->in.v[CF_PARTNERSHIP] || !r->in.len[CF_PARTNERSHIP]) && pf->partnership)
		put(r, CF_PARTNERSHIP, pf->partnership, strlen(pf->partnership), pf->partnership,
		    strlen(pf->partnership), 0, "source.partnership", r->in.line);
	for (int f = 0; f < CF_COUNT; f++)
		if ((!r->in.v[f] || !r->in.len[f]) && pf->dflt[f])
			put(r, f, pf->dflt[f], strlen(pf->dflt[f]), pf->dflt[f], strlen(pf->dflt[f]), 0,
			    "defaults", r->in.line);
	/* An escalation whose events hold no closure is still open. */
	if (pf->shape != PROFILE_WIDE && (!r->in.v[CF_STATUS] || !r->in.len[CF_STATUS]))
		put(r, CF_STATUS, "open", 4, "", 0, 0, "no closure event", r->in.line);
	return r->fail ? -1 : 0;
}

/* ------------------------------------------------------------------ */

int profile_read(const struct profile *pf, FILE *fp, const char *name,
		 const struct profile_sink *sink)
{
	if (pf->shape == PROFILE_JSON)
		return profile_read_json(pf, fp, name, sink);
	return profile_read_csv(pf, fp, name, sink);
}
