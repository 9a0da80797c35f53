/*
 * cmd_report.c - oversight report KIND --partnership P PERIOD [-o DIR]
 *
 * KIND is "board" (any partnership) or the report name of one of the
 * partnership's forums (its definition's "forums"): pdg, resolution-group,
 * cpc, scp, sab, girfec.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "core/outpath.h"
#include "paper_run.h"

static const char usage_text[] =
	"usage: oversight report <kind> --partnership <p> (--quarter <YYYY-Qn> | --from <date> --to <date>)\n"
	"                        [--as-of <date>] [-o <dir>] [--suppress <n>] [--public] [--measure <m>]\n"
	"                        [--no-charts] [--format <md,html,docx,pdf>] [--csv <dir>] [--agency <a>]\n"
	"                        [--allow-incomplete] [--subject <s>]\n"
	"\n"
	"Write a board paper as markdown: <dir>/<kind>-<partnership>-<period>.md, and its\n"
	"charts (drawn by gnuplot) as <dir>/charts/<kind>-<partnership>-<period>-<chart>.png\n"
	"and .svg, each with its data as .csv.\n"
	"\n"
	"kinds:\n"
	"    board              the quarterly board report (any partnership)\n"
	"    pdg                Devon: Practice Development Group standing item\n"
	"    resolution-group   Gloucestershire: GSCP Resolution Group report\n"
	"    cpc                Perth & Kinross: Child Protection Committee report\n"
	"    scp, sab           North East Lincolnshire: SCP chair (children), SAB chair (adults)\n"
	"    girfec             Dumfries & Galloway: GIRFEC Leadership Group / CSSaPP\n"
	"    agency             one agency's own pack (with --agency <id>)\n"
	"\n"
	"    -o, --output <dir>  where to write (default: out)\n"
	"    --suppress <n>      show counts from 1 to n-1 as <n, hiding any cell a total would reveal\n"
	"    --public            --suppress 5 and no case-level lists\n"
	"    --measure <m>       activity measure for the lack-of-challenge funnel (default: referrals)\n"
	"    --no-charts         write the report without charts\n"
	"    --format <list>     also html (one self-contained file), docx, pdf, made by pandoc\n"
	"                        from the markdown (package pandoc; pdf also needs weasyprint)\n"
	"    --csv <dir>         every table also as CSV (UTF-8 with BOM, for Excel)\n"
	"    --agency <id>       the agency of an agency pack\n"
	"    --subject <s>       children (child and unborn) or adults: every figure counts\n"
	"                        only escalations about them; the file name says which\n"
	"    --allow-incomplete  write the paper even when no agency's log runs to the as-of\n"
	"                        date (it carries a warning at the top); without it that is\n"
	"                        an error (exit 1) naming the latest export date\n"
	"    --sections <dir>    add the partnership's own sections (markdown with a named SQL\n"
	"                        query; also read from protocols/<partnership>.sections/)\n"
	"\n"
	"Charts need gnuplot (package gnuplot-nox); without it the report is written with a\n"
	"note where each chart would be.  $OVERSIGHT_GNUPLOT names another gnuplot program.\n"
	"\n"
	"examples:\n"
	"    oversight report pdg --partnership devon --quarter 2026-Q3 -o out\n"
	"    oversight report board --partnership devon --quarter 2026-Q3 --format html,docx\n"
	"    oversight report agency --partnership devon --agency dc-police --quarter 2026-Q3\n";

/* The options that need one another, checked before anything is opened:
 * a usage mistake ends here; a --sections that is no folder is ERR_ENV. */
static enum err check_options(const struct report *r, const char *kind, const char *formats)
{
	struct stat sb;
	char f[64];

