/*
 * progress.c - a long load's progress line: see progress.h.
 */
#include <time.h>

#include "progress.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(struct progress *p, FILE *fp, long long size)
{
	p->fp = fp;
	p->size = size > 0 ? size : 1;
	p->start = p->last = now();
}

void progress_tick(struct progress *p, const char *file, long nread)
{
	double t;
	long pos;

	if (!p->fp || (nread & 4095) != 0)
		return;
	t = now();
	if (t - p->last < 0.5)
		return;
	p->last = t;
	pos = ftell(p->fp);
	fprintf(stderr, "\r%s: %ld rows, %.0f rows/s, %d%%   ", file, nread,
		(double)nread / (t - p->start),
		pos < 0 ? 0 : (int)(100.0 * (double)pos / (double)p->size));
	p->shown = 1;
}

void progress_clear(struct progress *p)
{
	if (p->shown)
		fprintf(stderr, "\r%*s\r", 78, "");
}
