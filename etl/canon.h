/*
 * canon.h - the canonical escalation record and its one validation.
 *
 * Every input shape (the canonical CSV, and each agency profile) turns a
 * source row into a struct canon_in: the canonical fields as text, each
 * with the source column it came from, so that messages point at the
 * agency's own file.  canon_validate() applies the rejection rules (docs/log-format.md)
 * and yields a struct canon (typed) or the first reason the row is
 * rejected.  No shape validates on its own: there is one set of rules.
 */
#ifndef OVERSIGHT_CANON_H
#define OVERSIGHT_CANON_H

#include <stddef.h>

#include "model/proto.h"

enum canon_field {
	CF_REF,
	CF_PARTNERSHIP,
	CF_RAISED_BY,
	CF_RAISED_WITH,
	CF_CASE_REF,
	CF_SUBJECT,
	CF_RAISED_ON,
	CF_THEME,
	CF_CATEGORY,
	CF_SERIOUS,
	CF_STUCK,
	CF_STAGE1, /* CF_STAGE1 + n - 1 is stage n, n = 1..CANON_MAX_STAGE */
	CF_STAGE9 = CF_STAGE1 + 8,
	CF_STATUS,
	CF_CLOSED_ON,
	CF_LEARNING,
	CF_LEARNING_THEME,
	/* optional, added later (DESIGN.md "Outcome", "Informal resolution") */
	CF_STAGE0,          /* the step before stage 1, where the protocol has one */
	CF_OUTCOME,
	CF_FEEDBACK_ON,
	CF_IMMEDIATE_RISK,
	CF_COUNT
};

#define CANON_MAX_STAGE 9 /* columns stage1_on..stage9_on are understood */
/* The stages the warehouse stores: the protocol model's cap, MODEL_STAGES. */

/* "ref", "partnership", ..., "stage1_on", ...: the canonical column names. */
const char *canon_field_name(int f);

/* The field with that canonical column name, or -1. */
int canon_field_lookup(const char *name);

/* One source row as canonical text values. */
struct canon_in {
	long line;                  /* source line */
	const char *v[CF_COUNT];    /* values; NULL or "" = empty */
	size_t len[CF_COUNT];       /* their lengths */
	int col[CF_COUNT];          /* source column (1-based), 0 = none */
	const char *src[CF_COUNT];  /* source column name, NULL = the canonical one */
};

/* A validated record.  Strings point into the canon_in's values. */
struct canon {
	const char *ref;
	const struct ref_partnership *p;
	const char *raised_by, *raised_with;
	const char *case_ref; size_t case_len; /* raw: hash it, never store it */
	const char *subject;
	int raised_on;
	const char *theme;
	const char *category;
	int serious, stuck;          /* 0 / 1 */
	int stage[MODEL_STAGES + 1]; /* stage[n] entered on, or DATE_NONE;
	                              * stage[0]: stage0_on */
	int top_stage;               /* 0 when stage 0 is the only stage */
	const char *status;
	int closed_on;               /* DATE_NONE when open */
	int learning;
	const char *learning_theme;  /* NULL when empty */
	const char *outcome;         /* changed, partly, upheld; NULL: not recorded */
	int feedback_on;             /* DATE_NONE when not recorded */
	int immediate_risk;          /* 0 / 1 */
	char pseudo[9];              /* the short reference of an escalation
	                              * this row is the first of: made by
	                              * prep.c on the reader's thread */
};

/* Why a row was rejected: field (canonical), source column, message. */
struct canon_err {
	int field;
	int col;
	char msg[512];
};

/*
 * Validate in against the reference data, "today" being the last day any
 * date may be.  Returns 0 and fills out, or -1 and fills err.
 */
int canon_validate(const struct canon_in *in, const struct ref *r, int today,
		   struct canon *out, struct canon_err *err);

/* The values coded field f may hold ("child", "unborn", ...; "y", "n"
 * for a yes/no field), NULL-terminated; NULL for a field that is not
 * coded. */
const char *const *canon_allowed(int f);

/* 1 when s is one of field f's values, or f is not coded. */
int canon_is_allowed(int f, const char *s);

/* Field f's values for a message, in buf: "one of open, resolved,
 * withdrawn", or "y or n". */
const char *canon_allowed_text(int f, char *buf, size_t cap);

/* 1 when field f is a yes/no field (serious_concern, stuck, learning,
 * immediate_risk). */
int canon_is_yes_no_field(int f);

/* Parse y/n spellings used by the canonical format: y, n, yes, no (any
 * case), "" = dflt.  Returns 0/1, or -1 when not a yes/no. */
int canon_yes_no(const char *s, int dflt);

#endif
