/*
 * profile.h - agency export profiles: how one agency's own export maps onto
 * the canonical escalation record (docs/log-format.md).  docs/profiles.md
 * documents the JSON format
 * ("oversight-profile/1") with one complete example per shape.
 *
 *   int status;
 *   struct profile *pf = profile_open("police-v2", &status); // or a path
 *   if (!pf) return status;
 *   profile_read(pf, fp, "police.csv", &sink);  // records to the sink
 *   profile_free(pf);
 *
 * A profile is read and checked once.  Each record of a file is then built
 * by a struct profile_rec: codes go through the value maps, dates are
 * parsed in the profile's formats and written YYYY-MM-DD, defaults fill
 * what is blank, and the result is a struct canon_in whose src[] names the
 * agency's own column, so that the one validation (canon.c) and the one
 * storage path (ingest.c) speak of the agency's file:
 *   police.csv:14:5: Date Raised (raised_on): "31/04/2025" is not a date (%d/%m/%Y)
 * What a profile cannot map (an unknown code, a date not in the profile's
 * format) is handed to the sink's reject() with the same file:line:col.
 *
 * Privacy (DESIGN.md "Quality bars"): columns named in "drop" (narrative,
 * names) and unmapped columns the profile ignores are never handed on, not
 * even in the raw text of a quarantined row; the case reference is masked
 * there.
 *
 * The parts, each calling only the ones after it: shape_read.c chooses
 * the shape reader; the readers (shape_profile_csv.c over the CSV front
 * end, shape_json.c) call the record builder (record.c); it uses the
 * profile as read (profile.c, profile_parse.c) and its date formats
 * (profile_date.c).  profile_ref.c checks a profile against the warehouse.
 */
#ifndef OVERSIGHT_PROFILE_H
#define OVERSIGHT_PROFILE_H

#include <stddef.h>
#include <stdio.h>

#include "canon.h"

enum profile_shape {
	PROFILE_WIDE, /* CSV, one row per escalation */
	PROFILE_LONG, /* CSV, one row per stage event, rows grouped by ref in any order */
	PROFILE_JSON, /* JSON records with a nested list of stage events */
};

enum profile_encoding {
	PROFILE_UTF8,   /* with or without a byte order mark */
	PROFILE_CP1252, /* Windows-1252, converted with iconv(3) */
};

/* The date formats a profile may name (docs/profiles.md). */
enum profile_datefmt {
	PD_ISO,        /* %Y-%m-%d (the default) */
	PD_DMY,        /* %d/%m/%Y */
	PD_DMY2,       /* %d/%m/%y */
	PD_DBY2,       /* %d-%b-%y */
	PD_DBFULL,     /* %d %B %Y */
	PD_DMY_HM,     /* %d/%m/%Y %H:%M */
	PD_DMY_HMS,    /* %d/%m/%Y %H:%M:%S */
	PD_ISO_T,      /* %Y-%m-%dT%H:%M:%S */
	PD_ISO_HMS,    /* %Y-%m-%d %H:%M:%S */
	PD_EXCEL,      /* Excel serial day numbers, 1900 date system */
	PD_COUNT
};

/* A value map: the agency's code -> the canonical value. */
struct profile_vmap {
	int n;
	char **from;
	char **to;
};

/* A mapped source column (CSV) or path within a record (JSON). */
struct profile_col {
	char *name;
	int field; /* enum canon_field */
};

