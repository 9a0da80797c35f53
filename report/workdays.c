/*
 * workdays.c - the warehouse calendar in memory: see workdays.h.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/util.h"
#include "model/workcal.h"
#include "workdays.h"

struct workdays {
	char jurisdiction[32]; /* "england-wales", "scotland" */
	struct workcal cal;
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
		workcal_free(&k->cal[i]->cal);
		free(k->cal[i]);
	}
	if (k)
		free(k->cal);
	free(k);
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
	if (workcal_read(w, jur, &c->cal)) {
		workcal_free(&c->cal);
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
	int a = workcal_wd_le(&c->cal, from), b = workcal_wd_le(&c->cal, to);

	if (a == WORKCAL_MISSING || b == WORKCAL_MISSING)
		return -1;
	*out = (long)b - a;
	return 0;
}

const struct workcal *workdays_cal(const struct workdays *c)
{
	return &c->cal;
}

int workdays_between(const struct workdays *c, const unsigned char *from, const unsigned char *to,
		     long *out)
{
	return workdays_days(c, date_of_text((const char *)from), date_of_text((const char *)to), out);
}
