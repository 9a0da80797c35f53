/*
 * profile.c - reading a profile and checking it as a whole, and finding
 * one by name: see profile.h and docs/profiles.md.  The sections of the
 * file are read by profile_parse.c.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/cli.h"
#include "core/msg.h"
#include "core/util.h"
#include "profile_parse.h"
#include "model/refdata.h"

#define PROFILE_FORMAT "oversight-profile/1"
#define PROFILE_MAX_BYTES (1 << 20) /* a profile is a page of JSON, not a data file */

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
		return pctx_err(c, "columns: nothing maps to ref (each escalation needs its reference%s)",
			    pf->shape == PROFILE_LONG ? "; the long shape groups rows by it" : "");
	if (!mapped(pf, CF_PARTNERSHIP) && !pf->partnership)
		return pctx_err(c, "source.partnership: missing (or map a column to partnership)");
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (!mapped(pf, required[i]) && !pf->dflt[required[i]])
			return pctx_err(c, "columns: nothing maps to %s (map a column or give "
				    "defaults.%s)", canon_field_name(required[i]),
				    canon_field_name(required[i]));
	for (int f = CF_STAGE1; f <= CF_STAGE9; f++)
		any_stage |= mapped(pf, f);
	any_stage |= mapped(pf, CF_STAGE0);
	if (!any_stage)
		return pctx_err(c, "columns: no stage (map stage1_on ... or describe the stage events "
			    "in \"stages\")");
	if (pf->shape == PROFILE_WIDE && !mapped(pf, CF_STATUS) && !pf->dflt[CF_STATUS])
		return pctx_err(c, "columns: nothing maps to status (map a column or give "
			    "defaults.status)");
	if (pf->shape != PROFILE_WIDE && !pf->ev_stage)
		return pctx_err(c, "stages: missing (the %s shape reads stage events)",
			    pf->shape == PROFILE_LONG ? "long" : "json");
	if (pf->shape == PROFILE_JSON && !pf->records)
		return pctx_err(c, "records: missing (the path of the array of records; \"\" when "
			    "the document is the array)");
	/* A name is mapped, dropped or a stage-event column: one of them. */
	for (int i = 0; i < pf->ndrop; i++) {
		for (int j = 0; j < pf->ncol; j++)
			if (!strcmp(pf->drop[i], pf->col[j].name))
				return pctx_err(c, "drop: '%s' is mapped in columns too", pf->drop[i]);
		for (int j = 0; j < i; j++)
			if (!strcmp(pf->drop[i], pf->drop[j]))
				return pctx_err(c, "drop: '%s' is given twice", pf->drop[i]);
	}
	if (pf->ev_stage) {
		const char *ev[2] = {pf->ev_stage, pf->ev_date};

		for (int e = 0; e < 2; e++) {
			for (int j = 0; j < pf->ncol && pf->shape == PROFILE_LONG; j++)
				if (!strcmp(ev[e], pf->col[j].name))
					return pctx_err(c, "stages: '%s' is mapped in columns too", ev[e]);
			for (int j = 0; j < pf->ndrop; j++)
				if (!strcmp(ev[e], pf->drop[j]))
					return pctx_err(c, "stages: '%s' is dropped too", ev[e]);
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

/* "source": whose log it is. */
static int load_source(const struct pctx *c, const cJSON *root)
{
	static const char *const known[] = {"partnership", "agency", "ref_prefix", NULL};
	struct profile *pf = c->pf;
	const cJSON *src = cJSON_GetObjectItemCaseSensitive(root, "source");
	const char *s;

	if (!cJSON_IsObject(src))
		return pctx_err(c, "source: %s",
				src ? "not an object" : "missing (partnership, agency, ref_prefix)");
	if (pctx_keys(c, src, "source.", known) || pctx_string(c, src, "agency", "source.", 0, &s))
		return -1;
	if (!s[0])
		return pctx_err(c, "source.agency: blank (whose log it is)");
	pf->agency = xstrdup(s);
	if (pctx_string(c, src, "partnership", "source.", 1, &s))
		return -1;
	pf->partnership = s && s[0] ? xstrdup(s) : NULL;
	if (pctx_string(c, src, "ref_prefix", "source.", 1, &s))
		return -1;
	pf->ref_prefix = s && s[0] ? xstrdup(s) : NULL;
	return 0;
}

/* "workbook": which sheet of an .xlsx file, and its header row. */
static int load_workbook(const struct pctx *c, const cJSON *wb)
{
	static const char *const known[] = {"sheet", "header_row", NULL};
	struct profile *pf = c->pf;
	const cJSON *v;
	const char *s;

	pf->wb_header_row = 1;
	if (!wb)
		return 0;
	if (pf->shape == PROFILE_JSON)
		return pctx_err(c, "workbook: a json profile reads JSON, not a workbook");
	if (!cJSON_IsObject(wb))
		return pctx_err(c, "workbook: not an object ({\"sheet\": \"Escalations\", "
				"\"header_row\": 1})");
	if (pctx_keys(c, wb, "workbook.", known) || pctx_string(c, wb, "sheet", "workbook.", 1, &s))
		return -1;
	if (s && !s[0])
		return pctx_err(c, "workbook.sheet: blank (leave it out for the first sheet)");
	pf->wb_sheet = s ? xstrdup(s) : NULL;
	if ((v = cJSON_GetObjectItemCaseSensitive(wb, "header_row"))) {
		if (!cJSON_IsNumber(v) || v->valuedouble != (double)(int)v->valuedouble ||
		    v->valuedouble < 1 || v->valuedouble > 1048576)
			return pctx_err(c, "workbook.header_row: not a row number (1 is the first row)");
		pf->wb_header_row = v->valueint;
	}
	return 0;
}

/* "shape", "encoding" and "delimiter": the form of the agency's file. */
static int load_form(const struct pctx *c, const cJSON *root)
{
	struct profile *pf = c->pf;
	const char *s;

	if (pctx_string(c, root, "shape", "", 0, &s))
		return -1;
	if (!strcmp(s, "wide"))
		pf->shape = PROFILE_WIDE;
	else if (!strcmp(s, "long"))
		pf->shape = PROFILE_LONG;
	else if (!strcmp(s, "json"))
		pf->shape = PROFILE_JSON;
	else
		return pctx_err(c, "shape: '%s' is not wide, long or json", s);
	if (pctx_string(c, root, "encoding", "", 1, &s))
		return -1;
	if (!s || !strcasecmp(s, "utf-8"))
		pf->encoding = PROFILE_UTF8;
	else if (!strcasecmp(s, "windows-1252"))
		pf->encoding = PROFILE_CP1252;
	else
		return pctx_err(c, "encoding: '%s' is not utf-8 or windows-1252", s);
	if (pctx_string(c, root, "delimiter", "", 1, &s))
		return -1;
	if (s) {
		if (pf->shape == PROFILE_JSON)
			return pctx_err(c, "delimiter: a json profile has none");
		if (strcmp(s, ",") && strcmp(s, ";") && strcmp(s, "\t"))
			return pctx_err(c, "delimiter: '%s' is not \",\", \";\" or \"\\t\"", s);
		pf->delim = (unsigned char)s[0];
	}
	return load_workbook(c, cJSON_GetObjectItemCaseSensitive(root, "workbook"));
}

/* The mapping: "columns" to "stages", in the order their checks run. */
static int load_mapping(const struct pctx *c, const cJSON *root)
{
	struct profile *pf = c->pf;
	const cJSON *v;

	if (pctx_columns(c, cJSON_GetObjectItemCaseSensitive(root, "columns")))
		return -1;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "drop")) &&
	    pctx_strings(c, v, "drop", &pf->drop, &pf->ndrop))
		return -1;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "ignore_unmapped"))) {
		if (!cJSON_IsBool(v))
			return pctx_err(c, "ignore_unmapped: not true or false");
		pf->ignore_unmapped = cJSON_IsTrue(v);
	}
	if (((v = cJSON_GetObjectItemCaseSensitive(root, "dates")) && pctx_dates(c, v)) ||
	    ((v = cJSON_GetObjectItemCaseSensitive(root, "values")) && pctx_values(c, v)) ||
	    ((v = cJSON_GetObjectItemCaseSensitive(root, "defaults")) && pctx_defaults(c, v)) ||
	    ((v = cJSON_GetObjectItemCaseSensitive(root, "yes_no")) && pctx_yes_no(c, v)))
		return -1;
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "records"))) {
		if (pf->shape != PROFILE_JSON)
			return pctx_err(c, "records: only a json profile has records");
		if (!cJSON_IsString(v))
			return pctx_err(c, "records: not a string (a path such as \"data.items\")");
		pf->records = xstrdup(v->valuestring);
	}
	if ((v = cJSON_GetObjectItemCaseSensitive(root, "stages"))) {
		if (pf->shape == PROFILE_WIDE)
			return pctx_err(c, "stages: a wide profile maps stage columns (stage1_on ...) "
					"instead");
		if (pctx_stages(c, v))
			return -1;
	}
	return check_whole(c);
}

