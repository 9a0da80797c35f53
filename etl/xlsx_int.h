/*
 * xlsx_int.h - what the two halves of the workbook reader share: the open
 * workbook (xlsx.c reads its parts) and the part parser both use; the
 * sheet's rows are streamed by xlsx_sheet.c.  Not for use outside
 * etl/xlsx*.c: the API is xlsx.h.
 */
#ifndef OVERSIGHT_XLSX_INT_H
#define OVERSIGHT_XLSX_INT_H

#include <expat.h>
#include <zip.h>

#include "xlsx.h"

/* Expat joins a name's namespace and local part with this. */
#define XLSX_NS_SEP ' '

/* The longest text a cell may hold (Excel's limit is 32,767 characters). */
#define XLSX_CELL_MAX ((size_t)1 << 20)

/* The most text a row, and all shared strings together, may hold: a
 * workbook that asks for more is refused rather than exhausting memory. */
#define XLSX_ROW_MAX ((size_t)64 << 20)
#define XLSX_SHARED_MAX ((size_t)512 << 20)

struct xlsx_sheet_ref {
	char *name;        /* as the workbook names it */
	char *rid;         /* its relationship id */
	char *part;        /* its part, e.g. "xl/worksheets/sheet1.xml" */
};

struct xlsx_book {
	const char *path;          /* the file, for messages */
	zip_t *zip;
	char *workbook;            /* the workbook part, e.g. "xl/workbook.xml" */
	char *shared_part;         /* sharedStrings.xml, NULL when there is none */
	char *styles_part;         /* styles.xml, NULL when there is none */
	struct xlsx_sheet_ref *sheet;
	int nsheet, capsheet;
	int pick;                  /* the sheet to read */
	int date1904;
	char **shared;             /* the shared strings */
	size_t *shared_len;
	size_t nshared, capshared;
	size_t shared_bytes;       /* their lengths added up */
	unsigned char *xf_date;    /* per cell style (cellXfs): a date format */
	size_t nxf;
	enum err err;              /* the class of the error xlsx_part() printed */
};

/* One part being parsed: the handlers get this (or a struct starting
 * with it) as their user data. */
struct xlsx_parse {
	XML_StartElementHandler start;
	XML_EndElementHandler end;
	XML_CharacterDataHandler text;
	XML_Parser parser;         /* set by xlsx_part() */
	int failed;                /* xlsx_fail() was called */
	const char *why;           /* its reason */
	int stopped;               /* xlsx_stop() was called */
	enum err error_class;      /* a handler printed its own error */
};

/*
 * Parse the part through ps's handlers.  Returns 0, 1 when the part is not
 * in the package and not required, or -1 after printing an error (its
 * class in b->err): missing when required, a read error, malformed XML,
 * or a handler's xlsx_fail().  A handler that calls xlsx_stop() ends the
 * parse early, with 0.
 */
int xlsx_part(struct xlsx_book *b, const char *part, struct xlsx_parse *ps, int required);

/* Stop the parse as a corrupt part, for why (the first reason is kept). */
void xlsx_fail(struct xlsx_parse *ps, const char *why);

/* Stop the parse, not an error. */
void xlsx_stop(struct xlsx_parse *ps);

/* The local part of an element or attribute name. */
const char *xlsx_local(const char *name);

/* The value of the attribute with that local name, or NULL. */
const char *xlsx_attr(const char **atts, const char *name);

/* Choose the sheet named want (NULL: the first) as b->pick. */
enum err xlsx_pick_sheet(struct xlsx_book *b, const char *want);

/* Stream the picked sheet's rows to fn (xlsx_sheet.c). */
enum err xlsx_sheet(struct xlsx_book *b, int header_row, csvin_row_fn fn, void *ctx,
		    struct xlsx_info *info);

#endif
