/*
 * tab.h - a report table: a title, a one-sentence definition, column
 * headers, rows of cells, and optionally a total row, rendered as a
 * markdown pipe table or as CSV (charts draw from the same cells).
 *
 * Cells are counts (long), rates (double, shown as a percentage), other
 * numbers (double) or text; a rate or number that is not (NAN) shows as
 * "-" (core/cli.h, cli_show_figure()).  Disclosure control is one rule, applied once
 * by tab_suppress(t, n): it hides counts from 1 to n-1 as "<n" and then
 * enough other counts in the same rows and columns that no hidden count
 * can be worked out from a total (secondary suppression), shown as "[c]"
 * (the GSS symbol for a confidential cell): "<n" would misstate a hidden
 * 0 or a count of n or more.  A column worked out from counts (a rate, a
 * share, a change) says so with tab_derived(), and tab_suppress() blanks
 * its cells wherever they would give a hidden count away.
 *
 *   struct tab *t = tab_new("themes", "Themes",
 *                           "Escalations raised in the period by theme.");
 *   tab_col(t, "Theme", TAB_TEXT); tab_col(t, "Raised", TAB_COUNT);
 *   tab_col(t, "Share", TAB_RATE); tab_derived(t, TAB_FROM_TABLE);
 *   tab_row(t); tab_text(t, "threshold"); tab_count(t, 11); tab_rate(t, 0.5);
 *   tab_total(t, "Total");      sums the count columns
 *   tab_suppress(t, 5); tab_md(t, fp); tab_free(t);
 *
 * Strings are copied (a NULL string is copied as "").  Running out of
 * memory ends the program (core/util.h).
 */
#ifndef OVERSIGHT_TAB_H
#define OVERSIGHT_TAB_H

#include <stdio.h>

enum tab_kind { TAB_TEXT, TAB_COUNT, TAB_RATE, TAB_NUMBER };

struct tab_cell {
	enum tab_kind kind;
	char *text;      /* TAB_TEXT; also a forced display ("n/a", "no timescale set") */
	char *key;       /* TAB_TEXT from tab_text_id(): the id CSV writes, or NULL */
	long count;      /* TAB_COUNT */
	double value;    /* TAB_RATE (0..1) or TAB_NUMBER; NAN shows "-" */
	int suppressed;  /* shown as "<n" */
	int empty;       /* shown blank */
	int share;       /* TAB_RATE from tab_share(): value is num / den, */
	long num, den;   /* shown as share_text() */
	int change;      /* TAB_NUMBER from tab_change(): a whole difference,
	                  * shown with its sign ("+8", "-5", "+0") */
	int aside;       /* not part of its column's total (tab_aside) */
};

struct tab {
	char *title;
	char *definition;
	char *name;          /* file-friendly name, for CSV and chart data */
	int ncol;
	char **header;
	enum tab_kind *kind;
	unsigned long *from; /* per column: 0, or how it is derived (tab_derived) */
	int nrow, caprow;
	struct tab_cell **rows; /* nrow x ncol */
	int total_row;       /* index of the total row, -1 none */
	int row_total;       /* count column that is the sum of the row's other
	                      * count columns (Due = Met + Breached + Pending);
	                      * -1: the column headed "Total", if any */
	int cur;             /* next column to fill in the last row */
	int suppress_n;      /* threshold applied, 0 = none */
	int decimals;        /* for TAB_NUMBER */
};

struct tab *tab_new(const char *name, const char *title, const char *definition);
void tab_free(struct tab *t);

void tab_col(struct tab *t, const char *header, enum tab_kind kind);

/*
 * The column just added is worked out from counts.  from is a mask of the
 * count columns it comes from (TAB_COL(1) | TAB_COL(2)): under disclosure
 * control its cell is blank in any row where one of them is hidden.  Or
 * TAB_FROM_TABLE, from the table as a whole (a share of the total, a rate
 * the reader could turn back into counts): blank in every row under
 * disclosure control, except notes (tab_note).
 */
#define TAB_COL(c) (1UL << (c))
#define TAB_FROM_TABLE (~0UL)
void tab_derived(struct tab *t, unsigned long from);

/* Start a row; the cells that follow fill it left to right. */
void tab_row(struct tab *t);
void tab_text(struct tab *t, const char *s);
/* A text cell the paper shows as name and CSV writes as id (a theme's
 * name in the paper, its id in the CSV: ids stay in CSV outputs). */
void tab_text_id(struct tab *t, const char *name, const char *id);
/* What CSV writes for a cell: its id, or its text as shown. */
const char *tab_cell_csv(const struct tab *t, const struct tab_cell *c, char *buf, size_t cap);
void tab_count(struct tab *t, long n);
void tab_rate(struct tab *t, double r);   /* NAN shows "-" */
/* A rate num / den: a percentage, or "num of den" below a denominator of
 * 5 (share.h); "-" when den is 0. */
void tab_share(struct tab *t, long num, long den);
void tab_cell_share(struct tab_cell *c, long num, long den);
void tab_number(struct tab *t, double v); /* NAN shows "-" */
void tab_note(struct tab *t, const char *s); /* a text in a count/rate column */
/* A change from one count to another (a TAB_NUMBER cell in a column of
 * any kind): shown as "+8", "-5" or "+0", a plain number in the CSV and
 * the workbook. */
void tab_change(struct tab *t, long d);

/* The row just started stands aside from the column totals: another view
 * of the row above (a stage's timescale under the protocol's other
 * reading), not added into the total row.  Its counts are still hidden
 * when small, and protected within the row. */
void tab_aside(struct tab *t);

/* Append a row labelled label whose count columns are the column sums
 * (of the rows not set aside). */
void tab_total(struct tab *t, const char *label);

/* Apply disclosure control with threshold n (nothing when n < 2): hide
 * small counts, the counts that would reveal them, and the derived cells
 * that would.  Call once, when the table is complete. */
void tab_suppress(struct tab *t, int n);

/* The rule: 1 when disclosure control with threshold n hides count v
 * (from 1 to n - 1; never when n < 2).  For prose that gives a count. */
int tab_small(int n, long v);

/* 1 when disclosure control hid a count of t (a chart would show it). */
int tab_hidden(const struct tab *t);

/* Write "### title", the definition, and the pipe table. */
void tab_md(const struct tab *t, FILE *out);

/*
 * Write the table as CSV for tools: a header line, then the rows.  A
 * figure is always a plain number: a count or change as a whole number
 * ("8", "-5"), a rate as a percentage without its sign ("12.5" for 12.5%,
 * a share too), any other number to 10 significant figures; a figure that
 * is not (NAN, "-" in the paper) is an empty field.  Suppressed cells and
 * notes are the text the paper shows ("<5", "[c]", "n/a"); a line break
 * in a text is a space (one line per row).
 */
void tab_csv(const struct tab *t, FILE *out);

/* A deep copy of t (for a paper's workbook, written once the paper is). */
struct tab *tab_copy(const struct tab *t);

/* Format one cell as shown in the table into buf. */
const char *tab_cell_text(const struct tab *t, const struct tab_cell *c, char *buf, size_t cap);

/* Markdown-escape s for a table cell or a line of text: | \ * _ ` # < > [ ]
 * and line breaks can never change the document's structure. */
void md_escape(FILE *out, const char *s);

#endif
