/*
 * test_xlsx.c - the workbook reader (etl/xlsx.h).
 *
 * Every fixtures/<p>/xlsx/<agency>.xlsx (written by fixtures/xlsx.c from
 * fixtures/<p>/<agency>.csv) must read back, row by row and field by
 * field, as the CSV file it was made from: dates as YYYY-MM-DD, numbers
 * as written, empty fields where the workbook has no cell.  Then small
 * workbooks made here: one by libxlsxwriter (rich text, a boolean, a
 * dd/mm/yyyy date, a date and time, a sparse row, inline strings), and
 * packages put together part by part with libzip for what a writer does
 * not choose to write (phonetic runs, formula strings, errors, cells
 * without references, other namespace prefixes, the 1904 date system,
 * broken parts).  Messages are checked whole.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "core/util.h"
#include "etl/csvin.h"
#include "etl/xlsx.h"
#include "unit.h"

/* Rows copied out of a reader's callback. */
struct table {
	int nrow, cap;
	long *line;
	int *nfield;
	char ***field;
	int stop_at;       /* return non-zero at this row (1-based), 0: never */
};

static int collect(const struct csvin_row *row, void *ctx)
{
	struct table *t = ctx;

	if (t->nrow == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->line = xrealloc(t->line, t->cap * sizeof(*t->line));
		t->nfield = xrealloc(t->nfield, t->cap * sizeof(*t->nfield));
		t->field = xrealloc(t->field, t->cap * sizeof(*t->field));
	}
	t->line[t->nrow] = row->line;
	t->nfield[t->nrow] = row->nfield;
	t->field[t->nrow] = xmalloc(row->nfield * sizeof(char *));
	for (int i = 0; i < row->nfield; i++)
		t->field[t->nrow][i] = xstrndup(row->field[i], row->len[i]);
	t->nrow++;
	return t->stop_at && t->nrow == t->stop_at ? 5 : 0;
}

static void table_free(struct table *t)
{
	for (int r = 0; r < t->nrow; r++) {
		for (int i = 0; i < t->nfield[r]; i++)
			free(t->field[r][i]);
		free(t->field[r]);
	}
	free(t->line);
	free(t->nfield);
	free(t->field);
	memset(t, 0, sizeof(*t));
}

