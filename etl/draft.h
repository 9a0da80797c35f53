/*
 * draft.h - oversight profile draft: a first profile for an agency's
 * export, guessed from the file alone (docs/profiles.md, the format it
 * writes).
 *
 *   struct draft d;
 *   draft_init(&d, ref_or_NULL, "devon", "dc-police");
 *   draft_read(&d, "police.csv");     // the file's columns and values
 *   draft_guess(&d);                  // fields, dates, codes, shape
 *   draft_write(&d, stdout);          // the profile as JSON
 *   draft_free(&d);
 *
 * Every reader hands the file to the same two calls: draft_header() with
 * the column names, then draft_row() per row (a JSON record is flattened
 * to dotted paths first).  A new container (an .xlsx sheet) needs only a
 * reader that makes those calls.  What the guesses could not decide is
 * printed on stderr as "draft: ..." lines; the draft is a starting point
 * to check with "oversight profile check".
 *
 * draft.c reads and writes; draft_guess.c holds the guesses (column names,
 * date formats, codes).
 */
#ifndef OVERSIGHT_DRAFT_H
#define OVERSIGHT_DRAFT_H

#include <stdio.h>

#include "canon.h"

/* What a column is, beyond the canonical fields (enum canon_field). */
enum {
	DRAFT_NONE = -1,   /* undecided: left out, named on stderr */
	DRAFT_DROP = -2,   /* narrative or names: "drop" */
	DRAFT_STAGE = -3,  /* long/json: the stage event's stage code */
	DRAFT_EVDATE = -4, /* long/json: the stage event's date */
};

#define DRAFT_MAX_VALUES 20000 /* values kept per column for the guesses */

struct draft_col {
	char *name;    /* the column name or JSON path (within an event) */
	int event;     /* json: a field of the nested stage events */
	char **v;      /* its non-blank values, in file order */
	int nv, cap;
	long blank;    /* blank values */
	int field;     /* enum canon_field or DRAFT_* */
	int datefmt;   /* enum profile_datefmt for a date column, -1 */
};

struct draft {
	const struct ref *r;                /* NULL without --partnership */
	const struct ref_partnership *p;    /* the partnership, or NULL */
	const char *partnership, *agency;   /* as given, or NULL */
	int shape;                          /* enum profile_shape */
	int cp1252;                         /* the file is not UTF-8 */
	unsigned char delim;
	char *records;                      /* json: the records' path */
	char *ev_path;                      /* json: the events' path in a record */
	struct draft_col *col;
	int ncol;
	long rows;
	int *hdr;                           /* csv: header position -> col */
	int nhdr;
};

void draft_init(struct draft *d, const struct ref *r, const char *partnership,
		const char *agency);

/* Read the file (CSV, TSV, semicolon separated, or JSON); 0, or an exit
 * code after an error. */
int draft_read(struct draft *d, const char *path);

/* The row feed every reader uses: names of the columns, then rows. */
void draft_header(struct draft *d, char **name, int n);
void draft_row(struct draft *d, char **v, int n);
/* One value of the column called name (JSON, whose records differ in
 * their keys); event: a field of a stage event. */
void draft_value(struct draft *d, const char *name, int event, const char *v);

/* Decide fields, date formats and shape (draft_guess.c). */
void draft_guess(struct draft *d);

/* The canonical value code most likely means for field f (an agency id
 * for raised_by/raised_with, "1".."9" for DRAFT_STAGE), or NULL. */
const char *draft_guess_value(const struct draft *d, int f, const char *code);

/* Write the profile as JSON. */
void draft_write(const struct draft *d, FILE *out);

void draft_free(struct draft *d);

#endif
