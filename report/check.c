/*
 * check.c - oversight check once its options are parsed: see check.h.
 *
 * Each check is one named query, queries/check_<name>.sql, that returns
 * one row per problem (a line of text, and optionally how many problems
 * that line stands for): no row means the check passes.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "check.h"
#include "core/cli.h"
#include "core/embed.h"
#include "core/msg.h"
#include "core/util.h"
#include "core/wh.h"
#include "model/pseudo.h"

#define MAX_DETAILS 20 /* lines shown per check; the count says the rest */

enum bind { BIND_NONE, BIND_SCHEMA_VERSION, BIND_KEY };

struct check {
	const char *name;  /* as printed */
	const char *query; /* queries/<query>.sql */
	enum bind bind;    /* what ?1 is */
	int note;          /* 1: a finding, never a failure */
	const char *head;  /* a query whose one value ends the headline, or NULL */
};

/* In order: the file, then its schema, then the data it holds. */
static const struct check checks[] = {
	{"integrity", "check_integrity", BIND_NONE, 0, NULL},
	{"foreign-keys", "check_foreign_keys", BIND_NONE, 0, NULL},
	{"schema-version", "check_schema_version", BIND_SCHEMA_VERSION, 0, NULL},
	{"key-fingerprint", "check_key_fingerprint", BIND_KEY, 0, NULL},
	{"source-orphans", "check_source_orphans", BIND_NONE, 0, NULL},
	{"escalation-orphans", "check_escalation_orphans", BIND_NONE, 0, NULL},
	{"stage-event-orphans", "check_stage_event_orphans", BIND_NONE, 0, NULL},
	{"n-sources", "check_n_sources", BIND_NONE, 0, NULL},
	{"escalation-dates", "check_escalation_dates", BIND_NONE, 0, NULL},
	{"stage-events", "check_stage_events", BIND_NONE, 0, NULL},
	{"load-counts", "check_load_counts", BIND_NONE, 0, NULL},
	{"load-rejects", "check_load_rejects", BIND_NONE, 0, NULL},
	{"source-counts", "check_source_counts", BIND_NONE, 0, NULL},
	{"conflicts", "check_conflicts", BIND_NONE, 1, "check_conflict_fields"},
	{NULL, NULL, BIND_NONE, 0, NULL},
};

/* The outcome of one check. */
struct result {
	long count;                       /* problems found */
	int n;                            /* lines kept in line[] */
	char line[MAX_DETAILS][512];      /* the first problems */
	char summary[512];                /* the headline after "FAIL <check>: " */
};

/*
 * The key file's fingerprint into fp; 0, or -1 with the reason in why
 * (pseudo_key_read() has printed it on stderr as well).
 */
static int key_fingerprint(char fp[17], char *why, size_t len)
{
	unsigned char key[PSEUDO_KEY_BYTES];

	if (pseudo_key_read(cli_key_path(), key)) {
		snprintf(why, len, "cannot read the key file %s", cli_key_path());
		return -1;
	}
	pseudo_fingerprint(key, fp);
	sodium_memzero(key, sizeof(key));
	return 0;
}

/*
 * Run one check into *r.  Returns 0 when it ran (whatever it found), -1
 * when it could not run (the reason is r->summary, and r->count is 1).
 */
