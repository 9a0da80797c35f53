/*
 * test_profile.c - the pure parts of etl/profile.h: dates in every format
 * a profile may name (with strptime's leniency closed), Excel serials, and
 * the record builder (value maps, yes/no, defaults, ref prefix, a long
 * group's events and conflicts).
 *
 * Expected dates were worked out by hand: Excel's 1900 system counts
 * 1900-01-01 as serial 1 and the non-existent 1900-02-29 as serial 60, so
 * 1900-03-01 is 61 and a day from then on is 1899-12-30 + serial;
 * 2025-01-01 is 45658 (Microsoft's DATEVALUE("2025-01-01")).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"
#include "core/msg.h"
#include "etl/profile.h"
#include "etl/shape_front.h"
#include "unit.h"

/* The date as YYYY-MM-DD, or "no" when it does not parse. */
static const char *parse(int fmt, const char *s)
{
	static char buf[16];
	int day;

	if (profile_parse_date(fmt, s, strlen(s), &day))
		return "no";
	return date_format(day, buf);
}

static void dates(void)
{
	CHECK_STR(parse(PD_ISO, "2025-04-01"), "2025-04-01", "%Y-%m-%d");
	CHECK_STR(parse(PD_ISO, "2025-02-29"), "no", "%Y-%m-%d: 2025-02-29 is no day");
	CHECK_STR(parse(PD_ISO, "2024-02-29"), "2024-02-29", "%Y-%m-%d: 2024 is a leap year");

	CHECK_STR(parse(PD_DMY, "01/04/2025"), "2025-04-01", "%d/%m/%Y: day first");
	CHECK_STR(parse(PD_DMY, "1/4/2025"), "2025-04-01", "%d/%m/%Y: one-figure day and month");
	CHECK_STR(parse(PD_DMY, "31/04/2025"), "no", "%d/%m/%Y: strptime takes 31/04, date_valid does not");
	CHECK_STR(parse(PD_DMY, "29/02/2025"), "no", "%d/%m/%Y: 29/02/2025");
	CHECK_STR(parse(PD_DMY, "29/02/2024"), "2024-02-29", "%d/%m/%Y: 29/02/2024");
	CHECK_STR(parse(PD_DMY, "13/13/2025"), "no", "%d/%m/%Y: month 13");
	CHECK_STR(parse(PD_DMY, "01/04/25"), "no", "%d/%m/%Y: a two-figure year is not %Y");
	CHECK_STR(parse(PD_DMY, "01/04/2025x"), "no", "%d/%m/%Y: trailing text");
	CHECK_STR(parse(PD_DMY, " 01/04/2025"), "no", "%d/%m/%Y: a space the format has not");
	CHECK_STR(parse(PD_DMY, "2025-04-01"), "no", "%d/%m/%Y: an ISO date");
	CHECK_STR(parse(PD_DMY, ""), "no", "%d/%m/%Y: blank");

	CHECK_STR(parse(PD_DMY2, "01/04/25"), "2025-04-01", "%d/%m/%y");
	CHECK_STR(parse(PD_DMY2, "01/04/2025"), "no", "%d/%m/%y: four figures left over");
	CHECK_STR(parse(PD_DMY2, "31/09/25"), "no", "%d/%m/%y: 31 September");

	CHECK_STR(parse(PD_DBY2, "03-Mar-25"), "2025-03-03", "%d-%b-%y");
	CHECK_STR(parse(PD_DBY2, "03-mar-25"), "2025-03-03", "%d-%b-%y: month in any case");
	CHECK_STR(parse(PD_DBY2, "31-Jun-25"), "no", "%d-%b-%y: 31 June");
	CHECK_STR(parse(PD_DBY2, "03-Mrz-25"), "no", "%d-%b-%y: not an English month");

	CHECK_STR(parse(PD_DBFULL, "3 March 2025"), "2025-03-03", "%d %B %Y");
	CHECK_STR(parse(PD_DBFULL, "30 February 2024"), "no", "%d %B %Y: 30 February");
	CHECK_STR(parse(PD_DBFULL, "3  March 2025"), "no", "%d %B %Y: two spaces");

	CHECK_STR(parse(PD_DMY_HM, "01/04/2025 09:30"), "2025-04-01", "%d/%m/%Y %H:%M");
	CHECK_STR(parse(PD_DMY_HM, "01/04/2025 24:00"), "no", "%d/%m/%Y %H:%M: hour 24");
	CHECK_STR(parse(PD_DMY_HM, "01/04/2025"), "no", "%d/%m/%Y %H:%M: no time");
	CHECK_STR(parse(PD_DMY_HM, "31/04/2025 09:30"), "no", "%d/%m/%Y %H:%M: 31 April");
	CHECK_STR(parse(PD_DMY_HMS, "01/04/2025 09:30:59"), "2025-04-01", "%d/%m/%Y %H:%M:%S");

	CHECK_STR(parse(PD_ISO_T, "2025-04-01T23:59:00"), "2025-04-01", "%Y-%m-%dT%H:%M:%S");
	CHECK_STR(parse(PD_ISO_T, "2025-02-29T10:00:00"), "no", "%Y-%m-%dT%H:%M:%S: 29 February 2025");
	CHECK_STR(parse(PD_ISO_T, "2025-04-01 10:00:00"), "no", "%Y-%m-%dT%H:%M:%S: no T");
	CHECK_STR(parse(PD_ISO_HMS, "2025-04-01 10:00:00"), "2025-04-01", "%Y-%m-%d %H:%M:%S");

	CHECK_STR(parse(PD_EXCEL, "45658"), "2025-01-01", "excel: 45658 is 2025-01-01");
	CHECK_STR(parse(PD_EXCEL, "45658.75"), "2025-01-01", "excel: a time of day is dropped");
	CHECK_STR(parse(PD_EXCEL, "1"), "1900-01-01", "excel: serial 1");
	CHECK_STR(parse(PD_EXCEL, "59"), "1900-02-28", "excel: serial 59");
	CHECK_STR(parse(PD_EXCEL, "60"), "no", "excel: serial 60 is the 1900-02-29 that never was");
	CHECK_STR(parse(PD_EXCEL, "61"), "1900-03-01", "excel: serial 61");
	CHECK_STR(parse(PD_EXCEL, "0"), "no", "excel: serial 0");
	CHECK_STR(parse(PD_EXCEL, "45658."), "no", "excel: a point and nothing");
	CHECK_STR(parse(PD_EXCEL, "-1"), "no", "excel: negative");
	CHECK_STR(parse(PD_EXCEL, "01/01/2025"), "no", "excel: a date written out");
	CHECK_STR(parse(PD_EXCEL, "2958465"), "9999-12-31", "excel: the last serial");
	CHECK_STR(parse(PD_EXCEL, "2958466"), "no", "excel: beyond 9999-12-31");

	CHECK_STR(profile_datefmt_name(PD_DBY2), "%d-%b-%y", "format names");
}

