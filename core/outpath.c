/*
 * outpath.c - the check of an output path: see outpath.h.
 */
#include <string.h>

#include "msg.h"
#include "outpath.h"

/* A ".." component: at the start or after '/', and followed by '/' or
 * the end. */
static int climbs(const char *d)
{
	const char *p = d;

	while ((p = strstr(p, "..")) != NULL) {
		if ((p == d || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
			return 1;
		p += 2;
	}
	return 0;
}

void outpath_check(const char *cmd, const char *opt, const char *path)
{
	if (!path || !*path)
		usage_error(cmd, "%s: empty path; give the folder to write into", opt);
	if (climbs(path))
		usage_error(cmd, "%s: '%s' climbs out with '..'; give the folder itself", opt, path);
}
