/*
 * cmd_partnerships.c - oversight partnerships [--json]
 *
 * The partnerships the warehouse defines: ids, names, and how much of
 * each is in (DESIGN.md "Whose log, and how recent"; report/coverage.h).
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/date.h"
#include "core/embed.h"
#include "core/msg.h"
#include "coverage.h"
#include "metrics.h"

static const char usage_text[] =
	"usage: oversight partnerships [--json]\n"
	"\n"
	"List the partnerships: id, its agencies, how many of them have a log of\n"
	"their own, whether a shared log is in, the date the latest log was exported\n"
	"(\"-\": none loaded), and its name.  'oversight agencies --partnership <p>'\n"
	"shows each agency's coverage.\n"
	"\n"
	"    --json  a JSON array: partnership, name, agencies, own_logs, shared\n"
	"            (bool), runs_to (null with no log)\n"
	"\n"
	"example:\n"
	"    oversight partnerships\n";

struct pship {
	char id[M_ID];
	char name[256];
	int agencies, own, shared;
	char runs_to[11];
};

/* Count what coverage_read() says of one partnership's agencies. */
static int summarise(struct wh *w, struct pship *p)
{
	struct cov_agency c[M_MAX_ITEMS];
	int n;

	if (coverage_read(w, p->id, date_today(), c, M_MAX_ITEMS, &n))
		return -1;
	p->agencies = n;
	for (int i = 0; i < n; i++) {
		p->own += !strcmp(c[i].log, "own");
		p->shared |= !strcmp(c[i].log, "shared");
	}
	coverage_latest(c, n, p->runs_to);
	return 0;
}

static void print_one(const struct pship *p, int json, cJSON *arr)
{
	cJSON *o;

	if (!json) {
		printf("%-26s %8d %8d %-6s %-10s  %s\n", p->id, p->agencies, p->own,
		       p->shared ? "yes" : "no", p->runs_to[0] ? p->runs_to : "-", p->name);
		return;
	}
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "partnership", p->id);
	cJSON_AddStringToObject(o, "name", p->name);
	cJSON_AddNumberToObject(o, "agencies", p->agencies);
	cJSON_AddNumberToObject(o, "own_logs", p->own);
	cJSON_AddBoolToObject(o, "shared", p->shared);
	if (p->runs_to[0])
		cJSON_AddStringToObject(o, "runs_to", p->runs_to);
	else
		cJSON_AddNullToObject(o, "runs_to");
	cJSON_AddItemToArray(arr, o);
}

int cmd_partnerships(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, 0, 'j'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	struct wh *w = NULL;
	sqlite3_stmt *st = NULL;
	cJSON *arr = cJSON_CreateArray();
	int ch, json = 0;
	enum err e;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (ch == 'j')
			json = 1;
		else if (ch == 'h')
			return fputs(usage_text, stdout), cJSON_Delete(arr), err_exit(ERR_NONE);
		else
			usage_error("partnerships", "bad option");
	}
	if (optind < argc)
		usage_error("partnerships", "unexpected argument '%s'", argv[optind]);
	e = ERR_NONE;
	if (wh_open(ov.warehouse, WH_READONLY, &w) || wh_exec(w, embed_query("read_begin"))) {
		e = ERR_ENV;
		goto out;
	}
	if (!json)
		printf("%-26s %8s %8s %-6s %-10s  %s\n", "partnership", "agencies", "own_logs",
		       "shared", "runs_to", "name");
	st = wh_prepare(w, "ref_partnerships");
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct pship p = {0};

		snprintf(p.id, sizeof(p.id), "%s", sqlite3_column_text(st, 0));
		snprintf(p.name, sizeof(p.name), "%s", sqlite3_column_text(st, 1));
		if (summarise(w, &p)) {
			e = ERR_INTERNAL;
			goto out;
		}
		print_one(&p, json, arr);
	}
	if (json) {
		char *text = cJSON_Print(arr);

		printf("%s\n", text ? text : "[]");
		cJSON_free(text);
	}
out:
	sqlite3_finalize(st);
	cJSON_Delete(arr);
	wh_close(w);
	return err_exit(e);
}
