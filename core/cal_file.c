/*
 * cal_file.c - holiday override files (gov.uk's bank-holidays.json
 * format) into the calendar: cal_load_overrides() of cal.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cal.h"
#include "cal_int.h"
#include "date.h"
#include "msg.h"
#include "util.h"

/*
 * The events of one division into fresh.  Returns 0, or -1 after error()
 * naming path, the division and the event's number (1-based).
 */
static int read_division(const char *path, const char *key, const cJSON *div,
			 struct override_list *fresh)
{
	const cJSON *events = cJSON_GetObjectItemCaseSensitive(div, "events");
	const cJSON *ev;
	int i = 0;

	if (!cJSON_IsObject(div) || !cJSON_IsArray(events))
		return error("%s: %s: no \"events\" array", path, key);
	cJSON_ArrayForEach(ev, events) {
		const cJSON *date = cJSON_GetObjectItemCaseSensitive(ev, "date");
		const cJSON *title = cJSON_GetObjectItemCaseSensitive(ev, "title");
		const char *name = "Bank holiday";
		char *copy;
		int day;

		i++;
		if (!cJSON_IsObject(ev))
			return error("%s: %s: event %d: not an object", path, key, i);
		if (!date)
			return error("%s: %s: event %d: no \"date\"", path, key, i);
		if (!cJSON_IsString(date))
			return error("%s: %s: event %d: \"date\" is not a string", path, key, i);
		switch (date_parse_iso(date->valuestring, strlen(date->valuestring), &day)) {
		case 0:
			break;
		case DATE_ERR_IMPOSSIBLE: /* of the form, but no day: as canon.c says it */
			return error("%s: %s: event %d: date: %s is not a real date", path, key, i,
				     date->valuestring);
		default:
			return error("%s: %s: event %d: date: \"%.40s\" is not a date (YYYY-MM-DD)",
				     path, key, i, date->valuestring);
		}
		if (title && !cJSON_IsNull(title)) {
			if (!cJSON_IsString(title))
				return error("%s: %s: event %d: \"title\" is not a string",
					     path, key, i);
			if (*title->valuestring)
				name = title->valuestring;
		}
		copy = strdup(name);
		if (!copy || cal_list_push(fresh, day, copy)) {
			free(copy);
			return error("%s: out of memory", path);
		}
	}
	return 0;
}

int cal_load_overrides(const char *path)
{
	struct override_list fresh[CAL_NJUR] = {{0}};
	const cJSON *div;
	cJSON *root = NULL;
	char *text = NULL;
	size_t len = 0;
	int ret = -2;

	text = util_slurp(path, 0, &len);
	if (!text) {
		error("%s: %s", path, strerror(errno));
		ret = -1;
		goto cleanup;
	}
	root = util_json_parse(path, text, len);
	if (!root)
		goto cleanup;
	if (!cJSON_IsObject(root)) {
		error("%s: not a JSON object of divisions", path);
		goto cleanup;
	}
	cJSON_ArrayForEach(div, root) {
		/* Other divisions (northern-ireland) are not ours to check. */
		int jur = cal_jur_parse(div->string);

		if (jur < 0)
			continue;
		if (read_division(path, div->string, div, &fresh[jur]))
			goto cleanup;
	}
	for (int j = 0; j < CAL_NJUR; j++)
		for (size_t i = 0; i < fresh[j].n; i++) {
			int y = cal_year_of(fresh[j].v[i].day);

			if (cal_overrides_in_year(j, &fresh[j], y) > OVERRIDE_YEAR_MAX) {
				error("%s: %s: more than %d added days in %d", path,
				      cal_jur_name(j), OVERRIDE_YEAR_MAX, y);
				goto cleanup;
			}
		}
	if (cal_overrides_adopt(fresh)) {
		error("%s: out of memory", path);
		goto cleanup;
	}
	ret = 0;
cleanup:
	for (int j = 0; j < CAL_NJUR; j++)
		cal_list_free(&fresh[j]);
	cJSON_Delete(root);
	free(text);
	return ret;
}

