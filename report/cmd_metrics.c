/*
 * cmd_metrics.c - oversight metrics --partnership P PERIOD --json
 */
#include <getopt.h>
#include <stdio.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "run.h"

static const char usage_text[] =
	"usage: oversight metrics --partnership <p>[,<p>...|all] (--quarter <YYYY-Qn> | --from <date> --to <date>)\n"
	"                         [--as-of <date>] [--measure <m>] [--subject <s>] --json\n"
	"\n"
	"Every figure of the period as JSON.  Events after the as-of date\n"
	"(default: the period's last day) count as not yet happened, so a past\n"
	"period always gives the same figures.  Several partnerships (a comma-\n"
	"separated list, or all: every one the warehouse knows) give a JSON array\n"
	"of the same objects, one per partnership.\n"
	"\n"
	"    --measure <m>   the activity measure of the funnel (default: referrals)\n"
	"    --subject <s>   children (child and unborn) or adults: every figure counts\n"
	"                    only escalations about them (\"subject\" in the JSON)\n"
	"\n"
	"example:\n"
	"    oversight metrics --partnership devon --quarter 2026-Q3 --json\n";

int cmd_metrics(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partnership", required_argument, 0, 'p'},
		{"measure", required_argument, 0, 'm'},
		{"json", no_argument, 0, 'j'},
		{"help", no_argument, 0, 'h'},
		PERIOD_LONG_OPTIONS,
		SUBJECT_LONG_OPTION,
		{0, 0, 0, 0},
	};
	const char *partnership = NULL, *measure = "referrals";
	struct period p;
	int c;

	cli_period_init(&p);
	while ((c = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			partnership = optarg;
			break;
		case 'm':
			measure = optarg;
			break;
		case 'j':
			break; /* JSON is the only form */
		case 'h':
			fputs(usage_text, stdout);
			return err_exit(ERR_NONE);
		case PERIOD_OPT_QUARTER:
		case PERIOD_OPT_FROM:
		case PERIOD_OPT_TO:
		case PERIOD_OPT_ASOF:
		case PERIOD_OPT_SUBJECT:
			cli_period_opt("metrics", &p, c, optarg);
			break;
		default:
			usage_error("metrics", "bad option");
		}
	}
	if (optind < argc)
		usage_error("metrics", "unexpected argument '%s'", argv[optind]);
	if (!partnership)
		usage_error("metrics", "--partnership is required");
	cli_period_done("metrics", &p);
	if (run_is_list(partnership))
		return err_exit(run_metrics_list(partnership, &p, measure));
	return err_exit(run_metrics(partnership, &p, measure));
}