	outpath_check("report", "-o", r->dir);
	if (r->csv_dir)
		outpath_check("report", "--csv", r->csv_dir);
	/* --format md,html,docx,pdf: check every name before writing anything */
	for (int i = 0; cli_list_next(formats, &i, f, sizeof(f));)
		if (strcmp(f, "md") && strcmp(f, "html") && strcmp(f, "docx") && strcmp(f, "pdf"))
			usage_error("report", "--format: '%s' is not md, html, docx or pdf", f);
	if (r->sections_dir && (stat(r->sections_dir, &sb) != 0 || !S_ISDIR(sb.st_mode))) {
		error("--sections: %s: not a folder", r->sections_dir);
		return ERR_ENV;
	}
	if (strcmp(kind, "agency") == 0 && !r->agency_id)
		usage_error("report", "report agency needs --agency <id>");
	if (strcmp(kind, "agency") != 0 && r->agency_id)
		usage_error("report", "--agency goes with report agency");
	return ERR_NONE;
}

/* Over 80 lines: the options table and its switch, one case per option,
 * read best as one list. */
int cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partnership", required_argument, 0, 'p'},
		{"output", required_argument, 0, 'o'},
		{"suppress", required_argument, 0, 's'},
		{"public", no_argument, 0, 'P'},
		{"measure", required_argument, 0, 'm'},
		{"no-charts", no_argument, 0, 'n'},
		{"format", required_argument, 0, 'f'},
		{"csv", required_argument, 0, 'c'},
		{"agency", required_argument, 0, 'a'},
		{"sections", required_argument, 0, 'S'},
		{"allow-incomplete", no_argument, 0, 'A'},
		{"help", no_argument, 0, 'h'},
		PERIOD_LONG_OPTIONS,
		SUBJECT_LONG_OPTION,
		{0, 0, 0, 0},
	};
	struct report r;
	const char *partnership = NULL, *kind;
	int c;
	enum err e;
	char formats[64] = "md";

	memset(&r, 0, sizeof(r));
	r.dir = "out";
	r.measure = "referrals";
	r.charts = 1;
	cli_period_init(&r.period);
	while ((c = getopt_long(argc, argv, "p:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			partnership = optarg;
			break;
		case 'o':
			r.dir = optarg;
			break;
		case 's': {
			char *end;
			long n = strtol(optarg, &end, 10);

			if (*end || n < 2 || n > 100)
				usage_error("report", "--suppress: '%s' is not a whole number from 2 to 100", optarg);
			r.suppress = (int)n;
			break;
		}
		case 'P':
			r.public_ = 1;
			break;
		case 'm':
			r.measure = optarg;
			break;
		case 'n':
			r.charts = 0;
			break;
		case 'f':
			if (strlen(optarg) >= sizeof(formats))
				usage_error("report", "--format: '%s' is too long", optarg);
			snprintf(formats, sizeof(formats), "%s", optarg);
			break;
		case 'c':
			r.csv_dir = optarg;
			break;
		case 'a':
			r.agency_id = optarg;
			break;
		case 'S':
			r.sections_dir = optarg;
			break;
		case 'A':
			r.allow_incomplete = 1;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return err_exit(ERR_NONE);
		case PERIOD_OPT_QUARTER:
		case PERIOD_OPT_FROM:
		case PERIOD_OPT_TO:
		case PERIOD_OPT_ASOF:
		case PERIOD_OPT_SUBJECT:
			cli_period_opt("report", &r.period, c, optarg);
			break;
		default:
			usage_error("report", "bad option");
		}
	}
	if (optind >= argc)
		usage_error("report", "which report? (board, pdg, resolution-group, cpc, scp, sab, girfec)");
	kind = argv[optind++];
	if (optind < argc)
		usage_error("report", "unexpected argument '%s'", argv[optind]);
	if (!partnership)
		usage_error("report", "--partnership is required");
	cli_period_done("report", &r.period);
	if (r.public_ && r.suppress < 5)
		r.suppress = 5;
	e = check_options(&r, kind, formats);
	if (e)
		return err_exit(e);
	return err_exit(paper_run(&r, kind, partnership, formats));
}
