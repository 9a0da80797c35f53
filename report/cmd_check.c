/*
 * cmd_check.c - oversight check [--json]
 *
 * Integrity and data-quality checks of the warehouse: the options here,
 * the checks in report/check.c.
 */
#include <getopt.h>
#include <stdio.h>

#include "check.h"
#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"

static const char usage_text[] =
	"usage: oversight check [--json]\n"
	"\n"
	"Integrity and data-quality checks of the warehouse, one line each:\n"
	"'ok <check>' or 'FAIL <check>: <what>' followed by up to 20 indented lines.\n"
	"\n"
	"  integrity            PRAGMA integrity_check\n"
	"  foreign-keys         PRAGMA foreign_key_check\n"
	"  schema-version       the schema is the one this oversight needs (when it\n"
	"                       is not, the checks below are not run)\n"
	"  key-fingerprint      the key file (--key-file, default <warehouse>.key)\n"
	"                       is the one the warehouse was made with\n"
	"  source-orphans       current source rows that belong to no escalation\n"
	"  escalation-orphans   escalations with no current source row\n"
	"  stage-event-orphans  stage events whose escalation is gone\n"
	"  n-sources            n_sources = the escalation's current source rows\n"
	"  escalation-dates     raised_on and stage dates = the earliest of the\n"
	"                       sources', top_stage = the highest stage with a date\n"
	"  stage-events         stage events agree with the escalation's stage dates\n"
	"  load-counts          read = loaded + updated + unchanged + merged + rejected\n"
	"  load-rejects         rejected = the load's quarantined rows\n"
	"  source-counts        the rows counted by load (and by agency named), which\n"
	"                       the reports read, = the current source rows\n"
	"\n"
	"Then 'note conflicts: N ...': fields on which two agencies' rows of one\n"
	"escalation disagree (the earliest dates and every closure stand), with the escalation's\n"
	"pseudonymous reference, the field, the value kept and the other; up to 20\n"
	"lines.  They are the agencies' data to put right, not a fault of the\n"
	"warehouse, so they do not make the check fail.\n"
	"\n"
	"    --json   a JSON list: {\"check\", \"status\" (ok, fail, note), \"count\",\n"
	"             \"details\"} per check\n"
	"\n"
	"Exit status: 0 every check passed, 1 a check failed, 3 the warehouse\n"
	"cannot be opened.\n"
	"\n"
	"example:\n"
	"    oversight -w partnership.db check\n";

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{"json", no_argument, 0, 'j'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	int c, json = 0;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return err_exit(ERR_NONE);
		default:
			usage_error("check", "bad option");
		}
	}
	if (optind < argc)
		usage_error("check", "unexpected argument '%s'", argv[optind]);
	return err_exit(check_run(ov.warehouse, json));
}
