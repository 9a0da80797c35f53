/*
 * report.h - what every board paper shares: the partnership as defined,
 * the period, the paper (output file, title block, sections: paper.c),
 * the named queries run for it (report_query.c), and the sections the
 * board, forum and agency papers are made of.
 *
 * A report is written to "<dir>/<kind>-<partnership>-<period>.md" through
 * a temporary file renamed into place only when complete.  Every section
 * writes markdown through tab.h (tables with a total row and a sentence
 * saying what they count, written by report_table() under disclosure
 * control) and md_escape() for any text from the warehouse, so a name
 * holding markup cannot change the document.
 */
#ifndef OVERSIGHT_REPORT_H
#define OVERSIGHT_REPORT_H

#include <stdio.h>

#include "charts/chart.h"
#include "core/cli.h"
#include "core/wh.h"
#include "metrics.h"
#include "model/proto.h"
#include "tab.h"

/* The report keeps bounded copies of the partnership's lists. */
#define R_MAX_AGENCY 64
#define R_MAX_FORUM 8
#define R_MAX_NOTE 16

struct report_forum {
	char id[M_ID];
	char name[256];
	int stage;
	char report[M_ID];
	char reports_to[256];
	char description[1024];
	char onward[1024];   /* what may follow an unresolved escalation, quoted */
	int subject;              /* enum cli_subject: its paper's subjects; 0 all */
};

/* One of the eight quarters the trend tables and charts show. */
struct report_quarter {
	char name[16];                  /* "2026-Q3" */
	long entered[MODEL_STAGES + 1];  /* [stage]: entered the stage in it */
	long due, met, breached, pending; /* timed stage instances due in it */
	double breach_rate;             /* NAN when met + breached == 0 */
	int has_timescale;              /* the protocol (or a target) times a stage */
};

struct compare; /* compare.h */

#define R_QUARTERS 8
#define R_MAX_TABLES 64

/* The data-quality figures of a paper (report_quality()). */
struct report_quality {
	long rejected;   /* rows quarantined by the loads of the partnership's logs */
	long reconciled; /* raised in the period, logged by two agencies */
	long conflicted; /* of those, with logs that disagree */
};

struct report {
	struct wh *w;
	const char *kind;         /* board, pdg, ... */
	const char *dir;          /* output folder */
	struct period period;
	int suppress;             /* --suppress N, 0 = off */
	int public_;              /* --public: no case-level lists */
	int charts;               /* draw charts (when gnuplot is there) */
	const char *measure;      /* funnel activity measure */
	FILE *out;                /* the markdown being written */
	char path[4096];          /* final file */
	char tmp[4096];           /* temporary file */
	char period_name[64];     /* "2026-Q3" or "2026-04-01_2027-03-31" */
	char stem[256];           /* "<kind>-<partnership>[-<agency>]-<period>" */

	/* the partnership, from the protocol model (model/proto.h): the
	 * model as read, and copies of what the sections show */
	struct ref model;
	const struct ref_partnership *part;
	char id[M_ID];
	char name[256];
	char short_name[64];
	char jurisdiction[32];
	char protocol_title[256];
	char protocol_principle[512];
	char timescales_note[1024];
	int adults_apart;
	int last_stage;
	int nagency;
	char agency[R_MAX_AGENCY][M_ID];
	char agency_name[R_MAX_AGENCY][256];
	int nforum;
	struct report_forum forum[R_MAX_FORUM];
	int nnote;
	char note[R_MAX_NOTE][1024];

	struct metrics *m;        /* this period */
	/* the funnel of the four quarters ending with the period, once computed
	 * (report_four_quarters(): state 1), or none (state -1) */
	struct metrics *four_q;
	int four_q_state;
	/* the data-quality figures, once read (report_quality()) */
	struct report_quality quality;
	int quality_read;

	/* the 8 quarters ending with the period's last quarter, oldest first;
	 * filled by report_quarters() (nquarter is 0 until then) */
	int nquarter;
	struct report_quarter quarter[R_QUARTERS];

	struct chart_ctx cc;      /* the charts (report_charts.c) */

	/* --format xlsx: a copy of every table as written and of every
	 * chart's data, in order, for the workbook (report_xlsx.c); book_chart[i]
	 * is 1 for a chart's data */
	int book_wanted;
	int nbook, capbook;
	struct tab **book;
	unsigned char *book_chart;
	char paper_title[256];    /* the title block's, for the workbook */
	char paper_subtitle[256];

	/* --csv DIR: every table also as CSV, named after the table */
	const char *csv_dir;
	int ncsv, csv_failed;
	char csv_used[R_MAX_TABLES][64];

