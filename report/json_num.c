/*
 * json_num.c - doubles in JSON at full precision: see json_num.h.
 *
 * cJSON prints a double with %.15g, or %.17g when that does not read
 * back: 0.1 + 0.2 comes out as 0.30000000000000004 (right), but a value
 * that needs exactly 16 digits gets 17, one more than it needs.  So the
 * text is made here and handed to cJSON as a raw item.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/msg.h"
#include "json_num.h"

const char *json_num_text(double v, char *buf, size_t cap)
{
	static const int digits[] = {15, 16, 17};

	for (size_t i = 0; i < sizeof(digits) / sizeof(digits[0]); i++) {
		snprintf(buf, cap, "%.*g", digits[i], v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

cJSON *json_num(double v)
{
	char buf[32];
	cJSON *item;

	if (isnan(v) || isinf(v))
		return cJSON_CreateNull();
	/* -0 reads back as 0 in every JSON reader: write 0. */
	item = cJSON_CreateRaw(json_num_text(v == 0 ? 0 : v, buf, sizeof(buf)));
	if (!item)
		die(EXIT_INTERNAL, "out of memory");
	return item;
}
