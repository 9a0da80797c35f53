/*
 * chart.h - draw a report's charts with gnuplot (DESIGN.md "Reports":
 * "Data reach gnuplot only through data files, never pasted into a
 * script: a theme or agency name must never be able to run a command").
 *
 * A chart is a data file (.dat, for gnuplot), the same data for analysts
 * (.csv, UTF-8 with a header row) and the pictures gnuplot draws from the
 * .dat with one of the embedded scripts charts/<script>.gp (.png through
 * pngcairo and .svg, both 1200x675 with a fixed 19-point font).  All four go to
 * "<dir>/charts/<prefix>-<name>.<ext>", where <dir> is the report's folder
 * and <prefix> is "<kind>-<partnership>-<period>".
 *
 *   struct chart c;
 *
 *   if (chart_begin(&r->cc, &c, "themes", "themes", "Escalations by theme")) {
 *           chart_dat_str(c.dat, "threshold", 0); fprintf(c.dat, " %ld\n", 11L);
 *           chart_csv_str(c.csv, "threshold"); fprintf(c.csv, ",%ld\r\n", 11L);
 *   }
 *   chart_end(&c, md);      // the image link, or a note saying why not
 *
 * How gnuplot is run, and why it is safe:
 *
 *   - fork/exec with an argument vector, never a shell;
 *   - the child runs in the chart folder, and the only script it reads is a
 *     temporary file holding three assignments of file names (which this
 *     module makes, from the characters [A-Za-z0-9._-] only, and checks)
 *     followed by the embedded texts charts/common.gp, the chart's script
 *     and charts/tail.gp: no byte of the data is ever part of a script;
 *   - labels reach gnuplot as quoted strings in the .dat file, written by
 *     chart_dat_str(), which keeps them one well-formed string whatever
 *     they hold (gnuplot never evaluates a data string).
 *
 * Files are written under temporary names (".<prefix>-<name>.XXXXXX.*")
 * and renamed into place only when gnuplot has drawn both pictures, so a
 * chart folder never holds half a chart.  Failures are never fatal: a
 * missing gnuplot (not on PATH, or $OVERSIGHT_GNUPLOT naming no program)
 * gives one warning per report and a note where each chart would be; a
 * failed run gives a warning and a note for that chart.
 */
#ifndef OVERSIGHT_CHART_H
#define OVERSIGHT_CHART_H

#include <stdio.h>

struct tab; /* report/tab.h */

/* The pictures' fixed size, in pixels (also the SVG's size). */
#define CHART_WIDTH 1200
#define CHART_HEIGHT 675

/* The start of the line after each chart's image in the markdown, linking
 * its SVG and CSV (left out of the formats that travel: report_format.c). */
#define CHART_LINKS_LINE "Chart as [SVG](charts/"

/* What the note says where a chart is not drawn because gnuplot is not
 * there (tests look for it). */
#define CHART_MISSING_NOTE "gnuplot is not installed (package gnuplot-nox)"

enum chart_state {
	CHART_UNKNOWN = 0, /* gnuplot not looked for yet */
	CHART_READY,       /* found: program holds what to run */
	CHART_MISSING      /* not found: notes only */
};

/* One report's charts. */
struct chart_ctx {
	int enabled;            /* 0: --no-charts, write nothing at all */
	char dir[4096];         /* the chart folder, "<report dir>/charts" */
	char prefix[256];       /* "<kind>-<partnership>-<period>" */
	enum chart_state state; /* looked up on the first chart */
	char program[4096];     /* gnuplot, or $OVERSIGHT_GNUPLOT */
	int drawn;              /* charts drawn */
	int failed;             /* charts that could not be drawn */
	/* Given each chart's data as a table (built by report_charts.c) when
	 * set: the report keeps a copy for its workbook.  chart_init() clears. */
	void (*keep)(void *owner, const struct tab *data);
	void *owner;
};

/* One chart being written; filled by chart_begin(). */
struct chart {
	struct chart_ctx *ctx;
	char name[64];          /* "stages" */
	char script[64];        /* "stages": charts/stages.gp */
	char title[256];        /* the image's alternative text */
	char base[512];         /* "<prefix>-<name>" */
	char stem[4096];        /* temporary "<dir>/.<base>.XXXXXX" */
	FILE *dat;              /* gnuplot's data, NULL when not drawing */
	FILE *csv;              /* the analysts' data, NULL when not drawing */
	const char *why;        /* why not drawn (static text), NULL when drawing */
	int active;             /* chart_begin() ran with charts enabled */
};

/*
 * Set up a report's charts: enabled is 0 for --no-charts, dir the report's
 * folder, prefix "<kind>-<partnership>-<period>".  Looks for nothing and
 * writes nothing yet.
 */
void chart_init(struct chart_ctx *ctx, int enabled, const char *dir, const char *prefix);

/*
 * Start chart name, drawn by charts/<script>.gp, described by title (the
 * image's alternative text).  Returns 1 when the caller is to write the
 * data to c->dat and c->csv; 0 when the chart will not be drawn (charts
 * off, gnuplot missing, the folder not writable), in which case the
 * streams are NULL.  Either way the caller ends with chart_end().  The
 * first call looks for gnuplot and warns once when it is missing.
 */
int chart_begin(struct chart_ctx *ctx, struct chart *c, const char *name, const char *script,
		const char *title);

/*
 * Finish chart c: run gnuplot on its data, rename its files into place
 * and write to md the image link and a line linking the SVG and the CSV;
 * or, when it could not be drawn, a one-line note saying why (nothing when
 * charts are off).  Removes every temporary file.  Returns 0 when drawn,
 * -1 otherwise.
 */
int chart_end(struct chart *c, FILE *md);

/*
 * Write a note to md where a chart is deliberately left out (why: a
 * sentence without a full stop, e.g. "disclosure control hides some of
 * its counts"); nothing when charts are off.
 */
void chart_note(struct chart_ctx *ctx, FILE *md, const char *why);

/*
 * Write s to a gnuplot data file as one double-quoted string.  gnuplot's
 * data strings end at the next '"' and treat '\' as an escape, so '"'
 * becomes U+201D (a closing quotation mark), '\' is doubled, and control
 * characters (newlines, tabs) become spaces.  When max > 0 and s has more
 * than max characters (UTF-8 code points), it is cut to max - 1 and ends
 * with "…", so a long name cannot squeeze the plot off the picture (the
 * CSV keeps it whole).  NULL writes "".
 */
void chart_dat_str(FILE *dat, const char *s, int max);

/*
 * Write s as one CSV field (RFC 4180): quoted when it holds a comma, a
 * quote or a line break; a leading = + - @ gets an apostrophe so a
 * spreadsheet does not run it as a formula; line breaks become spaces.
 */
void chart_csv_str(FILE *csv, const char *s);

/* A number for a data file: "%.10g", or "NaN" for NAN (gnuplot skips
 * the point and breaks a line there). */
void chart_dat_num(FILE *dat, double v);

/* A number for the CSV: "%.10g", or an empty field for NAN. */
void chart_csv_num(FILE *csv, double v);

#endif