/* The row of t as "a|b|c", for comparing whole rows. */
static const char *joined(const struct table *t, int r)
{
	static char buf[4096];
	size_t n = 0;

	buf[0] = '\0';
	if (r >= t->nrow)
		return "(no row)";
	for (int i = 0; i < t->nfield[r] && n < sizeof(buf) - 1; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", i ? "|" : "", t->field[r][i]);
	return buf;
}

/* --- stderr, captured to check messages ---------------------------------- */

static FILE *cap_fp;
static int cap_saved = -1;

static void capture(void)
{
	fflush(stderr);
	cap_fp = tmpfile();
	cap_saved = dup(2);
	dup2(fileno(cap_fp), 2);
}

static const char *captured(void)
{
	static char buf[1024];
	size_t n;

	fflush(stderr);
	dup2(cap_saved, 2);
	close(cap_saved);
	rewind(cap_fp);
	n = fread(buf, 1, sizeof(buf) - 1, cap_fp);
	fclose(cap_fp);
	while (n && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return buf;
}

/* --- the fixtures -------------------------------------------------------- */

static int csv_table(const char *path, struct table *t)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	if (!fp)
		return -1;
	rc = csvin_read(fp, path, ',', collect, t);
	fclose(fp);
	return rc;
}

/* Compare one fixture workbook with its CSV; say where they first differ. */
static void check_fixture(const char *xlsx)
{
	char csv[512], what[700];
	const char *slash = strrchr(xlsx, '/');
	int dir = (int)(slash - xlsx) - (int)strlen("/xlsx");
	struct table want = {0}, got = {0};
	struct xlsx_info info;
	int header_row = strstr(xlsx, "devon/xlsx/dc-police.xlsx") ? 2 : 1;
	int same = 1;
	enum err e;

	snprintf(csv, sizeof(csv), "%.*s/%.*s.csv", dir, xlsx, (int)strlen(slash + 1) - 5, slash + 1);
	e = xlsx_read(xlsx, "Escalations", header_row, collect, &got, &info);
	if (e || csv_table(csv, &want) || !want.nrow) {
		snprintf(what, sizeof(what), "%s: read (%d) with %s", xlsx, e, csv);
		CHECK(0, what);
		goto cleanup;
	}
	for (int r = 0; same && r < want.nrow; r++) {
		if (r >= got.nrow || got.line[r] != r + header_row || strcmp(joined(&want, r), joined(&got, r)) != 0) {
			printf("# %s row %d: want %s\n", xlsx, r + header_row, joined(&want, r));
			printf("# %s row %d:  got %s\n", xlsx, r + header_row, joined(&got, r));
			same = 0;
		}
	}
	snprintf(what, sizeof(what), "%s: every field as in %s (%d rows)", xlsx, csv, want.nrow);
	CHECK(same && got.nrow == want.nrow, what);
cleanup:
	table_free(&want);
	table_free(&got);
}

static void test_fixtures(void)
{
	glob_t g;
	struct xlsx_info info;
	struct table t = {0};

	if (glob("fixtures/*/xlsx/*.xlsx", 0, NULL, &g) != 0) {
		CHECK(0, "fixtures/*/xlsx/*.xlsx exist");
		return;
	}
	CHECK_INT(g.gl_pathc, 25, "a workbook for each of the 25 agency logs");
	for (size_t i = 0; i < g.gl_pathc; i++)
		check_fixture(g.gl_pathv[i]);
	globfree(&g);

	CHECK_INT(xlsx_read("fixtures/gloucestershire/xlsx/glos-police.xlsx", NULL, 1, collect, &t, &info),
		  ERR_NONE, "glos-police.xlsx: the first sheet");
	CHECK_INT(info.date1904, 1, "glos-police.xlsx counts dates from 1904");
	CHECK_STR(info.sheet, "Escalations", "glos-police.xlsx: the log's sheet comes first");
	CHECK_INT(info.nsheet, 2, "glos-police.xlsx: and a notes sheet after it");
	table_free(&t);
	CHECK_INT(xlsx_read("fixtures/devon/xlsx/dc-police.xlsx", NULL, 0, collect, &t, &info),
		  ERR_NONE, "dc-police.xlsx: the first sheet");
	CHECK_STR(info.sheet, "Notes", "dc-police.xlsx: the notes sheet comes first");
	table_free(&t);
	CHECK_INT(xlsx_read("fixtures/devon/xlsx/dc-police.xlsx", "Escalations", 1, collect, &t, &info),
		  ERR_NONE, "dc-police.xlsx: from row 1");
	CHECK_STR(t.nrow ? t.field[0][0] : NULL, "Devon and Cornwall Police: escalations log",
		  "dc-police.xlsx: the title row above the header");
	CHECK_INT(t.nrow ? t.nfield[0] : 0, 1, "dc-police.xlsx: the title row as wide as its text");
	CHECK_INT(t.nrow > 1 ? t.nfield[1] : 0, 20, "dc-police.xlsx: the header after it");
	table_free(&t);
}

/* --- values, formats, cell names ----------------------------------------- */

static void test_values(void)
{
	char b[64];

	CHECK_STR(xlsx_number_text(b, sizeof(b), 45292, 1, 0), "2024-01-01", "serial 45292 (1900)");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 1, 1, 0), "1900-01-01", "serial 1 (1900)");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 59, 1, 0), "1900-02-28", "serial 59 (1900)");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 60, 1, 0), "1900-02-29", "serial 60: Excel's 1900-02-29");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 61, 1, 0), "1900-03-01", "serial 61 (1900)");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 45292.5, 1, 0), "2024-01-01 12:00", "a date and time");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 45292.99999999, 1, 0), "2024-01-02",
		  "a time rounding to midnight");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 0.75, 1, 0), "18:00", "a bare time");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 0, 1, 1), "1904-01-01", "serial 0 (1904)");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 43830, 1, 1), "2024-01-01", "serial 43830 (1904)");
	CHECK_STR(xlsx_number_text(b, sizeof(b), -1, 1, 0), "-1", "a negative serial stays a number");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 3, 0, 0), "3", "an integer without .0");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 0.1, 0, 0), "0.1", "0.1");
	CHECK_STR(xlsx_number_text(b, sizeof(b), -2.5, 0, 0), "-2.5", "-2.5");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 1.0 / 3, 0, 0), "0.3333333333333333", "1/3: 16 digits");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 0.1 + 0.2, 0, 0), "0.30000000000000004", "0.1+0.2: 17");
	CHECK_STR(xlsx_number_text(b, sizeof(b), 1e20, 0, 0), "1e+20", "1e20");
	CHECK_STR(xlsx_number_text(b, sizeof(b), -0.0, 0, 0), "0", "-0");

	CHECK_INT(xlsx_format_is_date(14, NULL), 1, "format 14 is a date");
	CHECK_INT(xlsx_format_is_date(22, NULL), 1, "format 22 is a date and time");
	CHECK_INT(xlsx_format_is_date(0, NULL), 0, "General is not");
	CHECK_INT(xlsx_format_is_date(4, NULL), 0, "#,##0.00 is not");
	CHECK_INT(xlsx_format_is_date(164, "dd/mm/yyyy"), 1, "dd/mm/yyyy");
	CHECK_INT(xlsx_format_is_date(164, "[$-809]d mmmm yyyy;@"), 1, "a date with a locale");
	CHECK_INT(xlsx_format_is_date(164, "[h]:mm"), 1, "elapsed hours");
	CHECK_INT(xlsx_format_is_date(164, "0.00"), 0, "0.00");
	CHECK_INT(xlsx_format_is_date(164, "[Red]#,##0"), 0, "a colour is no date");
	CHECK_INT(xlsx_format_is_date(164, "0 \"days\""), 0, "quoted text is no date");
	CHECK_INT(xlsx_format_is_date(164, "0\\d"), 0, "an escaped d is no date");
	CHECK_INT(xlsx_format_is_date(164, "General"), 0, "General as a code");

	strcpy(b, "line one_x000D_\nline two");
	CHECK_INT(xlsx_unescape(b, strlen(b)), 18, "_x000D_: its length");
	CHECK_STR(b, "line one\r\nline two", "_x000D_ is a carriage return");
	strcpy(b, "a_x005F_x000D_b_x00e9_c_x0000_d_xZZ");
	xlsx_unescape(b, strlen(b));
	CHECK_STR(b, "a_x000D_b\xc3\xa9" "c_x0000_d_xZZ", "_x005F_, a letter, NUL and junk");

	CHECK_STR(xlsx_cell(b, sizeof(b), "Escalations", 14, 3), "Escalations!C14", "a cell's name");
	CHECK_STR(xlsx_cell(b, sizeof(b), "Q3 log", 2, 28), "'Q3 log'!AB2", "a sheet name quoted");
	CHECK_STR(xlsx_cell(b, sizeof(b), "Tom's", 1, 1), "'Tom''s'!A1", "a quote doubled");
	CHECK_STR(xlsx_column(b, sizeof(b), 16384), "XFD", "the last column");
	CHECK_STR(xlsx_column(b, sizeof(b), 26), "Z", "column 26");
	CHECK_STR(xlsx_column(b, sizeof(b), 27), "AA", "column 27");
}

