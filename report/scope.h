/*
 * scope.h - what a warehouse connection's figures count: every escalation,
 * or only those about children or about adults (--subject, and the NEL
 * SCP and SAB papers), and, for a moment, a protocol's other reading of
 * its timescales.
 *
 * The restriction lives in the connection (temporary views named as the
 * tables: queries/scope_subject.sql), so every query of queries/ counts
 * within it unchanged.  Set it once, after run_open() and before any
 * figure is computed; w->subject says which it is.
 *
 *   if (scope_subject(w, CLI_SUBJECT_ADULTS)) ... error
 *   metrics_compute(w, ...);          adults only
 */
#ifndef OVERSIGHT_SCOPE_H
#define OVERSIGHT_SCOPE_H

#include "core/wh.h"

/* Restrict w's reads to the subjects of group (enum cli_subject), or lift
 * the restriction (CLI_SUBJECT_ALL).  0, or -1 after an error. */
int scope_subject(struct wh *w, int group);

/*
 * Between scope_readings_on() and scope_readings_off(), the stage events
 * read are those of temp.reading_due, with the deadlines it holds, and the
 * timescales those of temp.reading_timescale (metrics_readings.c fills
 * both, within the subject restriction).  _off puts the subject
 * restriction back.  0, or -1 after an error.
 */
int scope_readings_on(struct wh *w);
int scope_readings_off(struct wh *w);

#endif