static int run_check(struct wh *w, const struct check *c, struct result *r)
{
	sqlite3_stmt *st = NULL;
	char fp[17];
	int rc;

	memset(r, 0, sizeof(*r));
	if (c->bind == BIND_KEY && key_fingerprint(fp, r->summary, sizeof(r->summary))) {
		r->count = 1;
		return -1;
	}
	st = wh_prepare(w, c->query);
	if (c->bind == BIND_SCHEMA_VERSION)
		sqlite3_bind_int(st, 1, WH_SCHEMA_VERSION);
	else if (c->bind == BIND_KEY)
		sqlite3_bind_text(st, 1, fp, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 0);
		long n = sqlite3_column_count(st) > 1 ? (long)sqlite3_column_int64(st, 1) : 1;

		if (r->n < MAX_DETAILS)
			snprintf(r->line[r->n++], sizeof(r->line[0]), "%s", text ? text : "");
		r->count += n > 0 ? n : 1;
	}
	if (rc != SQLITE_DONE) {
		snprintf(r->summary, sizeof(r->summary), "cannot run: %s", sqlite3_errmsg(w->db));
		r->count = 1;
		r->n = 0;
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* The headline of a check that found something. */
static void summarise(struct wh *w, const struct check *c, struct result *r)
{
	if (r->summary[0])
		return;
	if (c->head) {
		sqlite3_stmt *st = wh_prepare(w, c->head);
		const char *by = NULL;

		if (sqlite3_step(st) == SQLITE_ROW)
			by = (const char *)sqlite3_column_text(st, 0);
		snprintf(r->summary, sizeof(r->summary), "%ld %s", r->count, by ? by : "");
		sqlite3_finalize(st);
	} else if (r->n == 1 && r->count == 1) {
		/* One problem: the line is the summary. */
		snprintf(r->summary, sizeof(r->summary), "%s", r->line[0]);
		r->n = 0;
	} else {
		snprintf(r->summary, sizeof(r->summary), "%ld problems", r->count);
	}
}

static void print_text(const struct check *c, const struct result *r)
{
	if (r->count == 0) {
		printf("ok %s\n", c->name);
		return;
	}
	printf("%s %s: %s\n", c->note ? "note" : "FAIL", c->name, r->summary);
	for (int i = 0; i < r->n; i++)
		printf("    %s\n", r->line[i]);
	if (r->n && r->count > r->n)
		printf("    ...\n");
}

static cJSON *to_json(const struct check *c, const struct result *r)
{
	cJSON *o = cJSON_CreateObject(), *arr;

	cJSON_AddStringToObject(o, "check", c->name);
	cJSON_AddStringToObject(o, "status", r->count == 0 ? "ok" : c->note ? "note" : "fail");
	cJSON_AddNumberToObject(o, "count", (double)r->count);
	if (r->count)
		cJSON_AddStringToObject(o, "summary", r->summary);
	arr = cJSON_AddArrayToObject(o, "details");
	for (int i = 0; i < r->n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(r->line[i]));
	return o;
}

/* Run the checks in order on w, printing each; 1 when one failed. */
static int run_checks(struct wh *w, struct result *r, cJSON *list, int json)
{
	int failed = 0;

	for (const struct check *k = checks; k->name; k++) {
		run_check(w, k, r);
		if (r->count)
			summarise(w, k, r);
		if (r->count && !k->note)
			failed = 1;
		if (json)
			cJSON_AddItemToArray(list, to_json(k, r));
		else
			print_text(k, r);
		/* The data checks name tables of the current schema. */
		if (k->bind == BIND_SCHEMA_VERSION && r->count) {
			if (!json)
				printf("note the data checks were not run: the schema is not the current one\n");
			break;
		}
	}
	return failed;
}

enum err check_run(const char *warehouse, int json)
{
	struct wh *w = NULL;
	struct result *r = NULL;
	cJSON *list = NULL;
	enum err e = ERR_ENV;
	int failed;

	pseudo_init();
	/* Any version: a wrong one is a finding of the check, not a refusal.
	 * Not WH_READONLY: on a read-only connection SQLite's integrity_check
	 * skips the CHECK constraints.  Nothing here writes. */
	if (wh_open(warehouse, WH_ANY_VERSION, &w))
		return ERR_ENV;
	r = xmalloc(sizeof(*r));
	list = cJSON_CreateArray();
	if (wh_exec(w, embed_query("read_begin")))
		goto cleanup;
	failed = run_checks(w, r, list, json);
	if (json) {
		char *text = cJSON_Print(list);

		if (!text)
			die(EXIT_INTERNAL, "out of memory");
		puts(text);
		cJSON_free(text);
	}
	e = failed ? ERR_DATA : ERR_NONE;
cleanup:
	cJSON_Delete(list);
	free(r);
	wh_close(w);
	return e;
}