	/* report agency: the agency the pack is for */
	const char *agency_id;

	/* a forum report: the forum it is for */
	const struct report_forum *paper_forum;

	/* local sections (report_template.c): --sections DIR, and whether one
	 * of them failed */
	const char *sections_dir;
	int local_failed;

	int allow_incomplete;     /* --allow-incomplete: a period no log covers */

	/* --commentary FILE: the analyst's own markdown for the front page,
	 * as read (NULL when none) */
	char *commentary;
	/* report compare: a paper across partnerships.  region is 1, cmp
	 * holds their figures (compare.h), m is NULL, and id,
	 * name and the agency lists stand for the partnerships compared
	 * (agency[i] a partnership's id, agency_name[i] its name), so that
	 * the funnel's table and plot draw partnerships unchanged. */
	int region;
	struct compare *cmp;
	/* and each partnership's data-quality figures, in the order of
	 * cmp->one, read once for the front page and the appendix
	 * (report_front_region.c); freed with cmp */
	struct report_quality *region_quality;
	/* the subjects the paper counts are r->period.subject (the warehouse
	 * connection is restricted to them: scope.h); the file name says them
	 * (stem_subject, "adults") unless its forum's kind already does */
	const char *stem_subject;
};

/* Read the partnership from the protocol model and compute this period's
 * metrics (and the quarter before's, for a quarter).  Returns 0, or -1
 * after an error (unknown partnership).  report_release() frees what it
 * read, whether it succeeded or not. */
int report_setup(struct report *r, struct wh *w, const char *partnership);
void report_release(struct report *r);

/* Open the temporary output file; report_finish() renames it into place
 * (or removes it when ok is 0).  Both return 0 or -1 after an error
 * (paper.c). */
int report_begin(struct report *r);
int report_finish(struct report *r, int ok);

/* The agency's name for an id (the id itself when unknown). */
const char *report_agency_name(const struct report *r, const char *id);

/* The names a paper shows for ids (ids stay in CSV and JSON outputs): a
 * theme's name from the themes file; a subject ("Unborn child"); a
 * category ("Policy challenge"); the id itself when unknown. */
const char *report_theme_name(const struct report *r, const char *id);
const char *report_subject_name(const char *id);
const char *report_category_name(const char *id);
/* Column col of t's rows holds ids (from a query): show each as its name
 * (a theme's when theme, else a subject's), keeping the id for CSV. */
void report_name_cells(const struct report *r, struct tab *t, int col, int theme);

/* A date as a reader reads it: "3 September 2026" (ISO "2026-09-03" in,
 * the text as it was when it is not a date). */
const char *report_date_words(const char *iso, char *buf, size_t cap);
/* Whom a paper restricted to group (enum cli_subject) counts, in words:
 * "Adults", "Children and unborn children" (lower case unless capital). */
const char *report_subject_words(int group, int capital);

/* "Stage 2: Informal Dispute Procedure" ("Stage 2" when it has no name). */
const char *report_stage_label(const struct report *r, int stage, char *buf, size_t cap);
/* A stage table's row: report_stage_label()'s, or, for stage 0, the step
 * before stage 1 by its name ("Before stage 1: Pre-escalation"). */
const char *report_stage_row(const struct report *r, int stage, char *buf, size_t cap);

/* Write a table under disclosure control (--suppress: tab_suppress()), as
 * markdown and, under --csv, as CSV (report_tables.c).  Returns 1 when
 * disclosure control hid a count in it (a chart of it would show the
 * count).  report_put() leaves the table to the caller; report_table()
 * frees it. */
int report_put(struct report *r, struct tab *t);
int report_table(struct report *r, struct tab *t);

/* Write a table as it stands, with no disclosure control (a case-level
 * list: references, stages and days, not counts of people). */
void report_emit(struct report *r, const struct tab *t);
/* Only the CSV of t, under --csv (a table whose markdown the caller
 * writes itself). */
void report_csv(struct report *r, const struct tab *t);

/* Keep a copy of t for the paper's workbook when one is wanted (chart: 1
 * for a chart's data); report_emit() keeps every table.  report_book_free()
 * frees the copies (report_tables.c). */
void report_book_keep(struct report *r, const struct tab *t, int chart);
void report_book_free(struct report *r);

/* The paper's workbook (report_xlsx.c): "<dir>/<stem>.xlsx", a Contents
 * sheet then a sheet per kept table and chart's data.  Returns 0, or an
 * exit code after an error. */
int report_xlsx(struct report *r);

/* A paper: its sections in order (NULL-terminated) under a title block
 * whose subtitle is subtitle, or "<subtitle_quarter>, 2026-Q3" for a
 * quarter (paper.c). */
