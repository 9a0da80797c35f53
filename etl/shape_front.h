/*
 * shape_front.h - the one CSV front end: a header row, then data rows,
 * read with csvin, with the checks every CSV shape makes done once here:
 *
 *   - a header that holds a NUL byte or is not UTF-8: the file is refused;
 *   - a header with a malformed quoted field: the file is refused;
 *   - a UTF-8 byte order mark before the first column name is dropped
 *     (and, when the shape asks, white space around each name); the
 *     text layer (text.h) has dropped one before the first byte already,
 *     so that a quoted first name is read as quoted;
 *   - a row the file ends inside, a malformed row and a ragged row (not
 *     as many fields as the header) are quarantined, keeping nothing of
 *     the row but where it was (any field may be the case reference);
 *   - a field that is not UTF-8 refuses the file; a field holding a NUL
 *     byte quarantines its row;
 *   - the raw text of a quarantined row masks the case reference and
 *     leaves the dropped columns out (shape_raw_row()).
 *
 * A workbook (.xlsx, read with xlsx.h) goes through the same checks:
 * its rows come from one sheet instead of csvin, row->line is the sheet's
 * row number, a row narrower than the header is padded with empty cells
 * (a workbook does not store trailing empty cells), and messages name the
 * cell ("police.xlsx:Escalations!C14") where a CSV file's name its line
 * and column: shape_front_where().
 *
 * A shape (shape_canonical.c: the canonical log and activity;
 * shape_profile_csv.c: a profile's wide and long shapes) gives the
 * wording of its messages and three hooks: header() maps the column names,
 * row() takes a row that passed every check, reject() is where
 * quarantined rows go.  A shape finds a column named twice with
 * shape_front_dup(), at the point where its own messages say so.
 */
#ifndef OVERSIGHT_SHAPE_FRONT_H
#define OVERSIGHT_SHAPE_FRONT_H

#include <stddef.h>
#include <stdio.h>

#include "csvin.h"

#define SHAPE_RAW_MAX 2048 /* what a quarantined row keeps of itself */

struct shape_front;

struct shape_front_ops {
	/* "<file>:<line>: <not_utf8_file>": a header that is binary or not UTF-8 */
	const char *not_utf8_file;
	/* "<file>:<line>:<col>: <column>: <not_utf8_field>": a field that is not UTF-8 */
	const char *not_utf8_field;
	int trim_names;       /* white space around a column name is not part of it */
	int raw_unterminated; /* a row the file ends inside keeps its raw text when
				 it has the header's width */
	int nul_everywhere;   /* a NUL byte in a dropped column quarantines the row too */
	int nul_names_column; /* ... and the quarantine names the column as the field */
	int lazy_raw;         /* row() is given raw NULL: the shape builds the
				 quarantine text with shape_front_raw() only
				 for a row it rejects */
	int read_error;       /* the exit code for a read error (or a byte an
				 encoding refused), which csvin has reported */
	/* The column names are in f->colname[0..f->ncol-1]: set f->drop[]
	 * and f->case_col.  0, or non-zero after printing an error (the file
	 * is refused). */
	int (*header)(void *ctx, struct shape_front *f, long line);
	/* A row that passed every check; raw: its quarantine text.  0, or -1
	 * when the sink failed (the file is abandoned). */
	int (*row)(void *ctx, const struct csvin_row *row, const char *raw);
	/* A quarantined row, as ingest_reject(): 0, or -1 when the sink failed. */
	int (*reject)(void *ctx, long line, int col, const char *field, const char *reason,
		      const char *raw);
	/* NULL, or: the end of the file, after the last row (the long
	 * shape builds its records then); 0 or -1 as row(). */
	int (*flush)(void *ctx);
};

struct shape_front {
	const char *name;       /* the file, for messages */
	int ncol;
	char **colname;         /* the header's column names */
	unsigned char *drop;    /* column never handed on (dropped, unknown) */
	int case_col;           /* 0-based column of case_ref, -1 none */
	int header_done;
	int status;             /* exit code when the file cannot be taken */
	const char *sheet;      /* a workbook: the sheet read; NULL for CSV */
	const struct csvin_row *cur; /* the row being handed on */
};

/* Which sheet of a workbook, and where its header is. */
struct shape_workbook {
	const char *sheet;      /* NULL or "": the first sheet */
	int header_row;         /* 1-based; 0: the first row whose cells hold
				   every name in find[] (rows above it skipped) */
	const char *const *find; /* NULL-terminated, for header_row 0 */
};

/*
 * Read the CSV text fp (the file called name, fields split at delim)
 * through the shape's hooks.  Returns 0 when the file was taken, or an
 * exit code after one error has been printed: EXIT_DATA when it cannot
 * be taken (no header, a refused header or field), EXIT_INTERNAL when the
 * sink failed, o->read_error after a read error.
 */
int shape_front_read(FILE *fp, const char *name, unsigned char delim,
		     const struct shape_front_ops *o, void *ctx);

/*
 * Read the workbook at path (called name in messages) through the shape's
 * hooks, as shape_front_read().  A file that is not a workbook, or has no
 * such sheet, is refused with the workbook reader's message (EXIT_DATA;
 * EXIT_ENV when it cannot be read).
 */
int shape_front_read_xlsx(const char *path, const struct shape_workbook *wb,
			  const struct shape_front_ops *o, void *ctx);

/* 1 when the file starts as a workbook does ("PK\x03\x04", a zip
 * archive) or its name ends in ".xlsx"; fp is left at its start. */
int shape_is_workbook(FILE *fp, const char *name);

/*
 * Where a message points, into buf: "name:line:col" ("name:line" when col
 * is 0) for a CSV file; "name:Sheet!C14" ("name:Sheet!14:14", the row) for
 * a workbook.
 */
char *shape_front_where(char *buf, size_t size, const struct shape_front *f, long line, int col);

/* The quarantine text of the row being handed on (f->cur), into buf:
 * shape_raw_row() with the case reference masked and dropped columns left
 * out.  Returns buf. */
const char *shape_front_raw(const struct shape_front *f, char *buf, size_t cap);

/* The 0-based column before column i with the same name, or -1. */
int shape_front_dup(const struct shape_front *f, int i);

/* 1 when the n bytes at s are valid UTF-8. */
int shape_utf8_valid(const char *s, size_t n);

/*
 * Append the fields as one CSV line to buf (cap bytes, NUL-terminated,
 * truncated with "..." when longer), writing "[case ref masked]" instead of
 * field mask_col (0-based; -1 for none) when it is not blank, and leaving
 * out the fields whose drop[] is set (drop may be NULL).  For quarantined rows: the case reference and
 * narrative never reach the warehouse.
 */
void shape_raw_row(char *buf, size_t cap, char *const *field, const size_t *len, int n,
		   int mask_col, const unsigned char *drop);

#endif
