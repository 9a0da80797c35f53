/*
 * workcal.c - one jurisdiction's working-day calendar in memory: see
 * workcal.h.
 */
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "workcal.h"

/* Make room in *v (*cap entries, new ones set to fill) for index i. */
static void grow(int **v, size_t *cap, size_t i, int fill)
{
	size_t was = *cap;

	if (i < was)
		return;
	while (*cap <= i)
		*cap = *cap ? 2 * *cap : 16384;
	*v = xrealloc(*v, *cap * sizeof(int));
	for (size_t k = was; k < *cap; k++)
		(*v)[k] = fill;
}

int workcal_read(struct wh *w, const char *jurisdiction, struct workcal *c)
{
	sqlite3_stmt *st = wh_prepare(w, "calendar_days");
	size_t cap = 0, wcap = 0;
	int rc, prev = 0, rows = 0;

	memset(c, 0, sizeof(*c));
	c->first = DATE_NONE;
	c->whole = 1;
	sqlite3_bind_text(st, wh_param(st, ":jurisdiction"), jurisdiction, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int day = wh_column_date(st, 0), k = sqlite3_column_int(st, 2);

		if (day == DATE_NONE)
			continue; /* no 'YYYY-MM-DD' text joins with it */
		if (c->first == DATE_NONE)
			c->first = day; /* the rows come in day order */
		if (day < c->first) {
			c->whole = 0;
			continue;
		}
		/* one row a day from the first, the count never falling */
		c->whole &= day == c->first + rows++ && (rows == 1 || k >= prev);
		prev = k;
		grow(&c->wd_le, &cap, (size_t)(day - c->first), WORKCAL_MISSING);
		c->wd_le[day - c->first] = k;
		if (day - c->first + 1 > c->n)
			c->n = day - c->first + 1;
		if (sqlite3_column_int(st, 1)) {
			if (c->wd_n == 0)
				c->wd_base = k;
			if (k < c->wd_base || k - c->wd_base >= c->n) {
				c->whole = 0; /* a count fallen below the first, or past the days */
				continue;
			}
			grow(&c->wd_day, &wcap, (size_t)(k - c->wd_base), DATE_NONE);
			c->wd_day[k - c->wd_base] = day;
			if (k - c->wd_base + 1 > c->wd_n)
				c->wd_n = k - c->wd_base + 1;
		}
	}
	sqlite3_finalize(st);
	c->whole &= rows > 0;
	return rc == SQLITE_DONE ? 0 : wh_error(w, "reading the calendar");
}

void workcal_free(struct workcal *c)
{
	free(c->wd_le);
	free(c->wd_day);
	c->wd_le = c->wd_day = NULL;
	c->n = c->wd_n = 0;
}

int workcal_wd_le(const struct workcal *c, int day)
{
	if (c->n == 0 || day == DATE_NONE || day < c->first || day - c->first >= c->n)
		return WORKCAL_MISSING;
	return c->wd_le[day - c->first];
}

int workcal_day(const struct workcal *c, int k)
{
	int i = k - c->wd_base;

	return i >= 0 && i < c->wd_n ? c->wd_day[i] : DATE_NONE;
}
