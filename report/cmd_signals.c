/*
 * cmd_signals.c - oversight signals --partnership P PERIOD [--measure M] [--json]
 *
 * The options; report/signals_view.c computes and shows the signals.
 */
#include <getopt.h>
#include <stdio.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "run.h"

static const char usage_text[] =
	"usage: oversight signals --partnership <p> (--quarter <YYYY-Qn> | --from <date> --to <date>)\n"
	"                         [--as-of <date>] [--measure <m>] [--subject <s>] [--json]\n"
	"                         [--allow-incomplete]\n"
	"\n"
	"Lack-of-challenge signals of the period:\n"
	"\n"
	"  funnel   each agency with activity: escalations raised (x) against those\n"
	"           expected from its activity, e = p n with p = sum x / sum n;\n"
	"           p low = P(X <= x), X ~ Poisson(e); level alert when p low < 0.001,\n"
	"           watch when < 0.025; \"unusually high\" when P(X >= x) < 0.025.\n"
	"           Agencies without activity are listed as \"no denominator\".\n"
	"           Shown for the period and, when the period ends a quarter and is\n"
	"           shorter than a year, for the four quarters ending with it: one\n"
	"           quarter holds too few escalations to tell a low-escalating agency\n"
	"           from chance.\n"
	"  silent   agencies that raised none in the period nor in the quarter before\n"
	"  one-way  agencies that received escalations in the 12 months to the end\n"
	"           of the period but raised none\n"
	"  SPC      escalations raised per month over the 24 months to the period's\n"
	"           end: mean, limits, and the rules that fire with their months\n"
	"\n"
	"Only agencies whose log (their own or the partnership's shared log) runs to\n"
	"the as-of date are assessed; the others are listed as \"no log\" or \"log\n"
	"ends DATE\" ('oversight agencies').\n"
	"\n"
	"The table ends with the flagged agencies: alert or watch in either funnel,\n"
	"silent or one-way.  Exit 0 whatever is flagged; exit 1 when no agency's log\n"
	"covers the period, naming the latest export date.\n"
	"\n"
	"    --measure <m>   the activity measure of the funnel (default: referrals)\n"
	"    --subject <s>   children (child and unborn) or adults: the signals count only\n"
	"                    escalations about them; activity is not split by subject\n"
	"    --json          the \"signals\" and \"spc\" objects of 'oversight metrics\n"
	"                    --json', with \"four_quarters\" (period and funnel, or\n"
	"                    null) and \"months_flagged\" (month and rules)\n"
	"    --allow-incomplete  show the signals of a period no log covers (a warning)\n"
	"\n"
	"example:\n"
	"    oversight signals --partnership devon --quarter 2026-Q3\n";

int cmd_signals(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partnership", required_argument, 0, 'p'},
		{"measure", required_argument, 0, 'm'},
		{"json", no_argument, 0, 'j'},
		{"allow-incomplete", no_argument, 0, 'A'},
		{"help", no_argument, 0, 'h'},
		PERIOD_LONG_OPTIONS,
		SUBJECT_LONG_OPTION,
		{0, 0, 0, 0},
	};
	const char *partnership = NULL, *measure = "referrals";
	struct period p;
	int c, json = 0, allow = 0;

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
			json = 1;
			break;
		case 'A':
			allow = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return err_exit(ERR_NONE);
		case PERIOD_OPT_QUARTER:
		case PERIOD_OPT_FROM:
		case PERIOD_OPT_TO:
		case PERIOD_OPT_ASOF:
		case PERIOD_OPT_SUBJECT:
			cli_period_opt("signals", &p, c, optarg);
			break;
		default:
			usage_error("signals", "bad option");
		}
	}
	if (optind < argc)
		usage_error("signals", "unexpected argument '%s'", argv[optind]);
	if (!partnership)
		usage_error("signals", "--partnership is required");
	if (!*measure)
		usage_error("signals", "--measure: empty");
	cli_period_done("signals", &p);
	return err_exit(run_signals(partnership, &p, measure, json, allow));
}
