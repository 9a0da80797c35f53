/*
 * cal.c - bank holidays and working days: see cal.h.
 *
 * A year of one jurisdiction is computed once into a struct year_cal (its
 * holidays, a day-of-year -> holiday index, and the running count of its
 * working days); every query then splits a day number and indexes arrays.
 * Years 1..9999 (all date_parse_iso() can produce) are cached; any other
 * year is computed into a spare slot each time it is asked for.  The
 * override files are read by cal_file.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "cal_int.h"
#include "date.h"
#include "msg.h"
#include "util.h"

#define CACHE_FIRST 1
#define CACHE_LAST 9999

struct year_cal {
	int year;                             /* the year described */
	int jan1;                             /* day number of 1 January */
	int ndays;                            /* 365 or 366 */
	int nhol;                             /* entries used in hol[] */
	struct cal_holiday hol[CAL_YEAR_MAX]; /* sorted by day */
	unsigned char hol_at[366];            /* 1 + index into hol[] per day of year, 0 = none */
	short cum[366];                       /* working days 1 January .. that day, inclusive */
	int base;                             /* cal_wd_le() of 31 December before */
	int base_ok;                          /* 1 once base is known */
};

static struct year_cal *cache[CAL_NJUR][CACHE_LAST - CACHE_FIRST + 1];
static struct year_cal spare[CAL_NJUR]; /* a year outside the cache */
static int spare_ok[CAL_NJUR];           /* 1 when spare[] holds spare[].year */
static struct override_list overrides[CAL_NJUR];

/* gov.uk's titles (bank-holidays.json), typographic apostrophes and all. */
static const char NEW_YEAR[] = "New Year\xe2\x80\x99s Day";
static const char JAN2[] = "2nd January";
static const char GOOD_FRIDAY[] = "Good Friday";
static const char EASTER_MONDAY[] = "Easter Monday";
static const char EARLY_MAY[] = "Early May bank holiday";
static const char EARLY_MAY_VE[] = "Early May bank holiday (VE day)";
static const char SPRING[] = "Spring bank holiday";
static const char SUMMER[] = "Summer bank holiday";
static const char ST_ANDREW[] = "St Andrew\xe2\x80\x99s Day";
static const char CHRISTMAS[] = "Christmas Day";
static const char BOXING[] = "Boxing Day";

#define BOTH ((1u << CAL_ENGLAND_WALES) | (1u << CAL_SCOTLAND))
#define SCOT (1u << CAL_SCOTLAND)

/*
 * One-off days, proclaimed for one year only.  The days the regular
 * holidays were moved to (1995, 2002, 2012, 2020, 2022) are in year_rules().
 * Days before 2012 are not in gov.uk's data; their titles follow its style.
 */
static const struct {
	int y, m, d;      /* the day */
	unsigned jurs;    /* bit per enum cal_jur */
	const char *name; /* title */
} one_offs[] = {
	{1999, 12, 31, BOTH, "Millennium Celebrations"},
	{2002, 6, 4, BOTH, "Queen\xe2\x80\x99s Golden Jubilee"},
	{2011, 4, 29, BOTH, "Royal wedding"},
	{2012, 6, 5, BOTH, "Queen\xe2\x80\x99s Diamond Jubilee"},
	{2022, 6, 3, BOTH, "Platinum Jubilee bank holiday"},
	{2022, 9, 19, BOTH, "Bank Holiday for the State Funeral of Queen Elizabeth II"},
	{2023, 5, 8, BOTH, "Bank holiday for the coronation of King Charles III"},
	{2026, 6, 15, SCOT, "World Cup bank holiday"},
};

static void check_jur(enum cal_jur jur)
{
	if ((unsigned)jur >= CAL_NJUR)
		die(EXIT_INTERNAL, "cal: bad jurisdiction %d", (int)jur);
}

