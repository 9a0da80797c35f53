/*
 * cmd_report.c - oversight report KIND --partnership P PERIOD [-o DIR]
 *        oversight report compare --partnerships P,Q,... PERIOD [-o DIR]
 *
 * KIND is "board" (any partnership) or the report name of one of the
 * partnership's forums (its definition's "forums"): pdg, resolution-group,
 * cpc, scp, sab, girfec.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "core/outpath.h"
#include "core/util.h"
#include "paper_run.h"

static const char usage_text[] =
	"usage: oversight report <kind> --partnership <p> (--quarter <YYYY-Qn> | --from <date> --to <date>)\n"
	"                        [--as-of <date>] [-o <dir>] [--suppress <n>] [--public] [--measure <m>]\n"
	"                        [--no-charts] [--format <md,html,docx,pdf,xlsx>] [--csv <dir>] [--agency <a>]\n"
	"                        [--allow-incomplete] [--commentary <file>] [--subject <s>]\n"
	"   or: oversight report compare --partnerships <p>,<p>...|all (--quarter <YYYY-Qn> | ...)\n"
	"                        [the options above but --partnership, --agency, --sections]\n"
	"\n"
	"Write a board paper as markdown: <dir>/<kind>-<partnership>-<period>.md, and its\n"
	"charts (drawn by gnuplot) as <dir>/charts/<kind>-<partnership>-<period>-<chart>.png\n"
	"and .svg, each with its data as .csv.  Every paper opens with a front page (the key\n"
	"figures against the previous period and the same period a year earlier, the\n"
	"signals that fired, the agencies whose logs are missing or out of date, the\n"
	"commentary) and ends with the analyst's appendix (rows quarantined, logs that\n"
	"disagree, the loads, and the commands that show them).\n"
	"\n"
	"kinds:\n"
	"    board              the quarterly board report (any partnership)\n"
	"    pdg                Devon: Practice Development Group standing item\n"
	"    resolution-group   Gloucestershire: GSCP Resolution Group report\n"
	"    cpc                Perth & Kinross: Child Protection Committee report\n"
	"    scp, sab           North East Lincolnshire: SCP chair (children), SAB chair (adults)\n"
	"    girfec             Dumfries & Galloway: GIRFEC Leadership Group / CSSaPP\n"
	"    agency             one agency's own pack (with --agency <id>)\n"
	"    compare            partnerships side by side (with --partnerships <p>,<p>... or all:\n"
	"                       every partnership the warehouse knows), written as\n"
	"                       <dir>/compare-<p>-<p>...-<period>.md (compare-all-<period>.md)\n"
	"\n"
	"    -o, --output <dir>  where to write (default: out)\n"
	"    --suppress <n>      show counts from 1 to n-1 as <n, hiding any cell a total would reveal\n"
	"    --public            --suppress 5 and no case-level lists\n"
	"    --measure <m>       activity measure for the lack-of-challenge funnel (default: referrals)\n"
	"    --no-charts         write the report without charts\n"
	"    --format <list>     also html (one self-contained file), docx, pdf, made by pandoc\n"
	"                        from the markdown (package pandoc; pdf also needs weasyprint:\n"
	"                        sh tools/deps.sh --pdf), and xlsx: one Excel workbook of every\n"
	"                        table and every chart's data, a sheet each\n"
	"    --csv <dir>         every table also as CSV for tools (UTF-8 with BOM; figures as\n"
	"                        plain numbers, a rate as a percentage without its sign)\n"
	"    --agency <id>       the agency of an agency pack\n"
	"    --subject <s>       children (child and unborn) or adults: every figure counts\n"
	"                        only escalations about them; the file name says which\n"
	"    --allow-incomplete  write the paper even when no agency's log runs to the as-of\n"
	"                        date (it carries a warning at the top); without it that is\n"
	"                        an error (exit 1) naming the latest export date\n"
	"    --sections <dir>    add the partnership's own sections (markdown with a named SQL\n"
	"                        query; also read from protocols/<partnership>.sections/)\n"
	"    --commentary <file> the analyst's own commentary (markdown), copied as it is onto\n"
	"                        the paper's front page under \"Commentary\"; a file that cannot\n"
	"                        be read is an error (exit 2) and no paper is written\n"
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
	/* --format md,html,docx,pdf,xlsx: check every name before writing anything */
	for (int i = 0; cli_list_next(formats, &i, f, sizeof(f));)
		if (strcmp(f, "md") && strcmp(f, "html") && strcmp(f, "docx") && strcmp(f, "pdf") &&
		    strcmp(f, "xlsx"))
			usage_error("report", "--format: '%s' is not md, html, docx, pdf or xlsx", f);
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

/* --commentary FILE: the analyst's markdown, read whole before anything
 * is written (at most 1 MB); a file that cannot be read, or holds a NUL
 * byte, is ERR_USAGE naming it. */
static enum err read_commentary(struct report *r, const char *path)
{
	size_t len;

	r->commentary = util_slurp(path, 1 << 20, &len);
	if (!r->commentary) {
		error("--commentary: %s: cannot read: %s", path,
		      errno == EFBIG ? "larger than 1 MB" : strerror(errno));
		return ERR_USAGE;
	}
	if (strlen(r->commentary) != len) {
		error("--commentary: %s: not a text file (it holds a NUL byte)", path);
		return ERR_USAGE;
	}
	return ERR_NONE;
}

/* report compare once its options are parsed: --partnerships instead of
 * --partnership, and no agency pack's or partnership's own options. */
static int compare_options(struct report *r, const char *partnership, const char *partnerships,
			   const char *formats)
{
	enum err e;

	if (partnership)
		usage_error("report", "report compare takes --partnerships <p>,<p>... (or all)");
	if (!partnerships)
		usage_error("report", "report compare needs --partnerships <p>,<p>... (or all)");
	if (r->sections_dir)
		usage_error("report", "--sections goes with one partnership's paper");
	cli_period_done("report", &r->period);
	if (r->public_ && r->suppress < 5)
		r->suppress = 5;
	e = check_options(r, "compare", formats);
	if (e)
		return err_exit(e);
	return err_exit(compare_run(r, partnerships, formats));
}

/* Over 80 lines: the options table and its switch, one case per option,
 * read best as one list. */
int cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{"partnership", required_argument, 0, 'p'},
		{"partnerships", required_argument, 0, 'R'},
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
		{"commentary", required_argument, 0, 'C'},
		{"help", no_argument, 0, 'h'},
		PERIOD_LONG_OPTIONS,
		SUBJECT_LONG_OPTION,
		{0, 0, 0, 0},
	};
	struct report r;
	const char *partnership = NULL, *partnerships = NULL, *kind, *commentary = NULL;
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
		case 'R':
			partnerships = optarg;
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
		case 'C':
			commentary = optarg;
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
		usage_error("report", "which report? (board, pdg, resolution-group, cpc, scp, sab, girfec, agency, compare)");
	kind = argv[optind++];
	if (optind < argc)
		usage_error("report", "unexpected argument '%s'", argv[optind]);
	if (strcmp(kind, "compare") == 0)
		return compare_options(&r, partnership, partnerships, formats);
	if (partnerships)
		usage_error("report", "--partnerships goes with report compare");
	if (!partnership)
		usage_error("report", "--partnership is required");
	cli_period_done("report", &r.period);
	if (r.public_ && r.suppress < 5)
		r.suppress = 5;
	e = check_options(&r, kind, formats);
	if (!e && commentary)
		e = read_commentary(&r, commentary);
	if (!e)
		e = paper_run(&r, kind, partnership, formats);
	free(r.commentary);
	return err_exit(e);
}
