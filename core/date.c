/*
 * date.c - civil dates as day numbers: see date.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"

int date_from_ymd(int y, int m, int d)
{
	/* Hinnant, "chrono-Compatible Low-Level Date Algorithms". */
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2u) / 5u + (unsigned)d - 1u;
	unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
	return era * 146097 + (int)doe - 719468;
}

void date_to_ymd(int day, int *py, int *pm, int *pd)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
	int y = (int)yoe + era * 400;
	unsigned doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
	unsigned mp = (5u * doy + 2u) / 153u;
	unsigned d = doy - (153u * mp + 2u) / 5u + 1u;
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);

	if (py)
		*py = y + (m <= 2);
	if (pm)
		*pm = m;
	if (pd)
		*pd = (int)d;
}

int date_days_in_month(int y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return mdays[m - 1];
}

int date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

int date_weekday(int day)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	int w = (day + 3) % 7;
	return w < 0 ? w + 7 : w;
}

static int digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse_iso(const char *s, size_t len, int *out)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) ||
	    digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return DATE_ERR_FORM;
	if (!date_valid(y, m, d))
		return DATE_ERR_IMPOSSIBLE;
	*out = date_from_ymd(y, m, d);
	return 0;
}

int date_of_text(const char *s)
{
	int day;

	return s && date_parse_iso(s, strlen(s), &day) == 0 ? day : DATE_NONE;
}

static const char *const month_names[] = {"January", "February", "March",     "April",
					  "May",     "June",     "July",      "August",
					  "September", "October", "November", "December"};

const char *date_month_name(int m)
{
	return m >= 1 && m <= 12 ? month_names[m - 1] : "";
}

const char *date_words(int day, char *buf, size_t cap)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	snprintf(buf, cap, "%d %s %d", d, date_month_name(m), y);
	return buf;
}

const char *date_span_words(int from, int to, char *buf, size_t cap)
{
	int fy, fm, fd, ty, tm, td;

	date_to_ymd(from, &fy, &fm, &fd);
	date_to_ymd(to, &ty, &tm, &td);
	if (fy == ty)
		snprintf(buf, cap, "%d %s to %d %s %d", fd, date_month_name(fm), td,
			 date_month_name(tm), ty);
	else
		snprintf(buf, cap, "%d %s %d to %d %s %d", fd, date_month_name(fm), fy, td,
			 date_month_name(tm), ty);
	return buf;
}

/* The days date_format() made last on this thread, one a slot (day
 * modulo DATE_MADE): the loader formats a dozen dates a row, millions of
 * rows, and nearly all of them it made a row or two before. */
#define DATE_MADE 256
static _Thread_local struct {
	unsigned tag; /* the day + 1; 0: none yet */
	char text[10];
} made[DATE_MADE];

char *date_format(int day, char *buf)
{
	unsigned tag = (unsigned)day + 1u, slot = (unsigned)day % DATE_MADE;
	int y, m, d;

	if (tag && made[slot].tag == tag) {
		memcpy(buf, made[slot].text, 10);
		buf[10] = '\0';
		return buf;
	}
	/* By hand: printf's machinery shows in the loader's profile. */
	date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
		return buf;
	}
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	made[slot].tag = tag;
	memcpy(made[slot].text, buf, 10);
	return buf;
}

int date_quarter_start(int year, int q)
{
	return date_from_ymd(year, 3 * (q - 1) + 1, 1);
}

int date_quarter_end(int year, int q)
{
	return q == 4 ? date_from_ymd(year, 12, 31) : date_quarter_start(year, q + 1) - 1;
}

int date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
