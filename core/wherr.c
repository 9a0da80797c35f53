/*
 * wherr.c - the environment's SQLite failures: see wherr.h.
 */
#include "msg.h"
#include "wherr.h"

int wherr_environmental(int code)
{
	switch (code & 0xff) {
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return 1;
	}
	return 0;
}

enum err wherr_class(struct wh *w, enum err e)
{
	if (e != ERR_NONE && w && w->db && wherr_environmental(sqlite3_errcode(w->db)))
		return ERR_ENV;
	return e;
}
