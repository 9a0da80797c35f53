/*
 * cmd_loads.c - oversight loads, oversight rejects [--load ID]: provenance.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "core/wh.h"

static const char loads_usage[] =
	"usage: oversight loads [--json]\n"
	"\n"
	"List every load: id, when, profile, file and its counts\n"
	"(read = loaded + updated + unchanged + merged + rejected), and whose log\n"
	"it is: the partnership ('-': rows of several), the agency that owns it\n"
	"('shared': the partnership's shared log, or each one's for a file of\n"
	"several partnerships' rows; 'activity': activity figures, not a log) and\n"
	"the day it was exported, to which its agencies' data run.\n"
	"\n"
	"example:\n"
	"    oversight loads\n";

static const char rejects_usage[] =
	"usage: oversight rejects [--load <id>]\n"
	"\n"
	"List quarantined rows: file:line:column, the field and the reason, then the\n"
	"row as it was (case reference masked).\n"
	"\n"
	"example:\n"
	"    oversight rejects --load 3\n";

static void json_str(const unsigned char *s)
{
	putchar('"');
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if (*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

int cmd_loads(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, 0, 'j'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	struct wh *w = NULL;
	sqlite3_stmt *st;
	int c, json = 0, first = 1;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else if (c == 'h')
			return fputs(loads_usage, stdout), EXIT_OK;
		else
			usage_error("loads", "bad option");
	}
	if (optind < argc)
		usage_error("loads", "unexpected argument '%s'", argv[optind]);
	if (wh_open(ov.warehouse, WH_READONLY, &w))
		return EXIT_ENV;
	st = wh_prepare(w, "loads_list");
	if (json)
		printf("[");
	else
		printf("%-5s %-20s %-10s %7s %7s %7s %9s %7s %8s  %-10s %-24s %-10s  %s\n", "load",
		       "loaded_at", "profile", "read", "loaded", "updated", "unchanged", "merged",
		       "rejected", "exported", "partnership", "log", "file");
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (json) {
			printf("%s\n {\"load\": %lld, \"loaded_at\": \"%s\", \"profile\": ", first ? "" : ",",
			       (long long)sqlite3_column_int64(st, 0), sqlite3_column_text(st, 1));
			json_str(sqlite3_column_text(st, 2));
			printf(", \"file\": ");
			json_str(sqlite3_column_text(st, 3));
			printf(", \"read\": %d, \"loaded\": %d, \"updated\": %d, \"unchanged\": %d, "
			       "\"merged\": %d, \"rejected\": %d, \"partnership\": ",
			       sqlite3_column_int(st, 4), sqlite3_column_int(st, 5), sqlite3_column_int(st, 6),
			       sqlite3_column_int(st, 7), sqlite3_column_int(st, 8), sqlite3_column_int(st, 9));
			json_str(sqlite3_column_text(st, 10));
			printf(", \"log\": ");
			json_str(sqlite3_column_text(st, 11));
			printf(", \"exported\": \"%s\"}", sqlite3_column_text(st, 12));
			first = 0;
		} else {
			printf("%-5lld %-20s %-10s %7d %7d %7d %9d %7d %8d  %-10s %-24s %-10s  %s\n",
			       (long long)sqlite3_column_int64(st, 0), sqlite3_column_text(st, 1),
			       sqlite3_column_text(st, 2), sqlite3_column_int(st, 4), sqlite3_column_int(st, 5),
			       sqlite3_column_int(st, 6), sqlite3_column_int(st, 7), sqlite3_column_int(st, 8),
			       sqlite3_column_int(st, 9), sqlite3_column_text(st, 12),
			       sqlite3_column_text(st, 10), sqlite3_column_text(st, 11),
			       sqlite3_column_text(st, 3));
		}
	}
	if (json)
		printf("%s]\n", first ? "" : "\n");
	sqlite3_finalize(st);
	wh_close(w);
	return EXIT_OK;
}

int cmd_rejects(int argc, char **argv)
{
	static const struct option opts[] = {
		{"load", required_argument, 0, 'l'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	struct wh *w = NULL;
	sqlite3_stmt *st;
	long long load = 0;
	int c, n = 0;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'l') {
			char *end;

			load = strtoll(optarg, &end, 10);
			if (*end || load <= 0)
				usage_error("rejects", "--load: '%s' is not a load id", optarg);
		} else if (c == 'h') {
			return fputs(rejects_usage, stdout), EXIT_OK;
		} else {
			usage_error("rejects", "bad option");
		}
	}
	if (optind < argc)
		usage_error("rejects", "unexpected argument '%s'", argv[optind]);
	if (wh_open(ov.warehouse, WH_READONLY, &w))
		return EXIT_ENV;
	st = wh_prepare(w, "rejects_list");
	sqlite3_bind_int64(st, wh_param(st, ":load_id"), load);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *raw = sqlite3_column_text(st, 5);

		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			printf("%s:%d:%d: %s\n", sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
			       sqlite3_column_int(st, 2), sqlite3_column_text(st, 4));
		else
			printf("%s:%d: %s\n", sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
			       sqlite3_column_text(st, 4));
		if (raw)
			printf("    %s\n", raw);
		n++;
	}
	sqlite3_finalize(st);
	wh_close(w);
	if (n == 0)
		fprintf(stderr, "no rejected rows\n");
	return EXIT_OK;
}
