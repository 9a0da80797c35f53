/*
 * whid.h - the warehouse's identity: PRAGMA application_id.
 *
 * 'oversight init' writes WHID_APPLICATION_ID into the SQLite header, and
 * every command checks it (wh_open()) before it changes anything, so a
 * database another program made is refused untouched: no tables added,
 * its journal mode left as it was.  Accepted without the id: a file with
 * no tables yet (init makes it a warehouse) and a warehouse made before
 * the id was written (it has the warehouse's own tables; init adds the
 * id).
 */
#ifndef OVERSIGHT_WHID_H
#define OVERSIGHT_WHID_H

#include <sqlite3.h>

#define WHID_APPLICATION_ID 0x4f565354 /* "OVST" */

/* 0 when the database db (the file at path) is a warehouse (or empty); -1 after printing that it is
 * another program's database. */
int whid_check(sqlite3 *db, const char *path);

/* Write the id (inside init's transaction). */
int whid_set(sqlite3 *db, const char *path);

#endif
