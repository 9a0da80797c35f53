/*
 * profile_date.c - the date formats a profile may name, and which
 * canonical fields hold dates: see profile.h and docs/profiles.md.
 */
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "profile.h"

/* The date formats, by enum profile_datefmt.  All but "excel" are parsed
 * by glibc's strptime(3); its leniency (it takes 31/04/2025 and
 * 2025-02-29) is closed by date_valid() afterwards. */
static const char *const datefmt_name[PD_COUNT] = {
	[PD_ISO] = "%Y-%m-%d",
	[PD_DMY] = "%d/%m/%Y",
	[PD_DMY2] = "%d/%m/%y",
	[PD_DBY2] = "%d-%b-%y",
	[PD_DBFULL] = "%d %B %Y",
	[PD_DMY_HM] = "%d/%m/%Y %H:%M",
	[PD_DMY_HMS] = "%d/%m/%Y %H:%M:%S",
	[PD_ISO_T] = "%Y-%m-%dT%H:%M:%S",
	[PD_ISO_HMS] = "%Y-%m-%d %H:%M:%S",
	[PD_EXCEL] = "excel",
};

const char *profile_datefmt_name(int fmt)
{
	return fmt >= 0 && fmt < PD_COUNT ? datefmt_name[fmt] : "?";
}

int profile_is_date_field(int f)
{
	return f == CF_RAISED_ON || f == CF_CLOSED_ON || (f >= CF_STAGE1 && f <= CF_STAGE9) ||
	       f == CF_STAGE0 || f == CF_FEEDBACK_ON;
}

/* ------------------------------------------------------------------ */
/* dates                                                               */

/*
 * Excel's 1900 date system: serial 1 is 1900-01-01, and Excel (after
 * Lotus 1-2-3) counts a 1900-02-29 that never was as serial 60, so from
 * serial 61 (1900-03-01) on, day = 1899-12-30 + serial.  A fraction is the
 * time of day.  No strptime format can say this, so it is parsed here.
 */
static int parse_excel(const char *s, size_t len, int *day)
{
	long serial = 0;
	size_t i = 0;

	if (len == 0)
		return -1;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		serial = serial * 10 + (s[i] - '0');
		if (serial > 2958465) /* 9999-12-31 */
			return -1;
	}
	if (i == 0)
		return -1;
	if (i < len) {
		/* a time of day: ".5" is noon */
		if (s[i] != '.' || i + 1 == len)
			return -1;
		for (i++; i < len; i++)
			if (s[i] < '0' || s[i] > '9')
				return -1;
	}
	if (serial < 1 || serial == 60)
		return -1;
	if (serial < 60)
		*day = date_from_ymd(1899, 12, 31) + (int)serial;
	else
		*day = date_from_ymd(1899, 12, 30) + (int)serial;
	return 0;
}

int profile_parse_date(int fmt, const char *s, size_t len, int *day)
{
	char buf[64];
	struct tm tm;
	const char *end;
	int y, m, d;

	if (fmt == PD_EXCEL)
		return parse_excel(s, len, day);
	if (fmt == PD_ISO) {
		if (date_parse_iso(s, len, day))
			return -1;
		return 0;
	}
	if (len == 0 || len >= sizeof(buf) || memchr(s, '\0', len))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	/* strptime lets white space stand anywhere a number starts and lets
	 * one space in the format match any run of it: a value may hold a
	 * space only where its format has one, and one space only. */
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == ' ' && (!strchr(datefmt_name[fmt], ' ') || i == 0 || buf[i - 1] == ' '))
			return -1;
		if (buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\v' ||
		    buf[i] == '\f')
			return -1;
	}
	memset(&tm, 0, sizeof(tm));
	end = strptime(buf, datefmt_name[fmt], &tm);
	if (!end || *end)
		return -1;
	y = tm.tm_year + 1900;
	m = tm.tm_mon + 1;
	d = tm.tm_mday;
	/* %Y takes "25" as the year 25: a four-figure year is meant */
	if ((fmt == PD_DMY || fmt == PD_DBFULL || fmt == PD_DMY_HM || fmt == PD_DMY_HMS ||
	     fmt == PD_ISO_T || fmt == PD_ISO_HMS) && y < 1000)
		return -1;
	if (!date_valid(y, m, d))
		return -1;
	*day = date_from_ymd(y, m, d);
	return 0;
}
