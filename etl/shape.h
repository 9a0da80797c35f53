/*
 * shape.h - the input shapes: each reads one file and hands every row to
 * the ingest path (ingest.h) as canonical values.
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

struct shape_opts {
	int ignore_unknown; /* drop unknown columns instead of refusing the file */
	const char *agency; /* load --agency: whose log it is, NULL: inferred,
			       "": the partnership's shared log (--shared) */
	int exported;       /* load --exported, DATE_NONE: the day loaded */
};

/* DESIGN.md "Canonical escalation log": CSV, header row, comma. */
int shape_canonical(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o);

/* DESIGN.md profile "activity": partnership,agency,quarter,measure,value. */
int shape_activity(struct ingest *g, FILE *fp, const char *name, const struct shape_opts *o);

/* 1 when the n bytes at s are valid UTF-8. */
int shape_utf8_valid(const char *s, size_t n);

/*
 * Append the fields as one CSV line to buf (cap bytes, NUL-terminated,
 * truncated with "..." when longer), writing mask instead of field
 * mask_col (0-based; -1 for none) and leaving out the fields whose drop[]
 * is set (drop may be NULL).  For quarantined rows: the case reference and
 * narrative never reach the warehouse.
 */
void shape_raw_row(char *buf, size_t cap, char *const *field, const size_t *len, int n,
		   int mask_col, const unsigned char *drop);

#endif