/* A profile written to a scratch file and read back. */
static struct profile *profile_from(const char *json)
{
	char path[] = "/tmp/test_profile_XXXXXX.json";
	int fd = mkstemps(path, 5), st;
	struct profile *pf;

	if (fd < 0 || write(fd, json, strlen(json)) != (ssize_t)strlen(json)) {
		perror("scratch profile");
		exit(1);
	}
	close(fd);
	pf = profile_load(path, &st);
	unlink(path);
	return pf;
}

static const char *val(const struct profile_rec *r, int f)
{
	return r->in.v[f] ? r->in.v[f] : "";
}

static void set(struct profile_rec *r, int f, const char *v, long line)
{
	profile_rec_set(r, f, v, strlen(v), f + 1, "Col", line);
}

static void records(void)
{
	struct profile *pf = profile_from(
		"{\"format\": \"oversight-profile/1\","
		" \"source\": {\"partnership\": \"devon\", \"agency\": \"dc-police\", \"ref_prefix\": \"DCP-\"},"
		" \"shape\": \"long\","
		" \"columns\": {\"Ref\": \"ref\", \"By\": \"raised_by\", \"With\": \"raised_with\","
		"   \"Raised\": \"raised_on\", \"Theme\": \"theme\", \"Serious\": \"serious_concern\","
		"   \"Stuck\": \"stuck\", \"Subject\": \"subject\"},"
		" \"stages\": {\"stage\": \"Stage\", \"date\": \"Date\"},"
		" \"dates\": {\"*\": \"%d/%m/%Y\"},"
		" \"values\": {\"agency\": {\"DCP\": \"dc-police\", \"CSC\": \"devon-cs\"},"
		"   \"theme\": {\"THR\": \"threshold\"},"
		"   \"stage\": {\"Stage 1\": 1, \"Stage 2\": \"2\"},"
		"   \"status\": {\"Resolved\": \"resolved\"}},"
		" \"defaults\": {\"subject\": \"child\"},"
		" \"yes_no\": {\"yes\": [\"Yes\"], \"no\": [\"No\"], \"case_sensitive\": true}}");
	struct profile_rec r;

	CHECK(pf != NULL, "a long profile reads");
	if (!pf)
		return;
	profile_rec_init(&r, pf);

	profile_rec_start(&r, 2);
	set(&r, CF_REF, " 25-0001 ", 2);
	set(&r, CF_RAISED_BY, "dcp", 2);
	set(&r, CF_RAISED_WITH, "CSC", 2);
	set(&r, CF_RAISED_ON, "01/04/2025", 2);
	set(&r, CF_THEME, "THR", 2);
	set(&r, CF_SERIOUS, "Yes", 2);
	set(&r, CF_STUCK, "", 2);
	set(&r, CF_SUBJECT, "", 2);
	profile_rec_event(&r, "Stage 2", 7, 9, "Stage", "03/04/2025", 10, 10, "Date", 2);
	/* the next row of the group: the same values, another event */
	set(&r, CF_REF, "25-0001", 3);
	set(&r, CF_RAISED_BY, "DCP", 3);
	profile_rec_event(&r, "Stage 1", 7, 9, "Stage", "01/04/2025", 10, 10, "Date", 3);
	profile_rec_event(&r, "stage 2", 7, 9, "Stage", "02/04/2025", 10, 10, "Date", 4);
	profile_rec_event(&r, "Resolved", 8, 9, "Stage", "05/04/2025", 10, 10, "Date", 5);
	CHECK_INT(profile_rec_finish(&r), 0, "a group of four rows maps");
	CHECK_STR(val(&r, CF_REF), "DCP-25-0001", "ref: trimmed and prefixed");
	CHECK_STR(val(&r, CF_PARTNERSHIP), "devon", "partnership from source.partnership");
	CHECK_STR(val(&r, CF_RAISED_BY), "dc-police", "values.agency, any case");
	CHECK_STR(val(&r, CF_RAISED_WITH), "devon-cs", "values.agency for raised_with too");
	CHECK_STR(val(&r, CF_RAISED_ON), "2025-04-01", "raised_on in the profile's format");
	CHECK_STR(val(&r, CF_SERIOUS), "y", "yes/no: Yes");
	CHECK_STR(val(&r, CF_STUCK), "", "yes/no: blank stays blank");
	CHECK_STR(val(&r, CF_SUBJECT), "child", "defaults.subject fills a blank");
	CHECK_STR(val(&r, CF_STAGE1), "2025-04-01", "stage 1 event");
	CHECK_STR(val(&r, CF_STAGE1 + 1), "2025-04-02", "stage 2 entered twice: the earlier date");
	CHECK_INT(r.in.line, 2, "the group's line is its first");
	CHECK_INT(r.vline[CF_STAGE1 + 1], 4, "stage 2's date came from line 4");
	CHECK_STR(val(&r, CF_STATUS), "resolved", "closure event: status");
	CHECK_STR(val(&r, CF_CLOSED_ON), "2025-04-05", "closure event: closed_on");
	CHECK_STR(r.in.src[CF_RAISED_ON], "Col", "the source column is named");

	profile_rec_start(&r, 10);
	set(&r, CF_RAISED_BY, "DCP", 10);
	set(&r, CF_RAISED_BY, "CSC", 11);
	CHECK_INT(profile_rec_finish(&r), -1, "rows of one group that disagree");
	CHECK_STR(r.why, "Col (raised_by): 'CSC' differs from 'DCP' at line 10: the rows of one "
		  "escalation must agree (line 11)", "... say where");

	profile_rec_start(&r, 20);
	set(&r, CF_SERIOUS, "yes", 20);
	CHECK_INT(profile_rec_finish(&r), -1, "case-sensitive yes/no refuses 'yes'");
	CHECK_INT(r.fail_col, CF_SERIOUS + 1, "... at its column");

	profile_rec_start(&r, 30);
	set(&r, CF_THEME, "NEG", 30);
	CHECK_INT(profile_rec_finish(&r), -1, "an unmapped code");
	CHECK_STR(r.why, "Col (theme): 'NEG' is not a code of the profile's values.theme", "... named");

	profile_rec_start(&r, 40);
	profile_rec_event(&r, "Stage 9", 7, 9, "Stage", "01/04/2025", 10, 10, "Date", 40);
	CHECK_INT(profile_rec_finish(&r), -1, "a stage code not in values.stage");

	profile_rec_start(&r, 50);
	profile_rec_event(&r, "Stage 1", 7, 9, "Stage", "31/04/2025", 10, 10, "Date", 50);
	CHECK_INT(profile_rec_finish(&r), -1, "an event date that is no day");
	CHECK_STR(r.why, "Date (stage1_on): \"31/04/2025\" is not a date (%d/%m/%Y)", "... named");
	CHECK_INT(r.fail_col, 10, "... at the date's column");

	profile_rec_start(&r, 60);
	profile_rec_event(&r, "Stage 1", 7, 9, "Stage", "01/04/2025", 10, 10, "Date", 60);
	CHECK_INT(profile_rec_finish(&r), 0, "no closure event...");
	CHECK_STR(val(&r, CF_STATUS), "open", "... is open");

	profile_rec_free(&r);
	profile_free(pf);

	CHECK(profile_from("{\"format\": \"oversight-profile/1\", \"source\": {\"agency\": \"x\","
			   " \"partnership\": \"devon\"}, \"shape\": \"wide\", \"columns\":"
			   " {\"A\": \"raised_on\", \"B\": \"raised_on\"}}") == NULL,
	      "two columns to one field are refused");
	CHECK(profile_from("{\"format\": \"oversight-profile/1\", \"source\": {\"agency\": \"x\","
			   " \"partnership\": \"devon\"}, \"shape\": \"wide\", \"columns\":"
			   " {\"A\": \"ref\"}, \"dates\": {\"raised_on\": \"%m/%d/%Y\"}}") == NULL,
	      "a date format not on the list is refused");
}