struct paper {
	const char *subtitle;
	const char *subtitle_quarter;
	void (*const *sections)(struct report *r);
};
void paper_write(struct report *r, const char *title, const struct paper *p);

/* r->period_name from r->period: "2026-Q3" or "2026-04-01_2027-03-31"
 * (report.c). */
void report_period_name(struct report *r);

/* Whose logs the paper rests on (report_coverage.c): the title block's
 * row of each agency's coverage, the warning at the top when no log
 * covers the period, and the agencies the challenge signals leave out. */
void report_coverage_row(struct report *r);
void report_coverage_warning(struct report *r);
void report_coverage_left_out(struct report *r);
/* One agency's log in words: "log to 2 October 2026", "no log", ... */
void report_coverage_words(struct report *r, const struct cov_agency *c);

/*
 * The front page (report_front.c; an agency pack's: report_front_agency.c)
 * that paper_write() puts first: the key figures against the previous
 * period and the same period a year earlier, the signals that fired, the
 * agencies whose logs are missing or out of date, a word on data quality
 * and the commentary.  The parts an agency pack's front page shares:
 */
void sec_front(struct report *r);
void report_front_agency(struct report *r);
void report_front_periods(struct report *r);
/* The key figures' table: its header (with the column of the monthly
 * pattern when pattern), its cells left to right, row after row (a row
 * of counts and their changes in words: report_front_counts), and its
 * end; the cells go to the markdown and, under --csv, to front_page.csv. */
struct tab *report_front_begin(struct report *r, int pattern);
void report_front_cell(struct report *r, struct tab *t, const char *text);
void report_front_counts(struct report *r, struct tab *t, const char *label, long now, long prev, long year);
void report_front_end(struct report *r, struct tab *t);
void report_front_signals(struct report *r);
/* The agencies the funnel of m flags (only that one, when only), grouped
 * by level ("Early Years, Health (*alert*: far fewer than expected from
 * their activity); ..."), as a line of the signals' list after lead;
 * nothing when it flags none.  In the regional paper the funnel's rows
 * are partnerships, named as such. */
void report_front_funnel_line(struct report *r, const struct metrics *m, const char *only, const char *lead);
/* Whether the funnel of m (NULL: none) flags an agency (only that one,
 * when only). */
int report_front_funnel_any(const struct metrics *m, const char *only);
void report_front_logs(struct report *r);
void report_front_quality(struct report *r);
void report_front_commentary(struct report *r);
/* The regional paper's front page and appendix (report_front_region.c):
 * the partnerships compared taken together. */
void report_front_region(struct report *r);
void report_appendix_region(struct report *r);

/* The funnel of the four quarters ending with the period
 * (metrics_compute_funnel(): its period is their m->period), computed on
 * the first call; NULL when the period has
 * no such longer view (comparisons_four_quarters()) or on an error
 * (report_four_quarters.c). */
const struct metrics *report_four_quarters(struct report *r);

/* The comparisons in words (report_headline.c): "quarter", "year",
 * "6 months" or "30 days"; whether the previous period and the year
 * before are the same days (a year); "up from 31", "down from 7", "the
 * same as 4" (a count hidden by --suppress as "<N"). */
const char *report_unit_words(const struct period *p, char *buf, size_t cap);
int report_comparisons_same(const struct report *r);
const char *report_change_words(const struct report *r, long now, long before, char *buf, size_t cap);

/* The data-quality figures (r_quality, read once a paper), and the
 * analyst's appendix that
 * paper_write() puts last, heading exactly "## Analyst's appendix": the
 * only part of a paper that names commands, rejects, conflicts and loads
 * (report_appendix.c). */
void report_quality(struct report *r, struct report_quality *q);
void sec_appendix(struct report *r);
/* The appendix's lines for partnership r->id, without its heading. */
void report_appendix_body(struct report *r);

/*
 * Named queries (report_query.c).  report_prepare() prepares
 * queries/<name>.sql with the parameters it knows bound by name: the
 * period's (:partnership, :from, :to, :as_of, and :end, the earlier of :to
 * and :as_of), :agency (an agency pack's) and :last_stage; any other is
 * the caller's to bind (report_bind_text/int).  report_bind_period() binds
 * parameter i when name is one of the period's: 0, or -1 when it is not.
 * report_rows() steps the statement to its end, adding to t a row for each
 * of its rows, a cell per column as t's column kinds say (a NULL text is
 * "", a NULL rate or number "-"), finalizes it and returns the number of
 * rows; report_query() does both.
 */
