/*
 * oversight.c - main(): global options, then dispatch to cmd_<name>().
 *
 * Each subcommand lives in a file of its own (etl/cmd_load.c, ...) and is
 * listed in the table below; main() does nothing else.
 */
#include <getopt.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"

#ifndef OVERSIGHT_VERSION
#define OVERSIGHT_VERSION "0.1.0"
#endif

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static const struct cmd commands[] = {
	{"init", cmd_init, "create or upgrade the warehouse and load reference data"},
	{"load", cmd_load, "load agency logs into the warehouse"},
	{"loads", cmd_loads, "list the loads (provenance)"},
	{"partnerships", cmd_partnerships, "list the partnerships and how recent their logs are"},
	{"agencies", cmd_agencies, "list a partnership's agencies and whose logs are in"},
	{"rejects", cmd_rejects, "list quarantined rows with file, line, field and reason"},
	{"profile", cmd_profile, "check an agency export profile and preview a file through it"},
	{"pseudonym", cmd_pseudonym, "the short reference papers show for an agency's ref, and back"},
	{"calendar", cmd_calendar, "list bank holidays or working days"},
	{"metrics", cmd_metrics, "every figure of a period as JSON"},
	{"report", cmd_report, "write a board paper (board, pdg, resolution-group, cpc, ...)"},
	{"signals", cmd_signals, "lack-of-challenge signals"},
	{"check", cmd_check, "integrity and data-quality checks"},
	{NULL, NULL, NULL},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: oversight [-w <warehouse>] [--key-file <path>] <command> [<args>]\n"
		     "       oversight --version\n\ncommands:\n");
	for (const struct cmd *c = commands; c->name; c++)
		fprintf(out, "   %-12s %s\n", c->name, c->help);
	fprintf(out, "\n'oversight <command> --help' describes a command.\n"
		     "The warehouse defaults to $OVERSIGHT_WAREHOUSE, else ./oversight.db.\n");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"warehouse", required_argument, 0, 'w'},
		{"key-file", required_argument, 0, 'k'},
		{"version", no_argument, 0, 'V'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	const char *env = getenv("OVERSIGHT_WAREHOUSE");
	int c;

	ov.argv0 = argv[0];
	/* No count of SQLite's memory in use: keeping it takes a lock on
	 * every allocation, and nothing here reads it. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	ov.warehouse = env && *env ? env : "oversight.db";
	/* "+": stop at the subcommand, whose options are its own. */
	while ((c = getopt_long(argc, argv, "+w:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'w':
			ov.warehouse = optarg;
			break;
		case 'k':
			ov.key_file = optarg;
			break;
		case 'V':
			printf("oversight %s\n", OVERSIGHT_VERSION);
			return err_exit(ERR_NONE);
		case 'h':
			usage(stdout);
			return err_exit(ERR_NONE);
		default:
			fprintf(stderr, "try 'oversight --help'\n");
			return err_exit(ERR_USAGE);
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return err_exit(ERR_USAGE);
	}
	for (const struct cmd *cmd = commands; cmd->name; cmd++) {
		if (strcmp(cmd->name, argv[optind]) == 0) {
			int sub_argc = argc - optind;
			char **sub_argv = argv + optind;

			optind = 0; /* glibc: re-initialise getopt for the subcommand */
			return cmd->fn(sub_argc, sub_argv);
		}
	}
	fprintf(stderr, "oversight: '%s' is not a command\ntry 'oversight --help'\n", argv[optind]);
	return err_exit(ERR_USAGE);
}
