/*
 * activity.c - validate an activity row: see activity.h.
 */
#include <stdio.h>
#include <string.h>

#include "activity.h"
#include "core/cli.h"

static const char *const names[ACT_NFIELDS] = {"partnership", "agency", "quarter", "measure",
					       "value"};

const char *activity_field_name(int i)
{
	return names[i];
}

/* A count of at most 12 digits; 0, or the field's number plus one. */
static int check_value(const char *v, long long *value, char *msg, size_t cap)
{
	const char *s = v;
	int digits = 0;

	*value = 0;
	if (*s == '-') {
		snprintf(msg, cap, "value: '%.60s' is negative; activity is a count", v);
		return ACT_VALUE + 1;
	}
	for (; *s >= '0' && *s <= '9' && digits < 12; s++, digits++)
		*value = *value * 10 + (*s - '0');
	if (*s >= '0' && *s <= '9' && !s[strspn(s, "0123456789")]) {
		/* A count, but more than 12 digits: no agency's activity. */
		snprintf(msg, cap, "value: '%.60s' is too large for a count", v);
		return ACT_VALUE + 1;
	}
	if (*s || digits == 0) {
		snprintf(msg, cap, "value: '%.60s' is not a whole number", v);
		return ACT_VALUE + 1;
	}
	return 0;
}

int activity_check(const struct ref *r, char *const *v, const struct ref_partnership **p,
		   long long *value, char *msg, size_t cap)
{
	int year, q;

	for (int i = 0; i < ACT_NFIELDS; i++)
		if (!v[i] || !*v[i]) {
			snprintf(msg, cap, "%s: required value missing", names[i]);
			return i + 1;
		}
	*p = ref_find_partnership(r, v[ACT_PARTNERSHIP]);
	if (!*p) {
		char *ids[64], hint[320];
		int n = r->npartnership < 64 ? r->npartnership : 64;

		for (int i = 0; i < n; i++)
			ids[i] = r->partnership[i].id;
		snprintf(msg, cap, "partnership: unknown partnership '%.60s'%s", v[ACT_PARTNERSHIP],
			 ref_hint(hint, sizeof(hint), "partnerships", v[ACT_PARTNERSHIP], ids, n));
		return ACT_PARTNERSHIP + 1;
	}
	if (ref_agency_index(*p, v[ACT_AGENCY]) < 0) {
		char hint[320];

		snprintf(msg, cap, "agency: unknown agency '%.60s' in %s%s", v[ACT_AGENCY], (*p)->id,
			 ref_hint(hint, sizeof(hint), "agencies", v[ACT_AGENCY], (*p)->agency,
				  (*p)->nagency));
		return ACT_AGENCY + 1;
	}
	if (cli_parse_quarter(v[ACT_QUARTER], &year, &q) || v[ACT_QUARTER][5] != 'Q' || year < 2000) {
		snprintf(msg, cap, "quarter: '%.60s' is not a quarter (YYYY-Qn)", v[ACT_QUARTER]);
		return ACT_QUARTER + 1;
	}
	if (strlen(v[ACT_MEASURE]) > 64) {
		snprintf(msg, cap, "measure: longer than 64 characters");
		return ACT_MEASURE + 1;
	}
	return check_value(v[ACT_VALUE], value, msg, cap);
}
