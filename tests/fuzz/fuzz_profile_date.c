/*
 * fuzz_profile_date.c - the date formats a profile may name
 * (profile_parse_date(), etl/profile.h): %d/%m/%Y, %d-%b-%y, Excel serial
 * numbers and the rest.  The first byte picks the format.  Checked: an
 * accepted date is a real day of years 1..9999 (date_valid) and formats
 * back to ten ISO characters.
 */
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "core/date.h"
#include "etl/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int day, y, m, d;
	char buf[16];

	if (size < 1)
		return 0;
	if (profile_parse_date(data[0] % PD_COUNT, (const char *)data + 1, size - 1, &day) != 0)
		return 0;
	date_to_ymd(day, &y, &m, &d);
	if (!date_valid(y, m, d) || strlen(date_format(day, buf)) != 10)
		abort();
	return 0;
}
