/*
 * cmd_calendar.c - "oversight calendar": the bank holidays (or working days)
 * of a jurisdiction over a range of days, as core/cal.c computes them.  The
 * options here; report/calendar_list.c lists the days.
 *
 * Output (DESIGN.md, command line): one bank holiday per line,
 * "YYYY-MM-DD<TAB>name"; with --working-days one working day per line,
 * "YYYY-MM-DD".  Both are sorted by day.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "calendar_list.h"
#include "core/cal.h"
#include "core/cli.h"
#include "core/cmds.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/util.h"

static void usage(FILE *out)
{
	fputs("usage: oversight calendar --jurisdiction <j> --from <date> --to <date>\n"
	      "                          [--working-days] [--overrides <file>...]\n"
	      "\n"
	      "List the bank holidays of <j> from <date> to <date> inclusive, one per\n"
	      "line as YYYY-MM-DD<TAB>name; with --working-days list the working days\n"
	      "(Monday to Friday less the bank holidays) instead, one YYYY-MM-DD a line.\n"
	      "\n"
	      "    --jurisdiction <j>   england-wales or scotland\n"
	      "    --from <date>        first day, YYYY-MM-DD\n"
	      "    --to <date>          last day, YYYY-MM-DD\n"
	      "    --working-days       list working days instead of bank holidays\n"
	      "    --overrides <file>   add the days listed in <file>, a JSON file in\n"
	      "                         gov.uk's bank-holidays.json format (repeatable)\n"
	      "    -h, --help           show this help\n"
	      "\n"
	      "example:\n"
	      "    oversight calendar --jurisdiction scotland --from 2026-01-01 --to 2026-12-31\n",
	      out);
}

int cmd_calendar(int argc, char **argv)
{
	enum { OPT_JUR = 1, OPT_WORKING, OPT_OVERRIDES };
	static const struct option opts[] = {
		{"jurisdiction", required_argument, 0, OPT_JUR},
		{"from", required_argument, 0, PERIOD_OPT_FROM},
		{"to", required_argument, 0, PERIOD_OPT_TO},
		{"working-days", no_argument, 0, OPT_WORKING},
		{"overrides", required_argument, 0, OPT_OVERRIDES},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	const char *cmd = argv[0];
	const char **files = NULL;
	struct period p;
	int jur = -1, working = 0, nfiles = 0, c;
	enum err e = ERR_NONE;

	cli_period_init(&p);
	/* At most one override file per argument. */
	files = xcalloc((size_t)argc, sizeof(*files));
	/* Say what was wrong in our own words, not getopt's. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_JUR:
			jur = cal_jur_parse(optarg);
			if (jur < 0)
				usage_error(cmd, "--jurisdiction: unknown jurisdiction '%s' "
						 "(england-wales or scotland)", optarg);
			break;
		case PERIOD_OPT_FROM:
		case PERIOD_OPT_TO:
			cli_period_opt(cmd, &p, c, optarg);
			break;
		case OPT_WORKING:
			working = 1;
			break;
		case OPT_OVERRIDES:
			files[nfiles++] = optarg;
			break;
		case 'h':
			usage(stdout);
			goto cleanup;
		case ':':
			usage_error(cmd, "%s needs a value", argv[optind - 1]);
		default:
			usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (jur < 0)
		usage_error(cmd, "--jurisdiction is required (england-wales or scotland)");
	if (p.from == DATE_NONE || p.to == DATE_NONE)
		usage_error(cmd, "--from and --to are required");
	if (p.from > p.to)
		usage_error(cmd, "--from is after --to");

	e = calendar_list(jur, p.from, p.to, working, files, nfiles);
cleanup:
	free(files);
	return err_exit(e);
}