int cal_jur_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "england-wales") || !strcmp(s, "england-and-wales"))
		return CAL_ENGLAND_WALES;
	if (!strcmp(s, "scotland"))
		return CAL_SCOTLAND;
	return -1;
}

const char *cal_jur_name(enum cal_jur jur)
{
	check_jur(jur);
	return jur == CAL_SCOTLAND ? "scotland" : "england-wales";
}

/* ---- computing one year ---- */

/* Easter Sunday of year y (Gregorian): the anonymous algorithm (Meeus). */
static int easter_sunday(int y)
{
	int a = y % 19, b = y / 100, c = y % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return date_from_ymd(y, month, day);
}

/* The first Monday of month m of year y. */
static int first_monday(int y, int m)
{
	int d = date_from_ymd(y, m, 1);

	return d + (7 - date_weekday(d)) % 7;
}

/* The last Monday of month m of year y. */
static int last_monday(int y, int m)
{
	int d = date_from_ymd(y, m, date_days_in_month(y, m));

	return d - date_weekday(d);
}

static int is_weekend(int day)
{
	return date_weekday(day) >= 5;
}

/* Add a holiday unless the day already has one; returns 1 if added. */
static int add_day(struct year_cal *yc, int day, const char *name, int substitute)
{
	int doy = day - yc->jan1;

	if (doy < 0 || doy >= yc->ndays || yc->hol_at[doy] || yc->nhol >= CAL_YEAR_MAX)
		return 0;
	yc->hol[yc->nhol] = (struct cal_holiday){day, name, substitute};
	yc->hol_at[doy] = (unsigned char)++yc->nhol;
	return 1;
}

/* A fixed-date holiday waiting for its substitute day. */
struct pending {
	int day;          /* its own date (a weekend, or see force_queue) */
	const char *name; /* title */
};

/*
 * A fixed-date holiday: placed on its day when that is a weekday, else
 * queued; queued ones are placed by place_pending() once every weekday
 * holiday is in, because a substitute day must not land on one (Christmas
 * on a Sunday: Boxing Day keeps Monday 26th, Christmas moves to the 27th).
 * force_queue queues a weekday holiday too, to let an earlier one take its
 * day (see Scotland's New Year in year_rules()).
 */
static void fixed_day(struct year_cal *yc, struct pending *q, int *nq, int day,
		      const char *name, int force_queue)
{
	if (!is_weekend(day) && !force_queue) {
		add_day(yc, day, name, 0);
		return;
	}
	q[*nq] = (struct pending){day, name};
	++*nq;
}

/*
 * gov.uk's substitute rule: a holiday falling on a weekend moves to the
 * next weekday that is not already a holiday, taking them in date order
 * (Christmas on Saturday: 27th; Boxing Day on Sunday: then the 28th).
 */
static void place_pending(struct year_cal *yc, const struct pending *q, int nq)
{
	for (int i = 0; i < nq; i++) {
		int d = q[i].day;

		while (is_weekend(d) || yc->hol_at[d - yc->jan1])
			d++;
		add_day(yc, d, q[i].name, 1);
	}
}

static void sort_holidays(struct year_cal *yc)
{
	for (int i = 1; i < yc->nhol; i++) {
		struct cal_holiday h = yc->hol[i];
		int j = i;

		for (; j > 0 && yc->hol[j - 1].day > h.day; j--)
			yc->hol[j] = yc->hol[j - 1];
		yc->hol[j] = h;
	}
	for (int i = 0; i < yc->nhol; i++)
		yc->hol_at[yc->hol[i].day - yc->jan1] = (unsigned char)(i + 1);
}

