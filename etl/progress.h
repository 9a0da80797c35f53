/*
 * progress.h - the progress line a long load shows at a terminal: rows,
 * rows per second and the share of the file read, at most twice a second;
 * then, while the rows are saved, that they are; cleared when the load
 * ends (ingest_set_progress()).  Nothing is shown before the load has run
 * half a second, or OVERSIGHT_PROGRESS_DELAY seconds.
 */
#ifndef OVERSIGHT_PROGRESS_H
#define OVERSIGHT_PROGRESS_H

#include <stdio.h>

struct progress {
	FILE *fp;          /* NULL: show nothing */
	long long size;    /* fp's size in bytes */
	double start, last;
	double delay;      /* seconds before the line is first shown */
	int shown;         /* the line is on the terminal */
};

/* Show progress of reading fp (size bytes) for file. */
void progress_start(struct progress *p, FILE *fp, long long size);

/* After each row read (nread rows so far): every 4096 rows, look at the
 * clock, and redraw the line when it is due. */
void progress_tick(struct progress *p, const char *file, long nread);

/* The rows are all read (nread of them) and are being saved: say so, if
 * the load has run long enough to show a line at all. */
void progress_saving(struct progress *p, const char *file, long nread);

/* Clear the line if it is shown. */
void progress_clear(struct progress *p);

#endif
