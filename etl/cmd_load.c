/*
 * cmd_load.c - oversight load [--profile P] [--json] FILE...
 *
 * Each file loads in one transaction: all of its good rows (and the
 * quarantine of its bad ones) or nothing.  The same bytes loaded again are
 * recognised by their SHA-256 and read 0.
 *
 * A file may be an Excel workbook (.xlsx): one sheet is read as the table
 * (shape_is_workbook(); --sheet and --header-row for the built-in
 * profiles, "workbook" in an agency's profile).
 *
 * Profiles: "canonical" and "activity" are built in; any other name is an
 * agency export profile (profile.h, docs/profiles.md) found in the profile
 * folders, or a path to one.  Every shape hands its records to the same
 * ingest path (ingest.h).
 */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/date.h"
#include "core/msg.h"
#include "core/wh.h"
#include "load.h"
#include "model/proto.h"
#include "model/pseudo.h"
#include "profile.h"
#include "shape.h"

static const char usage_text[] =
	"usage: oversight load [--profile <profile>] [--agency <id> | --shared] [--exported <date>]\n"
	"                      [--sheet <name>] [--header-row <n>]\n"
	"                      [--json] [--ignore-unknown] [--quiet] <file>...\n"
	"\n"
	"Load agency logs into the warehouse.  Each file loads whole or not at all;\n"
	"bad rows are quarantined with their line and reason ('oversight rejects').\n"
	"A file may be an Excel workbook (.xlsx): one sheet is read, its rows as a\n"
	"CSV file's, and messages name the cell (police.xlsx:Escalations!C14).\n"
	"\n"
	"    --profile <p>     how the file maps: canonical (default), activity, or an\n"
	"                      agency's export profile: a name found in\n"
	"                      $OVERSIGHT_PROFILES or <data>/profiles/, or a path\n"
	"                      to its .json (docs/profiles.md)\n"
	"    --agency <id>     whose log the files are (default: the profile's agency,\n"
	"                      else the one agency named in every row, else the\n"
	"                      partnership's shared log)\n"
	"    --shared          the files are the partnership's shared log, kept\n"
	"                      centrally: it covers every agency\n"
	"    --exported <date> the day the log was exported, YYYY-MM-DD (default:\n"
	"                      today): the agency's data runs to it\n"
	"    --sheet <name>    a workbook's sheet to read (default: the first sheet)\n"
	"    --header-row <n>  the row of a workbook's sheet that holds the column\n"
	"                      names (default: the first row holding 'ref' and\n"
	"                      'raised_on'; for activity, 'partnership', 'quarter'\n"
	"                      and 'measure'); rows above it are not read\n"
	"    --json            one JSON object per file instead of a summary line\n"
	"    --ignore-unknown  drop columns the profile does not know (never kept)\n"
	"    -q, --quiet       no progress line, and no rejected rows listed on stderr\n"
	"\n"
	"example:\n"
	"    oversight load fixtures/devon/dc-police.csv fixtures/devon/devon-cs.csv\n"
	"    oversight load --exported 2026-10-02 fixtures/devon/dc-police.csv\n"
	"    oversight load --profile activity fixtures/devon/activity.csv\n"
	"    oversight load --sheet Escalations fixtures/devon/xlsx/dc-police.xlsx\n"
	"    oversight load --profile fixtures/devon/profiles/dc-police-wide.json \\\n"
	"        fixtures/devon/agency-shapes/dc-police.csv\n";

/* Over 80 lines: the options table and its switch, one case per option,
 * read best as one list. */
int cmd_load(int argc, char **argv)
{
	static const struct option opts[] = {
		{"profile", required_argument, 0, 'p'},
		{"json", no_argument, 0, 'j'},
		{"agency", required_argument, 0, 'a'},
		{"exported", required_argument, 0, 'e'},
		{"shared", no_argument, 0, 's'},
		{"ignore-unknown", no_argument, 0, 'i'},
		{"quiet", no_argument, 0, 'q'},
		{"sheet", required_argument, 0, 'S'},
		{"header-row", required_argument, 0, 'H'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	const char *profile = "canonical";
	struct profile *pf = NULL;
	struct shape_opts o = {0, NULL, DATE_NONE, NULL, 0};
	int json = 0, quiet = 0, c, status = EXIT_OK;
	struct wh *w = NULL;
	struct ref r = {0};
	unsigned char key[PSEUDO_KEY_BYTES];

	while ((c = getopt_long(argc, argv, "p:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			profile = optarg;
			break;
		case 'j':
			json = 1;
			break;
		case 'a':
		case 's':
			if (o.agency)
				usage_error("load", "--agency and --shared: give one");
			o.agency = c == 'a' ? optarg : "";
			break;
		case 'e':
			if (date_parse_iso(optarg, strlen(optarg), &o.exported))
				usage_error("load", "--exported: '%s' is not a date (YYYY-MM-DD)", optarg);
			break;
		case 'i':
			o.ignore_unknown = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'S':
			o.sheet = optarg;
			break;
		case 'H': {
			char *end;
			long n = strtol(optarg, &end, 10);

			if (*end || end == optarg || n < 1 || n > 1048576)
				usage_error("load", "--header-row: '%s' is not a row number", optarg);
			o.header_row = (int)n;
			break;
		}
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			usage_error("load", "bad option");
		}
	}
	if (optind >= argc)
		usage_error("load", "no file to load");
	if (strcmp(profile, "canonical") && strcmp(profile, "activity")) {
		int st;

		if (o.sheet || o.header_row)
			usage_error("load", "--sheet, --header-row: an agency's profile names its "
				    "sheet (\"workbook\")");
		/* Read and check the profile before the warehouse is opened:
		 * a bad profile loads nothing. */
		if (!(pf = profile_open(profile, &st)))
			return st;
		if (o.ignore_unknown)
			pf->ignore_unmapped = 1;
		profile = pf->name;
	}

	pseudo_init();
	status = load_open(&w, key, &r, pf);
	if (status != EXIT_OK) {
		profile_free(pf);
		return status;
	}
	for (int i = optind; i < argc; i++) {
		int rc = load_file(w, &r, key, argv[i], profile, pf, &o, json, quiet);

		if (rc > status)
			status = rc;
	}
	sodium_memzero(key, sizeof(key));
	ref_free(&r);
	wh_close(w);
	profile_free(pf);
	return status;
}
