/*
 * wherr.h - which SQLite failures are the environment's.
 *
 * README's exit codes: 3 is the environment (a full disk, an I/O error, a
 * file or folder that cannot be opened or written, a lock held too long),
 * 4 is a fault of oversight itself.  A statement that fails half way
 * through a load is either; wherr_class() tells them apart by the
 * connection's last error and answers in msg.h's classes (enum err), so a
 * full disk never reads as an internal error.  The exit code of a class
 * is still err_exit()'s alone.
 */
#ifndef OVERSIGHT_WHERR_H
#define OVERSIGHT_WHERR_H

#include "msg.h"
#include "wh.h"

/* 1 if the SQLite result code (extended or primary) is the environment's. */
int wherr_environmental(int code);

/* ERR_ENV when w's last error is the environment's and e says something
 * failed (not ERR_NONE); otherwise e. */
enum err wherr_class(struct wh *w, enum err e);

#endif
