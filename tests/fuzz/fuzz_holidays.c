/*
 * fuzz_holidays.c - the bank-holiday override file (gov.uk's
 * bank-holidays.json format) through cal_load_overrides(), then the
 * calendar with the overrides in force.
 *
 * Checked: a file that loads makes each of its days a holiday of its
 * jurisdiction (the override only ADDS days, core/cal.h), a year's list
 * stays within CAL_YEAR_MAX and sorted; a file that fails leaves the
 * calendar as it was.
 */
#include <stdlib.h>

#include "common.h"
#include "core/cal.h"

#define FIRST 2024
#define LAST 2027

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int base[CAL_NJUR][LAST - FIRST + 1], have_base;
	const char *path = fuzz_file(data, size);
	struct cal_holiday h[CAL_YEAR_MAX];
	int rc;

	if (!have_base) {
		for (int j = 0; j < CAL_NJUR; j++)
			for (int y = FIRST; y <= LAST; y++)
				base[j][y - FIRST] = cal_year_holidays(j, y, h);
		have_base = 1;
	}
	rc = cal_load_overrides(path);
	if (rc != 0 && rc != -1 && rc != -2)
		abort();
	for (int j = 0; j < CAL_NJUR; j++)
		for (int y = FIRST; y <= LAST; y++) {
			int n = cal_year_holidays(j, y, h);

			if (n < base[j][y - FIRST] || n > CAL_YEAR_MAX)
				abort();
			if (rc != 0 && n != base[j][y - FIRST])
				abort(); /* a refused file added days */
			for (int i = 1; i < n; i++)
				if (h[i].day <= h[i - 1].day)
					abort();
			for (int i = 0; i < n; i++)
				if (!h[i].name || !cal_is_holiday(j, h[i].day))
					abort();
		}
	cal_release();
	return 0;
}
