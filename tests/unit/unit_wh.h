/*
 * unit_wh.h - a new, empty warehouse in a directory of its own, for a
 * unit test, and its removal with the files SQLite and the key leave
 * beside it.
 *
 *   struct unit_wh u;
 *   struct wh *w = unit_wh_new(&u, "twin");   // NULL after a failure
 *   ...
 *   wh_close(w);
 *   unit_wh_remove(&u);
 */
#ifndef OVERSIGHT_UNIT_WH_H
#define OVERSIGHT_UNIT_WH_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/wh.h"

struct unit_wh {
	char dir[64], path[96];
};

static inline struct wh *unit_wh_new(struct unit_wh *u, const char *name)
{
	struct wh *w = NULL;

	snprintf(u->dir, sizeof(u->dir), "/tmp/oversight-%s-XXXXXX", name);
	if (!mkdtemp(u->dir)) {
		perror("mkdtemp");
		u->path[0] = '\0';
		return NULL;
	}
	snprintf(u->path, sizeof(u->path), "%s/w.db", u->dir);
	if (wh_open(u->path, WH_CREATE | WH_ANY_VERSION, &w) || wh_migrate(w)) {
		wh_close(w);
		return NULL;
	}
	return w;
}

static inline void unit_wh_remove(const struct unit_wh *u)
{
	const char *ext[] = {"", "-wal", "-shm", ".key", "-journal"};
	char side[112];

	if (!u->path[0])
		return;
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(side, sizeof(side), "%s%s", u->path, ext[i]);
		unlink(side);
	}
	rmdir(u->dir);
}

#endif
