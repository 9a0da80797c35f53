/*
 * progress.c - a long load's progress line: see progress.h.
 */
#include <stdlib.h>
#include <time.h>

#include "progress.h"

#define PROGRESS_EVERY 0.5 /* seconds between two redraws of the line */
#define PROGRESS_DELAY 0.5 /* seconds before the first, unless set */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* OVERSIGHT_PROGRESS_DELAY, as git's GIT_PROGRESS_DELAY: the seconds a
 * load runs before its line is first shown (default half a second). */
static double delay(void)
{
	const char *env = getenv("OVERSIGHT_PROGRESS_DELAY");
	char *end;
	double d;

	if (!env || !*env)
		return PROGRESS_DELAY;
	d = strtod(env, &end);
	return *end || d < 0 ? PROGRESS_DELAY : d;
}

void progress_start(struct progress *p, FILE *fp, long long size)
{
	p->fp = fp;
	p->size = size > 0 ? size : 1;
	p->start = now();
	p->delay = delay();
	p->shown = 0;
}

/* Whether the line is due at t: first after the delay, then every
 * PROGRESS_EVERY seconds. */
static int due(const struct progress *p, double t)
{
	return p->shown ? t - p->last >= PROGRESS_EVERY : t - p->start >= p->delay;
}

void progress_tick(struct progress *p, const char *file, long nread)
{
	double t;
	long pos;

	if (!p->fp || nread == 0 || (nread & 4095) != 0)
		return;
	t = now();
	if (!due(p, t))
		return;
	p->last = t;
	pos = ftell(p->fp);
	fprintf(stderr, "\r%s: %ld rows, %.0f rows/s, %d%%   ", file, nread,
		t > p->start ? (double)nread / (t - p->start) : 0.0,
		pos < 0 ? 0 : (int)(100.0 * (double)pos / (double)p->size));
	p->shown = 1;
}

void progress_saving(struct progress *p, const char *file, long nread)
{
	if (!p->fp || (!p->shown && now() - p->start < p->delay))
		return;
	fprintf(stderr, "\r%s: %ld rows read, saving them to the warehouse   ", file, nread);
	p->shown = 1;
}

void progress_clear(struct progress *p)
{
	if (p->shown)
		fprintf(stderr, "\r%*s\r", 78, "");
	p->shown = 0;
}