/* The canonical values a profile maps onto are canon's one list, and the
 * messages that name them read as they did when each file had its own. */
static void allowed(void)
{
	char buf[80];

	CHECK_STR(canon_allowed_text(CF_SUBJECT, buf, sizeof(buf)),
		  "one of child, unborn, adult, none", "subject's values");
	CHECK_STR(canon_allowed_text(CF_CATEGORY, buf, sizeof(buf)), "one of case, policy, iru",
		  "category's values");
	CHECK_STR(canon_allowed_text(CF_STATUS, buf, sizeof(buf)),
		  "one of open, resolved, withdrawn", "status's values");
	CHECK_STR(canon_allowed_text(CF_STUCK, buf, sizeof(buf)), "y or n", "a yes/no field's values");
	CHECK(canon_is_allowed(CF_STATUS, "withdrawn") && !canon_is_allowed(CF_STATUS, "closed"),
	      "status: withdrawn, not closed");
	CHECK(canon_is_allowed(CF_THEME, "anything"), "a field that is not coded takes any value");
	CHECK(canon_is_yes_no_field(CF_SERIOUS) && canon_is_yes_no_field(CF_LEARNING) &&
	      !canon_is_yes_no_field(CF_SUBJECT), "the yes/no fields");
	CHECK(canon_allowed(CF_REF) == NULL, "ref is not coded");
}

