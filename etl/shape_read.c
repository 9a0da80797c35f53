/*
 * shape_read.c - a file read through a profile: the one place that
 * chooses the shape reader (shape_profile_csv.c, shape_json.c).  The
 * readers build records with record.c; neither calls back up here.
 */
#include "profile.h"

int profile_read(const struct profile *pf, FILE *fp, const char *name,
		 const struct profile_sink *sink)
{
	if (pf->shape == PROFILE_JSON)
		return profile_read_json(pf, fp, name, sink);
	return profile_read_csv(pf, fp, name, sink);
}
