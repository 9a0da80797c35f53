/*
 * proto.h - the protocol model: the partnerships, their agencies, subjects,
 * stages, forums and the notes of their definitions, and the themes, read
 * once from the warehouse (queries/ref_*.sql) so that neither the loader
 * nor the reports need a query of their own for any of it.  The definitions
 * themselves are loaded into the warehouse by refdata.h; the deadline rule
 * over the stages' timescales is deadline.h; pseudonyms are pseudo.h.
 *
 * ref_read() fills a struct ref that the caller frees with ref_free().
 * Lookups return NULL / 0 when the id is unknown.
 */
#ifndef OVERSIGHT_MODEL_PROTO_H
#define OVERSIGHT_MODEL_PROTO_H

/* Stages the warehouse stores: the highest protocol has five (stage1_on ..
 * stage5_on in source_row and escalation); a definition may set 1 to
 * MODEL_STAGES. */
#define MODEL_STAGES 5

#include <stddef.h>

#include "core/wh.h"

struct ref_stage {
	char *name;         /* "Informal Dispute Procedure"; "" when undefined */
	int tier;
	/* Where the protocol gives two readings of the stage's timescale (the
	 * definition's timescale "reading" and "alternative"): what each
	 * reading is called ("flowchart", "supporting text") and the other
	 * one's rule.  The chosen one is the stored timescale; "" / 0 when
	 * the stage has no other reading. */
	char *reading;
	char *alt_reading;
	char *alt_kind;     /* by_working_day, within_of_raising, within_of_entry */
	int alt_days;       /* 0: no other reading */
	char *alt_cite;
};

struct ref_forum {
	char *id;
	char *name;
	int stage;          /* 0 when the forum has none */
	char *report;       /* the paper's kind ("pdg"), "" when none */
	char *reports_to;
	char *description;
	char *onward;       /* what may follow an unresolved escalation, quoted */
	int subject;        /* enum cli_subject: its paper counts only these
	                     * subjects (the definition's "subject"); 0: all */
};

struct ref_partnership {
	char *id;           /* "devon" */
	char *name;         /* "Devon Children and Families Partnership" */
	char *short_name;   /* "" when none */
	char *jurisdiction; /* "england-wales" or "scotland" */
	char *subjects;     /* "child,unborn": the subjects the protocol covers */
	int last_stage;     /* the protocol's top stage */
	int adults_apart;   /* report adults apart from children */
	int nagency;
	char **agency;      /* agency ids, in the definition's order */
	char **agency_name;
	struct ref_stage stage[MODEL_STAGES + 1]; /* [1..MODEL_STAGES]; [0]: pre_stage */
	int has_pre_stage;  /* the protocol has a step before stage 1 (stage 0) */
	int nforum;
	struct ref_forum *forum;    /* by stage (none first), then id */
	/* from the definition's JSON: "" / 0 when it has none */
	char *protocol_title;
	char *protocol_principle;
	char *timescales_note;
	int nnote;
	char **note;
	char *definition;   /* the definition's JSON as loaded */
};

struct ref {
	int npartnership;
	struct ref_partnership *partnership;
	int ntheme;
	char **theme;
	char **theme_name;  /* the name papers show, [ntheme] */
};

/* Read the reference tables; 0 or -1 with an error printed. */
int ref_read(struct wh *w, struct ref *r);

/* Free what ref_read() allocated; a zeroed struct is fine. */
void ref_free(struct ref *r);

const struct ref_partnership *ref_find_partnership(const struct ref *r, const char *id);

/* "Stage 2: Informal Dispute Procedure" ("Stage 2" when it has no name)
 * in buf; stage 0, the step before stage 1, by its own name
 * ("Pre-escalation"); returns buf. */
const char *ref_stage_label(const struct ref_partnership *p, int stage, char *buf, size_t cap);

/* Index of the agency in p, or -1. */
int ref_agency_index(const struct ref_partnership *p, const char *id);

/* 1 when the partnership covers subject ("none" is always covered). */
int ref_covers_subject(const struct ref_partnership *p, const char *subject);

/* 1 when the partnership covers any subject of group (enum cli_subject). */
int ref_covers_group(const struct ref_partnership *p, int group);

/* 1 when id is a theme. */
int ref_is_theme(const struct ref *r, const char *id);

/* The name a paper shows for theme id (id itself when unknown). */
const char *ref_theme_name(const struct ref *r, const char *id);

/*
 * The known id closest to s (edit distance at most 2), to suggest a fix in
 * messages ("did you mean 'dc-police'?"); NULL when none is that close.
 */
const char *ref_suggest(const char *s, char *const *ids, int n);

/* ref_suggest(), else the one id that holds s or that s holds, whatever
 * the case ("police" -> "dc-police"); NULL when none or several. */
const char *ref_nearest(const char *s, char *const *ids, int n);

/*
 * What an "unknown" message ends with: " (<what>: a, b, c; did you mean
 * 'b'?)", the valid ids and the nearest (ref_nearest()).  Written into buf,
 * which is returned.
 */
const char *ref_hint(char *buf, size_t cap, const char *what, const char *s, char *const *ids,
		     int n);

#endif
