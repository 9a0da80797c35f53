/*
 * fuzz_date.c - date_parse_iso(), and the calendar on whatever it
 * accepts; also the --quarter parser.
 *
 * Checked: a parsed date formats back to the same ten bytes; its weekday
 * and working-day answers agree with each other (a working day is a
 * weekday and no bank holiday; cal_by_working_day(d, 1) is d itself on a
 * working day; the next working day is after d and one working day on).
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "core/cal.h"
#include "core/cli.h"
#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int day, y, q;
	char buf[16];
	char s[32];

	if (size < sizeof(s)) {
		memcpy(s, data, size);
		s[size] = '\0';
		if (cli_parse_quarter(s, &y, &q) == 0 && (q < 1 || q > 4))
			abort();
	}
	if (date_parse_iso((const char *)data, size, &day) != 0)
		return 0;
	if (memcmp(date_format(day, buf), data, 10) != 0)
		abort();
	date_to_ymd(day, &y, NULL, NULL);
	for (int j = 0; j < CAL_NJUR; j++) {
		int wd = cal_is_working_day(j, day);

		if (wd && (date_weekday(day) > 4 || cal_is_holiday(j, day)))
			abort();
		/* Working-day counts walk year by year from 1990: keep them to
		 * the years a warehouse can hold. */
		if (y < 1990 || y > 2100)
			continue;
		int next = cal_next_working_day(j, day);

		if (next <= day || !cal_is_working_day(j, next) ||
		    cal_working_days_between(j, day, next) != 1)
			abort();
		if (wd && cal_by_working_day(j, day, 1) != day)
			abort();
		if (cal_within_working_days(j, day, 1) != next)
			abort();
	}
	return 0;
}
