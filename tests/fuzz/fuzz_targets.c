/*
 * fuzz_targets.c - a local targets file ("oversight-targets/1", as
 * fixtures/devon/targets.json) through refdata_targets(), the loader
 * `oversight init --targets` runs, rolled back after each input.
 */
#include "common.h"
#include "model/refdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wh *w = fuzz_warehouse(0);
	const char *path = fuzz_file(data, size);

	if (wh_begin(w))
		return 0;
	(void)refdata_targets(w, path);
	wh_rollback(w);
	return 0;
}
