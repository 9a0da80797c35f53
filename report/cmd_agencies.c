/*
 * cmd_agencies.c - oversight agencies --partnership P [--as-of DATE] [--json]
 *
 * A partnership's agencies: ids, names, and whose logs are in for each
 * (DESIGN.md "Whose log, and how recent"; report/coverage.h).
 */
#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/date.h"
#include "core/msg.h"
#include "coverage.h"
#include "metrics.h"
#include "run.h"

static const char usage_text[] =
	"usage: oversight agencies --partnership <p> [--as-of <date>] [--json]\n"
	"\n"
	"List the partnership's agencies, in its protocol's order: id, whose logs are\n"
	"in (own: a log of its own; shared: only the partnership's shared log; none),\n"
	"the date its data run to (the latest export date of those logs), the current\n"
	"rows of them, and its name.  With --as-of, whether a period to that date is\n"
	"covered: only covered agencies enter the lack-of-challenge signals.\n"
	"\n"
	"    --as-of <date>  the as-of date to check coverage against (YYYY-MM-DD)\n"
	"    --json          a JSON array: agency, name, log, runs_to (null with no\n"
	"                    log), rows, and covered with --as-of\n"
	"\n"
	"example:\n"
	"    oversight agencies --partnership devon --as-of 2026-09-30\n";

static void print_json(const struct cov_agency *c, int n, int as_of)
{
	cJSON *arr = cJSON_CreateArray();
	char *text;

	for (int i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "agency", c[i].agency);
		cJSON_AddStringToObject(o, "name", c[i].name);
		cJSON_AddStringToObject(o, "log", c[i].log);
		if (c[i].runs_to[0])
			cJSON_AddStringToObject(o, "runs_to", c[i].runs_to);
		else
			cJSON_AddNullToObject(o, "runs_to");
		cJSON_AddNumberToObject(o, "rows", (double)c[i].rows);
		if (as_of != DATE_NONE)
			cJSON_AddBoolToObject(o, "covered", c[i].covered);
		cJSON_AddItemToArray(arr, o);
	}
	text = cJSON_Print(arr);
	if (!text)
		die(EXIT_INTERNAL, "out of memory");
	printf("%s\n", text);
	cJSON_free(text);
	cJSON_Delete(arr);
}

static void print_text(const struct cov_agency *c, int n, int as_of)
{
	printf("%-20s %-6s %-10s %7s%s  %s\n", "agency", "log", "runs_to", "rows",
	       as_of != DATE_NONE ? "  covered" : "", "name");
	for (int i = 0; i < n; i++)
		printf("%-20s %-6s %-10s %7ld%s  %s\n", c[i].agency, c[i].log,
		       c[i].runs_to[0] ? c[i].runs_to : "-", c[i].rows,
		       as_of == DATE_NONE ? "" : c[i].covered ? "  yes    " : "  no     ", c[i].name);
}

int cmd_agencies(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partnership", required_argument, 0, 'p'},
		{"as-of", required_argument, 0, 'a'},
		{"json", no_argument, 0, 'j'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	const char *partnership = NULL;
	struct cov_agency c[M_MAX_ITEMS];
	int ch, json = 0, as_of = DATE_NONE, n = 0;
	struct wh *w = NULL;
	enum err e;

	while ((ch = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
		switch (ch) {
		case 'p':
			partnership = optarg;
			break;
		case 'a':
			if (date_parse_iso(optarg, strlen(optarg), &as_of))
				usage_error("agencies", "--as-of: '%s' is not a date (YYYY-MM-DD)", optarg);
			break;
		case 'j':
			json = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return err_exit(ERR_NONE);
		default:
			usage_error("agencies", "bad option");
		}
	}
	if (optind < argc)
		usage_error("agencies", "unexpected argument '%s'", argv[optind]);
	if (!partnership)
		usage_error("agencies", "--partnership is required");
	e = run_open(ov.warehouse, partnership, 0, &w);
	if (!e && coverage_read(w, partnership, as_of != DATE_NONE ? as_of : date_today(), c,
				M_MAX_ITEMS, &n))
		e = ERR_INTERNAL;
	if (!e && json)
		print_json(c, n, as_of);
	else if (!e)
		print_text(c, n, as_of);
	wh_close(w);
	return err_exit(e);
}
