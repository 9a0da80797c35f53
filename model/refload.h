/*
 * refload.h - everything `oversight init` loads into the warehouse, in
 * order: the themes, every definition of the protocols folder and any
 * given, the targets beside them and any given, holiday overrides (kept in
 * meta and replayed on every later init), the calendar, and, when any
 * input of a deadline changed, every stored deadline recomputed
 * (deadline.h).  Built on refdata.h; the caller holds the transaction.
 */
#ifndef OVERSIGHT_MODEL_REFLOAD_H
#define OVERSIGHT_MODEL_REFLOAD_H

#include "core/wh.h"

/* The calendar table covers these years; dates outside are rejected at
 * load ("before 2000-01-01") or cannot occur (future dates are rejected). */
#define REFLOAD_FIRST_YEAR 2000
#define REFLOAD_LAST_YEAR 2045

struct refload {
	const char *dir;              /* the protocols folder */
	char **files;                 /* its definitions (refload_list()) */
	int nfiles;
	const char *const *defs;      /* --definition files */
	int ndef;
	const char *const *targets;   /* --targets files */
	int ntarget;
	const char *const *holidays;  /* --holidays files */
	int nholiday;
};

/* The definitions of folder dir (<id>.json, not themes.json nor
 * *.targets.json), sorted; dies (environment) when dir cannot be read.
 * Free with refload_free_list(). */
char **refload_list(const char *dir, int *n);
void refload_free_list(char **files, int n);

/* Load it all; 0, or -1 after an error (the caller rolls back). */
int refload_run(struct wh *w, const struct refload *f);

#endif