struct profile {
	char *path;                 /* the file it was read from */
	char *name;                 /* its name: the file name without ".json" */
	char *description;          /* NULL when none */
	char *partnership;          /* source.partnership, NULL when a column gives it */
	char *agency;               /* source.agency: whose log it is */
	char *ref_prefix;           /* source.ref_prefix, NULL when none */
	int shape;                  /* enum profile_shape */
	int encoding;               /* enum profile_encoding */
	unsigned char delim;        /* ',', ';' or '\t' */
	struct profile_col *col;    /* "columns", in the profile's order */
	int ncol;
	char **drop;                /* "drop": never stored anywhere */
	int ndrop;
	int ignore_unmapped;        /* other columns are dropped, not an error */
	int datefmt[CF_COUNT];      /* enum profile_datefmt per date field */
	struct profile_vmap vmap[CF_COUNT]; /* "values" per canonical field */
	int vmap_agency;            /* bit f: field f's map is "values.agency" */
	struct profile_vmap stage;  /* "values.stage": code -> "1".."9" */
	char *dflt[CF_COUNT];       /* "defaults": canonical value when blank */
	char **yes, **no;           /* "yes_no" spellings */
	int nyes, nno;
	int yn_case;                /* yes/no spellings are case-sensitive */
	char *records;              /* json: path of the records array, "" = the document */
	char *ev_path;              /* json: path of a record's stage events */
	char *ev_stage;             /* long/json: column / field holding the stage code */
	char *ev_date;              /* long/json: column / field holding the event's date */
	char *wb_sheet;             /* wide/long from an .xlsx: "workbook.sheet", NULL: first */
	int wb_header_row;          /* ... "workbook.header_row" (default 1) */
};

/* ------------------------------------------------------------------ */
/* Reading, checking and finding a profile: profile.c (its sections:   */
/* profile_parse.c), profile_ref.c                                      */

/*
 * Find and read a profile.  arg is a name, looked up as <name>.json in
 * each folder of $OVERSIGHT_PROFILES (colon separated) and then in
 * <data dir>/profiles/, or a path when it contains a '/' or ends in
 * ".json".  Returns the profile, or NULL after printing an error with
 * *status set: EXIT_USAGE for an unknown name, EXIT_ENV for a file that
 * cannot be read, EXIT_DATA for a profile that is not valid (the message
 * names the profile file and the field).
 */
struct profile *profile_open(const char *arg, int *status);

/* Read and check the profile at path (as profile_open). */
struct profile *profile_load(const char *path, int *status);

/*
 * Check the ids the profile names against the warehouse's reference data:
 * source.partnership and source.agency, and the agency, theme and
 * partnership ids its value maps and defaults map to.  Returns 0, or -1
 * after an error naming the profile file and the field (a typo in a
 * profile would otherwise quarantine every row).
 */
int profile_check_ref(const struct profile *pf, const struct ref *r);

/* Free a profile; NULL is fine. */
void profile_free(struct profile *pf);

/* The index of code s[0..len] in m (codes match whatever their case), or
 * -1. */
int profile_vmap_find(const struct profile_vmap *m, const char *s, size_t len);

/* ------------------------------------------------------------------ */
/* Date formats: profile_date.c                                        */

/* "%d/%m/%Y", ..., "excel": the name of a date format. */
const char *profile_datefmt_name(int fmt);

/*
 * Parse the len bytes at s as a date in format fmt.  Returns 0 and sets
 * *day, or -1 when the text is not a date of that format or names no real
 * day (31/04/2025, 29/02/2025; Excel serial 60, the 1900-02-29 that Lotus
 * and Excel count but never was).  A time part, where the format has one,
 * is checked and dropped.
 */
int profile_parse_date(int fmt, const char *s, size_t len, int *day);

/* ------------------------------------------------------------------ */
/* Reading a file through a profile: shape_read.c chooses the shape    */
/* reader; the readers build records with record.c                     */

/* Where the records of a file go: the loader hands them to ingest_row()
 * and ingest_reject(); "oversight profile check" prints them. */
struct profile_sink {
	/* a record the profile mapped; raw: the source text, case reference
	 * masked, dropped columns left out.  0, or -1 to abandon the file */
	int (*row)(void *ctx, const struct canon_in *in, const char *raw);
	/* a record the profile could not map (or a malformed row) */
	int (*reject)(void *ctx, long line, int col, const char *field, const char *reason,
		      const char *raw);
	void *ctx;
};

