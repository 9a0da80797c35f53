/*
 * report_query.c - a named query run for the report: its parameters bound
 * by name from the report's period, and its rows read into a table.
 */
#include <math.h>
#include <string.h>

#include "core/date.h"
#include "report.h"

int report_bind_period(const struct report *r, sqlite3_stmt *st, int i, const char *name)
{
	char day[11];
	int d;

	if (!strcmp(name, ":partnership")) {
		sqlite3_bind_text(st, i, r->id, -1, SQLITE_TRANSIENT);
		return 0;
	}
	if (!strcmp(name, ":from"))
		d = r->period.from;
	else if (!strcmp(name, ":to"))
		d = r->period.to;
	else if (!strcmp(name, ":as_of"))
		d = r->period.as_of;
	else if (!strcmp(name, ":end"))
		d = metrics_end(&r->period);
	else
		return -1;
	sqlite3_bind_text(st, i, date_format(d, day), 10, SQLITE_TRANSIENT);
	return 0;
}

sqlite3_stmt *report_prepare(struct report *r, const char *query)
{
	sqlite3_stmt *st = wh_prepare(r->w, query);

	for (int i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
		const char *p = sqlite3_bind_parameter_name(st, i);

		if (!p || report_bind_period(r, st, i, p) == 0)
			continue;
		if (!strcmp(p, ":agency") && r->agency_id)
			sqlite3_bind_text(st, i, r->agency_id, -1, SQLITE_TRANSIENT);
		else if (!strcmp(p, ":last_stage"))
			sqlite3_bind_int(st, i, r->last_stage);
	}
	return st;
}

void report_bind_text(sqlite3_stmt *st, const char *name, const char *value)
{
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, name), value, -1, SQLITE_TRANSIENT);
}

void report_bind_int(sqlite3_stmt *st, const char *name, int value)
{
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, name), value);
}

int report_rows(sqlite3_stmt *st, struct tab *t)
{
	int n = 0, ncol = sqlite3_column_count(st);

	while (sqlite3_step(st) == SQLITE_ROW) {
		tab_row(t);
		for (int c = 0; c < t->ncol && c < ncol; c++) {
			switch (t->kind[c]) {
			case TAB_COUNT:
				tab_count(t, (long)sqlite3_column_int64(st, c));
				break;
			case TAB_RATE:
			case TAB_NUMBER:
				tab_number(t, sqlite3_column_type(st, c) == SQLITE_NULL
						      ? NAN : sqlite3_column_double(st, c));
				break;
			default:
				tab_text(t, (const char *)sqlite3_column_text(st, c));
			}
		}
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

int report_query(struct report *r, const char *query, struct tab *t)
{
	return report_rows(report_prepare(r, query), t);
}
