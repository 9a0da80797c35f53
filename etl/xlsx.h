/*
 * xlsx.h - read one sheet of an Excel workbook (.xlsx) row by row, as rows
 * of text the CSV row pipeline takes (struct csvin_row).
 *
 * The workbook is opened with libzip and every part is parsed with expat;
 * the sheet itself is streamed through expat in chunks, so a large sheet
 * is never held whole (the shared strings and the styles are: Excel keeps
 * them small).  Cells are read with their types and delivered as text:
 *
 *   shared, inline and formula strings   the text (rich-text runs joined,
 *                                        phonetic runs left out, _x000D_
 *                                        escapes undone)
 *   booleans                             "TRUE" or "FALSE"
 *   errors                               Excel's text ("#N/A", "#DIV/0!")
 *   numbers in a date number format     "YYYY-MM-DD", or "YYYY-MM-DD HH:MM"
 *                                        when the time of day is not
 *                                        midnight ("HH:MM" for a bare time);
 *                                        1900 system (with Excel's phantom
 *                                        1900-02-29) or 1904 system
 *   other numbers                        the shortest decimal text that reads
 *                                        back the same ("3", "0.1", "1e+20")
 *
 * A field is a column: field[0] is column A, whichever column the table
 * starts in.  A cell that is not in the file (a sparse row) is an empty
 * field at its column.  Every row is at least as wide as the header row
 * (the row header_row, or the first row after it); a row with no value in
 * any cell is skipped, as a blank line of a CSV file is.  row->line is the
 * sheet's row number, so a message can name the cell with xlsx_cell().
 *
 *   struct xlsx_info info;
 *   enum err e = xlsx_read("police.xlsx", "Escalations", 1, on_row, ctx, &info);
 *   ...
 *   char cell[80];
 *   error("%s:%s: Date Raised (raised_on): ...", "police.xlsx",
 *         xlsx_cell(cell, sizeof(cell), info.sheet, row->line, 3));
 *       -> police.xlsx:Escalations!C14: Date Raised (raised_on): ...
 */
#ifndef OVERSIGHT_XLSX_H
#define OVERSIGHT_XLSX_H

#include <stddef.h>

#include "core/msg.h"
#include "etl/csvin.h"

#define XLSX_COL_MAX 16384  /* Excel's last column, XFD */

struct xlsx_info {
	char sheet[256];    /* the sheet read (its name in the workbook) */
	int nsheet;         /* sheets in the workbook (also after "no sheet") */
	int date1904;       /* the workbook counts dates from 1904 */
	long rows;          /* rows delivered to the callback */
	int stop;           /* the callback's non-zero value when it stopped, else 0 */
};

/*
 * Read the sheet named sheet (NULL or "": the first sheet) of the workbook
 * at path, calling fn for every row from header_row (1-based; rows above
 * it are skipped, 0 counts as 1) on.  info is filled in before the first
 * row, so the callback may use it (through its ctx).  Returns ERR_NONE at
 * the end of the sheet or when fn returned non-zero (kept in info->stop);
 * otherwise it has printed "oversight: <path>: <problem>" and returns the
 * class: ERR_ENV when the file cannot be opened or read, ERR_DATA when it
 * is not a workbook (not a zip archive, an old .xls, a missing or corrupt
 * part, no such sheet: the message lists the sheets).  A cell holds at
 * most 1 MB of text, a row 64 MB and the shared strings 512 MB: beyond
 * that the part is taken as corrupt.
 */
enum err xlsx_read(const char *path, const char *sheet, int header_row,
		   csvin_row_fn fn, void *ctx, struct xlsx_info *info);

/*
 * The name of a cell for messages: "Escalations!C14", with the sheet
 * quoted as Excel does when it is not a plain name ("'Q3 log'!C14").  col
 * is 1-based (field[i] is column i + 1).  Writes at most size bytes to buf
 * and returns buf.
 */
char *xlsx_cell(char *buf, size_t size, const char *sheet, long row, int col);

/* The column letters of col (1-based): "A", "Z", "AA", "XFD". */
char *xlsx_column(char *buf, size_t size, int col);

/* Whether the number format (a built-in id, or a custom format code when
 * code is not NULL) shows a date or a time: ids 14-22 and 45-47 (and the
 * East Asian locales' dates, 27-36 and 50-58), or a code with d, m, y or
 * h outside quoted text and [brackets], or an elapsed [h], [mm], [ss]. */
int xlsx_format_is_date(int id, const char *code);

/*
 * Undo Excel's escapes of characters XML cannot hold: "_x000D_" is a
 * carriage return, "_x005F_" a literal underscore (so "_x005F_x000D_"
 * stays "_x000D_").  In place; returns the new length.
 */
size_t xlsx_unescape(char *s, size_t n);

/*
 * The text of a number as this reader delivers it: with date set, the
 * serial as "YYYY-MM-DD" (see the top of this file; date1904 picks the
 * system), falling back to the plain number when the serial is out of
 * range (negative, after 9999-12-31); otherwise the shortest decimal text
 * that reads back as the same double.  Writes at most size bytes to buf
 * and returns buf.
 */
char *xlsx_number_text(char *buf, size_t size, double v, int date, int date1904);

#endif