/* What the CSV front end handed on, for front(). */
struct seen {
	char names[256];
	int rows;
	char rejects[512];
	int dup;
};

static int seen_header(void *ctx, struct shape_front *f, long line)
{
	struct seen *t = ctx;

	(void)line;
	for (int i = 0; i < f->ncol; i++) {
		size_t used = strlen(t->names);

		snprintf(t->names + used, sizeof(t->names) - used, "%s[%s]", i ? "," : "",
			 f->colname[i]);
		if (shape_front_dup(f, i) >= 0)
			t->dup = i + 1;
		if (!strcmp(f->colname[i], "case"))
			f->case_col = i;
	}
	return 0;
}

static int seen_row(void *ctx, const struct csvin_row *row, const char *raw)
{
	struct seen *t = ctx;

	(void)row;
	(void)raw;
	t->rows++;
	return 0;
}

static int seen_reject(void *ctx, long line, int col, const char *field, const char *reason,
		       const char *raw)
{
	struct seen *t = ctx;
	size_t used = strlen(t->rejects);

	snprintf(t->rejects + used, sizeof(t->rejects) - used, "%ld:%d:%s:%s:%s;", line, col,
		 field ? field : "-", reason, raw ? raw : "-");
	return 0;
}

/* Read text through the front end; its status. */
static int front_read(const char *text, size_t len, int trim, struct seen *t)
{
	const struct shape_front_ops ops = {
		.not_utf8_file = "not UTF-8",
		.not_utf8_field = "not UTF-8 text",
		.trim_names = trim,
		.raw_unterminated = 1,
		.nul_names_column = 1,
		.read_error = 99,
		.header = seen_header,
		.row = seen_row,
		.reject = seen_reject,
	};
	FILE *fp = fmemopen((void *)text, len, "r");
	int st;

	memset(t, 0, sizeof(*t));
	st = shape_front_read(fp, "t.csv", ',', &ops, t);
	fclose(fp);
	return st;
}

