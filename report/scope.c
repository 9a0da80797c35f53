/*
 * scope.c - what a connection's figures count: see scope.h.
 */
#include "core/cli.h"
#include "scope.h"

int scope_subject(struct wh *w, int group)
{
	static const char *const subjects[] = {"child", "unborn", "adult"};
	sqlite3_stmt *st;
	int rc = 0;

	if (wh_run_script(w, "scope_clear", ":subject", "", "reading every subject"))
		return -1;
	w->subject = CLI_SUBJECT_ALL;
	if (group == CLI_SUBJECT_ALL)
		return 0;
	if (wh_run_script(w, "scope_subject", ":subject", "", "restricting the figures to a subject"))
		return -1;
	st = wh_prepare(w, "scope_subject_add");
	for (size_t i = 0; rc == 0 && i < sizeof(subjects) / sizeof(subjects[0]); i++) {
		if (!cli_subject_in(group, subjects[i]))
			continue;
		sqlite3_bind_text(st, wh_param(st, ":subject"), subjects[i], -1, SQLITE_STATIC);
		rc = wh_run(w, st, "restricting the figures to a subject");
	}
	sqlite3_finalize(st);
	if (rc == 0)
		w->subject = group;
	return rc;
}

int scope_readings_on(struct wh *w)
{
	return wh_run_script(w, "scope_readings_on", ":subject", "", "reading the other timescales");
}

int scope_readings_off(struct wh *w)
{
	if (wh_run_script(w, "scope_readings_off", ":subject", "", "reading the other timescales"))
		return -1;
	return scope_subject(w, w->subject);
}