int report_bind_period(const struct report *r, sqlite3_stmt *st, int i, const char *name);
sqlite3_stmt *report_prepare(struct report *r, const char *query);
void report_bind_text(sqlite3_stmt *st, const char *name, const char *value);
void report_bind_int(sqlite3_stmt *st, const char *name, int value);
int report_rows(sqlite3_stmt *st, struct tab *t);
int report_query(struct report *r, const char *query, struct tab *t);

/* Turn the written markdown report into another format with pandoc
 * (report_format.c): "html" (one self-contained file), "docx" or "pdf".
 * Returns 0, or an exit code after an error (3 when pandoc is missing). */
int report_convert(struct report *r, const char *format);

/* Fill r->quarter[] once (the 8 quarters ending with the period's last
 * quarter, each as of the earlier of its end and the report's as-of;
 * report_timescales.c). */
void report_quarters(struct report *r);

/* Set up r->cc for the report's kind, partnership and period (enabled is
 * r->charts); call after report_setup(). */
void report_charts_init(struct report *r);

/* The charts (report_charts.c), each written to md right after the table
 * t it draws, from t's rows (all but the total row).  When disclosure
 * control hid a count of t, the chart would show it: a note says why it
 * is not drawn instead. */
void report_chart_stages(struct chart_ctx *cc, FILE *md, const struct tab *t);
void report_chart_agencies(struct chart_ctx *cc, FILE *md, const struct tab *t);
void report_chart_themes(struct chart_ctx *cc, FILE *md, const struct tab *t);
void report_chart_breach(struct chart_ctx *cc, FILE *md, const struct tab *t);
void report_chart_open_age(struct chart_ctx *cc, FILE *md, const struct tab *t);
/* The funnel plot after the funnel table t (a row per m->funnel agency,
 * named in its first column), an agency in the colour of its place in the
 * partnership's list (agency, agency_name); 0 when drawn.  The SPC chart
 * of m's monthly series, left out when suppress would hide a month. */
int report_chart_funnel(struct chart_ctx *cc, FILE *md, const struct metrics *m,
			const struct tab *t, int nagency, const char (*agency)[M_ID],
			const char (*agency_name)[256]);
void report_chart_spc(struct chart_ctx *cc, FILE *md, const struct metrics *m, int suppress);

/* The sections (report_sections.c; report_timescales.c: stages by
 * quarter, timescales; report_challenge.c: challenge in the system). */
void sec_headline(struct report *r);
/* The figures the front page leaves out (withdrawn, stages entered,
 * overdue by stage), with the previous period and the same period last
 * year (report_headline.c). */
void report_headline_table(struct report *r);
void sec_stages_by_quarter(struct report *r);
void sec_agencies(struct report *r);
void sec_themes(struct report *r);
void sec_subjects(struct report *r);
void sec_categories(struct report *r);
void sec_categories_all(struct report *r); /* every category, zeros kept (PDG) */
void sec_timescales(struct report *r);
void sec_resolution(struct report *r);
void sec_open_age(struct report *r);
void sec_overdue(struct report *r); /* report_overdue.c: the list */
void sec_resolved_at(struct report *r);
void sec_learning(struct report *r);
void sec_challenge(struct report *r);
void sec_data_quality(struct report *r);
void sec_notes(struct report *r);
void sec_local(struct report *r); /* report_template.c: the partnership's own sections */

/* The papers (report_board.c, report_forum.c, report_agency.c): each
 * lists its sections and runs them with paper_write(); 0. */
int report_board(struct report *r);
int report_forum(struct report *r, const struct report_forum *f);
/* A forum item's case lists (report_forum_cases.c): forum f's escalations
 * from its stage up to below (0: no bound), and the PDG's serious concerns
 * and stuck networks at any stage. */
void forum_case_list(struct report *r, const struct report_forum *f, int below);
void forum_flag_lists(struct report *r);
int report_agency(struct report *r); /* r->agency_id's pack */
int report_compare(struct report *r); /* report_compare.c: r->cmp side by side */

/* The funnel table's words for an agency's level: "alert: far fewer than
 * expected", "watch: fewer than expected", "unusually high" or "none"
 * (report_challenge.c). */
const char *report_funnel_signal(const struct m_funnel *f);
/* The funnel table's columns after its first, its rows and total, put in
 * the paper; hid[i]: entry i's count hidden (report_challenge.c). */
void report_funnel_rows(struct report *r, struct tab *t, const struct metrics *m, int *hid);
/* A line for each flagged entry of that table (activity: with the entry's
 * activity; year: "over the four quarters"); the count of lines. */
int report_funnel_flags(struct report *r, const struct metrics *m, const int *hid, const char *year,
			int activity);

#endif
