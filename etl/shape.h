/*
 * shape.h - the built-in input shapes, the canonical log and activity
 * (shape_canonical.c): each reads one file through the CSV front end
 * (shape_front.h, included here for shape_utf8_valid() and
 * shape_raw_row()) and hands every row to the ingest path (ingest.h) as
 * canonical values.  An agency's own shapes are read through its profile:
 * profile_read() in profile.h.
 *
 * A shape returns 0 when the file was taken (rows loaded or quarantined),
 * or an exit code (msg.h) after printing one error when the file cannot be
 * taken at all (no header, missing required columns, binary, not UTF-8):
 * the caller then rolls the whole load back.
 */
#ifndef OVERSIGHT_SHAPE_H
#define OVERSIGHT_SHAPE_H

#include <stdio.h>

#include "ingest.h"
#include "shape_front.h"

struct shape_opts {
	int ignore_unknown; /* drop unknown columns instead of refusing the file */
	const char *agency; /* load --agency: whose log it is, NULL: inferred,
			       "": the partnership's shared log (--shared) */
	int exported;       /* load --exported, DATE_NONE: the day loaded */
	const char *sheet;  /* a workbook: load --sheet, NULL: the first sheet */
	int header_row;     /* a workbook: load --header-row, 0: the first row
			       holding "ref" and "raised_on" (activity:
			       "partnership", "quarter" and "measure") */
};

/* The canonical log (docs/log-format.md): CSV, header row, comma; or the
 * same table in a sheet of an Excel workbook (shape_is_workbook()). */
int shape_canonical(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o);

/* Profile "activity" (docs/log-format.md): partnership,agency,quarter,measure,value. */
int shape_activity(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o);

#endif