/* The rule-based and built-in holidays of year y in jur. */
static void year_rules(struct year_cal *yc, enum cal_jur jur, int y)
{
	int scot = jur == CAL_SCOTLAND;
	int easter = easter_sunday(y);
	struct pending q[8];
	int nq = 0;

	add_day(yc, easter - 2, GOOD_FRIDAY, 0);
	if (!scot)
		add_day(yc, easter + 1, EASTER_MONDAY, 0);

	/* Early May from 1978; moved to 8 May for VE day's 50th and 75th. */
	if (y == 1995 || y == 2020)
		add_day(yc, date_from_ymd(y, 5, 8), EARLY_MAY_VE, 0);
	else if (y >= 1978)
		add_day(yc, first_monday(y, 5), EARLY_MAY, 0);

	/* Spring: moved next to the jubilee days, which gov.uk marks
	 * "Substitute day" in 2012 (and 2002, by analogy) but not in 2022. */
	if (y == 2002)
		add_day(yc, date_from_ymd(2002, 6, 3), SPRING, 1);
	else if (y == 2012)
		add_day(yc, date_from_ymd(2012, 6, 4), SPRING, 1);
	else if (y == 2022)
		add_day(yc, date_from_ymd(2022, 6, 2), SPRING, 0);
	else
		add_day(yc, last_monday(y, 5), SPRING, 0);

	/* Summer: first Monday of August in Scotland, last in England and Wales. */
	add_day(yc, scot ? first_monday(y, 8) : last_monday(y, 8), SUMMER, 0);

	for (size_t i = 0; i < sizeof(one_offs) / sizeof(one_offs[0]); i++)
		if (one_offs[i].y == y && (one_offs[i].jurs & (1u << jur)))
			add_day(yc, date_from_ymd(y, one_offs[i].m, one_offs[i].d),
				one_offs[i].name, 0);

	int jan1 = yc->jan1;
	if (scot) {
		/*
		 * 1 January on a Sunday: gov.uk (2023) lists Monday 2nd as the
		 * New Year's Day substitute and Tuesday 3rd as the 2nd January
		 * substitute, so 2 January queues behind 1 January rather than
		 * keeping its Monday.  (gov.uk's 2012 and 2017 data named the same
		 * two days the other way round.)
		 */
		int sunday = date_weekday(jan1) == 6;

		fixed_day(yc, q, &nq, jan1, NEW_YEAR, 0);
		fixed_day(yc, q, &nq, jan1 + 1, JAN2, sunday);
	} else if (y >= 1974) {
		fixed_day(yc, q, &nq, jan1, NEW_YEAR, 0);
	}
	if (scot && y >= 2007)
		fixed_day(yc, q, &nq, date_from_ymd(y, 11, 30), ST_ANDREW, 0);
	fixed_day(yc, q, &nq, date_from_ymd(y, 12, 25), CHRISTMAS, 0);
	if (!scot || y >= 1974)
		fixed_day(yc, q, &nq, date_from_ymd(y, 12, 26), BOXING, 0);
	place_pending(yc, q, nq);
}

/* Compute year y of jur into yc (which need not be zeroed). */
static void build_year(struct year_cal *yc, enum cal_jur jur, int y)
{
	const struct override_list *ol = &overrides[jur];
	int n = 0;

	memset(yc, 0, sizeof(*yc));
	yc->year = y;
	yc->jan1 = date_from_ymd(y, 1, 1);
	yc->ndays = date_from_ymd(y + 1, 1, 1) - yc->jan1;
	year_rules(yc, jur, y);
	for (size_t i = 0; i < ol->n; i++)
		add_day(yc, ol->v[i].day, ol->v[i].name, 0);
	sort_holidays(yc);
	for (int doy = 0; doy < yc->ndays; doy++) {
		if (!yc->hol_at[doy] && !is_weekend(yc->jan1 + doy))
			n++;
		yc->cum[doy] = (short)n;
	}
}

/*
 * The tables of year y.  Inside the cache the pointer stays valid until
 * cal_load_overrides() or cal_release(); outside it, only until the next
 * call for another out-of-cache year.
 */
static struct year_cal *year_get(enum cal_jur jur, int y)
{
	struct year_cal **slot;

