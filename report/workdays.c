/*
 * workdays.c - the warehouse calendar in memory: see workdays.h.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "workdays.h"

#define WD_MISSING INT_MIN /* no calendar row for the day */
#define WD_MAX_JUR 4       /* jurisdictions held at once (there are two) */

struct workdays {
	char jurisdiction[32]; /* "england-wales", "scotland" */
	int first, n;          /* day numbers first .. first + n - 1 */
	int *wd_le;            /* [day - first]: wd_le, or WD_MISSING */
};

/* What a connection holds: struct wh's cache. */
struct workdays_cache {
	int n;
	struct workdays cal[WD_MAX_JUR];
};

static void cache_free(void *p)
{
	struct workdays_cache *k = p;

	for (int i = 0; k && i < k->n; i++)
		free(k->cal[i].wd_le);
	free(k);
}

/* The day number of an ISO date text, or DATE_NONE. */
static int day_of(const unsigned char *s)
{
	int day;

	if (!s || date_parse_iso((const char *)s, strlen((const char *)s), &day))
		return DATE_NONE;
	return day;
}

/* Read the calendar rows of partnership's jurisdiction into c. */
static int read_calendar(struct wh *w, const char *partnership, struct workdays *c)
{
	sqlite3_stmt *st = wh_prepare(w, "workdays_calendar");
	size_t cap = 0;
	int rc;

	c->first = DATE_NONE;
	c->n = 0;
	c->wd_le = NULL;
	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int day = day_of(sqlite3_column_text(st, 1));

		if (day == DATE_NONE)
			continue; /* no 'YYYY-MM-DD' text joins with it */
		if (c->first == DATE_NONE)
			c->first = day; /* the rows come in day order */
		if (day < c->first)
			continue;
		while ((size_t)(day - c->first) >= cap) {
			size_t was = cap;

			cap = cap ? 2 * cap : 16384;
			c->wd_le = xrealloc(c->wd_le, cap * sizeof(int));
			for (size_t i = was; i < cap; i++)
				c->wd_le[i] = WD_MISSING;
		}
		c->wd_le[day - c->first] = sqlite3_column_int(st, 2);
		if (day - c->first + 1 > c->n)
			c->n = day - c->first + 1;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : wh_error(w, "reading the calendar");
}

const struct workdays *workdays_get(struct wh *w, const char *partnership)
{
	struct workdays_cache *k = w->cache;
	sqlite3_stmt *st = wh_prepare(w, "workdays_jurisdiction");
	char jur[32] = "";
	struct workdays *c;

	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(jur, sizeof(jur), "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!k) {
		k = w->cache = xcalloc(1, sizeof(*k));
		w->cache_free = cache_free;
	}
	for (int i = 0; i < k->n; i++)
		if (!strcmp(k->cal[i].jurisdiction, jur))
			return &k->cal[i];
	if (k->n == WD_MAX_JUR) {
		free(k->cal[0].wd_le);
		memmove(&k->cal[0], &k->cal[1], (WD_MAX_JUR - 1) * sizeof(k->cal[0]));
		k->n--;
	}
	c = &k->cal[k->n];
	snprintf(c->jurisdiction, sizeof(c->jurisdiction), "%s", jur);
	if (read_calendar(w, partnership, c)) {
		free(c->wd_le);
		return NULL;
	}
	k->n++;
	return c;
}

int workdays_between(const struct workdays *c, const unsigned char *from, const unsigned char *to,
		     long *out)
{
	int a = day_of(from), b = day_of(to);

	if (c->n == 0 || a == DATE_NONE || b == DATE_NONE || a < c->first || b < c->first ||
	    a - c->first >= c->n || b - c->first >= c->n)
		return -1;
	a = c->wd_le[a - c->first];
	b = c->wd_le[b - c->first];
	if (a == WD_MISSING || b == WD_MISSING)
		return -1;
	*out = (long)b - a;
	return 0;
}
