/*
 * calendar_list.c - oversight calendar once its options are parsed: see
 * calendar_list.h.
 */
#include <stdio.h>

#include "calendar_list.h"
#include "core/date.h"

/* Print the bank holidays of jur in [from, to]. */
static void list_holidays(enum cal_jur jur, int from, int to)
{
	struct cal_holiday h[CAL_YEAR_MAX];
	char buf[11];
	int y0, y1;

	date_to_ymd(from, &y0, NULL, NULL);
	date_to_ymd(to, &y1, NULL, NULL);
	for (int y = y0; y <= y1; y++) {
		int n = cal_year_holidays(jur, y, h);

		for (int i = 0; i < n; i++)
			if (h[i].day >= from && h[i].day <= to)
				printf("%s\t%s\n", date_format(h[i].day, buf), h[i].name);
	}
}

/* Print the working days of jur in [from, to]. */
static void list_working_days(enum cal_jur jur, int from, int to)
{
	char buf[11];

	for (int d = from; d <= to; d++)
		if (cal_is_working_day(jur, d))
			printf("%s\n", date_format(d, buf));
}

enum err calendar_list(enum cal_jur jur, int from, int to, int working, const char **files,
		       int nfiles)
{
	enum err e = ERR_NONE;

	for (int i = 0; i < nfiles; i++) {
		int r = cal_load_overrides(files[i]);

		if (r) {
			e = r == -1 ? ERR_ENV : ERR_DATA;
			goto out;
		}
	}
	if (working)
		list_working_days(jur, from, to);
	else
		list_holidays(jur, from, to);
	if (fflush(stdout) || ferror(stdout)) {
		error("calendar: cannot write the output");
		e = ERR_ENV;
	}
out:
	cal_release();
	return e;
}
