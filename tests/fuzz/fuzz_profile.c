/*
 * fuzz_profile.c - an agency export profile ("oversight-profile/1",
 * etl/profile.h) through profile_load(), the reader `oversight load
 * --profile FILE` runs, and, when it is accepted, profile_check_ref()
 * against the shipped reference data.
 */
#include "common.h"
#include "etl/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size);
	struct profile *pf;
	int status = 0;

	fuzz_ref();
	pf = profile_load(path, &status);
	if (pf)
		(void)profile_check_ref(pf, fuzz_ref());
	profile_free(pf);
	return 0;
}
