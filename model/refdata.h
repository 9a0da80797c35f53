/*
 * refdata.h - reference data from JSON files into the warehouse.
 *
 * Partnerships are data, not code (DESIGN.md "Reference data"): each
 * protocols/<id>.json defines one (format in protocols/README.md), and
 * refdata_partnership() validates it and replaces that partnership's rows
 * of agency, stage, timescale and forum.  refdata_targets() adds a
 * partnership's local targets (source 'local') where its protocol sets no
 * timescale; refdata_themes() loads protocols/themes.json;
 * refdata_calendar() rebuilds the calendar table from cal.h.
 *
 * All return 0, or -1 after an error naming the file and the field.
 * The caller holds the transaction.
 */
#ifndef OVERSIGHT_MODEL_REFDATA_H
#define OVERSIGHT_MODEL_REFDATA_H

#include "core/wh.h"

int refdata_partnership(struct wh *w, const char *path);
int refdata_targets(struct wh *w, const char *path);
int refdata_themes(struct wh *w, const char *path);

/* Rebuild the calendar for [first_year, last_year] of both jurisdictions. */
int refdata_calendar(struct wh *w, int first_year, int last_year);

/* Read a whole file (at most max bytes) into a NUL-terminated buffer the
 * caller frees; NULL after an error. */
char *refdata_slurp(const char *path, size_t max);

#endif