/*
 * Read fp (the file called name) through the profile, handing every record
 * to the sink.  Returns 0 when the file was taken, or an exit code after
 * printing one error when it cannot be taken at all (a column the profile
 * neither maps nor drops, a mapped column missing, not valid JSON, a byte
 * that is not of the encoding): the caller then rolls the load back.
 */
int profile_read(const struct profile *pf, FILE *fp, const char *name,
		 const struct profile_sink *sink);

/* The shape readers behind profile_read(): etl/shape_profile_csv.c,
 * etl/shape_json.c. */
int profile_read_csv(const struct profile *pf, FILE *fp, const char *name,
		     const struct profile_sink *sink);
int profile_read_json(const struct profile *pf, FILE *fp, const char *name,
		      const struct profile_sink *sink);

/*
 * The profile's text stream (text.c, text.h): text_open() with the
 * profile's encoding: Windows-1252 is converted to UTF-8 as it is read (a
 * byte that Windows-1252 leaves undefined is an error naming its line),
 * and so is UTF-16 with a byte order mark.  Close the result with
 * text_close(), which leaves fp open.  NULL after an error.
 */
FILE *profile_text_open(const struct profile *pf, FILE *fp, const char *name);

/* ------------------------------------------------------------------ */
/* Building one canonical record: record.c                             */

#define PROFILE_SRC_MAX 160 /* a source column name or JSON path, as shown */

struct profile_rec {
	const struct profile *pf;
	struct canon_in in;           /* the record, ready after profile_rec_finish() */
	char *val[CF_COUNT];          /* canonical text per field (storage of in.v) */
	size_t cap[CF_COUNT];
	char *given[CF_COUNT];        /* the source text it came from, for display */
	size_t gcap[CF_COUNT];
	long vline[CF_COUNT];         /* line each value came from (long shape) */
	char src[CF_COUNT][PROFILE_SRC_MAX]; /* storage of in.src */
	int events;                   /* stage events seen */
	int closed_by_event;          /* a closure event gave status and closed_on */
	int fail;                     /* a value could not be mapped */
	int fail_field;               /* ... which field */
	int fail_col;                 /* ... its source column, 0 none */
	char why[512];                /* ... and why, naming the source column */
};

/* Initialise r for records of pf (storage is reused record after record). */
void profile_rec_init(struct profile_rec *r, const struct profile *pf);

/* Start a record whose first source line (or JSON record number) is line. */
void profile_rec_start(struct profile_rec *r, long line);

/*
 * A source value for canonical field f, from column col (1-based; 0 for
 * JSON) named src, on line.  The value is trimmed, mapped (ref prefix,
 * value map, yes/no spellings, date format) and kept; a failure is kept
 * too (the first one wins).  Given twice (the rows of a long group), a
 * second non-blank value must equal the first.
 */
void profile_rec_set(struct profile_rec *r, int f, const char *v, size_t len, int col,
		     const char *src, long line);

/*
 * A stage event: the stage code (values.stage, or a number 1..9) and the
 * date it was entered; or a closure code (values.status) and the date it
 * was closed on.  A stage entered twice keeps its earliest date.
 */
void profile_rec_event(struct profile_rec *r, const char *code, size_t clen, int ccol,
		       const char *csrc, const char *date, size_t dlen, int dcol,
		       const char *dsrc, long line);

/* Finish the record: partnership, defaults, and the implicit "open" of an
 * event shape without a closure.  Returns 0 with r->in ready, or -1 with
 * r->fail_field, r->fail_col and r->why set. */
int profile_rec_finish(struct profile_rec *r);

/* Free r's storage. */
void profile_rec_free(struct profile_rec *r);

/* The record whose in a sink's row() was given (it is always a
 * profile_rec's): for showing the source text beside each value. */
static inline const struct profile_rec *profile_rec_of(const struct canon_in *in)
{
	return (const struct profile_rec *)(const void *)((const char *)in -
							  offsetof(struct profile_rec, in));
}

/* 1 when field f holds a date (profile_date.c). */
int profile_is_date_field(int f);

#endif