	if (y < CACHE_FIRST || y > CACHE_LAST) {
		if (!spare_ok[jur] || spare[jur].year != y) {
			build_year(&spare[jur], jur, y);
			spare_ok[jur] = 1;
		}
		return &spare[jur];
	}
	slot = &cache[jur][y - CACHE_FIRST];
	if (!*slot) {
		*slot = xmalloc(sizeof(**slot));
		build_year(*slot, jur, y);
	}
	return *slot;
}

/* Working days in year y. */
static int year_total(enum cal_jur jur, int y)
{
	struct year_cal *yc = year_get(jur, y);

	return yc->cum[yc->ndays - 1];
}

/*
 * cal_wd_le() of 31 December of year y - 1.  The epoch year's is fixed by
 * cal_wd_le(1990-01-01) = 0; every other follows by adding (or, going
 * back, subtracting) whole years' totals, computed iteratively and
 * remembered in the cache.
 */
static int year_base(enum cal_jur jur, int y)
{
	int b, from;

	if (y < CACHE_FIRST) {
		b = year_base(jur, CACHE_FIRST);
		for (int yy = CACHE_FIRST - 1; yy >= y; yy--)
			b -= year_total(jur, yy);
		return b;
	}
	if (y > CACHE_LAST) {
		b = year_base(jur, CACHE_LAST) + year_total(jur, CACHE_LAST);
		for (int yy = CACHE_LAST + 1; yy < y; yy++)
			b += year_total(jur, yy);
		return b;
	}
	struct year_cal *yc = year_get(jur, y);
	if (yc->base_ok)
		return yc->base;

	/* Start from the nearest year towards the epoch whose base is known. */
	struct year_cal *e = year_get(jur, CAL_EPOCH_YEAR);
	if (!e->base_ok) {
		e->base = -e->cum[0];
		e->base_ok = 1;
	}
	from = y;
	if (y > CAL_EPOCH_YEAR) {
		while (!year_get(jur, from)->base_ok)
			from--;
		b = year_get(jur, from)->base;
		for (; from < y; from++) {
			b += year_total(jur, from);
			yc = year_get(jur, from + 1);
			yc->base = b;
			yc->base_ok = 1;
		}
	} else {
		while (!year_get(jur, from)->base_ok)
			from++;
		b = year_get(jur, from)->base;
		for (; from > y; from--) {
			b -= year_total(jur, from - 1);
			yc = year_get(jur, from - 1);
			yc->base = b;
			yc->base_ok = 1;
		}
	}
	return year_get(jur, y)->base;
}

int cal_year_of(int day)
{
	int y;

	date_to_ymd(day, &y, NULL, NULL);
	return y;
}

/* ---- overrides ---- */

void cal_list_free(struct override_list *ol)
{
	for (size_t i = 0; i < ol->n; i++)
		free(ol->v[i].name);
	free(ol->v);
	memset(ol, 0, sizeof(*ol));
}

static void drop_cache(void)
{
	for (int j = 0; j < CAL_NJUR; j++) {
		for (int i = 0; i <= CACHE_LAST - CACHE_FIRST; i++) {
			free(cache[j][i]);
			cache[j][i] = NULL;
		}
		spare_ok[j] = 0;
	}
}

void cal_release(void)
{
	drop_cache();
	for (int j = 0; j < CAL_NJUR; j++)
		cal_list_free(&overrides[j]);
}

int cal_list_push(struct override_list *ol, int day, char *name)
{
	if (ol->n == ol->alloc) {
		size_t alloc = ol->alloc ? 2 * ol->alloc : 16;
		struct override *v = realloc(ol->v, alloc * sizeof(*v));

		if (!v)
			return -1;
		ol->v = v;
		ol->alloc = alloc;
	}
	ol->v[ol->n++] = (struct override){day, name};
	return 0;
}

