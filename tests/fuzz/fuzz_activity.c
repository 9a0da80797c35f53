/*
 * fuzz_activity.c - the activity CSV (profile "activity") end to end:
 * csvin, shape_activity(), ingest_activity() into the warehouse, rolled
 * back after each input.
 */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "core/date.h"
#include "etl/ingest.h"
#include "etl/shape.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wh *w = fuzz_warehouse(0);
	struct shape_opts o = {(int)(size & 1), NULL, DATE_NONE, NULL, 0};
	struct ingest_counts n;
	struct ingest *g;
	FILE *fp;

	fp = fmemopen(size ? (void *)data : (void *)"", size, "rb");
	if (!fp)
		abort();
	g = ingest_begin(w, fuzz_ref(), fuzz_key(), "fuzz.csv", "0", "activity");
	if (!g)
		abort();
	ingest_set_echo(g, 0);
	(void)shape_activity(g, fp, "fuzz.csv", &o);
	fclose(fp);
	n = *ingest_counts(g);
	if (n.read != n.loaded + n.updated + n.unchanged + n.merged + n.rejected)
		abort();
	ingest_end(g, 0, NULL);
	return 0;
}
