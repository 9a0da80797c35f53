/*
 * prep.h - a source row made ready for the warehouse without touching it.
 *
 * Everything ingest_row() does to a row before it looks at the warehouse
 * is done here, once: the values tidied (tidy.h), the rules applied
 * (canon_validate()), the subject checked against the partnership's
 * protocol, the case reference turned into its case key (the keyed HMAC,
 * model/pseudo.h), the row's "unchanged" digest made, and, for the writes
 * that may follow, the short reference of an escalation the row would be
 * the first of (canon.h) and where it falls in a first load's filters
 * (settle_place(), settle.h).  What is left, the look-ups and writes, is
 * ingest_prepared()'s (ingest.h).
 *
 * Nothing here writes to a struct prep once it is made, so one prep may
 * serve the thread that reads a file while another writes the warehouse
 * (handoff.h).
 *
 *   struct prep_buf b;
 *   struct prep_row p;
 *   prep_row(pp, in, raw, &p, &b);   // p's strings point into in and b
 *   ingest_prepared(g, &p);
 *   prep_buf_free(&b);
 */
#ifndef OVERSIGHT_PREP_H
#define OVERSIGHT_PREP_H

#include "canon.h"
#include "model/proto.h"
#include "model/pseudo.h"
#include "settle.h"
#include "tidy.h"

/* What became of a row before the warehouse was asked. */
enum prep_kind {
	PREP_STORE,   /* valid: to be looked up and stored */
	PREP_SUBJECT, /* valid, but its protocol does not cover its subject:
			 rejected once its owner is noted (owner.h) */
	PREP_INVALID, /* canon_validate() rejected it */
	PREP_EARLY,   /* rejected before the rules: a value holding a NUL,
			 or a row its shape could not map */
};

struct prep_row {
	int kind;               /* enum prep_kind */
	long line;              /* the source line */
	/* a reject (every kind but PREP_STORE): */
	int col;                /* the source column, 0 none */
	const char *field;      /* the field named, NULL none */
	const char *reason;     /* why */
	const char *raw;        /* the quarantine text (case reference
				   masked); NULL: none, or the ingest's raw
				   source builds it (ingest_set_raw_source()) */
	/* PREP_STORE and PREP_SUBJECT: */
	struct canon c;         /* the validated record (c.case_ref: NULL
				   once the case key is made, or never given) */
	int has_case_key;       /* 0: no case reference */
	char case_key[PSEUDO_HEX];
	char digest[PSEUDO_HEX]; /* the "unchanged" digest */
	struct settle_place place; /* where it falls in settle.h's tables */
	int ref_col;            /* where the ref came from, for the message */
	const char *ref_src;    /* of a repeated ref: column (0 none), name
				   (NULL: "ref") */
};

/* Where a prep_row's strings are kept when they are not in the row it
 * was made from. */
struct prep_buf {
	struct canon_in tin;    /* the values tidied */
	struct tidy t;
	struct canon_err e;
};

struct prep;

/* The rules' context: the reference data, the last day any date may be,
 * and the key of the case keys (copied; wiped by prep_free()). */
struct prep *prep_new(const struct ref *r, const unsigned char key[PSEUDO_KEY_BYTES], int today);
void prep_free(struct prep *pp);

/* Make in ready: out's strings point into in, raw and b (free b with
 * prep_buf_free(), whatever the kind). */
void prep_row(const struct prep *pp, const struct canon_in *in, const char *raw,
	      struct prep_row *out, struct prep_buf *b);
void prep_buf_free(struct prep_buf *b);

#endif