/* Overrides of jur (loaded and new) falling in year y, distinct days. */
int cal_overrides_in_year(enum cal_jur jur, const struct override_list *fresh, int y)
{
	const struct override_list *lists[2] = {&overrides[jur], fresh};
	int n = 0;

	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->n; i++) {
			int day = lists[l]->v[i].day, dup = 0;

			if (cal_year_of(day) != y)
				continue;
			/* Count a day once however often it is listed. */
			for (int k = 0; k <= l && !dup; k++)
				for (size_t m = 0; m < (k < l ? lists[k]->n : i); m++)
					if (lists[k]->v[m].day == day) {
						dup = 1;
						break;
					}
			n += !dup;
		}
	return n;
}

/* Take the overrides of fresh (already checked): they are added to the
 * loaded ones and the cache is dropped.  0, or -1 out of memory (fresh
 * keeps what was not taken). */
int cal_overrides_adopt(struct override_list fresh[CAL_NJUR])
{
	for (int j = 0; j < CAL_NJUR; j++)
		for (size_t i = 0; i < fresh[j].n; i++) {
			if (cal_list_push(&overrides[j], fresh[j].v[i].day, fresh[j].v[i].name))
				return -1;
			fresh[j].v[i].name = NULL; /* owned by overrides[] now */
		}
	drop_cache();
	return 0;
}

/* ---- queries ---- */

int cal_year_holidays(enum cal_jur jur, int year, struct cal_holiday *out)
{
	check_jur(jur);
	const struct year_cal *yc = year_get(jur, year);

	memcpy(out, yc->hol, (size_t)yc->nhol * sizeof(*out));
	return yc->nhol;
}

const char *cal_holiday_name(enum cal_jur jur, int day)
{
	check_jur(jur);
	if (day == DATE_NONE)
		return NULL;
	const struct year_cal *yc = year_get(jur, cal_year_of(day));
	int at = yc->hol_at[day - yc->jan1];

	return at ? yc->hol[at - 1].name : NULL;
}

int cal_is_holiday(enum cal_jur jur, int day)
{
	return cal_holiday_name(jur, day) != NULL;
}

int cal_is_working_day(enum cal_jur jur, int day)
{
	return day != DATE_NONE && !is_weekend(day) && !cal_is_holiday(jur, day);
}

int cal_wd_le(enum cal_jur jur, int day)
{
	check_jur(jur);
	if (day == DATE_NONE)
		return 0;
	int y = cal_year_of(day);
	/* Base first: for a year outside the cache it reuses the spare slot. */
	int b = year_base(jur, y);
	const struct year_cal *yc = year_get(jur, y);

	return b + yc->cum[day - yc->jan1];
}

int cal_working_days_between(enum cal_jur jur, int a, int b)
{
	return cal_wd_le(jur, b) - cal_wd_le(jur, a);
}

int cal_within_working_days(enum cal_jur jur, int s, int n)
{
	check_jur(jur);
	if (s == DATE_NONE || n < 0)
		return DATE_NONE;
	if (n == 0)
		return s;

	/* The answer is the first day whose cumulative number reaches target. */
	int target = cal_wd_le(jur, s) + n;
	for (int y = cal_year_of(s);; y++) {
		int b = year_base(jur, y);
		const struct year_cal *yc = year_get(jur, y);
		int want = target - b, lo = 0, hi = yc->ndays - 1;

		if (yc->cum[hi] < want)
			continue;
		/* Smallest day of year with cum >= want: cum rises only on
		 * working days, so that day is one. */
		while (lo < hi) {
			int mid = lo + (hi - lo) / 2;

			if (yc->cum[mid] >= want)
				hi = mid;
			else
				lo = mid + 1;
		}
		return yc->jan1 + lo;
	}
}

int cal_next_working_day(enum cal_jur jur, int day)
{
	return cal_within_working_days(jur, day, 1);
}

int cal_by_working_day(enum cal_jur jur, int raised, int n)
{
	if (raised == DATE_NONE || n < 1)
		return DATE_NONE;
	/* Day 1 is the first working day on or after raised_on: the first
	 * strictly after the day before it. */
	return cal_within_working_days(jur, raised - 1, n);
}
