/*
 * cmd_profile.c - oversight profile check [-n <count>] <profile> [<file>]
 *                 oversight profile draft [--partnership P] [--agency A] [-o F] <file>
 *
 * Checks a profile (profile.h, docs/profiles.md) and, given one of the
 * agency's files, shows its first <count> records (10) as the canonical
 * records they become, each value beside the source column and text it
 * came from, with the case reference masked, then the first ten records
 * further on that cannot be mapped, and the counts.  Nothing is written
 * and the warehouse is not opened: this is what an analyst runs while
 * writing a profile.  "draft" writes a first profile for a file, guessed
 * from the file alone (draft.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/cmds.h"
#include "core/msg.h"
#include "core/util.h"
#include "core/wh.h"
#include "draft.h"
#include "model/proto.h"
#include "profile.h"

static const char usage_text[] =
	"usage: oversight profile check [-n <count>] <profile> [<file>]\n"
	"       oversight profile draft [--partnership <p>] [--agency <a>] [-o <file>] <export>\n"
	"\n"
	"Check an agency export profile and, with a file, show its first records\n"
	"as the canonical records they become (case references masked).  Nothing\n"
	"is loaded; the loader's own rules (ids, stage order, future dates) are\n"
	"applied by 'oversight load'.\n"
	"\n"
	"    <profile>         a name found in $OVERSIGHT_PROFILES or <data>/profiles/,\n"
	"                      or a path to the profile's .json\n"
	"    -n, --count <n>   records to show (default 10)\n"
	"\n"
	"'draft' reads an agency's export (CSV, JSON or .xlsx) and writes a draft profile:\n"
	"columns matched to canonical fields, date formats, every code listed with\n"
	"its likely canonical value (\"?\" where none), narrative columns dropped; what\n"
	"it could not decide is said on stderr.  Check the draft with 'profile check'.\n"
	"\n"
	"    --partnership <p> guess agency codes against this partnership's agencies\n"
	"                      (read from the warehouse)\n"
	"    --agency <a>      whose export it is (source.agency)\n"
	"    -o, --output <f>  write the draft there rather than to stdout\n"
	"\n"
	"Exit status: 0 the profile is valid (and every record of the file maps),\n"
	"1 it is not (or some records do not map), 2 unknown profile, 3 unreadable.\n"
	"\n"
	"example:\n"
	"    oversight profile check fixtures/devon/profiles/dc-police-wide.json \\\n"
	"        fixtures/devon/agency-shapes/dc-police.csv\n";

#define FAILURES_SHOWN 10

struct show {
	long limit;     /* records to show */
	long records;   /* records read */
	long failed;    /* records the profile cannot map */
	long listed;    /* failures listed after the shown records */
	int json;       /* records are numbered, not lines */
};

static const char *shape_name(int s)
{
	return s == PROFILE_WIDE ? "wide (one row per escalation)"
	       : s == PROFILE_LONG ? "long (one row per stage event)"
				   : "json (records with nested stage events)";
}

/* A date field the summary lists: the optional stage0_on and feedback_on
 * only where the profile reads them (a column, or a stage code for 0). */
static int date_shown(const struct profile *pf, int f)
{
	if (f != CF_STAGE0 && f != CF_FEEDBACK_ON)
		return 1;
	for (int i = 0; i < pf->ncol; i++)
		if (pf->col[i].field == f)
			return 1;
	for (int i = 0; f == CF_STAGE0 && i < pf->stage.n; i++)
		if (pf->stage.to[i][0] == '0')
			return 1;
	return 0;
}

