/*
 * csvin.h - read a CSV file row by row through libcsv, knowing the line.
 *
 * The file is fed to libcsv one physical line at a time, so each row knows
 * the line it starts on (a quoted field may span lines) and messages can
 * point at it.  Fields are NUL-terminated copies in a buffer reused for
 * every row: no allocation per row.  A row's fields are valid only during
 * the callback.
 *
 *   static int on_row(const struct csvin_row *row, void *ctx) { ... return 0; }
 *   csvin_read(fp, "police.csv", ',', on_row, ctx);
 *
 * A first line "sep=X" (Excel writes "sep=;" or "sep=," when asked to
 * say which delimiter it used) sets the delimiter to the byte X for the
 * rest of the file and is not a row; line numbers still count it.
 * Blank lines are skipped (libcsv's behaviour).  A field that holds a NUL
 * byte is reported through row->has_nul; an unterminated quoted field at
 * the end of the file is delivered as a last row with row->unterminated set;
 * a quoted field with text after its closing quote ("abc"def) ends its row,
 * delivered with row->malformed set and the fields up to that one (as far
 * as it was read), and the rest of that line is dropped.  Lines end at
 * LF, CRLF or a lone CR.
 */
#ifndef OVERSIGHT_CSVIN_H
#define OVERSIGHT_CSVIN_H

#include <stdio.h>

struct csvin_row {
	long line;          /* physical line the row starts on (1-based) */
	int nfield;         /* number of fields */
	char **field;       /* NUL-terminated field texts */
	size_t *len;        /* their lengths (a field may hold a NUL) */
	int has_nul;        /* some field holds a NUL byte */
	int unterminated;   /* the file ended inside a quoted field */
	int malformed;      /* 0, or the column (1-based) of a quoted field
			       with text after its closing quote */
};

/* The reason to give for a row with malformed set. */
#define CSVIN_MALFORMED "text after the closing quote of a quoted field; the rest of the line is not read"

/* Called per row; return 0 to go on, non-zero to stop (returned by
 * csvin_read). */
typedef int (*csvin_row_fn)(const struct csvin_row *row, void *ctx);

/*
 * Read fp (the file called name, for messages) to the end, splitting
 * fields at delim, calling fn per row.  Returns 0 at the end of the file,
 * fn's non-zero value when it stopped, or -1 after printing an error (a
 * read error, or an error libcsv reports).  Out of memory ends the
 * program (core/util.h).
 */
int csvin_read(FILE *fp, const char *name, unsigned char delim, csvin_row_fn fn, void *ctx);

#endif
