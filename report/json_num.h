/*
 * json_num.h - doubles in JSON at full precision (DESIGN.md "`oversight
 * metrics --json`": "the shortest text that reads back as the same
 * double").
 *
 *   cJSON_AddItemToObject(o, "p_low", json_num(0.1));   // 0.1, not 0.10000000000000001
 *   cJSON_AddItemToObject(o, "median", json_num(NAN));  // null
 *
 * Papers round for reading; only the JSON carries every digit.
 */
#ifndef OVERSIGHT_JSON_NUM_H
#define OVERSIGHT_JSON_NUM_H

#include <stddef.h>

struct cJSON;

/* The shortest of %.15g, %.16g and %.17g that strtod() reads back as v
 * (%.17g always does).  buf must hold 32 bytes. */
const char *json_num_text(double v, char *buf, size_t cap);

/* A cJSON item for v: that text, or null for NAN and infinities. */
struct cJSON *json_num(double v);

#endif
