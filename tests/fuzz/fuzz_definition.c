/*
 * fuzz_definition.c - a partnership definition (protocols/README.md,
 * "oversight-partnership/1") through refdata_partnership(), the loader
 * `oversight init --definition` runs, into the warehouse inside a
 * transaction that is rolled back after each input.
 */
#include "common.h"
#include "model/refdata.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wh *w = fuzz_warehouse(0);
	const char *path = fuzz_file(data, size);

	if (wh_begin(w))
		return 0;
	(void)refdata_partnership(w, path);
	wh_rollback(w);
	return 0;
}
