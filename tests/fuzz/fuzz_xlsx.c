/*
 * fuzz_xlsx.c - the workbook reader (etl/xlsx*.c over libzip and expat).
 *
 * Random bytes are seldom a zip archive, so most inputs are one part of an
 * otherwise sound workbook: the first byte picks the part (the sheet, the
 * shared strings, the styles, the workbook, its relationships) and the
 * rest is its text; the package is written with libzip around it.  One
 * input in eight is the whole file as it is.  Checked: every field is
 * NUL-terminated at its length and has no NUL before it, rows come in the
 * order of the sheet's row numbers as given, the reader returns a class it
 * documents, and a cell name fits its buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "common.h"
#include "etl/xlsx.h"

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG "http://schemas.openxmlformats.org/package/2006/relationships"

static const char *const parts[][2] = {
	{"xl/worksheets/sheet1.xml",
	 "<worksheet xmlns=\"" NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	 "<c r=\"B1\" t=\"inlineStr\"><is><t>raised_on</t></is></c></row><row r=\"2\">"
	 "<c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>45292</v></c></row>"
	 "</sheetData></worksheet>"},
	{"xl/sharedStrings.xml",
	 "<sst xmlns=\"" NS "\"><si><t>ref</t></si><si><r><t>DCP-</t></r><r><t>24-1</t></r></si></sst>"},
	{"xl/styles.xml",
	 "<styleSheet xmlns=\"" NS "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
	 "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"},
	{"xl/workbook.xml",
	 "<workbook xmlns=\"" NS "\" xmlns:r=\"" REL "\"><workbookPr/><sheets>"
	 "<sheet name=\"Escalations\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
	{"xl/_rels/workbook.xml.rels",
	 "<Relationships xmlns=\"" PKG "\">"
	 "<Relationship Id=\"rId1\" Type=\"" REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	 "<Relationship Id=\"rId2\" Type=\"" REL "/styles\" Target=\"styles.xml\"/>"
	 "<Relationship Id=\"rId3\" Type=\"" REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
	 "</Relationships>"},
	{"_rels/.rels",
	 "<Relationships xmlns=\"" PKG "\"><Relationship Id=\"rId1\" Type=\"" REL
	 "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
};
#define NPART (sizeof(parts) / sizeof(parts[0]))

struct seen {
	long rows;
};

static int on_row(const struct csvin_row *row, void *ctx)
{
	struct seen *s = ctx;
	char cell[64];

	if (row->nfield < 1 || row->nfield > XLSX_COL_MAX || row->line < 1)
		abort();
	for (int i = 0; i < row->nfield; i++)
		if (row->field[i][row->len[i]] != '\0' || strlen(row->field[i]) != row->len[i])
			abort();
	if (strlen(xlsx_cell(cell, sizeof(cell), "Escalations", row->line, row->nfield)) >= sizeof(cell))
		abort();
	s->rows++;
	return s->rows == 500 ? 7 : 0;
}

/* The workbook with part `which` replaced by the input's text. */
static const char *package(const uint8_t *data, size_t size, unsigned which)
{
	const char *path = fuzz_file((const uint8_t *)"", 0);
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

	if (!z)
		abort();
	for (unsigned i = 0; i < NPART; i++) {
		const void *text = i == which ? (const void *)data : parts[i][1];
		size_t n = i == which ? size : strlen(parts[i][1]);
		zip_source_t *src = zip_source_buffer(z, n ? text : "", n, 0);

		if (!src || zip_file_add(z, parts[i][0], src, ZIP_FL_OVERWRITE) < 0)
			abort();
	}
	if (zip_close(z) < 0)
		abort();
	return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen s = {0};
	struct xlsx_info info;
	const char *path;
	enum err e;

	msg_quiet = 1;
	if (!size)
		return 0;
	if (data[0] % 8 == 7)
		path = fuzz_file(data + 1, size - 1);
	else
		path = package(data + 1, size - 1, data[0] % 8 % NPART);
	e = xlsx_read(path, data[0] & 0x80 ? "Escalations" : NULL, (data[0] >> 3) % 3, on_row, &s, &info);
	if (e != ERR_NONE && e != ERR_DATA && e != ERR_ENV)
		abort();
	if (e == ERR_NONE && info.rows != s.rows)
		abort();
	return 0;
}
