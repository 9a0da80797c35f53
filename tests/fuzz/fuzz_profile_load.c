/*
 * fuzz_profile_load.c - agency exports read through their profiles end to
 * end: the wide and long CSV shapes (etl/shape_profile_csv.c, Windows-1252
 * through iconv for dc-police), the JSON shape (etl/shape_json.c), the
 * value maps and date formats (etl/profile.c), then canon_validate() and
 * the ingest path into the warehouse, rolled back after each input.
 *
 * The first byte of an input picks the profile (devon's four, in the
 * order of profiles[] below); the rest is the file.  Checked beyond "no
 * crash": read = loaded + updated + unchanged + merged + rejected.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "etl/ingest.h"
#include "etl/profile.h"

static const char *const profiles[] = {"dc-police-wide", "devon-cs-long", "education-long",
				       "nhs-devon-json"};
#define NPROFILE (sizeof(profiles) / sizeof(profiles[0]))

static int sink_row(void *ctx, const struct canon_in *in, const char *raw)
{
	return ingest_row(ctx, in, raw);
}

static int sink_reject(void *ctx, long line, int col, const char *field, const char *reason,
		       const char *raw)
{
	return ingest_reject(ctx, line, col, field, reason, raw);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct profile *pf[NPROFILE];
	struct wh *w = fuzz_warehouse(1);
	struct ingest_counts n;
	struct ingest *g;
	FILE *fp;
	size_t which;

	if (!pf[0])
		for (size_t i = 0; i < NPROFILE; i++) {
			char path[PATH_MAX];
			int status;

			snprintf(path, sizeof(path), "%s/fixtures/devon/profiles/%s.json", fuzz_root(),
				 profiles[i]);
			pf[i] = profile_load(path, &status);
			if (!pf[i] || profile_check_ref(pf[i], fuzz_ref()))
				abort();
		}
	if (size < 1)
		return 0;
	which = data[0] % NPROFILE;
	fp = fmemopen(size > 1 ? (void *)(data + 1) : (void *)"", size - 1, "rb");
	if (!fp)
		abort();
	g = ingest_begin(w, fuzz_ref(), fuzz_key(), "fuzz.csv", "0", pf[which]->name);
	if (!g)
		abort();
	ingest_set_echo(g, 0);
	struct profile_sink sink = {sink_row, sink_reject, g};
	(void)profile_read(pf[which], fp, "fuzz.csv", &sink);
	fclose(fp);
	n = *ingest_counts(g);
	if (n.read != n.loaded + n.updated + n.unchanged + n.merged + n.rejected)
		abort();
	ingest_end(g, 0, NULL);
	return 0;
}