struct profile *profile_load(const char *path, int *status)
{
	static const char *const known[] = {
		"format", "description", "source", "shape", "encoding", "delimiter", "columns",
		"drop", "ignore_unmapped", "dates", "values", "defaults", "yes_no", "records",
		"stages", "workbook", NULL};
	struct pctx c = {path, NULL};
	struct profile *pf = NULL;
	struct stat sb;
	char *text = NULL;
	cJSON *root = NULL;
	const char *s;

	*status = EXIT_DATA;
	if (stat(path, &sb) != 0) {
		error("%s: cannot open profile: %s", path, strerror(errno));
		*status = EXIT_ENV;
		return NULL;
	}
	text = refdata_slurp(path, PROFILE_MAX_BYTES);
	if (!text) {
		*status = EXIT_ENV;
		return NULL;
	}
	/* refdata_slurp() refuses a NUL byte: strlen() is the length */
	root = util_json_parse(path, text, strlen(text));
	if (!root)
		goto fail;
	if (!cJSON_IsObject(root)) {
		pctx_err(&c, "not a JSON object (a profile is {\"format\": \"%s\", ...})",
			 PROFILE_FORMAT);
		goto fail;
	}
	pf = xcalloc(1, sizeof(*pf));
	c.pf = pf;
	pf->path = xstrdup(path);
	pf->name = name_of_path(path);
	pf->delim = ',';
	default_yes_no(pf);
	if (pctx_keys(&c, root, "", known) || pctx_string(&c, root, "format", "", 0, &s))
		goto fail;
	if (strcmp(s, PROFILE_FORMAT)) {
		pctx_err(&c, "format: '%s' is not \"%s\"", s, PROFILE_FORMAT);
		goto fail;
	}
	if (pctx_string(&c, root, "description", "", 1, &s))
		goto fail;
	pf->description = s ? xstrdup(s) : NULL;
	if (load_source(&c, root) || load_form(&c, root) || load_mapping(&c, root))
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
		profile_vmap_free(&pf->vmap[f]);
		free(pf->dflt[f]);
	}
	profile_vmap_free(&pf->stage);
	for (int i = 0; i < pf->nyes; i++)
		free(pf->yes[i]);
	for (int i = 0; i < pf->nno; i++)
		free(pf->no[i]);
	free(pf->yes);
	free(pf->no);
	free(pf->records);
	free(pf->wb_sheet);
	free(pf->ev_path);
	free(pf->ev_stage);
	free(pf->ev_date);
	free(pf);
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
