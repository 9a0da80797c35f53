/*
 * fuzz_load.c - the canonical CSV path end to end: csvin (libcsv), the
 * header and row checks of shape_canonical.c, canon_validate(), and the
 * ingest path (pseudonymise, store, reconcile) into a warehouse that
 * already holds the devon fixtures, so updates and merges are reached.
 *
 * Each input is one file; its load is rolled back afterwards (as a
 * refused file is), so every input meets the same warehouse.  Checked
 * beyond "no crash": read = loaded + updated + unchanged + merged +
 * rejected (DESIGN.md), and a refused file prints its error.
 */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "core/date.h"
#include "etl/ingest.h"
#include "etl/shape.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wh *w = fuzz_warehouse(1);
	/* --ignore-unknown on odd sizes; the rest as oversight load sets it */
	struct shape_opts o = {(int)(size & 1), NULL, DATE_NONE, NULL, 0};
	struct ingest_counts n;
	struct ingest *g;
	FILE *fp;

	fp = fmemopen(size ? (void *)data : (void *)"", size, "rb");
	if (!fp)
		abort();
	g = ingest_begin(w, fuzz_ref(), fuzz_key(), "fuzz.csv", "0", "canonical");
	if (!g)
		abort();
	ingest_set_echo(g, 0);
	(void)shape_canonical(g, fp, "fuzz.csv", &o);
	fclose(fp);
	n = *ingest_counts(g);
	if (n.read != n.loaded + n.updated + n.unchanged + n.merged + n.rejected)
		abort();
	ingest_end(g, 0, NULL);
	return 0;
}
