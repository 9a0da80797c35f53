/*
 * writeback.c - a first load's pages sent to disk while it runs: see
 * writeback.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "core/util.h"
#include "writeback.h"

struct writeback {
	pthread_t thread;
	pthread_mutex_t mu; /* guards stop */
	pthread_cond_t cv;  /* stop was set */
	int stop;
	int fd;             /* the warehouse's file (wh_file_fd(): not owned) */
};

/* Start writing out what is waiting; no need to wait for it. */
static void write_out(int fd)
{
#ifdef SYNC_FILE_RANGE_WRITE
	(void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
	(void)fdatasync(fd);
#endif
}

static void *run(void *arg)
{
	struct writeback *b = arg;
	struct timespec at;

	pthread_mutex_lock(&b->mu);
	while (!b->stop) {
		clock_gettime(CLOCK_REALTIME, &at);
		at.tv_nsec += WRITEBACK_MS * 1000000L;
		if (at.tv_nsec >= 1000000000L) {
			at.tv_sec++;
			at.tv_nsec -= 1000000000L;
		}
		if (pthread_cond_timedwait(&b->cv, &b->mu, &at) != ETIMEDOUT || b->stop)
			continue;
		pthread_mutex_unlock(&b->mu);
		write_out(b->fd);
		pthread_mutex_lock(&b->mu);
	}
	pthread_mutex_unlock(&b->mu);
	return NULL;
}

struct writeback *writeback_start(struct wh *w)
{
	struct writeback *b;
	int fd;

	if (util_one_thread() || (fd = wh_file_fd(w)) < 0)
		return NULL;
	b = xcalloc(1, sizeof(*b));
	b->fd = fd;
	pthread_mutex_init(&b->mu, NULL);
	pthread_cond_init(&b->cv, NULL);
	if (pthread_create(&b->thread, NULL, run, b) != 0) {
		pthread_cond_destroy(&b->cv);
		pthread_mutex_destroy(&b->mu);
		free(b);
		return NULL;
	}
	/* as ps and /proc show it (tests/t-alone.sh looks for it) */
	(void)pthread_setname_np(b->thread, "writeback");
	return b;
}

void writeback_stop(struct writeback *b)
{
	if (!b)
		return;
	pthread_mutex_lock(&b->mu);
	b->stop = 1;
	pthread_cond_signal(&b->cv);
	pthread_mutex_unlock(&b->mu);
	pthread_join(b->thread, NULL);
	pthread_cond_destroy(&b->cv);
	pthread_mutex_destroy(&b->mu);
	free(b);
}