/* The CSV front end's checks, made once for every CSV shape. */
static void front(void)
{
	static const char bom[] = "\xef\xbb\xbf a , case \nx,C1\ny,C2,extra\n";
	static const char nul[] = "a,case\nx\0z,C1\n";
	struct seen t;

	CHECK_INT(front_read(bom, sizeof(bom) - 1, 1, &t), 0, "a file with a ragged row is taken");
	CHECK_STR(t.names, "[a],[case]", "the byte order mark goes, names are trimmed");
	CHECK_INT(t.rows, 1, "one row handed on");
	CHECK_STR(t.rejects, "3:0:-:row has 3 fields, the header has 2:-;",
		  "the ragged row is quarantined with nothing of itself");
	CHECK_INT(front_read(bom, sizeof(bom) - 1, 0, &t), 0, "names kept as they are...");
	/* libcsv drops the blanks around an unquoted field; those after a
	 * byte order mark are inside the field as libcsv reads it */
	CHECK_STR(t.names, "[ a],[case]", "... when the shape does not trim them");
	CHECK_INT(front_read(nul, sizeof(nul) - 1, 0, &t), 0, "a NUL byte in a field...");
	CHECK_STR(t.rejects, "2:1:a:a: holds a NUL byte:x?z,[case ref masked];",
		  "... quarantines its row, the case reference masked");
	CHECK_INT(front_read("a,b,a\n1,2,3\n", 12, 0, &t), 0, "a column named twice...");
	CHECK_INT(t.dup, 3, "... is found for the shape to name");
	CHECK_INT(front_read("a,\"b\"c\n", 8, 0, &t), EXIT_DATA, "a malformed header refuses the file");
	CHECK_INT(front_read("a\n\xff\n", 4, 0, &t), EXIT_DATA, "a field not UTF-8 refuses the file");
	CHECK_INT(front_read("", 0, 0, &t), EXIT_DATA, "an empty file has no header");
}

int main(void)
{
	dates();
	records();
	allowed();
	front();
	return unit_done();
}
