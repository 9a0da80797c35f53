/*
 * workdays.c - the warehouse calendar in memory: see workdays.h.
 */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "workdays.h"

#define WD_MISSING INT_MIN /* no calendar row for the day */

struct workdays {
	char jurisdiction[32]; /* "england-wales", "scotland" */
	int first, n;          /* day numbers first .. first + n - 1 */
	int *wd_le;            /* [day - first]: wd_le, or WD_MISSING */
};

/* What a connection holds (struct wh's cache), its twin too: each
 * jurisdiction's calendar, read once by whichever thread needs it first
 * (the other waits for it rather than read it again), never moved or
 * freed before the cache (there are two jurisdictions). */
struct workdays_cache {
	int n;
	struct workdays **cal;
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static void cache_free(void *p)
{
	struct workdays_cache *k = p;

	for (int i = 0; k && i < k->n; i++) {
		free(k->cal[i]->wd_le);
		free(k->cal[i]);
	}
	if (k)
		free(k->cal);
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

/* Read the calendar rows of c's jurisdiction into c (calendar_days.sql,
 * which model/deadline.c reads too). */
static int read_calendar(struct wh *w, struct workdays *c)
{
	sqlite3_stmt *st = wh_prepare(w, "calendar_days");
	size_t cap = 0;
	int rc;

	c->first = DATE_NONE;
	c->n = 0;
	c->wd_le = NULL;
	sqlite3_bind_text(st, wh_param(st, ":jurisdiction"), c->jurisdiction, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int day = day_of(sqlite3_column_text(st, 0));

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

/* The calendar of jurisdiction jur in home's cache, read on w when it is
 * not there yet; NULL after an error.  Called with cache_lock held. */
static const struct workdays *cached(struct wh *home, struct wh *w, const char *jur)
{
	struct workdays_cache *k = home->cache;
	struct workdays *c;

	if (!k) {
		k = home->cache = xcalloc(1, sizeof(*k));
		home->cache_free = cache_free;
	}
	for (int i = 0; i < k->n; i++)
		if (!strcmp(k->cal[i]->jurisdiction, jur))
			return k->cal[i];
	c = xcalloc(1, sizeof(*c));
	snprintf(c->jurisdiction, sizeof(c->jurisdiction), "%s", jur);
	if (read_calendar(w, c)) {
		free(c->wd_le);
		free(c);
		return NULL;
	}
	k->cal = xrealloc(k->cal, (size_t)(k->n + 1) * sizeof(*k->cal));
	k->cal[k->n++] = c;
	return c;
}

const struct workdays *workdays_get(struct wh *w, const char *partnership)
{
	sqlite3_stmt *st = wh_prepare(w, "workdays_jurisdiction");
	const struct workdays *c;
	char jur[32] = "";

	sqlite3_bind_text(st, wh_param(st, ":partnership"), partnership, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(jur, sizeof(jur), "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	/* A twin reads the same snapshot as its first connection: one
	 * calendar serves both. */
	pthread_mutex_lock(&cache_lock);
	c = cached(w->first ? w->first : w, w, jur);
	pthread_mutex_unlock(&cache_lock);
	return c;
}

int workdays_days(const struct workdays *c, int from, int to, long *out)
{
	int a, b;

	if (c->n == 0 || from == DATE_NONE || to == DATE_NONE || from < c->first ||
	    to < c->first || from - c->first >= c->n || to - c->first >= c->n)
		return -1;
	a = c->wd_le[from - c->first];
	b = c->wd_le[to - c->first];
	if (a == WD_MISSING || b == WD_MISSING)
		return -1;
	*out = (long)b - a;
	return 0;
}

int workdays_between(const struct workdays *c, const unsigned char *from, const unsigned char *to,
		     long *out)
{
	return workdays_days(c, day_of(from), day_of(to), out);
}