static void print_summary(const struct profile *pf)
{
	printf("profile %s: %s\n", pf->name, pf->path);
	if (pf->description)
		printf("  %s\n", pf->description);
	printf("  source     %s%s, the log of %s", pf->partnership ? "" : "partnership from a column",
	       pf->partnership ? pf->partnership : "", pf->agency);
	if (pf->ref_prefix)
		printf(", refs prefixed \"%s\"", pf->ref_prefix);
	printf("\n  shape      %s\n", shape_name(pf->shape));
	printf("  encoding   %s", pf->encoding == PROFILE_UTF8 ? "utf-8" : "windows-1252");
	if (pf->shape != PROFILE_JSON)
		printf(", delimiter %s", pf->delim == '\t' ? "tab" : pf->delim == ';' ? "';'" : "','");
	printf("\n");
	if (pf->shape == PROFILE_JSON)
		printf("  records    %s\n", pf->records[0] ? pf->records : "(the document)");
	printf("  columns    %d mapped", pf->ncol);
	if (pf->ndrop) {
		printf(", %d dropped (", pf->ndrop);
		for (int i = 0; i < pf->ndrop; i++)
			printf("%s%s", i ? ", " : "", pf->drop[i]);
		printf(")");
	}
	printf("; %s\n", pf->ignore_unmapped ? "other columns ignored (never kept)"
					     : "other columns refused");
	if (pf->ev_stage)
		printf("  stages     %s%s%s and %s\n", pf->ev_path ? pf->ev_path : "",
		       pf->ev_path ? ": " : "rows: ", pf->ev_stage, pf->ev_date);
	/* dates: one line per format, naming its fields (the optional
	 * stage0_on and feedback_on only where a column gives them) */
	for (int fmt = 0; fmt < PD_COUNT; fmt++) {
		int n = 0, stages = 0;

		for (int f = 0; f < CF_COUNT; f++)
			if (profile_is_date_field(f) && pf->datefmt[f] == fmt &&
			    (f < CF_STAGE1 + MODEL_STAGES || f > CF_STAGE9) && date_shown(pf, f))
				n++;
		if (!n)
			continue;
		printf("  dates      %s:", profile_datefmt_name(fmt));
		for (int f = 0; f < CF_COUNT; f++) {
			if (!profile_is_date_field(f) || pf->datefmt[f] != fmt ||
			    (f >= CF_STAGE1 + MODEL_STAGES && f <= CF_STAGE9) || !date_shown(pf, f))
				continue;
			if (f >= CF_STAGE1 && f <= CF_STAGE9) {
				if (stages++)
					continue;
				/* stage1_on..stage5_on, as one */
				int last = f;

				while (last + 1 < CF_STAGE1 + MODEL_STAGES && pf->datefmt[last + 1] == fmt)
					last++;
				if (last > f)
					printf(" %s..%s", canon_field_name(f), canon_field_name(last));
				else
					printf(" %s", canon_field_name(f));
				continue;
			}
			printf(" %s", canon_field_name(f));
		}
		printf("\n");
	}
	if (pf->stage.n)
		printf("  values     stage: %d code%s\n", pf->stage.n, pf->stage.n == 1 ? "" : "s");
	for (int f = 0; f < CF_COUNT; f++)
		if (pf->vmap[f].n)
			printf("  values     %s: %d code%s%s\n", canon_field_name(f), pf->vmap[f].n,
			       pf->vmap[f].n == 1 ? "" : "s",
			       pf->vmap_agency & (1 << f) ? " (values.agency)" : "");
	for (int f = 0; f < CF_COUNT; f++)
		if (pf->dflt[f])
			printf("  default    %s %s\n", canon_field_name(f), pf->dflt[f]);
	printf("  yes/no     yes:");
	for (int i = 0; i < pf->nyes; i++)
		printf("%s %s", i ? "," : "", pf->yes[i]);
	printf("; no:");
	for (int i = 0; i < pf->nno; i++)
		printf("%s %s", i ? "," : "", pf->no[i]);
	printf(" (%s)\n", pf->yn_case ? "case as written" : "any case");
}

static int show_row(void *ctx, const struct canon_in *in, const char *raw)
{
	struct show *s = ctx;
	const struct profile_rec *r = profile_rec_of(in);

	(void)raw;
	s->records++;
	if (s->records > s->limit)
		return 0;
	if (r->pf->shape == PROFILE_JSON)
		printf("\nrecord %ld\n", s->records);
	else
		printf("\nrecord %ld (line %ld)\n", s->records, in->line);
	for (int f = 0; f < CF_COUNT; f++) {
		const char *v = in->v[f];

		if (!v || !in->len[f])
			continue;
		/* the case reference is never shown (DESIGN.md, Quality bars) */
		if (f == CF_CASE_REF) {
			printf("  %-16s %-24s %s\n", canon_field_name(f), "[case ref masked]",
			       in->src[f] ? in->src[f] : "");
			continue;
		}
		printf("  %-16s %-24s", canon_field_name(f), v);
		if (in->src[f])
			printf(" %s", in->src[f]);
		if (in->col[f] && r->vline[f] && r->vline[f] != in->line)
			printf(" (line %ld col %d)", r->vline[f], in->col[f]);
		else if (in->col[f])
			printf(" (col %d)", in->col[f]);
		/* the agency's own text, where the profile changed it */
		if (r->vline[f] && r->given[f] && r->given[f][0] && strcmp(r->given[f], v) != 0 &&
		    (in->col[f] > 0 || (in->src[f] && strchr(in->src[f], '['))))
			printf(": \"%s\"", r->given[f]);
		printf("\n");
	}
	return 0;
}

static int show_reject(void *ctx, long line, int col, const char *field, const char *reason,
		       const char *raw)
{
	struct show *s = ctx;

	(void)field;
	(void)raw;
	s->records++;
	s->failed++;
	if (s->records <= s->limit) {
		if (s->json)
			printf("\nrecord %ld: cannot be mapped\n  ", s->records);
		else
			printf("\nrecord %ld (line %ld): cannot be mapped\n  ", s->records, line);
		if (col > 0)
			printf("col %d: ", col);
		printf("%s\n", reason);
		return 0;
	}
	if (s->listed++ < FAILURES_SHOWN) {
		if (s->listed == 1)
			printf("\nrecords that cannot be mapped, further on:\n");
		printf("  %s %ld", s->json ? "record" : "line", line);
		if (col > 0)
			printf(":%d", col);
		printf(": %s\n", reason);
	}
	return 0;
}

