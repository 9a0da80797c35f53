/*
 * coverage.c - whose logs are in, and how recent: see coverage.h.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/msg.h"
#include "coverage.h"

int coverage_read(struct wh *w, const char *partnership, int as_of, struct cov_agency *out,
		  int max, int *n)
{
	sqlite3_stmt *st = wh_prepare(w, "coverage");
	char day[11];
	int rc;

	*n = 0;
	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, wh_param(st, ":as_of"), date_format(as_of, day), 10, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
		struct cov_agency *c = &out[(*n)++];
		const unsigned char *runs_to = sqlite3_column_text(st, 3);

		snprintf(c->agency, sizeof(c->agency), "%s", sqlite3_column_text(st, 0));
		snprintf(c->name, sizeof(c->name), "%s", sqlite3_column_text(st, 1));
		snprintf(c->log, sizeof(c->log), "%s", sqlite3_column_text(st, 2));
		snprintf(c->runs_to, sizeof(c->runs_to), "%s", runs_to ? (const char *)runs_to : "");
		c->covered = sqlite3_column_int(st, 4);
		c->rows = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : wh_error(w, "coverage");
}

int coverage_covered(const struct cov_agency *c, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(c[i].agency, id))
			return c[i].covered;
	return 0;
}

int coverage_any(const struct cov_agency *c, int n)
{
	for (int i = 0; i < n; i++)
		if (c[i].covered)
			return 1;
	return 0;
}

char *coverage_latest(const struct cov_agency *c, int n, char *buf)
{
	buf[0] = '\0';
	for (int i = 0; i < n; i++)
		if (strcmp(c[i].runs_to, buf) > 0)
			memcpy(buf, c[i].runs_to, sizeof(c[i].runs_to));
	return buf;
}

int coverage_require(const struct cov_agency *c, int n, const char *partnership, int as_of,
		     int allow)
{
	char latest[11], day[11];

	if (coverage_any(c, n))
		return 0;
	coverage_latest(c, n, latest);
	date_format(as_of, day);
	if (allow) {
		warning("%s: no agency's log covers the period to %s (%s); the figures are incomplete",
			partnership, day, latest[0] ? latest : "no log loaded");
		return 0;
	}
	if (latest[0])
		return error("%s: no agency's log covers the period: the latest export is %s, before "
			     "the as-of date %s; load later logs, or use --allow-incomplete", partnership,
			     latest, day);
	return error("%s: no agency's log is loaded; load the logs, or use --allow-incomplete",
		     partnership);
}

static int cmp_id(const void *a, const void *b)
{
	const struct cov_agency *x = *(const struct cov_agency *const *)a;
	const struct cov_agency *y = *(const struct cov_agency *const *)b;

	return strcmp(x->agency, y->agency);
}

/* Sorted by id, as every list of the JSON contract is. */
struct cJSON *coverage_json(const struct cov_agency *cov, int n)
{
	cJSON *arr = cJSON_CreateArray();
	const struct cov_agency *c[128];

	if (n > 128)
		n = 128;
	for (int i = 0; i < n; i++)
		c[i] = &cov[i];
	qsort(c, (size_t)n, sizeof(c[0]), cmp_id);
	for (int i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "agency", c[i]->agency);
		cJSON_AddStringToObject(o, "log", c[i]->log);
		if (c[i]->runs_to[0])
			cJSON_AddStringToObject(o, "runs_to", c[i]->runs_to);
		else
			cJSON_AddNullToObject(o, "runs_to");
		cJSON_AddBoolToObject(o, "covered", c[i]->covered);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}