/* --- workbooks made here ------------------------------------------------- */

static char dir[256];

static const char *scratch(const char *name)
{
	static char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* A package from its parts: names and texts, NULL-terminated. */
static void package(const char *path, const char *const *parts)
{
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

	for (; z && parts[0]; parts += 2) {
		zip_source_t *src = zip_source_buffer(z, parts[1], strlen(parts[1]), 0);

		if (!src || zip_file_add(z, parts[0], src, ZIP_FL_OVERWRITE) < 0)
			zip_source_free(src);
	}
	if (!z || zip_close(z) < 0)
		printf("# cannot write %s\n", path);
}

static void test_xlsxwriter(void)
{
	const char *path = scratch("writer.xlsx");
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Log");
	lxw_format *bold = workbook_add_format(wb), *dmy = workbook_add_format(wb);
	lxw_format *stamp = workbook_add_format(wb);
	lxw_rich_string_tuple f1 = {NULL, "Threshold "}, f2 = {bold, "not"}, f3 = {NULL, " met"};
	lxw_rich_string_tuple *rich[] = {&f1, &f2, &f3, NULL};
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	const char *head[] = {"ref", "note", "flag", "raised_on", "amount", "stamp"};
	struct table t = {0};
	struct xlsx_info info;

	format_set_bold(bold);
	format_set_num_format(dmy, "dd/mm/yyyy");
	format_set_num_format(stamp, "yyyy-mm-dd hh:mm");
	for (int i = 0; i < 6; i++)
		worksheet_write_string(ws, 0, (lxw_col_t)i, head[i], NULL);
	worksheet_write_string(ws, 1, 0, "A-1", NULL);
	worksheet_write_rich_string(ws, 1, 1, rich, NULL);
	worksheet_write_boolean(ws, 1, 2, 1, NULL);
	worksheet_write_number(ws, 1, 3, 45356, dmy);            /* 2024-03-05 */
	worksheet_write_number(ws, 1, 4, 12.5, NULL);
	worksheet_write_number(ws, 1, 5, 45356 + 14.5 / 24, stamp); /* 14:30 */
	worksheet_write_string(ws, 3, 0, "A-2", NULL);           /* row 3 skipped */
	worksheet_write_boolean(ws, 3, 2, 0, NULL);
	workbook_close(wb);

	CHECK_INT(xlsx_read(path, "Log", 1, collect, &t, &info), ERR_NONE, "libxlsxwriter: read");
	CHECK_INT(t.nrow, 3, "libxlsxwriter: 3 rows");
	CHECK_STR(joined(&t, 0), "ref|note|flag|raised_on|amount|stamp", "libxlsxwriter: the header");
	CHECK_STR(joined(&t, 1), "A-1|Threshold not met|TRUE|2024-03-05|12.5|2024-03-05 14:30",
		  "rich text, a boolean, dd/mm/yyyy, a number, a date and time");
	CHECK_STR(joined(&t, 2), "A-2||FALSE|||", "a sparse row as wide as the header");
	CHECK_INT(t.nrow == 3 ? t.line[2] : 0, 4, "the sheet's row number");
	table_free(&t);

	/* constant_memory: strings are written inline (t="inlineStr") */
	path = scratch("inline.xlsx");
	wb = workbook_new_opt(path, &opt);
	ws = workbook_add_worksheet(wb, NULL);
	worksheet_write_string(ws, 0, 0, "ref", NULL);
	worksheet_write_string(ws, 0, 1, "subject", NULL);
	worksheet_write_string(ws, 1, 0, "B-7", NULL);
	worksheet_write_string(ws, 1, 1, "adult & child <both>", NULL);
	workbook_close(wb);
	CHECK_INT(xlsx_read(path, NULL, 1, collect, &t, &info), ERR_NONE, "inline strings: read");
	CHECK_STR(joined(&t, 1), "B-7|adult & child <both>", "inline strings");
	CHECK_STR(info.sheet, "Sheet1", "the first sheet when none is named");
	table_free(&t);
}

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char rels[] =
	"<Relationships xmlns=\"" PKG "\"><Relationship Id=\"rId1\" Type=\"" REL
	"/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
static const char workbook[] =
	"<?xml version=\"1.0\"?><x:workbook xmlns:x=\"" NS "\" xmlns:rel=\"" REL "\">"
	"<x:workbookPr date1904=\"1\"/><x:sheets>"
	"<x:sheet name=\"First\" sheetId=\"1\" rel:id=\"rId1\"/>"
	"<x:sheet name=\"Data\" sheetId=\"2\" rel:id=\"rId2\"/></x:sheets></x:workbook>";
static const char workbook_rels[] =
	"<Relationships xmlns=\"" PKG "\">"
	"<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"" REL "/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"" REL "/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	"</Relationships>";
static const char styles[] =
	"<styleSheet xmlns=\"" NS "\"><numFmts count=\"1\">"
	"<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
	"<cellStyleXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellStyleXfs>"
	"<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs>"
	"</styleSheet>";
static const char shared[] =
	"<sst xmlns=\"" NS "\"><si><t>pl_x0061_in</t></si>"
	"<si><r><t xml:space=\"preserve\">rich </t></r><r><rPr><b/></rPr><t>text</t></r>"
	"<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si></sst>";
static const char sheet1[] =
	"<worksheet xmlns=\"" NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
	"</sheetData></worksheet>";
static const char sheet2[] =
	"<worksheet xmlns=\"" NS "\"><dimension ref=\"A1:E6\"/><sheetData>"
	"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a title</t></is></c></row>"
	"<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c>"
	"<c r=\"C3\" s=\"1\"/><c r=\"D3\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>"
	"<row r=\"5\"><c r=\"A5\" t=\"str\"><f>A3&amp;\"x\"</f><v>formula text</v></c>"
	"<c r=\"B5\" t=\"e\"><v>#N/A</v></c><c r=\"C5\" s=\"1\"><v>0</v></c>"
	"<c r=\"E5\" s=\"2\"><v>366.25</v></c></row>"
	"<row><c><v>1.5</v></c><c t=\"b\"><v>1</v></c></row>"
	"<row r=\"9\"><c r=\"B9\" s=\"1\"/></row>"
	"</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:E1\"/></mergeCells></worksheet>";

static void test_parts(void)
{
	const char *path = scratch("parts.xlsx");
	const char *parts[] = {
		"_rels/.rels", rels, "xl/workbook.xml", workbook,
		"xl/_rels/workbook.xml.rels", workbook_rels, "xl/styles.xml", styles,
		"xl/sharedStrings.xml", shared, "xl/worksheets/sheet1.xml", sheet1,
		"xl/worksheets/sheet2.xml", sheet2, NULL,
	};
	struct table t = {0};
	struct xlsx_info info;

	package(path, parts);
	CHECK_INT(xlsx_read(path, "Data", 3, collect, &t, &info), ERR_NONE, "parts: read");
	CHECK_INT(info.date1904, 1, "parts: the 1904 date system");
	CHECK_INT(t.nrow, 3, "parts: rows 3, 5 and 6 (title above, an empty row after)");
	CHECK_STR(joined(&t, 0), "plain|rich text||inline", "shared, rich (not phonetic), inline strings");
	CHECK_STR(joined(&t, 1), "formula text|#N/A|1904-01-01||1905-01-01 06:00",
		  "a formula's string, an error, dd/mm/yyyy and format 14 dates in 1904");
	CHECK_STR(joined(&t, 2), "1.5|TRUE||", "cells and a row without references");
	CHECK_INT(t.nrow == 3 ? t.line[2] : 0, 6, "a row without a number follows the last");
	table_free(&t);

	CHECK_INT(xlsx_read(path, NULL, 1, collect, &t, &info), ERR_NONE, "parts: the first sheet");
	CHECK_STR(info.sheet, "First", "parts: the first sheet is First");
	CHECK_INT(info.nsheet, 2, "parts: two sheets");
	table_free(&t);

	t.stop_at = 2;
	CHECK_INT(xlsx_read(path, "Data", 1, collect, &t, &info), ERR_NONE, "a callback that stops");
	CHECK_INT(info.stop, 5, "its value is kept");
	CHECK_INT(t.nrow, 2, "no row after it");
	table_free(&t);
}

/* The file is no workbook, or not the one asked for. */
static void test_not_a_workbook(void)
{
	static const unsigned char xls[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0};
	struct table t = {0};
	struct xlsx_info info;
	char want[1024];
	const char *msg;
	FILE *fp;
	enum err e;

	capture();
	e = xlsx_read("fixtures/gloucestershire/xlsx/glos-police.xlsx", "Nope", 1, collect, &t, &info);
	msg = captured();
	CHECK_INT(e, ERR_DATA, "no such sheet: a data error");
	CHECK_INT(info.nsheet, 2, "no such sheet: the sheets counted");
	CHECK_STR(msg, "oversight: fixtures/gloucestershire/xlsx/glos-police.xlsx: no sheet 'Nope' "
		  "(the workbook's sheets: Escalations, Notes)", "no such sheet: the sheets listed");

	fp = fopen(scratch("log.xlsx"), "wb");
	fputs("ref,partnership\nA-1,devon\n", fp);
	fclose(fp);
	capture();
	e = xlsx_read(scratch("log.xlsx"), NULL, 1, collect, &t, &info);
	msg = captured();
	snprintf(want, sizeof(want), "oversight: %s: not an Excel workbook (.xlsx): not a zip archive",
		 scratch("log.xlsx"));
	CHECK_INT(e, ERR_DATA, "a CSV file named .xlsx: a data error");
	CHECK_STR(msg, want, "a CSV file named .xlsx: the message");

	fp = fopen(scratch("old.xls"), "wb");
	fwrite(xls, 1, sizeof(xls), fp);
	fclose(fp);
	capture();
	e = xlsx_read(scratch("old.xls"), NULL, 1, collect, &t, &info);
	msg = captured();
	snprintf(want, sizeof(want), "oversight: %s: an old Excel workbook (.xls) or an encrypted one: "
		 "save it from Excel as an Excel Workbook (.xlsx), without a password", scratch("old.xls"));
	CHECK_INT(e, ERR_DATA, "an .xls: a data error");
	CHECK_STR(msg, want, "an .xls: save it as .xlsx");

	capture();
	e = xlsx_read(scratch("absent.xlsx"), NULL, 1, collect, &t, &info);
	msg = captured();
	CHECK_INT(e, ERR_ENV, "a missing file: an environment error");
	CHECK(strstr(msg, "absent.xlsx: cannot open: No such file or directory") != NULL,
	      "a missing file: the message");
	table_free(&t);
}

/* A workbook with a broken part. */
static void test_broken_parts(void)
{
	const char *broken[] = {
		"_rels/.rels", rels, "xl/workbook.xml", workbook,
		"xl/_rels/workbook.xml.rels", workbook_rels, "xl/sharedStrings.xml", shared,
		"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c><v>1</v></c>",
		"xl/worksheets/sheet2.xml", "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"s\"><v>7</v>"
		"</c></row></sheetData></worksheet>", NULL,
	};
	const char *nested[] = {
		"_rels/.rels", rels, "xl/workbook.xml", workbook,
		"xl/_rels/workbook.xml.rels", workbook_rels, "xl/sharedStrings.xml", shared,
		"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\">"
		"<row r=\"2\"/><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>",
		NULL,
	};
	const char *bomb[] = {
		"xl/workbook.xml", "<!DOCTYPE w [<!ENTITY a \"aaaa\">]><workbook/>", NULL,
	};
	struct table t = {0};
	struct xlsx_info info;
	char path[512], want[1024];
	const char *msg;
	enum err e;

	snprintf(path, sizeof(path), "%s", scratch("broken.xlsx"));
	package(path, broken);
	capture();
	e = xlsx_read(path, "First", 1, collect, &t, &info);
	msg = captured();
	snprintf(want, sizeof(want), "oversight: %s: xl/worksheets/sheet1.xml: corrupt part "
		 "(line 1: no element found)", path);
	CHECK_INT(e, ERR_DATA, "a cut sheet: a data error");
	CHECK_STR(msg, want, "a cut sheet: the part named");
	table_free(&t);

	capture();
	e = xlsx_read(path, "Data", 1, collect, &t, &info);
	msg = captured();
	snprintf(want, sizeof(want), "oversight: %s:Data!B2: no such shared string '7'", path);
	CHECK_INT(e, ERR_DATA, "a shared string out of range: a data error");
	CHECK_STR(msg, want, "a shared string out of range: the cell named");
	table_free(&t);

	/* A fuzzed sheet: a row within a cell once put the cell's value at
	 * column 0, before the row's cells. */
	package(path, nested);
	e = xlsx_read(path, "First", 1, collect, &t, &info);
	CHECK_INT(e, ERR_NONE, "a row within a cell: read");
	CHECK_INT(t.nrow, 0, "a row within a cell closes the cell and its row");
	table_free(&t);

	package(path, bomb);
	capture();
	e = xlsx_read(path, NULL, 1, collect, &t, &info);
	msg = captured();
	snprintf(want, sizeof(want), "oversight: %s: xl/workbook.xml: corrupt part "
		 "(line 1: a document type declaration)", path);
	CHECK_INT(e, ERR_DATA, "a document type declaration: a data error");
	CHECK_STR(msg, want, "a document type declaration is refused");
	table_free(&t);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");
	glob_t g;

	snprintf(dir, sizeof(dir), "%s/oversight-xlsx.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror(dir);
		return 1;
	}
	test_fixtures();
	test_values();
	test_xlsxwriter();
	test_parts();
	test_not_a_workbook();
	test_broken_parts();
	if (glob(scratch("*"), 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			unlink(g.gl_pathv[i]);
		globfree(&g);
	}
	rmdir(dir);
	return unit_done();
}