static int check(const char *arg, const char *file, long limit)
{
	struct profile *pf;
	struct show s = {limit, 0, 0, 0, 0};
	struct profile_sink sink = {show_row, show_reject, &s};
	FILE *fp;
	int st;

	if (!(pf = profile_open(arg, &st)))
		return st;
	s.json = pf->shape == PROFILE_JSON;
	print_summary(pf);
	printf("ok: the profile is valid\n");
	if (!file) {
		profile_free(pf);
		return EXIT_OK;
	}
	fp = fopen(file, "rb");
	if (!fp) {
		error("%s: cannot open: %m", file);
		profile_free(pf);
		return EXIT_ENV;
	}
	fflush(stdout);
	printf("\n%s: the first %ld record%s as canonical records (nothing is loaded)\n", file, limit,
	       limit == 1 ? "" : "s");
	st = profile_read(pf, fp, file, &sink);
	fclose(fp);
	if (st) {
		error("%s: the file cannot be read with profile %s", file, pf->name);
		profile_free(pf);
		return st;
	}
	if (s.listed > FAILURES_SHOWN)
		printf("  ... and %ld more\n", s.listed - FAILURES_SHOWN);
	printf("\n%s: %ld records, %ld map, %ld cannot be mapped\n", file, s.records,
	       s.records - s.failed, s.failed);
	profile_free(pf);
	return s.failed ? EXIT_DATA : EXIT_OK;
}

/* The warehouse's reference data for the draft's agency codes; 0 when
 * there is none to read (the draft goes on without). */
static int draft_ref(const char *partnership, struct ref *r)
{
	struct wh *w = NULL;
	int ok;

	if (!partnership)
		return 0;
	if (wh_open(ov.warehouse, WH_READONLY, &w))
		return 0;
	ok = ref_read(w, r) == 0;
	wh_close(w);
	if (ok && !ref_find_partnership(r, partnership)) {
		char *ids[64], hint[512];
		int n = r->npartnership < 64 ? r->npartnership : 64;

		for (int i = 0; i < n; i++)
			ids[i] = r->partnership[i].id;
		return error("unknown partnership '%s'%s", partnership,
			     ref_hint(hint, sizeof(hint), "partnerships", partnership, ids, n)), -1;
	}
	return ok;
}

static int draft(const char *file, const char *partnership, const char *agency, const char *out)
{
	struct ref r = {0};
	struct draft d;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;
	int st, have = draft_ref(partnership, &r);

	if (have < 0) {
		ref_free(&r);
		return EXIT_USAGE;
	}
	draft_init(&d, have ? &r : NULL, partnership, agency);
	st = draft_read(&d, file);
	if (!st) {
		draft_guess(&d);
		mem = open_memstream(&text, &len);
		draft_write(&d, mem);
		fclose(mem);
		if (!out)
			fwrite(text, 1, len, stdout);
		else if (util_write_atomic(out, text, len))
			st = EXIT_ENV;
		free(text);
	}
	draft_free(&d);
	ref_free(&r);
	return st;
}

int cmd_profile(int argc, char **argv)
{
	static const struct option opts[] = {
		{"count", required_argument, 0, 'n'},
		{"partnership", required_argument, 0, 'p'},
		{"agency", required_argument, 0, 'a'},
		{"output", required_argument, 0, 'o'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0},
	};
	const char *partnership = NULL, *agency = NULL, *out = NULL;
	long limit = 10;
	char *end;
	int c;

	while ((c = getopt_long(argc, argv, "n:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'p':
			partnership = optarg;
			break;
		case 'a':
			agency = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		case 'n':
			limit = strtol(optarg, &end, 10);
			if (*end || end == optarg || limit < 0)
				usage_error("profile", "--count: '%s' is not a count", optarg);
			break;
		case 'h':
			fputs(usage_text, stdout);
			return EXIT_OK;
		default:
			usage_error("profile", "bad option");
		}
	}
	if (optind >= argc)
		usage_error("profile", "no subcommand (check)");
	if (strcmp(argv[optind], "draft") == 0) {
		if (argc - optind != 2)
			usage_error("profile", "draft: one export file");
		return draft(argv[optind + 1], partnership, agency, out);
	}
	if (strcmp(argv[optind], "check") != 0)
		usage_error("profile", "'%s' is not a profile subcommand (check)", argv[optind]);
	if (partnership || agency || out)
		usage_error("profile", "check: --partnership, --agency and --output are for draft");
	optind++;
	if (optind >= argc)
		usage_error("profile", "check: no profile given");
	if (argc - optind > 2)
		usage_error("profile", "check: one profile and at most one file");
	return check(argv[optind], argc - optind == 2 ? argv[optind + 1] : NULL, limit);
}
