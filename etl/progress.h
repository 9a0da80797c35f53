/*
 * progress.h - the progress line a long load shows at a terminal: rows,
 * rows per second and the share of the file read, at most twice a second,
 * cleared when the load ends (ingest_set_progress()).
 */
#ifndef OVERSIGHT_PROGRESS_H
#define OVERSIGHT_PROGRESS_H

#include <stdio.h>

struct progress {
	FILE *fp;          /* NULL: show nothing */
	long long size;    /* fp's size in bytes */
	double start, last;
	int shown;
};

/* Show progress of reading fp (size bytes) for file. */
void progress_start(struct progress *p, FILE *fp, long long size);

/* After each row read (nread rows so far): every 4096 rows, look at the
 * clock, and redraw the line when half a second has passed. */
void progress_tick(struct progress *p, const char *file, long nread);

/* Clear the line if it was shown. */
void progress_clear(struct progress *p);

#endif
